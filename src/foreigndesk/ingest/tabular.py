"""Open data files for the importers: plain, gzip (.gz) or zip (every member), as text, with a
byte counter for progress bars; the progress and bad-row callbacks the importers share.

Hostile files fail alone and say why (:class:`DataFileError`): compressed data may expand to
at most :func:`expansion_limit` bytes (a zip or gzip bomb is refused once it passes it, never
held in memory), a truncated or damaged .gz or .zip is named as such, and no line may be
longer than :data:`MAX_LINE_CHARS` (lines are read with that bound).
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

BadRowHandler = Callable[[str, int, str], None]  # (file label, line number, reason)

MAX_RATIO = 200
"""Compressed data may expand to this many times its size (CSV compresses 5-15 times)..."""
MIN_EXPANSION = 256 * 1024 * 1024
"""... or to this many bytes, whichever is more."""
MAX_LINE_CHARS = 1024 * 1024
"""The longest line a data file may have (a GDELT row has about 1,500 characters)."""
_ZIP_MAGIC = b"PK\x03\x04"


class DataFileError(ValueError):
    """A whole data file cannot be read; the message says why."""


def expansion_limit(compressed: int) -> int:
    return max(MIN_EXPANSION, MAX_RATIO * compressed)


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


class _Limited(io.RawIOBase):
    """Decompressed bytes, refused past ``limit``; decompression errors made
    :class:`DataFileError` with a reason."""

    def __init__(self, raw: IO[bytes], limit: int, compressed: int, kind: str) -> None:
        self.raw = raw
        self.limit = limit
        self.compressed = compressed
        self.kind = kind
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        try:
            data = self.raw.read(len(b))
        except EOFError:
            raise DataFileError(f"truncated {self.kind}: the compressed data ends early") from None
        except (zlib.error, zipfile.BadZipFile, gzip.BadGzipFile) as e:
            raise DataFileError(f"damaged {self.kind} ({e})") from None
        n = len(data)
        b[:n] = data
        self.count += n
        if self.count > self.limit:
            raise DataFileError(
                f"{self.kind} expands to more than {_mb(self.limit)} from {_mb(self.compressed)} "
                f"(over {self.limit // max(self.compressed, 1):,} times its size): refused as "
                "a possible decompression bomb")
        return n


def bounded_lines(stream: IO[str], label: str = "") -> Iterator[str]:
    """The lines of ``stream``; raises :class:`DataFileError` at a line over
    MAX_LINE_CHARS characters (a data file, not a blob)."""
    n = 0
    while True:
        line = stream.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        n += 1
        if len(line) > MAX_LINE_CHARS:
            raise DataFileError(f"line {n} is longer than {MAX_LINE_CHARS:,} characters: "
                                "not a data table")
        yield line


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
        head = f.read(4)
        f.seek(0)
        size = path.stat().st_size
        if head == _ZIP_MAGIC:
            raise DataFileError("truncated or damaged zip archive (no central directory)")
        raw: IO[bytes] = cast(IO[bytes], buffered)
        if head[:2] == b"\x1f\x8b":
            limited = _Limited(cast(IO[bytes], gzip.GzipFile(fileobj=buffered)),
                               expansion_limit(size), size, "gzip file")
            raw = cast(IO[bytes], io.BufferedReader(limited, 1 << 20))
        yield TextPart(str(path), _text(raw), counter, size)


def open_parts(path: str | Path) -> Iterator[TextPart]:
    """Yield the text streams of ``path`` in order (one, or one per zip member).

    Raises OSError (missing/unreadable file) or :class:`DataFileError` (a truncated or
    damaged archive, a decompression bomb, an endless line)."""
    p = Path(path)
    if zipfile.is_zipfile(p):
        try:
            z = zipfile.ZipFile(p)
        except (zipfile.BadZipFile, EOFError, ValueError) as e:
            raise DataFileError(f"damaged zip archive ({e})") from None
        with z:
            for info in z.infolist():
                if info.is_dir() or info.filename.startswith(("__MACOSX/", ".")):
                    continue
                limit = expansion_limit(info.compress_size)
                if info.file_size > limit:
                    raise DataFileError(
                        f"zip member {info.filename} would expand to {_mb(info.file_size)} from "
                        f"{_mb(info.compress_size)}: refused as a possible decompression bomb")
                try:
                    member = z.open(info)
                except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as e:
                    raise DataFileError(f"zip member {info.filename}: {e}") from None
                with member:
                    counter = _Counting(member)
                    limited = _Limited(cast(IO[bytes], counter), limit, info.compress_size,
                                       "zip member")
                    buffered = io.BufferedReader(limited, 1 << 20)
                    yield TextPart(f"{p}:{info.filename}", _text(buffered), counter,
                                   info.file_size)
        return
    with _gz_or_plain(p) as part:
        yield part
