"""Violence coded by who uses it (see ``data/cameo/violence.yaml``): a generic 19x code
("kill", "attack", "shoot at") by armed men or criminals is 18 ASSAULT (unconventional
violence), by a crowd 145 (a violent protest), by police against civilians 175 (violent
repression), and by states' forces 19 FIGHT."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    raw = load_yaml(resources.files("foreigndesk.data").joinpath("cameo/violence.yaml")
                         .read_text(encoding="utf-8"))
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in raw.items()}


def _sector(code: str | None, country: str | None) -> str:
    """The agent part of an actor code ("KENCOP" -> COP, "UAF" -> UAF); "none" without one,
    "GOV" for a state acting as itself."""
    if not code:
        return "none"
    rest = code[3:6] if country and code.startswith(country) else code[:3]
    return rest or "GOV"


def by_actor(code: str, source: str | None, source_country: str | None,
             target: str | None, target_country: str | None) -> str:
    """The event code once its source (and target) are known."""
    r = rules()
    if code not in r["generic"]:
        return code
    s, t = _sector(source, source_country), _sector(target, target_country)
    if s in r["repression_sources"] and t in r["repression_targets"]:
        return str(r["repression"])
    if s in r["riot_sources"]:
        return str(r["riot"])
    if s in r["unconventional_sources"] or (s in r["rebel_sources"]
                                            and t in r["civilian_targets"]):
        return str(r["unconventional"])
    return code
