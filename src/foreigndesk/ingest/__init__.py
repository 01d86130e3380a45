"""Readers: from files and directories to :class:`~foreigndesk.model.Document` objects.

:func:`read_paths` walks the paths given (directories recursively, in sorted order), picks a
reader per file by content and extension (:mod:`.dispatch`), and yields Documents, or a
:class:`ReadError` for a file (or a line, an entry) that cannot be read; the batch goes on.

- :mod:`.text` plain text, with an optional ``Key: value`` header block or YAML front matter;
  a compilation of articles is split by :mod:`.dossier`;
- :mod:`.html` HTML pages (trafilatura); :mod:`.jsonl` JSON Lines and JSON;
  :mod:`.rss` RSS/Atom feeds (feedparser);
- :mod:`.encoding` size limits, binary detection, decoding; :mod:`.dates` publication dates
  to ISO; :mod:`.fields` small metadata normalisers.

A Document's id is the hash of its normalised text (:func:`foreigndesk.model.document_id`).
"""

from foreigndesk.ingest.dispatch import read_path, read_paths
from foreigndesk.ingest.errors import ReadError

__all__ = ["ReadError", "read_path", "read_paths"]
