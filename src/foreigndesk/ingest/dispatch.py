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
A symbolic link met while walking is followed only when it stays inside the tree being
walked; one that leaves it is reported and not read, unless ``follow_links`` is set
(``ingest --follow-links``). A path named explicitly is read even when it is a link.

A file that looks like a data table (a GDELT event export, rows of tab- or comma-separated
fields) is refused with a hint to use ``foreigndesk import``: read as prose it would make a
meaningless document of tens of thousands of words.

Whatever goes wrong while reading one file (even an unexpected error inside a library) costs
that file alone: it becomes a :class:`ReadError` and the next file is read.
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
        except (ValueError, RecursionError):
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


_TABLE_MIN_ROWS = 3


def table_reason(head: str) -> str | None:
    """Why the first part of a file is a data table rather than prose, or None: a GDELT
    event export (57, 58 or 61 tab-separated fields, a numeric id first), or at least three
    lines with the same number of tab-separated (>= 3) or comma-separated (>= 5) fields,
    short ones (at most 4 words a field on average) and no line ending like a sentence."""
    lines = [ln for ln in head.split("\n")[:20] if ln.strip()]
    if len(lines) > 1 and not head.endswith("\n"):
        lines = lines[:-1]  # the last line may be cut off by the sniffing window
    if len(lines) < 1:
        return None
    cells = lines[0].split("\t")
    if len(cells) in (57, 58, 61) and (cells[0].strip().isdigit()
                                       or cells[0].strip().upper() == "GLOBALEVENTID"):
        return "looks like a GDELT event export: use `foreigndesk import gdelt`"
    if len(lines) < _TABLE_MIN_ROWS:
        return None
    for sep, least, name in (("\t", 3, "tab"), (",", 5, "comma")):
        rows = lines[:10]
        counts = {ln.count(sep) for ln in rows}
        n = counts.pop() if len(counts) == 1 else 0
        words = sum(len(ln.split()) for ln in rows) / (len(rows) * (n + 1))
        sentences = any(ln.rstrip().endswith((".", "!", "?", '"', "”")) for ln in rows)
        if n >= least - 1 and words <= 4 and not sentences:  # short cells, not sentences
            return (f"looks like a table of {name}-separated values, not a text: use "
                    "`foreigndesk import gdelt` or `foreigndesk import unvotes` for data sets")
    return None


def read_path(path: Path) -> Iterator[Item]:
    """Documents of one file (a dossier, feed or JSON Lines file may hold several), and a
    :class:`ReadError` for each part that cannot be read. Never raises."""
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
        kind = choose_reader(path, head)
        if kind == "text":
            reason = table_reason(head)
            if reason:
                raise UnreadableInput(reason)
        yield from READERS[kind](path)
    except UnreadableInput as e:
        yield ReadError(str(path), str(e))
    except IsADirectoryError:
        yield ReadError(str(path), "is a directory")
    except OSError as e:
        yield ReadError(str(path), f"cannot read: {e.strerror or e}")
    except RecursionError:
        yield ReadError(str(path), "nested too deeply to read")
    except MemoryError:
        yield ReadError(str(path), "out of memory while reading")
    except Exception as e:  # noqa: BLE001 - any other failure costs this file alone
        yield ReadError(str(path), f"cannot read ({type(e).__name__}: {str(e)[:200]})")


def _skipped(name: str) -> bool:
    p = Path(name)
    return (name.startswith(".") or p.suffix.lower() in SKIP_EXTENSIONS
            or p.stem.lower() in SKIP_STEMS or name.lower().endswith((".db-wal", ".db-shm")))


LEAVES_TREE = "symbolic link to outside the ingested tree, not followed (--follow-links reads it)"


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def walk(p: Path, follow_links: bool = False) -> Iterator[Path | ReadError]:
    """The files under ``p`` (itself when it is a file), sorted, skipping what is not a
    document; a :class:`ReadError` for a symbolic link that leaves the tree (unless
    ``follow_links``). Directories reached twice through links are walked once."""
    if not p.is_dir():
        yield p
        return
    root = p.resolve()
    seen: set[Path] = set()
    stack = [p]
    while stack:  # depth first, sorted, like os.walk
        d = stack.pop()
        real = d.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as err:
            yield ReadError(str(d), f"cannot read: {err.strerror or err}")
            continue
        subdirs: list[Path] = []
        for e in entries:
            path = Path(e.path)
            if e.name.startswith("."):
                continue
            if e.is_symlink():
                target = path.resolve()
                if not follow_links and not _inside(target, root):
                    if target.is_dir() or not _skipped(e.name):
                        yield ReadError(str(path), LEAVES_TREE)
                    continue
                if target.is_dir():
                    subdirs.append(path)
                    continue
            elif e.is_dir(follow_symlinks=False):
                subdirs.append(path)
                continue
            if not _skipped(e.name):
                yield path
        stack.extend(reversed(subdirs))


def read_paths(paths: Iterable[str | Path], follow_links: bool = False) -> Iterator[Item]:
    """Documents of every file under ``paths``, in order; a :class:`ReadError` per failure."""
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            yield ReadError(str(p), "no such file or directory")
            continue
        for f in walk(p, follow_links):
            if isinstance(f, ReadError):
                yield f
            else:
                yield from read_path(f)
