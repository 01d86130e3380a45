"""Readers for the binary formats documents arrive in (PDF, Word .docx), chosen by the
file's signature before the text readers sniff it (see :mod:`foreigndesk.ingest.dispatch`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from foreigndesk.ingest.errors import ReadError
from foreigndesk.model import Document

Reader = Callable[[Path], Iterable[Document | ReadError]]


def binary_reader(path: Path) -> Reader | None:
    """The reader of a PDF or DOCX file (by its first bytes), or None for anything else."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        return None
    if head.startswith(b"%PDF"):
        from foreigndesk.ingest.pdf import read_pdf_file

        return read_pdf_file
    if head.startswith(b"PK\x03\x04"):
        from foreigndesk.ingest.docx import is_docx, read_docx_file

        if is_docx(path):
            return read_docx_file
    return None
