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
    """``got`` equals the gold date at the gold's precision: "2022-11" accepts 2022-11 and
    2022-11-25 but not 2022; "198X" accepts 198X and 1989."""
    if not got or gold is None:
        return False
    want = str(gold)
    if want.endswith("X"):
        return got.startswith(want.rstrip("X"))
    return len(got) >= len(want) and got[: len(want)] == want
