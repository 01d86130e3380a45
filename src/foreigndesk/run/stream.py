"""The pieces of an ingest as a stream (:func:`foreigndesk.run.service.ingest` assembles
them): what a batch did so far (:class:`Counts`), the documents worth extracting
(:func:`checked_documents`), a store write that a Ctrl-C does not cut in two
(:func:`sigint_deferred`), and a Ctrl-C that Python swallowed still stopping the batch
(:func:`sigint_noted`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
from foreigndesk.ingest.errors import ReadError
from foreigndesk.model import Document


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
            _Noted.requested = True
            raise KeyboardInterrupt


class _Noted:
    """Whether a Ctrl-C arrived while :func:`sigint_noted` was in force."""

    requested = False


def _note_and_raise(signum: int, frame: object) -> None:
    _Noted.requested = True
    raise KeyboardInterrupt


@contextmanager
def sigint_noted() -> Iterator[None]:
    """Raise KeyboardInterrupt on Ctrl-C as Python does, and note it too (main thread only).

    Python only prints an exception raised inside a weakref callback or a finaliser
    ("Exception ignored in: <function _get_module_lock.<locals>.cb>"): a Ctrl-C that lands
    while a module is being imported can vanish, and the batch would run to its end. The
    batch loop calls :func:`sigint_requested` between documents and stops there."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _Noted.requested = False
    previous = signal.signal(signal.SIGINT, _note_and_raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        _Noted.requested = False


def sigint_requested() -> bool:
    """Did a Ctrl-C arrive inside :func:`sigint_noted` (even one Python swallowed)?"""
    return _Noted.requested


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
