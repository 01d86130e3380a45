"""POST /api/ingest: one document from a JSON object or plain text, through the same readers,
extractors and store transaction as ``foreigndesk ingest``."""

from __future__ import annotations

import threading
from typing import Any

from foreigndesk.model import Document

_WRITE = threading.Lock()  # one write at a time (the store takes one writer anyway)
MAX_BODY = 8 * 1024 * 1024


class IngestError(ValueError):
    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def documents_of(body: bytes, content_type: str) -> list[Document]:
    """The document(s) a request body holds: a JSON object (the JSON Lines reader's fields)
    or plain text (the text reader: an optional header block, or a dossier)."""
    from foreigndesk.ingest.clean import TooDeep, json_value
    from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
    from foreigndesk.ingest.errors import UnreadableInput
    from foreigndesk.ingest.jsonl import BadRecord, document_from_object
    from foreigndesk.ingest.text import document_from_text

    if len(body) > MAX_BODY:
        raise IngestError("body too large", 413)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise IngestError("body is not UTF-8") from None
    if content_type.split(";")[0].strip().lower() in ("text/plain", "text/markdown"):
        if not text.strip():
            raise IngestError("empty text")
        if len(text) > MAX_TEXT_CHARS:
            raise IngestError(f"text too large (the limit is {MAX_TEXT_CHARS:,} characters)", 413)
        try:
            return document_from_text(text.replace("\r\n", "\n"), source="api")
        except UnreadableInput as e:
            raise IngestError(str(e)) from None
    try:
        obj = json_value(text)
    except TooDeep as e:
        raise IngestError(f"JSON {e}") from None
    except ValueError as e:
        raise IngestError(f"not JSON: {e}") from None
    try:
        return [document_from_object(obj, source="api")]
    except BadRecord as e:
        raise IngestError(str(e)) from None


def ingest_body(db_path: str, body: bytes, content_type: str) -> dict[str, Any]:
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.extract.budget import Budget
    from foreigndesk.run.local import ExtractError, run
    from foreigndesk.store import Store

    docs = documents_of(body, content_type)
    added: list[Document] = []
    present: list[Document] = []
    with _WRITE:
        store = Store.open(db_path)
        try:
            todo: list[Document] = []
            for d in docs:
                (present if store.has_document(d.id) else todo).append(d)
            for r in run(todo, workers=1, limits=Budget()):
                if isinstance(r, ExtractError):  # this document's fault: a 422, not a 500
                    raise IngestError(r.reason, 422)
                if store.add(r):
                    added.append(r.document)
                else:
                    present.append(r.document)
            if added:
                refresh(store)
        finally:
            store.close()
    return {"added": [{"id": d.id, "title": d.title, "href": f"/documents/{d.id}"}
                      for d in added],
            "already_present": [d.id for d in present]}
