"""Options of the commands that fetch from the web (``ingest URL``, ``watch``), documented
once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # imported when a fetcher is made (http.client, ssl: not at every start)
    from foreigndesk.ingest.fetch import Fetcher

F = TypeVar("F", bound=Callable[..., Any])


def fetch_options(f: F) -> F:
    """``--delay``, ``--timeout``, ``--max-size``, ``--retries``."""
    for opt in reversed([
        click.option("--delay", type=click.FloatRange(0, 3600), default=1.0, show_default=True,
                     help="Seconds between two requests to one host (a robots.txt "
                          "Crawl-delay that is longer wins)."),
        click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0,
                     show_default=True,
                     help="Seconds to wait for a connection, and for data once connected "
                          "(a whole response gets three times as long)."),
        click.option("--max-size", type=click.IntRange(1024), default=None,
                     help="Largest response read, in bytes (default 20 MB); reading stops "
                          "past it."),
        click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="Further attempts after a 5xx, 429 or timeout, with exponential "
                          "backoff from --backoff seconds."),
        click.option("--backoff", type=click.FloatRange(0, 600), default=2.0,
                     show_default=True, help="Seconds before the first retry (doubled each "
                                             "time)."),
    ]):
        f = opt(f)
    return f


def make_fetcher(store: Any, delay: float, timeout: float, max_size: int | None, retries: int,
                 backoff: float) -> Fetcher:
    from foreigndesk.ingest.fetch import Fetcher, FetchPolicy

    policy = FetchPolicy(delay=delay, connect_timeout=min(timeout, 10.0) if timeout > 10
                         else timeout, read_timeout=timeout, total_timeout=timeout * 3,
                         retries=retries, backoff=backoff)
    if max_size:
        policy.max_bytes = max_size
    return Fetcher(policy, store=store)  # one line per failure: the FetchError's
