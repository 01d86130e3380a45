"""The timeline: dated items ordered by the date of what happened, not of the article.

An item is a dated time expression (TIMEX type DATE) with the sentence that holds it, the
actors and events of that sentence, and the document it cites (outlet, date, URL)."""

from __future__ import annotations

from typing import Any

from foreigndesk.store import Store
from foreigndesk.timevalue import overlaps, sort_key


def actor_filter_sql(actors: list[str], alias: str = "m") -> tuple[str, list[str]]:
    """SQL matching mentions of any of ``actors``: an actor id, a CAMEO code (CHN matches
    any Chinese actor, CHNGOV the Chinese government), a country's name (cuba: any Cuban
    actor) or a name."""
    from foreigndesk.countries import code_prefix

    clauses, params = [], []
    for a in actors:
        prefix = code_prefix(a)
        clauses.append(
            f"({alias}.actor_id = ? OR ({alias}.country || coalesce({alias}.sector,'')) LIKE ? "
            f"OR {alias}.actor_id IN (SELECT id FROM actors WHERE name = ? COLLATE NOCASE) "
            f"OR {alias}.text = ? COLLATE NOCASE)"
        )
        params += [a, prefix + "%" if prefix else a, a, a]
    return " OR ".join(clauses), params


_DATED = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")


def timeline(store: Store, actors: list[str] | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """Dated items, earliest happening first. Two kinds (``kind``):

    - ``time``: a dated time expression and its sentence;
    - ``event``: an asserted (or reported) coded event whose sentence holds no dated
      expression (its date came from a neighbouring clause or from the document's
      publication date; ``date_source`` says which), so that every dated event that happened
      is on the timeline; negated, hypothetical and future events are not.
    """
    params: list[Any] = []
    actor_cond = ""
    if actors:
        cond, params = actor_filter_sql(actors)
        actor_cond = (f"AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id=x.doc_id "
                      f"AND m.sentence=x.sentence AND ({cond}))")
    marks = ",".join("?" * len(_DATED))
    common = """s.text AS sentence, x.doc_id, x.sentence AS sentence_index,
                s.start AS sentence_start, s."end" AS sentence_end, x.start, x."end",
                d.outlet, d.published, d.url, d.title, s.page"""
    rows = store.query(
        f"""SELECT 'time' AS kind, x.value AS date, x.precision, x.text AS expression,
                   x.anchored, 'text' AS date_source, {common}
            FROM time_values x
            JOIN sentences s ON s.doc_id=x.doc_id AND s.idx=x.sentence
            JOIN documents d ON d.id=x.doc_id
            WHERE x.type='DATE' AND x.precision IN ({marks}) {actor_cond}""",
        [*_DATED, *params],
    )
    rows += store.query(
        f"""SELECT 'event' AS kind, x.date, x.date_precision AS precision,
                   x.trigger AS expression, 0 AS anchored, x.date_source, {common}
            FROM event_mentions x
            JOIN sentences s ON s.doc_id=x.doc_id AND s.idx=x.sentence
            JOIN documents d ON d.id=x.doc_id
            WHERE x.date IS NOT NULL AND x.modality IN ('asserted', 'reported')
              AND NOT EXISTS (SELECT 1 FROM time_values t WHERE t.doc_id=x.doc_id
                              AND t.sentence=x.sentence AND t.type='DATE'
                              AND t.precision IN ({marks})) {actor_cond}""",
        [*_DATED, *params],
    )
    rows = _one_per_sentence_date(rows)
    if since or until:
        rows = [r for r in rows if overlaps(r["date"], since, until)]
    if rows:
        _attach(store, rows)
    rows.sort(key=lambda r: (sort_key(r["date"]), r["published"] or "", r["doc_id"],
                             r["sentence_index"], r["start"]))
    return rows


def _one_per_sentence_date(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Several events of one sentence with the same date make one item."""
    seen: set[tuple[str, str, int, str]] = set()
    out = []
    for r in rows:
        key = (r["kind"], r["doc_id"], r["sentence_index"], r["date"])
        if r["kind"] == "event" and key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


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
