"""A time and memory budget for the extraction of one document.

:func:`budget` runs a block under a deadline and a ceiling on memory growth. In the main
thread of a process (the ``ingest`` command, each worker process) a watchdog timer
(``SIGALRM`` every :data:`TICK` seconds) checks both and raises :class:`BudgetExceeded` in
the middle of whatever runs; elsewhere (a web server's thread) the checks happen at the
:func:`checkpoint` calls between stages: between segments of the spaCy pass and between
extractors. The spaCy pass runs on bounded segments (:func:`foreigndesk.extract.nlp.segments`)
so that a check is never far away.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

TICK = 0.1
DEFAULT_SECONDS = 120.0
"""The default time budget of one document (``ingest --doc-timeout``)."""
DEFAULT_MEMORY_MB = 600
"""The default memory budget of one document: growth of the process's resident memory while
it is extracted (``ingest --doc-memory``). The model itself takes about 310 MB."""

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class BudgetExceeded(Exception):
    """The document took more time or memory than its budget."""


@dataclass
class Budget:
    seconds: float = DEFAULT_SECONDS
    memory_mb: float = DEFAULT_MEMORY_MB


def rss_bytes() -> int:
    """The process's resident memory now (0 where /proc is absent)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


@dataclass
class _Active:
    deadline: float
    rss_limit: float
    seconds: float
    memory_mb: float

    def check(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"took longer than its time budget ({self.seconds:g} s)")
        if self.rss_limit and rss_bytes() > self.rss_limit:
            raise BudgetExceeded(f"needed more than its memory budget "
                                 f"({self.memory_mb:g} MB)")


_local = threading.local()


def checkpoint() -> None:
    """Raise :class:`BudgetExceeded` when the running document is over its budget."""
    active: _Active | None = getattr(_local, "active", None)
    if active is not None:
        active.check()


@contextmanager
def budget(b: Budget | None) -> Iterator[None]:
    """Run the block within ``b`` (nothing when None)."""
    if b is None:
        yield
        return
    start = rss_bytes()
    active = _Active(time.monotonic() + b.seconds,
                     start + b.memory_mb * 2**20 if start and b.memory_mb else 0,
                     b.seconds, b.memory_mb)
    previous = getattr(_local, "active", None)
    _local.active = active
    watchdog = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    old_handler = None
    if watchdog:
        def on_tick(_signum: int, _frame: object) -> None:
            if _local.active is active:
                active.check()

        old_handler = signal.signal(signal.SIGALRM, on_tick)
        signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        if watchdog:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, old_handler or signal.SIG_DFL)
        _local.active = previous
