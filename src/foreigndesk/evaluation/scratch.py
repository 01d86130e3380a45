"""The store an evaluation ingests into: a temporary SQLite file unless one is given.

Every evaluation that runs texts through the pipeline (``eval conflicts``, ``eval echoes``,
``eval crosslingual``, ``eval events --gold``, ``eval dossier``) takes ``--db``: a new SQLite
file or an empty PostgreSQL database (``postgresql://…``), so that its scores can be checked
on either backend. A store that already holds documents would mix them into the scores.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from foreigndesk.store import Store

DB_HELP = ("Store to ingest into and score: a new SQLite file or an empty PostgreSQL database "
           "(default: a temporary SQLite file).")


F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    """The ``--db`` option of an evaluation command (see the module docstring)."""
    return click.option("--db", default=None, help=DB_HELP)(f)


@contextmanager
def scratch_store(db: str | None, name: str = "eval.db") -> Iterator[Store]:
    """``Store.open(db)``, or a store in a temporary directory (removed afterwards)."""
    if db is not None:
        with Store.open(db) as store:
            yield store
        return
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / name)) as store:
        yield store
