"""The model's rule ``lemmatizer``, applied through token arrays with a memo.

spaCy's :class:`~spacy.pipeline.Lemmatizer` makes a ``Token`` per word and, in rule mode,
works the lemma out from the word's form, coarse tag and morphology, caching only part of
its answers (a base form is worked out again each time). The lemma is a function of those
three values and of the lookup tables, so :class:`ArrayLemmatizer` reads them from the
document's arrays, asks the lemmatizer once per distinct (form, tag, morphology) and writes
the lemmas back with ``Doc.from_array``: the same lemmas (checked token by token in
``tests/extract/test_lemma_arrays.py``), without a Token per word. Another mode (lookup) uses
the lemmatizer itself.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

MEMO_SIZE = 200_000
"""At most this many (form, tag, morphology) -> lemma answers are kept per process."""


class ArrayLemmatizer:
    """Sets ``LEMMA`` as ``lemmatizer`` does, through arrays (see the module's docstring)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}
        self._checked = False  # the lemmatizer checks its tables on its first document

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if lem.mode != "rule" or not self._checked:
            self._checked = True
            return lem(doc)
        if not len(doc):
            return doc
        memo = self.memo
        strings = doc.vocab.strings
        overwrite = lem.overwrite
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        out: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            h = memo.get(key)
            if h is None:
                h = strings.add(lem.lemmatize(doc[i])[0])
                if len(memo) < MEMO_SIZE:
                    memo[key] = h
            out.append(h)
        doc.from_array([LEMMA], numpy.array(out, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc
