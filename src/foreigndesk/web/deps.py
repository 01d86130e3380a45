"""Request dependencies: one read-only store connection per request, with a time budget.

Every query of a request runs under :data:`REQUEST_SECONDS`: SQLite's progress handler
interrupts a statement past the deadline (``sqlite3.OperationalError: interrupted``), which
the application answers with a 4xx saying the request was too costly. A hostile query
therefore never holds a worker longer than that.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from fastapi import Request

from foreigndesk.store import Store

REQUEST_SECONDS = 5.0
MAX_INT = 1_000_000_000
"""The largest integer a query parameter (offset, page, limit) takes (SQLite's integers stop
at 2**63; a page past this one is a typo)."""
_CHECK_EVERY = 5_000  # SQLite virtual machine steps between two looks at the clock


def store(request: Request) -> Iterator[Store]:
    """A read-only connection to the server's store, closed after the request."""
    s = Store.open(request.app.state.db_path, readonly=True)
    deadline = time.monotonic() + REQUEST_SECONDS
    if s.postgres:  # PostgreSQL cancels past statement_timeout (raised as "interrupted")
        s.conn.set_statement_timeout(REQUEST_SECONDS)
    else:
        s.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _CHECK_EVERY)
    try:
        yield s
    finally:
        s.close()
