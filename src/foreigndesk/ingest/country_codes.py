"""Country code tables (data/countries/*.tsv): FIPS 10-4 and ISO 3166 alpha-2 to alpha-3,
with former states (Soviet Union, Czechoslovakia, both Germanies, both Yemens, Yugoslavia...).

The tables are data files with a header naming their sources; this module only reads them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("foreigndesk").joinpath("data", "countries", name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    out = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        out.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return out


@cache
def fips_to_iso3() -> dict[str, str]:
    """FIPS 10-4 country code (GDELT geo fields) -> ISO3."""
    return {r["fips"]: r["iso3"] for r in _rows("fips_iso3.tsv")}


@cache
def iso2_to_iso3() -> dict[str, str]:
    """Current ISO 3166-1 alpha-2 -> alpha-3."""
    return {r["iso2"]: r["iso3"] for r in _rows("iso2_iso3.tsv")}


@cache
def _former() -> tuple[dict[str, str], dict[str, str]]:
    by_name: dict[str, str] = {}
    by_code: dict[str, str] = {}
    for r in _rows("former_states.tsv"):
        by_name.setdefault(_norm(r["name"]), r["iso3"])
        if r["iso2"]:
            by_code.setdefault(r["iso2"], r["iso3"])
    return by_name, by_code


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def country_iso3(code: str | None, name: str | None = None) -> str | None:
    """The 3-letter code of a state given as an ISO alpha-2 code (current or former) and/or
    its name. A former state's name wins over its code, so a reused code (CS: Czechoslovakia
    until 1993, Serbia and Montenegro 2003-2006) is resolved by name. None when unknown."""
    by_name, by_code = _former()
    if name:
        hit = by_name.get(_norm(name))
        if hit:
            return hit
    if code:
        code = code.strip().upper()
        return iso2_to_iso3().get(code) or by_code.get(code)
    return None
