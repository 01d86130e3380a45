"""Temporal expressions normalised TIMEX3-style (:class:`~foreigndesk.model.TimeValue`).

Candidates come from the rules of :mod:`foreigndesk.extract.time_rules` (precompiled
regular expressions built from the vocabulary in ``data/en/time.yaml``), each normalising its
match, over the document text. The tagger needs no named entities: spaCy's DATE / TIME
entities, once used to confirm doubtful matches (a bare "May", an odd year) and to add
expressions without a value, cost the NER pass and scored no better on any dev set (see
eval/README.md); a doubtful match now needs its context (a time preposition) instead.

Overlaps are settled longest first; a clock time next to a day ("9 a.m. Tuesday") merges
into one TIME value, and one elsewhere in the sentence of a day ("the flight Tuesday at 18:00
UTC") takes that day; nothing inside a URL or an e-mail address counts.

Values: ``2022-11-25`` (day), ``2022-11`` (month), ``2022`` (year), ``198X`` (decade),
``19XX`` (century), ``2022-W47`` / ``2022-W47-WE`` (week / weekend), ``2022-Q3`` (quarter),
``2022-H1`` (half), ``2022-SU`` (season), ``2022-11-25T09:00`` / ``2022-11-25TNI`` (time),
``P64Y`` / ``PT2H`` / ``PXY`` (durations), ``P1W`` / ``XXXX-WXX-5`` (sets),
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (general references, empty precision).
``modifier`` is EARLY / MID / LATE ("the late 1980s"), APPROX, LESS_THAN or MORE_THAN.

Relative expressions are resolved against the document's publication date
(``Document.published``, a full ``YYYY-MM-DD``) and marked ``anchored``. The rules for
weekdays, months, quarters and seasons without a year are in
:mod:`foreigndesk.extract.time_rules`; the tense they use is read from the tagger's tags
(:mod:`foreigndesk.extract.time_tense`). When the publication date is unknown, a relative
expression is still kept (so its span is known) with an underspecified value
(``XXXX-11-25``) or an empty one, and an empty precision: it never reaches the timeline.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from foreigndesk.extract import time_calendar as cal
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.time_dateline import dateline_date
from foreigndesk.extract.time_lexicon import lexicon
from foreigndesk.extract.time_ranges import closes_range, order_ranges
from foreigndesk.extract.time_rules import (
    Context,
    Resolved,
    Rule,
    offset_value,
    prefix_words,
    rules,
    shifted_value,
    trigger_regex,
)
from foreigndesk.extract.time_tense import tense_at
from foreigndesk.model import TimeValue

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+\.[\w.-]+", re.I)
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d\d)")
_JOIN = re.compile(r"^(?:,?\s*(?:on|at)?\s*|\s*,\s*)$", re.I)


@dataclass
class Candidate:
    start: int
    end: int
    priority: int
    rule: str
    r: Resolved
    source: str = "rule"


def reference_date(published: str | None) -> cal.Date | None:
    """The publication date as a date when it is a full ``YYYY-MM-DD``, else None."""
    if not published or not _FULL_DATE.match(published):
        return None
    return cal.parse_date(published)


class TimeExtractor:
    name = "time"
    version = "1"
    needs = frozenset({"sentences"})  # tags: pd.tag(), near its expressions

    def __call__(self, pd: ParsedDoc) -> None:
        text = pd.document.text  # the Doc's text, without rebuilding it from tokens
        if not text:
            return
        dct = reference_date(pd.document.published)
        found = find(text, dct, pd.doc, pd)
        out = pd.extraction.times
        for c in found:
            out.append(TimeValue(
                pd.doc_id, pd.sentence_index(c.start), c.start, c.end, text[c.start:c.end],
                self.name, self.version, confidence=0.9 if c.source == "rule" else 0.6,
                value=c.r.value, precision=c.r.precision, type=c.r.type,
                anchored=c.r.anchored, modifier=c.r.modifier,
            ))


class _Untagged(Exception):
    """A rule asked for the tense of a sentence not tagged yet (see :func:`find`)."""

    def __init__(self, sentence: int) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def _make_tense(doc: Doc, pd: ParsedDoc | None, defer: bool = False
                ) -> Callable[[int, int], str | None]:
    """The ``tense(start, end)`` callback of the rules: the tense of the verb group nearest
    to the expression in its sentence. When the pass did not tag every token, an untagged
    sentence is tagged first, or, with ``defer``, reported by raising :class:`_Untagged`."""
    def tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        if pd is not None and pd.sents:
            k = pd.sentence_index(start)
            if not pd.is_tagged(k):
                if defer:
                    raise _Untagged(k)
                pd.tag([k])
            s = pd.sents[k]
            lo, hi = s.start, s.end
        else:
            lo, hi = 0, len(doc)
        return tense_at(doc, lo, hi, span.start, span.end)
    return tense


# ASCII upper -> lower keeps every offset (str.lower() may not: "İ" becomes two characters)
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CHUNK = re.compile(r"\S+")
_QUOTES_AND_MARKS = ",;:()\"'‘’“”`«»["
BACK_CHUNKS = 5  # a rule may start this many words before the trigger word it needs


def candidate_starts(low: str) -> list[int]:
    """Positions where a rule may begin: each trigger word (or digit), and the words just
    before it that can open a temporal expression ("over the past" 64 years, "the late"
    1980s). Rules are tried there only, so most of the text is scanned by two cheap
    regular expressions and nothing else."""
    trig = trigger_regex()
    prefix = prefix_words()
    chunk_starts: list[int] | None = None
    chunks: list[re.Match[str]] = []
    out: set[int] = set()
    prev_end = -1
    for m in trig.finditer(low):
        p = m.start()
        if p and low[p - 1].isalnum():
            continue  # inside a word
        if p < prev_end:
            continue
        prev_end = m.end()
        out.add(p)
        if p and low[p - 1] in "'’":
            out.add(p - 1)
        if chunk_starts is None:
            chunks = list(_CHUNK.finditer(low))
            chunk_starts = [c.start() for c in chunks]
        i = bisect.bisect_right(chunk_starts, p) - 1
        if i >= 0:
            out.add(chunk_starts[i])
        for j in range(i - 1, max(-1, i - 1 - BACK_CHUNKS), -1):
            c = chunks[j]
            if "\n" in low[c.end():chunk_starts[j + 1]]:
                break
            word = c.group(0).strip(_QUOTES_AND_MARKS)
            if (word not in prefix and not word[:1].isdigit()
                    and not ("-" in word and all(w in prefix for w in word.split("-")))):
                break  # ("mid-next" year: prefix words joined by a hyphen)
            out.add(c.start())
            lead = len(c.group(0)) - len(c.group(0).lstrip(_QUOTES_AND_MARKS))
            if lead:  # "''Thirty years ago": the word after an opening quote
                out.add(c.start() + lead)
    return sorted(out)


_TITLE_ENDS = re.compile(r"[.,]?(?:[\"”]|['’](?![a-z]))")  # not a possessive "Today’s"
_TITLE_GOES_ON = re.compile(r"[^\S\n]+[A-Z]")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Is the expression at ``[start, end)`` a title in quotation marks: every word
    capitalised, an opening quote right before, and a closing quote or another capitalised
    word right after (the show ''Today'', ABC's "This Week With George Stephanopoulos")?
    Quoted speech that opens with a time goes on in lower case ("''Today, you proved"), or
    with a name after one word ("Now Trump needs"). A title may also end with the
    expression, after capitalised words and a closing quote right after it ("Fox News
    Sunday,")."""
    opening = ('"', "“", "'", "‘", "`")
    words = text[start:end].split()
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if text[max(0, start - 1):start] not in opening:
        lead = _TITLE_LEAD.search(text, max(0, start - 40), start)
        return lead is not None and _TITLE_CLOSES.match(text, end) is not None
    return (_TITLE_ENDS.match(text, end) is not None
            or (len(words) > 1 and _TITLE_GOES_ON.match(text, end) is not None))


def _broadcast_title(text: str, start: int, end: int) -> bool:
    """Is the expression at ``[start, end)`` the capitalised name of a programme after its
    network's possessive ("ABC's This Week", "NBC's Today", "NBC's Saturday Night Live")?
    Not a date that modifies a noun ("the GOP's Tuesday vote", "the EU's March summit")."""
    words = text[start:end].split()
    return (bool(words) and all(w[:1].isupper() for w in words)
            and (len(words) > 1 or words[0] in lexicon().programme_words)
            and _NETWORK_BEFORE.search(text, max(0, start - 12), start) is not None)


# an acronym's possessive right before ("ABC's ", "CNN’s ")
_NETWORK_BEFORE = re.compile(r"\b[A-Z]{2,}['’]s[^\S\n]+$")
# an opening quote and capitalised words right before an expression ("“Fox News Sunday,”");
# a closing double quote right after it (maybe after a comma or full stop)
# a title's opening and closing marks: double quotes, or two apostrophes as some wires write
# them (''Fox News Sunday'')
_TITLE_LEAD = re.compile(r"(?:[\"“]|'')(?:[A-Z][\w'’.&-]*[^\S\n]+){1,4}$")
_TITLE_CLOSES = re.compile(r"[.,]?(?:[\"”]|'')")


class Spans:
    """Non-overlapping character spans kept sorted, with an overlap test by bisection (a
    long document may hold thousands of expressions)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans or []):
            if self.ends and a < self.ends[-1]:  # merge overlapping input into its union
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def hits(self, a: int, b: int) -> bool:
        """Does [a, b) overlap a span?"""
        i = bisect.bisect_left(self.starts, b) - 1  # the last span starting before b
        return i >= 0 and self.ends[i] > a

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def find(text: str, dct: cal.Date | None, doc: Doc, pd: ParsedDoc | None = None
         ) -> list[Candidate]:
    """Every temporal expression in ``text`` (the text of ``doc``), normalised. Relative
    expressions count from ``dct``, or from the date of the text's dateline when there is one
    close to it (:mod:`foreigndesk.extract.time_dateline`)."""
    dct = dateline_date(text, dct) or dct
    # When the pass did not tag every token, a rule that reads the tense of an untagged
    # sentence is put aside; those sentences are then tagged in one batch and the rules put
    # aside run again (rules are pure functions of the match and the context).
    defer = pd is not None and not pd.tagged
    ctx = Context(text, dct, _make_tense(doc, pd, defer=defer))
    low = text.translate(_LOWER)
    cands: list[Candidate] = []
    all_rules = rules()
    aside: list[tuple[int, Rule, re.Match[str]]] = []
    untagged: set[int] = set()
    for s in candidate_starts(low):
        for prio, rule in enumerate(all_rules):
            m = rule.regex.match(low, s)
            if m is None or m.end() == m.start():
                continue
            try:
                r = rule.handler(m, ctx)
            except _Untagged as e:
                aside.append((prio, rule, m))
                untagged.add(e.sentence)
                continue
            if r is None:
                continue
            start = m.start() if r.start is None else r.start
            end = m.end() if r.end is None else r.end
            cands.append(Candidate(start, end, prio, rule.name, r))
    if aside and pd is not None:
        pd.tag(untagged)
        ctx = Context(text, dct, _make_tense(doc, pd))
        for prio, rule, m in aside:
            r = rule.handler(m, ctx)
            if r is not None:
                start = m.start() if r.start is None else r.start
                end = m.end() if r.end is None else r.end
                cands.append(Candidate(start, end, prio, rule.name, r))
    if not cands:
        return []
    if "://" in text or "www." in low or "@" in text:
        blocked = Spans([m.span() for m in _URL.finditer(text)])
        cands = [c for c in cands if not blocked.hits(c.start, c.end)]
    cands = [c for c in cands if c.rule == "holiday" or not (
        _quoted_title(text, c.start, c.end) or _broadcast_title(text, c.start, c.end))]
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = Spans()
    chosen: list[Candidate] = []
    for c in cands:
        if not taken.hits(c.start, c.end):
            taken.add(c.start, c.end)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    chosen = _merge_clock(text, chosen)
    _clock_days(chosen, pd, text)  # before "the early hours of Friday" is a TIME: its day
    chosen = _part_of_day(text, chosen)
    _follow_quarters(chosen, pd, text)
    _follow_dates(chosen, pd, text, dct, _make_tense(doc, pd))
    _year_of_the_sentence(chosen, pd, text, _make_tense(doc, pd))
    order_ranges(chosen, text, dct)
    _one_day_per_weekday(chosen, text)
    return chosen


def _weekday_of(c: Candidate, text: str) -> int | None:
    """The ISO number of the weekday a weekday expression names ("late Monday night": 1)."""
    lx = lexicon()
    return next((d for w in text[c.start:c.end].split() if (d := lx.weekday(w)) is not None), None)


def _one_day_per_weekday(found: list[Candidate], text: str) -> None:
    """A weekday placed by a guess ("the impact of Monday's debate is still small": the
    nearer Monday) takes the day the same weekday has elsewhere in the text when every
    other mention placed by its tense agrees ("rose since Monday's debate"): a story speaks
    of one Monday."""
    placed: dict[int, set[str]] = {}
    for c in found:
        if c.rule == "weekday" and not c.r.tentative and _FULL_DATE.match(c.r.value):
            wd = _weekday_of(c, text)
            if wd is not None:
                placed.setdefault(wd, set()).add(c.r.value[:10])
    for c in found:
        if c.r.tentative:
            wd = _weekday_of(c, text)
            days = placed.get(wd, set()) if wd is not None else set()
            if len(days) == 1:
                day = next(iter(days))
                value = f"{day}T{c.r.part}" if c.r.part and c.r.type == "TIME" else day
                c.r = dataclasses.replace(c.r, value=value, tentative=False)


_CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}")
_PERIOD = re.compile(r"\d{4}(?:-\d\d){0,2}|\d{4}-(?:W\d\d|Q[1-4]|H[12])")


def _anchor(c: Candidate) -> tuple[cal.Date, str] | None:
    """The first day of the period a resolved date or time names, with its precision (day,
    week, month, quarter, year)."""
    if (c.r.shift is not None and not c.r.value) or c.r.year_ago:
        return None  # unresolved, or itself a comparison ("a year ago"), not the date in focus
    value, precision = c.r.value, c.r.precision
    if c.r.type == "TIME" and _CALENDAR.fullmatch(value[:10]):
        value, precision = value[:10], "day"
    elif c.r.type != "DATE" or precision not in ("day", "week", "month", "quarter", "year"):
        return None
    q = _QUARTER_VALUE.fullmatch(value)
    if q:
        return cal.Date(int(q.group(1)), 3 * int(q.group(2)) - 2, 1), "quarter"
    w = _WEEK_VALUE.fullmatch(value)
    if w:
        d = cal.week_start(int(w.group(1)), int(w.group(2)))
        return (d, "week") if d else None
    if not _CALENDAR.fullmatch(value):
        return None
    d = cal.parse_date(value)
    return (d, precision) if d else None


# how many sentences back the date in focus may be: "a month later" (two), "that day",
# "the following month" (four: a narrative names its date once and goes on about it)
SHIFT_REACH = 2
ANAPHORA_REACH = 4
# how many sentences back the quarter in focus of a year-ago comparison may be
QUARTER_REACH = 2


@functools.lru_cache(maxsize=1)
def _compared_day(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """ "Thursday's settlement price", "Friday's close" (time.yaml ``compared_day_nouns``): in
    a market report the day compared with, not the day the report is about."""
    return re.compile(r"\s?['’]s\s+(?:" + "|".join(re.escape(n) for n in nouns) + r")\b", re.I)


# "the lowest level since 1946", "for the first time since 2003": the year bounds a record
_RECORD_SINCE = re.compile(r"\b(?:\w+est|first\s+time|most|least)\b[^.;:]{0,45}?\bsince\s+$",
                           re.I)


def _told_past_of_a_later_day(value: str, dct: cal.Date | None, c: Candidate,
                              tense: Callable[[int, int], str | None]) -> bool:
    """Would the date in focus put an anaphor told in the past after the publication date
    ("Earlier in the day, Greenspan said ..." after a meeting of Sept. 24 named in a story of
    Aug. 30)? Then that date is not its focus."""
    first = cal.parse_date(value[:10]) if _CALENDAR.fullmatch(value[:10]) else None
    return (dct is not None and first is not None and first > dct
            and tense(c.start, c.end) in ("past", "certain past"))


def _follow_dates(found: list[Candidate], pd: ParsedDoc | None, text: str,
                  dct: cal.Date | None, tense: Callable[[int, int], str | None]) -> None:
    """"A month later", "two years earlier", "that day", "the next morning": counted from
    the date mentioned just before (:data:`SHIFT_REACH`, :data:`ANAPHORA_REACH` sentences
    back at most). Without one, "a month later" keeps its value from the publication date;
    "that day" stays unresolved. An anaphor told in the past (``tense``) is not put after
    the publication date ``dct``."""
    for i, c in enumerate(found):
        shift = c.r.shift
        if shift is None:
            continue
        if shift[0] == "day" and i + 1 < len(found) and _DAY_OF_NEXT.fullmatch(text, c.end, found[i + 1].start):
            nxt = _anchor(found[i + 1])  # "the day after Christmas": from the date named next
            if nxt is not None and nxt[1] == "day":
                c.r = Resolved(cal.add_days(nxt[0], shift[1]).isoformat(), "day", "DATE", anchored=False,
                               modifier=c.r.modifier, shift=c.r.shift, anaphoric=True)
                continue
        if shift == ("day", 0) and c.r.anaphoric and i + 1 < len(found) \
                and _DAY_IN_NEXT.fullmatch(text, c.end, found[i + 1].start):
            nxt = _anchor(found[i + 1])  # "until that day in April": a day of that month
            if nxt is not None and nxt[1] == "month":
                c.r = Resolved(found[i + 1].r.value, "month", "DATE", anchored=False,
                               modifier=c.r.modifier, shift=c.r.shift, anaphoric=True)
                continue
        sent = pd.sentence_index(c.start) if pd is not None else 0
        if shift[0] == "around":
            _around(found, i, pd, sent)
            continue
        for j in range(i - 1, -1, -1):
            prev = found[j]
            psent = pd.sentence_index(prev.start) if pd is not None else 0
            if sent - psent > (ANAPHORA_REACH if c.r.anaphoric else SHIFT_REACH):
                break
            if shift[0] == "same":  # "at the time": the date in focus as it is
                if prev.r.type == "DATE" and _PERIOD.fullmatch(prev.r.value) and prev.r.precision:
                    if _told_past_of_a_later_day(prev.r.value, dct, c, tense):
                        break
                    c.r = Resolved(prev.r.value, prev.r.precision, "DATE", anchored=False,
                                   shift=c.r.shift, anaphoric=True)
                    break
                continue
            if shift[0] == "named":  # "that fall", "the following January"
                v = _named_in_focus(prev, c.r, shift[1])
                if v is None or _RECORD_SINCE.search(text, max(0, prev.start - 60), prev.start):
                    continue
                if not _told_past_of_a_later_day(v[0], dct, c, tense):
                    c.r = Resolved(v[0], v[1], "DATE", anchored=False, modifier=c.r.modifier,
                                   shift=c.r.shift, anaphoric=True)
                break
            a = _anchor(prev)
            if a is None or _RECORD_SINCE.search(text, max(0, prev.start - 60), prev.start):
                continue  # "their lowest level since 1946": a record's bound, not the focus
            if c.rule == "year_back" and closes_range(found, j, text):
                break  # "From January to June ... the same period last year": last year
            if (shift == ("day", 0) and (a[1] == "year" or prev.r.noun_modifier) and psent < sent
                    and not text[c.start:c.end].lower().startswith(("that", "later that", "earlier that"))):
                break  # "a speech earlier in the day" sentences after "the 2011 raid": the
                # story's day, not a day of that year ("In 2008, in Denver, the day she ..." is)
                # nor of "the 9/11 plotter", "December cotton" (dates that modify a noun)
            if (shift == ("day", 0) and text[c.start:c.end].lower() == "the day"
                    and _compared_day(tuple(lexicon().compared_day_nouns)).match(text, prev.end)):
                break  # the report's own day: the publication date "the day" already has
            if shift[0] == "day of month":  # "on the 15th": of the month in focus
                if a[1] not in ("day", "month"):
                    continue
                y, mo = a[0].year, a[0].month
                if a[1] == "day" and shift[1] < a[0].day:  # "from March 20 to the 2nd"
                    y, mo = cal.add_months(y, mo, 1)
                day_of = cal.safe_date(y, mo, shift[1])
                if day_of is not None:
                    c.r = Resolved(day_of.isoformat(), "day", "DATE", anchored=False,
                                   shift=c.r.shift, anaphoric=True)
                break
            if shift[0] == "weekday":  # "the previous Friday": the one before the day in focus
                if a[1] != "day":
                    continue
                day = cal.weekday_near(a[0], abs(shift[1]), "past" if shift[1] < 0 else "future",
                                       strict=True)
                value, precision, typ = day.isoformat(), "day", "DATE"
                if c.r.part:
                    value, precision, typ = f"{value}T{c.r.part}", "time", "TIME"
                c.r = Resolved(value, precision, typ, anchored=False, modifier=c.r.modifier,
                               shift=c.r.shift, anaphoric=True, part=c.r.part)
                break
            if shift[0] in _CLOCK_SECONDS:  # "twenty minutes later", "two hours earlier"
                clock = _clock_offset(prev, a, shift[0], shift[1])
                if clock is not None:
                    c.r = Resolved(*clock, anchored=False, modifier=c.r.modifier,
                                   shift=c.r.shift, anaphoric=c.r.anaphoric)
                break
            # "that year", "a month later" name a period of their unit; "a year earlier"
            # (the comparison of company reports) is the date in focus a year before, at
            # that date's precision (TimeML: Sept. 30, 1989 -> 1988-09-30, 1989-Q3 -> 1988-Q3)
            unit, k = shift
            if unit == "year" and not c.r.anaphoric and c.r.modifier is None:
                v = shifted_value(a[0], unit, k, a[1])
            else:
                v = offset_value(a[0], unit, k, a[1])
            if v is None and c.r.anaphoric and k == 0 and a[1] in ("week", "month", "year"):
                # "that day" after "on a Friday in December 2010": of the period in focus,
                # known only to its precision (TimeML: 2010-12-XX)
                v = (prev.r.value, prev.r.precision) if _PERIOD.fullmatch(prev.r.value) else None
            if v is not None and c.r.month is not None:  # "April of that year"
                v = (f"{v[0][:4]}-{c.r.month:02d}", "month")
            if v is not None and c.r.season is not None:  # "the spring of that year"
                v = (f"{v[0][:4]}-{c.r.season}", "season")
            if v is not None and c.r.anaphoric and _told_past_of_a_later_day(v[0], dct, c, tense):
                break
            if v is not None:
                value, precision, typ = v[0], v[1], "DATE"
                if c.r.part and precision == "day":
                    value, precision, typ = f"{value}T{c.r.part}", "time", "TIME"
                c.r = Resolved(value, precision, typ, anchored=False, modifier=c.r.modifier,
                               shift=c.r.shift, anaphoric=c.r.anaphoric, part=c.r.part)
            break


_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")


def _named_in_focus(prev: Candidate, r: Resolved, n: int) -> tuple[str, str] | None:
    """(value, precision) of the month or season ``r`` names ("that November": ``n`` 0;
    "the following January": 1; "the previous spring": -1) from the date ``prev`` in focus
    (:func:`_anchor`, or a season): in its year, the first after it, the last before it."""
    season = _SEASON_VALUE.fullmatch(prev.r.value) if prev.r.type == "DATE" else None
    month: int | None
    if season:
        year, month = int(season.group(1)), cal.season_start(int(season.group(1)), season.group(2)).month
    else:
        a = _anchor(prev)
        if a is None:
            return None
        year, month = a[0].year, (None if a[1] == "year" else a[0].month)
    target = r.month if r.month is not None else cal.season_start(year, r.season or "SP").month
    if n > 0:
        year += 1 if month is None or target <= month else 0
    elif n < 0:
        year -= 1 if month is None or target >= month else 0
    if r.month is not None:
        return cal.fmt_month(year, r.month), "month"
    return f"{year:04d}-{r.season}", "season"


_CALENDAR_RULES = frozenset(("month", "mdy", "dmy"))


@functools.lru_cache(maxsize=1)
def _frame_year(words: tuple[str, ...], modifiers: tuple[str, ...]) -> re.Pattern[str]:
    """A sentence's opening words before a year that frames it ("In 2008,", "In early 2011,")."""
    return re.compile(r"(?:^|(?<=[.!?\n]))[\s\"“']*(?:" + "|".join(words) + r")\s+(?:(?:"
                      + "|".join(modifiers) + r")[\s-]+)?$", re.I)


def _year_of_the_sentence(found: list[Candidate], pd: ParsedDoc | None, text: str,
                          tense: Callable[[int, int], str | None]) -> None:
    """A month or month-day without a year, told in the past, in a sentence that opens with a
    year as its frame ("In 2008, the company was sold in June") is of that year, not the one
    the publication date makes nearest. (A year elsewhere in the sentence is no frame: "was
    extradited in 2014 ... and pleaded guilty in May"; "the 2008 primary".)"""
    lx = lexicon()
    frame_words = _frame_year(tuple(lx.frame_year_prepositions), tuple(lx.part_modifiers))
    first: dict[int, Candidate] = {}  # the first expression of each sentence, its frame if any
    for c in found:
        frame = first.setdefault(pd.sentence_index(c.start) if pd is not None else 0, c)
        if frame is c or c.rule not in _CALENDAR_RULES or not c.r.anchored or c.r.noun_modifier \
                or c.r.precision not in ("month", "day") or not _CALENDAR.fullmatch(c.r.value[:10]):
            continue
        if (frame.r.type != "DATE" or frame.r.anchored or frame.r.shift is not None
                or not re.fullmatch(r"\d{4}", frame.r.value)
                or not frame_words.search(text, max(0, frame.start - 30), frame.start)
                or text[frame.end:frame.end + 1] != ","):
            continue
        if frame.r.value != c.r.value[:4] and tense(c.start, c.end) in ("past", "certain past"):
            c.r = Resolved(frame.r.value + c.r.value[4:], c.r.precision, "DATE", anchored=False,
                           modifier=c.r.modifier)


def _around(found: list[Candidate], i: int, pd: ParsedDoc | None, sent: int) -> None:
    """"in the days before the June 7 primary", "in the weeks after the shooting": the month
    (at most) of the date named next in the sentence, else of the date in focus
    (:data:`SHIFT_REACH` sentences back); with neither, the stretch stays a duration."""
    def index(c: Candidate) -> int:
        return pd.sentence_index(c.start) if pd is not None else 0

    nxt = [c for c in found[i + 1:i + 2] if index(c) == sent]
    prev = [c for c in reversed(found[:i]) if sent - index(c) <= SHIFT_REACH]
    for other in nxt + prev:
        a = _anchor(other)
        if a is None or other.r.type != "DATE":
            continue
        value, precision = other.r.value, a[1]
        if precision == "day":
            value, precision = value[:7], "month"
        found[i].r = Resolved(value, precision, "DATE", anchored=False, shift=found[i].r.shift)
        return


_DAY_OF_NEXT = re.compile(r"[^\S\n]+(?:after|before)[^\S\n]+", re.I)
_DAY_IN_NEXT = re.compile(r"[^\S\n]+(?:back[^\S\n]+)?in[^\S\n]+", re.I)  # "that day (back) in April"
_CLOCK_SECONDS = {"second": 1, "minute": 60, "hour": 3600}
_CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)$")


def _clock_offset(prev: Candidate, anchor: tuple[cal.Date, str], unit: str, k: int
                  ) -> tuple[str, str, str] | None:
    """(value, precision, type) of ``k`` seconds, minutes or hours from the expression in
    focus: a clock time from a clock time ("11 a.m. ... twenty minutes later": 11:20 that
    day), otherwise the day in focus itself when it is known to the day; None when it is not
    (a month, a year: no day to name)."""
    m = _CLOCK_VALUE.match(prev.r.value) if prev.r.type == "TIME" else None
    if m:
        start = datetime.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}")
        t = start + datetime.timedelta(seconds=_CLOCK_SECONDS[unit] * k)
        return t.strftime("%Y-%m-%dT%H:%M"), "time", "TIME"
    if anchor[1] == "day":
        return anchor[0].isoformat(), "day", "DATE"
    return None


_ENDED = re.compile(r"[^\S\n]+(?:ended|ending|ends)[^\S\n]+", re.I)


def _follow_quarters(found: list[Candidate], pd: ParsedDoc | None, text: str) -> None:
    """A year-ago comparison ("a year earlier", "the year-ago quarter") near a quarter
    (:data:`QUARTER_REACH` sentences) means that quarter a year before: in company reports the
    comparison is with the period under discussion, not the publication's year. "That
    quarter", "the 1989 period" are the quarter in focus (:data:`ANAPHORA_REACH`). A quarter
    "ended" on a date is of that date's year ("the fiscal second quarter ended Feb. 28",
    "the second quarter ended Oct. 31, 1988": TimeBank writes 1988-Q2), whatever the
    calendar quarter of the date."""
    last: tuple[int, int, int] | None = None  # (sentence, year, quarter)
    for i, c in enumerate(found):
        sent = pd.sentence_index(c.start) if pd is not None else 0
        focus = c.r.quarter_focus
        if focus is not None and last is not None and sent - last[0] <= ANAPHORA_REACH:
            c.r = Resolved(f"{focus or last[1]:04d}-Q{last[2]}", "quarter", anchored=True)
        m = _QUARTER_VALUE.fullmatch(c.r.value)
        if m and c.r.anchored and not c.r.year_ago and i + 1 < len(found) \
                and _ENDED.fullmatch(text, c.end, found[i + 1].start):
            end = _anchor(found[i + 1])
            if end is not None and end[1] in ("day", "month"):
                c.r = Resolved(f"{end[0].year:04d}-Q{m.group(2)}", "quarter", anchored=True)
                m = _QUARTER_VALUE.fullmatch(c.r.value)
        if c.r.year_ago:
            if last is not None and sent - last[0] <= QUARTER_REACH:
                c.r = Resolved(f"{last[1] - 1:04d}-Q{last[2]}", "quarter", anchored=True,
                               year_ago=True)
                c.r.shift = None
            continue
        if m:
            last = (sent, int(m.group(1)), int(m.group(2)))


# a day named as a bound ("near midday ahead of the Labor Day weekend", "before Friday") is
# not the day of the clock time
_BOUND_BEFORE = re.compile(r"\b(?:ahead\s+of|before|after|until|till|since|by)\s+(?:the\s+)?"
                           r"(?:long\s+)?$", re.I)


def _clock_days(found: list[Candidate], pd: ParsedDoc | None, text: str) -> None:
    """A clock time or part of the day without its own day ("at 10:35 a.m.", "by
    mid-afternoon") is on the day named nearest to it in its sentence ("Friday", "Oct. 23"),
    else on the publication date."""
    if pd is None:
        return
    for c in found:
        if c.rule == "ordinal_day" and c.r.type == "DATE":
            pass  # "the second day" takes the day named next to it, as a clock time does
        elif c.rule not in ("clock", "daypart") or not c.r.anchored or c.r.type != "TIME":
            continue
        sent = pd.sentence_index(c.start)
        # the same sentence, or close by ("10:35 a.m. (0735 GMT) Friday": a split after "a.m.")
        days = [d for d in found if d is not c and d.r.type == "DATE" and d.r.precision == "day"
                and _FULL_DATE.fullmatch(d.r.value)
                and (pd.sentence_index(d.start) == sent or abs(d.start - c.end) < 20)
                and not _BOUND_BEFORE.search(text, max(0, d.start - 25), d.start)]
        if not days:
            continue
        day = min(days, key=lambda d: abs(d.start - c.start))
        if c.rule == "ordinal_day":
            c.r = Resolved(day.r.value, "day", anchored=day.r.anchored)
            continue
        t = c.r.value.partition("T")[2]
        c.r = Resolved(f"{day.r.value}T{t}", "time", "TIME", anchored=day.r.anchored,
                       modifier=c.r.modifier)


@functools.lru_cache(maxsize=1)
def _part_of() -> re.Pattern[str]:
    """"the evening of ", "in the early hours of " right before a day (time.yaml
    ``parts_of_day``, ``parts_of_day_before_of``)."""
    lx = lexicon()
    # "in the early hours on Saturday" too; not "CBS This Morning on Monday"
    return re.compile(r"(?:\b(?:the|that)\s+)?\b(?:(" + lx.re_part + r")\s+of|("
                      + lx.re_part_before_of + r")\s+(?:of|on))\s+$", re.I)


def _part_of_day(text: str, found: list[Candidate]) -> list[Candidate]:
    """"the evening of June 7", "the night of Sept. 11, 2012": that part of the day named
    (TimeML: one TIME expression, 2016-06-07TEV); an expression inside the words taken in
    ("that night" of "that night of June 7") gives way."""
    dropped: set[int] = set()
    for c in found:
        part = _PART_VALUE.fullmatch(c.r.value) if c.r.type == "TIME" else None
        if part is not None:
            day_value = part.group(1)  # "the early hours of this morning"
        elif c.r.type == "DATE" and c.r.precision == "day" and _FULL_DATE.fullmatch(c.r.value):
            day_value = c.r.value
        else:
            continue
        m = _part_of().search(text, max(0, c.start - 30), c.start)
        if m is None or (part is not None and not m.group(2)):
            continue  # (a part of a part only as "the early hours of")
        dropped.update(id(o) for o in found if o is not c and o.start < c.start
                       and o.end > m.start())
        c.start = m.start()
        name = " ".join((m.group(1) or m.group(2)).lower().split())
        lx = lexicon()
        code = lx.parts_of_day.get(name) or lx.parts_of_day_before_of[name]
        c.r = Resolved(f"{day_value}T{code}", "time", "TIME",
                       anchored=c.r.anchored, modifier=c.r.modifier, shift=c.r.shift,
                       anaphoric=c.r.anaphoric)
    return [c for c in found if id(c) not in dropped]


_PART_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)")
_MERIDIEM = re.compile(r"[ap]\.?m\b|noon|midnight", re.I)


def _afternoon(clock: str, part: str, written: str) -> str:
    """The clock time ``HH:MM`` of a part of the day: after noon in the afternoon, evening or
    night when no a.m./p.m. is written ("6 o'clock this afternoon" is 18:00)."""
    hour, _, minute = clock.partition(":")
    first = 6 if part == "NI" else 1  # "1:30 tonight" is after midnight
    if part != "MO" and not _MERIDIEM.search(written) and hour.isdigit() and first <= int(hour) < 12:
        return f"{int(hour) + 12:02d}:{minute}"
    return clock


def _merge_clock(text: str, found: list[Candidate]) -> list[Candidate]:
    """Join a clock time and an adjacent day ("9 a.m. Tuesday", "Tuesday at 9 a.m.") or part
    of a day ("6 o'clock this afternoon", "tonight at 8 p.m.")."""
    out: list[Candidate] = []
    i = 0
    while i < len(found):
        c = found[i]
        if i + 1 < len(found):
            n = found[i + 1]
            pair = (c, n) if c.rule == "clock" else (n, c) if n.rule == "clock" else None
            part = _PART_VALUE.fullmatch(pair[1].r.value) if pair else None
            if pair and (pair[1].r.precision == "day" or part) and _JOIN.match(text[c.end:n.start]):
                clock, day = pair
                t = clock.r.value.partition("T")[2]
                value = f"{day.r.value}T{t}"
                if part:  # "6 o'clock this afternoon", "at 8:30 tonight": that day, after noon
                    value = f"{part.group(1)}T{_afternoon(t, part.group(2), text[clock.start:clock.end])}"
                out.append(Candidate(c.start, n.end, c.priority, "clock_day",
                                     Resolved(value, "time", "TIME", anchored=day.r.anchored)))
                i += 2
                continue
        out.append(c)
        i += 1
    return out


EXTRACTOR = TimeExtractor()
