"""Actors in Spanish and Chinese text, from the dictionaries of ``data/<lang>/actors.yaml``.

Each surface form maps to an English phrase that the language-independent actor dictionary
resolves (:func:`foreigndesk.extract.actors.resolve_name`): "Pekín" -> "Beijing" -> CHNGOV,
"el gobierno cubano" -> "the Cuban government" -> CUBGOV, "习近平" -> Xi Jinping (CHNGOV on
the document's date). Names the dictionary does not hold but the spaCy model tags as a
person or organisation (Spanish only: PER / ORG) are kept as mentions without an actor, so
that a claim can still name its speaker.
"""

from __future__ import annotations

import functools

from foreigndesk.extract.actors import resolve_name
from foreigndesk.extract.intl_data import LANGUAGES, actor_pattern, actor_phrases
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Actor, Mention


@functools.lru_cache(maxsize=4096)
def _resolve(english: str, date: str | None) -> Actor | None:
    return resolve_name(english, date)


class IntlActorExtractor:
    name = "intl_actors"
    version = "1"
    languages = LANGUAGES

    def __call__(self, pd: ParsedDoc) -> None:
        lang = pd.document.language or ""
        text = pd.doc.text
        phrases = actor_phrases(lang)
        taken: list[tuple[int, int]] = []
        for m in actor_pattern(lang).finditer(text):
            english = phrases.get(m.group(0).lower())
            a = _resolve(english, pd.document.published) if english else None
            if a is None:
                continue
            pd.extraction.actors.setdefault(a.id, a)
            taken.append((m.start(), m.end()))
            pd.extraction.mentions.append(Mention(
                pd.doc_id, pd.sentence_index(m.start()), m.start(), m.end(), m.group(0),
                self.name, self.version, 0.9, label="RULE", actor_id=a.id, actor_name=a.name,
                actor_kind=a.kind, country=a.country, sector=a.sector))
        for ent in pd.doc.ents:
            if ent.label_ not in ("PER", "ORG", "PERSON"):
                continue
            if any(s < ent.end_char and ent.start_char < e for s, e in taken):
                continue
            pd.extraction.mentions.append(Mention(
                pd.doc_id, pd.sentence_index(ent.start_char), ent.start_char, ent.end_char,
                ent.text, self.name, self.version, 0.6, label=ent.label_))
        pd.extraction.mentions.sort(key=lambda m: m.start)


EXTRACTOR = IntlActorExtractor()
