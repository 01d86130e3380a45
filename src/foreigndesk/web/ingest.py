"""POST /api/ingest: one document from a JSON object or plain text, through the same readers,
extractors and store transaction as ``foreigndesk ingest``."""

from __future__ import annotations

import threading
from typing import Any

from foreigndesk.config import DEFAULT, ExtractConfig
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


def ingest_body(db_path: str, body: bytes, content_type: str,
                config: ExtractConfig = DEFAULT) -> dict[str, Any]:
    """Ingest the document(s) of a request body through the ingest service (in this
    process, each document within the default budget); an extraction that fails is a 422."""
    from foreigndesk.run.executors import Inline
    from foreigndesk.run.service import ingest
    from foreigndesk.store import Store

    docs = documents_of(body, content_type)
    with _WRITE:
        store = Store.open(db_path)
        try:
            report = ingest(docs, store, Inline(), config)
        finally:
            store.close()
    if report.errors:  # this document's fault: a 422, not a 500
        message = report.errors[0]
        raise IngestError(message.split(": ", 1)[1] if ": " in message else message, 422)
    return {"added": [{"id": doc_id, "title": title, "href": f"/documents/{doc_id}"}
                      for doc_id, title in report.documents],
            "already_present": report.present_ids}
