"""Documents and sentences as the listings, briefs and evaluations read them; the SQL stays
here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foreigndesk.store.db import Store


def document_rows(store: Store, fts_match: str | None = None) -> list[dict[str, Any]]:
    """The listing of ``foreigndesk docs``: id, published, outlet, title, author, url, words,
    source, reader; earliest first (undated last). ``fts_match`` is a full-text query
    already checked (:func:`foreigndesk.store.fts.fts_query`)."""
    sql = ("SELECT d.id, d.published, d.outlet, d.title, d.author, d.url, d.n_words AS words, "
           "d.source, d.reader FROM documents d")
    params: list[str] = []
    if fts_match:
        match = store.search_sql(fts_match)
        sql += f"{match.join} WHERE {match.where}"
        params += match.join_params + match.where_params
    return store.query(sql + " ORDER BY d.published IS NULL, d.published, d.id", params)


def document_citations(store: Store) -> dict[str, dict[str, Any]]:
    """Document id -> its id, outlet, published, url and title."""
    return {d["id"]: d for d in store.iter_query(
        "SELECT id, outlet, published, url, title FROM documents")}


def documents_in_order(store: Store) -> Iterator[dict[str, Any]]:
    """id, outlet, published, url, title, n_words of every document, earliest first (undated
    last, then in ingest order)."""
    yield from store.iter_query(
        "SELECT id, outlet, published, url, title, n_words FROM documents "
        "ORDER BY published IS NULL, published, rowid")


def document_texts(store: Store) -> Iterator[dict[str, Any]]:
    """id, text and published of every document, in ingest order."""
    yield from store.iter_query("SELECT id, text, published FROM documents ORDER BY rowid")


def documents_for_matching(store: Store) -> list[dict[str, Any]]:
    """id, outlet, published, title and text of every document, in ingest order."""
    return store.query("SELECT id, outlet, published, title, text FROM documents ORDER BY rowid")


def document_ids(store: Store) -> list[str]:
    """Every document id, in ingest order."""
    return [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY rowid")]


def document_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def has_documents(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None


def sentence_citation(store: Store, doc_id: str, idx: int) -> dict[str, Any] | None:
    """A sentence with its document's citation: sentence (its text), page, outlet,
    published, url, title; None when there is no such sentence."""
    rows = store.query(
        "SELECT s.text AS sentence, s.page, d.outlet, d.published, d.url, d.title "
        "FROM sentences s JOIN documents d ON d.id = s.doc_id "
        "WHERE s.doc_id = ? AND s.idx = ?", (doc_id, idx))
    return rows[0] if rows else None


def sentence_at(store: Store, doc_id: str, offset: int) -> int | None:
    """The index of the sentence of ``doc_id`` holding character ``offset`` (or the first
    one starting after it), None when there is none."""
    row = store.conn.execute(
        'SELECT idx FROM sentences WHERE doc_id = ? AND "end" > ? ORDER BY start LIMIT 1',
        (doc_id, offset)).fetchone()
    return int(row[0]) if row else None


def sentences_overlapping(store: Store, doc_id: str, start: int, end: int) -> list[int]:
    """The indexes of the sentences of ``doc_id`` overlapping characters ``start``..``end``."""
    return [int(r[0]) for r in store.conn.execute(
        'SELECT idx FROM sentences WHERE doc_id = ? AND "end" > ? AND start < ? ORDER BY idx',
        (doc_id, start, end))]
