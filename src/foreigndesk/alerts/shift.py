"""The dyad shift test: does the latest period of a relations series depart from its recent
baseline?

Method (a z-score over a rolling window):

1. The series is a dyad's relations index (:func:`foreigndesk.analyze.relations.relations`),
   one value per period; a period resting on fewer than ``min_events`` events (or roll
   calls) has no value, so thin periods neither raise an alert nor make a baseline.
2. The *latest* period is the last one with data. It is tested only when it has a value.
3. The *baseline* is the values of the ``window`` periods just before it (gaps and thin
   periods are left out); with fewer than ``min_baseline`` values there is no test.
4. z = (latest − mean(baseline)) / max(sd(baseline), sd_floor), sd with n − 1. The floor
   (:data:`SD_FLOOR`, per measure) keeps a flat baseline (sd 0) from turning any wobble
   into an infinite z: a mean Goldstein score must move by ``threshold`` points at least.
5. The test fires when |z| >= ``threshold``.

Its false-alarm rate on the UN General Assembly vote agreement of 30 dyads is measured by
``bench/shift_false_alarms.py`` (README, "Watches and alerts").
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from foreigndesk.analyze.series import ordinal

SD_FLOOR = {"goldstein_mean": 1.0, "goldstein_sum": 2.0, "coop_share": 0.1, "events": 1.0,
            "agreement": 0.05, "affinity": 0.05}


@dataclass
class Shift:
    """The outcome of the test on one series (``fired`` says whether it departs)."""

    period: str
    value: float
    n: int
    baseline_mean: float
    baseline_sd: float
    baseline_periods: list[str]
    z: float
    threshold: float
    fired: bool

    @property
    def direction(self) -> str:
        return "up" if self.z > 0 else "down"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def shift_test(values: list[tuple[str, float | None, int]], by: str, window: int = 12,
                threshold: float = 2.5, min_events: int = 3, min_baseline: int = 4,
                sd_floor: float = 0.0) -> Shift | None:
    """The test on ``values`` ((period, value, n) in period order; see the module doc);
    None when the latest period has no value or the baseline is too short."""
    if not values:
        return None
    period, value, n = values[-1]
    if value is None or n < min_events or math.isnan(value):
        return None
    last = ordinal(period, by)
    base = [(p, v) for p, v, k in values[:-1]
            if v is not None and k >= min_events and last - window <= ordinal(p, by) < last]
    if len(base) < min_baseline:
        return None
    xs = [v for _p, v in base]
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    z = (value - mean) / max(sd, sd_floor, 1e-12)
    return Shift(period, value, n, round(mean, 6), round(sd, 6), [p for p, _ in base],
                 round(z, 4), threshold, abs(z) >= threshold)


def series_values(rows: list[dict[str, Any]], measure: str, count_key: str
                  ) -> list[tuple[str, float | None, int]]:
    """(period, value, n) of a :class:`~foreigndesk.analyze.relations.Series`' rows."""
    return [(r["period"], r.get(measure), int(r.get(count_key) or 0)) for r in rows]


def alarm_rate(values: list[tuple[str, float | None, int]], by: str, **params: Any
               ) -> tuple[int, int]:
    """(alarms, tests) when every period of a series is tested as the latest in turn."""
    alarms = tests = 0
    for i in range(1, len(values) + 1):
        s = shift_test(values[:i], by, **params)
        if s is not None:
            tests += 1
            alarms += int(s.fired)
    return alarms, tests
