"""The first person inside quotations: "I" is whoever the quotation is attributed to.

Runs after the claim extractor. For each direct claim whose speaker resolved to an actor, the
"I/me/my" of its quoted words become mentions of the speaker and "we/us/our" mentions of the
government or organisation the speaker speaks for (as in transcripts, see
:mod:`foreigndesk.extract.turns`), so that the event coder reads ``"We will impose
sanctions," the minister said`` as the minister's government acting.
"""

from __future__ import annotations

from foreigndesk.extract.actor_data import load_index
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.turns import SpeakerFinder, first_person


class QuoteSpeakerExtractor:
    name = "quote_speakers"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas"})

    def __call__(self, pd: ParsedDoc) -> None:
        claims = [c for c in pd.extraction.claims if c.direct and c.speaker_actor]
        if not claims:
            return
        finder = SpeakerFinder(pd)
        ix = load_index()
        for c in claims:
            actor = pd.extraction.actors.get(c.speaker_actor or "") or ix.actors.get(
                c.speaker_actor or "")
            if actor is None:
                continue
            speaker = finder.speaker(actor)
            first_person(pd, c.content_start, c.content_end, speaker)


EXTRACTOR = QuoteSpeakerExtractor()
