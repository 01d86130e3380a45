"""Extraction by chunks: short texts share one batched spaCy pass, with the same facts as
one at a time; when the batch fails, each document is extracted again alone, so a failure
is reported with its own document and the others keep their results."""

from __future__ import annotations

from foreigndesk.extract.budget import Budget
from foreigndesk.model import Document, Extraction
from foreigndesk.run.local import ExtractError, _extract_chunk, extract_one

TEXTS = [
    "Date: 2023-02-06\n\nChina and Cuba signed an accord on Monday in Havana.",
    "Date: 2021-07-22\n\nThe United States imposed sanctions on Cuban officials last week.",
    "Date: 2023-06-12\n\nRussia's foreign minister met his Chinese counterpart on Friday.",
]


def _docs() -> list[Document]:
    from foreigndesk.ingest.text import document_from_text

    return [document_from_text(t, source=f"t{i}.txt")[0] for i, t in enumerate(TEXTS)]


def _facts(r: Extraction) -> tuple:
    return (tuple((m.start, m.end, m.actor_id) for m in r.mentions),
            tuple((t.start, t.value) for t in r.times),
            tuple((e.code, e.source_code, e.target_code, e.date) for e in r.events),
            tuple((c.speaker_text, c.content_start) for c in r.claims))


def test_a_batched_chunk_gives_the_facts_of_one_at_a_time() -> None:
    docs = _docs()
    batched = _extract_chunk(docs, Budget())
    alone = [extract_one(d, Budget()) for d in docs]
    assert all(isinstance(r, Extraction) for r in batched + alone)
    assert [_facts(r) for r in batched] == [_facts(r) for r in alone]  # type: ignore[arg-type]
    assert any(r.events for r in batched)  # type: ignore[union-attr]


def test_a_failed_batch_reports_each_document_alone() -> None:
    docs = _docs()
    out = _extract_chunk(docs, Budget(seconds=1e-6))  # every document is over its budget
    assert [r.document.source for r in out] == [d.source for d in docs]
    assert all(isinstance(r, ExtractError) and "stopped" in r.reason for r in out)
