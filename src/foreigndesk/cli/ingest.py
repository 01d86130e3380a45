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
from foreigndesk.config import ExtractConfig
from foreigndesk.extract.budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS
from foreigndesk.ingest import read_paths
from foreigndesk.model import Extraction, to_json
from foreigndesk.run.local import ExtractError, default_workers, run

EXECUTORS = ("inline", "processes", "dask")  # foreigndesk.run.executors (not imported here)
EMBED_BACKENDS = ("auto", "wordllama", "minilm", "none")  # foreigndesk.analyze.embed

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


def config_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The extraction settings of the command line (they make the run's ExtractConfig;
    ``$FOREIGNDESK_EVENT_DICTIONARIES`` and ``$FOREIGNDESK_EMBED`` fill their defaults)."""
    f = click.option(
        "--language", default=None, metavar="CODE",
        help="Language of documents whose reader gives none (default: detected per "
             "document).")(f)
    f = click.option(
        "--event-dictionaries", type=click.Path(exists=True, file_okay=False), default=None,
        help="A directory of event verbs (foreigndesk's verbs.tsv/nouns.tsv or PETRARCH's "
             "format) used instead of foreigndesk's CAMEO dictionary "
             "[env: FOREIGNDESK_EVENT_DICTIONARIES].")(f)
    return f


def make_config(doc_timeout: float, doc_memory: float, language: str | None = None,
                event_dictionaries: str | None = None, embed: str | None = None
                ) -> ExtractConfig:
    """The run's config: the options given, the environment's defaults for the others (an
    event dictionary that cannot be read is a usage error now, not a failure per document)."""
    config = ExtractConfig.from_env(doc_seconds=doc_timeout, doc_memory_mb=doc_memory,
                                    language=language, event_dictionaries=event_dictionaries,
                                    embed=embed)
    if config.event_dictionaries:
        from foreigndesk.extract.events import load_dictionary

        try:
            load_dictionary(config.event_dictionaries)
        except (OSError, ValueError) as e:
            raise ValueError(f"event dictionaries {config.event_dictionaries}: {e}") from e
    return config


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@db_create_option
@workers_option
@click.option("--executor", type=click.Choice(EXECUTORS), default=None,
              help="Where extraction runs: this process (inline), local worker processes "
                   "(processes; the default, inline with -j 1) or a dask.distributed cluster "
                   "(dask: a local cluster of --workers processes, started for the run).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:PORT",
              help="Join the dask cluster of this scheduler instead of starting one "
                   "(implies --executor dask).")
@follow_links_option
@budget_options
@config_options
@click.option("--embed", type=click.Choice(EMBED_BACKENDS), default=None,
              help="Sentence-embedding backend of the claim clusters [env: FOREIGNDESK_EMBED; "
                   "default: auto].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False),
              help="A file of URLs to fetch, one per line (# starts a comment); repeatable.")
@fetch_options
def ingest(paths: tuple[str, ...], db: str, workers: int | None, executor: str | None,
           scheduler: str | None, follow_links: bool, doc_timeout: float, doc_memory: float,
           language: str | None, event_dictionaries: str | None, embed: str | None,
           quiet: bool, url_lists: tuple[str, ...], delay: float, timeout: float,
           max_size: int | None, retries: int, backoff: float) -> None:
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

    Extraction runs in local worker processes (--workers), in this process (--executor
    inline), or on dask.distributed (--executor dask starts a local cluster; --scheduler
    tcp://HOST:PORT joins a running one, whose workers have foreigndesk installed); every
    executor stores the same facts.
    """
    from foreigndesk.ingest.urls import read_inputs, read_url_lists
    from foreigndesk.run.executors import make_executor
    from foreigndesk.run.service import Report
    from foreigndesk.run.service import ingest as run_ingest
    from foreigndesk.store import Store

    if not paths and not url_lists:
        raise click.UsageError("give PATHS or URLs to ingest, or --urls FILE")
    try:
        config = make_config(doc_timeout, doc_memory, language, event_dictionaries, embed)
    except (TypeError, ValueError) as e:
        raise click.UsageError(str(e)) from None
    report = Report()
    interrupted = False
    try:
        store = Store.open(db)
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
    fetcher = make_fetcher(store, delay, timeout, max_size, retries, backoff)
    listed, bad_lists = read_url_lists(url_lists)
    for bad in bad_lists:
        error(str(bad))
        report.failed.append(bad.path)
    paths = paths + tuple(listed)
    items = read_inputs(paths, fetcher,
                        read_files=lambda ps: read_paths(ps, follow_links=follow_links))
    try:
        runner = make_executor(executor or "processes", workers, scheduler)
    except (ImportError, ValueError) as e:
        store.close()
        fail(f"executor: {e} (the dask executor needs pip install 'foreigndesk[dask]')"
             if isinstance(e, ImportError) else f"executor: {e}")
    try:
        run_ingest(items, store, runner, config, on_error=error, report=report,
                   progress=None if quiet else _progress)
    except KeyboardInterrupt:
        interrupted = True
    except OSError as e:  # a dask scheduler that cannot be reached
        store.close()
        runner.close()
        fail(f"executor {runner.name}: {e}")
    finally:
        runner.close()
        store.close()
    if not quiet or interrupted:
        click.echo(f"{report.added} added, {report.present} already present, "
                   f"{len(report.failed)} failed" + (" (interrupted)" if interrupted else ""),
                   err=True)
    if interrupted:
        sys.exit(130)
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@workers_option
@follow_links_option
@budget_options
@config_options
@click.option("--no-text", is_flag=True, help="Leave the full text out of document objects.")
def extract(paths: tuple[str, ...], workers: int | None, follow_links: bool, doc_timeout: float,
            doc_memory: float, language: str | None, event_dictionaries: str | None,
            no_text: bool) -> None:
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
        config = make_config(doc_timeout, doc_memory, language, event_dictionaries)
    except (TypeError, ValueError) as e:
        raise click.UsageError(str(e)) from None
    try:
        docs = checked_documents(read_paths(paths, follow_links=follow_links), error, counts)
        for r in run(docs, workers=workers or default_workers(), config=config):
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
