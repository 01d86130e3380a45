"""Time expressions in Spanish and Chinese text, from ``data/<lang>/time.yaml``.

Each pattern is a regular expression over the text with named groups (day, month, year,
weekday) and an optional shift from the document's publication date. Values are written
TIMEX3-style like the English extractor's: 2023-01-18 (day), 2023-W02 (week), 2023-01
(month), 2023 (year). A relative expression without a document date keeps its span and no
value. A weekday alone ("el martes", "周三") is the last such day on or before the document
date; with a week shift ("上周三") it is that weekday of the week so many weeks away.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from foreigndesk.extract.intl_data import LANGUAGES, raw, spaced
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import TimeValue


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    shift: tuple[tuple[str, int], ...]


@functools.lru_cache(maxsize=8)
def rules(language: str) -> tuple[dict[str, int], dict[str, int], tuple[Rule, ...]]:
    data = raw(language, "time")
    months = {k.lower(): int(v) for k, v in (data.get("months") or {}).items()}
    weekdays = {str(k).lower(): int(v) for k, v in (data.get("weekdays") or {}).items()}
    month_alt = "|".join(sorted(months, key=len, reverse=True)) or r"(?!x)x"
    day_alt = "|".join(sorted(weekdays, key=len, reverse=True)) or r"(?!x)x"
    out = []
    for r in data.get("patterns") or []:
        body = r["re"].replace("MONTH", f"(?:{month_alt})").replace("WEEKDAY", f"(?:{day_alt})")
        if spaced(language):
            body = rf"(?<!\w)(?:{body})(?!\w)"
        out.append(Rule(re.compile(body, re.I), tuple(sorted((r.get("shift") or {}).items()))))
    return months, weekdays, tuple(out)


def _dct(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def value_of(m: re.Match[str], shift: dict[str, int], months: dict[str, int],
             weekdays: dict[str, int], dct: date | None) -> tuple[str, str] | None:
    """(value, precision) of one match, or None when it needs a date it does not have."""
    g: dict[str, Any] = {k: v for k, v in m.groupdict().items() if v}
    month = g.get("month")
    mon = (int(month) if month.isdigit() else months.get(month.lower())) if month else None
    year = int(g["year"]) if "year" in g else None
    if "day" in g and mon:
        if year is None:
            if dct is None:
                return f"XXXX-{mon:02d}-{int(g['day']):02d}", ""
            year = dct.year
        try:
            return date(year, mon, int(g["day"])).isoformat(), "day"
        except ValueError:
            return None
    if mon and year:
        return f"{year:04d}-{mon:02d}", "month"
    if year and not shift:
        return f"{year:04d}", "year"
    if dct is None:
        return None
    if "weekday" in g:
        wd = weekdays.get(g["weekday"].lower())
        if wd is None:
            return None
        weeks = shift.get("weeks")
        if weeks is None:
            back = (dct.weekday() - wd) % 7
            return (dct - timedelta(days=back)).isoformat(), "day"
        monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=weeks)
        return (monday + timedelta(days=wd)).isoformat(), "day"
    if "days" in shift:
        return (dct + timedelta(days=shift["days"])).isoformat(), "day"
    if "weeks" in shift:
        return _week(dct + timedelta(weeks=shift["weeks"])), "week"
    if "months" in shift:
        y, mo = _add_months(dct, shift["months"])
        return f"{y:04d}-{mo:02d}", "month"
    if "years" in shift:
        return f"{dct.year + shift['years']:04d}", "year"
    return None


class IntlTimeExtractor:
    name = "intl_time"
    version = "1"
    languages = LANGUAGES

    def __call__(self, pd: ParsedDoc) -> None:
        lang = pd.document.language or ""
        months, weekdays, rs = rules(lang)
        dct = _dct(pd.document.published)
        text = pd.doc.text
        taken: list[tuple[int, int]] = []
        for rule in rs:
            shift = dict(rule.shift)
            for m in rule.pattern.finditer(text):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                v = value_of(m, shift, months, weekdays, dct)
                if v is None:
                    continue
                taken.append((m.start(), m.end()))
                relative = bool(shift) or "weekday" in m.groupdict() and bool(m.group("weekday")) \
                    or "year" not in {k for k, x in m.groupdict().items() if x}
                pd.extraction.times.append(TimeValue(
                    pd.doc_id, pd.sentence_index(m.start()), m.start(), m.end(), m.group(0),
                    self.name, self.version, 0.9, value=v[0], precision=v[1],
                    anchored=relative and dct is not None))
        pd.extraction.times.sort(key=lambda t: t.start)


EXTRACTOR = IntlTimeExtractor()
