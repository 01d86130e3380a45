"""Choose a reader per file by extension and content; walk directories.

PDF and Word (.docx) files are recognised by their signature and read by their own readers
(:mod:`foreigndesk.ingest.binary_formats`). Otherwise the content decides first: a file whose first bytes are an RSS/Atom feed is read as a feed, an
HTML page as HTML, a JSON object per line as JSON Lines, whatever its extension (a ``.txt``
that holds HTML is HTML). A file whose content looks like plain text is plain text, except
that a ``.jsonl``/``.ndjson`` file stays JSON Lines (so its bad lines are reported as such).
Unknown extensions are sniffed the same way. A file over
:data:`~foreigndesk.ingest.encoding.MAX_FILE_BYTES` is refused from its size alone, before it
is opened, unless it is named ``.jsonl``/``.ndjson`` (those are streamed line by line).

Directories are walked recursively in sorted order. Skipped while walking (not when named
explicitly): hidden files and folders, a corpus's own paperwork (README, LICENSE, SOURCES,
...), data and database files (``.yaml``, ``.tsv``, ``.csv``, ``.db`` and SQLite sidecars).
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from foreigndesk.ingest.binary_formats import binary_reader
from foreigndesk.ingest.encoding import MAX_FILE_BYTES, human_size, sniff_text, too_large
from foreigndesk.ingest.errors import ReadError, UnreadableInput
from foreigndesk.ingest.html import read_html_file
from foreigndesk.ingest.jsonl import read_json_file, read_jsonl_file
from foreigndesk.ingest.rss import read_feed_file
from foreigndesk.ingest.text import read_text_file
from foreigndesk.model import Document

Item = Document | ReadError
Reader = Callable[[Path], Iterable[Item]]

READERS: dict[str, Reader] = {
    "text": read_text_file,
    "html": read_html_file,
    "feed": read_feed_file,
    "jsonl": read_jsonl_file,
    "json": read_json_file,
}
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson", ".jsonlines"})
SKIP_STEMS = frozenset({"readme", "license", "licence", "copying", "notice", "sources", "source",
                        "changelog", "authors", "manifest", "contributing"})
SKIP_EXTENSIONS = frozenset({".yaml", ".yml", ".tsv", ".csv", ".db", ".sqlite", ".sqlite3",
                             ".db-wal", ".db-shm", ".db-journal", ".pyc", ".py"})

_FEED = re.compile(r"<(?:rss|feed|rdf:rdf)\b")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6]"
                         r"|section|header|table|span|a|br|!--)\b")
_HTML_ANY = re.compile(r"<(?:html|body|head)\b|<!doctype\s+html")


def sniff(head: str) -> str:
    """The kind of content ("feed", "html", "jsonl", "json", "text") of a file's first part."""
    s = head.lstrip()[:4096].lower()
    if s.startswith("<?xml") or s.startswith("<rss") or s.startswith("<feed"):
        if _FEED.search(s):
            return "feed"
        return "html" if _HTML_ANY.search(s) else "feed"  # other XML: the feed reader says why
    if _HTML_START.match(s) or _HTML_ANY.search(s[:1024]):
        return "html"
    if s.startswith("{"):
        first = head.lstrip().split("\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "json"
        except ValueError:
            return "json" if "\n" in head.strip() and not first.rstrip().endswith("}") else "jsonl"
    if s.startswith("["):
        return "json"
    return "text"


def choose_reader(path: Path, head: str) -> str:
    """The reader for ``path`` given its first part (content first, then extension)."""
    kind = sniff(head)
    if kind == "text" and path.suffix.lower() in JSONL_EXTENSIONS:
        return "jsonl"
    return kind


def read_path(path: Path) -> Iterator[Item]:
    """Documents of one file (a dossier, feed or JSON Lines file may hold several), and a
    :class:`ReadError` for each part that cannot be read."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableInput("not a regular file")
        streamed = path.suffix.lower() in JSONL_EXTENSIONS  # read line by line: any size
        if st.st_size > MAX_FILE_BYTES and not streamed:
            raise too_large(human_size(st.st_size))
        binary = binary_reader(path)  # PDF, DOCX
        if binary is not None:
            yield from binary(path)
            return
        _head, head = sniff_text(path)
        yield from READERS[choose_reader(path, head)](path)
    except UnreadableInput as e:
        yield ReadError(str(path), str(e))
    except IsADirectoryError:
        yield ReadError(str(path), "is a directory")
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")


def _skipped(name: str) -> bool:
    p = Path(name)
    return (name.startswith(".") or p.suffix.lower() in SKIP_EXTENSIONS
            or p.stem.lower() in SKIP_STEMS or name.lower().endswith((".db-wal", ".db-shm")))


def walk(p: Path) -> Iterator[Path]:
    """The files under ``p`` (itself when it is a file), sorted, skipping what is not a
    document."""
    if not p.is_dir():
        yield p
        return
    for root, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not _skipped(f):
                yield Path(root) / f


def read_paths(paths: Iterable[str | Path]) -> Iterator[Item]:
    """Documents of every file under ``paths``, in order; a :class:`ReadError` per failure."""
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            yield ReadError(str(p), "no such file or directory")
            continue
        for f in walk(p):
            yield from read_path(f)
