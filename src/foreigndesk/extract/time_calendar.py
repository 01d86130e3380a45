"""Calendar arithmetic for temporal expressions: TIMEX3 value formats, shifting periods,
choosing the occurrence of a partial date (a weekday, a month, a quarter) nearest to a
reference date in the direction the tense implies, and computed holidays."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from importlib import resources

Date = dt.date

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def parse_date(value: str | None) -> Date | None:
    """The day a (possibly partial) ISO date names: ``2022-11`` is 2022-11-01, ``2022`` is
    2022-01-01; None when it is not an ISO date."""
    if not value:
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def fmt_day(d: Date) -> str:
    return d.isoformat()


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def week_start(year: int, week: int) -> Date | None:
    """The Monday of ISO week ``week`` of ``year``."""
    try:
        return Date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_days(d: Date, n: int) -> Date:
    return d + dt.timedelta(days=n)


def month_end(year: int, month: int) -> Date:
    """The last day of a month."""
    y, m = add_months(year, month, 1)
    return add_days(Date(y, m, 1), -1)


def safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


# how far from the reference date the tense may place a partial date: beyond it the
# nearest occurrence wins (a past tense does not move "Nov. 22" said on Oct. 27 a year back:
# the tense read from the tags is wrong more often than the news is that old). Nine months,
# measured on TimeBank/AQUAINT: "in January" said in September in the past tense is this
# January; six months put it in the next year, twelve let wrong tenses move near dates.
TENSE_REACH_DAYS = 270
TENSE_REACH_MONTHS = 9


def pick_year(dct: Date, make: Callable[[int], Date | None], direction: str | None) -> int | None:
    """The year for a partial date (``make(year)`` builds its first day): with ``past`` the
    latest occurrence on or before ``dct``, with ``future`` the earliest on or after it, when
    that is within :data:`TENSE_REACH_DAYS` (``certain past`` / ``certain future``: however
    far); otherwise the nearest occurrence."""
    options = [(y, make(y)) for y in (dct.year - 1, dct.year, dct.year + 1)]
    found = [(y, d) for y, d in options if d is not None]
    if not found:
        return None
    if direction in ("past", "certain past"):
        before = [(y, d) for y, d in found if d <= dct]
        if before and (direction == "certain past"
                       or (dct - before[-1][1]).days <= TENSE_REACH_DAYS):
            return before[-1][0]
    elif direction in ("future", "certain future"):
        after = [(y, d) for y, d in found if d >= dct]
        if after and (direction == "certain future"
                      or (after[0][1] - dct).days <= TENSE_REACH_DAYS):
            return after[0][0]
    return min(found, key=lambda yd: abs((yd[1] - dct).days))[0]


def pick_month_day(dct: Date, day: int, direction: str | None) -> Date | None:
    """The ``day``-th of a month near ``dct`` ("on the 15th"): of the month before, this one or
    the next, as :func:`pick_year` chooses among years (a month has no more than 31 days, so
    the tense always reaches)."""
    found = [d for d in (safe_date(*add_months(dct.year, dct.month, k), day) for k in (-1, 0, 1))
             if d is not None]
    if not found:
        return None
    if direction in ("past", "certain past"):
        before = [d for d in found if d <= dct]
        if before:
            return before[-1]
    elif direction in ("future", "certain future"):
        after = [d for d in found if d >= dct]
        if after:
            return after[0]
    return min(found, key=lambda d: abs((d - dct).days))


def pick_period_year(dct: Date, index: int, current: int, direction: str | None,
                     per_year: int = 12) -> int:
    """The year of a period named by its index in the year (month 1-12, quarter 1-4) given
    the index of the period ``dct`` is in: as :func:`pick_year`, the latest one not after
    the current one for a past tense, the earliest not before it for a future tense, when
    within :data:`TENSE_REACH_MONTHS`; otherwise the nearest."""
    half = per_year // 2
    reach = TENSE_REACH_MONTHS * per_year // 12
    if direction in ("past", "certain past"):
        back = (current - index) % per_year
        if back <= reach or direction == "certain past":
            return dct.year if index <= current else dct.year - 1
    elif direction in ("future", "certain future"):
        ahead = (index - current) % per_year
        if ahead <= reach or direction == "certain future":
            return dct.year if index >= current else dct.year + 1
    diff = index - current
    if diff > half:
        return dct.year - 1
    if diff < -half:
        return dct.year + 1
    return dct.year


def weekday_near(dct: Date, weekday: int, direction: str | None, strict: bool = False) -> Date:
    """The day with ISO ``weekday`` (Monday = 1) nearest to ``dct`` in ``direction``:
    ``future`` the first on or after it, otherwise the last on or before it; ``strict``
    excludes ``dct`` itself ("last Friday" said on a Friday)."""
    cur = dct.isoweekday()
    if direction in ("future", "certain future"):
        delta = (weekday - cur) % 7
        if strict and delta == 0:
            delta = 7
        return add_days(dct, delta)
    delta = (cur - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return add_days(dct, -delta)


def easter(year: int) -> Date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return Date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Date:
    """The n-th ISO ``weekday`` of a month (n >= 1)."""
    first = Date(year, month, 1)
    delta = (weekday - first.isoweekday()) % 7
    return add_days(first, delta + 7 * (n - 1))


@functools.lru_cache(maxsize=1)
def holiday_table() -> dict[str, dict[int, Date]]:
    """The lunar and lunisolar holidays of ``data/holiday_dates.tsv`` (name -> year -> day;
    built by tools/holiday_dates.py from python-holidays). Where a holiday falls twice in a
    Gregorian year (an Islamic one, every 32 or 33 years) the first is kept."""
    text = resources.files("foreigndesk").joinpath("data/holiday_dates.tsv").read_text("utf-8")
    table: dict[str, dict[int, Date]] = {}
    for line in text.splitlines()[1:]:
        if line.startswith("#") or line.startswith("name\t"):
            continue
        name, year, day = line.split("\t")
        table.setdefault(name, {}).setdefault(int(year), Date.fromisoformat(day))
    return table


def _tabled(name: str) -> Callable[[int], Date | None]:
    return lambda y: holiday_table().get(name, {}).get(y)


HOLIDAYS: dict[str, Callable[[int], Date | None]] = {
    "easter": easter,
    "good_friday": lambda y: add_days(easter(y), -2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),  # US: fourth Thursday of November
    "black_friday": lambda y: add_days(nth_weekday(y, 11, 4, 4), 1),  # the day after it
    "cyber_monday": lambda y: add_days(nth_weekday(y, 11, 4, 4), 4),
    "labor_day": lambda y: nth_weekday(y, 9, 1, 1),  # US and Canada: first Monday of September
    "memorial_day": lambda y: add_days(nth_weekday(y, 6, 1, 1), -7),  # US: last Monday of May
    "mlk_day": lambda y: nth_weekday(y, 1, 1, 3),  # US: third Monday of January
    "presidents_day": lambda y: nth_weekday(y, 2, 1, 3),  # US: third Monday of February
    "columbus_day": lambda y: nth_weekday(y, 10, 1, 2),  # US: second Monday of October
    "mothers_day": lambda y: nth_weekday(y, 5, 7, 2),  # US, Canada: second Sunday of May
    "fathers_day": lambda y: nth_weekday(y, 6, 7, 3),  # third Sunday of June
    "inauguration_day": lambda y: Date(y, 1, 20),  # US, since 1937; see HOLIDAY_EVERY
    # the movable feasts, from Easter
    "ash_wednesday": lambda y: add_days(easter(y), -46),
    "shrove_tuesday": lambda y: add_days(easter(y), -47),
    "palm_sunday": lambda y: add_days(easter(y), -7),
    "maundy_thursday": lambda y: add_days(easter(y), -3),
    "easter_monday": lambda y: add_days(easter(y), 1),
    "ascension_day": lambda y: add_days(easter(y), 39),
    "pentecost": lambda y: add_days(easter(y), 49),
    # US presidential primaries: the first Tuesday of March since 2012 (2008's was Feb. 5)
    "super_tuesday": lambda y: nth_weekday(y, 3, 2, 1),
    "election_day": lambda y: add_days(nth_weekday(y, 11, 1, 1), 1),  # US: Tuesday after 1st Monday
    # lunar and lunisolar holidays, 1950-2070, from a table (none outside it)
    **{name: _tabled(name) for name in (
        "lunar_new_year", "mid_autumn", "dragon_boat", "eid_al_fitr", "eid_al_adha", "ashura",
        "mawlid", "passover", "rosh_hashanah", "yom_kippur", "hanukkah", "nowruz")},
}

# holidays held only in the years y with y % N == R, as (N, R): "Election Day" alone is the
# federal one (even years), Super Tuesday that of a presidential election year, Inauguration
# Day the January after it
HOLIDAY_EVERY: dict[str, tuple[int, int]] = {
    "election_day": (2, 0), "super_tuesday": (4, 0), "inauguration_day": (4, 1),
}


def season_start(year: int, code: str) -> Date:
    """First day of a (northern meteorological) season; winter starts in December."""
    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return Date(year, month, 1)


def season_of(d: Date) -> tuple[int, str]:
    """The (season-year, code) ``d`` falls in (January and February belong to the winter
    that started the previous December)."""
    m = d.month
    if m in (12,):
        return d.year, "WI"
    if m in (1, 2):
        return d.year - 1, "WI"
    return d.year, {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(m, "FA")
