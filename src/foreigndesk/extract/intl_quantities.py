"""Figures in Spanish and Chinese text, from ``data/<lang>/quantities.yaml``.

A number (with the language's thousands and decimal marks: "8.529", "1,5"; "1.5") and an
optional scale word ("millones", "mil millones", "万", "亿") make a value; a currency word
after it makes money ("100 millones de dólares", "1亿美元"), a word of death deaths
("8.529 fallecidos", "12人死亡"), of injury casualties, of people a count; "%" a percent.
A bare number with none of these is no figure. Money in US dollars gets its ``usd``; other
currencies are converted with the rates of ``data/exchange_rates.tsv`` when the year is
known.
"""

from __future__ import annotations

import functools
import re

from foreigndesk.extract.intl_data import LANGUAGES, raw, spaced
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.quantity_money import rates
from foreigndesk.model import Quantity


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


@functools.lru_cache(maxsize=8)
def grammar(language: str) -> tuple[re.Pattern[str], dict[str, object]]:
    d = raw(language, "quantities")
    th, dec = re.escape(d.get("thousands", ",")), re.escape(d.get("decimal", "."))
    num = rf"\d{{1,3}}(?:{th}\d{{3}})+(?:{dec}\d+)?|\d+(?:{dec}\d+)?"
    sep = r"\s*(?:de\s+)?" if spaced(language) else r"\s*"
    scales, cur = d.get("scales") or {}, d.get("currencies") or {}
    kinds = {"deaths": d.get("deaths") or [], "casualties": d.get("casualties") or [],
             "count": d.get("people") or [], "percent": d.get("percent") or []}
    unit_alt = "|".join(f"(?P<{k}>{_alt(v)})" for k, v in kinds.items())
    body = (rf"(?P<num>{num})(?:\s*(?P<scale>{_alt(list(scales))}))?"
            rf"(?:{sep}(?P<cur>{_alt(list(cur))})|\s*(?:{unit_alt}))")
    if spaced(language):
        body = rf"(?<![\w.,]){body}(?!\w)"
    return re.compile(body, re.I), {"scales": {k.lower(): float(v) for k, v in scales.items()},
                                    "cur": {k.lower(): v for k, v in cur.items()},
                                    "th": d.get("thousands", ","), "dec": d.get("decimal", ".")}


def number(s: str, thousands: str, decimal: str) -> float:
    """A number written with these marks ("8.529" with "." for thousands -> 8529)."""
    return float(s.replace(thousands, "").replace(decimal, "."))


class IntlQuantityExtractor:
    name = "intl_quantities"
    version = "1"
    languages = LANGUAGES

    def __call__(self, pd: ParsedDoc) -> None:
        lang = pd.document.language or ""
        pattern, g = grammar(lang)
        published = pd.document.published or ""
        year = int(published[:4]) if published[:4].isdigit() else None
        for m in pattern.finditer(pd.doc.text):
            value = number(m.group("num"), str(g["th"]), str(g["dec"]))
            if m.group("scale"):
                value *= g["scales"][m.group("scale").lower()]  # type: ignore[index]
            kind, unit, usd, usd_year = "count", "people", None, None
            if m.group("cur"):
                kind, unit = "money", g["cur"][m.group("cur").lower()]  # type: ignore[index]
                if unit == "USD":
                    usd, usd_year = value, year
                else:
                    conv = rates().to_usd(value, str(unit), year)
                    if conv:
                        usd, usd_year = conv
            elif m.group("percent"):
                kind, unit = "percent", "%"
            elif m.group("deaths"):
                kind = "deaths"
            elif m.group("casualties"):
                kind = "casualties"
            pd.extraction.quantities.append(Quantity(
                pd.doc_id, pd.sentence_index(m.start()), m.start(), m.end(), m.group(0),
                self.name, self.version, 0.8, kind=kind, value=value, unit=str(unit),
                usd=usd, usd_year=usd_year))


EXTRACTOR = IntlQuantityExtractor()
