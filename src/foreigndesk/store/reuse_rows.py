"""The stored text-reuse passages (``reuse``): read, counted, replaced; the SQL stays here
(the incremental index is :mod:`foreigndesk.store.reuse_index`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.transaction import write_transaction

COLUMNS = ("earlier_doc", "earlier_start", "earlier_end", "later_doc", "later_start",
           "later_end", "earlier_text", "later_text", "score", "direction_rule", "extractor",
           "version")


def reuse_rows(store: Store, stored_order: bool = False) -> list[dict[str, Any]]:
    """Every stored passage (all its columns), by later document and position (in the order
    they were stored with ``stored_order``)."""
    order = "id" if stored_order else "later_doc, later_start"
    return store.query(f"SELECT * FROM reuse ORDER BY {order}")


def reuse_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM reuse").fetchone()[0])


def replace_reuse(store: Store, rows: Iterable[tuple[Any, ...]]) -> None:
    """Replace every stored passage with ``rows`` (tuples of :data:`COLUMNS`, streamed) in
    one transaction."""
    with write_transaction(store):
        store.conn.execute("DELETE FROM reuse")
        store.conn.executemany(
            f"INSERT INTO reuse({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
            rows)
