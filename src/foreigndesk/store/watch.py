"""The SQL of following the news: the fetcher's HTTP cache, the watcher's sources and items.

Functions take a :class:`~foreigndesk.store.Store` (or, for :func:`mark_item`, the connection
of a transaction already open, so that an item is marked in the transaction that stores its
document)."""

from __future__ import annotations

import sqlite3
import zlib
from datetime import UTC, datetime
from typing import Any

from foreigndesk.store.db import Store


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- the HTTP cache ------------------------------------------------------------------------

def cache_get(store: Store, url: str) -> dict[str, Any] | None:
    """The cached response of ``url`` (``etag``, ``last_modified``, ``content_type``,
    ``final_url``, ``body`` decompressed), or None."""
    rows = store.query("SELECT * FROM http_cache WHERE url=?", (url,))
    if not rows:
        return None
    r = rows[0]
    r["body"] = zlib.decompress(r["body"]) if r["body"] is not None else b""
    return r


def cache_put(store: Store, url: str, final_url: str, etag: str | None,
              last_modified: str | None, content_type: str | None, body: bytes) -> None:
    """Remember a response that carried a validator (ETag or Last-Modified)."""
    store.conn.execute(
        "INSERT OR REPLACE INTO http_cache(url, final_url, etag, last_modified, content_type, "
        "body, fetched_at) VALUES (?,?,?,?,?,?,?)",
        (url, final_url, etag, last_modified, content_type, zlib.compress(body, 6), now()))


def cache_touch(store: Store, url: str) -> None:
    store.conn.execute("UPDATE http_cache SET fetched_at=? WHERE url=?", (now(), url))


# -- sources and items ---------------------------------------------------------------------

def items_of(store: Store, source: str) -> dict[str, dict[str, Any]]:
    """Every item a source has given so far, by key."""
    return {r["key"]: r for r in store.query(
        "SELECT key, url, status, doc_id, attempts, last_error FROM watch_items WHERE source=?",
        (source,))}


def mark_item(conn: sqlite3.Connection, source: str, key: str, url: str | None, status: str,
              doc_id: str | None = None, error: str | None = None) -> None:
    """Record what became of an item (inside the caller's transaction, if any). A failure
    counts one more attempt."""
    t = now()
    conn.execute(
        "INSERT INTO watch_items(source, key, url, status, doc_id, attempts, last_error, "
        "first_seen, updated) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(source, key) DO UPDATE SET "
        "status=excluded.status, doc_id=coalesce(excluded.doc_id, watch_items.doc_id), "
        "attempts=watch_items.attempts + excluded.attempts, last_error=excluded.last_error, "
        "url=coalesce(excluded.url, watch_items.url), updated=excluded.updated",
        (source, key, url, status, doc_id, 1 if status in ("failed", "given_up") else 0, error,
         t, t))


def document_of_url(store: Store, url: str) -> str | None:
    """The id of a stored document with this URL (its own or the one it was fetched from)."""
    row = store.conn.execute(
        "SELECT id FROM documents WHERE url=? UNION ALL SELECT doc_id FROM watch_items "
        "WHERE url=? AND doc_id IS NOT NULL AND status IN ('stored', 'present') LIMIT 1",
        (url, url)).fetchone()
    return row[0] if row else None


def record_source(store: Store, source: str, kind: str, new: int, seen: int, failed: int,
                  error: str | None) -> None:
    """How a source's cycle went (``error``: why the source itself failed, or None)."""
    t = now()
    store.conn.execute(
        "INSERT INTO watch_sources(source, kind, last_run, last_ok, last_error, n_errors, n_new, "
        "n_seen, n_failed) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(source) DO UPDATE SET "
        "kind=excluded.kind, last_run=excluded.last_run, "
        "last_ok=coalesce(excluded.last_ok, watch_sources.last_ok), "
        "last_error=excluded.last_error, "
        "n_errors=CASE WHEN excluded.last_error IS NULL THEN 0 ELSE watch_sources.n_errors + 1 END, "
        "n_new=excluded.n_new, n_seen=excluded.n_seen, n_failed=excluded.n_failed",
        (source, kind, t, None if error else t, error, 1 if error else 0, new, seen, failed))


def source_state(store: Store, source: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM watch_sources WHERE source=?", (source,))
    return rows[0] if rows else None


def sources(store: Store) -> list[dict[str, Any]]:
    """The state of every source watched so far, with its item counts."""
    return store.query(
        "SELECT s.*, (SELECT count(*) FROM watch_items i WHERE i.source=s.source "
        "AND i.status IN ('stored', 'present')) AS items_stored, "
        "(SELECT count(*) FROM watch_items i WHERE i.source=s.source "
        "AND i.status IN ('failed', 'given_up')) AS items_failed "
        "FROM watch_sources s ORDER BY s.source")
