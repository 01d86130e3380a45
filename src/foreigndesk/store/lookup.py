"""Does the store know an actor the user named? (for the command line's ``--actor``)."""

from __future__ import annotations

from foreigndesk.store.db import Store


def actor_known(store: Store, actor: str) -> bool:
    """True when ``actor`` names something the listings can match: an actor id or name, a
    mention's text, a CAMEO code (country, or country and sector) of an actor, or a country
    or actor code of an event."""
    from foreigndesk.countries import country_code

    a = actor.strip()
    code = None if (a.isupper() or ":" in a) else country_code(a)  # "cuba" is CUB
    q = store.conn.execute
    if q("SELECT 1 FROM actors WHERE id = ? OR name = ? COLLATE NOCASE LIMIT 1",
         (a, a)).fetchone():
        return True
    if q("SELECT 1 FROM mentions WHERE text = ? COLLATE NOCASE LIMIT 1", (a,)).fetchone():
        return True
    for up in {a.upper(), code} - {None}:
        if q("SELECT 1 FROM actors WHERE (country || coalesce(sector, '')) LIKE ? LIMIT 1",
             (f"{up}%",)).fetchone():
            return True
        if q("SELECT 1 FROM events WHERE source_country = ? OR target_country = ? "
             "OR source_code LIKE ? OR target_code LIKE ? LIMIT 1",
             (up, up, f"{up}%", f"{up}%")).fetchone():
            return True
    return False


def actor_vocabulary(store: Store) -> list[str]:
    """What an actor may be called here: ids, names, codes (for suggestions)."""
    words: set[str] = set()
    for r in store.conn.execute("SELECT id, name, country, sector FROM actors"):
        words.update(w for w in (r[0], r[1], r[2], (r[2] or "") + (r[3] or "")) if w)
    for (c,) in store.conn.execute("SELECT DISTINCT source_country FROM events UNION "
                                   "SELECT DISTINCT target_country FROM events"):
        if c:
            words.add(c)
    return sorted(words)
