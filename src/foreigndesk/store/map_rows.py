"""The map's numbers, counted in SQL: geocoded places mentioned in documents, and the
located events an :class:`EventFilter` selects grouped by place (name and coordinates to
three decimals), each group with its number of events, its mean Goldstein score and its
earliest event."""

from __future__ import annotations

from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import EventFilter, Page, Paged


def places(store: Store, page: Page | None = None) -> Paged:
    """Places mentioned, one row per geocoded place (``name``, ``country``, ``feature``,
    ``lat``, ``lon``), most mentioned first, with ``mentions``, ``documents`` and the first
    mention's ``doc_id`` and ``sentence``."""
    base = ("FROM places p WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
            "GROUP BY p.name, p.country, round(p.lat, 4), round(p.lon, 4)")
    sql = ("SELECT p.name, p.country, p.feature, round(p.lat, 4) AS lat, "
           "round(p.lon, 4) AS lon, count(*) AS mentions, count(DISTINCT p.doc_id) AS "
           f"documents, min(p.doc_id || ':' || p.sentence) AS first {base} "
           "ORDER BY mentions DESC, p.name")
    every = store.query(sql)  # one row per place
    rows, total = _slice(every, page), len(every)
    for r in rows:
        doc, _, sent = (r.pop("first") or "").partition(":")
        r["doc_id"], r["sentence"] = doc, int(sent) if sent.isdigit() else 0
    return Paged(rows, total, page)


def _slice(rows: list[dict[str, Any]], page: Page | None) -> list[dict[str, Any]]:
    return rows if page is None else rows[page.offset:page.offset + page.limit]


def located_events(store: Store, flt: EventFilter, page: Page | None = None) -> Paged:
    """Located events grouped by place, most events first: ``place``, ``lat``, ``lon`` (of
    the group's first event), ``events``, ``goldstein_mean`` and ``first_event`` (the id of
    its earliest dated event, else of one of them)."""
    cond, params = flt.where()
    base = (f"FROM events e WHERE {cond} AND e.lat IS NOT NULL AND e.lon IS NOT NULL "
            f"GROUP BY e.place, round(e.lat, 3), round(e.lon, 3)")
    # SQLite: the bare columns of a min() aggregate come from the row holding the minimum
    sql = (f"SELECT e.place, e.lat, e.lon, count(*) AS events, avg(e.goldstein) AS "
           f"goldstein_mean, min(coalesce(e.date, '~')) AS first_date, e.id AS first_event "
           f"{base} ORDER BY events DESC, e.place")
    every = store.query(sql, params)  # one row per place: a few thousand at most
    rows = _slice(every, page)
    for r in rows:
        r.pop("first_date", None)
    return Paged(rows, len(every), page)
