"""Read queries of the workbench that no analysis module already answers (documents, actors,
places, the event listing with the command line's filters, reuse pairs). Timeline, relations,
claim clusters and echoes come from :mod:`foreigndesk.analyze`."""

from __future__ import annotations

import json
from typing import Any

from foreigndesk.store import Store
from foreigndesk.store.fts import fts_query
from foreigndesk.web.filters import Filters


def counts(store: Store) -> dict[str, int]:
    out = {}
    for table in ("documents", "sentences", "actors", "mentions", "events", "claims",
                  "quantities", "reuse", "places", "votes"):
        out[table] = store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


# -- documents ----------------------------------------------------------------------------

def documents(store: Store, search: str | None = None, outlet: str | None = None,
              since: str | None = None, until: str | None = None,
              actors: list[str] | None = None, limit: int = 50,
              offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Documents matching the filters (newest first) and how many match in all. ``search`` is
    the user's words (:mod:`foreigndesk.store.fts`; a bad one raises
    :class:`~foreigndesk.store.fts.SearchSyntaxError`) over title and text; each row then has
    a ``snippet``."""
    from foreigndesk.analyze.timeline import actor_filter_sql

    where, params = ["1=1"], []  # type: list[str], list[Any]
    join = ""
    snippet = "NULL"
    if outlet:
        where.append("d.outlet = ?")
        params.append(outlet)
    if since:
        where.append("d.published >= ?")
        params.append(since)
    if until:
        where.append("substr(d.published, 1, ?) <= ?")
        params += [len(until), until]
    if actors:
        cond, p = actor_filter_sql(actors)
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id AND ({cond}))")
        params += p
    match = store.search_sql(fts_query(search)) if search and search.strip() else None
    if match:
        join = match.join
        where.append(match.where)
        snippet = match.snippet
    base = f"FROM documents d{join} WHERE {' AND '.join(where)}"
    sql = (f"SELECT d.id, d.title, d.outlet, d.author, d.published, d.url, d.n_words, "
           f"d.source, d.language, d.language_note, {snippet} AS snippet, "
           f"(SELECT count(*) FROM event_mentions em WHERE em.doc_id = d.id) AS n_events, "
           f"(SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS n_claims {base} "
           f"ORDER BY d.published IS NULL, d.published DESC, d.rowid LIMIT ? OFFSET ?")

    def run(q: str) -> tuple[list[dict[str, Any]], int]:
        p = (match.join_params + params + match.where_params) if match else params
        total = store.conn.execute(f"SELECT count(*) {base}", p).fetchone()[0]
        return store.query(sql, [*p, limit, offset]), total

    if not (search and search.strip()):
        return run("")
    rows, total = run(fts_query(search))
    for r in rows:
        r["snippet_parts"] = _snippet_parts(r.pop("snippet"))
    return rows, total


def _snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """An FTS5 snippet as (text, is_match) parts; char(1)/char(2) delimit the matches."""
    if not snippet:
        return []
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split("\x01")):
        if i == 0:
            parts.append((chunk, False))
            continue
        hit, _, rest = chunk.partition("\x02")
        parts.append((hit, True))
        parts.append((rest, False))
    return [p for p in parts if p[0]]


def outlets(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet")]


def document_facts(store: Store, doc_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every fact of one document, by kind, each with its provenance."""
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
        "reuse": q("SELECT * FROM reuse WHERE earlier_doc = ? OR later_doc = ? ORDER BY id",
                   (doc_id, doc_id)),
    }


def document_urls(doc: dict[str, Any]) -> list[str]:
    try:
        urls = json.loads(doc.get("urls") or "[]")
    except ValueError:
        return []
    return [u for u in urls if isinstance(u, str)]


# -- actors -------------------------------------------------------------------------------

def actors(store: Store, kinds: list[str] | None = None, search: str | None = None,
           limit: int = 500) -> list[dict[str, Any]]:
    """Actors mentioned, most mentioned first, with their code and counts."""
    where, params = ["1=1"], []  # type: list[str], list[Any]
    if kinds:
        where.append(f"a.kind IN ({','.join('?' * len(kinds))})")
        params += kinds
    if search:
        where.append("(a.name LIKE ? OR a.id LIKE ? OR a.aliases LIKE ?)")
        params += [f"%{search}%"] * 3
    sql = ("SELECT a.id, a.name, a.kind, a.country, a.sector, count(m.id) AS mentions, "
           "count(DISTINCT m.doc_id) AS documents, a.aliases, "
           "(SELECT count(*) FROM events e WHERE e.source_actor = a.id OR e.target_actor = a.id)"
           " AS events FROM actors a JOIN mentions m ON m.actor_id = a.id "
           f"WHERE {' AND '.join(where)} GROUP BY a.id ORDER BY mentions DESC, a.name LIMIT ?")
    rows = store.query(sql, [*params, limit])
    for r in rows:
        try:
            r["aliases"] = json.loads(r["aliases"] or "[]")
        except ValueError:
            r["aliases"] = []
    return rows


def actor_kinds(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT DISTINCT kind FROM actors ORDER BY kind")]


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    rows = store.query("SELECT * FROM actors WHERE id = ?", (actor_id,))
    return rows[0] if rows else None


# -- events -------------------------------------------------------------------------------

def events(store: Store, f: Filters, limit: int | None = None,
           all_mentions: bool = False) -> list[dict[str, Any]]:
    """Events with the command line's filters (``foreigndesk events``), oldest first, each
    with its code name, QuadClass and citation(s)."""
    from foreigndesk.analyze.events import event_mentions, event_row

    cond, params = f.event_filter().where()
    sql = "SELECT e.* FROM events e WHERE " + cond
    sql += " ORDER BY e.date IS NULL, e.date, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.query(sql, params)
    mentions = event_mentions(store.conn, [r["id"] for r in rows if r["origin"] == "news"],
                         all_of_them=True)
    out = []
    for r in rows:
        ms = mentions.get(r["id"], [])
        row = event_row(r, ms, "json")
        row["source_actor"], row["target_actor"] = r["source_actor"], r["target_actor"]
        row["lat"], row["lon"] = r.get("lat"), r.get("lon")
        if not all_mentions:
            row["citations"] = ms[:1]
        out.append(row)
    return out


# -- places -------------------------------------------------------------------------------

def places(store: Store) -> list[dict[str, Any]]:
    """Places mentioned, one row per geocoded place, with mention and document counts and
    the first mention's citation."""
    rows = store.query(
        "SELECT p.name, p.country, min(p.feature) AS feature, round(p.lat, 4) AS lat, "
        "round(p.lon, 4) AS lon, "
        "count(*) AS mentions, count(DISTINCT p.doc_id) AS documents, "
        "min(p.doc_id || ':' || p.sentence) AS first FROM places p "
        "WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL "
        "GROUP BY p.name, p.country, round(p.lat, 4), round(p.lon, 4) "
        "ORDER BY mentions DESC, p.name")
    for r in rows:
        doc, _, sent = (r.pop("first") or "").partition(":")
        r["doc_id"], r["sentence"] = doc, int(sent) if sent.isdigit() else 0
    return rows


def event_places(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Located events (filters as for :func:`events`), grouped by place."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for e in events(store, f):
        if e.get("lat") is None or e.get("lon") is None:
            continue
        key = (e.get("place"), round(e["lat"], 3), round(e["lon"], 3))
        g = groups.setdefault(key, {"place": e.get("place"), "lat": e["lat"], "lon": e["lon"],
                                    "events": 0, "goldstein": [], "items": []})
        g["events"] += 1
        if e.get("goldstein") is not None:
            g["goldstein"].append(e["goldstein"])
        g["items"].append(e)
    out = []
    for g in groups.values():
        gs = g.pop("goldstein")
        g["goldstein_mean"] = sum(gs) / len(gs) if gs else None
        out.append(g)
    out.sort(key=lambda g: -g["events"])
    return out


# -- reuse --------------------------------------------------------------------------------

def reuse_pairs(store: Store) -> list[dict[str, Any]]:
    """Text-reuse passages with both documents' citation and some context around each span."""
    rows = store.query(
        "SELECT r.*, de.title AS earlier_title, de.outlet AS earlier_outlet, "
        "de.published AS earlier_published, de.url AS earlier_url, "
        "dl.title AS later_title, dl.outlet AS later_outlet, dl.published AS later_published, "
        "dl.url AS later_url FROM reuse r JOIN documents de ON de.id = r.earlier_doc "
        "JOIN documents dl ON dl.id = r.later_doc ORDER BY r.later_doc, r.later_start")
    return rows


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
