"""Figures (``quantities``) as the analyses and evaluations read them; the SQL stays here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foreigndesk.store.db import Store

_CITED = """SELECT q.id, q.doc_id, q.sentence AS sentence_index, q.start, q."end", q.text,
       q.kind, q.value, q."values", q.unit, q.usd, q.usd_year, q.low, q.high, q.approx,
       q.measure, q.stated_by, d.outlet, d.published, d.url, d.title, s.text AS sentence,
       s.start AS sentence_start, s.page
FROM quantities q
JOIN documents d ON d.id = q.doc_id
LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.idx = q.sentence"""


def cited_quantities(store: Store, kinds: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Stored figures (of ``kinds`` when given) with their citation (outlet, date, URL,
    sentence), earliest document first (undated last)."""
    sql, params = _CITED, list(kinds or [])
    if kinds:
        sql += f" WHERE q.kind IN ({','.join('?' * len(kinds))})"
    sql += " ORDER BY d.published IS NULL, d.published, d.rowid, q.start"
    return store.query(sql, params)


def quantity_sentences(store: Store, ids: Sequence[int]) -> dict[int, int]:
    """Quantity id -> the index of its sentence."""
    out: dict[int, int] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.conn.execute(
                f"SELECT id, sentence FROM quantities WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[r[0]] = r[1]
    return out


def quantity_spans(store: Store) -> list[dict[str, Any]]:
    """(id, doc_id, start, end) of every figure."""
    return store.query('SELECT id, doc_id, start, "end" FROM quantities ORDER BY id')


def quantities_of(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Every column of a document's figures, in order."""
    return store.query("SELECT * FROM quantities WHERE doc_id=? ORDER BY id", (doc_id,))
