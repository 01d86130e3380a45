"""Readers: from files and directories to :class:`~foreigndesk.model.Document` objects.

:func:`read_paths` walks the paths given (directories recursively, in sorted order), picks a
reader per file by extension and content, and yields Documents, or a :class:`ReadError` for
a file that cannot be read (the batch goes on).
"""

from foreigndesk.ingest.dispatch import read_path, read_paths
from foreigndesk.ingest.errors import ReadError

__all__ = ["ReadError", "read_path", "read_paths"]
