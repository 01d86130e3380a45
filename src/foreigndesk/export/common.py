"""What several formats need: an event's two sides, country codes, its first citation."""

from __future__ import annotations

from functools import cache
from typing import Any

from foreigndesk.analyze.events import QUAD_NAMES, code_name

STATE_SECTORS = ("", "GOV", "MIL", "LEG", "JUD", "COP", "SPY")


@cache
def iso3_to_iso2() -> dict[str, str]:
    from foreigndesk.ingest.country_codes import iso2_to_iso3

    return {v: k for k, v in iso2_to_iso3().items()}


def iso2(iso3: str | None) -> str | None:
    return iso3_to_iso2().get(iso3 or "")


def country_name(iso3: str) -> str:
    from foreigndesk.countries import state_name

    return state_name(iso3)


def side(row: dict[str, Any], which: str) -> dict[str, Any] | None:
    """One side of an event: ``key`` (the actor id, else its CAMEO code, else the country),
    ``name``, ``kind`` (the actor's, or "state"/"government"/"group" from the code), ``code``
    and ``country``; None when the side is unknown."""
    actor = row.get(f"{which}_actor")
    code = row.get(f"{which}_code")
    country = row.get(f"{which}_country")
    key = actor or code or country
    if not key:
        return None
    kind = row.get(f"{which}_actor_kind")
    if not kind:
        sector = (code or "")[3:6] if country and (code or "").startswith(country) else None
        kind = ("state" if sector == "" else "government" if sector in STATE_SECTORS
                else "group")
    name = (row.get(f"{which}_actor_name") or row.get(f"{which}_name") or code or key)
    return {"key": key, "name": name, "kind": kind, "code": code, "country": country}


def first_mention(row: dict[str, Any]) -> dict[str, Any] | None:
    ms = row.get("mentions") or []
    return ms[0] if ms else None


def event_label(row: dict[str, Any]) -> str:
    """"China -> Make a visit -> Cuba" (names, else codes)."""
    s, t = side(row, "source"), side(row, "target")
    return " -> ".join(x for x in ((s or {}).get("name"), code_name(row["code"]) or row["code"],
                                   (t or {}).get("name")) if x)


def quad_name(q: int | None) -> str:
    return QUAD_NAMES.get(q or 0, "")
