"""Actors and their mentions as the listings, briefs and evaluations read them; the SQL
stays here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from foreigndesk.store.db import Store


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
