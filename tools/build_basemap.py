"""Build the offline world basemap of the web workbench (src/foreigndesk/web/static/basemap.svg)
from the Natural Earth country shapes that the npm package ``world-atlas`` ships as TopoJSON.

Run at development time; the output is committed, nothing is fetched at run time::

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_basemap.py /tmp/package/countries-50m.json

Sources and licences: Natural Earth (public domain), packaged by world-atlas (ISC licence,
Copyright 2013-2019 Michael Bostock). See src/foreigndesk/web/static/README.md.

Outlines are simplified (Douglas-Peucker, :data:`EPSILON`) to keep the file small.

Projection: plate carrée (equirectangular), ``x = (lon + 180) * SCALE``,
``y = (90 - lat) * SCALE``, so the map page can place any point by its coordinates alone.
Rings that cross the antimeridian are drawn twice (shifted by ±360°) and clipped by the
view box. Antarctica is left out (nothing the tool reports happens there).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

SCALE = 10  # SVG units per degree: 0.1° resolution, integer coordinates
EPSILON = 0.06  # degrees: Douglas-Peucker tolerance (a few pixels at full zoom-out)
WIDTH, HEIGHT = 360 * SCALE, 180 * SCALE
LEFT_OUT = {"010"}  # ISO 3166 numeric: Antarctica
OUT = Path(__file__).resolve().parents[1] / "src" / "foreigndesk" / "web" / "static" / "basemap.svg"


def decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) points of every arc of a quantised TopoJSON topology."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """A ring from its arc indices (``~i`` is arc i reversed); shared end points once."""
    pts: list[tuple[float, float]] = []
    for i in ring:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(a[1:] if pts else a)
    return pts


def unwrap(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous across the antimeridian (a jump over 180° is undone)."""
    out = [pts[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in zip(pts, pts[1:], strict=False):
        d = lon - lon0
        if d > 180:
            shift -= 360
        elif d < -180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def simplify(pts: list[tuple[float, float]], eps: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: drop points closer than ``eps`` degrees to the line they sit on."""
    if len(pts) < 3 or eps <= 0:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            x0, y0 = pts[i]
            d = (abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm if norm
                 else ((x0 - x1) ** 2 + (y0 - y1) ** 2) ** 0.5)
            if d > best:
                best, at = d, i
        if best > eps and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def path_of(pts: list[tuple[float, float]], dlon: float = 0.0) -> str:
    """A closed SVG path in relative integer steps, repeated points dropped."""
    pts = simplify(pts, EPSILON)
    xy = [(round((lon + dlon + 180) * SCALE), round((90 - lat) * SCALE)) for lon, lat in pts]
    cleaned = [xy[0]]
    for p in xy[1:]:
        if p != cleaned[-1]:
            cleaned.append(p)
    if len(cleaned) < 3:
        return ""
    x0, y0 = cleaned[0]
    parts = [f"M{x0} {y0}"]
    px, py = x0, y0
    steps = []
    for x, y in cleaned[1:]:
        steps.append(f"{x - px} {y - py}")
        px, py = x, y
    parts.append("l" + " ".join(steps))
    return "".join(parts).replace(" -", "-") + "z"


def country_paths(topo: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(numeric id, name, path data) of every country."""
    arcs = decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        cid = str(g.get("id", ""))
        if cid in LEFT_OUT or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        d = []
        for poly in polys:
            for ring in poly:
                pts = unwrap(ring_points(ring, arcs))
                lons = [p[0] for p in pts]
                shifts = [0.0]
                if max(lons) > 180:
                    shifts.append(-360.0)
                if min(lons) < -180:
                    shifts.append(360.0)
                d.extend(path_of(pts, s) for s in shifts)
        data = "".join(x for x in d if x)
        if data:
            out.append((cid, g.get("properties", {}).get("name", ""), data))
    return out


def _xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def build(src: Path, out: Path = OUT) -> int:
    topo = json.loads(src.read_text(encoding="utf-8"))
    paths = country_paths(topo)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}">',
        "<!-- Natural Earth (public domain) country shapes via the npm package world-atlas "
        "(ISC, Copyright 2013-2019 Michael Bostock); plate carree, "
        f"x=(lon+180)*{SCALE}, y=(90-lat)*{SCALE}; built by tools/build_basemap.py -->",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#eef3f7"/>',
        # outlines keep a thin on-screen width at every zoom (not inherited: on each path)
        '<g id="countries" fill="#dfe4e8" stroke="#8795a3" stroke-width="0.8" stroke-linejoin="round">',
    ]
    for cid, name, d in paths:
        lines.append(f'<path id="c{_xml(cid)}" vector-effect="non-scaling-stroke" d="{d}">'
                     f'<title>{_xml(name)}</title></path>')
    lines += ["</g>", "</svg>", ""]
    out.write_text("\n".join(lines), encoding="utf-8")
    return len(paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("topojson", type=Path, help="countries-50m.json (or -110m) from world-atlas")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args()
    n = build(args.topojson, args.out)
    print(f"{args.out}: {n} countries, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
