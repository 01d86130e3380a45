"""Links from documents are hostile input: only absolute http(s) URLs become links.

Shared by every view that shows a document's URL (the web workbench and the briefs)."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: object) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host and no character that could
    break out of an attribute; None otherwise (the URL is then shown as text, never linked)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u or any(ord(c) < 0x21 or c in "\"'<>\\`" for c in u):
        return None
    try:
        parts = urlsplit(u)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return u
