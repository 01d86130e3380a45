"""PDF files: the text layer, page by page (pypdfium2), with the pages kept as provenance.

The text layer gives one line per printed line. Lines are put back into paragraphs from the
layout: a gap between two lines clearly wider than the page's usual line spacing (1.4 times
its median; on a page of a few lines, 1.2 times the median line height) starts a new
paragraph; the lines of a paragraph are joined with a space. A
paragraph that fills its last line on one page goes on at the top of the next. Paragraphs
are separated by blank lines, so the text reads like a plain-text file: a header block, a
dossier of several articles (:mod:`foreigndesk.ingest.dossier`) and titles work the same.

Each Document keeps its page map (``Document.pages``: where each page begins in its text), so
every sentence knows its page. A PDF without a text layer (a scan) is refused in one line:
it needs OCR first.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from foreigndesk.ingest.encoding import MAX_TEXT_CHARS, check_size, too_large
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.model import Document

PARAGRAPH_GAP = 1.4  # a line gap this many times the median starts a paragraph
FULL_LINE = 0.85  # a line reaching this share of the text width does not end a paragraph
MAX_PAGES = 2000


@dataclass
class _Line:
    left: float
    bottom: float
    right: float
    top: float
    text: str


def _lines(textpage: object) -> list[_Line]:
    """The printed lines of a page, top to bottom (rectangles on one baseline merged)."""
    tp = textpage
    rects = []
    for i in range(tp.count_rects()):  # type: ignore[attr-defined]
        left, bottom, right, top = tp.get_rect(i)  # type: ignore[attr-defined]
        text = tp.get_text_bounded(left, bottom, right, top)  # type: ignore[attr-defined]
        text = " ".join(text.split())
        if text:
            rects.append(_Line(left, bottom, right, top, text))
    rects.sort(key=lambda r: (-round(r.bottom), r.left))
    lines: list[_Line] = []
    for r in rects:
        if lines and abs(lines[-1].bottom - r.bottom) < 2.0 and r.left >= lines[-1].right - 1:
            last = lines[-1]
            last.text += " " + r.text
            last.right = max(last.right, r.right)
            last.top = max(last.top, r.top)
        else:
            lines.append(r)
    return lines


def _paragraphs(lines: list[_Line]) -> tuple[list[str], bool]:
    """The page's paragraphs, and whether its last paragraph runs on (its last line is
    full)."""
    if not lines:
        return [], False
    gaps = [a.bottom - b.bottom for a, b in zip(lines, lines[1:], strict=False)
            if a.bottom - b.bottom > 0]
    heights = [x.top - x.bottom for x in lines if x.top > x.bottom]
    if len(gaps) >= 6 or not heights:  # enough lines to know the page's line spacing
        usual = statistics.median(gaps) if gaps else 0.0
    else:  # a few lines: single spacing is about 1.2 times the height of a line
        usual = 1.2 * statistics.median(heights)
    left = min(x.left for x in lines)
    width = max(x.right for x in lines) - left
    paras: list[list[str]] = [[lines[0].text]]
    for prev, ln in zip(lines, lines[1:], strict=False):
        gap = prev.bottom - ln.bottom
        if usual and (gap > PARAGRAPH_GAP * usual or gap < 0):
            paras.append([ln.text])
        else:
            paras[-1].append(ln.text)
    last = lines[-1]
    runs_on = width > 0 and (last.right - left) >= FULL_LINE * width and len(paras[-1]) > 1
    return [_join(p) for p in paras], runs_on


def _join(lines: list[str]) -> str:
    """One paragraph from its lines: a line broken at a hyphen (pdfium marks it \x02) goes on
    without a space and keeps its hyphen (most are real: "whole-of-government", URLs); a URL
    broken over lines is put back together."""
    out = lines[0].replace("\x02", "-")
    for ln in lines[1:]:
        ln = ln.replace("\x02", "-")
        url = out.startswith(("http://", "https://")) and " " not in out and " " not in ln
        out += ln if url or out.endswith("-") else " " + ln
    return out


def pdf_text(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The text of a PDF (paragraphs separated by blank lines) and its page map
    ([(offset, page number)]); raises :class:`UnreadableInput` for a PDF that cannot be
    read or has no text layer."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise UnreadableInput("encrypted PDF (it needs a password)") from None
        raise UnreadableInput("not a readable PDF (damaged or truncated)") from None
    try:
        n = len(pdf)
        if n > MAX_PAGES:
            raise UnreadableInput(f"too large ({n} pages; the limit is {MAX_PAGES})")
        text = ""
        pages: list[tuple[int, int]] = []
        runs_on = False
        for i in range(n):
            page = pdf[i]
            try:
                paras, next_runs_on = _paragraphs(_lines(page.get_textpage()))
            finally:
                page.close()
            if not paras:
                continue
            if text:
                text += " " if runs_on else "\n\n"
            pages.append((len(text), i + 1))
            text += "\n\n".join(paras)
            runs_on = next_runs_on
            if len(text) > MAX_TEXT_CHARS:
                raise too_large(f"more than {len(text):,} characters of text")
    finally:
        pdf.close()
    if not text.strip():
        raise UnreadableInput(f"PDF without a text layer ({n} page{'s' if n != 1 else ''}, "
                              "a scan?): run OCR first, e.g. ocrmypdf, then ingest its output")
    return text, pages


def pages_of(doc_text: str, text: str, pages: list[tuple[int, int]],
             start_at: int = 0) -> tuple[list[tuple[int, int]], int]:
    """The page map of a document whose text is a part of ``text`` (found from
    ``start_at``), and where that part ends."""
    at = text.find(doc_text, start_at)
    if at < 0:
        at = text.find(doc_text)
    if at < 0:
        return [], start_at
    end = at + len(doc_text)
    out: list[tuple[int, int]] = []
    for k, (offset, number) in enumerate(pages):
        nxt = pages[k + 1][0] if k + 1 < len(pages) else len(text)
        if nxt <= at or offset >= end:
            continue
        out.append((max(0, offset - at), number))
    return out, end


def read_pdf_file(path: Path) -> Iterator[Document]:
    """The Documents of a PDF: one, or one per article of a dossier, each with its pages."""
    from foreigndesk.ingest.text import document_from_text

    check_size(path)
    text, pages = pdf_text(path)
    docs = document_from_text(text, str(path))
    pos = 0
    for d in docs:
        d.pages, pos = pages_of(d.text, text, pages, pos)
        d.pages = d.pages or None
        if d.reader == "text":
            d.reader = "pdf"
        yield d
