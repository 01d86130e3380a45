"""``foreigndesk ingest`` and ``foreigndesk extract``."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from foreigndesk.cli.fetching import fetch_options, make_fetcher
from foreigndesk.cli.output import db_create_option, error, fail
from foreigndesk.extract.budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Budget
from foreigndesk.ingest import read_paths
from foreigndesk.model import Extraction, to_json
from foreigndesk.run.local import ExtractError, default_workers, run

T = TypeVar("T")


def _progress(results: Iterator[T]) -> Iterator[T]:
    with click.progressbar(results, label="ingesting", file=sys.stderr, show_pos=True) as bar:
        yield from bar


workers_option = click.option(
    "--workers", "-j", type=click.IntRange(1, 64), default=None,
    help="Worker processes for extraction (default: one per core, at most 8; "
         "1 runs in this process).",
)
follow_links_option = click.option(
    "--follow-links", is_flag=True,
    help="Follow symbolic links that lead outside the directories given (by default they "
         "are reported and not read).",
)


def budget_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--doc-timeout`` and ``--doc-memory``: each document's extraction budget."""
    f = click.option(
        "--doc-memory", type=click.FloatRange(min=0), default=DEFAULT_MEMORY_MB,
        show_default=True, metavar="MB",
        help="Memory budget of one document's extraction (growth of the process, in MB; "
             "0: none). A document over it fails alone.")(f)
    return click.option(
        "--doc-timeout", type=click.FloatRange(min=0), default=DEFAULT_SECONDS,
        show_default=True, metavar="SECONDS",
        help="Time budget of one document's extraction (0: none). A document over it fails "
             "alone, with a line saying so.")(f)


def _limits(seconds: float, memory_mb: float) -> Budget | None:
    if not seconds and not memory_mb:
        return None
    return Budget(seconds=seconds or float("inf"), memory_mb=memory_mb)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_create_option
@workers_option
@follow_links_option
@budget_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False),
              help="A file of URLs to fetch, one per line (# starts a comment); repeatable.")
@fetch_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, follow_links: bool,
           doc_timeout: float, doc_memory: float, quiet: bool, url_lists: tuple[str, ...],
           delay: float, timeout: float, max_size: int | None, retries: int,
           backoff: float) -> None:
    """Read PATHS (files, directories or http(s) URLs), extract every fact and store them.

    A URL is fetched politely (an honest User-Agent, robots.txt, a delay between requests to
    one host, timeouts, a size limit, retries with backoff, conditional requests against the
    store's HTTP cache) and its main text and metadata (title, date, outlet, author,
    canonical URL) are read with trafilatura. No logins, no JavaScript.

    Readers are chosen by extension and content: plain text (a dossier that compiles
    several articles is split into one document per article), HTML, JSON Lines, RSS/Atom.
    A document already in the store (same normalised text) is not added again. Files that
    cannot be read (unreadable, binary, empty, undecodable, over 5 MB of text, malformed,
    nested too deeply, a data table) are reported on stderr, one line each, and the rest is
    ingested; the exit status is 1 when any input failed. Documents are read, extracted and
    stored one at a time, each within a time and memory budget (--doc-timeout,
    --doc-memory) and in one transaction: Ctrl-C stops with exit status 130 and leaves only
    complete documents; running again adds the rest.
    """
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.ingest.urls import read_inputs, read_url_lists
    from foreigndesk.run.stream import Counts, ingest_stream
    from foreigndesk.store import Store

    if not paths and not url_lists:
        raise click.UsageError("give PATHS or URLs to ingest, or --urls FILE")
    counts = Counts()
    interrupted = False
    try:
        store = Store.open(db)
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
    fetcher = make_fetcher(store, delay, timeout, max_size, retries, backoff)
    listed, bad_lists = read_url_lists(url_lists)
    for bad in bad_lists:
        error(str(bad))
        counts.failed.append(bad.path)
    paths = paths + tuple(listed)
    items = read_inputs(paths, fetcher,
                        read_files=lambda ps: read_paths(ps, follow_links=follow_links))
    try:
        ingest_stream(items, store, error, counts,
                      workers=workers or default_workers(),
                      limits=_limits(doc_timeout, doc_memory),
                      progress=None if quiet else _progress)
        if counts.added or store.analyses_stale:
            refresh(store)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        store.close()
    if not quiet or interrupted:
        click.echo(f"{counts.added} added, {counts.present} already present, "
                   f"{len(counts.failed)} failed" + (" (interrupted)" if interrupted else ""),
                   err=True)
    if interrupted:
        sys.exit(130)
    if counts.failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@workers_option
@follow_links_option
@budget_options
@click.option("--no-text", is_flag=True, help="Leave the full text out of document objects.")
def extract(paths: tuple[str, ...], workers: int | None, follow_links: bool, doc_timeout: float,
            doc_memory: float, no_text: bool) -> None:
    """Read PATHS and print every fact as JSON Lines, without a store.

    One JSON object per line: first the document (type "document"), then its sentences,
    mentions, time values, places, events, claims and quantities. Each object has a "type",
    the "doc_id" and its character span ("start", "end") in the document text, so the output
    composes in a pipe (jq, another program, a notebook).
    """
    from foreigndesk.run.stream import Counts, checked_documents

    counts = Counts()
    failed = counts.failed
    out = sys.stdout
    try:
        docs = checked_documents(read_paths(paths, follow_links=follow_links), error, counts)
        for r in run(docs, workers=workers or default_workers(),
                     limits=_limits(doc_timeout, doc_memory)):
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
