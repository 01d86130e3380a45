"""Geometry of the server-drawn SVG charts (the relations index over time, two dyads
compared). The templates only place what these functions compute."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from foreigndesk.analyze.series import ordinal, period_range

WIDTH = 900
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 26, 30
PANEL_H = 190
RANGES = {"goldstein_mean": (-10.0, 10.0), "coop_share": (0.0, 1.0), "agreement": (0.0, 1.0),
          "affinity": (0.0, 1.0)}


@dataclass
class Line:
    label: str
    colour: str
    points: list[tuple[float, float, str, float]] = field(default_factory=list)  # x, y, period, v

    @property
    def path(self) -> str:
        """Polyline segments; a gap in the data breaks the line."""
        out, prev = [], None
        for x, y, period, _v in self.points:
            cmd = "L" if prev is not None and prev == period else "M"
            out.append(f"{cmd}{x:.1f},{y:.1f}")
            prev = _next(period)
        return " ".join(out)


@dataclass
class Panel:
    title: str
    subtitle: str
    height: int
    lines: list[Line]
    yticks: list[tuple[float, str]]
    xticks: list[tuple[float, str]]
    bars: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, y, h, tip
    bar_width: float = 0.0
    zero: float | None = None
    empty: str | None = None

    @property
    def plot_bottom(self) -> float:
        return self.height - BOTTOM


def _next(period: str) -> str:
    """The label the following period would have (to detect gaps)."""
    from foreigndesk.analyze.series import from_ordinal

    by = "quarter" if "-Q" in period else ("month" if len(period) == 7 else "year")
    return from_ordinal(ordinal(period, by) + 1, by)


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((s * mag for s in (1, 2, 2.5, 5, 10) if s * mag >= raw), default=mag * 10)
    first = math.ceil(lo / step) * step
    out = []
    v = first
    while v <= hi + 1e-9:
        out.append(round(v, 10))
        v += step
    return out


def grid(series: list[Any]) -> tuple[list[str], str]:
    """Every period from the first to the last of any series."""
    by = series[0].by
    periods = [r["period"] for s in series for r in s.rows]
    if not periods:
        return [], by
    first = min(periods, key=lambda p: ordinal(p, by))
    last = max(periods, key=lambda p: ordinal(p, by))
    return period_range(first, last, by), by


def _xscale(periods: list[str]) -> tuple[dict[str, float], float]:
    n = max(1, len(periods))
    step = (WIDTH - LEFT - RIGHT) / n
    return {p: LEFT + step * (i + 0.5) for i, p in enumerate(periods)}, step


def _xticks(periods: list[str], xs: dict[str, float]) -> list[tuple[float, str]]:
    if not periods:
        return []
    every = max(1, math.ceil(len(periods) / 12))
    if every > 1 and len(periods[0]) == 4:  # years: ticks on round years
        every = next(s for s in (2, 5, 10, 20, 50, 100) if s >= every)
        return [(xs[p], p) for p in periods if int(p) % every == 0]
    return [(xs[p], p) for i, p in enumerate(periods) if i % every == 0]


def panel(title: str, subtitle: str, periods: list[str], lines: list[tuple[str, str, dict[str, Any]]],
          measure: str, counts: dict[str, int] | None = None,
          height: int = PANEL_H) -> Panel:
    """One chart panel: ``lines`` are (label, colour, {period: value}) on a shared x grid of
    ``periods``; ``counts`` (events or roll calls per period) are drawn as light bars."""
    xs, step = _xscale(periods)
    values = [v for _, _, vals in lines for v in vals.values() if v is not None]
    if not values:
        return Panel(title, subtitle, height, [], [], _xticks(periods, xs),
                     empty="no data for this dyad and source in the store")
    lo, hi = RANGES.get(measure, (min(values), max(values)))
    lo, hi = min(lo, min(values)), max(hi, max(values))
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    top, bottom = TOP, height - BOTTOM

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    out_lines = []
    for label, colour, vals in lines:
        line = Line(label, colour)
        for p in periods:
            v = vals.get(p)
            if v is not None:
                line.points.append((xs[p], y(float(v)), p, float(v)))
        out_lines.append(line)
    yt = [(y(t), f"{t:g}") for t in nice_ticks(lo, hi)]
    bars = []
    if counts:
        top_n = max(counts.values()) or 1
        for p in periods:
            c = counts.get(p, 0)
            if c:
                h = c / top_n * (bottom - top) * 0.45
                bars.append((xs[p] - step * 0.35, bottom - h, h, f"{p}: {c}"))
    return Panel(title, subtitle, height, out_lines, yt, _xticks(periods, xs), bars,
                 step * 0.7, y(0.0) if lo < 0 < hi else None)
