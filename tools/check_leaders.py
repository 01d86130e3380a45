"""Cross-check the dates of data/actors/leaders.yaml against the PETRARCH2/Phoenix dictionaries.

Usage::

    python tools/check_leaders.py [--days N]

Reads src/foreigndesk/data/actors/leaders.yaml (written for foreigndesk) and
src/foreigndesk/data/actors/phoenix_countries.tsv (converted from the PETRARCH2/Phoenix
Phoenix.Countries.actors.txt, MIT licence, by tools/convert_phoenix.py). For every office of
a person both files know (same name, same country), it prints the offices whose start or
end differs by more than N days (default 45) from the nearest Phoenix date range, and the
offices Phoenix does not know at all. Phoenix's ranges carry no role and are themselves
approximate (its dictionary stops in early 2014), so this is a list to review by hand, not a
test.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "foreigndesk" / "data" / "actors"
PHOENIX_END = datetime.date(2014, 1, 30)  # the dictionary's generation date


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold()
                    .replace(".", " ").replace("-", " ").split())


def day(value: Any, end: bool = False) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        return datetime.date(parts[0], parts[1], 28 if end else 1)
    return datetime.date(parts[0], 12 if end else 1, 31 if end else 1)


def phoenix_ranges() -> dict[tuple[str, str], list[tuple[datetime.date | None, datetime.date | None]]]:
    """(folded name, country) -> Phoenix date ranges."""
    out: dict[tuple[str, str], list[tuple[datetime.date | None, datetime.date | None]]] = {}
    lines = (DATA / "phoenix_countries.tsv").read_text(encoding="utf-8").splitlines()
    header: list[str] | None = None
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        if row.get("kind") != "person" or not row.get("offices"):
            continue
        names = {row["name"], *(a.strip() for a in row.get("aliases", "").split("|"))}
        for part in row["offices"].split(";"):
            bits = part.split(",")
            if len(bits) < 5 or not bits[1]:
                continue
            span = (day(bits[3] or None), day(bits[4] or None, end=True))
            for n in names:
                out.setdefault((fold(n), bits[1]), []).append(span)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--days", type=int, default=45, help="tolerance in days (default 45)")
    args = ap.parse_args(argv)
    phoenix = phoenix_ranges()
    leaders = yaml.safe_load((DATA / "leaders.yaml").read_text(encoding="utf-8"))
    checked = agreed = 0
    unknown: list[str] = []
    for e in leaders:
        for o in e["offices"]:
            country = o.get("country")
            start, end = day(o["from"]), day(o["to"], end=True)
            if not country or start is None or start > PHOENIX_END:
                continue
            spans = next((phoenix[(fold(a), country)] for a in [e["name"], *e["aliases"]]
                          if (fold(a), country) in phoenix), None)
            if spans is None:
                unknown.append(f"{e['id']} {o['role']} {country} {o['from']}")
                continue
            checked += 1
            starts = [s for s, _ in spans if s is not None]
            ends = [t for _, t in spans if t is not None]
            d_start = min((abs((s - start).days) for s in starts), default=None)
            d_end = None
            if end is not None and end <= PHOENIX_END and ends:
                d_end = min(abs((t - end).days) for t in ends)
            if (d_start is not None and d_start > args.days) or (d_end is not None and d_end > args.days):
                print(f"{e['id']:40} {o['role']:18} {country} {o['from']} .. {o['to']}  "
                      f"start off by {d_start} days, end by {d_end}; Phoenix: "
                      + ", ".join(f"{s}..{t}" for s, t in sorted(spans, key=lambda x: str(x[0]))))
            else:
                agreed += 1
    print(f"\n{checked} offices found in Phoenix, {agreed} agree within {args.days} days; "
          f"{len(unknown)} offices of persons Phoenix does not list for that country")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
