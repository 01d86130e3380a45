"""Dates as a reader writes them: 28 September 1960, November 1960, the 1840s."""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_PARTIAL = re.compile(r"^(\d{2,3})X+$")
_PART_OF_YEAR = re.compile(r"^(\d{4})-(H[12]|Q[1-4]|SP|SU|FA|AU|WI|W\d{2})$")
_PARTS = {"H1": "the first half of", "H2": "the second half of", "Q1": "the first quarter of",
          "Q2": "the second quarter of", "Q3": "the third quarter of",
          "Q4": "the fourth quarter of", "SP": "spring", "SU": "summer", "FA": "autumn",
          "AU": "autumn", "WI": "winter"}
DATE_OPTION = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def label(value: str | None) -> str:
    """A TIMEX-like date value (YYYY, YYYY-MM, YYYY-MM-DD, 184X, 19XX, 2006-H2, 2022-Q1,
    2021-SU, 2021-W28) in words; anything else is returned as it is, and a missing date
    reads "undated"."""
    if not value:
        return "undated"
    m = _DATE.match(value)
    if m:
        y, mo, d = m.groups()
        if mo and 1 <= int(mo) <= 12:
            month = MONTHS[int(mo) - 1]
            return f"{int(d)} {month} {y}" if d else f"{month} {y}"
        return y
    m = _PARTIAL.match(value)
    if m:
        digits = m.group(1)
        if len(digits) == 3:  # 184X: a decade
            return f"the {digits}0s"
        return f"the {_ordinal(int(digits) + 1)} century"  # 19XX: the 20th century
    m = _PART_OF_YEAR.match(value)
    if m:
        y, part = m.groups()
        if part.startswith("W"):
            return f"week {int(part[1:])} of {y}"
        return f"{_PARTS[part]} {y}"
    return value


def bounds(value: str) -> tuple[str, str]:
    """The first and last day a date value can mean, as comparable strings (a week, quarter
    or season counts as its whole year)."""
    if not _DATE.match(value.replace("X", "0")):
        value = value[:4]
    v = value.replace("X", "0")
    lo = v + "-01-01"[len(v) - 4:] if len(v) < 10 else v[:10]
    hi_v = value.replace("X", "9")
    hi = hi_v + "-12-31"[len(hi_v) - 4:] if len(hi_v) < 10 else hi_v[:10]
    return lo, hi


def overlaps(value: str | None, since: str | None, until: str | None) -> bool:
    """Whether the date ``value`` can fall within [since, until] (both optional, YYYY[-MM[-DD]]).
    A missing date overlaps only an open range."""
    if not since and not until:
        return True
    if not value or not value[:4].isdigit() and "X" not in value[:4]:
        return False
    lo, hi = bounds(value)
    if since and hi < bounds(since)[0]:
        return False
    return not (until and lo > bounds(until)[1])
