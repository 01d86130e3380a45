"""Bytes to text, safely: size limits, binary detection, encoding detection.

- A file larger than :data:`MAX_FILE_BYTES` is refused from its size alone (never read), and a
  text longer than :data:`MAX_TEXT_CHARS` characters after decoding is refused too.
- Binary content (a known file signature, NUL bytes, or mostly control bytes) is refused.
- Decoding: a byte-order mark wins; else UTF-8; else charset-normalizer's best guess when it is
  confident (little chaos, a recognisable language); else the file is reported undecodable.

Every refusal raises :class:`~foreigndesk.ingest.errors.UnreadableInput` with a short reason.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from foreigndesk.ingest.errors import UnreadableInput

MAX_TEXT_CHARS = 5 * 1024 * 1024
"""The most text one document (or one plain-text file) may have: 5 MB."""
MAX_FILE_BYTES = 4 * MAX_TEXT_CHARS
"""The largest HTML/feed/text file read at all (markup and UTF-16 take more bytes than text)."""
SNIFF_BYTES = 64 * 1024

_BOMS = [  # UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# leading bytes of common non-text formats -> what to call them
_SIGNATURES = [
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/ODT/EPUB)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
]
_ALLOWED_CONTROLS = frozenset(b"\t\n\r\f\v\x1b\x08")
MAX_CONTROL_SHARE = 0.05
MIN_COHERENCE = 0.1
MAX_CHAOS = 0.2


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} bytes"


def too_large(what: str) -> UnreadableInput:
    return UnreadableInput(f"too large ({what}; the limit is "
                           f"{human_size(MAX_TEXT_CHARS)} of text)")


def check_size(path: Path, limit: int = MAX_FILE_BYTES) -> int:
    """The file's size; raises when it is above ``limit`` (the file is not opened)."""
    size = path.stat().st_size
    if size > limit:
        raise too_large(human_size(size))
    return size


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing files above ``limit`` and binary or empty ones."""
    check_size(path, limit)
    with path.open("rb") as f:
        data = f.read(limit + 1)  # the file may have grown since stat()
    if len(data) > limit:
        raise too_large(f"more than {human_size(limit)}")
    if not data:
        raise UnreadableInput("empty file")
    reason = binary_reason(data[:SNIFF_BYTES])
    if reason:
        raise UnreadableInput(reason)
    return data


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of a file say it is not text, or None."""
    for sig, name in _SIGNATURES:
        if head.startswith(sig):
            return f"binary file ({name})"
    enc = bom_encoding(head)
    if enc and enc != "utf-8":
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in head:
        return "binary file (contains NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 32 and b not in _ALLOWED_CONTROLS)
        if controls / len(head) > MAX_CONTROL_SHARE:
            return "binary file (mostly non-text bytes)"
    return None


def decode(data: bytes) -> str:
    """Text of ``data``: BOM, else UTF-8, else a confident detection; newlines made ``\\n``."""
    enc = bom_encoding(data)
    if enc:
        try:
            text = data[_bom_len(data):].decode(enc)
        except UnicodeDecodeError as e:
            raise UnreadableInput(f"undecodable: bad {enc} at byte {e.start}") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _detect(data)
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _bom_len(data: bytes) -> int:
    for bom, _enc in _BOMS:
        if data.startswith(bom):
            return len(bom)
    return 0


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableInput("undecodable: not UTF-8, and no other encoding fits")
    enc = best.encoding
    # without NUL bytes a text cannot be UTF-16/32; such a guess is noise
    confident = (best.chaos <= MAX_CHAOS and best.coherence >= MIN_COHERENCE
                 and not (enc.startswith(("utf_16", "utf_32")) and b"\x00" not in data))
    if not confident:
        raise UnreadableInput(f"undecodable: not UTF-8, and the encoding cannot be told with "
                              f"confidence (best guess {enc})")
    return str(best)


def read_text(path: Path) -> str:
    """A text file's content, decoded; refuses large, binary, undecodable or blank files."""
    text = decode(read_bytes(path))
    if len(text) > MAX_TEXT_CHARS:
        raise too_large(f"{len(text):,} characters")
    if not text.strip():
        raise UnreadableInput("only whitespace")
    return text


def sniff_text(path: Path) -> tuple[bytes, str]:
    """The first bytes of a file (checked for emptiness and binary content) and a lenient
    decoding of them, for choosing a reader."""
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
    if not head:
        raise UnreadableInput("empty file")
    reason = binary_reason(head)
    if reason:
        raise UnreadableInput(reason)
    enc = bom_encoding(head) or "utf-8"
    return head, head[_bom_len(head):].decode(enc, errors="replace")
