"""RSS and Atom feed files (feedparser): each entry is a Document.

An entry's text is its title, a blank line, then its content (``content``, else ``summary``)
with HTML stripped to paragraphs (a headline-only entry is its title alone). Its link is the url, its published (else updated) date the
publication date, the feed's title the outlet, the feed's language the language. Sources are
``path#1``, ``path#2``, ... in feed order.

A feed that does not parse is reported once (one line); entries that could still be recovered
from it are read. In a feed that parses, an entry without title or text is reported with its
number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foreigndesk.ingest.clean import clean_text
from foreigndesk.ingest.dates import normalise_date
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS, human_size, read_bytes
from foreigndesk.ingest.errors import ReadError, UnreadableInput
from foreigndesk.ingest.fields import clean_str, language_code, looks_like_url
from foreigndesk.ingest.html import html_to_text
from foreigndesk.model import Document

Item = Document | ReadError
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _safe_charref(m: re.Match[bytes]) -> bytes:
    """A character reference to a surrogate or past U+10FFFF (which feedparser cannot encode)
    made U+FFFD."""
    n = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return b"&#xFFFD;" if 0xD800 <= n <= 0xDFFF or n > 0x10FFFF else m.group(0)


def _benign(exc: Exception | None) -> bool:
    """feedparser's warnings that do not mean the feed is broken."""
    import feedparser

    return isinstance(exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType)


def _entry_text(e: Any) -> str:
    contents = e.get("content") or []
    best = next((c for c in contents if "html" in (c.get("type") or "")), None) or \
        (contents[0] if contents else None)
    if best is not None and (best.get("value") or "").strip():
        value, kind = best.get("value") or "", best.get("type") or ""
    else:
        detail = e.get("summary_detail") or {}
        value, kind = e.get("summary") or "", detail.get("type") or "text/html"
    value = clean_text(value)  # lone surrogates (&#xD800;) before lxml sees them
    return html_to_text(value) if "html" in kind else " ".join(value.split())


def read_feed_file(path: Path) -> Iterator[Item]:
    import feedparser

    data = _CHARREF.sub(_safe_charref, read_bytes(path))
    feed = feedparser.parse(data)
    exc = feed.get("bozo_exception") if feed.get("bozo") else None
    broken = exc is not None and not _benign(exc)
    entries = feed.get("entries") or []
    if not entries:
        if broken:
            raise UnreadableInput(f"malformed feed ({exc})")
        if not feed.get("version"):
            raise UnreadableInput("not an RSS or Atom feed")
        raise UnreadableInput("feed without entries")
    meta = feed.get("feed") or {}
    outlet = clean_str(meta.get("title"))
    language = language_code(meta.get("language"))
    read = 0
    problems: list[str] = []
    for i, e in enumerate(entries, start=1):
        title = clean_str(html_to_text(clean_text(e.get("title") or ""))) or None
        body = _entry_text(e)
        if not body and not title:
            problems.append(f"entry {i}: no text")
            continue
        text = body if not title or body.startswith(title) else \
            f"{title}\n\n{body}" if body else title
        if len(text) > MAX_TEXT_CHARS:
            problems.append(f"entry {i}: too large (the limit is "
                            f"{human_size(MAX_TEXT_CHARS)} of text)")
            continue
        link = clean_str(e.get("link"))
        when = e.get("published_parsed") or e.get("updated_parsed")
        read += 1
        yield Document(
            text=text, title=title, outlet=outlet, author=clean_str(e.get("author")),
            published=normalise_date(when) if when else normalise_date(e.get("published")),
            url=link if looks_like_url(link) else None,
            language=language_code(e.get("language"), language), source=f"{path}#{i}",
            reader="rss",
        )
    if broken:
        yield ReadError(str(path), f"malformed feed ({exc}); {read} of its "
                                   f"{len(entries)} entries could be read")
    else:
        for p in problems:
            yield ReadError(str(path), p)
