"""The store: SQLite (WAL) by default at ./foreigndesk.db. See :mod:`foreigndesk.store.db`."""

from foreigndesk.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
