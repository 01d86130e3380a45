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


def parse_feed(data: bytes) -> Any:
    """feedparser's reading of a feed (its XML parser resolves no external entity); raises
    :class:`UnreadableInput` when nothing can be read from it."""
    import feedparser

    data = _CHARREF.sub(_safe_charref, data)  # feedparser cannot encode &#xD800;
    feed = feedparser.parse(data)
    exc = feed.get("bozo_exception") if feed.get("bozo") else None
    broken = exc is not None and not _benign(exc)
    if not (feed.get("entries") or []):
        if broken:
            raise UnreadableInput(f"malformed feed ({exc})")
        if not feed.get("version"):
            raise UnreadableInput("not an RSS or Atom feed")
        raise UnreadableInput("feed without entries")
    return feed


def feed_broken(feed: Any) -> Exception | None:
    """The parse error of a feed that parsed only in part, else None."""
    exc = feed.get("bozo_exception") if feed.get("bozo") else None
    return exc if exc is not None and not _benign(exc) else None


def entry_link(e: Any) -> str | None:
    link = clean_str(e.get("link"))
    return link if looks_like_url(link) else None


def entry_key(e: Any) -> str:
    """What identifies an entry across fetches of its feed: its id (guid), else its link,
    else a hash of its title and text."""
    import hashlib

    key = clean_str(e.get("id")) or entry_link(e)
    if key:
        return key
    raw = f"{e.get('title') or ''}\n{_entry_text(e)}"
    return "sha256:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


def entry_document(feed: Any, e: Any, source: str) -> Document | str:
    """The Document of one entry (see the module doc), or why it has none."""
    meta = feed.get("feed") or {}
    title = clean_str(html_to_text(clean_text(e.get("title") or ""))) or None
    body = _entry_text(e)
    if not body and not title:
        return "no text"
    text = body if not title or body.startswith(title) else \
        f"{title}\n\n{body}" if body else title
    if len(text) > MAX_TEXT_CHARS:
        return f"too large (the limit is {human_size(MAX_TEXT_CHARS)} of text)"
    when = e.get("published_parsed") or e.get("updated_parsed")
    return Document(
        text=text, title=title, outlet=clean_str(meta.get("title")),
        author=clean_str(e.get("author")),
        published=normalise_date(when) if when else normalise_date(e.get("published")),
        url=entry_link(e),
        language=language_code(e.get("language"), language_code(meta.get("language"))),
        source=source, reader="rss",
    )


def read_feed_file(path: Path) -> Iterator[Item]:
    feed = parse_feed(read_bytes(path))
    exc = feed_broken(feed)
    entries = feed.get("entries") or []
    read = 0
    problems: list[str] = []
    for i, e in enumerate(entries, start=1):
        doc = entry_document(feed, e, f"{path}#{i}")
        if isinstance(doc, str):
            problems.append(f"entry {i}: {doc}")
            continue
        read += 1
        yield doc
    if exc is not None:
        yield ReadError(str(path), f"malformed feed ({exc}); {read} of its "
                                   f"{len(entries)} entries could be read")
    else:
        for p in problems:
            yield ReadError(str(path), p)
