"""The timeline's items: coded events and dated statements placed on a time axis, each
linking to its sentence in the reader (``/documents/{id}#s{sentence}``). Pages of items are
read from two streams in date order (the store's events by date, the dated statements),
merged: a page costs its offset and size, not the number of events."""

from __future__ import annotations

import dataclasses
import heapq
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from foreigndesk.analyze.timeline import timeline
from foreigndesk.store import Store, event_rows
from foreigndesk.store.filters import EventFilter, Page, Paged
from foreigndesk.timevalue import year_span
from foreigndesk.web import queries
from foreigndesk.web.cache import memo


def dated_event_count(store: Store, f: EventFilter) -> int:
    return queries.event_totals(store, f)[1]

span = year_span  # a value as (start, end) in fractional years


def _href(doc_id: str, sentence: int | None) -> str:
    return f"/documents/{doc_id}" + (f"#s{int(sentence)}" if sentence is not None else "")


def _event_item(e: dict[str, Any], sp: tuple[float, float]) -> dict[str, Any]:
    """An event as the listings show it (:func:`queries.event_rows_of`) as a timeline item."""
    cite = (e.get("citations") or [None])[0]
    return {
        "kind": "event", "t0": sp[0], "t1": sp[1], "date": e["date"],
        "label": f"{e['source'] or '?'} → {e['target'] or '?'}: {e['name'] or e['code']}",
        "code": e["code"], "quad": e.get("quad_class") or 0, "goldstein": e.get("goldstein"),
        "modality": e.get("modality"), "origin": e["origin"],
        "href": _href(cite["doc_id"], cite["sentence_index"]) if cite else None,
        "url": None if cite else e.get("url"),
        "sentence": (cite or {}).get("sentence") or "",
        "cite": e.get("cited") or "", "mentions": e.get("mentions"),
    }


def _event_items(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    for e in queries.iter_events(store, f, dated_only=True):
        sp = span(e.get("date"))
        if sp is not None:
            yield _event_item(e, sp)


def _by_time(x: dict[str, Any]) -> tuple[float, bool]:
    return x["t0"], x["kind"] != "event"


def _raw_events(store: Store, f: EventFilter, first: int | None) -> Iterator[dict[str, Any]]:
    """The store's rows of the dated events ``f`` selects (see :func:`_raw_in_time_order`),
    each with its span (``t0``, ``t1``) and ``kind``, not yet shown as items; with
    ``first``, the first ``first`` of them in date order at most."""
    for r in event_rows.iter_events(store, f, dated_only=True, first=first):
        sp = span(r.get("date"))
        if sp is not None:
            yield {"kind": "event", "t0": sp[0], "t1": sp[1], "row": r}


def _raw_in_time_order(store: Store, f: EventFilter, first: int) -> Iterator[dict[str, Any]]:
    """The first ``first`` event rows (at most) earliest first. Imported rows are dated by
    day, so the store's date order is their time order and they are streamed; news events
    may be dated by decade or season ("198X", "2022-SU"), so they are read whole and sorted
    (there are few). Rows are made items (code names, citations) only for the page shown
    (:func:`_as_items`)."""
    streams: list[Iterable[dict[str, Any]]] = []
    if f.origin != "gdelt":
        streams.append(sorted(_raw_events(store, dataclasses.replace(f, origin="news"), None),
                              key=_by_time))
    if f.origin != "news":
        streams.append(_raw_events(store, dataclasses.replace(f, origin="gdelt"), first))
    return heapq.merge(*streams, key=_by_time)


def _as_items(store: Store, mixed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows of ``mixed`` (from :func:`_raw_in_time_order`) as items, in one batch;
    statements are copied (they may be cached: the caller numbers them)."""
    raw = [x["row"] for x in mixed if "row" in x]
    shown = iter(queries.event_rows_of(store, raw))
    return [_event_item(next(shown), (x["t0"], x["t1"])) if "row" in x else dict(x)
            for x in mixed]


def _events_in_time_order(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Event items earliest first (see :func:`_raw_in_time_order`)."""
    streams: list[Iterable[dict[str, Any]]] = []
    if f.origin != "gdelt":
        streams.append(sorted(_event_items(store, dataclasses.replace(f, origin="news")),
                              key=_by_time))
    if f.origin != "news":
        streams.append(_event_items(store, dataclasses.replace(f, origin="gdelt")))
    return heapq.merge(*streams, key=_by_time)


def cached_time_items(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """:func:`_time_items`, kept until the store changes (every page of the timeline
    needs them: they are read whole and sorted)."""
    return memo(store.path, ("timeline_times", repr(f.params())), lambda: _time_items(store, f))


def _time_items(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Dated statements (:func:`foreigndesk.analyze.timeline.timeline`); with a dyad or code
    filter, only those whose sentence holds a matching event."""
    out: list[dict[str, Any]] = []
    if f.origin == "gdelt":
        return out
    for r in timeline(store, list(f.actors), f.since, f.until):
        if (f.dyad or f.codes) and not any(f.matches_codes(e) for e in r["events"]):
            continue
        sp = span(r["date"])
        if sp is None:
            continue
        out.append({
            "kind": "time", "t0": sp[0], "t1": sp[1], "date": r["date"],
            "label": r["expression"], "code": None, "quad": 0, "goldstein": None,
            "modality": None, "origin": "news",
            "href": _href(r["doc_id"], r["sentence_index"]), "url": None,
            "sentence": r["sentence"],
            "cite": f"{r['outlet'] or r['title'] or r['doc_id']}, {r['published'] or 'undated'}",
            "mentions": None, "actors": r["actors"],
        })
    out.sort(key=lambda x: x["t0"])
    return out


def iter_items(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Every item, earliest first (an event before a statement of the same start)."""
    times = _time_items(store, f)
    return heapq.merge(_events_in_time_order(store, f), times, key=_by_time)


def page(store: Store, f: EventFilter, p: Page) -> Paged:
    """A page of the items, earliest first, each numbered (``id``) by its place in the
    whole list; the total counts the dated events and the dated statements."""
    times = cached_time_items(store, f)
    merged = heapq.merge(_raw_in_time_order(store, f, p.offset + p.limit), times, key=_by_time)
    rows = _as_items(store, list(itertools.islice(merged, p.offset, p.offset + p.limit)))
    for i, x in enumerate(rows):
        x["id"] = p.offset + i
    return Paged(rows, dated_event_count(store, f) + len(times), p)


def items(store: Store, f: EventFilter, limit: int) -> tuple[list[dict[str, Any]], int]:
    """The timeline page's items: at most ``limit`` of them, news items (they cite
    sentences) before imported rows, then in time order and numbered; and how many there
    are in all."""
    news: list[dict[str, Any]] = []
    times: list[dict[str, Any]] = []
    if f.origin != "gdelt":
        nf = dataclasses.replace(f, origin="news")
        times = cached_time_items(store, f)
        news = list(itertools.islice(
            heapq.merge(_raw_in_time_order(store, nf, limit), times, key=_by_time), limit))
    total = dated_event_count(store, f) + len(times)
    imported: list[dict[str, Any]] = []
    if f.origin != "news":
        g = dataclasses.replace(f, origin="gdelt")
        if limit > len(news):
            imported = list(itertools.islice(_raw_in_time_order(store, g, limit - len(news)),
                                             limit - len(news)))
    out = _as_items(store, list(heapq.merge(news, imported, key=_by_time)))
    for i, x in enumerate(out):
        x["id"] = i
    return out, total
