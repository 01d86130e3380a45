"""Events as the listings page them: one page of the events an :class:`EventFilter` selects,
oldest first (undated last), with how many match in all.

The dated and the undated events are read as two queries, so that an index whose last
column is ``date`` (``events_dyad_cover``, ``events_source_country``, ... of migration 011)
gives the dated ones in order, and a page needs no sort of every match."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import FIRST_PAGE, EventFilter, Page, Paged


def _count(store: Store, cond: str, params: list[Any]) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM events e WHERE {cond}",
                                  params).fetchone()[0])


def event_page(store: Store, flt: EventFilter, page: Page = FIRST_PAGE) -> Paged:
    """The events ``flt`` selects (every column of ``events``), ``page`` of them, oldest
    first and undated last (``flt.limit`` is not looked at: the page says how many)."""
    cond, params = flt.where()
    dated = f"{cond} AND e.date IS NOT NULL"
    undated = f"{cond} AND e.date IS NULL"
    n_dated = _count(store, dated, params)
    n_undated = _count(store, undated, params)
    rows: list[dict[str, Any]] = []
    if page.offset < n_dated:
        rows = store.query(f"SELECT e.* FROM events e WHERE {dated} ORDER BY e.date, e.id "
                           f"LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
    room = page.limit - len(rows)
    if room > 0 and n_undated:
        skip = max(0, page.offset - n_dated)
        rows += store.query(f"SELECT e.* FROM events e WHERE {undated} ORDER BY e.id "
                            f"LIMIT ? OFFSET ?", [*params, room, skip])
    return Paged(rows, n_dated + n_undated, page)


def event_count(store: Store, flt: EventFilter) -> int:
    """How many events ``flt`` selects."""
    cond, params = flt.where()
    return _count(store, cond, params)


def events_by_id(store: Store, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Every column of these events, by id."""
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT * FROM events WHERE id IN ({marks})", chunk):
            out[r["id"]] = r
    return out


def iter_events(store: Store, flt: EventFilter, dated_only: bool = False
                ) -> Iterator[dict[str, Any]]:
    """Every event ``flt`` selects (every column), oldest first and undated last, read from
    the cursor as they are consumed (``flt.limit`` is not looked at)."""
    cond, params = flt.where()
    yield from store.iter_query(f"SELECT e.* FROM events e WHERE {cond} AND e.date IS NOT NULL "
                                f"ORDER BY e.date, e.id", params)
    if not dated_only:
        yield from store.iter_query(f"SELECT e.* FROM events e WHERE {cond} AND e.date IS NULL "
                                    f"ORDER BY e.id", params)


def dated_event_count(store: Store, flt: EventFilter) -> int:
    """How many dated events ``flt`` selects."""
    cond, params = flt.where()
    return _count(store, f"{cond} AND e.date IS NOT NULL", params)
