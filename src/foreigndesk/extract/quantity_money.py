"""Currencies (data/currencies.yaml) and conversion to US dollars at a year's average rate
(data/exchange_rates.tsv, IMF IFS / World Bank PA.NUS.FCRF annual averages, transcribed)."""

from __future__ import annotations

import bisect
import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml


@dataclass
class Currencies:
    symbols: list[tuple[str, str]]  # (symbol, code), longest symbol first
    words: list[tuple[str, str]]  # (lower-case words, code), longest first
    codes: dict[str, str]  # ISO code (or alias) -> ISO code
    hints: dict[str, dict[str, list[str]]]
    symbol_re: re.Pattern[str]  # a symbol or code right before a number (anchored at the end)
    word_re: re.Pattern[str]  # a currency word right after a number (anchored at the start)

    def pick(self, key: str, default: str, text: str) -> str:
        """The code for an ambiguous symbol or word given the document's words."""
        hints = self.hints.get(key)
        if not hints:
            return default
        best, best_n = default, 0
        for code, words in hints.items():
            n = sum(len(re.findall(r"\b" + re.escape(w) + r"\b", text)) for w in words)
            if n > best_n:
                best, best_n = code, n
        return best


@functools.lru_cache(maxsize=1)
def currencies() -> Currencies:
    raw: dict[str, Any] = load_yaml(
        resources.files("foreigndesk.data").joinpath("currencies.yaml").read_text(encoding="utf-8"))
    aliases = {str(k): str(v) for k, v in (raw.get("code_aliases") or {}).items()}
    codes = {str(c): aliases.get(str(c), str(c)) for c in raw.get("codes") or []}
    symbols = sorted(((str(k), str(v)) for k, v in (raw.get("symbols") or {}).items()),
                     key=lambda kv: -len(kv[0]))
    words = sorted(((str(k).lower(), str(v)) for k, v in (raw.get("words") or {}).items()),
                   key=lambda kv: -len(kv[0]))
    hints = {str(k): {str(c): [str(w) for w in ws] for c, ws in v.items()}
             for k, v in (raw.get("hints") or {}).items()}
    sym_alt = "|".join(re.escape(s) for s, _ in symbols)
    code_alt = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    symbol_re = re.compile(rf"(?:(?<![\w$])(?:{sym_alt})|\b(?:{code_alt})\s?)\s?$")
    word_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w, _ in words)
    word_re = re.compile(rf"^\s*(?:(?:{word_alt})\b|(?:{code_alt})\b)", re.IGNORECASE)
    return Currencies(symbols, words, codes, hints, symbol_re, word_re)


def currency_before(text: str, cur: Currencies, doc_text: str) -> tuple[str, int] | None:
    """(ISO code, start offset) of a currency symbol or code ending right at ``len(text)``."""
    m = cur.symbol_re.search(text[-12:])
    if not m:
        return None
    tok = m.group(0).strip()
    start = len(text) - len(text[-12:]) + m.start()
    if tok in cur.codes:
        return cur.codes[tok], start
    for sym, code in cur.symbols:
        if tok == sym:
            return cur.pick(sym, code, doc_text), start
    return None


def currency_after(text: str, cur: Currencies, doc_text: str) -> tuple[str, int] | None:
    """(ISO code, end offset) of a currency word or code at the start of ``text``."""
    m = cur.word_re.match(text)
    if not m:
        return None
    tok = " ".join(m.group(0).split())
    if tok in cur.codes:
        return cur.codes[tok], m.end()
    low = tok.lower()
    for word, code in cur.words:
        if low == word:
            return cur.pick(word, code, doc_text), m.end()
    return None


@dataclass
class Rates:
    table: dict[str, tuple[list[int], list[float]]]  # code -> (years, per-USD rates)

    def per_usd(self, code: str, year: int) -> tuple[float, int] | None:
        """(units of ``code`` per US dollar, the year used): the year's rate, or the nearest
        year's when the table does not cover it."""
        if code == "USD":
            return 1.0, year
        entry = self.table.get(code)
        if not entry:
            return None
        years, rates = entry
        k = bisect.bisect_left(years, year)
        if k < len(years) and years[k] == year:
            return rates[k], year
        k = min(max(k, 0), len(years) - 1)
        if k > 0 and abs(years[k - 1] - year) <= abs(years[k] - year):
            k -= 1
        return rates[k], years[k]

    def to_usd(self, value: float, code: str, year: int | None) -> tuple[float, int] | None:
        if year is None:
            return None
        r = self.per_usd(code, year)
        if r is None:
            return None
        return value / r[0], r[1]


@functools.lru_cache(maxsize=1)
def rates() -> Rates:
    """The exchange-rate table from ``foreigndesk/data/exchange_rates.tsv``."""
    text = resources.files("foreigndesk.data").joinpath("exchange_rates.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((ln for ln in text.splitlines() if ln and not ln.startswith("#")),
                          delimiter="\t")
    table: dict[str, list[tuple[int, float]]] = {}
    for r in rows:
        table.setdefault(r["currency"], []).append((int(r["year"]), float(r["per_usd"])))
    return Rates({c: ([y for y, _ in sorted(v)], [x for _, x in sorted(v)]) for c, v in table.items()})
