"""The ingest service: read → extract → store → refresh of the store-wide analyses.

:func:`ingest` is what ``foreigndesk ingest``, the web's ``POST /api/ingest``, the
evaluation and the benchmarks call. It takes the sources (paths, documents, read errors, in
any mix), a store, an executor (:mod:`foreigndesk.run.executors`: inline, local processes,
dask) and an :class:`~foreigndesk.config.ExtractConfig`, and returns a :class:`Report`.

Documents stream through: each one is extracted within its budget (by the executor, results
in input order) and stored in batches (:meth:`Store.add_many`: one transaction, a savepoint
per document, so a document is all or nothing and a bad one does not keep the others out):
the first document alone, then up to ``BATCH`` documents, or fewer once the oldest has
waited ``FLUSH_SECONDS`` (checked as each result arrives), and the rest at the end. A read
error, an oversized document, a failed extraction or a document that cannot be stored gives
one line through ``on_error`` and the batch goes on. Nothing is kept back: an interrupted
(Ctrl-C) or failing run stores the documents extracted before it, and running it again adds
only the rest; a document counts as added once its batch is committed. At
the end, when anything was added (or an earlier run left them stale), the store-wide
analyses are brought up to date from the new documents
(:func:`foreigndesk.analyze.refresh.refresh`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.ingest.errors import ReadError
from foreigndesk.model import Document, Extraction
from foreigndesk.run.executors import Executor, Inline
from foreigndesk.run.local import ExtractError, Result
from foreigndesk.run.stream import (
    Counts,
    checked_documents,
    sigint_deferred,
    sigint_noted,
    sigint_requested,
)
from foreigndesk.store import Store

Source = Document | ReadError | str | os.PathLike[str]
BATCH = 20            # documents stored in one transaction (a savepoint each)
FLUSH_SECONDS = 2.0   # a batch is stored once its oldest document waited this long


@dataclass
class Report(Counts):
    """What an ingest did (kept up to date while it runs, so an interrupt can report):
    ``added``/``present`` counts and the sources that ``failed`` (from :class:`Counts`), the
    ids and titles of the documents added, one message per failure, whether the analyses
    were refreshed, and the seconds taken by extraction and storing, and by the analyses."""

    documents: list[tuple[str, str | None]] = field(default_factory=list)
    present_ids: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    refreshed: bool = False
    seconds: float = 0.0
    refresh_seconds: float = 0.0


def _items(sources: Iterable[Source], follow_links: bool) -> Iterator[Document | ReadError]:
    from foreigndesk.ingest import read_paths

    for s in sources:
        if isinstance(s, (str, os.PathLike)):
            yield from read_paths([os.fspath(s)], follow_links=follow_links)
        else:
            yield s


def ingest(sources: Iterable[Source], store: Store, executor: Executor | None = None,
           config: ExtractConfig = DEFAULT, *, on_error: Callable[[str], None] | None = None,
           progress: Callable[[Iterator[Result]], Iterator[Result]] | None = None,
           report: Report | None = None, follow_links: bool = False,
           refresh: bool = True) -> Report:
    """Read, extract and store every source, then refresh the store-wide analyses.

    ``sources``: paths (files or directories, read by :func:`foreigndesk.ingest.read_paths`;
    ``follow_links`` as there), documents, or read errors to report. ``executor``: where
    extraction runs (default: this process). ``on_error`` receives one line per failure (they
    are also kept in :attr:`Report.errors`). ``progress`` wraps the stream of results (a
    progress bar). ``report`` is updated as the batch goes (pass one to read it after a
    KeyboardInterrupt) and returned. ``refresh=False`` leaves the analyses to the caller (the
    store marks them stale)."""
    rep = report if report is not None else Report()
    executor = executor or Inline()

    def fail(message: str) -> None:
        rep.errors.append(message)
        if on_error is not None:
            on_error(message)

    t0 = time.perf_counter()

    def known(doc_id: str) -> bool:
        if store.has_document(doc_id):
            rep.present_ids.append(doc_id)
            return True
        return False

    docs = checked_documents(_items(sources, follow_links), fail, rep, known)
    results = executor.map(docs, config)
    if progress is not None:
        results = progress(results)
    prepared = False
    batch: list[Extraction] = []
    since = 0.0  # when the oldest document of the batch was extracted

    def flush(last: bool = False) -> None:
        nonlocal prepared
        if not batch:
            return
        todo = batch[:]
        batch.clear()
        # one transaction for the batch, a savepoint per document; a Ctrl-C meanwhile is
        # raised once the batch is committed (or rolled back) and counted
        with sigint_deferred():
            outcomes = store.add_many(todo)
            for r, out in zip(todo, outcomes, strict=True):
                if out is True:
                    rep.added += 1
                    rep.documents.append((r.document.id, r.document.title))
                elif out is False:
                    rep.present += 1
                    rep.present_ids.append(r.document.id)
                else:  # this document's data, not the store
                    fail(f"{r.document.source}: could not be stored "
                         f"({type(out).__name__}: {out})")
                    rep.failed.append(r.document.source or "?")
        if refresh and rep.added and not prepared and not last:
            # the refresh will run: what it loads is loaded now, beside the workers still
            # extracting, rather than alone on one core at the end
            from foreigndesk.analyze.refresh import prepare

            prepare(config)
            prepared = True

    def store_results() -> None:
        nonlocal since
        for r in results:
            if sigint_requested():
                raise KeyboardInterrupt  # one Python swallowed (see sigint_noted)
            if isinstance(r, ExtractError):
                fail(f"{r.document.source}: {r.reason}")
                rep.failed.append(r.document.source or "?")
                continue
            if not batch:
                since = time.perf_counter()
            batch.append(r)
            # the first document alone (the refresh's models load beside the extraction),
            # then batches of up to BATCH documents or FLUSH_SECONDS
            if ((refresh and not prepared) or len(batch) >= BATCH
                    or time.perf_counter() - since >= FLUSH_SECONDS):
                flush()
        if sigint_requested():
            raise KeyboardInterrupt

    try:
        with sigint_noted():
            store_results()
    finally:
        flush(last=True)  # what was extracted before an interrupt or an error is stored too
    rep.seconds += time.perf_counter() - t0
    if refresh and (rep.added or store.analyses_stale):
        from foreigndesk.analyze.refresh import refresh as refresh_analyses

        t1 = time.perf_counter()
        refresh_analyses(store, config)
        rep.refreshed = True
        rep.refresh_seconds += time.perf_counter() - t1
    return rep
