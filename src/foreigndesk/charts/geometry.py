"""Geometry of the server-drawn SVG charts (the relations index over time, two dyads
compared). The templates only place what these functions compute."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from foreigndesk.analyze.relations import MARK_LEGEND, THIN
from foreigndesk.analyze.series import ordinal, period_range

WIDTH = 900
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 26, 30
PANEL_H = 190
MAX_COUNT_LABELS = 36  # beyond this many periods the counts are in the tooltips only
RANGES = {"goldstein_mean": (-10.0, 10.0), "coop_share": (0.0, 1.0), "agreement": (0.0, 1.0),
          "affinity": (0.0, 1.0)}


@dataclass
class Point:
    x: float
    y: float
    period: str
    value: float
    n: int | None = None   # the events (or roll calls) the value rests on, when known
    thin: bool = False     # fewer than THIN of them


@dataclass
class Line:
    label: str
    colour: str
    points: list[Point] = field(default_factory=list)
    unit: str = "events"

    @property
    def path(self) -> str:
        """Polyline segments; a gap in the data breaks the line."""
        out, prev = [], None
        for pt in self.points:
            cmd = "L" if prev is not None and prev == pt.period else "M"
            out.append(f"{cmd}{pt.x:.1f},{pt.y:.1f}")
            prev = _next(pt.period)
        return " ".join(out)

    def tip(self, pt: Point) -> str:
        text = f"{self.label} {pt.period}: {pt.value:.3g}"
        if pt.n is not None:
            text += f" · {pt.n} {self.unit[:-1] if pt.n == 1 else self.unit}"
            if pt.thin:
                text += f" (thin: fewer than {THIN})"
        return text


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
    # periods without any event: (left x, width, period, tip), drawn as shaded bands
    gaps: list[tuple[float, float, str, str]] = field(default_factory=list)
    # how many events each period rests on, written on the chart: (x, y, period, text)
    counts: list[tuple[float, float, str, str]] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)

    @property
    def plot_bottom(self) -> float:
        return self.height - BOTTOM

    @property
    def plot_top(self) -> float:
        return TOP


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


def panel(title: str, subtitle: str, periods: list[str],
          lines: Sequence[tuple[str, str, dict[str, Any]]
                          | tuple[str, str, dict[str, Any], dict[str, int] | None]],
          measure: str, counts: dict[str, int] | None = None,
          height: int = PANEL_H, unit: str = "events") -> Panel:
    """One chart panel: ``lines`` are (label, colour, {period: value}[, {period: count}]) on
    a shared x grid of ``periods``; a line's counts mark its thin points (hollow, fewer than
    THIN). ``counts`` (events or roll calls per period, of the panel's one series) are drawn
    as light bars with their number, and a period without any is a shaded gap band: the line
    breaks there, it does not fall to zero."""
    xs, step = _xscale(periods)
    values = [v for spec in lines for v in spec[2].values() if v is not None]
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
    thin_seen = False
    for spec in lines:
        label, colour, vals = spec[0], spec[1], spec[2]
        line_counts = spec[3] if len(spec) > 3 else counts
        line = Line(label, colour, unit=unit)
        for p in periods:
            v = vals.get(p)
            if v is None:
                continue
            n = None if line_counts is None else int(line_counts.get(p, 0))
            thin = n is not None and 0 < n < THIN
            thin_seen = thin_seen or thin
            line.points.append(Point(xs[p], y(float(v)), p, float(v), n, thin))
        out_lines.append(line)
    yt = [(y(t), f"{t:g}") for t in nice_ticks(lo, hi)]
    bars, gaps, labels = [], [], []
    if counts is not None:
        top_n = max(counts.values(), default=0) or 1
        write = len(periods) <= MAX_COUNT_LABELS
        one = unit[:-1]
        for p in periods:
            c = counts.get(p, 0)
            if c:
                h = c / top_n * (bottom - top) * 0.45
                thin_seen = thin_seen or c < THIN
                bars.append((xs[p] - step * 0.35, bottom - h, h,
                             f"{p}: {c} {one if c == 1 else unit}"
                             + (f" (thin: fewer than {THIN})" if c < THIN else "")))
                if write:
                    labels.append((xs[p], bottom - h - 3, p, f"n={c}"))
            else:
                gaps.append((xs[p] - step / 2, step, p,
                             f"{p}: no {unit}, a gap (no value, not a zero)"))
    legend = []
    if thin_seen:
        legend.append(MARK_LEGEND["thin"].format(unit=unit, thin=THIN))
    if gaps:
        legend.append(MARK_LEGEND["gap"].format(unit=unit, thin=THIN))
    return Panel(title, subtitle, height, out_lines, yt, _xticks(periods, xs), bars,
                 step * 0.7, y(0.0) if lo < 0 < hi else None, gaps=gaps, counts=labels,
                 legend=legend)
