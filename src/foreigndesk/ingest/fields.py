"""Small normalisers for metadata fields that several readers share."""

from __future__ import annotations

import re
from typing import Any

from foreigndesk.ingest.clean import clean_text

_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def clean_str(value: Any) -> str | None:
    """A stripped single-line string (a list is joined with ", "), or None when empty."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [clean_str(v) for v in value]
        value = ", ".join(p for p in parts if p)
    elif not isinstance(value, str):
        value = str(value)
    s = " ".join(clean_text(value).split())
    return s or None


def language_code(value: Any, default: str | None = "en") -> str | None:
    """The primary language subtag, lower case ("en-GB" -> "en"); ``default`` when absent or
    not a language tag."""
    s = clean_str(value)
    if not s:
        return default
    m = _LANG.match(s)
    return m.group(1).lower() if m else default


def looks_like_url(value: str | None) -> bool:
    return bool(value) and value.lower().startswith(("http://", "https://"))  # type: ignore[union-attr]
