"""The word lists of a language other than English (``data/<lang>/*.yaml``), compiled once.

Shared by the data-driven extractors ``intl_*`` (Spanish and Chinese). Spanish matches on
word boundaries and ignores case; Chinese has no spaces, so a form matches anywhere.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml

LANGUAGES = ("es", "zh")


@functools.lru_cache(maxsize=64)
def raw(language: str, name: str) -> dict[str, Any]:
    """The parsed ``data/<language>/<name>.yaml`` (empty when absent; read once, do not
    modify)."""
    f = resources.files("foreigndesk").joinpath(f"data/{language}/{name}.yaml")
    if not f.is_file():
        return {}
    return load_yaml(f.read_text(encoding="utf-8")) or {}


def spaced(language: str) -> bool:
    """Whether words of ``language`` are separated by spaces (word boundaries apply)."""
    return language != "zh"


def alternation(forms: list[str], language: str) -> re.Pattern[str]:
    """One pattern matching any of ``forms`` (longest first), as words when the language
    has spaces."""
    body = "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
    if not forms:
        body = r"(?!x)x"
    if spaced(language):
        return re.compile(rf"(?<![\w.])(?:{body})(?![\w])", re.I)
    return re.compile(f"(?:{body})")


@functools.lru_cache(maxsize=8)
def actor_phrases(language: str) -> dict[str, str]:
    """Every surface form of an actor -> its English phrase (names, then sector nouns
    composed with demonyms: "gobierno cubano" / "古巴政府" -> "the Cuban government")."""
    data = raw(language, "actors")
    out = {k.lower(): v for k, v in (data.get("names") or {}).items()}
    sectors = data.get("sectors") or {}
    for noun, sector in sectors.items():
        for dem, dem_en in (data.get("demonyms") or {}).items():
            phrase = f"the {dem_en} {sector}"
            if spaced(language):
                out.setdefault(f"{noun} {dem}".lower(), phrase)
            else:
                out.setdefault(f"{dem}{noun}", phrase)
        for country, dem_en in (data.get("countries") or {}).items():
            out.setdefault(f"{noun} de {country}".lower(), f"the {dem_en} {sector}")
    return out


@functools.lru_cache(maxsize=8)
def actor_pattern(language: str) -> re.Pattern[str]:
    return alternation(list(actor_phrases(language)), language)


@functools.lru_cache(maxsize=8)
def sector_nouns(language: str) -> frozenset[str]:
    """The sector nouns alone ("portavoz", "发言人"): a speaker still to be named."""
    return frozenset(k.lower() for k in (raw(language, "actors").get("sectors") or {}))
