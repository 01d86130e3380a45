"""A small in-process cache of computed views, keyed by the state of the store file: any
write to the store (its file or its WAL changes) makes every entry stale."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 64
_entries: OrderedDict[Hashable, Any] = OrderedDict()
_lock = threading.Lock()


def stamp(db_path: str) -> tuple[tuple[int, int], ...]:
    """(mtime, size) of the store file and its WAL: changes whenever anything is written."""
    out = []
    for p in (db_path, db_path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((0, 0))
    return tuple(out)


def memo(db_path: str, key: Hashable, compute: Callable[[], T]) -> T:
    full = (db_path, stamp(db_path), key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]
    value = compute()
    with _lock:
        _entries[full] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value
