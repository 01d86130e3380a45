"""Rules that find temporal expressions in text and normalise them to TIMEX3-style values.

Each :class:`Rule` is one precompiled regular expression (built from the vocabulary in
``data/en/time.yaml``) and a function that turns a match into a :class:`Resolved` value given
the :class:`Context`: the text, the reference date (the document's publication date, or
None) and a ``tense(start, end)`` callback that reads the tagger's tags around the
expression (``past``, ``present``, ``future`` or None).

Reference date rules (documented for users in :mod:`foreigndesk.extract.time`):

- a weekday names the latest such day on or before the reference date, unless the tense
  around it is future ("will meet on Friday", "due to ... next Tuesday"), then the first such
  day on or after it; "last Friday" / "next Friday" exclude the reference day itself;
- a month, a day of a month, a quarter or a season without a year is placed in the year
  that makes it the latest occurrence not after the reference period (future tense: the
  earliest not before it) when that is at most nine months away; otherwise, and with no
  tense, the nearest occurrence;
- underspecified expressions: "the day", "later in the day" are the date in focus (the last
  date named, up to four sentences back) or the reference date; "earlier in the year", "the
  end of the month" are periods of the reference date; "at the time" is the date in focus at
  its own precision, else PAST_REF; "the past year" is the previous calendar year (TimeML);
  "in the second half" is placed by the tense as a quarter is; "the 99th day" is the day
  named in its sentence, or in the present tense the reference date; "year-end" is the last
  day of the year ahead (with a past tense, of the year behind); "the latest fiscal year" is
  the last one completed; "mid-year" is the reference year, MID; "the past few months" is
  PAST_REF (TimeML), "the next few days" a duration;
- from the date in focus (time.py): "the previous Friday" (the Friday before the day named
  just before), "that quarter" and "the 1989 period" (the quarter named just before), "on the
  15th" (of the month named just before, else of the month the tense points to);
- with no reference date, an expression that needs one gets an underspecified value
  (``XXXX-11-25``, ``XXXX-WXX-5``) or none, and an empty precision.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from foreigndesk.extract import time_calendar as cal
from foreigndesk.extract.time_lexicon import Lexicon, S, key, lexicon

Date = dt.date


@dataclass
class Resolved:
    """A normalised expression. ``start``/``end`` (absolute offsets) narrow or widen the
    span of the match when set."""

    value: str
    precision: str
    type: str = "DATE"
    anchored: bool = False
    modifier: str | None = None
    start: int | None = None
    end: int | None = None
    year_ago: bool = False  # "a year earlier", "the year-ago quarter": may follow the quarter in focus
    shift: tuple[str, int] | None = None  # "a month later": (unit, count) from the date in focus
    anaphoric: bool = False  # "that day", "the next morning": only the date in focus resolves it
    part: str | None = None  # part of the day of an anaphoric "the next morning" (MO)
    # "that quarter", "the 1989 period": the quarter in focus (time.py), in its own year (0)
    # or in the year given
    quarter_focus: int | None = None
    month: int | None = None  # "April of that year": that month of the year in focus (time.py)
    season: str | None = None  # "the spring of that year": that season of the year in focus
    # a weekday placed by a guess (the nearer day): the same weekday placed by a tense
    # elsewhere in the text replaces it (time.py)
    tentative: bool = False
    # a date that only modifies a noun ("the 9/11 plotter", "December cotton"): no day in
    # focus for "earlier in the day", "the day" in a later sentence (time.py)
    noun_modifier: bool = False


@dataclass
class Context:
    text: str
    dct: Date | None
    tense: Callable[[int, int], str | None]


Handler = Callable[[re.Match[str], Context], Resolved | None]


@dataclass
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler


# ---------------------------------------------------------------------------- helpers

def _mod(word: str | None, lx: Lexicon) -> str | None:
    """EARLY / MID / LATE from a part modifier phrase ("the end of", "mid-")."""
    if not word:
        return None
    for w in re.split(r"[\s-]+", key(word)):
        if w in lx.part_modifiers:
            return lx.part_modifiers[w]
    return None


def _approx(word: str | None, lx: Lexicon) -> str | None:
    return lx.approximations.get(key(word)) if word else None


# the tenses that place a time ahead: "certain future" knows no reach (a term verb's
# calendar date, "expires in December" said in February)
AHEAD = ("future", "certain future")


def _direction(m: re.Match[str], ctx: Context, timetable: bool = False) -> str | None:
    """past / future / None for the expression matched (present counts as no tense). With
    ``timetable`` (a name of the calendar: a month, a season, a holiday), the simple present
    of an event is ahead ("the term ends in June"); not so for "the weekend" or "the 3rd"."""
    t = ctx.tense(m.start(), m.end())
    if t == "scheduled" and timetable:
        return "future"
    if t == "future in past":
        return "future"
    return t if t in ("past", "certain past", *AHEAD) else None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _orig(m: re.Match[str], ctx: Context, group: str) -> str:
    """A group as written in the text (rules match the lower-cased text)."""
    return ctx.text[m.start(group):m.end(group)]


def _year2(y: str, dct: Date | None) -> int:
    """A four-digit year from a two-digit one (within 20 years ahead of the reference)."""
    n = int(y)
    if len(y) == 4:
        return n
    ref = dct.year if dct else dt.date.today().year
    century = ref // 100 * 100
    year = century + n
    if year > ref + 20:
        year -= 100
    return year


def _word_before(text: str, start: int, n: int = 1) -> str:
    """The ``n`` words before ``start`` (lower case)."""
    words = re.findall(r"[\w'’]+", text[max(0, start - 40):start])
    return " ".join(words[-n:]).lower()


def _in_title_name(text: str, start: int, end: int, after: bool = True) -> bool:
    """Is the capitalised word at ``[start, end)`` part of a title-case name: a capitalised
    word right before it that does not start the sentence ("NY Daily", "USA TODAY"), a word in
    capitals after another ("USA TODAY's" opening a sentence), or, with ``after``, a
    capitalised word right after it ("Daily News", "Weekly Standard")? Not in a
    line written all in capitals (a transcript's shouted line, a headline)."""
    if not text[start:start + 1].isupper():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if line.upper() == line:
        return False
    if after and re.match(r"[ \t]+[A-Z][\w'’&.-]*", text[end:end + 40]):
        return True
    if text[start:end].isupper() and end - start > 1 \
            and re.search(r"(?<![\w'’])[A-Z]{2,}[ \t]+$", text[max(line_start, start - 12):start]):
        return True  # "USA TODAY's tally" opening a sentence: two words in capitals in a line
        # that is not
    window = text[max(line_start, start - 40):start]
    before = re.search(r"([.!?:;\"“”(]\s*)?([A-Z][\w'’&.-]*)[ \t]+$", window)
    return bool(before and not before.group(1) and not before.group(2).endswith(".")
                and re.search(r"\S", window[:len(window) - len(before.group(0))]))


def _unit_number(m: re.Match[str], lx: Lexicon, group: str = "n") -> tuple[float | None, bool]:
    """(number, vague) of a count group."""
    raw = m.group(group)
    if raw is None:
        return None, True
    k = key(raw)
    if k in lx.vague:
        return None, True
    return lx.number(raw), False


# half of a unit in the next smaller one (years and days only outside the time part; a
# minute's unit letter M is read in the time part; half a month has no smaller unit of its
# own, so "a month and a half" stays decimal: P1.5M)
_HALVES = {"Y": "6M", "D": "12H", "H": "30M", "M": "30S"}


def duration_value(n: float | None, unit: str, lx: Lexicon, halves: bool = False) -> str:
    """TIMEX3 duration: P3Y, PT2H, PXM (unknown count); decades and centuries in years;
    quarters as quarters (P2Q, as HeidelTime and most TimeML annotations write them). With
    ``halves`` (a half said as such: "and a half", "1/2"), the half is written in the next
    smaller unit, as TimeML does (P2Y6M, PT1M30S); a decimal count stays decimal (P1.5Y)."""
    info = lx.units[unit]
    code = str(info["code"])
    factor = float(info.get("factor", 1))
    if code == "DE":
        code, factor = "Y", factor * 10
    elif code == "CE":
        code, factor = "Y", factor * 100
    elif code == "ML":
        code, factor = "Y", factor * 1000
    if n is None:
        count = "X"
    else:
        v = n * factor
        time_part = bool(info.get("time"))
        if (halves and v != int(v) and v * 2 == int(v * 2) and code in _HALVES
                and (code != "M" or time_part)):
            # TimeML writes a half in the next smaller unit: P2Y6M, PT1M30S, P3DT12H
            whole = int(v)
            head = ("PT" if time_part else "P") + (f"{whole}{code}" if whole else "")
            half = _HALVES[code]
            return head + ("T" if code == "D" else "") + half
        count = str(int(v)) if v == int(v) else f"{v:g}"
    return ("PT" if info.get("time") else "P") + count + code


# ---------------------------------------------------------------------------- templates

_PMOD = (r"(?:(?P<pmod>(?:the<S>)?(?:(?:early|earlier|late|later|mid)(?:<S>in)?|"
         r"(?:beginning|start|middle|end|close)<S>of|end(?=-)))(?:<S>|-))?")  # "end-2013"


def _compile(template: str, lx: Lexicon, flags: int = 0) -> re.Pattern[str]:
    subs = {
        "<PMOD>": _PMOD,
        "<MONTH>": lx.re_month,
        "<WEEKDAY>": lx.re_weekday,
        "<SEASON>": lx.re_season,
        "<PART>": lx.re_part,
        "<UNIT>": lx.re_unit,
        "<NUM>": lx.re_number,
        "<VAGUE>": lx.re_vague,
        "<ORD>": lx.re_ordinal,
        "<DECW>": lx.re_decade_word,
        "<SHIFT>": lx.re_shift,
        "<APPROX>": lx.re_approx,
        "<S>": S,
    }
    for k, v in subs.items():
        template = template.replace(k, v)
    return re.compile(template, flags)


# ---------------------------------------------------------------------------- absolute dates

def _day(ctx: Context, y: int | None, mo: int, d: int, m: re.Match[str], lx: Lexicon,
         pmod: str | None = None, direction: str | None = None) -> Resolved | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if y is not None:
        date = cal.safe_date(y, mo, d)
        if date is None:
            return None
        return Resolved(date.isoformat(), "day", modifier=_mod(pmod, lx))
    if ctx.dct is None:
        return Resolved(f"XXXX-{mo:02d}-{d:02d}", "", modifier=_mod(pmod, lx))
    wd = lx.weekday(m["wd"]) if "wd" in m.re.groupindex and m["wd"] else None
    if wd is not None:
        # "Saturday, April 25": the year in which that day is that weekday, nearest first
        for yy in sorted((ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1),
                         key=lambda yy: abs(yy - ctx.dct.year) if ctx.dct else 0):  # noqa: B023
            date = cal.safe_date(yy, mo, d)
            if date is not None and date.isoweekday() == wd:
                return Resolved(date.isoformat(), "day", anchored=True, modifier=_mod(pmod, lx))
    if direction is None:
        t = ctx.tense(m.start(), m.end())
        # a day of a month in the simple present is a date on a calendar ("the fiscal year
        # begins Oct. 1", "the record date is Jan. 2"): the next one
        direction = "future" if t in ("present", "scheduled") else t if t in ("past", "certain past", *AHEAD) else None
    election_day = (_election_noun_after(ctx, m, lx)
                    and cal.safe_date(ctx.dct.year, mo, d) == cal.HOLIDAYS["election_day"](ctx.dct.year))
    if (direction in (None, *AHEAD) or election_day) and _election_november(ctx, m, mo, lx):
        return Resolved(f"{ctx.dct.year:04d}-{mo:02d}-{d:02d}", "day", anchored=True,
                        modifier=_mod(pmod, lx))  # "by the time of the Nov. 8 election"
    year = cal.pick_year(ctx.dct, lambda yy: cal.safe_date(yy, mo, d), direction)
    if year is None:
        return None
    return Resolved(f"{year:04d}-{mo:02d}-{d:02d}", "day", anchored=True, modifier=_mod(pmod, lx))


def h_iso(m: re.Match[str], ctx: Context) -> Resolved | None:
    date = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if date is None:
        return None
    if m["H"]:
        return Resolved(f"{date.isoformat()}T{m['H']}:{m['M']}", "time", "TIME")
    return Resolved(date.isoformat(), "day")


_NOUN_AFTER_DAY = re.compile(r"(?:st|nd|rd|th)?(?:['’]s)?[^\S\n]+(?:terrorist[^\S\n]+|terror[^\S\n]+)?"
                             r"([a-z]+)", re.I)


def _named_day(ctx: Context, mo: int, d: int, end: int, lx: Lexicon) -> Resolved | None:
    """"the Sept. 11 attacks", "the 9/11 commission": the day of history the lexicon names
    (time.yaml ``named_days``), when a noun of it follows and the text is published after."""
    named = lx.named_days.get((mo, d))
    if named is None:
        return None
    iso, nouns = named
    after = _NOUN_AFTER_DAY.match(ctx.text, end)
    if after is None or after.group(1).lower() not in nouns:
        return None
    if ctx.dct is not None and ctx.dct.isoformat() <= iso:
        return None
    if _same_day_other_year(ctx.text, mo, d, int(iso[:4]), lx):
        return None  # "the Sept. 11, 2012, attack ... the Sept. 11 attacks": Benghazi's
    return Resolved(iso, "day", noun_modifier=True)


@functools.lru_cache(maxsize=1)
def _day_with_year(re_month: str) -> re.Pattern[str]:
    return re.compile(r"(" + re_month + r")[^\S\n]+([0-3]?\d)(?:st|nd|rd|th)?,?[^\S\n]+(1\d{3}|20\d\d)(?!\d)", re.I)


def _same_day_other_year(text: str, mo: int, d: int, year: int, lx: Lexicon) -> bool:
    """Does the text write the same month and day with another year ("Sept. 11, 2012")? Then
    the day it names without a year is that one, not the day of history."""
    for w in _day_with_year(lx.re_month).finditer(text):
        if lx.month(w.group(1)) == mo and int(w.group(2)) == d and int(w.group(3)) != year:
            return True
    return False


def h_named_slash(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"9/11", "post-9/11": the day of history (time.yaml ``named_days``), in a text
    published after it."""
    iso = lexicon().named_day_slash.get(m.group(0))
    if iso is None or (ctx.dct is not None and ctx.dct.isoformat() <= iso):
        return None
    return Resolved(iso, "day", noun_modifier=True)


def h_slash(m: re.Match[str], ctx: Context) -> Resolved | None:
    a, b = int(m["a"]), int(m["b"])
    mo, d = (a, b) if a <= 12 else (b, a)  # US month/day order unless impossible
    date = cal.safe_date(_year2(m["y"], ctx.dct), mo, d)
    return Resolved(date.isoformat(), "day") if date else None


def _month_ok(word: str, lx: Lexicon, alone: bool) -> bool:
    """A month word counts when capitalised; an abbreviation alone needs its period."""
    if not _capitalised(word):
        return False
    k = key(word)
    return not (alone and k not in lx.full_month_names and not word.endswith("."))


def h_mdy(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if m["wd"] and not _capitalised(_orig(m, ctx, "wd")):
        return None
    if m["dw"] and _SENTENCE_START.search(ctx.text, max(0, m.start() - 3), m.start()):
        return None  # "May first be approved": a spelled day only inside a sentence
    day = int(m["d"]) if m["d"] else lx.ordinals[key(m["dw"])]
    y = int(m["y"]) if m["y"] else None
    if m["yshift"]:  # "May 13 next year", "on March 3 last year"
        if ctx.dct is None or m["shift"]:
            return None
        y = ctx.dct.year + lx.shifts[key(m["yshift"])]
    if y is None:
        later = _YEAR_AFTER_SECOND_DAY.match(ctx.text, m.end())
        y = int(later.group(1)) if later else None
    if y is None and not m["shift"] and not m["yshift"]:
        named = _named_day(ctx, mo, day, m.end(), lx)
        if named is not None:
            return named
    direction = None
    if m["shift"]:  # "last Oct. 23", "next March 5": the one before / after the reference date
        if y is not None:
            return None
        direction = "certain past" if key(m["shift"]) in ("last", "this past") else "certain future"
    return _day(ctx, y, mo, day, m, lx, m["pmod"], direction)


# the start of a text or sentence right before a match
_SENTENCE_START = re.compile(r'(?:^|[.!?:;][\'"”’]?)[^\S\n]*$|\n[^\S\n]*$')


def h_second_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The second day of "April 24 and 25", "on March 3 or 4", "Nov. 6 to 10", "Dec. 6-9":
    that day of the same month
    (and year, when one follows); the span is the day number alone (TimeML: "April 24"
    and "25" are two expressions)."""
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if m["range"] and int(m["d2"]) <= int(m["d1"]):
        return None  # a range runs forward: "March 3-1" is no pair of days
    y = int(m["y"]) if m["y"] else None
    r = _day(ctx, y, mo, int(m["d2"]), m, lx)
    if r is None:
        return None
    r.start, r.end = m.start("d2"), m.end("y") if m["y"] else m.end("d2")
    return r


def h_first_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """The first day of "3 to 6 May", "24 and 25 April 2004", "6-9 December": that day of the
    month (and year) written after the second; the span is the day number alone, as in
    :func:`h_second_day`."""
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if int(m["d2"]) <= int(m["d1"]):
        return None  # the days of a range or pair run forward: "1 to 1 May" is none
    y = int(m["y"]) if m["y"] else None
    r = _day(ctx, y, mo, int(m["d1"]), m, lx)
    if r is None:
        return None
    r.start, r.end = m.start("d1"), m.end("d1")
    return r


# "April 24 and 25, 1999", "Nov. 6-10, 2015": the year after the second day is the first day's
# too
_YEAR_AFTER_SECOND_DAY = re.compile(r"(?:[^\S\n]+(?:and|or|&|to|through|thru|until|till)[^\S\n]+|"
                                    r"[^\S\n]*[-–][^\S\n]*)[0-3]?\d(?:st|nd|rd|th)?,?"
                                    r"[^\S\n]+(1\d{3}|20\d\d)(?!\d)", re.I)


def h_dmy(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if m["y"] is None and not m["of"] and not m["ord"] and key(m["mon"]) in lx.ambiguous_months:
        # "5 May" is a date, but "3 Mar" and "2 may" are not sure enough
        if not re.match(r"[A-Z][a-z]+$", _orig(m, ctx, "mon")) or key(m["mon"]) not in lx.full_month_names:
            return None
    y = int(m["y"]) if m["y"] else None
    return _day(ctx, y, mo, int(m["d"]), m, lx)


def _named_month(m: re.Match[str], ctx: Context, lx: Lexicon) -> tuple[int, int | None] | None:
    """(month, year) of groups ``mon`` and ``y``: the year written, else the one a bare month
    would be placed in (None with no publication date); None when the word is no month
    here."""
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if m["y"]:
        return mo, int(m["y"])
    if ctx.dct is None:
        return mo, None
    return mo, int(_month_in_year(ctx, m, mo, None, None, lx).value[:4])


def h_short_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in '08", "since ’05": a year written with two digits after an apostrophe, this
    century's unless that would be more than ten years after the publication."""
    yy = int(m["yy"])
    century = 2000 if ctx.dct is None or 2000 + yy <= ctx.dct.year + 10 else 1900
    return Resolved(f"{century + yy:04d}", "year", start=m.start("ap"))


def h_part_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the last day of March", "the second day of June 2014": that day; "the first week of
    April", "the last week of February 2013": the ISO week holding the middle day of that
    seven-day stretch of the month (the 4th for the first week, the fourth day from the end
    for the last). The month's year is placed as a bare month's."""
    lx = lexicon()
    named = _named_month(m, ctx, lx)
    if named is None:
        return None
    mo, year = named
    if year is None:
        return Resolved("", "")
    word = key(m["ord"])
    n = -1 if word in ("last", "final") else int(word[0]) if word[0].isdigit() else lx.ordinals[word]
    if key(m["unit"]) == "day":
        day = cal.Date(year, mo, n) if n > 0 else cal.month_end(year, mo)
        return Resolved(day.isoformat(), "day", anchored=not m["y"])
    day = cal.Date(year, mo, 7 * (n - 1) + 4) if n > 0 else cal.add_days(cal.month_end(year, mo), -3)
    return Resolved(cal.fmt_week(day), "week", anchored=not m["y"])


def h_dmy_words(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the fifth of March", "the twenty-first of June, 2012": a day said as a word (speeches,
    statements, transcripts)."""
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    if not m["y"] and ctx.text[m.end():m.end() + 2] in ("'s", "’s"):
        return None  # "the first of May's ministers": a name
    if _orig(m, ctx, "dw")[:1].isupper():
        return None  # "the Fourth of July": a holiday's name (the holiday rule)
    return _day(ctx, int(m["y"]) if m["y"] else None, mo, lx.ordinals[key(m["dw"])], m, lx)


def _month_in_year(ctx: Context, m: re.Match[str], mo: int, y: int | None, yshift: str | None,
                   lx: Lexicon) -> Resolved:
    pmod = _mod(m["pmod"], lx) if "pmod" in m.re.groupindex else None
    if y is not None:
        return Resolved(cal.fmt_month(y, mo), "month", modifier=pmod)
    if ctx.dct is None:
        return Resolved(f"XXXX-{mo:02d}", "", modifier=pmod)
    if yshift is not None:
        year = ctx.dct.year + lx.shifts.get(key(yshift), 0)
        return Resolved(cal.fmt_month(year, mo), "month", anchored=True, modifier=pmod)
    direction = _direction(m, ctx, timetable=True)
    if direction in (None, *AHEAD) and _election_november(ctx, m, mo, lx):
        return Resolved(cal.fmt_month(ctx.dct.year, mo), "month", anchored=True, modifier=pmod)
    contract = (_contract_after(ctx.text, m.end(), lx)
                and _word_before(ctx.text, m.start()) not in lx.contract_month_not_after)
    if contract:
        direction = "future"  # "December cotton closed higher": a delivery month, ahead
    year = cal.pick_period_year(ctx.dct, mo, ctx.dct.month, direction)
    return Resolved(cal.fmt_month(year, mo), "month", anchored=True, modifier=pmod,
                    noun_modifier=contract)


_THREE_WORDS_AFTER = re.compile(r"(?:[^\S\n]+[a-z-]+){1,3}", re.I)


def _contract_after(text: str, end: int, lx: Lexicon) -> bool:
    """Does a futures word (time.yaml ``contract_month_nouns``) follow a month within three
    words ("December cotton", "the September long gilt future")?"""
    words = _THREE_WORDS_AFTER.match(text, end)
    return words is not None and any(w.lower() in lx.contract_month_nouns for w in words.group(0).split())


def _election_november(ctx: Context, m: re.Match[str], mo: int, lx: Lexicon) -> bool:
    """"a victory in November", "Trump will win in November": with no tense read or a
    future one, in a year of American federal elections before November, a November the
    sentence ties to the vote is this year's (the nearest would be last year's, and a future
    tense in January does not reach ten months ahead)."""
    assert ctx.dct is not None
    if mo != 11 or ctx.dct.year % 2 or ctx.dct.month >= 11:
        return False
    start = _sentence_start(ctx.text, m.start(), lx)
    end = ctx.text.find(".", m.end())
    words = _election_words(tuple(lx.election_words))
    return words.search(ctx.text, start, end if end >= 0 else len(ctx.text)) is not None


_WORD_BEFORE_STOP = re.compile(r"(\w+)$")


def _sentence_start(text: str, pos: int, lx: Lexicon) -> int:
    """Where the sentence holding ``pos`` starts: after the last full stop or line break
    before it, not counting the stop of a title ("Mrs. Clinton", time.yaml
    ``title_abbreviations``)."""
    start = pos
    while True:
        stop = max(text.rfind(".", 0, start), text.rfind("\n", 0, start))
        if stop < 0:
            return 0
        word = _WORD_BEFORE_STOP.search(text, max(0, stop - 12), stop)
        if text[stop] == "." and word is not None and word.group(1).lower() in lx.title_abbreviations:
            start = stop
            continue
        return stop + 1


def _election_noun_after(ctx: Context, m: re.Match[str], lx: Lexicon) -> bool:
    """Does an election noun follow or precede the expression ("the Nov. 8 election", "won
    the election on Nov. 8")? The year's Election Day then names the vote of its year,
    whatever the tense of the sentence ("the nominee for the Nov. 8 election later said
    ...", "if he won the election on Nov. 8")."""
    after, before = _election_nouns(tuple(lx.election_nouns))
    return (after.match(ctx.text, m.end()) is not None
            or before.search(ctx.text, max(0, m.start() - 20), m.start()) is not None)


@functools.lru_cache(maxsize=1)
def _election_nouns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """time.yaml ``election_nouns`` right after an expression, maybe after "general" or
    "presidential" ("the Nov. 8 general election"), and right before it, maybe with "on"
    ("won the election on Nov. 8")."""
    alt = "|".join(re.escape(w) for w in words)
    return (re.compile(r"[^\S\n]+(?:(?:general|presidential|midterm)[^\S\n]+)?(?:" + alt + r")\b",
                       re.I),
            re.compile(r"\b(?:" + alt + r")[^\S\n]+(?:on[^\S\n]+)?\Z", re.I))


@functools.lru_cache(maxsize=1)
def _election_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words of time.yaml ``election_words`` as one pattern (word beginnings, any case)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)


def h_month_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    y = _group_year(m)
    if y is None and not m["yshift"]:
        return None
    return _month_in_year(ctx, m, mo, y, m["yshift"], lx)


def h_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    word = _orig(m, ctx, "mon")
    mo = lx.month(word)
    if mo is None or not _month_ok(word, lx, alone=True):
        return None
    if key(word) in lx.ambiguous_months and not m["pmod"]:
        before = _word_before(ctx.text, m.start(), 2)
        ctxwords = set(lx.month_context)
        last = before.split()[-1] if before else ""
        if (last not in ctxwords and before not in ctxwords
                and not _month_modifier(ctx.text, m, last, lx)
                and not (word[:1].isupper() and _contract_after(ctx.text, m.end(), lx))):
            return None  # "May" alone may be a verb or a name: a month needs its context
    later = _month_range_year(ctx.text, m.end())
    if later is not None:  # "from September to December 2014": the range's year
        y, mo2 = later
        return Resolved(cal.fmt_month(y if mo <= mo2 else y - 1, mo), "month")
    return _month_in_year(ctx, m, mo, None, None, lx)


@functools.lru_cache(maxsize=1)
def _month_range_pattern(re_month: str) -> re.Pattern[str]:
    return re.compile(r"[^\S\n]*(?:to|through|thru|until|till|and|or|-|–)[^\S\n]*(" + re_month
                      + r")(?:[^\S\n]+[0-3]?\d)?,?[^\S\n]+(1\d{3}|20\d\d)(?![\w-])", re.I)


def _month_range_year(text: str, end: int) -> tuple[int, int] | None:
    """(year, month) of the month that closes a range after a bare month, when a year is
    written with it ("September to December 2014", "March and May 2012")."""
    lx = lexicon()
    r = _month_range_pattern(lx.re_month).match(text, end)
    if r is None:
        return None
    mo2 = lx.month(r.group(1))
    return (int(r.group(2)), mo2) if mo2 else None


_WORD_AFTER = re.compile(r"[^\S\n]+([a-z]{3,})\b")
_TWO_WORDS_AFTER = re.compile(r"[^\S\n]+([a-z]{3,})\b(?:[^\S\n]+([a-z]{3,})\b)?")


def _month_modifier(text: str, m: re.Match[str], before: str, lx: Lexicon) -> bool:
    """A month between a determiner and a common noun: "a June agreement", "the March
    accession", "its September meeting", "Florida's March primary" (not "the May
    government": a name)."""
    nxt = _WORD_AFTER.match(text, m.end())
    if before.endswith(("'s", "’s", "s'", "s’")) and len(before) > 2:
        # after a possessive, only before a noun of events, or an adjective and one
        # ("Florida's March presidential primary"; "Britain's May visited" is a name)
        two = _TWO_WORDS_AFTER.match(text, m.end())
        return two is not None and (two.group(1) in lx.month_after_possessive_nouns
                                    or two.group(2) in lx.month_after_possessive_nouns)
    if before not in lx.month_determiners:
        return False
    return nxt is not None and nxt.group(1) not in lx.month_modifier_not_before


def h_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    y = int(m["y"])
    mod = _mod(m["pmod"], lx)
    r = Resolved(f"{y:04d}", "year", modifier=mod)
    if m["fy"] or mod:
        return r
    hi = (ctx.dct.year if ctx.dct else dt.date.today().year) + 30
    if not 1800 <= y <= hi:
        before = _word_before(ctx.text, m.start())
        if before not in ("in", "since", "of", "until", "by", "from", "to", "before", "after",
                          "during", "year", "between", "and", "around", "circa", "c"):
            return None  # an odd year without a time word before it is a number
        if y >= 2100 and before not in ("in", "of", "until", "by", "before", "year"):
            return None  # "by 2100" is a year; "around 2100 troops" a number
    return r


_YEAR_RANGE_END = r"(?![\w%/'’-]|[.,]\d)"
_YEAR_RANGE = re.compile(r"(?<![\w$£€#.,/'’-])(1\d{3}|20\d\d)[-–](1\d{3}|20\d\d|\d\d)" + _YEAR_RANGE_END)


def h_year_range(m: re.Match[str], ctx: Context) -> Resolved | None:
    """One year of a range ("1981-1989", "2015-16"): the first year (``year_range_from``) or
    the last (``year_range_to``, "16" read in the first year's century). Only when the
    last is later than the first, and within 20 years when written with two digits (not
    "1998-10", an ISO month)."""
    frm = "y" in m.re.groupindex
    rng = _YEAR_RANGE.match(ctx.text, m.start() if frm else m.start() - 5)
    if rng is None:
        return None
    y1, raw2 = int(rng.group(1)), rng.group(2)
    y2 = int(raw2) if len(raw2) == 4 else y1 // 100 * 100 + int(raw2)
    if len(raw2) == 2 and y2 <= y1 and y1 % 100 == 99:
        y2 += 100  # "1999-00"
    if not 0 < y2 - y1 <= (100 if len(raw2) == 4 else 20):
        return None
    return Resolved(f"{y1 if frm else y2:04d}", "year")


_DECADE_BEFORE = re.compile(r"(1\d|20)\d0['’]?s[^\S\n]+and[^\S\n]+$")
_BARE_DECADE_BEFORE = re.compile(r"\bthe[^\S\n]+(?:(?:early|mid|late)[-\s]+)?[3-9]0['’]?s[^\S\n]+"
                                 r"(?:and|or|to)[^\S\n]+$", re.I)


def _numbers_sentence(m: re.Match[str], ctx: Context, lx: Lexicon) -> bool:
    """Does the sentence of a bare "the 80s" speak of numbers in that range (time.yaml
    ``decade_number_words``: "temperatures in the 80s", "approval ratings in the 40s")?"""
    start = _sentence_start(ctx.text, m.start(), lx)
    stop = re.search(r"[.!?](?:\s|$)", ctx.text[m.end():m.end() + 300])
    end = m.end() + (stop.start() if stop else 300)
    words = re.findall(r"[a-z]+", ctx.text[start:end].lower())
    return any(w in lx.decade_number_words for w in words)


def h_decade(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if m["dec3"]:  # "the 1960s and 70s": the century of the decade before it
        before = _DECADE_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start())
        if before is not None:
            digits = before.group(1) + m["dec3"][0]
        elif (m["the"] or _BARE_DECADE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())) \
                and m["dec3"][0] in "3456789" and not _numbers_sentence(m, ctx, lx):
            digits = "19" + m["dec3"][0]  # "in the late 90s", not "temperatures in the 80s"
        else:
            return None
    elif m["dec"]:
        digits = m["dec"][:3]
    elif m["dec2"]:
        digits = "19" + m["dec2"][0]
        if ctx.dct and int("20" + m["dec2"][0] + "0") <= ctx.dct.year and m["dec2"][0] in "012":
            digits = "20" + m["dec2"][0]
    else:
        if not m["the"]:
            return None
        digits = "19" + str(lx.decade_words[key(m["decw"])])
    return Resolved(digits + "X", "decade", modifier=_mod(m["pmod"], lx))


def h_century(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    raw = key(m["n"])
    n = int(raw[:-2]) if raw[:1].isdigit() else lx.ordinals.get(raw)
    if not n or n > 21:
        return None
    return Resolved(f"{n - 1:02d}XX", "century", modifier=_mod(m["pmod"], lx))


def spoken_year(hi_words: str, lo_words: str) -> int | None:
    """The year said as "nineteen ninety-four" (hundreds, then the rest), or None."""
    lx = lexicon()
    hi, lo = lx.number(hi_words), lx.number(lo_words)
    if hi is None or lo is None or lo < 10:
        return None
    return int(hi) * 100 + int(lo)


def _group_year(m: re.Match[str]) -> int | None:
    """The year of a rule's ``y`` group (digits) or ``shi``/``slo`` groups (words)."""
    if m["y"]:
        return int(m["y"])
    if "shi" in m.re.groupindex and m["shi"]:
        return spoken_year(m["shi"], m["slo"])
    return None


def h_spoken_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if m["thousand"]:
        rest = lx.number(m["rest"]) if m["rest"] else 0
        if rest is None:
            return None
        return Resolved(f"{2000 + int(rest):04d}", "year")
    year = spoken_year(m["hi"], m["lo"])
    return Resolved(f"{year:04d}", "year") if year is not None else None


# ---------------------------------------------------------------------------- weekdays, days

_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
          "noon": "MI", "overnight": "NI"}


def _with_part(day: str, part: str | None, lx: Lexicon) -> tuple[str, str, str]:
    """(value, precision, type) of a day, with its part of the day when given."""
    if part:
        code = lx.parts_of_day.get(key(part), "")
        return f"{day}T{code}", "time", "TIME"
    return day, "day", "DATE"


# how many days before the publication a reported "would" is taken to have been said
REPORT_LAG_DAYS = 2


def h_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if not _capitalised(_orig(m, ctx, "wd")):
        return None
    if not m["shift"] and not m["pmod"] and _NAME_GOES_ON.match(ctx.text, m.end()) \
            and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # inside a name: "the Good Friday Agreement", "the Bloody Sunday Inquiry"
    wd = lx.weekday(m["wd"])
    if wd is None:
        return None
    shift = key(m["shift"]) if m["shift"] else None
    start: int | None = None
    tentative = False
    if shift == "following" and _word_before(ctx.text, m.start()) != "the":
        # "Following Wednesday's leak of the report": a preposition, not "the following
        # Wednesday"; the weekday alone, placed by the tense
        shift, start = None, m.start("wd")
    mod = _mod(m["pmod"], lx)
    if ctx.dct is None:
        return Resolved(f"XXXX-WXX-{wd}", "", modifier=mod, start=start)
    focus: tuple[str, int] | None = None
    if shift in ("previous", "following") and _word_before(ctx.text, m.start()) == "the":
        # "down 4.5% from the previous Friday": the one before the day in focus (time.py);
        # from the publication date when no day was named just before
        focus = ("weekday", -wd if shift == "previous" else wd)
    if shift in ("last", "past", "this past", "previous"):
        day = cal.weekday_near(ctx.dct, wd, "past", strict=True)
    elif shift in ("next", "coming", "this coming", "following"):
        day = cal.weekday_near(ctx.dct, wd, "future", strict=True)
    elif shift == "this":  # "win delegates in Michigan this Tuesday": ahead, unless told as past
        past = ctx.tense(m.start(), m.end()) in ("past", "certain past")
        day = cal.weekday_near(ctx.dct, wd, "past" if past else "future")
    elif (week := _week_after(m, ctx, lx)) is not None or (week := _week_before(m, ctx, lx)) is not None:
        # "Monday of last week", "Tuesday next week", "last week, on Wednesday": that
        # weekday of the week named
        monday = cal.add_days(ctx.dct, 1 - ctx.dct.isoweekday())
        day = cal.add_days(monday, 7 * week + wd - 1)
    else:
        tense = ctx.tense(m.start(), m.end())
        if tense == "present" and _possessive_event_after(ctx.text, m.end(), lx):
            # an event on a day, told in the present, is the one just ahead ("holds a solid
            # lead in Tuesday's primary") or just past ("the impact of Monday's debate is
            # still small"): the nearer one, unless the story names that day otherwise
            tense, tentative = "either", True
        if tense == "headline":  # the nearer day, unless the story's body places it
            tense, tentative = "either", True
        if m["pmod"] and key(m["pmod"]) == "later" and tense in ("scheduled", *AHEAD):
            tense = "either"  # "when he speaks later Monday": later on the writer's day, which
            # may be the day before the publication's
        if tense is None and not m["part"] and focus is None:
            tentative = True
        if tense == "future in past":
            # "said it would cut off funding after Monday", "anticipated that a session on
            # Monday would": after the report, which news gives within a day or two of the
            # publication: the first such day from two days before it
            day = cal.weekday_near(cal.add_days(ctx.dct, -REPORT_LAG_DAYS), wd, "future")
        else:
            day = cal.weekday_near(ctx.dct, wd, "future" if tense in ("scheduled", *AHEAD) else "past")
        if tense == "either":  # "was scheduled to speak Saturday": the nearer one
            ahead = cal.weekday_near(ctx.dct, wd, "future")
            if (ahead - ctx.dct).days < (ctx.dct - day).days:
                day = ahead
    value, prec, typ = _with_part(day.isoformat(), m["part"], lx)
    part = lx.parts_of_day.get(key(m["part"])) if m["part"] else None
    return Resolved(value, prec, typ, anchored=True, modifier=mod, shift=focus,
                    anaphoric=focus is not None, part=part, start=start, tentative=tentative)


# shifts counted from a week in focus, not from the publication's ("the following week")
_FOCUS_SHIFTS = frozenset(("following", "previous", "preceding", "prior"))


@functools.lru_cache(maxsize=1)
def _week_after_regex(shifts: str) -> re.Pattern[str]:
    return re.compile(r"(?:[^\S\n]+of)?[^\S\n]+(?:the[^\S\n]+)?(?P<shift>" + shifts
                      + r")[^\S\n]+week(?![\w'’-])", re.I)


def _week_after(m: re.Match[str], ctx: Context, lx: Lexicon) -> int | None:
    """The week named right after a weekday, counted from the publication's (-1 for "last
    week" in "Monday of last week", 1 for "next week" in "Tuesday next week"), or None.
    "the following week" and "the previous week" count from a week in focus: not these."""
    w = _week_after_regex(lx.re_shift).match(ctx.text, m.end())
    if w is None or m["part"]:
        return None
    word = key(w["shift"])
    if word in _FOCUS_SHIFTS:
        return None
    return lx.shifts.get(word)


@functools.lru_cache(maxsize=1)
def _week_before_regex(shifts: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:(?:earlier|later)[^\S\n]+)?(?P<shift>" + shifts
                      + r")[^\S\n]+week,?[^\S\n]+(?:on[^\S\n]+)?$", re.I)


def _week_before(m: re.Match[str], ctx: Context, lx: Lexicon) -> int | None:
    """The week named right before a weekday ("last week, on Wednesday", "earlier this week,
    on Monday", "next week on Tuesday"), counted from the publication's, or None; not "the
    following week" (counted from a week in focus)."""
    if m["shift"] or m["part"]:
        return None
    w = _week_before_regex(lx.re_shift).search(ctx.text, max(0, m.start() - 40), m.start())
    if w is None:
        return None
    word = key(w["shift"])
    if word in _FOCUS_SHIFTS:
        return None
    return lx.shifts.get(word)


_POSSESSIVE_THEN_WORDS = re.compile(r"['’]s((?:[^\S\n]+[\w-]+){1,4})")


def _possessive_event_after(text: str, end: int, lx: Lexicon) -> bool:
    """Is the weekday ending at ``end`` a possessive before a noun of an event held on a day
    (time.yaml ``possessive_day_events``: "Tuesday's New Hampshire primary")?"""
    m = _POSSESSIVE_THEN_WORDS.match(text, end)
    return m is not None and any(w.lower() in lx.possessive_day_events for w in m.group(1).split())


def h_nth_weekday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the last Friday in August", "the first Tuesday of November, 2016": that day of that
    month, in the year written or the one the tense places it in."""
    lx = lexicon()
    wd, mo = lx.weekday(m["wd"]), lx.month(m["mon"])
    if wd is None or mo is None or not _capitalised(_orig(m, ctx, "wd")) \
            or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    raw = key(m["ord"])
    n = -1 if raw == "last" else int(raw[:-2]) if raw[:1].isdigit() else lx.ordinals[raw]

    def make(y: int) -> Date | None:
        if n > 0:
            return cal.nth_weekday(y, mo, wd, n)
        first_next = cal.Date(*cal.add_months(y, mo, 1), 1)
        return cal.add_days(first_next, -((first_next.isoweekday() - wd - 1) % 7 + 1))

    if m["y"]:
        written = make(int(m["y"]))
        return Resolved(written.isoformat(), "day") if written else None
    if ctx.dct is None:
        return Resolved("", "")
    year = cal.pick_year(ctx.dct, make, _direction(m, ctx, timetable=True))
    d = make(year) if year is not None else None
    return Resolved(d.isoformat(), "day", anchored=True) if d else None


_AGE_AFTER = re.compile(r"['’]s[^\S\n]+(?:[a-z-]+[^\S\n]+)?([a-z]+)\b")


def _today_as_age(m: re.Match[str], ctx: Context, lx: Lexicon) -> bool:
    """Is "today's" the present age rather than the day: before a noun of time.yaml
    ``present_age_nouns``, maybe after one adjective ("today's young people", "today's
    global economy")?"""
    if key(m["rel"]) != "today" or m["part"] or m["pmod"]:
        return False
    a = _AGE_AFTER.match(ctx.text, m.end("rel"))
    if a is None:
        return False
    words = a.group(0)[2:].split()
    return any(w.lower() in lx.present_age_nouns for w in words)


def h_relday(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if _in_title_name(ctx.text, m.start("rel"), m.end("rel"), after=False):
        return None  # "USA TODAY", "NBC's Today"
    if _today_as_age(m, ctx, lx):
        return None  # "today's world", "many of today's computers": the present age
    offset = lx.relative_days[key(m["rel"])]
    mod = _mod(m["pmod"], lx)
    if ctx.dct is None:
        return Resolved("", "", modifier=mod)
    day = cal.add_days(ctx.dct, offset).isoformat()
    value, prec, typ = _with_part(day, m["part"], lx)
    return Resolved(value, prec, typ, anchored=True, modifier=mod)


def h_reltime(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if _in_title_name(ctx.text, m.start("rel"), m.end("rel"), after=False):
        return None  # "The Tonight Show", "CBS This Morning", "Lopez Tonight"
    offset, code = lx.relative_times[key(m["rel"])]
    if ctx.dct is None:
        return Resolved("", "", "TIME")
    return Resolved(f"{cal.add_days(ctx.dct, offset).isoformat()}T{code}", "time", "TIME",
                    anchored=True)


# ---------------------------------------------------------------------------- shifted periods

def _period(ctx: Context, unit: str, n: int, m: re.Match[str], lx: Lexicon) -> tuple[str, str] | None:
    """(value, precision) of the period ``unit`` shifted ``n`` from the reference's."""
    d = ctx.dct
    assert d is not None
    if unit == "day":
        return cal.add_days(d, n).isoformat(), "day"
    if unit == "week":
        return cal.fmt_week(cal.add_days(d, 7 * n)), "week"
    if unit == "weekend":
        return cal.fmt_week(cal.add_days(d, 7 * n)) + "-WE", "week"
    if unit == "month":
        y, mo = cal.add_months(d.year, d.month, n)
        return cal.fmt_month(y, mo), "month"
    if unit == "quarter":
        y, q = cal.add_quarters(d.year, cal.quarter_of(d), n)
        return f"{y:04d}-Q{q}", "quarter"
    if unit == "half":
        h = 1 if d.month <= 6 else 2
        k = d.year * 2 + h - 1 + n
        return f"{k // 2:04d}-H{k % 2 + 1}", "half"
    if unit in ("year", "fiscal year"):
        return f"{d.year + n:04d}", "year"
    if unit == "decade":
        return f"{(d.year // 10 + n):03d}X", "decade"
    if unit == "century":
        return f"{(d.year // 100 + n):02d}XX", "century"
    return None


def h_shift_unit(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    shift_word = key(m["shift"])
    n = lx.shifts.get(shift_word)
    if n is None:
        return None
    unit_word = key(m["u"])
    mod = _mod(m["pmod"], lx)
    if m["the"] and shift_word in ("past", "last", "next", "coming", "following", "previous"):
        # "the past year", "the next month": TimeML takes them for the calendar period
        # (in TimeBank/AQUAINT and MEANTIME, five times in seven; a duration the other two)
        if unit_word == "quarter" or not _orig(m, ctx, "u").islower():
            return None  # "the last quarter" is a calendar quarter (quarter rule)
    if ctx.dct is None:
        return Resolved("", "", modifier=mod)
    season = lx.seasons.get(unit_word)
    u_text = _orig(m, ctx, "u")
    month = lx.month(unit_word) if unit_word not in ("may",) or u_text[0].isupper() else None
    if season is not None:
        return _this_season(ctx, season, mod, m) if shift_word == "this" else (
            _season(ctx, season, n, mod, m))
    if month is not None:
        if not _month_ok(u_text, lx, alone=True):
            return None
        year = _shifted_month_year(ctx.dct, month, n)
        return Resolved(cal.fmt_month(year, month), "month", anchored=True, modifier=mod)
    unit = "fiscal year" if unit_word.startswith("fiscal") else unit_word
    p = _period(ctx, unit, n, m, lx)
    if p is None:
        return None
    return Resolved(p[0], p[1], anchored=True, modifier=mod)


def _season(ctx: Context, code: str, n: int, mod: str | None, m: re.Match[str]) -> Resolved:
    assert ctx.dct is not None
    cur_year, cur_code = cal.season_of(ctx.dct)
    order = ["SP", "SU", "FA", "WI"]
    cur = cur_year * 4 + order.index(cur_code)
    if n == 0:
        if code == cur_code:
            return Resolved(f"{cur_year:04d}-{code}", "season", anchored=True, modifier=mod)
        ahead = (order.index(code) - order.index(cur_code)) % 4
        if ahead != 2:  # the nearer of the last and the next one ("the winter" said in March)
            k = cur + (ahead if ahead < 2 else ahead - 4)
            return Resolved(f"{k // 4:04d}-{code}", "season", anchored=True, modifier=mod)
        target_year = ctx.dct.year if code != "WI" or ctx.dct.month >= 3 else ctx.dct.year - 1
        return Resolved(f"{target_year:04d}-{code}", "season", anchored=True, modifier=mod)
    k = cur + (1 if n > 0 else -1)
    step = 1 if n > 0 else -1
    while order[k % 4] != code:
        k += step
    return Resolved(f"{k // 4:04d}-{code}", "season", anchored=True, modifier=mod)


def _this_season(ctx: Context, code: str, mod: str | None, m: re.Match[str]) -> Resolved:
    """"this summer": the one under way or the nearest, except that in January and February
    a spring, summer or fall is this calendar year's, not the one just gone ("this fall"
    said in February 2016 is 2016-FA)."""
    assert ctx.dct is not None
    if code != "WI" and ctx.dct.month <= 2:
        return Resolved(f"{ctx.dct.year:04d}-{code}", "season", anchored=True, modifier=mod)
    return _season(ctx, code, 0, mod, m)


_SEASON_IS_HEAD = re.compile(r"[^\S\n]*[.,;:!?)\"”’]|[^\S\n]+(?:was|is|has|had|will|would|of|when|"
                             r"that|and|but|as|in|at|with|to|on)\b")


_CAPITALISED_WORD_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")


# after "fall": "of" and a noun phrase ("the fall of the regime", "of Saddam"; not "of that
# year", "of 2012")
_FALL_NOUN_AFTER = re.compile(r"[^\S\n]+of[^\S\n]+(?:the|a|an|his|her|its|their|[A-Z])")


def h_seasons_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"two summers ago": the n-th such season back ("last summer" is the first)."""
    lx = lexicon()
    n = lx.number(m["n"]) if key(m["n"]) not in ("a", "an") else 1.0
    code = lx.seasons.get(key(m["s"])[:-1])
    if n is None or code is None or n != int(n) or not 1 <= n <= 20:
        return None
    if ctx.dct is None:
        return Resolved("", "")
    last = _season(ctx, code, -1, None, m)
    year = int(last.value[:4]) - (int(n) - 1)
    return Resolved(f"{year:04d}-{code}", "season", anchored=True)


def h_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    code = lx.seasons[key(m["s"])]
    if _capitalised(_orig(m, ctx, "s")) and not m["y"] \
            and _CAPITALISED_WORD_AFTER.match(ctx.text, m.end("s")):
        return None  # a name: "the Summer Olympics", "the Winter Games", "the Spring Festival"
    mod = _mod(m["pmod"], lx)
    y = _group_year(m)
    if y is not None:
        return Resolved(f"{y:04d}-{code}", "season", modifier=mod)
    if m["yshift"] and ctx.dct is not None:  # "the spring of next year"
        return Resolved(f"{ctx.dct.year + lx.shifts[key(m['yshift'])]:04d}-{code}", "season",
                        anchored=True, modifier=mod)
    if key(m["s"]) == "fall" and _FALL_NOUN_AFTER.match(ctx.text, m.end("s")):
        return None  # "the fall of the regime": a collapse
    # a bare season needs a determiner or a time preposition before it
    det = key(m["det"]) if m["det"] else ""
    if det in ("", "the") and not mod:
        # "in the fall", "during summer", "come spring"; not "led the fall in stocks"
        at = m.start("det") if m["det"] else m.start()
        before = _word_before(ctx.text, at)
        if before not in lx.season_context and not (
                before in ("and", "or") and key(_word_before(ctx.text, at, 2).split()[0]) in lx.seasons):
            if not (det == "the" and key(m["s"]) in lx.head_seasons
                    and _SEASON_IS_HEAD.match(ctx.text, m.end())):
                return None  # (after "and"/"or" a season is one when the first was: "the spring and summer")
            # "dominated the summer", "The winter was harsh": summer and winter (not the fall,
            # the spring: a drop, a well) as the head of their noun phrase
    if ctx.dct is None:
        return Resolved(f"XXXX-{code}", "", modifier=mod)
    if det == "this":
        return _this_season(ctx, code, mod, m)
    direction = _direction(m, ctx, timetable=True)
    if direction is None and code in ("SU", "FA", "SP", "WI"):
        return _season(ctx, code, 0, mod, m)
    if (direction in AHEAD or direction == "past" and det != "that") and (
            cal.season_of(ctx.dct)[1] == code):
        # "will meet in the spring" said in March, "fell during the winter" said in
        # February: this spring, this winter, as a month is this month
        return _season(ctx, code, 0, mod, m)
    return _season(ctx, code, 1 if direction in AHEAD else -1, mod, m)


# ---------------------------------------------------------------------------- ago, quarters

def h_weekend(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the weekend": the last one (or, with a future tense, the next one)."""
    if ctx.dct is None:
        return Resolved("XXXX-WXX-WE", "")
    d = ctx.dct
    wd = d.isoweekday()
    if _direction(m, ctx) in AHEAD:
        target = d if wd >= 6 else cal.add_days(d, 6 - wd)
    else:
        target = d if wd >= 6 else cal.add_days(d, -wd)
    return Resolved(cal.fmt_week(target) + "-WE", "week", anchored=True)


def offset_value(d: Date, unit: str, k: int, precision: str = "day") -> tuple[str, str] | None:
    """(value, precision) of ``k`` units after the day ``d`` known to ``precision``, at the
    unit's granularity; None when the unit is finer than what is known of ``d``."""
    rank = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
    unit_rank = {"day": 0, "week": 1, "weekend": 1, "fortnight": 1, "month": 2, "quarter": 3}.get(unit, 4)
    if rank.get(precision, 0) > unit_rank:
        return None
    if unit == "day":
        return cal.add_days(d, k).isoformat(), "day"
    if unit == "weekend":  # "that weekend", "the following weekend": of the week in focus
        return cal.fmt_week(cal.add_days(d, 7 * k)) + "-WE", "week"
    if unit in ("week", "fortnight"):
        w = 2 * k if unit == "fortnight" else k
        return cal.fmt_week(cal.add_days(d, 7 * w)), "week"
    if unit == "month":
        y, mo = cal.add_months(d.year, d.month, k)
        return cal.fmt_month(y, mo), "month"
    if unit == "quarter":
        y, q = cal.add_quarters(d.year, cal.quarter_of(d), k)
        return f"{y:04d}-Q{q}", "quarter"
    years = {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 1) * k
    return f"{d.year + years:04d}", "year"


_RANK = {"day": 0, "week": 1, "fortnight": 1, "month": 2, "quarter": 3, "year": 4}


def shifted_value(d: Date, unit: str, k: int, precision: str) -> tuple[str, str] | None:
    """(value, precision) of ``k`` units after the period starting on ``d`` known to
    ``precision``, kept at that precision when it is finer than the unit (TimeML: "a year
    earlier" than Sept. 30, 1989 is 1988-09-30, than the third quarter of 1989 is 1988-Q3);
    otherwise as :func:`offset_value`."""
    if _RANK.get(precision, 4) >= _RANK.get(unit, 4):
        return offset_value(d, unit, k, precision)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:  # days and weeks
        day = cal.add_days(d, k * (14 if unit == "fortnight" else 7 if unit == "week" else 1))
    else:
        y, mo = cal.add_months(d.year, d.month, k * months)
        day = cal.safe_date(y, mo, d.day) or cal.safe_date(y, mo, 28) or d
    if precision == "day":
        return day.isoformat(), "day"
    if precision == "week":
        return cal.fmt_week(day), "week"
    if precision == "month":
        return cal.fmt_month(day.year, day.month), "month"
    return f"{day.year:04d}-Q{cal.quarter_of(day)}", "quarter"


_ANAPHOR_SHIFT = {"the": 0, "that": 0, "that same": 0, "the same": 0, "the following": 1,
                  "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1}


_POSSESSIVE = re.compile(r"['’]s\b")
# a hyphen and a word after the unit: a compound modifier ("day-long", "week-old")
_COMPOUND_AFTER = re.compile(r"[-‐][^\W\d_]")
# "at the end of the day," closing at the match's end (and its comma)
_AT_THE_END = re.compile(r"\b[Aa]t\s+the\s+end\s+of\s+the\s+day,$")


def _next_told_in_past(m: re.Match[str], ctx: Context) -> bool:
    """Is "the next year/month/week" the one after the date in focus: told in the past and
    not a stretch ("went public the next year"; not "over the next year": time.yaml
    ``stretch_prepositions``)?"""
    return (_word_before(ctx.text, m.start()) not in lexicon().stretch_prepositions
            and ctx.tense(m.start(), m.end()) in ("past", "certain past"))


def h_anaphora(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"that day", "later that year", "the next morning": the date mentioned just before
    (resolved in time.py), never the publication date."""
    lx = lexicon()
    det = key(m["det"])
    u = key(m["u"])
    k = _ANAPHOR_SHIFT.get(det)
    if k is None:
        return None
    end: int | None = None
    if _COMPOUND_AFTER.match(ctx.text, m.end()):
        return None  # "the day-long meeting", "that week-old report": a modifier, no time
    if det == "the next" and u in ("week", "month", "year") and not _next_told_in_past(m, ctx):
        return None  # "the next month" is a stretch of time from now (duration rule)
    part = lx.parts_of_day.get(u)
    if u in ("decade", "century") and not (det == "the" and m["pmod"]):
        return None  # only "the end of the decade": of the publication
    if det == "the":
        # "later in the day", "the day", "the day after the vote"; not "the week" or "the
        # morning" alone (a stretch of time, a part of any day)
        alone = (_UNIT_BEFORE_AFTER_ALONE.match(ctx.text, m.end())
                 if u in ("week", "month", "year") and not m["pmod"] else None)
        if part or (u != "day" and not m["pmod"] and not alone and not _reporting_period(m, ctx, u)):
            return None
        if (u == "day" and not m["pmod"] and _word_before(ctx.text, m.start(), 2) == "back in"
                and not _DAY_BEFORE_AFTER.match(ctx.text, m.end())):
            return None  # "back in the day": once, long ago; no day
        if (u == "day" and not m["pmod"] and _word_before(ctx.text, m.start()) in lx.day_idiom_verbs
                and not _DAY_BEFORE_AFTER.match(ctx.text, m.end())
                and not _POSSESSIVE.match(ctx.text, m.end())):
            return None  # "to carry the day", "saved the day": an idiom, no day ("won; the
            # day's other primaries" is the day)
        if (u == "day" and _AT_THE_END.search(ctx.text, max(0, m.start() - 24), m.end() + 1)
                and ctx.tense(m.start(), m.end()) not in ("past", "certain past")):
            return None  # "at the end of the day, it's going to rise and fall on ...": finally
        if alone:  # "The year before, it had lost money": the one before the date in focus
            k, end = (1 if alone.group(1).lower() == "after" else -1), alone.end(1)
        elif u != "day":  # "earlier in the year": of the publication (TimeBank: 3 times in 3)
            if ctx.dct is None:
                return Resolved("", "", modifier=_mod(m["pmod"], lx))
            # "the eight largest deals of the year" told in January: the year just ended
            just_ended = (u == "year" and not m["pmod"] and ctx.dct.month == 1
                          and _direction(m, ctx) in ("past", "certain past"))
            shift = -1 if just_ended else _edge_shift(m, ctx, u, key(m["pmod"] or ""))
            pv = _period(ctx, u, shift, m, lx)
            return Resolved(pv[0], pv[1], anchored=True, modifier=_mod(m["pmod"], lx)) if pv else None
        after = _DAY_BEFORE_AFTER.match(ctx.text, m.end())
        if after and u == "day":
            if not _APPOSITION.search(ctx.text, max(0, m.start() - 8), m.start()):
                k = 1 if after.group(1).lower() == "after" else -1
        if u == "day" and ctx.dct is not None and not (k == 1 and _direction(m, ctx) in ("past", "certain past")):
            # the date in focus, when there is one, replaces this (time.py); with none, the
            # publication date's neighbour, but not the day after it told in the past ("he
            # resigned the day after his arrest"): that day is unknown
            day = cal.add_days(ctx.dct, k).isoformat()
            return Resolved(day, "day", anchored=True, modifier=_mod(m["pmod"], lx),
                            shift=("day", k), anaphoric=True)
    unit = "day" if part else u
    if unit == "weekend" and k == 0 and ctx.dct is not None:
        # "the same weekend that Iran fulfilled the terms" with no date in focus: the
        # weekend the tense places, as "the weekend" (time.py replaces it from a focus)
        w = h_weekend(m, ctx)
        return Resolved(w.value, w.precision, anchored=True, shift=(unit, k), anaphoric=True, end=end) if w else None
    if k < 0 and ctx.dct is not None and _direction(m, ctx) not in AHEAD:
        # "the previous week's position" with no date in focus (time.py replaces this when
        # there is one): the one before the publication date. Not "the next day" (in a
        # story told in the past, PolNeAR's texts, a day of the story, not tomorrow, three
        # times in four) and not "that day"
        pv = _period(ctx, unit, k, m, lx)
        if pv is not None:
            value, prec, typ = (f"{pv[0]}T{part}", "time", "TIME") if part else (*pv, "DATE")
            return Resolved(value, prec, typ, anchored=True, modifier=_mod(m["pmod"], lx),
                            shift=(unit, k), anaphoric=True, part=part, end=end)
    return Resolved("", "", "TIME" if part else "DATE", modifier=_mod(m["pmod"], lx),
                    shift=(unit, k), anaphoric=True, part=part, end=end)


_DAY_BEFORE_AFTER = re.compile(r"[^\S\n]+(before|after)\b", re.I)
# "before"/"after" closing its clause after "the week/month/year": an adverb, the one before or
# after the date in focus ("The year before, it had lost money"; not "the week before the vote")
_UNIT_BEFORE_AFTER_ALONE = re.compile(r"[^\S\n]+(before|after)(?=[^\S\n]*[,.;:!?)]|[^\S\n]+(?:and|but|when|while)\b)",
                                      re.I)


@functools.lru_cache(maxsize=1)
def _period_not_after(words: str) -> re.Pattern[str]:
    return re.compile(r"[^\S\n]*" + words + r"\b", re.I)


# how far into a period the publication may be for its end ("end") or late part ("late")
# told in the past to be the previous one's, and must be for its start ("start") or early
# part ("early") told as future to be the next one's: the month of a year, the day of a
# month, the weekday of a week
_EDGE_LIMITS = {"year": {"end": 11, "late": 8, "start": 3, "early": 5},
                "month": {"end": 24, "late": 17, "start": 8, "early": 12},
                "week": {"end": 4, "late": 3, "start": 3, "early": 4}}


def _edge_shift(m: re.Match[str], ctx: Context, unit: str, pmod: str) -> int:
    """-1, 1 or 0: the period whose edge the part modifier ``pmod`` names, counted from the
    publication's. Its end or late part told in the past before that part of the current
    period has come is the previous one's ("By the end of the year, he had climbed to 35
    percent", said in June); its start or early part told as future once that part has gone
    is the next one's ("will take effect at the beginning of the year", said in
    November)."""
    assert ctx.dct is not None
    limits = _EDGE_LIMITS.get(unit)
    mod = _mod(pmod, lexicon())
    if limits is None or mod not in ("EARLY", "LATE") or "earlier" in pmod:
        return 0
    position = {"year": ctx.dct.month, "month": ctx.dct.day, "week": ctx.dct.isoweekday()}[unit]
    if mod == "LATE":
        told_past = _direction(m, ctx) in ("past", "certain past")
        return -1 if told_past and position <= limits["end" if "end" in pmod else "late"] else 0
    told_ahead = _direction(m, ctx) in AHEAD
    return 1 if told_ahead and position >= limits["early" if "early" in pmod else "start"] else 0


def _reporting_period(m: re.Match[str], ctx: Context, unit: str) -> bool:
    """Is "the week", "the month" or "the year" after "for" or "of" the period a report covers
    ("For the year, pet food volume was flat", "a high for the year", "For the week, the
    index lost 3 percent", "the first nine months of the year", "the biggest deal of the
    year"), or after a verb of starting or ending ("after starting the year at 5.95 percent":
    time.yaml ``period_verbs``)? Then it is the publication's (TimeBank: 3 of 3). Not "for
    the year ahead" or "for the year or so" (time.yaml ``report_period_not_before``), nor a
    title or an idiom ("person of the year", "the flavor of the week": time.yaml
    ``title_nouns_before_of``)."""
    lx = lexicon()
    before = _word_before(ctx.text, m.start(), 2).split()
    last = before[-1] if before else ""
    if last == "of" and len(before) == 2 and before[0] in lx.title_nouns_before_of:
        return False  # "Time's person of the year", "the flavor of the week"
    return (unit in ("week", "month", "year")
            and (last in ("for", "of") or last in lx.period_verbs)
            and ctx.text[m.start("u")].islower()  # not "Person of the Year"
            and not _period_not_after(lx.re_report_period_not_before).match(ctx.text, m.end()))


# "Oct. 12, the day before the plunge", "on Wednesday, the day after the election": the day
# in apposition is the date itself
_APPOSITION = re.compile(r"(?:\d|[Dd]ay),[^\S\n]*$")  # "Oct. 12,", "Wednesday,"


def h_month_of_year_anaphor(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in April of that year", "June of the following year", "the spring of that year": that
    month or season of the year in focus (resolved in time.py), not of the publication's
    year."""
    lx = lexicon()
    k = _ANAPHOR_SHIFT.get(key(m["det"]))
    if k is None:
        return None
    if m["season"]:
        return Resolved("", "", shift=("year", k), anaphoric=True, season=lx.seasons[key(m["season"])])
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    return Resolved("", "", shift=("year", k), anaphoric=True, month=mo)


def h_week_of(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the week of March 11", "the weekend of June 8": the week (or its weekend) that day
    falls in (TimeML: 2013-W11, 2013-W23-WE)."""
    lx = lexicon()
    mo = lx.month(m["mon"])
    if mo is None or not _month_ok(_orig(m, ctx, "mon"), lx, alone=False):
        return None
    day = _day(ctx, int(m["y"]) if m["y"] else None, mo, int(m["d"]), m, lx)
    if day is None:
        return None
    d = cal.parse_date(day.value)
    if d is None:
        return Resolved("XXXX-WXX-WE" if m["we"] else "XXXX-WXX", "")
    week = cal.fmt_week(d) + ("-WE" if m["we"] else "")
    return Resolved(week, "week", anchored=day.anchored)


def h_named_anaphor(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"that fall", "that November", "the following January", "the previous spring": that
    month or season of the date in focus, the first after it or the last before it
    (time.py); with no date in focus, placed from the publication date as "last"/"next" or
    the tense would place it. Not "that" as a conjunction ("said that March sales rose")."""
    lx = lexicon()
    det = key(m["det"])
    n = _ANAPHOR_SHIFT.get(det)  # the rule admits "that" and "the following/previous/..."
    if n is None:
        return None
    if n == 0 and _word_before(ctx.text, m.start()) in lx.that_conjunction_before:
        return None
    if m["mon"] and _CAPITALISED_WORD_AFTER.match(ctx.text, m.end()):
        return None  # "that March Rubio was": a name after
    mod = _mod(m["pmod"], lx)
    if m["s"]:
        code = lx.seasons[key(m["s"])]
        if ctx.dct is None:
            return Resolved(f"XXXX-{code}", "", modifier=mod, shift=("named", n), anaphoric=True,
                            season=code)
        told_ahead = _direction(m, ctx, timetable=True) in AHEAD
        r = _season(ctx, code, n or (1 if told_ahead else -1), mod, m)
        return Resolved(r.value, r.precision, anchored=True, modifier=mod, shift=("named", n),
                        anaphoric=True, season=code)
    word = _orig(m, ctx, "mon")
    mo = lx.month(word)
    if mo is None or not _month_ok(word, lx, alone=True):
        return None
    if ctx.dct is None:
        return Resolved(f"XXXX-{mo:02d}", "", modifier=mod, shift=("named", n), anaphoric=True,
                        month=mo)
    if n == 0:
        value = _month_in_year(ctx, m, mo, None, None, lx).value
    else:
        value = cal.fmt_month(_shifted_month_year(ctx.dct, mo, n), mo)
    return Resolved(value, "month", anchored=True, modifier=mod, shift=("named", n),
                    anaphoric=True, month=mo)


def _shifted_month_year(dct: Date, month: int, n: int) -> int:
    """The year of "last/this/next <month>" (``n`` -1, 0, 1) said on ``dct``."""
    if n == 0:
        return dct.year
    if n < 0:
        return dct.year if month < dct.month else dct.year - 1
    return dct.year if month > dct.month else dct.year + 1


# a unit in the next smaller one, for a fraction of it ("half a century ago": 50 years)
_SMALLER = {"millennium": ("year", 1000), "century": ("year", 100), "decade": ("year", 10),
            "year": ("month", 12), "week": ("day", 7)}


def h_ago(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"two years ago" (from the reference date); "a month later", "a year earlier" (from
    the date just mentioned when there is one, see time.py, else the reference date)."""
    lx = lexicon()
    unit = lx.unit(m["u"])
    if unit is None:
        return None
    n, vague = _unit_number(m, lx)
    direction = key(m["dir"])
    if m["half"] or m["half2"]:
        if n is None or direction in ("later", "earlier"):
            return None  # "a minute and a half later": TimeBank's duration (the duration rule)
        n += 0.5  # "two and a half years ago", "a year and a half ago"
    sign = 1 if direction in ("later", "from now", "from today", "from tonight", "hence") else -1
    mod = _approx(m["approx"], lx)
    if (vague or n is None) and direction in ("later", "earlier"):
        # "A few days later" (TimeBank): the stretch, a duration, without "later"
        end = m.start("dir")
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        return Resolved(duration_value(None, unit, lx), "duration", "DURATION", modifier=mod, end=end)
    if vague or n is None:
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", "", anchored=ctx.dct is not None,
                        modifier=mod)
    if n != int(n) and unit in _SMALLER and (n * _SMALLER[unit][1]) == int(n * _SMALLER[unit][1]):
        # "half a century ago", "a year and a half ago": counted in the next smaller unit
        unit, n = _SMALLER[unit][0], n * _SMALLER[unit][1]
    k = int(n * sign) if n == int(n) else int(round(n * sign))
    shift = (unit, k) if direction in ("earlier", "later") else None
    clock = bool(lx.units[unit].get("time"))
    if clock:  # "an hour later": the day in focus, else the publication's
        unit, k = "day", 0
    year_ago = unit == "year" and k == -1
    if ctx.dct is None or (direction == "later" and not clock
                           and ctx.tense(m.start(), m.end()) not in AHEAD):
        # "he was elected four years later", "a decade later, HP remains ...": from the date
        # in focus (time.py); with none, not from the publication date, which a story told
        # in the past or the present cannot be after
        return Resolved("", "", modifier=mod, shift=shift, year_ago=year_ago)
    v = offset_value(ctx.dct, unit, k)
    assert v is not None
    return Resolved(v[0], v[1], anchored=True, modifier=mod, shift=shift, year_ago=year_ago)


_QWORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "final": 4}
_LAST_Q = {"latest", "recent", "previous", "past", "last", "just-ended", "just-completed",
           "most-recent"}
_YEAR_AGO = {"year-ago", "year-earlier", "comparable", "same", "year-before", "prior-year"}


def _bare_quarter_year(named: int, m: re.Match[str], ctx: Context) -> int:
    """The year of quarter ``named`` written without one: a quarter not yet begun is last
    year's, unless the tense is future (a future tense never moves a quarter to next year:
    that takes "next year's")."""
    assert ctx.dct is not None
    cur = cal.quarter_of(ctx.dct)
    future = named > cur and _direction(m, ctx) in AHEAD
    return ctx.dct.year if named <= cur or future else ctx.dct.year - 1


def h_month_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the July-September quarter", "the April-June period of 2013": a calendar quarter
    named by its first and last months (as economic news from Asia writes it); months that
    span no calendar quarter ("the November-January quarter") are left to the month rules."""
    lx = lexicon()
    m1, m2 = lx.month(m["m1"]), lx.month(m["m2"])
    if m1 is None or m2 is None or m1 % 3 != 1 or m2 != m1 + 2:
        return None
    named = (m1 - 1) // 3 + 1
    if m["y"]:
        return Resolved(f"{int(m['y']):04d}-Q{named}", "quarter")
    if ctx.dct is None:
        return Resolved(f"XXXX-Q{named}", "")
    return Resolved(f"{_bare_quarter_year(named, m, ctx):04d}-Q{named}", "quarter", anchored=True)


_HYPHENED_WORD = re.compile(r"[-‐]([^\W\d_]+)")


def h_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    after = _HYPHENED_WORD.match(ctx.text, m.end())
    if after and after.group(1).lower() in lexicon().quarter_compounds:
        return None  # "the quarter-century-old brigade", "a quarter-point cut": a fourth of
        # something else ("The quarter-to-quarter comparison" is of quarters)
    words = [w for w in re.split(r"[\s-]+", key(m["adjs"] or "")) if w]
    words += [f"{a}-{b}" for a, b in zip(words, words[1:], strict=False)]  # "year-ago"
    det = key(m["det"]) if m["det"] else ""
    named = next((_QWORDS[w] for w in words if w in _QWORDS), None)
    if named is None and m["qn"]:
        named = int(m["qn"])
    year_ago = any(w in _YEAR_AGO or w.startswith("year-") for w in words)
    last = any(w in _LAST_Q for w in words)
    current = any(w in ("current", "this") for w in words) or det == "this"
    nxt = any(w in ("next", "coming") for w in words)
    if named is None and not (last or current or nxt or year_ago):
        if det not in ("the", "that", "its", "their", "his", "her") or ctx.text[m.end():m.end() + 3].lower() == " of":
            return None
    year: int | None = None
    y_raw = m["y1"] or m["y2"]
    if y_raw:
        year = int(re.sub(r"\D", "", y_raw))
    elif m["yrel"] or m["yrel2"]:
        if ctx.dct is None:
            return Resolved("", "")
        year = ctx.dct.year + lexicon().shifts.get(key(m["yrel"] or m["yrel2"]), 0)
    if named is not None:
        if year is None:
            if ctx.dct is None:
                return Resolved(f"XXXX-Q{named}", "")
            year = _bare_quarter_year(named, m, ctx)
            if year_ago:
                year -= 1
            return Resolved(f"{year:04d}-Q{named}", "quarter", anchored=True, year_ago=year_ago)
        return Resolved(f"{year:04d}-Q{named}", "quarter")
    if ctx.dct is None:
        return Resolved("", "")
    q = cal.quarter_of(ctx.dct)
    shift = 0 if current else 1 if nxt else -1
    y, q = cal.add_quarters(ctx.dct.year, q, shift)
    if year is not None:  # "the 1988 quarter": the quarter under discussion, in that year
        return Resolved(f"{year:04d}-Q{q}", "quarter", anchored=True, quarter_focus=year)
    if year_ago:
        y -= 1
    focus = 0 if det == "that" and not words else None  # "that quarter"
    return Resolved(f"{y:04d}-Q{q}", "quarter", anchored=True, year_ago=year_ago,
                    quarter_focus=focus)


def h_year_back(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the same period last year", "the quarter a year ago", "last year's quarter", "the
    year-earlier month": the period in focus a year back (time.py: a quarter in focus gives
    that quarter, any other date in focus that date, at its precision), else last year."""
    if ctx.dct is None:
        return Resolved("", "", shift=("year", -1), year_ago=True)
    unit = next((key(m[g]) for g in ("u", "u2", "u3", "u4") if m[g]), "")
    if unit == "quarter":  # as "the year-ago quarter"
        y, q = cal.add_quarters(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
        return Resolved(f"{y - 1:04d}-Q{q}", "quarter", anchored=True, year_ago=True)
    return Resolved(f"{ctx.dct.year - 1:04d}", "year", anchored=True, shift=("year", -1),
                    year_ago=True)


def h_year_fiscal(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the 2015 fiscal year": that year (as "fiscal year 2015")."""
    return Resolved(f"{int(m['y']):04d}", "year")


def h_year_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the 1989 period": in a company report, the quarter under discussion in that year
    (time.py); the year when no quarter is in focus."""
    y = int(m["y"])
    return Resolved(f"{y:04d}", "year", quarter_focus=y)


def h_year_ended(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"for the year ended March 31", "in the year ending June 30": a year's span closing on
    the date after it, an expression of its own (TimeBank annotates "the year" as a
    duration, P1Y)."""
    return Resolved("P1Y", "duration", "DURATION")


def h_half(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the first half of 2023", "the second half of next year", "the first half of the year"
    (the publication's year, as "earlier in the year"); "in the second half" alone
    (after a preposition) is the half-year placed by the tense, as a quarter is."""
    h = 1 if key(m["h"]) in ("first", "1st", "1") else 2
    if m["y"]:
        return Resolved(f"{m['y']}-H{h}", "half")
    if not m["yrel"] and not m["theyear"]:
        if not m["the"] or _word_before(ctx.text, m.start()) not in _HALF_BEFORE:
            return None
        if _game_sentence(ctx.text, m.start(), m.end()):
            return None  # "Messi scored in the second half": a half of a game
    if ctx.dct is None:
        return Resolved(f"XXXX-H{h}", "")
    if m["theyear"]:  # "the first half of the year": of the publication's year
        year = ctx.dct.year
        if h == 2 and ctx.dct.month <= 6 and _direction(m, ctx) in ("past", "certain past"):
            year -= 1  # "it raised more in the second half of the year", said in January
    elif m["yrel"]:
        year = ctx.dct.year + lexicon().shifts.get(key(m["yrel"]), 0)
    else:
        current = 1 if ctx.dct.month <= 6 else 2
        year = cal.pick_period_year(ctx.dct, h, current, _direction(m, ctx), per_year=2)
    return Resolved(f"{year:04d}-H{h}", "half", anchored=True)


_SENTENCE_EDGE = re.compile(r"[.!?\n]")


def _game_sentence(text: str, start: int, end: int) -> bool:
    """Does the sentence around ``[start, end)`` speak of a game (time.yaml ``game_words``:
    "scored", "halftime", "match")?"""
    lo = max((e.end() for e in _SENTENCE_EDGE.finditer(text, max(0, start - 300), start)), default=max(0, start - 300))
    hi_m = _SENTENCE_EDGE.search(text, end, end + 300)
    hi = hi_m.start() if hi_m else min(len(text), end + 300)
    words = set(re.findall(r"[a-z]+", text[lo:hi].lower()))
    return not words.isdisjoint(lexicon().game_words)


_HALF_BEFORE = ("in", "for", "during", "over", "by", "from", "since", "until", "through")


def h_ordinal_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"today is the 99th day of the strike", "it was the second day of the offensive": the
    day the sentence is about (a day named in it, see time.py), else, in the present tense,
    the publication date; otherwise unknown."""
    if ctx.dct is not None and ctx.tense(m.start(), m.end()) in ("present", "scheduled", "headline", "certain future", None):
        return Resolved(ctx.dct.isoformat(), "day", anchored=True)
    return Resolved("", "")


_DOM_BEFORE = ("on", "by", "until", "till", "since", "from", "before", "after", "through")
_AFTER_ORDINAL = re.compile(r"[^\S\n]*(?:[a-zA-Z0-9]|-[a-z])")  # "the 15th floor", "the 3rd District"


def h_day_of_month(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"on the 15th": that day of the month in focus (a month or day named just before, see
    time.py), else of the month the tense points to from the reference date. Not "the 15th
    floor", "the 15th-century church"."""
    if _AFTER_ORDINAL.match(ctx.text, m.end()) or _word_before(ctx.text, m.start()) not in _DOM_BEFORE:
        return None
    d = int(m["d"])
    if not 1 <= d <= 31:
        return None
    start = m.start()
    if ctx.dct is None:
        return Resolved("", "", start=start, shift=("day of month", d), anaphoric=True)
    day = cal.pick_month_day(ctx.dct, d, _direction(m, ctx))
    if day is None:
        return None
    return Resolved(day.isoformat(), "day", anchored=True, start=start,
                    shift=("day of month", d), anaphoric=True)


def h_mid_period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"mid-year", "by midmonth", "mid-week": the middle of the reference date's period (the
    one before with a past tense when the reference date is before its middle)."""
    lx = lexicon()
    if ctx.dct is None:
        return Resolved("", "", modifier="MID")
    unit = key(m["u"])
    d = ctx.dct
    early = {"year": d.month <= 6, "month": d.day <= 15, "week": d.isoweekday() <= 3}[unit]
    back = -1 if early and _direction(m, ctx) in ("past", "certain past") else 0
    p = _period(ctx, unit, back, m, lx)
    return Resolved(p[0], p[1], anchored=True, modifier="MID") if p else None


def h_at_the_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"at the time": the date in focus at its own precision (time.py), else PAST_REF. Before
    a clause ("at the time he was ...", "at the time they were sent") the clause says when,
    not the date in focus: PAST_REF (FUTURE_REF in the future tense)."""
    if _CLAUSE_AFTER.match(ctx.text, m.end()):
        ref = "FUTURE_REF" if ctx.tense(m.start(), m.end()) in AHEAD else "PAST_REF"
        return Resolved(ref, "", anchored=ctx.dct is not None, start=m.start("t"))
    return Resolved("PAST_REF", "", anchored=ctx.dct is not None, shift=("same", 0),
                    anaphoric=True, start=m.start("t"))


_NOUN_AFTER = re.compile(r"[^\S\n]+[a-z]")


def h_year_rel(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"year-end" (TimeML: the last day of a year), "the end of the year", "the fiscal year",
    "the latest fiscal year" (the last one completed), "year-earlier"."""
    w = key(m["w"])
    det = key(m["det"]) if m["det"] else _word_before(ctx.text, m.start())
    if "fiscal" in w and det in ("a", "an"):
        return None  # "changed from a fiscal year to a calendar year": a kind of year
    if ctx.dct is None:
        return Resolved("", "")
    if w in ("year-end", "year end", "year's end", "year’s end"):
        # the one ahead; with a past tense ("since year-end", "debt at year-end was") the one
        # behind, unless the publication is that day
        year = ctx.dct.year
        in_december_before_a_noun = (ctx.dct.month == 12 and _NOUN_AFTER.match(ctx.text, m.end())
                                     and _word_before(ctx.text, m.start("w")) not in lexicon().year_end_prepositions)
        if (_direction(m, ctx) in ("past", "certain past") and (ctx.dct.month, ctx.dct.day) != (12, 31)
                and not in_december_before_a_noun):
            year -= 1  # not "a year-end budget deal" passed in December: this year's
        return Resolved(f"{year:04d}-12-31", "day", anchored=True)
    if "end" in w:
        year = ctx.dct.year + _edge_shift(m, ctx, "year", "end of")
        return Resolved(f"{year:04d}", "year", anchored=True, modifier="LATE")
    if m["done"]:
        return Resolved(f"{ctx.dct.year - 1:04d}", "year", anchored=True)
    if "fiscal" in w or "current" in w:
        return Resolved(f"{ctx.dct.year:04d}", "year", anchored=True)
    if w.startswith("full"):
        if not m["det"] or key(m["det"]) != "the":
            return None  # "a full year": a duration
        # "sales for the full year": the year under report, the publication's; early in a
        # year, told in the past, the year just ended ("for the full year, profit rose")
        back = ctx.dct.month <= 3 and _direction(m, ctx) in ("past", "certain past")
        return Resolved(f"{ctx.dct.year - back:04d}", "year", anchored=True)
    return Resolved(f"{ctx.dct.year - 1:04d}", "year", anchored=True, year_ago=True)


# ---------------------------------------------------------------------------- references

# a clause's subject right after "at the moment": a personal pronoun or a name (not a
# determiner: "is at the moment the largest bank")
_CLAUSE_AFTER = re.compile(r"[^\S\n]+(?:(?:he|she|they|it|we|I|you)\b|[A-Z][a-z])")
_COUNT_BEFORE = re.compile(r"([\w,]+)[^\S\n]+$")


def h_reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    ref = lx.references.get(key(m["ref"]))
    if ref is None:
        return None
    if (key(m["ref"]) in ("at the moment", "at this time") and _CLAUSE_AFTER.match(ctx.text, m.end())
            and ctx.tense(m.start(), m.end()) in ("past", "certain past")):
        return None  # "At the moment Christie learned he had been bumped": when, not now
    first = key(m["ref"]).split()[0]
    if lx.unit_forms.get(first, first) != first:  # a plural unit: "weeks ahead", "years ago"
        prev = _COUNT_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start())
        if prev and (prev.group(1).replace(",", "").isdigit()
                     or prev.group(1).lower() in lx.numbers or prev.group(1).lower() in lx.vague):
            return None  # "three weeks ahead of the primary": a count, the duration rule's
    kind = "TIME" if key(m["ref"]) in lx.clock_references else "DATE"
    return Resolved(ref, "", kind, anchored=ctx.dct is not None)


# ---------------------------------------------------------------------------- durations, sets

_AGE = re.compile(r"(?:-|[^\S\n]+)old\b", re.I)


def h_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    unit = lx.unit(m["u"])
    if unit is None:
        return None
    if _AGE.match(ctx.text, m.end()):
        return None  # an age ("a 6-year-old boy", "64 years old"), not a time
    if _capitalised(_orig(m, ctx, "u")) and not _orig(m, ctx, "u").isupper():
        return None  # part of a name: "the Six-Day War", "the Hundred Years' War"
    n, vague = _unit_number(m, lx)
    nkey = key(m["n"])
    if nkey in ("a", "an") and unit in ("second", "minute") and not m["half2"]:
        return None  # "a second term"
    if unit == "quarter" and (nkey in ("a", "an") or m["u"].lower().endswith("s") and "-" in m.group(0)):
        return None  # "a quarter of", "three-quarters": fractions
    if nkey in ("a", "an", "one") and not m["pre"] and not m["approx"]:
        # "$5 a year", "once a day": a frequency, not a duration
        before = ctx.text[max(0, m.start() - 12):m.start()]
        # (no comma between: "published in 1960, a year after the revolution" is a duration)
        if re.search(r"(\d|%|\bonce|\btwice|\btimes)[^\S\n]*$", before, re.I) and nkey in ("a", "an"):
            return Resolved(duration_value(1, unit, lx), "set", "SET")
    if not vague and n is None:
        return None
    if m["half"] or m["half2"]:
        if vague or n is None:
            return None
        n += 0.5
    value = duration_value(None if vague else n, unit, lx,
                           halves=bool(m["half"] or m["half2"]) or n == 0.5)  # "half a day": PT12H
    mod = _approx(m["approx"], lx)
    start = m.start()
    pre = key(m["pre"]) if m["pre"] else ""
    before_last = _word_before(ctx.text, m.start())
    if pre == "last" and (before_last in lx.verb_last_after
                          or before_last.endswith(("n't", "n’t"))):
        # "the works will last 120 hours": the verb, not "the last 120 hours"
        start, pre = m.start("n") if not m["approx"] else m.start("approx"), ""
    if pre in ("for", "in", "over", "within"):
        start = m.start("n") if not m["approx"] else m.start("approx")
    elif pre.split(" ")[0] in ("for", "in", "over", "within", "during"):
        start = m.start("pre") + m["pre"].lower().index("the")
    if vague and not m["approx"] and lx.past_words & set((pre + " " + key(m["n"])).split()):
        # "the past several quarters", "in the last few months": TimeML's PAST_REF (a count
        # ahead stays a duration: "the next few days" is PXD)
        return Resolved("PAST_REF", "", anchored=ctx.dct is not None, start=start)
    return Resolved(value, "duration", "DURATION", modifier=mod, start=start)


def h_bare_units(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"for years", "over the years", "in the first hours", "decades-long": an unknown count of
    the unit (PXY). The preposition is left out of the span."""
    lx = lexicon()
    u = m["u"] or m["u2"]
    unit = lx.unit(u)
    if unit is None:
        return None
    if m["u"]:
        inner = m.group(0)
        the = inner.lower().find("the")
        start = m.start() + the if the >= 0 else m.start("u")
    else:
        start = m.start()
    shift = None
    if m["u"] and unit in ("day", "week") and not re.search(r"\b(?:early|first|last|past)\b", key(m.group(0))) \
            and _around_after(lx.re_around).match(ctx.text, m.end()):
        # "in the days before the June 7 primary", "in the weeks after the shooting": TimeBank
        # writes the month of the day they lead to or follow (time.py), a DATE. Not "in the
        # days since": a stretch up to now
        shift = ("around", 0)
    return Resolved(duration_value(None, unit, lx), "duration", "DURATION", start=start, shift=shift)


@functools.lru_cache(maxsize=1)
def _around_after(words: str) -> re.Pattern[str]:
    """time.yaml ``around_words`` after "the days"/"the weeks" (maybe "and weeks")."""
    return re.compile(r"[^\S\n]+(?:and[^\S\n]+(?:weeks|days)[^\S\n]+)?" + words + r"\b", re.I)


def h_weekday_parts(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"Tuesday nights", "on Monday and Friday evenings": that part of every such weekday
    (TimeML: XXXX-WXX-2TNI); the first weekday of a pair is a set of its own, spanning the
    weekday alone."""
    lx = lexicon()
    code = lx.parts_of_day.get(key(m["pp"])[:-1])
    first = bool(m["wd1"])
    word = _orig(m, ctx, "wd1" if first else "wd2")
    wd = lx.weekday(word)
    if code is None or wd is None or not _capitalised(word):
        return None
    r = Resolved(f"XXXX-WXX-{wd}T{code}", "set", "SET")
    if first:
        r.start, r.end = m.start("wd1"), m.end("wd1")
    return r


def _capital_inside(m: re.Match[str], ctx: Context) -> bool:
    """Is the frequency word capitalised with a word before it on its line ("China Daily
    said", "People's Daily")? Then it is part of a name (a sentence's first word is not, nor
    a word of a line written all in capitals)."""
    word = _orig(m, ctx, "adv")
    if not word[:1].isupper() or word.isupper():
        return False
    before = ctx.text[max(0, m.start("adv") - 40):m.start("adv")]
    return bool(re.search(r"[\w'’][^\S\n]+$", before))


def h_set(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    if m["adv"]:
        if _in_title_name(ctx.text, m.start("adv"), m.end("adv")) or _capital_inside(m, ctx):
            return None  # "the New York Daily News", "the Weekly Standard", "China Daily"
        return Resolved(lx.sets[key(m["adv"])], "set", "SET")
    if m["wds"]:
        wd = lx.weekday(key(m["wds"])[:-1])
        return Resolved(f"XXXX-WXX-{wd}", "set", "SET") if wd else None
    u = _orig(m, ctx, "u")
    if lx.weekday(u) and _capitalised(u):
        return Resolved(f"XXXX-WXX-{lx.weekday(u)}", "set", "SET")
    if key(u) in lx.seasons:
        return Resolved(f"XXXX-{lx.seasons[key(u)]}", "set", "SET")
    if key(u) in lx.parts_of_day:
        return Resolved(f"TXX{lx.parts_of_day[key(u)]}", "set", "SET")
    if lx.month(u) and _capitalised(u):
        return Resolved(f"XXXX-{lx.month(u):02d}", "set", "SET")
    unit = lx.unit(u)
    if unit is None:
        return None
    n = lx.number(m["n"]) if m["n"] else 1
    return Resolved(duration_value(n, unit, lx), "set", "SET")


def h_set_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"every Christmas", "each New Year's Eve": that day of every year (SET XXXX-12-25)."""
    fixed = lexicon().holidays_fixed.get(key(m["hol"]).replace("’", "'"))
    if fixed is None or not _capitalised(_orig(m, ctx, "hol")):
        return None
    return Resolved(f"XXXX-{fixed}", "set", "SET")


# ---------------------------------------------------------------------------- times of day

_RESTATED_CLOCK = re.compile(r"(?:[ap]\.?m\.?|time|\d)[^\S\n]*\([^\S\n]*$", re.I)


def h_clock(m: re.Match[str], ctx: Context) -> Resolved | None:
    if m["h4"]:  # "0600 GMT": wire copy's 24-hour clock
        if _RESTATED_CLOCK.search(ctx.text, max(0, m.start() - 30), m.start()):
            return None  # "at 10:35 a.m. (0735 GMT)": the same time restated (TimeBank tags
            # the first only)
        hh, mm = int(m["h4"]), int(m["mi4"])
    elif m["named"]:
        hh, mm = {"noon": (12, 0), "midnight": (0, 0), "midday": (12, 0)}[key(m["named"])]
    elif m["h2"]:  # "4 in the morning", "9:30 in the evening"
        hh, mm = int(m["h2"]), int(m["mi2"] or 0)
        if hh > 12:
            return None
        if key(m["dp"]) in ("afternoon", "evening", "night") and hh < 12:
            hh = hh + 12 if not (key(m["dp"]) == "night" and hh < 5) else hh
        elif hh == 12:
            hh = 0
    else:
        hh = int(m["h"]) if m["h"].isdigit() else int(lexicon().numbers[key(m["h"])])
        mm = int(m["mi"] or 0)
        ap = (m["ap"] or "").lower().replace(".", "")
        if ap == "pm" and hh < 12:
            hh += 12
        elif ap == "am" and hh == 12:
            hh = 0
        # "10:30 this morning", "4:00 local time", "at 9:30 ET", "until 10:45": minutes after a
        # preposition of the clock name a clock time (not "John 3:16", "a 2:08 marathon")
        timed = (m["mi"] is not None and (m["dayafter"] is not None or m["bare"] is not None)
                 and _word_before(ctx.text, m.start()) in lexicon().clock_prepositions)
        if hh > 23 or (not ap and not m["tz"] and not m["oclock"] and not timed):
            return None
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    tz = m["tz"] or m["tz4"]
    zone = "Z" if tz and key(tz) in ("utc", "gmt", "z") else ""  # ISO 8601: UTC is Z
    return Resolved(f"{day}T{hh:02d}:{mm:02d}{zone}", "time" if ctx.dct else "", "TIME",
                    anchored=ctx.dct is not None)


_NEXT_WORD = re.compile(r"[^\S\n]+([a-z]+)\b")


def daypart_noun_after(text: str, end: int) -> bool:
    """Is a part of the day ending at ``end`` the modifier of a noun ("the morning session")?"""
    nxt = _NEXT_WORD.match(text, end)
    return nxt is not None and nxt.group(1) in lexicon().daypart_nouns


_DAYPART_BEFORE = ("in", "at", "by", "during", "until", "till", "since", "through", "from",
                   "throughout", "before", "after")


def h_daypart(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in the morning", "by mid-afternoon": that part of the day in focus (the publication
    date here; a day named in the same sentence takes over, see time.py). Only after a
    preposition: "morning newspapers", "the evening news" are no time."""
    start = m.start("pmod") if m["pmod"] else m.start()
    if _word_before(ctx.text, start) not in _DAYPART_BEFORE or daypart_noun_after(ctx.text, m.end()):
        return None
    code = lexicon().parts_of_day[key(m["part"])]
    if ctx.dct is None:
        return Resolved(f"XXXX-XX-XXT{code}", "", "TIME")
    return Resolved(f"{ctx.dct.isoformat()}T{code}", "time", "TIME", anchored=True,
                    modifier=_mod(m["pmod"], lexicon()))


# ---------------------------------------------------------------------------- holidays

_NAME_GOES_ON = re.compile(r"[^\S\n]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|"
                           r"Wed|Thu|Fri|Sat|Sun|In|On|At|The)\b)[A-Z][a-z]")


# a capitalised word right before, itself after a lower-case word (not a sentence start)
_NAME_BEFORE = re.compile(r"[a-z,][^\S\n]+[A-Z][a-z]+[^\S\n]+$")


_WORD_BEFORE = re.compile(r"([\w.'’]+)[^\S\n]+$")


def _another_nations(text: str, start: int) -> bool:
    """Is the holiday at ``start`` preceded by a capitalised word (a nation's name or
    adjective) other than the default nation's ("India's Independence Day")?"""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    word = m.group(1).replace("’", "'")
    if not word[:1].isupper() or word.lower() in lexicon().holiday_nation_words:
        return False
    before = text[max(0, m.start() - 3):m.start()].rstrip(" \t")
    sentence_start = not before or before[-1] in ".!?\n\"“'"
    return word.endswith("'s") or not sentence_start  # "On Independence Day": a sentence's start


_HOLIDAY_NOUN_AFTER = re.compile(r"[^\S\n]+([A-Za-z]+)")


def h_holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    lx = lexicon()
    name = key(m["hol"])
    if not _capitalised(_orig(m, ctx, "hol")):
        return None
    if _NAME_GOES_ON.match(ctx.text, m.end()):
        return None  # part of a name: "the Good Friday Agreement"
    after = _HOLIDAY_NOUN_AFTER.match(ctx.text, m.end())
    if after and not m["wk"] and after.group(1).lower() in lx.holiday_thing_nouns:
        return None  # "Christmas trees", "Halloween masks": things, no day
    if name in lx.holidays_of_a_nation and _another_nations(ctx.text, m.start("hol")):
        return Resolved("", "")  # "India's Independence Day": not the date of the lexicon
    if m["wk"] and key(m["wk"]).endswith("weekend"):
        name = lx.long_weekend_names.get(name, name)  # "the long Labour Day weekend"
    fixed = lx.holidays_fixed.get(name)
    computed = lx.holidays_computed.get(name)
    shift = lx.shifts.get(key(m["shift"])) if m["shift"] else None

    def make(y: int) -> Date | None:
        if fixed:
            return cal.safe_date(y, int(fixed[:2]), int(fixed[3:]))
        every, phase = cal.HOLIDAY_EVERY.get(computed or "", (1, 0))
        if y % every != phase and not (m["y"] or m["ypre"]):
            return None  # not held that year (a year written with it is taken as given)
        fn = cal.HOLIDAYS.get(computed or "")
        return fn(y) if fn else None

    def value(d: Date | None, anchored: bool) -> Resolved | None:
        if d is None:
            return None
        if m["wk"] and key(m["wk"]).endswith("weekend"):
            # "the Labor Day weekend": the weekend nearest the day (before a Monday, Tuesday
            # or Wednesday holiday, after a Thursday or Friday one)
            shift = {1: -2, 2: -3, 3: -4, 4: 2, 5: 1, 6: 0, 7: 0}[d.isoweekday()]
            return Resolved(cal.fmt_week(cal.add_days(d, shift)) + "-WE", "week", anchored=anchored)
        if m["wk"]:  # "Easter week", "Christmas week": the (ISO) week of that day
            return Resolved(cal.fmt_week(d), "week", anchored=anchored)
        return Resolved(d.isoformat(), "day", anchored=anchored)

    if m["y"] or m["ypre"]:  # "Election Day 2015", "the 1988 Super Tuesday"
        return value(make(int(m["y"] or m["ypre"])), False)
    if ctx.dct is None:
        return Resolved(f"XXXX-{fixed}" if fixed else "", "")
    if m["yshift"]:  # "Christmas last year", "Passover next year"
        return value(make(ctx.dct.year + lx.shifts[key(m["yshift"])]), True)
    direction = ("past" if shift is not None and shift < 0 else
                 "future" if shift is not None and shift > 0 else _direction(m, ctx, timetable=True))
    year = cal.pick_year(ctx.dct, make, direction)
    return value(make(year) if year is not None else None, True)


# ---------------------------------------------------------------------------- the rule table

def _rules() -> list[Rule]:
    lx = lexicon()
    # word edges that also work after "Jan."; a possessive "'s" may follow
    # (after a word's edge, or an opening quotation mark of one or two marks: "''Thirty years
    # ago", "'Eight years'")
    B = r"(?:(?<![\w'‘’])|(?<=(?<![\w'‘’])['‘’]['’])|(?<=(?<![\w'‘’.,])['‘]))"
    E = r"(?![\w]|['’][a-rt-z])"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    spoken_lo = rf"(?:(?:{tens})(?:-(?:{ones}))?|{teens})"
    # a year said as words after "of" ("the winter of nineteen ninety-four"): see spoken_year()
    spoken = rf"(?P<shi>nineteen|eighteen|twenty)<S>(?P<slo>{spoken_lo})"
    # a day of a month said as a word ("March eighth", in broadcast transcripts)
    ordinal_words = "|".join(sorted((re.escape(w) for w, n in lx.ordinals.items()
                                     if 1 <= n <= 31 and (w.isalpha() or "-" in w)), key=len, reverse=True))
    # an hour said as a word ("three o'clock", "eleven p.m.", in transcripts)
    hour_words = "|".join(sorted((w for w, n in lx.numbers.items() if 1 <= n <= 12 and w.isalpha()),
                                 key=len, reverse=True))
    weekday_plural = "|".join(n + "s" for n in lx.full_weekday_names)
    seasons_plural = "|".join(n + "s" for n in lx.seasons)  # "two summers ago"
    zones = "|".join(lx.clock_zones)  # "10:45 Eastern (Standard) time"
    def names_alt(names: list[str]) -> str:  # holiday names, longest first, any apostrophe
        return "(?:" + "|".join(re.escape(h).replace(r"\ ", S).replace("'", "['’]")
                                for h in sorted(names, key=len, reverse=True)) + ")"

    hol_alt = names_alt(list(lx.holidays_fixed) + list(lx.holidays_computed))
    fixed_alt = names_alt(list(lx.holidays_fixed))
    table: list[tuple[str, str, Handler]] = [
        ("iso", r"(?<![\w/.-])(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                r"(?:t(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:z|[+-]\d\d:?\d\d)?)?"
                r"(?![\w/-])", h_iso),
        ("slash", r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/-])", h_slash),
        ("named_slash", r"(?<![\w/.])(?:" + "|".join(re.escape(f) for f in lx.named_day_slash)
         + r")(?![\w/]|[.,]\d)", h_named_slash),
        ("mdy", B + r"(?:(?P<wd><WEEKDAY>),?<S>)?<PMOD>(?:(?P<shift>last|next|this<S>past|"
                r"this<S>coming)<S>)?(?P<mon><MONTH>)<S>(?:(?:the<S>(?=[0-3]?\d(?:st|nd|rd|th)))?(?P<d>[0-3]?\d)"
                r"(?:st|nd|rd|th)?(?![\d,.]\d)|(?P<dw>" + ordinal_words + r"))(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d)|"
                r",?<S>(?:of<S>)?(?P<yshift>next|last|this)<S>year(?![\w-]))?" + E, h_mdy),
        ("second_day", B + r"(?P<mon><MONTH>)<S>(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:<S>(?:and|or|&)<S>|"
                       r"(?P<range><S>(?:to|through|thru|until|till)<S>|(?:<S>)?[-–](?:<S>)?))"
                       r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,.]\d)(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?"
                       + E, h_second_day),
        ("first_day", B + r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:<S>(?:and|or|&)<S>|(?P<range><S>(?:to|until|till)"
                      r"<S>|(?:<S>)?[-–](?:<S>)?))(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?<S>(?:of<S>)?(?P<mon><MONTH>)"
                      r"(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?" + E, h_first_day),
        ("short_year", B + r"(?:in|since|of|until|till|by|from|to|before|after|early|late|mid)<S>"
                       r"(?P<ap>['‘’])(?P<yy>\d\d)(?![\w'’%-]|[.,]\d)", h_short_year),
        ("part_of_month", B + r"the<S>(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)<S>"
                          r"(?P<unit>day|week)<S>(?:of|in)<S>(?P<mon><MONTH>)(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?"
                          + E, h_part_of_month),
        ("dmy_words", B + r"the<S>(?P<dw>" + ordinal_words + r")<S>of<S>(?P<mon><MONTH>)"
                      r"(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?" + E, h_dmy_words),
        ("dmy", B + r"(?:(?P<wd><WEEKDAY>),?<S>)?(?:the<S>)?(?P<d>[0-3]?\d)(?P<ord>st|nd|rd|th)?<S>"
                r"(?P<of>of<S>)?(?P<mon><MONTH>)(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?" + E, h_dmy),
        ("month_year", B + r"<PMOD>(?P<mon><MONTH>),?<S>(?:of<S>)?(?:(?P<y>1\d{3}|20\d\d)(?![\d])|"
                       r"(?P<yshift>this|last|next)<S>year|" + spoken + ")" + E, h_month_year),
        ("month", B + r"<PMOD>(?P<mon><MONTH>)" + E, h_month),
        ("year", r"(?<![\w$£€#.,/'’-])<PMOD>(?:(?P<fy>fiscal(?:<S>year)?|fy|the<S>year|calendar"
                 r"(?:<S>year)?|model<S>year)(?:<S>)?)?(?P<y>1\d{3}|20\d\d|21\d\d)"
                 r"(?![\w%/'’-]|[.,]\d|<S>(?:gmt|utc|hours|hrs|local))", h_year),
        ("decade", B + r"(?P<the>the<S>)?(?:(?P<pmod>early|mid|late)(?:<S>|-))?"
                   r"(?:(?P<dec>1\d\d0|20\d0)['’]?s|['‘’](?P<dec2>\d0)['’]?s|(?P<decw><DECW>)|"
                   r"(?P<dec3>\d0)s)" + E,
         h_decade),
        ("century", B + r"(?:the<S>)?(?:(?P<pmod>early|mid|late)(?:<S>|-))?(?P<n><ORD>)[-\s]"
                    r"centur(?:y|ies)" + E, h_century),
        ("spoken_year", B + r"(?:the<S>year<S>)?(?:(?P<hi>nineteen|eighteen|twenty)<S>(?P<lo>"
                        + spoken_lo + r")|(?P<thousand>two<S>thousand)(?:<S>(?:and<S>)?(?P<rest>"
                        + spoken_lo + "|" + ones + r"))?)" + E, h_spoken_year),
        # before "weekday": the first of "Monday and Tuesday nights" is a set, not a date
        ("weekday_parts_first", B + r"(?P<wd1><WEEKDAY>)<S>(?:and|or)<S>(?P<wd2><WEEKDAY>)<S>"
                                r"(?P<pp>mornings|afternoons|evenings|nights)" + E, h_weekday_parts),
        ("weekday", B + r"(?:(?P<pmod>early|late|earlier|later)<S>)?(?:(?P<shift>last|next|this<S>past|"
                    r"this<S>coming|this|coming|past|previous|following)<S>)?(?P<wd><WEEKDAY>)"
                    r"(?:<S>(?P<part>morning|afternoon|evening|night))?" + E, h_weekday),
        ("relday", B + r"(?:(?P<pmod>early|late|earlier|later)<S>)?(?P<rel>today|yesterday|tomorrow|"
                   r"the<S>day<S>before<S>yesterday|the<S>day<S>after<S>tomorrow)"
                   r"(?:<S>(?P<part>morning|afternoon|evening|night))?" + E, h_relday),
        ("reltime", B + r"(?P<rel>" + "|".join(re.escape(k).replace(r"\ ", S)
                                                for k in sorted(lx.relative_times, key=len,
                                                                reverse=True)) + ")" + E, h_reltime),
        ("month_of_year_anaphor", B + r"(?:(?P<mon><MONTH>)|(?:the<S>)?(?P<season><SEASON>))<S>of<S>"
                                  r"(?P<det>that<S>same|the<S>same|that|the<S>following|the<S>next|"
                                  r"the<S>previous|the<S>preceding|the<S>prior)<S>year" + E,
         h_month_of_year_anaphor),
        ("week_of", B + r"the<S>week(?P<we>end)?<S>of<S>(?P<mon><MONTH>)<S>(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
                    r"(?:,?<S>(?P<y>1\d{3}|20\d\d))?" + E, h_week_of),
        ("named_anaphor", B + r"<PMOD>(?P<det>that|the<S>following|the<S>previous|the<S>preceding|"
                          r"the<S>prior)<S>(?:(?P<mon><MONTH>)|(?P<s><SEASON>))" + E + r"(?!<S>\d|['’]s)",
         h_named_anaphor),
        ("anaphora", B + r"(?:(?P<pmod>earlier|later|early|late|(?:the<S>)?(?:beginning|start|middle|"
                     r"end|close)<S>of)<S>(?:in<S>)?)?(?P<det>that<S>same|"
                     r"the<S>same|that|the<S>following|the<S>next|the<S>previous|the<S>preceding|"
                     r"the<S>prior|the)<S>(?P<u>day|weekend|week|month|year|decade|century|morning|afternoon|evening|"
                     r"night)" + E,
         h_anaphora),
        ("shift_unit", B + r"<PMOD>(?P<the>the<S>)?(?P<shift><SHIFT>)<S>(?P<u>week(?:end)?|month|year|"
                       r"quarter|decade|century|fiscal<S>year|<SEASON>|<MONTH>)" + E, h_shift_unit),
        ("season", B + r"<PMOD>(?:(?P<det>the|this|last|next|that)<S>)?(?P<s><SEASON>)"
                   r"(?:,?<S>(?:of<S>)?(?P<y>1\d{3}|20\d\d)|<S>of<S>" + spoken
                   + r"|<S>of<S>(?P<yshift>this|last|next)<S>year)?" + E, h_season),
        ("weekend", B + r"the<S>weekend" + E, h_weekend),
        ("seasons_ago", B + r"(?P<n><NUM>)<S>(?P<s>" + seasons_plural + r")<S>ago" + E,
         h_seasons_ago),
        ("ago", B + r"(?:(?P<approx><APPROX>)<S>)?(?P<n><NUM>|<VAGUE>)(?P<half><S>and<S>a<S>half)?"
                r"(?:<S>or<S>(?:so|two|three))?"
                r"[-\s](?P<u><UNIT>)(?P<half2><S>and<S>a<S>half)?(?:<S>or<S>so)?<S>"
                r"(?P<dir>ago|earlier|later|from<S>(?:now|today|tonight)|hence|back)"
                + E, h_ago),
        ("month_quarter", B + r"(?:the<S>)?(?P<m1><MONTH>)(?:(?:<S>)?[-–](?:<S>)?|<S>to<S>)(?P<m2><MONTH>)<S>"
                          r"(?:quarter|period)(?:<S>(?:of|in)<S>(?:fiscal<S>)?(?P<y>1\d{3}|20\d\d))?"
                          + E, h_month_quarter),
        ("quarter", B + r"(?:(?P<det>the|its|their|this|that|his|her)<S>)?(?:(?P<yrel>this|last|next)"
                    r"<S>year['’]s<S>|(?P<y1>(?:fiscal<S>)?(?:1\d{3}|20\d\d))(?:['’]s)?<S>)?"
                    r"(?P<adjs>(?:(?:latest|current|recent|previous|past|last|same|comparable|"
                    r"year-ago|year-earlier|year-before|prior-year|first|second|third|fourth|final|"
                    r"1st|2nd|3rd|4th|fiscal|just-ended|this|next|coming|calendar|flat)[-\s]+){0,3})"
                    r"quarter(?:<S>(?:of|in)<S>(?:(?:fiscal<S>)?(?P<y2>1\d{3}|20\d\d)|"
                    r"(?P<yrel2>this|last|next)<S>year))?(?P<qn>)" + E, h_quarter),
        ("year_back", B + r"(?:the<S>(?:" + lx.re_year_back_same + r"<S>(?P<u>" + lx.re_year_back_period
                      + r")(?:<S>of)?<S>" + lx.re_year_back_phrase + r"|(?:" + lx.re_year_back_same + r"<S>)?"
                      + lx.re_year_back_year + r"<S>(?P<u2>" + lx.re_year_back_period + r")|(?P<u3>"
                      + lx.re_year_back_period + r")<S>" + lx.re_year_back_phrase + r")|last<S>year['’]s<S>"
                      r"(?:" + lx.re_year_back_same + r"<S>)?(?P<u4>" + lx.re_year_back_period + r"))" + E,
         h_year_back),
        ("quarter_q", B + r"(?P<det>)(?P<adjs>)(?P<yrel>)(?P<yrel2>)(?P<y1>)q(?P<qn>[1-4])"
                      r"(?:<S>(?P<y2>1\d{3}|20\d\d))?" + E, h_quarter),
        ("half", B + r"(?:(?P<the>the)<S>)?(?P<h>first|second|1st|2nd|last|latter)[-\s]half(?:<S>of<S>"
                 r"(?:(?P<y>1\d{3}|20\d\d)|(?P<yrel>this|last|next)<S>year|(?P<theyear>the<S>year))|"
                 r"(?!<S>of\b|[-\w]))", h_half),
        # "H1 2013": a half-year as company reports write it (only with its year: not "H1N1")
        ("half_h", B + r"(?P<the>)h(?P<h>[12])<S>(?P<y>1\d{3}|20\d\d)(?P<yrel>)(?P<theyear>)" + E,
         h_half),
        # a range of years, "1981-1989", "the 2007-09 crisis": each year is a date
        ("year_range_from", r"(?<![\w$£€#.,/'’-])(?P<y>1\d{3}|20\d\d)(?=[-–](?P<y2>1\d{3}|20\d\d|\d\d)"
                            + _YEAR_RANGE_END + ")", h_year_range),
        ("year_range_to", r"(?<=\d{4}[-–])(?P<y2>1\d{3}|20\d\d|\d\d)" + _YEAR_RANGE_END, h_year_range),
        ("year_fiscal", B + r"the<S>(?P<y>1\d{3}|20\d\d)<S>fiscal<S>year" + E, h_year_fiscal),
        ("year_period", B + r"the<S>(?P<y>1\d{3}|20\d\d)<S>period" + E, h_year_period),
        ("year_ended", B + r"the<S>year(?=<S>end(?:ed|ing)<S>(?:<MONTH>|\d|yesterday|today))",
         h_year_ended),
        ("ordinal_day", B + r"the<S>(?P<n><ORD>)<S>(?:straight<S>|consecutive<S>)?day" + E, h_ordinal_day),
        ("at_the_time", B + r"at<S>(?P<t>the<S>time)(?!<S>of\b)" + E, h_at_the_time),
        ("day_of_month", B + r"the<S>(?P<d>[0-3]?\d)(?:st|nd|rd|th)" + E, h_day_of_month),
        ("mid_period", B + r"mid-?(?P<u>year|month|week)" + E, h_mid_period),
        ("year_rel", B + r"(?:(?P<det>the|a)<S>)?(?P<w>year-earlier|year-ago|year-end|year<S>end|year['’]s<S>end|"
                     r"the<S>end<S>of<S>the<S>year|(?:current|this)<S>fiscal<S>year|full<S>year|"
                     r"(?:(?P<done>" + lx.re_completed + r")<S>)?fiscal<S>year)"
                     r"(?:<S>(?:period|quarter))?" + E, h_year_rel),
        ("reference", B + r"(?P<ref>" + "|".join(
            re.escape(k).replace(r"\ ", S) for k in sorted(lx.references, key=len, reverse=True))
         + ")" + E, h_reference),
        ("duration", B + r"(?:(?P<pre>for|in|over|within|(?:the<S>)?(?:past|last|next|first|coming|"
                     r"following|previous|final|latest|remaining|initial)|(?:over|in|for|within|during)"
                     r"<S>the<S>(?:past|last|next|first|coming|following))<S>)?(?:(?P<approx><APPROX>)<S>)?"
                     r"(?<!/)(?P<n><NUM>|<VAGUE>)(?P<half><S>and<S>a<S>half|<S>1/2|(?:<S>)?½)?"
                     r"(?:<S>(?:more|full|straight|consecutive|long|additional|further|trading|business|working))?"
                     r"[-\s](?P<u><UNIT>)(?P<half2><S>and<S>a<S>half)?"
                     + E, h_duration),
        ("bare_units", B + r"(?:(?:for|in|over|within|during|throughout|after)<S>(?:the<S>)?"
                       r"(?:(?:early|first|last|past)<S>)?(?P<u>years|decades|months|weeks|days|"
                       r"hours|centuries)|(?P<u2>years|decades|months|weeks|days|hours)-long)" + E,
         h_bare_units),
        ("weekday_parts", B + r"(?P<wd1>)(?P<wd2><WEEKDAY>)<S>(?P<pp>mornings|afternoons|evenings|"
                          r"nights)" + E, h_weekday_parts),
        ("set", B + r"(?:(?P<adv>" + "|".join(sorted(lx.sets, key=len, reverse=True)) + ")|"
                r"(?:every|each|per)<S>(?:(?P<n><NUM>)<S>)?(?P<u><UNIT>|<WEEKDAY>|"
                r"<SEASON>|<PART>|<MONTH>)|(?:on<S>)?(?P<wds>" + weekday_plural + r"))" + E, h_set),
        ("set_holiday", B + r"(?:every|each)<S>(?P<hol>" + fixed_alt + r")" + E, h_set_holiday),
        ("clock", B + r"(?:(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)<S>(?P<tz4>gmt|utc|z\b)|"
                  r"(?P<h>[01]?\d|2[0-3]|" + hour_words + r")(?:[:.](?P<mi>[0-5]\d))?(?:(?:<S>)?(?P<ap>a\.m\.?|p\.m\.?|am|pm)"
                  r"(?![\w])|(?P<oclock><S>o['’]clock)|(?=<S>(?:[ecmp][sd]t|gmt|utc)\b)|"
                  r"(?P<dayafter>(?=<S>(?:this<S>(?:morning|afternoon|evening)|tonight|local<S>time|"
                  r"(?:" + zones + r")(?:<S>(?:standard<S>|daylight<S>)?time)?|"
                  r"[ecmp]t)\b))|"
                  r"(?P<bare>(?<=:[0-5]\d)(?![:.]\d|<S>in<S>the<S>(?:morning|afternoon|evening|night))))"
                  r"(?:<S>(?P<tz>[ecmp][sd]t|gmt|utc|local<S>time|(?:" + zones + r")"
                  r"(?:<S>(?:standard<S>|daylight<S>)?time)?|[ecmp]t(?!\w)))?|(?P<named>noon|midnight|midday)|"
                  r"(?P<h2>[01]?\d)(?::(?P<mi2>[0-5]\d))?<S>in<S>the<S>(?P<dp>morning|afternoon|evening|night))"
                  + r"(?![\w])", h_clock),
        ("daypart", B + r"(?:(?P<pmod>early|late|mid)(?:<S>|-)?)?(?:the<S>)?(?P<part>morning|"
                    r"afternoon|evening)" + E, h_daypart),
        ("nth_weekday", B + r"(?:the<S>)?(?P<ord>first|second|third|fourth|last|1st|2nd|3rd|4th)<S>"
                        r"(?P<wd><WEEKDAY>)<S>(?:in|of)<S>(?P<mon><MONTH>)(?:,?<S>(?P<y>1\d{3}|20\d\d)(?!\d))?"
                        + E, h_nth_weekday),
        ("holiday", B + r"(?:(?P<shift>last|next|this)<S>|(?<=the\s)(?P<ypre>1\d{3}|20\d\d)<S>)?"
                    r"(?P<hol>" + hol_alt + r")"
                    r"(?P<wk><S>week(?:end)?(?!<S>of\b))?(?:,?<S>(?P<y>1\d{3}|20\d\d)|"
                    r"<S>(?P<yshift>last|this|next)<S>year(?![\w-]))?" + E, h_holiday),
    ]
    return [Rule(name, _compile(t, lx), h) for name, t, h in table]


def trigger_words() -> set[str]:
    """Words (or word beginnings: "centur") of which every temporal expression the rules
    know contains at least one (besides digits)."""
    lx = lexicon()
    words: set[str] = set()
    words.update(k.rstrip(".") for k in lx.months)
    words.update(lx.weekdays)
    words.update(lx.seasons)
    words.update(lx.parts_of_day)
    words.update(u for u in lx.units)
    words.update(("centur", "millenni", "weekend", "fiscal", "fy", "tonight", "noon", "midnight",
                  "midday", "half", "time", "midyear", "midmonth", "midweek", "o'clock", "o’clock",
                  "a.m", "p.m", "period"))
    words.update(w.split()[-1] for w in lx.relative_days)
    words.update(w.split()[-1] for w in lx.relative_times)
    words.update(w.split()[-1] for w in lx.references)
    words.update(lx.sets)
    # a holiday's last word (its others are prefix words: "Martin Luther King Jr. Day" is
    # found from "day"; a first word such as "new", "world" or "united" would make half the
    # text a place to try every rule)
    words.update(re.split(r"[\s']+", h)[-1] for h in list(lx.holidays_fixed) + list(lx.holidays_computed))
    words.update(lx.decade_words)
    words.update(("nineteen", "eighteen", "twenty", "thousand"))
    return {w for w in words if w}


def _trigger_regex() -> re.Pattern[str]:
    """The trigger words and digits: rules are tried only near them. Matched as word
    beginnings in the lower-cased text."""
    alt = "|".join(re.escape(w) for w in sorted(trigger_words(), key=len, reverse=True))
    return re.compile(r"\d|q(?=[1-4])|h(?=[12]\b)|" + alt)


_RULES: list[Rule] | None = None
_TRIGGER: re.Pattern[str] | None = None


_PREFIX: frozenset[str] | None = None

# words that may open a temporal expression before its trigger word, besides those of the
# vocabulary (shifts, modifiers, approximations, numbers, ordinals)
_OPENERS = ("the a an of in for over within during its their his her this that each every "
            "per fiscal calendar model year year's year’s and or so than least at up no more "
            "beginning start middle end close mid day before after as early late until by "
            "from to about some couple few several many half latest current recent previous "
            "past same comparable year-ago year-earlier year-before prior-year final just-ended "
            "additional further full straight consecutive long remaining initial following "
            "coming flat trading business working").split()


def prefix_words() -> frozenset[str]:
    """Words that can precede the trigger word inside a temporal expression."""
    global _PREFIX
    if _PREFIX is None:
        lx = lexicon()
        words: set[str] = set(_OPENERS)
        for group in (lx.shifts, lx.part_modifiers, lx.approximations, lx.numbers, lx.ordinals,
                      lx.completed, lx.year_back_same, lx.year_back_year, lx.year_back_periods):
            for phrase in group:
                words.update(phrase.split())
        for phrases in (lx.vague, lx.references, lx.relative_days, lx.relative_times,
                        lx.holidays_fixed, lx.holidays_computed):
            for phrase in phrases:
                words.update(phrase.split())
                words.update(w.strip(",'") for w in phrase.split())  # "workers'", "king,"
        # spelled compounds are one word: "thirty-seven years"
        tens = [w for w, v in lx.numbers.items() if 20 <= v < 100 and v % 10 == 0]
        # (the digit words "one" to "nine", not "a"/"an" or "half a")
        ones = [w for w, v in lx.numbers.items() if 1 <= v < 10 and " " not in w and len(w) > 2]
        words.update(f"{t}-{o}" for t in tens for o in ones)
        words.update(lx.weekdays)
        words.update(k.rstrip(".") for k in lx.months)
        words.update(k + "." for k in lx.months)
        _PREFIX = frozenset(words)
    return _PREFIX


def trigger_regex() -> re.Pattern[str]:
    global _TRIGGER
    if _TRIGGER is None:
        _TRIGGER = _trigger_regex()
    return _TRIGGER


def rules() -> list[Rule]:
    """The compiled rules (built once per process)."""
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    return _RULES
