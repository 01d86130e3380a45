"""Ingest as a stream: read → extract → store, one document at a time.

:func:`ingest_stream` takes any iterable of documents and read errors (the file readers'
:func:`~foreigndesk.ingest.read_paths`, or any other source of documents) and a store. Each
document is extracted within its budget and stored in its own transaction as soon as it is
ready; a read error, an oversized document, a failed extraction or a document that cannot
be stored gives one line through ``report`` and the batch goes on. Nothing is kept back:
an interrupted or failing batch keeps every document stored before it, and running it again
adds only the rest.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from foreigndesk.extract.budget import Budget
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
from foreigndesk.ingest.errors import ReadError
from foreigndesk.model import Document
from foreigndesk.run.local import ExtractError, Result, run
from foreigndesk.store import Store


@dataclass
class Counts:
    """What a batch did so far (kept up to date while it runs, so an interrupt can report)."""

    added: int = 0
    present: int = 0
    failed: list[str] = field(default_factory=list)


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold a Ctrl-C that arrives during a store write until the write has finished.

    SQLite's COMMIT may complete just before Python raises KeyboardInterrupt; the interrupt
    then lands in the rollback path of a transaction that is already committed. Deferring it
    keeps each document all-or-nothing and the exit clean."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def checked_documents(items: Iterable[Document | ReadError], report: Callable[[str], None],
                      counts: Counts, known: Callable[[str], bool] | None = None
                      ) -> Iterator[Document]:
    """The documents of ``items`` worth extracting: read errors and oversized texts reported
    (and counted failed), documents already seen in this batch or ``known`` counted present."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, ReadError):
            report(str(item))
            counts.failed.append(item.path)
        elif len(item.text) > MAX_TEXT_CHARS:
            report(f"{item.source}: too large ({len(item.text):,} characters of text; "
                   f"the limit is {MAX_TEXT_CHARS:,})")
            counts.failed.append(item.source or "?")
        elif item.id in seen or (known is not None and known(item.id)):
            counts.present += 1
        else:
            seen.add(item.id)
            yield item


def ingest_stream(items: Iterable[Document | ReadError], store: Store, report: Callable[[str], None],
                  counts: Counts | None = None, workers: int = 1, limits: Budget | None = None,
                  progress: Callable[[Iterator[Result]], Iterator[Result]] | None = None
                  ) -> Counts:
    """Extract and store every document of ``items``, one transaction per document; one line
    through ``report`` per failure. ``counts`` (updated as it goes) is returned."""
    counts = counts if counts is not None else Counts()
    docs = checked_documents(items, report, counts, store.has_document)
    results = run(docs, workers=workers, limits=limits)
    if progress is not None:
        results = progress(results)
    for r in results:
        if isinstance(r, ExtractError):
            report(f"{r.document.source}: {r.reason}")
            counts.failed.append(r.document.source or "?")
            continue
        try:
            with sigint_deferred():  # one transaction per document: all of it or nothing
                if store.add(r):
                    counts.added += 1
                else:
                    counts.present += 1
        except (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError,
                ValueError, OverflowError) as e:  # this document's data, not the store
            report(f"{r.document.source}: could not be stored ({type(e).__name__}: {e})")
            counts.failed.append(r.document.source or "?")
    return counts
