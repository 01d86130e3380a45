"""One event, many reports: find the stored real-world event an event mention reports.

Two mentions report the same event when they have the same dyad (source and target CAMEO
actor codes), the same root code, the same modality, and dates compatible at their precision
(one is a prefix of the other: "2022-11" is compatible with "2022-11-25"; a decade "198X"
with any year of the 1980s). A mention dated only by its document's date matches an event of
the same dyad and root within the same month. GDELT counts reports as events; we do not.
"""

from __future__ import annotations

import sqlite3

from foreigndesk.model import Event


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two TIMEX-style dates can denote the same day."""
    if not a or not b:
        return False
    a2, b2 = a.rstrip("X"), b.rstrip("X")
    return a2.startswith(b2) or b2.startswith(a2)


def find_event(conn: sqlite3.Connection, e: Event) -> int | None:
    """The id of the stored news event that ``e`` reports, or None."""
    if not e.date:
        return None
    rows = conn.execute(
        "SELECT id, date, date_source FROM events WHERE origin='news' AND root=? AND modality=? "
        "AND source_code IS ? AND target_code IS ? AND substr(date,1,4)=substr(?,1,4)",
        (e.root, e.modality, e.source_code, e.target_code, e.date),
    ).fetchall()
    for r in rows:
        if e.date_source == "document" or r["date_source"] == "document":
            if (r["date"] or "")[:7] == e.date[:7]:
                return int(r["id"])
        elif dates_compatible(r["date"], e.date):
            return int(r["id"])
    return None
