"""Plain text files.

A file may open with a **header block** of ``Key: value`` lines ending at a blank line (as the
public-domain texts in ``examples/`` do: ``URL:``, ``Outlet:``, ``Date:``), or with YAML front
matter between ``---`` lines. Known keys fill the metadata (url/link/source url, outlet/source/
publication/publisher/site, date/published, title/headline, author/by/byline, language/lang);
the block itself is left out of the text. The text starts at the first line after it; when no
title is given, that first line is the title if it is short enough to be one (it stays in the
text either way).

Pages copied from the web often put the title first and the date under it ("Press Briefing by
…", then "Date: June 12, 2023" or a line holding only "June 12, 2023"). So the **head** of the
text, its first :data:`MAX_HEAD_LINES` lines before the first sentence of running text, is
read too (:func:`head_fields`): a ``Key: value`` line of a known key there fills the
metadata the header block left empty and is left out of the text, and a line that is only a
date gives the publication date when there is none (that line stays in the text).

A text that compiles several articles (see :mod:`foreigndesk.ingest.dossier`) becomes one
Document per article, with sources ``path#1``, ``path#2``, ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foreigndesk.ingest.clean import checked_date, clean_text, load_front_matter
from foreigndesk.ingest.dates import normalise_date, parse_date
from foreigndesk.ingest.dossier import split_dossier
from foreigndesk.ingest.encoding import read_text
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.ingest.fields import clean_str, language_code, looks_like_url
from foreigndesk.model import Document

_KEYS = {
    "url": "url", "link": "url", "source url": "url", "source_url": "url",
    "outlet": "outlet", "source": "outlet", "publication": "outlet", "publisher": "outlet",
    "site": "outlet", "sitename": "outlet",
    "date": "published", "published": "published", "publication date": "published",
    "title": "title", "headline": "title",
    "author": "author", "by": "author", "byline": "author", "authors": "author",
    "language": "language", "lang": "language",
}
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,24}?)\s*:\s*(?P<value>\S.*?)\s*$")
MAX_FRONT_MATTER = 8192
MAX_TITLE_WORDS = 30
MAX_TITLE_CHARS = 250
MAX_HEAD_LINES = 6


def _field(key: str, value: Any) -> tuple[str, Any] | None:
    field = _KEYS.get(key.strip().lower().replace("-", " "))
    if field is None:
        return None
    if field == "outlet" and isinstance(value, str) and looks_like_url(value.strip()):
        field = "url"
    return field, value


def header_block(text: str) -> tuple[dict[str, Any], int]:
    """Metadata of a leading header block (or YAML front matter) and where the rest begins;
    ``({}, 0)`` when there is none. Raises :class:`UnreadableInput` for front matter that is
    not plain, safe YAML (aliases, deep nesting)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4, MAX_FRONT_MATTER)
        if end > 0:
            data = load_front_matter(text[4:end])  # refuses aliases and deep nesting
            if isinstance(data, dict):
                front = dict(f for k, v in data.items() if (f := _field(str(k), v)))
                if front:
                    return front, end + 5
    meta: dict[str, Any] = {}
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if not line.strip():
            break
        m = _KEY_LINE.match(line)
        f = _field(m.group("key"), m.group("value")) if m else None
        if f is None:
            return {}, 0
        meta.setdefault(f[0], f[1])
        if nl < 0:
            pos = len(text)
            break
        pos = nl + 1
    return (meta, pos) if meta else ({}, 0)


def _title_like(line: str) -> bool:
    s = " ".join(line.split())
    return 0 < len(s) <= MAX_TITLE_CHARS and len(s.split()) <= MAX_TITLE_WORDS


def _prose(line: str) -> bool:
    """A sentence of running text (the body has begun), not a title, a date or a label."""
    return len(line.split()) > 8 and line.rstrip("\"'”’)")[-1:] in ".!?"


def head_fields(body: str) -> tuple[dict[str, Any], str]:
    """The metadata of the head of ``body`` (see the module) and the body without its
    ``Key: value`` lines. A line with a known key but a value we cannot use (a date that is
    no date) is left in the text, unread."""
    lines = body.split("\n")
    meta: dict[str, Any] = {}
    drop: list[int] = []
    seen = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > MAX_HEAD_LINES or not _title_like(s) or _prose(s):
            break
        m = _KEY_LINE.match(s)
        f = _field(m.group("key"), m.group("value")) if m else None
        if f is not None:
            if f[0] == "published" and normalise_date(f[1]) is None:
                continue
            meta.setdefault(f[0], f[1])
            drop.append(i)
        elif "published" not in meta and (iso := parse_date(s)) is not None:
            meta["published"] = iso
    if drop:
        kept = [ln for i, ln in enumerate(lines) if i not in drop]
        body = "\n".join(kept)
    return meta, body


def document_from_text(text: str, source: str | None = None) -> list[Document]:
    """The Documents of one plain text: one, or one per article of a compilation.
    Raises :class:`UnreadableInput` (bad front matter, an invalid date, no text)."""
    text = clean_text(text)
    meta, offset = header_block(text)
    published = checked_date(meta.get("published"), "date")
    body = text[offset:]
    parts = split_dossier(body)
    if parts:
        for i, d in enumerate(parts, start=1):
            d.source = f"{source}#{i}" if source else f"#{i}"
        return parts
    head, body = head_fields(body)
    for k, v in head.items():
        meta.setdefault(k, v)
    if published is None and "published" in head:
        published = normalise_date(head["published"])
    start = len(body) - len(body.lstrip())
    body = body[start:].rstrip()
    if not body:
        raise UnreadableInput("no text after the header")
    first = body.split("\n", 1)[0]
    title = clean_str(meta.get("title")) or (clean_str(first) if _title_like(first) else None)
    url = clean_str(meta.get("url"))
    return [Document(
        text=body, title=title, outlet=clean_str(meta.get("outlet")),
        author=clean_str(meta.get("author")), published=published,
        url=url if looks_like_url(url) else None, language=language_code(meta.get("language")),
        source=source, reader="text",
    )]


def read_text_file(path: Path) -> Iterator[Document]:
    yield from document_from_text(read_text(path), str(path))
