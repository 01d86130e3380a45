"""Documents as the listings and the reader show them: a page of documents with filters and
full-text search, one document's facts by kind, the documents a document shares text with,
context around a span, and the number of rows per table."""

from __future__ import annotations

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
