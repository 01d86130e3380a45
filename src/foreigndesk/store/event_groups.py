"""One event, many reports: find the stored real-world event an event mention reports.

Two mentions report the same event when they have the same dyad (source and target CAMEO
actor codes), the same root code, compatible modalities (asserted and merely reported are the
same happening; negated, hypothetical and future events stay apart), and dates that can name
the same day (their periods overlap, :func:`foreigndesk.timevalue.compatible`: "2022-11" with
"2022-11-25", a decade "198X" with any year of the 1980s, a week "2022-W47" with its days). A
mention dated only by its document's date matches an event of the same dyad and root within
the same month. Mentions without any date are never merged. GDELT counts reports as events;
we do not: every mention is kept, with its provenance, under the one event. An event first
seen as merely reported becomes asserted when a later report asserts it.
"""

from __future__ import annotations

import sqlite3

from foreigndesk.model import Event
from foreigndesk.timevalue import compatible


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two date values can denote the same day (their periods overlap: see
    :func:`foreigndesk.timevalue.compatible`)."""
    return compatible(a, b)


FACTUAL = ("asserted", "reported")


def _same_month(a: str, b: str) -> bool:
    return len(a) >= 7 and len(b) >= 7 and a[:7] == b[:7]


def group_query(e: Event) -> tuple[str, tuple[object, ...]]:
    """The statement (SQLite's dialect) and parameters that read the stored news events of
    ``e``'s group: same root, source and target codes, a factual or the same modality, and
    the same century. ``= ?`` or ``IS NULL`` rather than ``IS ?``: PostgreSQL's ``IS NOT
    DISTINCT FROM`` uses no index, and the group is read from ``events_news_group``
    (migration 014) on both backends."""
    modalities = FACTUAL if e.modality in FACTUAL else (e.modality,)
    marks = ",".join("?" * len(modalities))
    codes = [("source_code", e.source_code), ("target_code", e.target_code)]
    where = " AND ".join(f"{col} IS NULL" if v is None else f"{col}=?" for col, v in codes)
    sql = (f"SELECT id, date, date_source, modality FROM events WHERE origin='news' AND root=? "
           f"AND {where} AND modality IN ({marks}) AND substr(date,1,2)=substr(?,1,2) "
           f"ORDER BY id")
    return sql, (e.root, *(v for _c, v in codes if v is not None), *modalities, e.date)


def find_event(conn: sqlite3.Connection, e: Event) -> int | None:
    """The id of the stored news event that ``e`` reports, or None."""
    if not e.date:
        return None
    rows = conn.execute(*group_query(e)).fetchall()
    for r in rows:
        stored = r["date"] or ""
        if e.date_source == "document" or r["date_source"] == "document":
            same = _same_month(stored, e.date)
        else:
            same = dates_compatible(stored, e.date)
        if same:
            if e.modality == "asserted" and r["modality"] == "reported":
                conn.execute("UPDATE events SET modality='asserted' WHERE id=?", (r["id"],))
            return int(r["id"])
    return None
