"""What a TIMEX-style date value means: its first and last day, how it sorts, whether it
overlaps a range or can name the same day as another value, and how a reader writes it.

One module for every part that reads a stored date value (the timeline, the briefs, the web
timeline, event grouping), so that a value means the same everywhere. Values, as the time
tagger writes them (:mod:`foreigndesk.extract.time`):

====================  ===========================================  =================
value                 what                                         bounds
====================  ===========================================  =================
``2022-11-25``        a day (a time ``2022-11-25T09:00`` too)      that day
``2022-11``           a month                                      1st – last day
``2022``              a year                                       1 Jan – 31 Dec
``198X`` / ``19XX``   a decade / a century                         1980–1989 / 1900–1999
``2022-W47``          an ISO week (``-WE``: its weekend)           Monday – Sunday
``2022-Q3``           a quarter                                    Jul – Sep
``2022-H1``           a half                                       Jan – Jun
``2022-SU``           a season (SP, SU, FA or AU, WI)              Mar–May, Jun–Aug,
                                                                   Sep–Nov, Jan–Feb
====================  ===========================================  =================

Anything else (``PRESENT_REF``, ``XXXX-11-25``, durations) has no bounds: it is undated.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$")
_PARTIAL = re.compile(r"^(\d{2,3})X+$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_PART = re.compile(r"^(\d{4})-(H[12]|Q[1-4]|SP|SU|FA|AU|WI)$")
_PART_MONTHS = {"H1": (1, 6), "H2": (7, 12), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9),
                "Q4": (10, 12), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11),
                "WI": (1, 2)}
_PART_WORDS = {"H1": "the first half of", "H2": "the second half of",
               "Q1": "the first quarter of", "Q2": "the second quarter of",
               "Q3": "the third quarter of", "Q4": "the fourth quarter of", "SP": "spring",
               "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
# how fine a value is: a coarser value sorts before a finer one that starts the same day
_RANK = {"century": 0, "decade": 1, "year": 2, "half": 3, "quarter": 4, "season": 4,
         "month": 5, "week": 6, "day": 7}


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def parse(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, grain) of a value, or None when it names no calendar period."""
    if not value:
        return None
    try:
        if m := _DATE.match(value):
            y, mo, d = int(m[1]), m[2], m[3]
            if y == 0:
                return None
            if d and mo:
                day = date(y, int(mo), int(d))
                return day, day, "day"
            if mo:
                return date(y, int(mo), 1), _month_end(y, int(mo)), "month"
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _PARTIAL.match(value):
            digits = m[1]
            if len(digits) == 3:
                lo = int(digits) * 10
                return date(max(lo, 1), 1, 1), date(lo + 9, 12, 31), "decade"
            lo = int(digits) * 100
            return date(max(lo, 1), 1, 1), date(lo + 99, 12, 31), "century"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6), "week"
            return monday, monday + timedelta(days=6), "week"
        if m := _PART.match(value):
            y, part = int(m[1]), m[2]
            first, last = _PART_MONTHS[part]
            grain = "half" if part[0] == "H" else "quarter" if part[0] == "Q" else "season"
            return date(y, first, 1), _month_end(y, last), grain
    except ValueError:  # 2023-02-30, week 54, year 0
        return None
    return None


def bounds(value: str | None) -> tuple[str, str] | None:
    """The first and last day ``value`` can mean, as ISO strings (comparable as strings)."""
    p = parse(value)
    return (p[0].isoformat(), p[1].isoformat()) if p else None


def sort_key(value: str | None) -> str:
    """A key that orders values by their first day, a coarser value first among those that
    start the same day ("2022-11" before "2022-11-01"); undated values sort last."""
    p = parse(value)
    if p is None:
        return "~"
    return f"{p[0].isoformat()}{_RANK[p[2]]}"


def year_span(value: str | None) -> tuple[float, float] | None:
    """The period a value names as (start, end) in fractional years (a time axis)."""
    p = parse(value)
    if p is None:
        return None

    def frac(d: date) -> float:
        start = date(d.year, 1, 1)
        return d.year + (d - start).days / (366 if calendar.isleap(d.year) else 365)

    end = p[1] + timedelta(days=1)
    return frac(p[0]), (float(end.year) if (end.month, end.day) == (1, 1) else frac(end))


def _option_bounds(option: str, last: bool) -> str:
    """A --since / --until value (YYYY[-MM[-DD]]) as its first or last day."""
    b = bounds(option)
    if b is None:
        return option
    return b[1] if last else b[0]


def overlaps(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether the period ``value`` names can fall within [since, until] (both optional,
    YYYY[-MM[-DD]], inclusive). An undated value overlaps only an open range."""
    if not since and not until:
        return True
    b = bounds(value)
    if b is None:
        return False
    if since and b[1] < _option_bounds(since, last=False):
        return False
    return not (until and b[0] > _option_bounds(until, last=True))


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two values can name the same day: their periods overlap. A missing value is
    compatible with nothing."""
    pa, pb = parse(a), parse(b)
    if pa is None or pb is None:
        return False
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def label(value: str | None) -> str:
    """A value in words ("28 September 1960", "November 1960", "the 1840s", "the 20th
    century", "the second half of 2006", "week 28 of 2021"); a value with no calendar
    meaning is returned as it is, and a missing one reads "undated"."""
    if not value:
        return "undated"
    m = _DATE.match(value)
    if m:
        y, mo, d = m[1], m[2], m[3]
        if mo and 1 <= int(mo) <= 12:
            month = MONTHS[int(mo) - 1]
            return f"{int(d)} {month} {y}" if d else f"{month} {y}"
        return y
    m = _PARTIAL.match(value)
    if m:
        digits = m[1]
        if len(digits) == 3:
            return f"the {digits}0s"
        return f"the {_ordinal(int(digits) + 1)} century"
    m = _WEEK.match(value)
    if m:
        week = f"week {int(m[2])} of {m[1]}"
        return f"the weekend of {week}" if m[3] else week
    m = _PART.match(value)
    if m:
        return f"{_PART_WORDS[m[2]]} {m[1]}"
    return value
