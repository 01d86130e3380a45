"""Plain text files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from foreigndesk.ingest.errors import UnreadableInput
from foreigndesk.model import Document


def read_text_file(path: Path) -> Iterator[Document]:
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        raise UnreadableInput("empty file")
    yield Document(text=text, source=str(path), reader="text")
