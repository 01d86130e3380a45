"""Reading numbers in text: digits ("8,529", "5.3", "$5m"), number words ("eleven",
"two hundred", "a million"), scales (million, bn, crore), ranges ("3-5 billion", "between 3
and 5 million") and qualifiers ("more than", "nearly"). Words come from
data/quantity_words.yaml."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml


@dataclass
class QuantityWords:
    scales: dict[str, float]
    currency_only_scales: set[str]
    number_words: dict[str, float]
    min_word_value: float
    approx: list[tuple[str, str]]  # (phrase, over|under|about), longest first
    deaths: set[str]
    death_phrases: list[str]
    casualties: set[str]
    time_units: set[str]
    people_nouns: set[str]
    label_nouns: set[str]
    stating_verbs: set[str]
    measure_units: set[str]
    invariant_plurals: set[str]
    atom_re: re.Pattern[str]
    scale_re: re.Pattern[str]
    approx_re: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def words() -> QuantityWords:
    raw: dict[str, Any] = load_yaml(
        resources.files("foreigndesk.data").joinpath("quantity_words.yaml").read_text(encoding="utf-8"))
    scales = {str(k).lower(): float(v) for k, v in raw["scales"].items()}
    cur_only = {str(x).lower() for x in raw.get("currency_only_scales") or []}
    numw = {str(k).lower(): float(v) for k, v in raw["number_words"].items()}
    approx = sorted(((str(k).lower(), str(v)) for k, v in raw["approx"].items()), key=lambda kv: -len(kv[0]))
    full_scales = sorted((s for s in scales if s not in cur_only), key=len, reverse=True)
    suffixes = sorted(cur_only | {"mln", "bln", "tln"}, key=len, reverse=True)
    small = [w for w, v in numw.items() if v < 100 and " " not in w and w not in ("a", "an")]
    tens = [w for w, v in numw.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
    units = [w for w, v in numw.items() if 1 <= v <= 9 and w not in ("a", "an")]
    word_num = (rf"(?:(?:{'|'.join(tens)})[-\s](?:{'|'.join(units)})|{'|'.join(sorted(small, key=len, reverse=True))}"
                rf"|half\s+a|an?)(?:\s+hundred)?")
    scale_alt = "|".join(full_scales)
    atom = (
        r"(?P<digits>(?<![\w.,/:\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
        rf"(?P<suffix>{'|'.join(suffixes)})?(?![\w/]|[.,:]\d|-[^\W\d])"
        rf"|(?P<words>\b{word_num})(?=\s+(?:{scale_alt})\b|\b)"
    )
    return QuantityWords(
        scales=scales, currency_only_scales=cur_only, number_words=numw,
        min_word_value=float(raw.get("min_word_value", 10)), approx=approx,
        deaths={str(x).lower() for x in raw["deaths"]},
        death_phrases=[str(x).lower() for x in raw["death_phrases"]],
        casualties={str(x).lower() for x in raw["casualties"]},
        time_units={str(x).lower() for x in raw["time_units"]},
        people_nouns={str(x).lower() for x in raw["people_nouns"]},
        label_nouns={str(x).lower() for x in raw["label_nouns"]},
        stating_verbs={str(x).lower() for x in raw["stating_verbs"]},
        measure_units={str(x).lower() for x in raw["measure_units"]},
        invariant_plurals={str(x).lower() for x in raw["invariant_plurals"]},
        atom_re=re.compile(atom, re.IGNORECASE),
        scale_re=re.compile(rf"\s*(?:({scale_alt}))\b", re.IGNORECASE),
        approx_re=re.compile(r"\b(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a, _ in approx)
                             + r")\s*$", re.IGNORECASE),
    )


@dataclass
class Number:
    """A number read from text: [start, end) in the text given, its value (scale applied),
    whether it was written in words, whether a scale word or suffix was present."""

    start: int
    end: int
    value: float
    in_words: bool = False
    scaled: bool = False
    suffix: str | None = None  # an attached abbreviation ("m", "bn") still to be checked
    small: bool = False  # a number word below ``min_word_value`` (a death toll at most)


def word_value(text: str, qw: QuantityWords) -> float | None:
    """The value of a number written in words ("twenty-five", "two hundred", "a")."""
    total = 0.0
    parts = re.split(r"[-\s]+", text.lower().strip())
    if parts[:2] == ["half", "a"]:
        return 0.5
    for p in parts:
        if p == "hundred":
            total = (total or 1) * 100
        elif p in qw.number_words:
            total += qw.number_words[p]
        else:
            return None
    return total


def scan(text: str, qw: QuantityWords | None = None, small: bool = False) -> list[Number]:
    """Numbers in ``text`` with any scale word after them ("11 million", "$5bn" -> 5e9).
    Number words below ``min_word_value`` ("eight") are left out, or with ``small`` kept
    and flagged ``small`` (from two up)."""
    qw = qw or words()
    out: list[Number] = []
    for m in qw.atom_re.finditer(text):
        if m.group("digits"):
            value = float(m.group("digits").replace(",", ""))
            in_words = False
        else:
            wv = word_value(m.group("words"), qw)
            if wv is None:
                continue
            value, in_words = wv, True
        end = m.end()
        scaled = False
        suffix = m.group("suffix").lower() if m.group("suffix") else None
        if suffix:
            value *= qw.scales.get(suffix, 1.0)
            scaled = True
        else:
            sm = qw.scale_re.match(text, end)
            if sm:
                value *= qw.scales[sm.group(1).lower()]
                end = sm.end()
                scaled = True
        below = in_words and not scaled and value < qw.min_word_value
        if below and (not small or value < 2 or m.group("words").lower() in ("a", "an")):
            continue
        out.append(Number(m.start(), end, value, in_words, scaled, suffix, small=below))
    return out


def approx_before(text: str, qw: QuantityWords) -> tuple[str, int] | None:
    """(over|under|about, start) of a qualifier ending right at the end of ``text``."""
    m = qw.approx_re.search(text[-24:])
    if not m:
        return None
    phrase = " ".join(m.group(0).lower().split())
    for a, kind in qw.approx:
        if phrase == a:
            return kind, len(text) - len(text[-24:]) + m.start()
    return None
