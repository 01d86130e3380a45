"""Events as the listings and briefs read them: the rows :class:`EventFilter` selects, and
the mentions (reports) of news events with their sentence and document. The command line,
the briefs and the exports build the same :class:`EventFilter`; the SQL stays here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import EventFilter

_LABELLED = ("e.*, (SELECT name FROM actors WHERE id = e.source_actor) AS source_label, "
             "(SELECT name FROM actors WHERE id = e.target_actor) AS target_label")


def event_rows(store: Store, flt: EventFilter | None = None,
               labels: bool = False) -> list[dict[str, Any]]:
    """Events as ``flt`` selects them (see :meth:`EventFilter.select` for the order); with
    ``labels``, each also has its actors' names (``source_label``, ``target_label``)."""
    sql, params = (flt or EventFilter()).select(_LABELLED if labels else "e.*")
    return store.query(sql, params)


def event_mention_rows(store: Store, event_ids: Sequence[int],
                       all_of_them: bool) -> dict[int, list[dict[str, Any]]]:
    """Mentions of news events with their sentence and document (the first only unless
    ``all_of_them``), earliest document first."""
    out: dict[int, list[dict[str, Any]]] = {}
    ids = list(event_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        sql = ("SELECT m.event_id, m.id AS mention_id, m.doc_id, m.sentence AS sentence_index, "
               'm.start, m."end", m.text, m.trigger, m.modality, m.date AS mention_date, '
               "m.extractor, m.version, s.text AS sentence, s.page, d.outlet, d.published, d.url, "
               "d.title FROM event_mentions m "
               "LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
               "LEFT JOIN documents d ON d.id = m.doc_id "
               f"WHERE m.event_id IN ({','.join('?' * len(chunk))}) "
               "ORDER BY m.event_id, d.published IS NULL, d.published, m.id")
        for r in store.iter_query(sql, chunk):
            lst = out.setdefault(r["event_id"], [])
            if all_of_them or not lst:
                lst.append(r)
    return out


def has_events_between(store: Store, origin: str, a: str, b: str) -> bool:
    """True when the store holds an event of ``origin`` from ``a`` to ``b`` or back."""
    return store.conn.execute(
        "SELECT 1 FROM events WHERE origin = ? AND ((source_country = ? AND target_country = ?) "
        "OR (source_country = ? AND target_country = ?)) LIMIT 1",
        (origin, a, b, b, a)).fetchone() is not None
