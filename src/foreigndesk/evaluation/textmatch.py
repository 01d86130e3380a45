"""Matching gold text snippets to stored sentences (shared by the dossier scorers)."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def norm(text: str) -> str:
    """Lower-case, accents and quote styles folded, punctuation dropped, spaces collapsed."""
    t = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


def contains(haystack: str, snippet: str) -> bool:
    """True when every part of ``snippet`` (split at "...") occurs in ``haystack``."""
    h = norm(haystack)
    parts = [norm(p) for p in re.split(r"\.\.\.|…", snippet)]
    return all(p in h for p in parts if p)


def date_matches(got: str | None, gold: object) -> bool:
    """``got`` denotes the gold date at the gold's precision (1964 matches 1964, 2022-11
    matches 2022-11 but not 2022-11-25, 198X matches 198X)."""
    return got is not None and str(got) == str(gold)
