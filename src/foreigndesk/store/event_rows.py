"""Events as the listings and briefs read them: the rows :class:`EventFilter` selects, and
the mentions (reports) of news events with their sentence and document. The command line,
the briefs and the exports build the same :class:`EventFilter`; the SQL stays here.

The web's listings page them (:func:`event_page`): one page of the events an
:class:`EventFilter` selects, oldest first (undated last), with how many match in all.

The dated and the undated events are read as two queries, so that an index whose last
column is ``date`` (``events_dyad_cover``, ``events_source_country``, ... of migration 011)
gives the dated ones in order, and a page needs no sort of every match."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from foreigndesk.store import actor_months
from foreigndesk.store.db import Store
from foreigndesk.store.filters import FIRST_PAGE, EventFilter, Page, Paged

_LABELLED = ("e.*, (SELECT name FROM actors WHERE id = e.source_actor) AS source_label, "
             "(SELECT name FROM actors WHERE id = e.target_actor) AS target_label")


def event_rows(store: Store, flt: EventFilter | None = None,
               labels: bool = False) -> list[dict[str, Any]]:
    """Events as ``flt`` selects them (see :meth:`EventFilter.select` for the order); with
    ``labels``, each also has its actors' names (``source_label``, ``target_label``)."""
    sql, params = (flt or EventFilter()).select(_LABELLED if labels else "e.*")
    return store.query(sql, params)


def event_mention_rows(store: Store, event_ids: Sequence[int],
                       all_of_them: bool) -> dict[int, list[dict[str, Any]]]:
    """Mentions of news events with their sentence and document (the first only unless
    ``all_of_them``), earliest document first."""
    out: dict[int, list[dict[str, Any]]] = {}
    ids = list(event_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = ("SELECT m.event_id, m.id AS mention_id, m.doc_id, m.sentence AS sentence_index, "
               'm.start, m."end", m.text, m.trigger, m.modality, m.date AS mention_date, '
               "m.extractor, m.version, s.text AS sentence, s.page, d.outlet, d.published, d.url, "
               "d.title FROM event_mentions m "
               "LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
               "LEFT JOIN documents d ON d.id = m.doc_id "
               f"WHERE m.event_id IN ({','.join('?' * len(chunk))}) "
               "ORDER BY m.event_id, d.published IS NULL, d.published, m.id")
        for r in store.iter_query(sql, chunk):
            lst = out.setdefault(r["event_id"], [])
            if all_of_them or not lst:
                lst.append(r)
    return out


def has_events_between(store: Store, origin: str, a: str, b: str) -> bool:
    """True when the store holds an event of ``origin`` from ``a`` to ``b`` or back."""
    return store.conn.execute(
        "SELECT 1 FROM events WHERE origin = ? AND ((source_country = ? AND target_country = ?) "
        "OR (source_country = ? AND target_country = ?)) LIMIT 1",
        (origin, a, b, b, a)).fetchone() is not None


WALK_SHARE = 0.02
"""Above this share of the events, a page of an actor's events walks the date index."""


def _count(store: Store, cond: str, params: list[Any]) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM events e WHERE {cond}",
                                  params).fetchone()[0])


def event_page(store: Store, flt: EventFilter, page: Page = FIRST_PAGE,
               totals: tuple[int, int] | None = None) -> Paged:
    """The events ``flt`` selects (every column of ``events``), ``page`` of them, oldest
    first and undated last (``flt.limit`` is not looked at: the page says how many).
    ``totals``: :func:`event_totals` of ``flt`` when the caller has them."""
    cond, params = flt.where(scan=True)  # undated events are few: found by events_date
    undated = f"{cond} AND e.date IS NULL"
    total, n_dated = totals if totals is not None else event_totals(store, flt)
    n_undated = total - n_dated
    rows: list[dict[str, Any]] = []
    if page.offset < n_dated:
        source, page_cond, page_params = _dated_order(store, flt)
        rows = store.query(f"SELECT e.* FROM {source} WHERE {page_cond} "
                           f"ORDER BY e.date, e.id LIMIT ? OFFSET ?",
                           [*page_params, page.limit, page.offset])
    room = page.limit - len(rows)
    if room > 0 and n_undated:
        skip = max(0, page.offset - n_dated)
        rows += store.query(f"SELECT e.* FROM events e WHERE {undated} ORDER BY e.id "
                            f"LIMIT ? OFFSET ?", [*params, room, skip])
    return Paged(rows, n_dated + n_undated, page)


def event_totals(store: Store, flt: EventFilter) -> tuple[int, int]:
    """(events, dated events) ``flt`` selects."""
    if flt.only_actors and actor_months.kept(store) and \
            actor_months.answers(list(flt.actors), flt.since, flt.until):
        # imported events from their monthly counts, news events (few) by origin
        total, dated = actor_months.imported_count(store, flt.actors[0], flt.since, flt.until)
        cond, params = dataclasses.replace(flt, origin="news").where(scan=True)
        # by origin (SQLite would rather OR the actor's indexes: 170k rows for CHN)
        news = "events e" if store.postgres else "events e INDEXED BY events_origin_date"
        n, d = store.conn.execute(f"SELECT count(*), count(e.date) FROM {news} "
                                  f"WHERE {cond}", params).fetchone()
        return total + int(n), dated + int(d)
    if flt.only_actors:  # counted from the indexes alone
        sub, params = flt.actor_union("e.id, e.date")
        sql = f"SELECT count(*), count(date) FROM ({sub})"
    else:
        cond, params = flt.where(scan=flt.origin == "news")
        sql = f"SELECT count(*), count(e.date) FROM events e WHERE {cond}"
    total, dated = store.conn.execute(sql, params).fetchone()
    return int(total), int(dated)


def _walks(store: Store, flt: EventFilter) -> bool:
    """Whether a page of ``flt``'s events in date order is best found by walking every
    event by date: an actor in many events (a few states are in most GDELT rows) is met
    every few rows, where the union of lookups would gather and sort all of them. Counted
    up to the threshold only (a UNION ALL stops there)."""
    if not flt.actors or flt.dyad or flt.origin == "news":
        return False
    top = store.conn.execute("SELECT max(id) FROM events").fetchone()[0] or 0
    need = int(WALK_SHARE * top) + 1
    if len(flt.actors) == 1 and actor_months.kept(store) and \
            actor_months.answers(list(flt.actors), flt.since, flt.until):
        # imported events are nearly all of them: their monthly counts answer at once
        return actor_months.imported_count(store, flt.actors[0], flt.since, flt.until)[1] \
            >= need
    sub, params = flt.actor_union("e.id")
    seen = store.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM ({sub.replace(' UNION ', ' UNION ALL ')}) "
        f"LIMIT ?)", [*params, need]).fetchone()[0]
    return bool(seen >= need)


def _dated_order(store: Store, flt: EventFilter) -> tuple[str, str, list[Any]]:
    """(FROM, WHERE, parameters) of the dated events ``flt`` selects, for ``ORDER BY
    e.date, e.id`` (see :func:`_walks`)."""
    if _walks(store, flt):
        cond, params = flt.where(scan=True)
        walk = "events e" if store.postgres else "events e INDEXED BY events_date"  # SQLite only
        return walk, f"{cond} AND e.date IS NOT NULL", params
    # news events are few beside imported rows: read them by origin and test the actors
    cond, params = flt.where(scan=flt.origin == "news")
    return "events e", f"{cond} AND e.date IS NOT NULL", params


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


def iter_events(store: Store, flt: EventFilter, dated_only: bool = False,
                first: int | None = None) -> Iterator[dict[str, Any]]:
    """Every event ``flt`` selects (every column), oldest first and undated last, read from
    the cursor as they are consumed (``flt.limit`` is not looked at). With ``first``, only
    the first ``first`` dated events are asked for (PostgreSQL's client cursor holds the
    whole result: a caller that reads a page says how much it will read); without, the rows
    are streamed (:meth:`Store.stream_query`)."""
    source, dated, dated_params = _dated_order(store, flt)
    limit = "" if first is None else f" LIMIT {int(first)}"
    # every event (an export): streamed (PostgreSQL: a server-side cursor)
    rows = store.iter_query if first is not None else store.stream_query
    yield from rows(f"SELECT e.* FROM {source} WHERE {dated} ORDER BY e.date, e.id{limit}",
                    dated_params)
    cond, params = flt.where(scan=True)
    if not dated_only:
        yield from store.stream_query(f"SELECT e.* FROM events e WHERE {cond} AND "
                                      f"e.date IS NULL ORDER BY e.id", params)


def dated_event_count(store: Store, flt: EventFilter) -> int:
    """How many dated events ``flt`` selects."""
    return event_totals(store, flt)[1]
