"""Documents and sentences as the listings, briefs and evaluations read them; the SQL stays
here.

The web's listings and reader: a page of documents with filters and full-text search
(:func:`documents`), one document's facts by kind, the documents a document shares text
with, context around a span, and the number of rows per table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import (
    FIRST_PAGE,
    DocumentFilter,
    Page,
    Paged,
    date_range_clause,
    mention_actor_clause,
)
from foreigndesk.store.fts import fts_query


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


TABLES = ("documents", "sentences", "actors", "mentions", "events", "claims", "quantities",
          "reuse", "places", "votes")


def table_counts(store: Store) -> dict[str, int]:
    """Rows per table (:data:`TABLES`)."""
    return {t: store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def documents(store: Store, flt: DocumentFilter, page: Page | None = FIRST_PAGE) -> Paged:
    """Documents matching ``flt``, newest first (undated last), and how many match in all.
    With a search, each row has a ``snippet`` (FTS5 ``snippet``: char(1)/char(2) around the
    matches); a bad search raises :class:`~foreigndesk.store.fts.SearchSyntaxError`. Each row
    counts its event mentions (``n_events``) and claims (``n_claims``). ``page`` None: every
    document."""
    where, params = ["1=1"], []  # type: list[str], list[Any]
    join = ""
    snippet = "NULL"
    if flt.outlet:
        where.append("d.outlet = ?")
        params.append(flt.outlet)
    w, p = date_range_clause(flt.since, flt.until, "d.published")
    where += w
    params += p
    if flt.actors:
        cond, p = mention_actor_clause(flt.actors)
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND ({cond}))")
        params += p
    join_params: list[Any] = []
    if flt.search:
        match = store.search_sql(fts_query(flt.search))  # FTS5 or tsvector, by backend
        join, join_params = match.join, list(match.join_params)
        where.append(match.where)
        params += match.where_params
        snippet = match.snippet
    params = join_params + params
    base = f"FROM documents d{join} WHERE {' AND '.join(where)}"
    sql = (f"SELECT d.id, d.title, d.outlet, d.author, d.published, d.url, d.n_words, "
           f"d.source, d.language, d.language_note, {snippet} AS snippet, "
           f"(SELECT count(*) FROM event_mentions em WHERE em.doc_id = d.id) AS n_events, "
           f"(SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS n_claims {base} "
           f"ORDER BY d.published IS NULL, d.published DESC, d.rowid")
    if page is None:
        rows = store.query(sql, params)
        return Paged(rows, len(rows))
    total = store.conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = store.query(sql + " LIMIT ? OFFSET ?", [*params, page.limit, page.offset])
    return Paged(rows, total, page)


def outlets(store: Store) -> list[str]:
    """Every outlet named, in order."""
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet")]


def document_facts(store: Store, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every fact of one document, by kind (sentences, mentions, times, places, events,
    claims, quantities, reuse), each with its provenance."""
    q = store.query
    return {
        "sentences": q('SELECT idx, start, "end", text, page FROM sentences WHERE doc_id = ? '
                       "ORDER BY idx", (doc_id,)),
        "mentions": q("SELECT m.*, a.name AS actor_name, a.kind AS actor_kind FROM mentions m "
                      "LEFT JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? "
                      "ORDER BY m.start", (doc_id,)),
        "times": q("SELECT * FROM time_values WHERE doc_id = ? ORDER BY start", (doc_id,)),
        "places": q("SELECT * FROM places WHERE doc_id = ? ORDER BY start", (doc_id,)),
        "events": q("SELECT em.*, e.code AS event_code, e.root, e.quad_class, e.goldstein, "
                    "e.date AS event_date, e.date_precision AS event_date_precision, "
                    "e.source_code, e.target_code, e.n_mentions, e.modality AS event_modality, "
                    "e.place, sa.name AS source_name, ta.name AS target_name "
                    "FROM event_mentions em JOIN events e ON e.id = em.event_id "
                    "LEFT JOIN actors sa ON sa.id = e.source_actor "
                    "LEFT JOIN actors ta ON ta.id = e.target_actor "
                    "WHERE em.doc_id = ? ORDER BY em.start", (doc_id,)),
        "claims": q("SELECT c.*, a.name AS speaker_name, ea.name AS echoes_name, "
                    "cc.cluster_id FROM claims c LEFT JOIN actors a ON a.id = c.speaker_actor "
                    "LEFT JOIN actors ea ON ea.id = c.echoes_actor "
                    "LEFT JOIN claim_clusters cc ON cc.claim_id = c.id "
                    "WHERE c.doc_id = ? ORDER BY c.start", (doc_id,)),
        "quantities": q("SELECT * FROM quantities WHERE doc_id = ? ORDER BY start", (doc_id,)),
        "reuse": q("SELECT * FROM reuse WHERE earlier_doc = ? UNION "
                   "SELECT * FROM reuse WHERE later_doc = ? ORDER BY id", (doc_id, doc_id)),
    }


def reuse_partners(store: Store, doc_id: str) -> dict[str, dict[str, Any]]:
    """The documents ``doc_id`` shares text with (either direction), by id: ``id``,
    ``title``, ``outlet``, ``published``."""
    return {r["id"]: r for r in store.query(
        "SELECT id, title, outlet, published FROM documents WHERE id IN "
        "(SELECT earlier_doc FROM reuse WHERE later_doc = ? UNION "
        "SELECT later_doc FROM reuse WHERE earlier_doc = ?)", (doc_id, doc_id))}


def reuse_pairs(store: Store, page: Page | None = None,
                min_words: int | None = None) -> Paged:
    """Text-reuse passages with both documents' citation, the later document's first; with
    ``min_words``, only passages of at least that many words (as the later span's text
    splits). ``page`` None: every passage."""
    sql = ("SELECT r.*, de.title AS earlier_title, de.outlet AS earlier_outlet, "
           "de.published AS earlier_published, de.url AS earlier_url, "
           "dl.title AS later_title, dl.outlet AS later_outlet, "
           "dl.published AS later_published, dl.url AS later_url FROM reuse r "
           "JOIN documents de ON de.id = r.earlier_doc "
           "JOIN documents dl ON dl.id = r.later_doc ORDER BY r.later_doc, r.later_start")
    rows = []
    total = 0
    lo = page.offset if page else 0
    hi = lo + page.limit if page else None
    for r in store.iter_query(sql):
        words = len((r.get("later_text") or "").split())
        if min_words is not None and words < min_words:
            continue
        if total >= lo and (hi is None or total < hi):
            r["words"] = words
            rows.append(r)
        total += 1
    return Paged(rows, total, page)


def reuse_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM reuse").fetchone()[0])


def context(store: Store, doc_id: str, start: int, end: int, width: int = 120
            ) -> tuple[str, str, str]:
    """(before, span, after) of a document's text, with ``width`` characters either side."""
    row = store.conn.execute(
        "SELECT substr(text, ?, ?), substr(text, ?, ?), substr(text, ?, ?) FROM documents "
        "WHERE id = ?",
        (max(1, start - width + 1), min(width, start), start + 1, end - start, end + 1, width,
         doc_id)).fetchone()
    if not row:
        return "", "", ""
    return row[0] or "", row[1] or "", row[2] or ""
