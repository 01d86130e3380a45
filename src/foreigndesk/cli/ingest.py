"""``foreigndesk ingest`` and ``foreigndesk extract``."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from foreigndesk.cli.fetching import fetch_options, make_fetcher
from foreigndesk.cli.output import db_option, error
from foreigndesk.ingest import ReadError, read_paths
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
from foreigndesk.ingest.fetch import Fetcher
from foreigndesk.model import Document, Extraction, to_json
from foreigndesk.run.local import ExtractError, default_workers, run

T = TypeVar("T")


def _documents(paths: Iterable[str], failed: list[str],
               fetcher: Fetcher | None = None) -> Iterator[Document]:
    from foreigndesk.ingest.urls import read_inputs

    items = read_paths(paths) if fetcher is None else read_inputs(paths, fetcher)
    for item in items:
        if isinstance(item, ReadError):
            error(str(item))
            failed.append(item.path)
        elif len(item.text) > MAX_TEXT_CHARS:
            error(f"{item.source}: too large ({len(item.text):,} characters of text; "
                   f"the limit is {MAX_TEXT_CHARS:,})")
            failed.append(item.source or "?")
        else:
            yield item


@contextmanager
def _sigint_deferred() -> Iterator[None]:
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


def _progress(results: Iterator[T], n: int) -> Iterator[T]:
    with click.progressbar(results, length=n, label="ingesting", file=sys.stderr,
                           show_pos=True) as bar:
        yield from bar


workers_option = click.option(
    "--workers", "-j", type=click.IntRange(1, 64), default=None,
    help="Worker processes for extraction (default: one per core, at most 8; "
         "1 runs in this process).",
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_option
@workers_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False),
              help="A file of URLs to fetch, one per line (# starts a comment); repeatable.")
@fetch_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, quiet: bool,
           url_lists: tuple[str, ...], delay: float, timeout: float, max_size: int | None,
           retries: int, backoff: float) -> None:
    """Read PATHS (files, directories or http(s) URLs), extract every fact and store them.

    A URL is fetched politely (an honest User-Agent, robots.txt, a delay between requests to
    one host, timeouts, a size limit, retries with backoff, conditional requests against the
    store's HTTP cache) and its main text and metadata (title, date, outlet, author,
    canonical URL) are read with trafilatura. No logins, no JavaScript.

    Readers are chosen by extension and content: plain text (a dossier that compiles
    several articles is split into one document per article), HTML, JSON Lines, RSS/Atom.
    A document already in the store (same normalised text) is not added again. Files that
    cannot be read (unreadable, binary, empty, undecodable, over 5 MB of text, malformed)
    are reported on stderr, one line each, and the rest is ingested; the exit status is 1
    when any input failed. Each document is stored in one transaction: Ctrl-C stops with
    exit status 130 and leaves only complete documents; running again adds the rest.
    """
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.store import Store

    failed: list[str] = []
    if not paths and not url_lists:
        raise click.UsageError("give PATHS or URLs to ingest, or --urls FILE")
    store = Store.open(db)
    added = present = 0
    interrupted = False
    fetcher = make_fetcher(store, delay, timeout, max_size, retries, backoff)
    from foreigndesk.ingest.urls import read_url_lists

    listed, bad_lists = read_url_lists(url_lists)
    for e in bad_lists:
        error(str(e))
        failed.append(e.path)
    paths = paths + tuple(listed)
    try:
        todo: list[Document] = []
        seen: set[str] = set()
        for d in _documents(paths, failed, fetcher):
            if d.id in seen or store.has_document(d.id):
                present += 1
                continue
            seen.add(d.id)
            todo.append(d)
        workers = workers or (default_workers() if len(todo) > 1 else 1)
        results = run(todo, workers=min(workers, max(1, len(todo))))
        if not quiet and len(todo) > 3:
            results = _progress(results, len(todo))
        for r in results:
            if isinstance(r, ExtractError):
                error(f"{r.document.source}: {r.reason}")
                failed.append(r.document.source or "?")
                continue
            with _sigint_deferred():  # one transaction per document: all of it or nothing
                if store.add(r):
                    added += 1
                else:
                    present += 1
        if added or store.analyses_stale:
            refresh(store)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        store.close()
    if not quiet or interrupted:
        click.echo(f"{added} added, {present} already present, {len(failed)} failed"
                   + (" (interrupted)" if interrupted else ""), err=True)
    if interrupted:
        sys.exit(130)
    if failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@workers_option
@click.option("--no-text", is_flag=True, help="Leave the full text out of document objects.")
def extract(paths: tuple[str, ...], workers: int | None, no_text: bool) -> None:
    """Read PATHS and print every fact as JSON Lines, without a store.

    One JSON object per line: first the document (type "document"), then its sentences,
    mentions, time values, places, events, claims and quantities. Each object has a "type",
    the "doc_id" and its character span ("start", "end") in the document text, so the output
    composes in a pipe (jq, another program, a notebook).
    """
    failed: list[str] = []
    out = sys.stdout
    try:
        docs = list(_documents(paths, failed))
        for r in run(docs, workers=workers or (default_workers() if len(docs) > 1 else 1)):
            if isinstance(r, ExtractError):
                error(f"{r.document.source}: {r.reason}")
                failed.append(r.document.source or "?")
                continue
            for obj in _objects(r, no_text):
                out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.flush()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # the reader of the pipe went away (| head): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1 if failed else 0)
    if failed:
        sys.exit(1)


def _objects(r: Extraction, no_text: bool) -> Iterator[dict[str, object]]:
    d = to_json(r.document)
    d["start"], d["end"] = 0, len(r.document.text)
    if no_text:
        d.pop("text")
    yield d
    for fact in r.facts():
        yield to_json(fact)


COMMANDS = [ingest, extract]
