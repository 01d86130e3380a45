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
    sql = ("SELECT p.name, p.country, min(p.feature) AS feature, round(p.lat, 4) AS lat, "
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
    its earliest dated event, else of one of them).

    Summed in SQL per exact (place, lat, lon), in the order of ``events_located`` (no sort,
    no table row read when the filter needs none), then folded here into places rounded to
    three decimals (a few rows per place)."""
    cond, params = flt.where()
    # the earliest event as "date|id" (no bare column beside min(): PostgreSQL has none);
    # on one date, any of its events
    sql = (f"SELECT e.place, e.lat, e.lon, count(*), total(e.goldstein), count(e.goldstein), "
           f"min(coalesce(e.date, '~') || '|' || e.id) FROM events e WHERE {cond} "
           f"AND e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY e.place, e.lat, e.lon")
    groups: dict[tuple[Any, float, float], dict[str, Any]] = {}
    for place, lat, lon, n, gs, gn, first in store.conn.execute(sql, params):
        first_date, _, first_key = first.rpartition("|")
        first_id: Any = int(first_key) if first_key.isdigit() else first_key
        key = (place, round(lat, 3), round(lon, 3))
        g = groups.get(key)
        if g is None:
            groups[key] = {"place": place, "lat": lat, "lon": lon, "events": n, "gs": gs,
                           "gn": gn, "first": (first_date, first_id)}
            continue
        g["events"] += n
        g["gs"] += gs
        g["gn"] += gn
        if (first_date, first_id) < g["first"]:
            g["first"] = (first_date, first_id)
            g["lat"], g["lon"] = lat, lon
    every = []
    for g in groups.values():
        gs, gn = g.pop("gs"), g.pop("gn")
        g["goldstein_mean"] = gs / gn if gn else None
        g["first_event"] = g.pop("first")[1]
        every.append(g)
    every.sort(key=lambda g: (-g["events"], g["place"] or ""))
    return Paged(_slice(every, page), len(every), page)
