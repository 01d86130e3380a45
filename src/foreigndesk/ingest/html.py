"""HTML pages (main text and metadata with trafilatura) and HTML fragments to text.

The Document's text is the page's main text, paragraphs separated by blank lines, starting
with the title (prepended when the main text does not already begin with it). Metadata:
title, publication date, author, URL (canonical link / og:url), site name as outlet, and the
language of ``<html lang>``. A page without main text is reported, not stored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

from foreigndesk.ingest.clean import clean_text
from foreigndesk.ingest.dates import normalise_date
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS, read_bytes, too_large
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.ingest.fields import clean_str, language_code, looks_like_url
from foreigndesk.model import Document

_BLOCK = frozenset("""address article aside blockquote br dd div dl dt figcaption figure footer
form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tr ul
""".split())
_DROP = ("script", "style", "noscript", "template")
_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)",
                        re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z!/]")
_quiet = False
MIN_MAIN_WORDS = 8
"""A page whose main text has fewer words than this has no main text (a menu, a stub)."""


def _silence() -> None:
    """trafilatura and htmldate log to the root logger; their messages are not ours to show."""
    global _quiet
    if not _quiet:
        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        _quiet = True


def _paragraphs(text: str) -> str:
    lines = (" ".join(ln.split()) for ln in text.split("\n"))
    return "\n\n".join(ln for ln in lines if ln)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): block elements become paragraphs
    separated by blank lines; scripts and styles are dropped."""
    if not _TAG.search(fragment):
        return _paragraphs(unescape(fragment))
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(unescape(re.sub(r"<[^>]*>", " ", fragment)))
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _DROP:
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        if tag and el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    return _paragraphs("".join(parts))


def document_from_html(data: bytes | str, source: str | None = None,
                       url: str | None = None) -> Document:
    """A Document from an HTML page; raises :class:`UnreadableInput` when it has no main text."""
    import trafilatura

    _silence()
    try:
        res = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # noqa: BLE001 - a page trafilatura cannot parse is bad input
        raise UnreadableInput(f"malformed HTML ({type(e).__name__})") from None
    text = _paragraphs(clean_text(getattr(res, "text", None) or "")) if res is not None else ""
    if len(text.split()) < MIN_MAIN_WORDS:
        raise UnreadableInput("HTML without main text")
    title = clean_str(getattr(res, "title", None))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    if len(text) > MAX_TEXT_CHARS:
        raise too_large(f"{len(text):,} characters of main text")
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    m = _LANG_ATTR.search(raw[:8192])
    page_url = clean_str(getattr(res, "url", None)) or url
    return Document(
        text=text, title=title, outlet=clean_str(getattr(res, "sitename", None)),
        author=clean_str(getattr(res, "author", None)),
        published=normalise_date(getattr(res, "date", None)),
        url=page_url if looks_like_url(page_url) else None,
        language=language_code(m.group(1).decode("ascii") if m else None),
        source=source, reader="html",
    )


def read_html_file(path: Path) -> Iterator[Document]:
    yield document_from_html(read_bytes(path), str(path))
