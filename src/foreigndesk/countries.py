"""Country names as well as codes, wherever a command takes a state: ``relations china cuba``,
``--actor cuba``, ``--dyad china-cuba``.

:func:`country_code` reads an ISO 3166 alpha-3 code (``CUB``), an alpha-2 code (``CU``), or a
name: first through our own data (``data/actors/states.yaml``: the names, aliases and
adjectives the extractor knows, "Russia", "UK", "America", "Burma", "Chinese", and historical
states such as the Soviet Union), then through pycountry (ISO 3166 names, official and common
names: "Viet Nam", "Bolivia, Plurinational State of", "Korea, Republic of"). Case, spacing and
full stops do not matter.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


def _norm(name: str) -> str:
    return " ".join(name.replace("’", "'").replace(".", "").casefold().split())


@cache
def _states() -> list[dict[str, Any]]:
    from foreigndesk.built_cache import load_yaml

    text = resources.files("foreigndesk").joinpath("data", "actors", "states.yaml") \
        .read_text("utf-8")
    return list(load_yaml(text) or [])


def state_name(iso3: str) -> str:
    """The common English name of a state (data/actors/states.yaml, then pycountry), else
    the code itself."""
    for r in _states():
        if r["id"] == iso3:
            return str(r["name"])
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return str(getattr(c, "common_name", None) or c.name) if c else iso3


@cache
def _aliases() -> dict[str, str]:
    """Normalised name -> ISO3, from data/actors/states.yaml (names first, then aliases, then
    adjectives, so a name never loses to another state's adjective)."""
    rows = _states()
    out: dict[str, str] = {}
    for field in ("name", "aliases", "adjectives"):
        for r in rows:
            values = r.get(field) or []
            for v in [values] if isinstance(values, str) else values:
                out.setdefault(_norm(str(v)), r["id"])
    return out


def country_code(text: str) -> str | None:
    """The ISO3 code of the state ``text`` names or codes, or None when it is none."""
    s = " ".join(text.split())
    if not s:
        return None
    if len(s) == 3 and s.isalpha() and s.isupper():
        return s  # a code as the store keeps it (CAMEO codes include former states)
    if len(s) == 2 and s.isalpha() and s.isupper():  # "Li" is a name, "LI" a code
        from foreigndesk.ingest.country_codes import country_iso3

        hit = country_iso3(s.upper())
        if hit:
            return hit
    if len(s) == 3 and s.isalpha():
        return s.upper()
    key = _norm(s)
    hit = _aliases().get(key) or _aliases().get(_norm(s.replace("-", " ").replace("_", " ")))
    if hit:
        return hit
    if len(s) <= 3:  # pycountry would read "Li" as the code LI
        return None
    import pycountry

    try:
        return str(pycountry.countries.lookup(s).alpha_3)
    except LookupError:
        return None


def code_prefix(actor: str) -> str | None:
    """The CAMEO code prefix an actor argument stands for (``CHN``/``CHNGOV`` as written, or
    the code of a country named: ``cuba`` -> ``CUB``), else None (an id or a person's name)."""
    a = actor.strip()
    if len(a) >= 3 and a.isalpha() and a.isupper():
        return a
    if ":" in a:
        return None
    return country_code(a)


class CountryError(ValueError):
    """Text that names no state (the message says what was given)."""


def country(text: str) -> str:
    """The ISO3 code of the state ``text`` names or codes; raises :class:`CountryError`."""
    c = country_code(text)
    if c is None or not c.isalpha() or len(c) != 3:
        raise CountryError(f"not a country: {text!r} (a name such as Cuba, or an ISO 3166 "
                           "code such as CUB)")
    return c


def parse_dyad(text: str) -> tuple[str, str]:
    """"USA-CHN" (or "USA:CHN", "USA/CHN", "china-cuba", "united states/china") -> ("USA",
    "CHN"). With hyphens inside a name ("guinea-bissau-cuba"), the split where both sides
    name a state wins. Raises :class:`CountryError`."""
    for sep in ("-", ":", "/", ","):
        if sep not in text:
            continue
        pos = text.find(sep)
        while pos >= 0:
            a, b = text[:pos].strip(), text[pos + 1:].strip()
            if a and b:
                ca, cb = country_code(a), country_code(b)
                if ca and cb:
                    return ca, cb
            pos = text.find(sep, pos + 1)
        a, _, b = text.partition(sep)
        if a.strip() and b.strip():
            return country(a), country(b)
    raise CountryError(f"not a dyad: {text!r} (write it as two countries: USA-CHN or "
                       "china-cuba)")
