"""Publication dates as readers meet them, normalised to ISO ``YYYY-MM-DD``.

Accepted shapes (optionally after a weekday, optionally followed by a time of day):
``January 18, 2023``, ``Jan. 18, 2023``, ``Sept 5 2023``, ``18 January 2023``, ``2023-01-18``,
``2023-01-18T10:00:00Z``, ``2023/01/18``, RFC 822 ``Wed, 18 Jan 2023 10:00:00 GMT``, numeric
``14/03/2023`` or ``03/14/2023`` when day and month cannot be confused. With ``partial=True``
also ``January 2023`` (-> ``2023-01``) and a bare year (-> ``2023``).

Month and weekday names come from the standard library's :mod:`calendar` (English in the C
locale); an abbreviation is any prefix of at least three letters of a month name ("Sept").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from typing import Any

_MONTHS = [calendar.month_name[i].lower() for i in range(1, 13)]
_WEEKDAYS = [calendar.day_name[i].lower() for i in range(7)]

_TIME = (r"(?:,?\s*(?:at\s+)?\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?\s*(?:[AaPp]\.?\s?[Mm]\.?)?"
         r"\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z)?)?")
_WORD_MONTH = r"(?P<mon>[^\W\d_]{3,9})\.?"
_SHAPES = [
    # January 18, 2023 / Jan. 18 2023 / January 18th, 2023
    re.compile(_WORD_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME + r"$"),
    # 18 January 2023 / 18 Jan. 2023 / 18th of January, 2023
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _WORD_MONTH
               + r",?\s+(?P<year>\d{4})" + _TIME + r"$"),
    # 2023-01-18, 2023/01/18, 2023.01.18, with an optional ISO time
    re.compile(r"(?P<year>\d{4})([-/.])(?P<num_mon>\d{1,2})\2(?P<day>\d{1,2})"
               r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?$"),
    # 14/03/2023 or 03/14/2023 (only when unambiguous)
    re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>\d{4})" + _TIME + r"$"),
]
_PARTIAL = [
    re.compile(_WORD_MONTH + r",?\s+(?P<year>\d{4})$"),  # January 2023
    re.compile(r"(?P<year>\d{4})-(?P<num_mon>\d{2})$"),  # 2023-01
    re.compile(r"(?P<year>\d{4})$"),
]
_LEADING_WEEKDAY = re.compile(r"^(?P<wd>[^\W\d_]{3,9})\.?,?\s+")

MIN_YEAR, MAX_YEAR = 1700, 2199


def month_number(word: str) -> int | None:
    """1-12 for an English month name or an abbreviation of it (>= 3 letters), else None."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    for i, name in enumerate(_MONTHS, start=1):
        if name.startswith(w):
            return i
    return None


def is_weekday(word: str) -> bool:
    w = word.lower().rstrip(".,")
    return len(w) >= 3 and any(d.startswith(w) for d in _WEEKDAYS)


def _iso(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str, partial: bool = False) -> str | None:
    """The ISO date ``text`` spells out in full (nothing else on it), or None.

    ``partial`` also accepts a month (``2023-01``) or a year (``2023``) alone."""
    s = " ".join(text.split()).strip(" ,")
    if not s or len(s) > 60:
        return None
    m = _LEADING_WEEKDAY.match(s)
    if m and is_weekday(m.group("wd")):
        s = s[m.end():]
    for rx in _SHAPES:
        m = rx.match(s)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"])
        if g.get("mon"):
            month = month_number(g["mon"])
            if month is None:
                continue
            return _iso(year, month, int(g["day"]))
        if g.get("num_mon"):
            return _iso(year, int(g["num_mon"]), int(g["day"]))
        a, b = int(g["a"]), int(g["b"])
        if a > 12 >= b:
            return _iso(year, b, a)
        if b > 12 >= a:
            return _iso(year, a, b)
        return None
    if partial:
        for rx in _PARTIAL:
            m = rx.match(s)
            if not m:
                continue
            g = m.groupdict()
            year = int(g["year"])
            if not MIN_YEAR <= year <= MAX_YEAR:
                return None
            month_i = (month_number(g["mon"]) if g.get("mon")
                       else int(g["num_mon"]) if g.get("num_mon") else None)
            if month_i is None:
                return None if (g.get("mon") or g.get("num_mon")) else f"{year:04d}"
            return f"{year:04d}-{month_i:02d}" if 1 <= month_i <= 12 else None
    return None


def normalise_date(value: Any) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when that is all there is) from a
    string, :class:`datetime.date`/:class:`datetime.datetime`, or :class:`time.struct_time`;
    None when it cannot be read."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return _iso(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, str):
        return parse_date(value, partial=True)
    return None
