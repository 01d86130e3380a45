"""Word documents (.docx) through python-docx.

The paragraphs of the body (and of its tables, row by row) become the text, separated by
blank lines, so it reads like a plain-text file: a leading run of ``Key: value`` paragraphs is
a header block (``Date:``, ``Outlet:``, ``URL:``), and a dossier of several articles is split
(:mod:`foreigndesk.ingest.dossier`). The title and author of the file's properties are used
when the text gives none; its creation date is not a publication date and is not used.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from foreigndesk.ingest.encoding import MAX_TEXT_CHARS, check_size, too_large
from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.ingest.text import _KEY_LINE, _field
from foreigndesk.model import Document


def is_docx(path: Path) -> bool:
    """A ZIP file holding ``word/document.xml``."""
    try:
        with zipfile.ZipFile(path) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _header_line(s: str) -> bool:
    m = _KEY_LINE.match(s)
    return bool(m and _field(m.group("key"), m.group("value")))


def docx_text(path: Path) -> tuple[str, str | None, str | None]:
    """(text, title, author) of a .docx file."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        d = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001 - a damaged package is bad input
        raise UnreadableInput(f"not a readable DOCX ({type(e).__name__})") from None
    paras: list[str] = []
    for block in d.iter_inner_content():
        if isinstance(block, Paragraph):
            paras.append(" ".join(block.text.split()))
        elif isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells))
                paras.append(" | ".join(c for c in cells if c))
    paras = [p for p in paras if p]
    head = 0
    while head < len(paras) and _header_line(paras[head]):
        head += 1
    text = "\n".join(paras[:head])
    if head and head < len(paras):
        text += "\n\n"
    text += "\n\n".join(paras[head:])
    if len(text) > MAX_TEXT_CHARS:
        raise too_large(f"{len(text):,} characters")
    if not text.strip():
        raise UnreadableInput("DOCX without text")
    props = d.core_properties
    return text, (props.title or None), (props.author or None)


def read_docx_file(path: Path) -> Iterator[Document]:
    from foreigndesk.ingest.text import document_from_text

    check_size(path)
    text, title, author = docx_text(path)
    docs = document_from_text(text, str(path))
    for d in docs:
        if d.reader == "text":
            d.reader = "docx"
            d.title = d.title if len(docs) > 1 or not title else title
            d.author = d.author or author
        yield d
