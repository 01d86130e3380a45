"""The two backends of the store: SQLite (embedded, the default) and PostgreSQL (a team's
shared store). A store is named by a path (SQLite) or a ``postgresql://`` URL; ``--db`` and
``FOREIGNDESK_DB`` take either.

- :mod:`.sqlite`: :class:`sqlite3.Connection` in WAL mode; ``PRAGMA user_version`` records
  the schema version.
- :mod:`.postgres`: psycopg 3 behind the part of the sqlite3 connection interface the store
  uses, with every statement translated once (:mod:`.translate`); the table
  ``schema_version`` records the schema version.

Both apply the same numbered migrations, written once per dialect:
``store/migrations/NNN_name.sql`` (SQLite) and ``store/migrations/postgres/NNN_name.sql``.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "FOREIGNDESK_DB"
PG_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(db: str | Path) -> bool:
    """True when ``db`` names a PostgreSQL store (a ``postgresql://`` URL)."""
    return isinstance(db, str) and db.startswith(PG_SCHEMES)


def dialect_of(db: str | Path) -> str:
    return "postgres" if is_postgres(db) else "sqlite"


def default_db() -> str:
    """``FOREIGNDESK_DB`` when set, else ``foreigndesk.db`` in the working directory."""
    return os.environ.get(ENV) or "foreigndesk.db"


def store_exists(db: str | Path) -> bool:
    """True when a store can be read at ``db``: an existing SQLite file, or a PostgreSQL
    database that has been migrated at least once."""
    if not is_postgres(db):
        return Path(db).is_file()
    from foreigndesk.store.backends.postgres import PgConnection

    try:
        conn = PgConnection(str(db), readonly=True)
    except Exception:
        return False
    try:
        row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        return bool(row and row[0])
    finally:
        conn.close()


def stamp(db: str | Path) -> tuple[tuple[int, int], ...]:
    """A value that changes whenever anything is written to the store: (mtime, size) of the
    SQLite file and of its WAL; on PostgreSQL the sequence ``data_version``, which a trigger
    on every table moves."""
    if is_postgres(db):
        from foreigndesk.store.backends.postgres import PgConnection

        try:
            conn = PgConnection(str(db), readonly=True)
        except Exception:
            return ((0, 0),)
        try:
            row = conn.execute("SELECT last_value, is_called FROM data_version").fetchone()
            return ((int(row[0]), int(row[1])),)
        finally:
            conn.close()
    out = []
    for p in (str(db), str(db) + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((0, 0))
    return tuple(out)


def given_name(db: str | Path) -> str:
    """A store as the user gave it, for messages: the path, or the URL without its password."""
    return display_name(db) if is_postgres(db) else str(db)


def display_name(db: str | Path) -> str:
    """A store's name for people: the file name, or the URL without its password."""
    if not is_postgres(db):
        return Path(db).name
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(str(db))
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username
    return urlunsplit((parts.scheme, f"{user}@{netloc}" if user else netloc, parts.path, "", ""))
