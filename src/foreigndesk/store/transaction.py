"""One write transaction around a block: the lock is taken at the start (so two writers
queue instead of failing half-way), committed at the end, rolled back on any exception."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from foreigndesk.store.db import Store


@contextmanager
def write_transaction(store: Store) -> Iterator[None]:
    """``with write_transaction(store): ...`` commits what the block wrote, or nothing."""
    c = store.conn
    c.execute("BEGIN IMMEDIATE")
    try:
        yield
        c.execute("COMMIT")
    except BaseException:
        if c.in_transaction:
            c.execute("ROLLBACK")
        raise
