"""JSON Lines (one document per line) and JSON files (one object, or an array of objects).

Each object needs ``text`` (``body`` or ``content`` are accepted instead) and may give
``title``, ``outlet`` (or ``source``/``site``), ``author`` (a string or a list),
``published`` (or ``date``; any shape :func:`~foreigndesk.ingest.dates.normalise_date` reads),
``url`` (or ``link``), ``urls`` (a list) and ``language``. Other keys are ignored. The text is
taken as given (no splitting, nothing prepended).

A bad line (not UTF-8, not JSON, not an object, no text, too large) is reported with its line
number and the rest of the file is read. JSON Lines files are streamed line by line, so their
size is not limited; each line is (:data:`~foreigndesk.ingest.encoding.MAX_TEXT_CHARS`).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from foreigndesk.ingest.clean import TooDeep, checked_date, clean_text, json_value
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS, decode, human_size, read_bytes
from foreigndesk.ingest.errors import ReadError, UnreadableInput
from foreigndesk.ingest.fields import clean_str, language_code, looks_like_url
from foreigndesk.model import Document

Item = Document | ReadError
MAX_LINE_BYTES = 4 * MAX_TEXT_CHARS
_CHUNK = 1 << 20


class BadRecord(ValueError):
    """Why one JSON object is not a document."""


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        v = obj.get(k)
        if v not in (None, "", []):
            return v
    return None


def document_from_object(obj: Any, source: str | None = None) -> Document:
    """A Document from one decoded JSON value; raises :class:`BadRecord`."""
    if not isinstance(obj, dict):
        raise BadRecord(f"not a JSON object (a {type(obj).__name__})")
    text = _first(obj, "text", "body", "content")
    if text is None:
        raise BadRecord('no "text"')
    if not isinstance(text, str):
        raise BadRecord('"text" is not a string')
    if not text.strip():
        raise BadRecord('"text" is empty')
    if len(text) > MAX_TEXT_CHARS:
        raise BadRecord(f"text too large ({len(text):,} characters; the limit is "
                        f"{human_size(MAX_TEXT_CHARS)})")
    text = clean_text(text)
    try:
        published = checked_date(_first(obj, "published", "date"), "published")
    except UnreadableInput as e:
        raise BadRecord(str(e)) from None
    url = clean_str(_first(obj, "url", "link"))
    raw_urls = obj.get("urls")
    urls = [u for u in (clean_str(x) for x in raw_urls) if u and looks_like_url(u)] \
        if isinstance(raw_urls, list) else []
    return Document(
        text=text.replace("\r\n", "\n"), title=clean_str(obj.get("title")),
        outlet=clean_str(_first(obj, "outlet", "source", "site", "sitename")),
        author=clean_str(_first(obj, "author", "authors")),
        published=published,
        url=url if looks_like_url(url) else None, urls=urls,
        language=language_code(obj.get("language")), source=source, reader="jsonl",
    )


def _lines(path: Path) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; bytes is None for a line over the size limit."""
    with path.open("rb") as f:
        n = 0
        while True:
            line = f.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            n += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while True:  # skip the rest of the oversized line without keeping it
                    rest = f.readline(_CHUNK)
                    if not rest or rest.endswith(b"\n"):
                        break
                yield n, None
                continue
            yield n, line


def read_jsonl_file(path: Path) -> Iterator[Item]:
    good = bad = 0
    for n, raw in _lines(path):
        where = f"line {n}"
        if raw is None:
            bad += 1
            yield ReadError(str(path), f"{where}: too large (over {human_size(MAX_LINE_BYTES)})")
            continue
        if n == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad += 1
            yield ReadError(str(path), f"{where}: not valid UTF-8 (byte {e.start})")
            continue
        try:
            doc = document_from_object(json_value(line), f"{path}#{n}")
        except (TooDeep, BadRecord) as e:
            bad += 1
            yield ReadError(str(path), f"{where}: {e}")
            continue
        except json.JSONDecodeError as e:
            bad += 1
            yield ReadError(str(path), f"{where}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        good += 1
        yield doc
    if not good and not bad:
        raise UnreadableInput("empty file")


def read_json_file(path: Path) -> Iterator[Item]:
    """A ``.json`` file: one document object, or an array of them."""
    text = decode(read_bytes(path))
    try:
        data = json_value(text)
    except TooDeep as e:
        raise UnreadableInput(str(e)) from None
    except json.JSONDecodeError as e:
        raise UnreadableInput(f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})"
                              ) from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise UnreadableInput("empty JSON array")
    for i, obj in enumerate(records, start=1):
        try:
            yield document_from_object(obj, f"{path}#{i}" if isinstance(data, list) else str(path))
        except BadRecord as e:
            yield ReadError(str(path), f"item {i}: {e}" if isinstance(data, list) else str(e))
