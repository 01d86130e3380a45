"""The timeline: dated items ordered by the date of what happened, not of the article.

An item is a dated time expression (TIMEX type DATE) with the sentence that holds it, the
actors and events of that sentence, and the document it cites (outlet, date, URL)."""

from __future__ import annotations

from typing import Any

from foreigndesk.store import Store


def _sort_key(value: str) -> str:
    # 198X sorts with 1980; 2022-11 before 2022-11-01
    return value.replace("X", "0")


def actor_filter_sql(actors: list[str], alias: str = "m") -> tuple[str, list[str]]:
    """SQL matching mentions of any of ``actors``: an actor id, a CAMEO code (CHN matches
    any Chinese actor, CHNGOV the Chinese government) or a name."""
    clauses, params = [], []
    for a in actors:
        clauses.append(
            f"({alias}.actor_id = ? OR ({alias}.country || coalesce({alias}.sector,'')) LIKE ? "
            f"OR {alias}.actor_id IN (SELECT id FROM actors WHERE name = ? COLLATE NOCASE) "
            f"OR {alias}.text = ? COLLATE NOCASE)"
        )
        params += [a, a.upper() + "%" if len(a) >= 3 and a.isalpha() and a.isupper() else a, a, a]
    return " OR ".join(clauses), params


def timeline(store: Store, actors: list[str] | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    where = ["t.type = 'DATE'", "t.precision IN ('day','month','year','decade','century')"]
    params: list[Any] = []
    if since:
        where.append("replace(t.value,'X','9') >= ?")
        params.append(since)
    if until:
        where.append("replace(t.value,'X','0') <= ? || 'z'")
        params.append(until)
    if actors:
        cond, p = actor_filter_sql(actors)
        where.append(
            f"EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id=t.doc_id AND m.sentence=t.sentence "
            f"AND ({cond}))"
        )
        params += p
    rows = store.query(
        f"""SELECT t.value AS date, t.precision, t.text AS expression, t.anchored,
                   s.text AS sentence, t.doc_id, t.sentence AS sentence_index,
                   s.start AS sentence_start, s."end" AS sentence_end,
                   t.start, t."end", d.outlet, d.published, d.url, d.title
            FROM time_values t
            JOIN sentences s ON s.doc_id=t.doc_id AND s.idx=t.sentence
            JOIN documents d ON d.id=t.doc_id
            WHERE {' AND '.join(where)}""",
        params,
    )
    if rows:
        _attach(store, rows)
    rows.sort(key=lambda r: (_sort_key(r["date"]), r["published"] or "", r["doc_id"],
                             r["sentence_index"], r["start"]))
    return rows


def _attach(store: Store, rows: list[dict[str, Any]]) -> None:
    """Add the actors and events of each item's sentence."""
    docs = sorted({r["doc_id"] for r in rows})
    marks = ",".join("?" * len(docs))
    actors: dict[tuple[str, int], list[str]] = {}
    for m in store.iter_query(
        f"SELECT m.doc_id, m.sentence, coalesce(a.name, m.text) AS name FROM mentions m "
        f"LEFT JOIN actors a ON a.id=m.actor_id WHERE m.doc_id IN ({marks}) "
        f"AND m.actor_id IS NOT NULL ORDER BY m.start", docs):
        lst = actors.setdefault((m["doc_id"], m["sentence"]), [])
        if m["name"] not in lst:
            lst.append(m["name"])
    events: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for e in store.iter_query(
        f"SELECT em.doc_id, em.sentence, e.id, e.source_code, e.target_code, e.code, "
        f"e.goldstein, e.date, e.modality FROM event_mentions em JOIN events e "
        f"ON e.id=em.event_id WHERE em.doc_id IN ({marks})", docs):
        key = (e.pop("doc_id"), e.pop("sentence"))
        events.setdefault(key, []).append(e)
    for r in rows:
        key = (r["doc_id"], r["sentence_index"])
        r["actors"] = actors.get(key, [])
        r["events"] = events.get(key, [])
        r["anchored"] = bool(r["anchored"])
