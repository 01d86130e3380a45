"""Request dependencies: one read-only store connection per request."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request

from foreigndesk.store import Store


def store(request: Request) -> Iterator[Store]:
    """A read-only connection to the server's store, closed after the request."""
    s = Store.open(request.app.state.db_path, readonly=True)
    try:
        yield s
    finally:
        s.close()
