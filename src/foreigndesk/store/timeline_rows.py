"""The raw material of the timeline: dated time expressions and dated events with their
sentence and document, and the actors and events of those sentences. Which items make the
timeline, and their order, is :mod:`foreigndesk.analyze.timeline`'s; the SQL stays here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import mention_actor_clause

_COMMON = """s.text AS sentence, x.doc_id, x.sentence AS sentence_index,
            s.start AS sentence_start, s."end" AS sentence_end, x.start, x."end",
            d.outlet, d.published, d.url, d.title, s.page"""


def dated_items(store: Store, precisions: Sequence[str],
                actors: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Two kinds of rows (``kind``): ``time``, a time expression of type DATE whose precision
    is one of ``precisions``, with its sentence; ``event``, a dated asserted or reported event
    mention whose sentence holds no such expression. With ``actors``, only items whose
    sentence mentions one of them (see :func:`foreigndesk.store.filters.mention_actor_clause`)."""
    params: list[Any] = []
    actor_cond = ""
    if actors:
        cond, params = mention_actor_clause(actors)
        actor_cond = (f"AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id=x.doc_id "
                      f"AND m.sentence=x.sentence AND ({cond}))")
    marks = ",".join("?" * len(precisions))
    rows = store.query(
        f"""SELECT 'time' AS kind, x.value AS date, x.precision, x.text AS expression,
                   x.anchored, 'text' AS date_source, {_COMMON}
            FROM time_values x
            JOIN sentences s ON s.doc_id=x.doc_id AND s.idx=x.sentence
            JOIN documents d ON d.id=x.doc_id
            WHERE x.type='DATE' AND x.precision IN ({marks}) {actor_cond}""",
        [*precisions, *params],
    )
    rows += store.query(
        f"""SELECT 'event' AS kind, x.date, x.date_precision AS precision,
                   x.trigger AS expression, 0 AS anchored, x.date_source, {_COMMON}
            FROM event_mentions x
            JOIN sentences s ON s.doc_id=x.doc_id AND s.idx=x.sentence
            JOIN documents d ON d.id=x.doc_id
            WHERE x.date IS NOT NULL AND x.modality IN ('asserted', 'reported')
              AND NOT EXISTS (SELECT 1 FROM time_values t WHERE t.doc_id=x.doc_id
                              AND t.sentence=x.sentence AND t.type='DATE'
                              AND t.precision IN ({marks})) {actor_cond}""",
        [*precisions, *params],
    )
    return rows


def sentence_actor_names(store: Store, doc_ids: Sequence[str]
                         ) -> dict[tuple[str, int], list[str]]:
    """(doc_id, sentence) -> the names of the known actors it mentions, in text order."""
    docs = list(doc_ids)
    out: dict[tuple[str, int], list[str]] = {}
    if not docs:
        return out
    for m in store.iter_query(
            f"SELECT m.doc_id, m.sentence, coalesce(a.name, m.text) AS name FROM mentions m "
            f"LEFT JOIN actors a ON a.id=m.actor_id WHERE m.doc_id IN ({','.join('?' * len(docs))}) "
            f"AND m.actor_id IS NOT NULL ORDER BY m.start", docs):
        lst = out.setdefault((m["doc_id"], m["sentence"]), [])
        if m["name"] not in lst:
            lst.append(m["name"])
    return out


def sentence_events(store: Store, doc_ids: Sequence[str]
                    ) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """(doc_id, sentence) -> the events it reports: id, source_code, target_code, code,
    goldstein, date, modality."""
    docs = list(doc_ids)
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    if not docs:
        return out
    for e in store.iter_query(
            f"SELECT em.doc_id, em.sentence, e.id, e.source_code, e.target_code, e.code, "
            f"e.goldstein, e.date, e.modality FROM event_mentions em JOIN events e "
            f"ON e.id=em.event_id WHERE em.doc_id IN ({','.join('?' * len(docs))})", docs):
        key = (e.pop("doc_id"), e.pop("sentence"))
        out.setdefault(key, []).append(e)
    return out


def sentences_mentioning(store: Store, actors: Sequence[str]) -> set[tuple[str, int]]:
    """(doc_id, sentence) of every sentence mentioning one of ``actors``."""
    cond, params = mention_actor_clause(actors, "m")
    return {(r[0], r[1]) for r in store.conn.execute(
        f"SELECT DISTINCT m.doc_id, m.sentence FROM mentions m WHERE {cond}", params)}
