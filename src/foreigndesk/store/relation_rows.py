"""The relations index's numbers, summed in SQL: a dyad's events per day (counts by
QuadClass, reports, Goldstein sum), the pairs of states with the most events, and whether a
source has any data. The sums are read from the covering index ``events_dyad_cover``
(migration 011): no table row is visited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from foreigndesk.store.db import Store
from foreigndesk.store.filters import date_range_clause


class DayTotals(NamedTuple):
    """A dyad's events of one date (as stored: a day, or a coarser ISO prefix)."""

    date: str | None
    events: int
    reports: int
    q1: int
    q2: int
    q3: int
    q4: int
    goldstein_sum: float
    goldstein_n: int


def dyad_event_days(store: Store, origin: str, pairs: Iterable[tuple[str, str]],
                    modalities: Iterable[str] | None = None, since: str | None = None,
                    until: str | None = None,
                    sectors: Iterable[str] | None = None) -> list[DayTotals]:
    """Per date, the events of ``origin`` from one country to the other of any of ``pairs``
    ((source, target) ISO3 codes): only those of ``modalities`` when given; only those whose
    two sides are the states themselves or one of ``sectors`` (agent codes after the
    country: "GOV", "MIL"; "" for the state itself) when given; dated within
    ``since``..``until`` (inclusive ISO prefixes)."""
    pairs = list(dict.fromkeys(pairs))
    if not pairs:
        return []
    where = " OR ".join("(source_country = ? AND target_country = ?)" for _ in pairs)
    conds = [f"({where})", "origin = ?"]
    params: list[Any] = [c for p in pairs for c in p] + [origin]
    if sectors is not None:
        secs = list(sectors)
        marks = ",".join("?" * len(secs))
        conds += [f"substr(coalesce(source_code, ''), 4, 3) IN ({marks})",
                  f"substr(coalesce(target_code, ''), 4, 3) IN ({marks})"]
        params += secs + secs
    if modalities is not None:
        mods = list(modalities)
        conds.append(f"modality IN ({','.join('?' * len(mods))})")
        params += mods
    w, p = date_range_clause(since, until, "date")
    conds += w
    params += p
    sql = ("SELECT date, count(*), total(n_mentions), sum(quad_class = 1), "
           "sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4), total(goldstein), "
           f"count(goldstein) FROM events WHERE {' AND '.join(conds)} GROUP BY date")
    return [DayTotals(r[0], int(r[1]), int(r[2]), int(r[3] or 0), int(r[4] or 0),
                      int(r[5] or 0), int(r[6] or 0), float(r[7]), int(r[8]))
            for r in store.conn.execute(sql, params)]


def top_state_pairs(store: Store, limit: int,
                    news_modalities: Iterable[str]) -> list[tuple[str, str, int]]:
    """The pairs of distinct states with the most events either way, most first: imported
    rows, and news events of ``news_modalities``. Summed per (source, target) in the order
    of ``events_dyad_cover`` (no sort), then folded into unordered pairs."""
    mods = list(news_modalities)
    rows = store.conn.execute(
        "SELECT source_country, target_country, count(*) FROM events "
        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "AND source_country != target_country AND (origin != 'news' OR modality "
        f"IN ({','.join('?' * len(mods))})) GROUP BY source_country, target_country", mods)
    pairs: dict[tuple[str, str], int] = {}
    for a, b, n in rows:
        key = (a, b) if a < b else (b, a)
        pairs[key] = pairs.get(key, 0) + int(n)
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(a, b, n) for (a, b), n in top]


def has_source(store: Store, source: str) -> bool:
    """Whether the store holds any data of ``source``: news or gdelt events, or UN votes
    (``unvotes``)."""
    if source == "unvotes":
        return store.conn.execute("SELECT 1 FROM votes LIMIT 1").fetchone() is not None
    return store.conn.execute("SELECT 1 FROM events WHERE origin = ? LIMIT 1",
                              (source,)).fetchone() is not None
