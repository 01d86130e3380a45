"""A small in-process cache of computed views, keyed by the state of the store file: any
write to the store (its file or its WAL changes) makes every entry stale.

The cache is bounded by size, not only by count: each value's size is estimated when it is
stored (:func:`approx_size`), a value larger than :data:`MAX_ENTRY_BYTES` is not kept, and
the least recently used entries leave once the total passes :data:`MAX_BYTES`."""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 64
MAX_BYTES = 64 * 1024 * 1024        # every entry together
MAX_ENTRY_BYTES = 16 * 1024 * 1024  # one entry
_entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
_total = 0
_lock = threading.Lock()
_flights: dict[Hashable, threading.Lock] = {}  # keys being computed


def stamp(db_path: str) -> tuple[tuple[int, int], ...]:
    """Changes whenever anything is written: (mtime, size) of the store file and its WAL, or
    PostgreSQL's write counter (:func:`foreigndesk.store.backends.stamp`)."""
    from foreigndesk.store.backends import stamp as store_stamp

    return store_stamp(db_path)


def approx_size(value: Any, limit: int = MAX_ENTRY_BYTES) -> int:
    """Bytes ``value`` holds, counted through dicts, lists, tuples, sets and dataclasses; the
    count stops once it passes ``limit`` (the value is then too large to keep anyway)."""
    total, stack, seen = 0, [value], set()
    while stack and total <= limit:
        v = stack.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        total += sys.getsizeof(v, 64)
        if isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple, set, frozenset)):
            stack.extend(v)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            stack.extend(getattr(v, f.name) for f in dataclasses.fields(v))
    return total


def memo(db_path: str, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or the value it gave for ``key`` since the store last changed. Two
    requests for the same key at once compute it once: the second waits for the first."""
    full = (db_path, stamp(db_path), key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full][0]
        flight = _flights.setdefault(full, threading.Lock())
    with flight:
        try:
            with _lock:
                if full in _entries:
                    _entries.move_to_end(full)
                    return _entries[full][0]
            return _keep(full, compute())
        finally:
            with _lock:
                _flights.pop(full, None)


def _keep(full: Hashable, value: T) -> T:
    global _total
    size = approx_size(value)
    if size > MAX_ENTRY_BYTES:
        return value  # too large to keep: computed again next time
    with _lock:
        if full in _entries:
            _total -= _entries.pop(full)[1]
        _entries[full] = (value, size)
        _total += size
        while _entries and (len(_entries) > MAX_ENTRIES or _total > MAX_BYTES):
            _total -= _entries.popitem(last=False)[1][1]
    return value


def held() -> tuple[int, int]:
    """(entries, estimated bytes) the cache holds now."""
    with _lock:
        return len(_entries), _total
