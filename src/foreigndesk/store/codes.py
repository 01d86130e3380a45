"""The country part of a CAMEO actor code, as the store keeps it beside the code.

A code is a country (ISO3, or an international prefix such as IGO) followed by sectors
("CHNGOV"), or a sector alone when the actor's country is unknown ("MIL": soldiers of no
named country). A sector alone has no country: "MIL" is not a state, and must not pair with
one in the relations index, the exports or the list of dyads."""

from __future__ import annotations

from functools import cache
from importlib import resources

from foreigndesk.built_cache import load_yaml

INTERNATIONAL = frozenset({"IGO", "NGO", "MNC"})  # prefixes that head a code like a country


@cache
def sector_codes() -> frozenset[str]:
    """Every sector code of the actor dictionaries (data/actors/sectors.yaml)."""
    text = resources.files("foreigndesk").joinpath("data/actors/sectors.yaml").read_text(
        encoding="utf-8")
    return frozenset(str(item["sector"]) for item in load_yaml(text) or []
                     if isinstance(item, dict) and item.get("sector"))


def code_country(code: str | None) -> str | None:
    """The country of an actor code: its first three letters, unless they are a sector (a
    code of a sector alone, or an international prefix standing alone, has none)."""
    if not code or len(code) < 3:
        return None
    head = code[:3].upper()
    if head in sector_codes() and not (head in INTERNATIONAL and len(code) > 3):
        return None
    return head
