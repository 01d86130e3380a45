"""Vote tallies: "93 voted to suspend, 24 against, and 58 abstentions", "adopted by 141 votes
to 5 with 35 abstentions", "by a vote of 122-2-18", "100 in favour, 4 against"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_N = r"(\d{1,3}(?:,\d{3})*|\d+)"
_WHO = r"(?:(?:countries|states|members|nations|delegations|member\s+states|senators|lawmakers|deputies|MPs|votes?)\s+)?"
_YES = re.compile(
    rf"(?<![\w.,]){_N}\s+{_WHO}(?:voted\s+(?:in\s+favou?r(?:\s+of)?|for|yes|to\s+\w+)|in\s+favou?r|for|yes|ayes?)\b",
    re.IGNORECASE)
_NO = re.compile(rf"(?<![\w.,]){_N}\s+{_WHO}(?:voted\s+)?(?:against|no\b|nays?\b|opposed)", re.IGNORECASE)
_ABSTAIN = re.compile(rf"(?<![\w.,]){_N}\s+{_WHO}(?:abstentions?|abstained|abstaining|abstain)\b", re.IGNORECASE)
_VOTES_TO = re.compile(rf"(?<![\w.,]){_N}\s+votes?\s+to\s+{_N}\b", re.IGNORECASE)
_VOTE_OF = re.compile(rf"\bvote\s+of\s+{_N}\s*[-–]\s*{_N}(?:\s*[-–]\s*{_N})?", re.IGNORECASE)
MAX_SPREAD = 160  # characters: the parts of one tally stand close together


@dataclass
class Tally:
    start: int
    end: int
    values: dict[str, float]


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def find_tallies(text: str) -> list[Tally]:
    """Vote tallies in ``text`` (one sentence): at least two of yes/no/abstain close together."""
    out: list[Tally] = []
    for m in _VOTE_OF.finditer(text):
        vals = {"yes": _num(m.group(1)), "no": _num(m.group(2))}
        if m.group(3):
            vals["abstain"] = _num(m.group(3))
        out.append(Tally(m.start(), m.end(), vals))
    for m in _VOTES_TO.finditer(text):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        t = Tally(m.start(), m.end(), {"yes": _num(m.group(1)), "no": _num(m.group(2))})
        ab = _ABSTAIN.search(text, m.end(), m.end() + MAX_SPREAD)
        if ab:
            t.values["abstain"] = _num(ab.group(1))
            t.end = ab.end()
        out.append(t)
    parts: list[tuple[int, int, str, float]] = []
    for key, rx in (("yes", _YES), ("no", _NO), ("abstain", _ABSTAIN)):
        for m in rx.finditer(text):
            if not any(t.start <= m.start() < t.end for t in out):
                parts.append((m.start(), m.end(), key, _num(m.group(1))))
    parts.sort()
    group: list[tuple[int, int, str, float]] = []
    for p in parts + [(10**9, 10**9, "", 0.0)]:
        if group and (p[0] - group[-1][1] > MAX_SPREAD or p[2] in {g[2] for g in group}):
            if len({g[2] for g in group}) >= 2:
                out.append(Tally(group[0][0], group[-1][1], {g[2]: g[3] for g in group}))
            group = []
        if p[2]:
            group.append(p)
    return sorted(out, key=lambda t: t.start)
