"""Figures, and figures that conflict.

Two quantities *conflict* when they are about the same measure, come from different sources,
and differ by more than a tolerance:

- same measure: the same ``kind`` (money, count, deaths, casualties, percent), compatible
  units (money is compared in US dollars when both have a dollar value, otherwise only in the
  same currency; other kinds need the same unit or no unit), a shared content word in the
  measure texts, and measure texts that agree: the cosine of their word features (content
  words and pairs of them, as for claims, see :func:`foreigndesk.analyze.clusters.features`;
  time qualifiers such as "by August 2022" and numbers left out) is at least
  ``min_similarity`` (0.5), or, when an embedding backend is installed
  (:mod:`foreigndesk.analyze.embed`), the cosine of their sentence embeddings reaches the
  backend's ``measure`` threshold ("deaths from the pandemic" and "COVID-19 deaths" agree),
  or the two figures are set side by side: same document, at most two sentences apart, each
  with its own named source (the way a writer contrasts an official figure with an
  independent estimate);
- different sources: the quantities name different sources (``stated_by``), or, when
  either names none, they come from different documents;
- beyond the tolerance: the larger value over the smaller is more than ``tolerance`` (1.25);
  ranges (``low``-``high``) that overlap never conflict.

Vote tallies are not compared (they are counts of one event, read from one source).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from foreigndesk.analyze import embed as embedding
from foreigndesk.analyze.clusters import features, lexical
from foreigndesk.store import Store

TOLERANCE = 1.25
MIN_SIMILARITY = 0.5
MAX_POSTING = 2000
NEAR_SENTENCES = 2
COMPARABLE_KINDS = ("money", "count", "deaths", "casualties", "percent")

_QUANTITIES = """SELECT q.id, q.doc_id, q.sentence AS sentence_index, q.start, q."end", q.text,
       q.kind, q.value, q."values", q.unit, q.usd, q.usd_year, q.low, q.high, q.approx,
       q.measure, q.stated_by, d.outlet, d.published, d.url, d.title, s.text AS sentence
FROM quantities q
JOIN documents d ON d.id = q.doc_id
LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.idx = q.sentence"""


def quantity_rows(store: Store, kinds: list[str] | None = None) -> list[dict[str, Any]]:
    """Stored quantities with their citation (outlet, date, URL, sentence)."""
    sql, params = _QUANTITIES, list(kinds or [])
    if kinds:
        sql += f" WHERE q.kind IN ({','.join('?' * len(kinds))})"
    sql += " ORDER BY d.published IS NULL, d.published, d.rowid, q.start"
    return store.query(sql, params)


_TIME_QUALIFIER = re.compile(
    r"\b(?:by|in|as of|since|until|through|from|during|for)\s+(?:the\s+)?(?:end of\s+)?"
    r"(?:[A-Za-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\b", re.I)
_NUMBER = re.compile(r"\d[\d,.]*")


def measure_text(measure: str) -> str:
    """A measure without its time qualifier ("by August 2022")."""
    return " ".join(_TIME_QUALIFIER.sub(" ", measure).split())


def measure_features(measure: str) -> frozenset[str]:
    """Word features of a measure without its time qualifier and numbers."""
    return features(_NUMBER.sub(" ", measure_text(measure)))


def _norm_source(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").casefold()).strip()


def _interval(q: dict[str, Any], key: str) -> tuple[float, float] | None:
    """The value (or range) of a quantity in the compared unit."""
    if key == "usd":
        if q["usd"] is None:
            return None
        v = float(q["usd"])
        if q["low"] is not None and q["high"] is not None and q["value"]:
            scale = v / float(q["value"])
            return float(q["low"]) * scale, float(q["high"]) * scale
        return v, v
    if q["low"] is not None and q["high"] is not None:
        return float(q["low"]), float(q["high"])
    if q["value"] is None:
        return None
    return float(q["value"]), float(q["value"])


def _unit_key(a: dict[str, Any], b: dict[str, Any]) -> str | None:
    """Which field to compare, or None when the units are not comparable."""
    if a["kind"] == "money":
        if a["usd"] is not None and b["usd"] is not None:
            return "usd"
        return "value" if a["unit"] and a["unit"] == b["unit"] else None
    if a["unit"] and b["unit"] and a["unit"] != b["unit"]:
        return None
    return "value"


def _side_by_side(a: dict[str, Any], b: dict[str, Any], sa: str, sb: str,
                  fa: frozenset[str], fb: frozenset[str]) -> bool:
    """Two figures that a writer sets against each other: same document, at most
    :data:`NEAR_SENTENCES` sentences apart, each with its own named source, measures sharing
    two content words ("Official sources said ... killed 8,529 ... However, independent estimates place
    the number ... at 62,000")."""
    return (a["doc_id"] == b["doc_id"] and bool(sa) and bool(sb)
            and abs(a["sentence_index"] - b["sentence_index"]) <= NEAR_SENTENCES
            and sum("_" not in w for w in fa & fb) >= 2)


def _source(q: dict[str, Any]) -> str:
    return q["stated_by"] or q["outlet"] or q["title"] or q["doc_id"]


def conflicts(store: Store, tolerance: float = TOLERANCE,
              min_similarity: float = MIN_SIMILARITY, backend: str | None = None
              ) -> list[dict[str, Any]]:
    """Pairs of conflicting figures (see the module doc), largest disagreement first.
    ``backend``: the embedding backend for measures (see :func:`embedding.load`); one that
    cannot load leaves word features alone."""
    rows = [q for q in quantity_rows(store, list(COMPARABLE_KINDS)) if q["measure"]]
    feats = [measure_features(q["measure"]) for q in rows]
    vecs = None
    embedder = None
    if rows:
        try:
            embedder = embedding.load(backend)
        except embedding.EmbedUnavailable:
            embedder = None
        if embedder is not None:
            vecs = embedder.embed([measure_text(q["measure"]) for q in rows])
    # candidate pairs: same kind and a shared measure word (never all pairs at scale)
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (q, f) in enumerate(zip(rows, feats, strict=True)):
        for w in f:
            if "_" not in w:
                index[(q["kind"], w)].append(i)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > MAX_POSTING:  # a word in most measures does not pair them alone
            continue
        for x in range(len(posting)):
            for y in range(x + 1, len(posting)):
                pairs.add((posting[x], posting[y]))
    out = []
    for i, j in sorted(pairs):
        a, b = rows[i], rows[j]
        sa, sb = _norm_source(a["stated_by"]), _norm_source(b["stated_by"])
        if sa and sb:
            if sa == sb:
                continue
        elif a["doc_id"] == b["doc_id"]:
            continue
        key = _unit_key(a, b)
        if key is None:
            continue
        ia, ib = _interval(a, key), _interval(b, key)
        if ia is None or ib is None or min(ia[0], ib[0]) <= 0:
            continue
        if ia[0] <= ib[1] and ib[0] <= ia[1]:  # overlapping ranges agree
            continue
        lo, hi = (ia, ib) if ia[1] < ib[0] else (ib, ia)
        ratio = hi[0] / lo[1]
        if ratio <= tolerance:
            continue
        lex = lexical(feats[i], feats[j])
        cos = float(vecs[i] @ vecs[j]) if vecs is not None else 0.0
        if not (lex >= min_similarity or _side_by_side(a, b, sa, sb, feats[i], feats[j])
                or (embedder is not None and cos >= embedder.measure)):
            continue
        sim = max(lex, cos)
        out.append({
            "measure": a["measure"], "kind": a["kind"],
            "unit": "USD" if key == "usd" else a["unit"],
            "value_a": a["usd"] if key == "usd" else a["value"], "source_a": _source(a),
            "value_b": b["usd"] if key == "usd" else b["value"], "source_b": _source(b),
            "ratio": round(ratio, 3), "measure_similarity": round(sim, 3),
            "text_a": a["text"], "text_b": b["text"],
            "quantity_a": a["id"], "quantity_b": b["id"],
            "doc_a": a["doc_id"], "outlet_a": a["outlet"], "published_a": a["published"],
            "url_a": a["url"], "sentence_a": a["sentence"],
            "doc_b": b["doc_id"], "outlet_b": b["outlet"], "published_b": b["published"],
            "url_b": b["url"], "sentence_b": b["sentence"],
        })
    out.sort(key=lambda c: (-c["ratio"], c["quantity_a"], c["quantity_b"]))
    return out
