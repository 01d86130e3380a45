"""The actor network's numbers, counted in SQL: events between two actors (either
direction) and their Goldstein sum, per pair, over the events an :class:`EventFilter`
selects.

An event's end is its actor (``source_actor``), else its country, else its CAMEO code,
else the name GDELT gives; an event whose two ends are the same, or lacks one, joins
nothing. The pairs are summed by (source end, target end) in SQL and folded into unordered
pairs here (a few thousand rows at most, whatever the number of events)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from foreigndesk.store.db import Store
from foreigndesk.store.filters import EventFilter


def _end(side: str) -> str:
    return (f"coalesce(nullif(e.{side}_actor, ''), nullif(e.{side}_country, ''), "
            f"nullif(e.{side}_code, ''), nullif(e.{side}_name, ''))")


@dataclass
class PairCount:
    """Events between ``a`` and ``b`` (``a < b``), either direction; the sum and number of
    their Goldstein scores."""

    a: str
    b: str
    events: int = 0
    goldstein_sum: float = 0.0
    goldstein_n: int = 0

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.goldstein_n if self.goldstein_n else None


def pair_counts(store: Store, flt: EventFilter) -> list[PairCount]:
    """Every pair of distinct ends with at least one event, most events first."""
    cond, params = flt.where()
    # imported rows name no actor id: their ends are their countries, summed in the order
    # of events_dyad_cover (no sort, no table row read when the filter needs none)
    by_country = (f"SELECT e.source_country, e.target_country, count(*), total(e.goldstein), "
                  f"count(e.goldstein) FROM events e WHERE {cond} AND e.origin != 'news' "
                  f"AND e.source_country > '' AND e.target_country > '' "
                  f"AND e.source_country != e.target_country "
                  f"GROUP BY e.source_country, e.target_country")
    # news events, and imported rows that lack a country: their ends as the docstring says
    by_end = (f"SELECT s, t, count(*), total(goldstein), count(goldstein) FROM "
              f"(SELECT {_end('source')} AS s, {_end('target')} AS t, e.goldstein "
              f"FROM events e WHERE {cond} AND (e.origin = 'news' OR e.source_country IS NULL "
              f"OR e.source_country = '' OR e.target_country IS NULL "
              f"OR e.target_country = '')) "
              f"WHERE s IS NOT NULL AND t IS NOT NULL AND s != t GROUP BY s, t")
    pairs: dict[tuple[str, str], PairCount] = {}
    rows = itertools.chain(store.conn.execute(by_country, params),
                           store.conn.execute(by_end, params))
    for s, t, n, gs, gn in rows:
        key = (s, t) if s < t else (t, s)
        p = pairs.get(key)
        if p is None:
            p = pairs[key] = PairCount(*key)
        p.events += n
        p.goldstein_sum += gs
        p.goldstein_n += gn
    return sorted(pairs.values(), key=lambda p: (-p.events, p.a, p.b))


def pair_codes(store: Store, flt: EventFilter, ends: Iterable[str]
               ) -> dict[tuple[str, str], dict[str, int]]:
    """Events per CAMEO code of each pair (``a < b``) whose two ends are among ``ends``."""
    keep = sorted(set(ends))
    if not keep:
        return {}
    cond, params = flt.where()
    marks = ",".join("?" * len(keep))
    sql = (f"SELECT s, t, code, count(*) FROM (SELECT {_end('source')} AS s, "
           f"{_end('target')} AS t, e.code FROM events e WHERE {cond}) "
           f"WHERE s IN ({marks}) AND t IN ({marks}) AND s != t GROUP BY s, t, code")
    out: dict[tuple[str, str], dict[str, int]] = {}
    for s, t, code, n in store.conn.execute(sql, [*params, *keep, *keep]):
        key = (s, t) if s < t else (t, s)
        codes = out.setdefault(key, {})
        codes[code] = codes.get(code, 0) + n
    return out
