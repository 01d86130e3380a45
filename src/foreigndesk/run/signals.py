"""Signals around store writes."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


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
