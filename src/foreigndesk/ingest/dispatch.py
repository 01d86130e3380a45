"""Choose a reader per file by extension and content; walk directories."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from foreigndesk.ingest.errors import ReadError, UnreadableInput
from foreigndesk.ingest.text import read_text_file
from foreigndesk.model import Document

Item = Document | ReadError


def read_path(path: Path) -> Iterator[Item]:
    """Documents of one file (a dossier or feed may hold several)."""
    try:
        yield from read_text_file(path)
    except UnreadableInput as e:
        yield ReadError(str(path), str(e))
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")


def _walk(p: Path) -> Iterator[Path]:
    if p.is_dir():
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith("."):
                    yield Path(root) / f
    else:
        yield p


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            yield ReadError(str(p), "no such file or directory")
            continue
        for f in _walk(p):
            yield from read_path(f)
