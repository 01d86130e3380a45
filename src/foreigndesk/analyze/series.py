"""Time series helpers for the relations index: periods (month, quarter, year), sparklines,
and correlation of two series at lags."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

PERIODS = ("month", "quarter", "year")
BARS = "▁▂▃▄▅▆▇█"


def period_of(date: str | None, by: str) -> str | None:
    """The period holding ``date`` (YYYY, YYYY-MM or YYYY-MM-DD): "2019", "2019-Q3" or
    "2019-07". None when the date is missing or less precise than the period."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    if by == "year":
        return date[:4]
    if by == "quarter" and date[4:6] == "-Q" and date[6:7] in ("1", "2", "3", "4"):
        return date[:7]  # a date given as a quarter (TIMEX "2022-Q1")
    if len(date) < 7 or not date[5:7].isdigit():
        return None
    if by == "month":
        return date[:7]
    if by == "quarter":
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
    raise ValueError(f"unknown period {by!r}")


def ordinal(period: str, by: str) -> int:
    """A period as a consecutive integer (so that lags count periods)."""
    y = int(period[:4])
    if by == "year":
        return y
    if by == "quarter":
        return y * 4 + int(period[6]) - 1
    return y * 12 + int(period[5:7]) - 1


def from_ordinal(n: int, by: str) -> str:
    if by == "year":
        return f"{n:04d}"
    if by == "quarter":
        return f"{n // 4:04d}-Q{n % 4 + 1}"
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last`` inclusive."""
    return [from_ordinal(n, by) for n in range(ordinal(first, by), ordinal(last, by) + 1)]


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value, ▁ (lowest) to █ (highest); a space for a missing value."""
    present = [v for v in values if v is not None and not math.isnan(v)]
    if not present:
        return " " * len(values)
    lo, hi = min(present), max(present)
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(" ")
        elif hi == lo:
            out.append(BARS[len(BARS) // 2])
        else:
            out.append(BARS[min(len(BARS) - 1, int((v - lo) / (hi - lo) * len(BARS)))])
    return "".join(out)


@dataclass
class LagCorrelation:
    """Correlation of x(t) with y(t + lag): a positive lag pairs x with later values of y."""

    lag: int
    n: int
    pearson_r: float | None
    pearson_p: float | None
    spearman_rho: float | None
    spearman_p: float | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def differences(values: Mapping[int, float]) -> dict[int, float]:
    """Period-to-period changes (only where the previous period has a value)."""
    return {t: v - values[t - 1] for t, v in values.items() if t - 1 in values}


def _clean(v: float) -> float | None:
    return None if v is None or math.isnan(v) else float(v)


def lagged_correlations(x: Mapping[int, float], y: Mapping[int, float],
                        lags: Iterable[int] = range(-3, 4)) -> list[LagCorrelation]:
    """Pearson and Spearman correlation (two-sided p-values, scipy) of x(t) with y(t + lag)
    over the periods t where both have a value. x and y map period ordinals to values."""
    from scipy import stats

    out = []
    for lag in lags:
        ts = sorted(t for t in x if t + lag in y)
        xs = [x[t] for t in ts]
        ys = [y[t + lag] for t in ts]
        n = len(ts)
        pr = pp = sr = sp = None
        if n >= 3 and len(set(xs)) > 1 and len(set(ys)) > 1:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                p = stats.pearsonr(xs, ys)
                s = stats.spearmanr(xs, ys)
            pr, pp = _clean(p[0]), _clean(p[1])
            sr, sp = _clean(s[0]), _clean(s[1])
        out.append(LagCorrelation(lag, n, pr, pp, sr, sp))
    return out
