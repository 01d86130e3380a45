"""Rows for the exports and the Python API, streamed from the store's cursor (never all in
memory): events with their actors and every mention's citation, places, and the listings.

Every iterator yields plain dicts; the SQL stays here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import EventFilter, date_range_clause

_MENTION = ("json_object('doc_id', m.doc_id, 'sentence', m.sentence, 'page', s.page, "
            "'start', m.start, 'end', m.\"end\", 'trigger', m.trigger, 'text', s.text, "
            "'title', d.title, 'outlet', d.outlet, 'published', d.published, 'url', d.url)")
EVENT_COLUMNS = (
    "e.*, "
    "(SELECT name FROM actors WHERE id = e.source_actor) AS source_actor_name, "
    "(SELECT kind FROM actors WHERE id = e.source_actor) AS source_actor_kind, "
    "(SELECT name FROM actors WHERE id = e.target_actor) AS target_actor_name, "
    "(SELECT kind FROM actors WHERE id = e.target_actor) AS target_actor_kind, "
    f"(SELECT json_group_array(json(x)) FROM (SELECT {_MENTION} AS x FROM event_mentions m "
    "LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
    "LEFT JOIN documents d ON d.id = m.doc_id WHERE m.event_id = e.id "
    "ORDER BY d.published IS NULL, d.published, m.id)) AS mentions_json"
)


def iter_events(store: Store, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
    """Events as :class:`EventFilter` selects them (oldest first), each with its actors' names
    and kinds (``source_actor_name``, ``source_actor_kind``, ...) and ``mentions``: every
    report of it (document, sentence index, page, sentence text, outlet, date, URL), earliest
    document first (empty for imported rows)."""
    sql, params = (flt or EventFilter()).select(EVENT_COLUMNS)
    for r in store.stream_query(sql, params):
        r["mentions"] = json.loads(r.pop("mentions_json") or "[]")
        yield r


def iter_places(store: Store) -> Iterator[dict[str, Any]]:
    """Geocoded places, one row per place (name, country, feature, lat, lon), with how many
    mentions and documents name it and the first mention's citation."""
    yield from store.stream_query(
        "SELECT p.name, p.country, min(p.feature) AS feature, round(p.lat, 4) AS lat, "
        "round(p.lon, 4) AS lon, "
        "min(p.gazetteer_id) AS gazetteer_id, count(*) AS mentions, count(DISTINCT p.doc_id) AS documents, "
        "min(p.doc_id) AS doc_id, min(p.sentence) AS sentence FROM places p "
        "WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
        "GROUP BY p.name, p.country, round(p.lat, 4), round(p.lon, 4) ORDER BY p.name")


def iter_documents(store: Store, since: str | None = None,
                   until: str | None = None) -> Iterator[dict[str, Any]]:
    """Documents (without their text) published within ``since``..``until``."""
    where, params = date_range_clause(since, until, "d.published")
    sql = ("SELECT d.id, d.published, d.outlet, d.title, d.author, d.url, d.language, "
           "d.n_chars, d.n_words, d.source, d.reader, d.ingested_at, "
           "(d.pages IS NOT NULL) AS paged FROM documents d")
    if where:
        sql += " WHERE " + " AND ".join(where)
    yield from store.stream_query(sql + " ORDER BY d.published IS NULL, d.published, d.id", params)


def iter_actors(store: Store) -> Iterator[dict[str, Any]]:
    """Actors mentioned, most mentioned first, with mention and document counts."""
    yield from store.stream_query(
        "SELECT a.id, a.name, a.kind, a.country, a.sector, count(m.id) AS mentions, "
        "count(DISTINCT m.doc_id) AS documents, a.aliases FROM actors a "
        "JOIN mentions m ON m.actor_id = a.id GROUP BY a.id ORDER BY mentions DESC, a.name")


def iter_claims(store: Store, since: str | None = None,
                until: str | None = None) -> Iterator[dict[str, Any]]:
    """Claims with speaker and citation, in document order."""
    where, params = date_range_clause(since, until, "coalesce(c.date, d.published)")
    sql = ("SELECT c.id, c.doc_id, c.sentence, s.page, c.start, c.\"end\", "
           "coalesce(a.name, c.speaker_text, c.speaker_actor) AS speaker, c.speaker_actor, "
           "c.speaker_code, c.cue, c.stance, c.kind, c.direct, c.content, c.date, "
           "d.outlet, d.published, d.url, d.title, s.text AS sentence_text FROM claims c "
           "JOIN documents d ON d.id = c.doc_id "
           "LEFT JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sentence "
           "LEFT JOIN actors a ON a.id = c.speaker_actor")
    if where:
        sql += " WHERE " + " AND ".join(where)
    yield from store.stream_query(sql + " ORDER BY d.rowid, c.start", params)


def iter_quantities(store: Store, since: str | None = None,
                    until: str | None = None) -> Iterator[dict[str, Any]]:
    """Figures with their citation, in document order."""
    where, params = date_range_clause(since, until, "d.published")
    sql = ("SELECT q.id, q.doc_id, q.sentence, s.page, q.start, q.\"end\", q.text, q.kind, "
           "q.value, q.unit, q.usd, q.usd_year, q.low, q.high, q.approx, q.measure, "
           "q.stated_by, d.outlet, d.published, d.url, d.title, s.text AS sentence_text "
           "FROM quantities q JOIN documents d ON d.id = q.doc_id "
           "LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.idx = q.sentence")
    if where:
        sql += " WHERE " + " AND ".join(where)
    yield from store.stream_query(sql + " ORDER BY d.rowid, q.start", params)


def country_of_place(store: Store) -> dict[str, str]:
    """ISO3 -> the name of the country as a place (feature ``country``) when the store has one."""
    return {r["country"]: r["name"] for r in store.iter_query(
        "SELECT DISTINCT country, name FROM places WHERE feature = 'country' "
        "AND country IS NOT NULL")}
