"""Imported (GDELT) events per actor key and month (table ``actor_months``, migration
``NNN_actor_months.sql``): kept up to date by every import, read to count a country's
events without visiting them.

An imported event counts once under each distinct key among its source and target
countries and the first three characters of its CAMEO actor codes, so the rows of a
three-letter code K hold exactly the imported events an actor filter of K selects
(:func:`foreigndesk.store.filters.actor_terms`: country K or code starting with K; imported
rows name no actor id)."""

from __future__ import annotations

import functools

from foreigndesk.store.db import Store, migrations
from foreigndesk.store.filters import TOP

_MONTH = "coalesce(substr(date, 1, 7), '')"
_KEYS = ("source_country", "target_country", "substr(source_code, 1, 3)",
         "substr(target_code, 1, 3)")
# each event once under each distinct non-empty key: a key equal to an earlier one of the
# same event is left out (UNION ALL of four selects; a UNION's de-duplication of every
# (id, key, month) cost twice the time at 1M rows)
_KEYED = " UNION ALL ".join(
    f"SELECT {key} AS k, {_MONTH} AS m FROM events WHERE id > ? AND origin = 'gdelt' "
    f"AND {key} != ''" + "".join(f" AND {key} != coalesce({before}, '')" for before in _KEYS[:i])
    for i, key in enumerate(_KEYS))
_ADD = (f"INSERT INTO actor_months(actor, month, n) SELECT k, m, count(*) FROM ({_KEYED}) "
        f"AS keyed GROUP BY k, m "
        f"ON CONFLICT(actor, month) DO UPDATE SET n = actor_months.n + excluded.n")


@functools.cache
def _migration() -> int:
    return next(v for v, name, _ in migrations() if name.endswith("_actor_months.sql"))


def kept(store: Store) -> bool:
    """Whether the store has the table (a store opened read-only is not migrated)."""
    return store.version >= _migration()


def last_event_id(store: Store) -> int:
    """The largest event id so far (0 for none): the events an import adds come after it."""
    return int(store.conn.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0])


def add_imported(store: Store, after_id: int) -> None:
    """Count the imported events whose id is above ``after_id`` (those an import batch just
    added), inside the caller's transaction."""
    store.conn.execute(_ADD, [after_id] * 4)


def answers(actors: tuple[str, ...] | list[str], since: str | None, until: str | None
            ) -> bool:
    """Whether :func:`imported_count` answers a filter of these actors and dates: one
    three-letter code (or a name it stands for) and dates by year or month."""
    if len(actors) != 1 or _key(actors[0]) is None:
        return False
    return all(d is None or len(d) in (4, 7) for d in (since, until))


def _key(actor: str) -> str | None:
    from foreigndesk.countries import country_code

    raw = actor.strip()
    code = None if (raw.isupper() or ":" in raw) else country_code(raw)
    up = code or raw.upper()
    return up if len(up) == 3 and up.isalpha() else None


def imported_count(store: Store, actor: str, since: str | None, until: str | None
                   ) -> tuple[int, int]:
    """(events, dated events) imported with ``actor`` (a code :func:`answers` accepts) as
    source or target, dated within ``since``..``until`` (years or months, inclusive)."""
    key = _key(actor)
    where, params = ["actor = ?"], [key]  # type: list[str], list[object]
    if since:
        where.append("month >= ?")
        params.append(since)
    if until:
        where.append("month < ?")
        params.append(until + TOP)
    dated = int(store.conn.execute(
        f"SELECT coalesce(sum(n), 0) FROM actor_months WHERE {' AND '.join(where)} "
        f"AND month != ''", params).fetchone()[0])
    undated = 0
    if not since and not until:
        undated = int(store.conn.execute(
            "SELECT coalesce(sum(n), 0) FROM actor_months WHERE actor = ? AND month = ''",
            [key]).fetchone()[0])
    return dated + undated, dated
