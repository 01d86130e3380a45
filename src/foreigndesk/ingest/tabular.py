"""Open data files for the importers: plain, gzip (.gz) or zip (every member), as text, with a
byte counter for progress bars; the progress and bad-row callbacks the importers share."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

BadRowHandler = Callable[[str, int, str], None]  # (file label, line number, reason)


class Progress:
    """Progress callbacks of an import (the default does nothing)."""

    def start(self, label: str, total: int) -> None:
        """A file (of ``total`` bytes) begins."""

    def update(self, done: int) -> None:
        """``done`` bytes of the current file are read."""

    def finish(self) -> None:
        """The current file is done."""


class _Counting(io.RawIOBase):
    """A binary reader that counts the bytes read through it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.raw.read(len(b))
        n = len(data)
        b[:n] = data
        self.count += n
        return n


@dataclass
class TextPart:
    """One text stream of an input file (a zip gives one per member)."""

    label: str  # "file.zip:member.csv" or the path
    stream: IO[str]
    counter: _Counting
    total: int  # bytes the counter reaches at the end

    @property
    def done(self) -> int:
        return self.counter.count


def _text(raw: IO[bytes]) -> IO[str]:
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


@contextmanager
def _gz_or_plain(path: Path) -> Iterator[TextPart]:
    with open(path, "rb") as f:
        counter = _Counting(f)
        buffered = io.BufferedReader(counter, 1 << 20)
        head = f.read(2)
        f.seek(0)
        raw: IO[bytes] = (cast(IO[bytes], gzip.GzipFile(fileobj=buffered))
                          if head == b"\x1f\x8b" else cast(IO[bytes], buffered))
        yield TextPart(str(path), _text(raw), counter, path.stat().st_size)


def open_parts(path: str | Path) -> Iterator[TextPart]:
    """Yield the text streams of ``path`` in order (one, or one per zip member).

    Raises OSError (missing/unreadable file) or ValueError (a zip that is not one)."""
    p = Path(path)
    if zipfile.is_zipfile(p):
        with zipfile.ZipFile(p) as z:
            for info in z.infolist():
                if info.is_dir() or info.filename.startswith(("__MACOSX/", ".")):
                    continue
                with z.open(info) as member:
                    counter = _Counting(member)
                    buffered = io.BufferedReader(counter, 1 << 20)
                    yield TextPart(f"{p}:{info.filename}", _text(buffered), counter,
                                   info.file_size)
        return
    with _gz_or_plain(p) as part:
        yield part
