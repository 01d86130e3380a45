"""Sentences from the single spaCy pass (the segmenter is ``senter``)."""

from __future__ import annotations

from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Sentence


class SentenceExtractor:
    name = "sentences"
    version = "1"
    needs = frozenset({"sentences"})
    languages = ("en", "es", "zh", "*")  # every language ("*": one without a pipeline)

    def __call__(self, pd: ParsedDoc) -> None:
        out = pd.extraction.sentences
        for i, s in enumerate(pd.sents):
            text = pd.sent_text(i).rstrip()
            out.append(Sentence(pd.doc_id, i, s.start_char, s.start_char + len(text), text,
                                self.name, self.version))


EXTRACTOR = SentenceExtractor()
