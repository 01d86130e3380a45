"""``foreigndesk watch``: follow feeds, OPML lists, URL lists and pages on a schedule."""

from __future__ import annotations

import functools
import signal
import sys
import time
from datetime import UTC, datetime
from typing import Any

import click

from foreigndesk.cli.alerts import alerts_file_option, jsonl_option, run_check, webhook_option
from foreigndesk.cli.fetching import fetch_options, make_fetcher
from foreigndesk.cli.output import db_create_option, error, fail


def _say(line: str) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    click.echo(f"{stamp} {line}")
    sys.stdout.flush()


def _say_in(cycle: int, line: str) -> None:
    _say(f"cycle {cycle} · {line}")


def _on_term(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt  # systemd's stop: the same clean stop as Ctrl-C


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_create_option
@click.option("--every", default="15m", show_default=True,
              help="Time between the starts of two cycles: 30s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Run one cycle and exit (for cron or a systemd "
                                           "timer).")
@click.option("--max-cycles", type=click.IntRange(1), default=None,
              help="Stop after this many cycles.")
@alerts_file_option
@jsonl_option
@webhook_option
@fetch_options
def watch(sources: tuple[str, ...], db: str, every: str, once: bool, max_cycles: int | None,
          alert_files: tuple[str, ...], jsonl: str | None, webhook: str | None, delay: float,
          timeout: float, max_size: int | None, retries: int, backoff: float) -> None:
    """Follow SOURCES: fetch the items not seen yet, ingest them, evaluate the watches.

    A source is an RSS/Atom feed (URL or file), an OPML list of feeds, a file of URLs (one
    per line, # comments; a feed in it is followed as a feed, a page is ingested once), or
    a page's URL. Feed entries are read from the pages they link to (fetched politely, as
    `foreigndesk ingest URL` does).

    State lives in the store: the items seen, the HTTP cache (ETag, Last-Modified), each
    source's last run and errors. A restart, even after kill -9, resumes with no duplicate
    and no gap: an item is marked seen in the transaction that stores its document. An item
    that fails is tried again in the next cycles (three attempts in all).

    Each cycle prints one line per source (new, seen, failed), one per new alert, and a
    summary. Ctrl-C (or SIGTERM) stops cleanly: the document being stored is stored whole or
    not at all; exit status 130. With --once the exit status is 1 when every source failed.
    """
    from foreigndesk.alerts.definitions import WatchError, all_watches
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.config import ExtractConfig
    from foreigndesk.run.stream import sigint_deferred
    from foreigndesk.store import Store
    from foreigndesk.watch.cycle import Watcher
    from foreigndesk.watch.schedule import parse_duration, sleep_until

    try:
        period = parse_duration(every)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--every") from None
    cycles = 1 if once else max_cycles
    store = Store.open(db)
    try:
        all_watches(store, alert_files)  # a bad YAML file fails now, not after a cycle
    except WatchError as e:
        store.close()
        fail(str(e))
    fetcher = make_fetcher(store, delay, timeout, max_size, retries, backoff)
    config = ExtractConfig.from_env()  # the environment's dictionaries and embedding backend
    watcher = Watcher(store, fetcher, list(sources), log=error, guard=sigint_deferred,
                      config=config)
    previous = signal.signal(signal.SIGTERM, _on_term)
    n = 0
    all_failed = False
    busy = False
    try:
        while cycles is None or n < cycles:
            n += 1
            busy = True
            started = time.monotonic()
            say = functools.partial(_say_in, n)
            rep = watcher.cycle(report=lambda r: say(r.line()))  # noqa: B023 - used at once
            if rep.new or store.analyses_stale:
                refresh(store, config)
            try:
                ids = run_check(store, alert_files, jsonl, webhook,
                                say)
            except WatchError as e:  # the file was edited into a bad state meanwhile
                error(str(e))
                ids = []
            all_failed = bool(rep.sources) and all(s.error for s in rep.sources)
            last = cycles is not None and n >= cycles
            nxt = "" if last else \
                f"; next in {max(0.0, started + period - time.monotonic()):.0f} s"
            busy = False  # before the line: a signal sent on reading it finds the cycle over
            _say(f"cycle {n} done: {rep.new} new, {rep.failed} failed, {len(ids)} alerts{nxt}")
            if last:
                break
            sleep_until(started + period)
    except KeyboardInterrupt:
        _say(f"stopped during cycle {n}" if busy else f"stopped after cycle {n}")
        store.close()
        signal.signal(signal.SIGTERM, previous)
        sys.exit(130)
    store.close()
    signal.signal(signal.SIGTERM, previous)
    if once and all_failed:
        sys.exit(1)


COMMANDS = [watch]
