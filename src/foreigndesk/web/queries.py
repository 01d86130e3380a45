"""What the pages and the API show of the store's rows (no SQL here: the rows come from
:mod:`foreigndesk.store`): documents with their search snippets, events with their code
names and citations, located events grouped by place with an example each."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from foreigndesk.store import Store, document_rows, event_rows, map_rows
from foreigndesk.store.filters import FIRST_PAGE, DocumentFilter, EventFilter, Page, Paged
from foreigndesk.web.cache import memo


def documents(store: Store, flt: DocumentFilter, page: Page | None = FIRST_PAGE) -> Paged:
    """A page of documents (see :func:`foreigndesk.store.document_rows.documents`); with a
    search each row has ``snippet_parts``: (text, is_match) pieces."""
    got = document_rows.documents(store, flt, page)
    if flt.search:
        for r in got.rows:
            r["snippet_parts"] = _snippet_parts(r.pop("snippet"))
    return got


def _snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """An FTS5 snippet as (text, is_match) parts; char(1)/char(2) delimit the matches."""
    if not snippet:
        return []
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split("\x01")):
        if i == 0:
            parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition("\x02")
        parts.append((hit, True))
        parts.append((rest, False))
    return [p for p in parts if p[0]]


def document_urls(doc: dict[str, Any]) -> list[str]:
    try:
        urls = json.loads(doc.get("urls") or "[]")
    except ValueError:
        return []
    return [u for u in urls if isinstance(u, str)]


# -- events -------------------------------------------------------------------------------

def event_rows_of(store: Store, raw: list[dict[str, Any]],
                  all_mentions: bool = False) -> list[dict[str, Any]]:
    """Events (rows of ``events``) as the listings show them: code name, QuadClass and
    citation(s) (every mention of a news event when ``all_mentions``, else the first)."""
    from foreigndesk.analyze.events import event_mentions, event_row

    mentions = event_mentions(store, [r["id"] for r in raw if r["origin"] == "news"],
                              all_of_them=True)
    out = []
    for r in raw:
        ms = mentions.get(r["id"], [])
        row = event_row(r, ms, "json")
        row["source_actor"], row["target_actor"] = r["source_actor"], r["target_actor"]
        row["source_code"], row["target_code"] = r.get("source_code"), r.get("target_code")
        row["lat"], row["lon"] = r.get("lat"), r.get("lon")
        if not all_mentions:
            row["citations"] = ms[:1]
        out.append(row)
    return out


def events(store: Store, f: EventFilter, page: Page = FIRST_PAGE,
           all_mentions: bool = False) -> Paged:
    """A page of the events ``f`` selects (``foreigndesk events``' filters), oldest first,
    each with its code name, QuadClass and citation(s)."""
    got = event_rows.event_page(store, f, page, event_totals(store, f))
    got.rows = event_rows_of(store, got.rows, all_mentions)
    return got


# -- places -------------------------------------------------------------------------------

def event_places(store: Store, f: EventFilter, page: Page | None = None) -> Paged:
    """Located events (filters as for :func:`events`) grouped by place, most events first,
    each group with ``items``: its earliest event, as the listings show it."""
    got = map_rows.located_events(store, f, page)
    firsts = event_rows.events_by_id(store, [g["first_event"] for g in got.rows])
    shown = {r["id"]: r for r in event_rows_of(store, list(firsts.values()))}
    for g in got.rows:
        first = shown.get(g.pop("first_event"))
        g["items"] = [first] if first else []
    return got


def iter_events(store: Store, f: EventFilter, all_mentions: bool = False,
                dated_only: bool = False, chunk: int = 200) -> Iterator[dict[str, Any]]:
    """Every event ``f`` selects as the listings show them, oldest first, built ``chunk``
    at a time from the store's cursor (never all in memory)."""
    raw: list[dict[str, Any]] = []
    for r in event_rows.iter_events(store, f, dated_only):
        raw.append(r)
        if len(raw) >= chunk:
            yield from event_rows_of(store, raw, all_mentions)
            raw = []
    if raw:
        yield from event_rows_of(store, raw, all_mentions)


def cached_event_places(store: Store, f: EventFilter, page: Page | None = None) -> Paged:
    """:func:`event_places`, kept until the store changes (:mod:`foreigndesk.web.cache`)."""
    return memo(store.path, ("located", repr(f.params()), page),
                lambda: event_places(store, f, page))


def event_totals(store: Store, f: EventFilter) -> tuple[int, int]:
    """(events, dated events) ``f`` selects, kept until the store changes: every page of a
    listing says the total, and counting a common actor's events reads its every index
    entry."""
    return memo(store.path, ("event_totals", repr(f.params())),
                lambda: event_rows.event_totals(store, f))
