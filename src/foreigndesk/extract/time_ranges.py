"""The two ends of a range in order: "between January 1 and September 26", "from October to
February". Each end is placed on its own (by the tense, the nearest occurrence); when that
puts the first end after the second, one of them is a year off. The end whose year was
inferred moves by a year, the way that leaves the range nearest the publication date
("found 3,210 victims between January 1 and September 26", said on September 29: January 1
of the same year, not of the next), except that a last end placed before the publication
date is not moved past it while the first end can move back ("Between March and June,
exports rose", said in March: both of last year)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from foreigndesk.extract import time_calendar as cal

if TYPE_CHECKING:
    from foreigndesk.extract.time import Candidate

# the words between the two ends, and the word that opens the range before the first
_JOIN = re.compile(r"[^\S\n]*(?:and|to|until|till|through|thru|[-–—])[^\S\n]*$", re.IGNORECASE)
_OPEN = re.compile(r"\b(?:between|from)[^\S\n]+$", re.IGNORECASE)
_DAY_OR_MONTH = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)$")
# the rules of a month named without its year ("January 1", "1 January", "October"): a
# weekday's or a relative day's year is never in doubt
_MONTH_RULES = {"mdy", "dmy", "month", "second_day"}


def _bounds(value: str) -> tuple[cal.Date, cal.Date] | None:
    """The first and last day of a day or month value."""
    m = _DAY_OR_MONTH.fullmatch(value)
    if m is None:
        return None
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        d = cal.safe_date(*parts)
        return (d, d) if d else None
    first = cal.safe_date(parts[0], parts[1], 1)
    if first is None:
        return None
    y, mo = cal.add_months(parts[0], parts[1], 1)
    return first, cal.add_days(cal.Date(y, mo, 1), -1)


def _moved(value: str, years: int) -> str | None:
    m = _DAY_OR_MONTH.fullmatch(value)
    if m is None:
        return None
    moved = f"{int(m.group(1)) + years:04d}{m.group(2)}"
    return moved if _bounds(moved) else None


def _distance(first: cal.Date, last: cal.Date, dct: cal.Date) -> int:
    """Days from ``dct`` to the range (0 inside it)."""
    if dct < first:
        return (first - dct).days
    return max(0, (dct - last).days)


def _share_year(loose: Candidate, fixed: Candidate, loose_first: bool) -> None:
    """"from January 2010 to March": the end without a year takes the written one's (the
    next year's when that puts it before a first end, the year before's when after a last)."""
    v = _moved(loose.r.value, int(fixed.r.value[:4]) - int(loose.r.value[:4]))
    fb = _bounds(fixed.r.value)
    vb = _bounds(v) if v is not None else None
    if v is None or fb is None or vb is None:
        return
    if not loose_first and vb[1] < fb[0]:
        v = _moved(v, 1)  # "from November 2015 to February": of the next year
    elif loose_first and vb[0] > fb[1]:
        v = _moved(v, -1)  # "from November to February 2016": of the year before
    if v is not None:
        loose.r = dataclasses.replace(loose.r, value=v)


def _reorder(a: Candidate, b: Candidate, dct: cal.Date) -> None:
    """Both years inferred, and the first end ``a`` after the last ``b``: move one of them by
    a year, the way that leaves the range nearest ``dct``."""
    ba, bb = _bounds(a.r.value), _bounds(b.r.value)
    if ba is None or bb is None or ba[0] <= bb[1]:
        return
    options: list[tuple[bool, int, Candidate, str]] = []
    if (v := _moved(a.r.value, -1)) and (ab := _bounds(v)) and ab[0] <= bb[1]:
        options.append((False, _distance(ab[0], bb[1], dct), a, v))
    if (v := _moved(b.r.value, 1)) and (bb2 := _bounds(v)) and ba[0] <= bb2[1]:
        # a last end placed before the publication date and moved past it goes against the
        # reading that placed it ("Between March and June, exports rose", said in March):
        # the other way first
        flips = bb[1] < dct < bb2[0]
        options.append((flips, _distance(ba[0], bb2[1], dct), b, v))
    if options:
        *_, c, v = min(options, key=lambda o: (o[0], o[1]))
        c.r = dataclasses.replace(c.r, value=v)


def closes_range(found: list[Candidate], j: int, text: str) -> bool:
    """Is ``found[j]`` the last end of a range or list of dates ("From January to June",
    "in January and February")? Then the period in focus is the whole span, which no one
    date names ("the same period last year" after "From January to June")."""
    return j > 0 and _JOIN.fullmatch(text, found[j - 1].end, found[j].start) is not None


def order_ranges(found: list[Candidate], text: str, dct: cal.Date | None) -> None:
    """Put the ends of each range of days or months in order (see the module's docstring)."""
    if dct is None:
        return
    for a, b in zip(found, found[1:], strict=False):
        if a.r.type != "DATE" or b.r.type != "DATE":
            continue
        movable_a = a.r.anchored and a.rule in _MONTH_RULES
        movable_b = b.r.anchored and b.rule in _MONTH_RULES
        if not (movable_a or movable_b) or _bounds(a.r.value) is None or _bounds(b.r.value) is None:
            continue
        if not _JOIN.fullmatch(text, a.end, b.start) or not _OPEN.search(text, max(0, a.start - 12), a.start):
            continue
        if movable_a and movable_b:
            _reorder(a, b, dct)
        elif movable_b:
            _share_year(b, a, loose_first=False)
        else:
            _share_year(a, b, loose_first=True)
