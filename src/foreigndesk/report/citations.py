"""Numbered citations: every statement of a brief cites the sentence it rests on.

A sentence gets its number the first time it is cited, so numbers run in order of first use
as long as the brief is assembled in the order it is read. The reference list gives, for each
number, the document (outlet, publication date, URL, title, id) and the sentence, quoted as
stored, with its index."""

from __future__ import annotations

from dataclasses import dataclass

from foreigndesk.links import safe_url
from foreigndesk.store import Store
from foreigndesk.store.document_rows import sentence_at, sentence_citation


@dataclass(frozen=True)
class Reference:
    """One entry of the reference list."""

    n: int
    doc_id: str
    sentence_index: int
    sentence: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None
    page: int | None = None  # the page of a paged source (PDF)

    @property
    def link(self) -> str | None:
        """The URL when it may be a link (http or https), else None."""
        return safe_url(self.url)


class Citations:
    """Hands out citation numbers for (document, sentence index), in order of first use."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._numbers: dict[tuple[str, int], int] = {}
        self._refs: list[Reference] = []

    def cite(self, doc_id: str, sentence_index: int) -> int:
        """The number of this sentence's citation (a new one the first time). Raises
        LookupError when the store has no such sentence."""
        key = (doc_id, int(sentence_index))
        n = self._numbers.get(key)
        if n is not None:
            return n
        r = sentence_citation(self._store, *key)
        if r is None:
            raise LookupError(f"no sentence {key[1]} in document {doc_id}")
        n = len(self._refs) + 1
        self._refs.append(Reference(n, key[0], key[1], r["sentence"], r["outlet"],
                                    r["published"], r["url"], r["title"], r["page"]))
        self._numbers[key] = n
        return n

    def sentence_at(self, doc_id: str, offset: int) -> int | None:
        """The index of the sentence of ``doc_id`` holding character ``offset`` (or the first
        one starting after it), None when there is none."""
        return sentence_at(self._store, doc_id, offset)

    @property
    def references(self) -> list[Reference]:
        return list(self._refs)

    def __len__(self) -> int:
        return len(self._refs)
