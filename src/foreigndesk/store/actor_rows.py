"""Actors and their mentions as the listings, briefs and evaluations read them; the SQL
stays here.

The web's listing (:func:`actors`): a page of actors, most mentioned first, with their
mention, document and event counts, counted in SQL (events only for the actors of the page,
through the indexes on ``events.source_actor`` and ``events.target_actor``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import FIRST_PAGE, ActorFilter, Page, Paged


def actor_rows(store: Store, kinds: Sequence[str] = (),
               limit: int | None = None) -> list[dict[str, Any]]:
    """The listing of ``foreigndesk actors``: actors mentioned (of ``kinds`` when given), most
    mentioned first, with their mention and document counts (at most ``limit``)."""
    sql = ("SELECT a.id, a.name, a.kind, a.country, a.sector, "
           "count(m.id) AS mentions, count(DISTINCT m.doc_id) AS documents, a.aliases "
           "FROM actors a JOIN mentions m ON m.actor_id=a.id")
    params: list[Any] = []
    if kinds:
        sql += f" WHERE a.kind IN ({','.join('?' * len(kinds))})"
        params += list(kinds)
    sql += " GROUP BY a.id, a.name, a.kind, a.country, a.sector, a.aliases " \
           "ORDER BY mentions DESC, a.name"
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return store.query(sql, params)


def state_names(store: Store) -> dict[str, str]:
    """Actor id -> name of the actors that are states."""
    return {r[0]: r[1] for r in store.conn.execute(
        "SELECT id, name FROM actors WHERE kind = 'state'")}


def actor_names_and_aliases(store: Store) -> Iterator[dict[str, Any]]:
    """id, name and aliases (a JSON list) of every actor."""
    yield from store.iter_query("SELECT id, name, aliases FROM actors")


def mentioned_actors(store: Store, doc_ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Every mention of a known actor in these documents: the actor's id, name, kind,
    country, sector, and the mention's doc_id, sentence, start."""
    docs = list(doc_ids)
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        yield from store.iter_query(
            "SELECT a.id, a.name, a.kind, a.country, a.sector, m.doc_id, m.sentence, "
            "m.start FROM mentions m JOIN actors a ON a.id = m.actor_id "
            f"WHERE m.doc_id IN ({','.join('?' * len(chunk))})", chunk)


def mention_spans(store: Store, doc_ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """doc_id, start, end, text, actor_id, country and sector of every mention of these
    documents."""
    docs = list(doc_ids)
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        yield from store.iter_query(
            'SELECT doc_id, start, "end", text, actor_id, country, sector FROM mentions '
            f"WHERE doc_id IN ({','.join('?' * len(chunk))}) ORDER BY id", chunk)


def _where(flt: ActorFilter) -> tuple[str, list[Any]]:
    where, params = ["1=1"], []  # type: list[str], list[Any]
    if flt.kinds:
        where.append(f"a.kind IN ({','.join('?' * len(flt.kinds))})")
        params += list(flt.kinds)
    if flt.search:
        where.append("(a.name LIKE ? OR a.id LIKE ? OR a.aliases LIKE ?)")
        params += [f"%{flt.search}%"] * 3
    return " AND ".join(where), params


def actors(store: Store, flt: ActorFilter, page: Page | None = FIRST_PAGE) -> Paged:
    """Actors mentioned in a document, most mentioned first: ``id``, ``name``, ``kind``,
    ``country``, ``sector``, ``aliases`` (a list), ``mentions``, ``documents`` (how many
    mention it) and ``events`` (as source or target). ``page`` None: every actor."""
    cond, params = _where(flt)
    base = (f"FROM actors a JOIN (SELECT actor_id, count(*) AS mentions, "
            f"count(DISTINCT doc_id) AS documents FROM mentions WHERE actor_id IS NOT NULL "
            f"GROUP BY actor_id) m ON m.actor_id = a.id WHERE {cond}")
    sql = (f"SELECT a.id, a.name, a.kind, a.country, a.sector, m.mentions, m.documents, "
           f"a.aliases {base} ORDER BY m.mentions DESC, a.name")
    if page is not None:
        total = int(store.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0])
        rows = store.query(sql + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
    else:
        rows = store.query(sql, params)
        total = len(rows)
    counts = event_counts(store, [r["id"] for r in rows])
    for r in rows:
        try:
            r["aliases"] = json.loads(r["aliases"] or "[]")
        except ValueError:
            r["aliases"] = []
        r["events"] = counts.get(r["id"], 0)
    return Paged(rows, total, page)


def event_counts(store: Store, actor_ids: Iterable[str]) -> dict[str, int]:
    """Events each actor is the source or the target of (an event counts once)."""
    ids = list(dict.fromkeys(actor_ids))
    out: dict[str, int] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i:i + 400]
        marks = ",".join("?" * len(chunk))
        for actor, n in store.conn.execute(
                f"SELECT actor, count(*) FROM (SELECT id, source_actor AS actor FROM events "
                f"WHERE source_actor IN ({marks}) UNION SELECT id, target_actor FROM events "
                f"WHERE target_actor IN ({marks})) GROUP BY actor", chunk + chunk):
            out[actor] = int(n)
    return out


def actor_kinds(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT DISTINCT kind FROM actors ORDER BY kind")]


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM actors WHERE id = ?", (actor_id,))
    return rows[0] if rows else None


def actor_names(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``id``, ``name``, ``kind``, ``country`` of the actors among ``ids`` (by id)."""
    keys = sorted(set(ids))
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT id, name, kind, country FROM actors WHERE id IN ({marks})",
                             chunk):
            out[r["id"]] = r
    return out
