"""The date of a document's dateline or header line, which relative expressions are counted
from when it is close to the publication date.

A wire story says "WASHINGTON, March 12 (Xinhua) --" and then "Friday", "today", "last
week" from March 12, even when the archive dates it March 13; a page that begins with its
date on a line of its own ("Wednesday, March 9, 2005") is written from that day. Only the
head of the text is read (:data:`HEAD`), with one precompiled expression per form:

- a dateline: a capitalised place, a comma, the date, an optional agency in parentheses,
  then a dash, an underscore or a colon ("BRUSSELS, February 10 (Xinhua) --");
- a line holding only a date (a weekday before it, a clock time after it allowed).

The date counts when it is at most :data:`MAX_DAYS` from the publication date (a dateline
further away is more likely a mistake, or a story about another day); without a publication
date it counts only when it gives its year.
"""

from __future__ import annotations

import functools
import re

from foreigndesk.extract import time_calendar as cal
from foreigndesk.extract.time_lexicon import S, lexicon

HEAD = 300  # characters of the text read for a dateline
MAX_DAYS = 7


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lx = lexicon()
    date = (r"(?:(?:" + lx.re_weekday + r"),?" + S + r")?(?:(?P<mon>" + lx.re_month + r")" + S
            + r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?|(?P<d2>[0-3]?\d)" + S + r"(?P<mon2>"
            + lx.re_month + r"))(?:,?" + S + r"(?P<y>1\d{3}|20\d\d))?")
    dateline = re.compile(
        r"\A\s*[A-Z][\w.'’ -]{1,60}?," + S + date + r"(?:" + S + r"\([^()\n]{1,40}\))?"
        r"[^\S\n]*(?:--|—|–|-|_|:)", re.I)
    alone = re.compile(
        r"(?:\A|\n)[^\S\n]*" + date + r"(?:,?" + S + r"\d{1,2}[:.]\d\d(?:" + S
        + r"?[ap]\.?m\.?)?(?:" + S + r"[A-Z]{2,4})?)?[^\S\n]*(?=\n)", re.I)
    return dateline, alone


def dateline_date(text: str, dct: cal.Date | None) -> cal.Date | None:
    """The date of the dateline or date line at the head of ``text``, when it may replace the
    publication date ``dct`` as the reference of relative expressions (see the module)."""
    head = text[:HEAD]
    if not head or not any(c.isdigit() for c in head):
        return None
    dateline, alone = _patterns()
    m = dateline.match(head) or alone.search(head)
    if m is None:
        return None
    lx = lexicon()
    word = m["mon"] or m["mon2"]
    if not word[:1].isupper():
        return None
    month = lx.month(word)
    day = int(m["d"] or m["d2"])
    if month is None:
        return None
    if m["y"]:
        found = cal.safe_date(int(m["y"]), month, day)
    elif dct is not None:
        year = cal.pick_year(dct, lambda y: cal.safe_date(y, month, day), None)
        found = cal.safe_date(year, month, day) if year is not None else None
    else:
        return None
    if found is None:
        return None
    if dct is not None and abs((found - dct).days) > MAX_DAYS:
        return None
    return found
