"""foreigndesk: readers -> documents -> extractors -> facts with provenance -> store ->
analyses -> views.

From Python: ``fd.open(path)`` opens a store (:class:`foreigndesk.notebook.Session`),
``fd.extract(text)`` returns the facts of a text (see :mod:`foreigndesk.notebook`). Both are
imported on first use, so ``import foreigndesk`` stays light.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "datasette_metadata", "extract", "open"]


def __getattr__(name: str) -> Any:
    if name in ("open", "extract", "datasette_metadata", "Session", "Rows"):
        from foreigndesk import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'foreigndesk' has no attribute {name!r}")
