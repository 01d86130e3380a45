"""The SQL of watches and alerts: the watches declared in the store, the alerts raised, and
the events and sentences an alert cites."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.watch import now

# -- watches -------------------------------------------------------------------------------

def add_watch(store: Store, key: str, kind: str, spec: dict[str, Any]) -> bool:
    """Declare a watch; False when one with this key exists already."""
    try:
        store.conn.execute("INSERT INTO watches(key, kind, spec, created_at) VALUES (?,?,?,?)",
                           (key, kind, json.dumps(spec, sort_keys=True), now()))
    except sqlite3.IntegrityError:
        return False
    return True


def stored_watches(store: Store) -> list[dict[str, Any]]:
    rows = store.query("SELECT key, kind, spec, created_at FROM watches ORDER BY created_at, key")
    for r in rows:
        r["spec"] = json.loads(r["spec"])
    return rows


def remove_watch(store: Store, key: str) -> bool:
    """Remove a watch (its alerts stay); False when there is none with this key."""
    return store.conn.execute("DELETE FROM watches WHERE key=?", (key,)).rowcount > 0


# -- alerts --------------------------------------------------------------------------------

def fingerprints(store: Store, watch_key: str) -> set[str]:
    return {r[0] for r in store.conn.execute(
        "SELECT fingerprint FROM alerts WHERE watch_key=?", (watch_key,))}


def add_alert(store: Store, watch_key: str, kind: str, fingerprint: str, title: str,
              detail: dict[str, Any], citations: list[dict[str, Any]]) -> int | None:
    """Store an alert; None when this watch already raised one on this evidence."""
    cur = store.conn.execute(
        "INSERT OR IGNORE INTO alerts(watch_key, kind, fingerprint, title, detail, citations, "
        "created_at) VALUES (?,?,?,?,?,?,?)",
        (watch_key, kind, fingerprint, title, json.dumps(detail, ensure_ascii=False, default=str),
         json.dumps(citations, ensure_ascii=False), now()))
    return cur.lastrowid if cur.rowcount else None


def alerts(store: Store, ids: Sequence[int] | None = None, watch: str | None = None,
           limit: int | None = None) -> list[dict[str, Any]]:
    """Alerts, newest first (``detail``, ``citations`` and ``notified`` decoded)."""
    where, params = ["1=1"], []  # type: list[str], list[Any]
    if ids is not None:
        if not ids:
            return []
        where.append(f"id IN ({','.join('?' * len(ids))})")
        params += list(ids)
    if watch:
        where.append("watch_key=?")
        params.append(watch)
    sql = f"SELECT * FROM alerts WHERE {' AND '.join(where)} ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = store.query(sql, params)
    for r in rows:
        r["detail"] = json.loads(r["detail"])
        r["citations"] = json.loads(r["citations"])
        r["notified"] = json.loads(r["notified"]) if r["notified"] else {}
    return rows


def set_notified(store: Store, alert_id: int, notified: dict[str, Any]) -> None:
    store.conn.execute("UPDATE alerts SET notified=? WHERE id=?",
                       (json.dumps(notified, ensure_ascii=False), alert_id))


# -- evidence ------------------------------------------------------------------------------

_EVENT_CITED = """SELECT e.id AS event_id, e.code, e.root, e.quad_class, e.goldstein, e.date,
       e.source_code, e.target_code, e.source_country, e.target_country, e.modality,
       em.doc_id, em.sentence, em.text AS mention_text, s.text AS sentence_text, em.trigger,
       d.outlet, d.published, d.url, d.title
FROM events e
JOIN event_mentions em ON em.event_id = e.id
JOIN documents d ON d.id = em.doc_id
LEFT JOIN sentences s ON s.doc_id = em.doc_id AND s.idx = em.sentence"""


def cited_events(store: Store, pairs: Iterable[tuple[str, str]],
                 modalities: Sequence[str], sectors: Sequence[str] | None = None,
                 roots: Sequence[str] | None = None, since: str | None = None,
                 until: str | None = None, by_country: bool = False) -> list[dict[str, Any]]:
    """News events from one country (or actor code prefix) to the other of any of ``pairs``,
    one row per mention (its document and sentence), in date order. ``sectors`` keeps only
    events whose two sides are the state itself or one of these sectors; ``roots`` only these
    CAMEO roots; ``since``/``until`` are inclusive ISO prefixes of the event's date.
    ``by_country`` matches the events' countries exactly (as the relations index does)
    instead of code prefixes."""
    pairs = list(pairs)
    if not pairs:
        return []
    if by_country:
        where = [" OR ".join("(e.source_country = ? AND e.target_country = ?)" for _ in pairs)]
        params: list[Any] = [c for p in pairs for c in p]
    else:
        where = [" OR ".join("(e.source_code LIKE ? AND e.target_code LIKE ?)" for _ in pairs)]
        params = [f"{c}%" for p in pairs for c in p]
    sql = f"{_EVENT_CITED} WHERE e.origin = 'news' AND ({where[0]})"
    sql += f" AND e.modality IN ({','.join('?' * len(modalities))})"
    params += list(modalities)
    if sectors is not None:
        marks = ",".join("?" * len(sectors))
        sql += (f" AND substr(coalesce(e.source_code, ''), 4, 3) IN ({marks}) "
                f"AND substr(coalesce(e.target_code, ''), 4, 3) IN ({marks})")
        params += list(sectors) * 2
    if roots:
        sql += f" AND e.root IN ({','.join('?' * len(roots))})"
        params += list(roots)
    if since:
        sql += " AND e.date >= ?"
        params.append(since)
    if until:
        sql += " AND substr(e.date, 1, ?) <= ?"
        params += [len(until), until]
    return store.query(sql + " ORDER BY e.date, e.id, em.doc_id, em.sentence", params)


def quantity_citation(store: Store, quantity_id: int) -> dict[str, Any] | None:
    """The citation of the sentence a figure (a ``quantities`` row) stands in."""
    rows = store.query(
        "SELECT s.doc_id, s.idx AS sentence, s.text, d.outlet, d.published, d.url, d.title "
        "FROM quantities q JOIN sentences s ON s.doc_id = q.doc_id AND s.idx = q.sentence "
        "JOIN documents d ON d.id = q.doc_id WHERE q.id=?", (quantity_id,))
    return rows[0] if rows else None


def alert_counts(store: Store) -> dict[str, int]:
    """Watch key -> how many alerts it has raised."""
    return {r[0]: int(r[1]) for r in store.conn.execute(
        "SELECT watch_key, count(*) FROM alerts GROUP BY watch_key")}
