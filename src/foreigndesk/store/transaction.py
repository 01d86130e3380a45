"""One write transaction around a block: the lock is taken at the start (so two writers
queue instead of failing half-way), committed at the end, rolled back on any exception.
Inside a transaction already open (a bulk import's), the block is a savepoint of it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from foreigndesk.store.db import Store


@contextmanager
def write_transaction(store: Store) -> Iterator[None]:
    """``with write_transaction(store): ...`` commits what the block wrote, or nothing."""
    c = store.conn
    if c.in_transaction:
        c.execute("SAVEPOINT write_block")
        try:
            yield
            c.execute("RELEASE SAVEPOINT write_block")
        except BaseException:
            c.execute("ROLLBACK TO SAVEPOINT write_block")
            c.execute("RELEASE SAVEPOINT write_block")
            raise
        return
    c.execute("BEGIN IMMEDIATE")
    try:
        yield
        c.execute("COMMIT")
    except BaseException:
        if c.in_transaction:
            c.execute("ROLLBACK")
        raise
