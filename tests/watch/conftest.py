"""Fixtures of the watcher tests: a real web site on 127.0.0.1 (tests/watch/site.py)."""

from __future__ import annotations

import pytest

from tests.watch.site import Article, Site, SiteServer

FIRST = Article("first", "China pledges aid to Cuba", [
    "China pledged new aid to Cuba on Friday, the Chinese foreign ministry said in a "
    "statement issued in Beijing.",
    "The Cuban government thanked Beijing for the donation of rice and solar panels, "
    "officials in Havana said.",
    "The aid will reach the island by ship before the end of March, the statement added."],
    published="2023-02-10", outlet="Havana Ledger", author="Ana Ruiz")

# fast and bounded: short delays, timeouts and backoff
FAST = ["--delay", "0.02", "--timeout", "0.5", "--retries", "2", "--backoff", "0.05",
        "--max-size", "1000000"]


@pytest.fixture
def site():
    s = Site(slow_seconds=1.5)
    s.add(FIRST)
    server = SiteServer(s)
    yield s
    server.close()
