"""PostgreSQL backend: a connection that speaks like :class:`sqlite3.Connection`.

The store and its callers use a small part of the DB-API as sqlite3 offers it:
``conn.execute(sql, params)`` returning a cursor (``fetchone``, ``fetchall``, iteration,
``lastrowid``, ``rowcount``), ``executemany``, rows readable by position and by column name
(``dict(row)`` works), explicit ``BEGIN`` / ``COMMIT`` / ``ROLLBACK`` statements and
``in_transaction``. :class:`PgConnection` offers the same over psycopg 3 (autocommit, so
that the explicit transaction statements mean what they say), translating every statement
once with :func:`foreigndesk.store.backends.translate.to_postgres`.

Errors are raised as sqlite3's DB-API classes (``sqlite3.IntegrityError``,
``sqlite3.OperationalError``, …) with the psycopg error chained, so that ``except
sqlite3.Error`` in a caller catches the errors of either backend. A statement cancelled by
``statement_timeout`` is raised as ``sqlite3.OperationalError("interrupted")``, as SQLite's
progress handler does.

A text parameter holding NUL (which PostgreSQL refuses) has it replaced by U+FFFD.
NUMERIC values (``sum`` of integers, ``avg``) are read as ``int`` when whole and ``float``
otherwise, as SQLite returns them; booleans stay Python booleans (equal to 1 and 0).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus
from psycopg.types.string import TextLoader

from foreigndesk.store.backends.translate import Translation, to_postgres, with_conflict


class Row(tuple):
    """A result row: a tuple that is also indexable by column name (case-insensitive, as
    :class:`sqlite3.Row`), with ``keys()``."""

    _names: tuple[str, ...]
    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...],
                index: dict[str, int]) -> Row:
        self = super().__new__(cls, values)
        self._names = names
        self._index = index
        return self

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            i = self._index.get(key)
            if i is None:
                i = self._index.get(key.lower())
                if i is None:
                    raise IndexError(f"no such column: {key}")
            return tuple.__getitem__(self, i)
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    desc = cursor.description
    if desc is None:
        return tuple
    names = tuple(d.name for d in desc)
    index: dict[str, int] = {}
    for i, n in enumerate(names):
        index.setdefault(n, i)
        index.setdefault(n.lower(), i)

    def make(values: Sequence[Any]) -> Row:
        return Row(values, names, index)

    return make


class _NumericLoader(Loader):
    def load(self, data: Any) -> Any:
        d = Decimal(bytes(data).decode())
        if d == d.to_integral_value() and d.as_tuple().exponent == 0:
            return int(d)
        return float(d)


def _map_error(e: psycopg.Error) -> sqlite3.Error:
    msg = str(e).strip()
    cls: type[sqlite3.Error]
    if isinstance(e, pg_errors.QueryCanceled):
        return sqlite3.OperationalError("interrupted")
    if isinstance(e, psycopg.IntegrityError):
        cls = sqlite3.IntegrityError
    elif isinstance(e, psycopg.DataError):
        cls = sqlite3.DataError
    elif isinstance(e, psycopg.OperationalError | psycopg.ProgrammingError):
        cls = sqlite3.OperationalError
    elif isinstance(e, psycopg.InterfaceError):
        cls = sqlite3.InterfaceError
    else:
        cls = sqlite3.DatabaseError
    return cls(msg)


def _params(params: Iterable[Any]) -> tuple[Any, ...]:
    """Parameters PostgreSQL accepts: a text cannot hold NUL, which becomes U+FFFD (SQLite
    keeps it; a value with NUL never matches a stored one on either backend)."""
    out = tuple(params)
    if any(isinstance(v, str) and "\x00" in v for v in out):
        return tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in out)
    return out


@lru_cache(maxsize=4096)
def _translate(sql: str) -> Translation:
    return to_postgres(sql)


class PgCursor:
    """The result of one statement, as :class:`sqlite3.Cursor` offers it."""

    def __init__(self, cur: psycopg.Cursor[Any], lastrowid: int | None = None,
                 rows: list[Any] | None = None) -> None:
        self._cur = cur
        self.lastrowid = lastrowid
        self._rows = rows

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    @property
    def description(self) -> Any:
        return self._cur.description

    def fetchone(self) -> Any:
        if self._rows is not None:
            return self._rows.pop(0) if self._rows else None
        if self._cur.description is None:
            return None
        try:
            return self._cur.fetchone()
        except psycopg.Error as e:
            raise _map_error(e) from e

    def fetchall(self) -> list[Any]:
        if self._rows is not None:
            out, self._rows = self._rows, []
            return out
        if self._cur.description is None:
            return []
        try:
            return self._cur.fetchall()
        except psycopg.Error as e:
            raise _map_error(e) from e

    def fetchmany(self, size: int = 1) -> list[Any]:
        if self._rows is not None:
            out, self._rows = self._rows[:size], self._rows[size:]
            return out
        if self._cur.description is None:
            return []
        return self._cur.fetchmany(size)

    def __iter__(self) -> Iterator[Any]:
        if self._rows is not None:
            yield from self.fetchall()
            return
        if self._cur.description is None:
            return
        try:
            yield from self._cur
        except psycopg.Error as e:
            raise _map_error(e) from e

    def close(self) -> None:
        self._cur.close()


STREAM_ROWS = 2000  # rows per round trip of a server-side cursor (PgConnection.stream)
_stream_numbers = itertools.count(1)

_IDLE_MAX = 8
"""Read-only connections kept open per URL for the next :class:`PgConnection` (the web
opens one per request, and each cache lookup reads the store's stamp through one:
connecting costs more than most queries)."""
_idle: dict[tuple[int, str], list[psycopg.Connection[Any]]] = {}  # by (process, URL)
_idle_lock = threading.Lock()


def _idle_readonly(url: str) -> psycopg.Connection[Any] | None:
    """A kept read-only connection to ``url`` that is still open, or None."""
    while True:
        with _idle_lock:
            pool = _idle.get((os.getpid(), url))  # never a parent process's connection
            if not pool:
                return None
            conn = pool.pop()
        if not conn.closed and conn.info.transaction_status == TransactionStatus.IDLE:
            return conn
        conn.close()


def _keep_readonly(url: str, conn: psycopg.Connection[Any]) -> bool:
    """Keep ``conn`` for the next read-only :class:`PgConnection` when it is idle (settings of
    the last user reset); False when it should be closed."""
    if conn.closed or conn.info.transaction_status != TransactionStatus.IDLE:
        return False
    try:
        conn.execute("RESET statement_timeout")
    except psycopg.Error:
        return False
    with _idle_lock:
        pool = _idle.setdefault((os.getpid(), url), [])
        if len(pool) >= _IDLE_MAX:
            return False
        pool.append(conn)
    return True


class PgConnection:
    """A psycopg 3 connection behind the part of :class:`sqlite3.Connection` the store uses
    (see the module docstring)."""

    dialect = "postgres"

    def __init__(self, url: str, readonly: bool = False) -> None:
        reused = _idle_readonly(url) if readonly else None
        if reused is not None:
            self._conn = reused
        else:
            try:
                self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
            except psycopg.Error as e:
                raise _map_error(e) from e
            self._conn.adapters.register_loader("numeric", _NumericLoader)
            for name in ("json", "jsonb"):  # JSON stays text, as SQLite returns it
                self._conn.adapters.register_loader(name, TextLoader)
        self.url = url
        self.readonly = readonly
        self.row_factory: Any = None  # accepted and ignored (rows are always Row)
        self._pk: dict[str, tuple[str, ...]] = {}
        self._cols: dict[str, tuple[str, ...]] = {}
        self._identity: set[str] | None = None
        if readonly and reused is None:
            self._conn.execute("SET default_transaction_read_only = on")

    # -- the catalogue ---------------------------------------------------------------------
    def _table_info(self, table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        t = table.lower()
        if t not in self._cols:
            cols = self._conn.execute(
                "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass(%s) "
                "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (t,)).fetchall()
            pk = self._conn.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass(%s) AND "
                "i.indisprimary ORDER BY array_position(i.indkey, a.attnum)", (t,)).fetchall()
            self._cols[t] = tuple(r[0] for r in cols)
            self._pk[t] = tuple(r[0] for r in pk)
        return self._pk[t], self._cols[t]

    def _has_identity_id(self, table: str) -> bool:
        if self._identity is None:
            self._identity = {r[0] for r in self._conn.execute(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
                "AND is_identity = 'YES' AND table_schema = current_schema()").fetchall()}
        return table.lower() in self._identity

    def forget_catalogue(self) -> None:
        """Drop cached table shapes (after a migration changed them)."""
        self._pk.clear()
        self._cols.clear()
        self._identity = None

    def _sql(self, sql: str, returning: bool) -> tuple[str, bool]:
        t = _translate(sql)
        if t.conflict is not None:
            pk, cols = self._table_info(t.conflict[1])
            text = with_conflict(t, pk, cols)
            if returning and " RETURNING " not in text.upper() and \
                    self._has_identity_id(t.conflict[1]):
                return text + " RETURNING id", True
            return text, False
        if returning and t.insert_table and self._has_identity_id(t.insert_table):
            return t.sql.rstrip().rstrip(";") + " RETURNING id", True
        return t.sql, False

    # -- the sqlite3.Connection part --------------------------------------------------------
    def execute(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> PgCursor:
        if sql.lstrip()[:6].upper() == "PRAGMA":
            return PgCursor(self._conn.cursor(), rows=[])
        text, returns_id = self._sql(sql, returning=True)
        cur = self._conn.cursor()
        args: Any = params if isinstance(params, dict) else _params(params)
        try:
            cur.execute(text, args)
            if returns_id:
                row = cur.fetchone()
                return PgCursor(cur, lastrowid=row[0] if row else None, rows=[])
        except psycopg.Error as e:
            raise _map_error(e) from e
        return PgCursor(cur)

    def executemany(self, sql: str, seq: Iterable[Iterable[Any]]) -> PgCursor:
        text, _ = self._sql(sql, returning=False)
        cur = self._conn.cursor()
        try:
            cur.executemany(text, [_params(p) for p in seq])
        except psycopg.Error as e:
            raise _map_error(e) from e
        return PgCursor(cur)

    def stream(self, sql: str, params: Iterable[Any] = (), itersize: int = STREAM_ROWS
               ) -> Iterator[Any]:
        """The rows of a query read through a server-side cursor, ``itersize`` rows per
        round trip, so that a result of millions of rows (an export) is never held whole by
        the client. A cursor lives in a transaction: outside one, this opens a (read) one and
        ends it when the rows are read or the iteration is dropped; other statements may run
        on the connection meanwhile, but not one that ends the transaction."""
        text, _ = self._sql(sql, returning=False)
        own = not self.in_transaction
        if own:
            self._conn.execute("BEGIN")
        cur = self._conn.cursor(name=f"fd_stream_{next(_stream_numbers)}")
        cur.itersize = itersize
        try:
            cur.execute(text, _params(params))
            yield from cur
        except psycopg.Error as e:
            raise _map_error(e) from e
        finally:
            try:
                if not cur.closed and self._conn.info.transaction_status \
                        == TransactionStatus.INTRANS:
                    cur.close()
            finally:
                if own and self.in_transaction:
                    self._conn.execute("COMMIT" if self._conn.info.transaction_status
                                       == TransactionStatus.INTRANS else "ROLLBACK")

    def copy_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
                  ) -> int:
        """Write ``rows`` into ``table`` (its ``columns``) with ``COPY … FROM STDIN``, in the
        current transaction; returns how many were written. No conflict handling: a bulk
        load copies into a temporary table first (see ``store/bulk_imports.py``)."""
        cols = ", ".join(f'"{c}"' for c in columns)
        n = 0
        try:
            with self._conn.cursor() as cur, cur.copy(
                    f'COPY "{table}" ({cols}) FROM STDIN') as cp:
                for r in rows:
                    cp.write_row(r)
                    n += 1
        except psycopg.Error as e:
            raise _map_error(e) from e
        return n

    def executescript(self, sql: str) -> None:
        try:
            self._conn.execute(sql.replace("%", "%%"), ())
        except psycopg.Error as e:
            raise _map_error(e) from e

    @property
    def in_transaction(self) -> bool:
        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        if self.in_transaction:
            self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self._conn.execute("ROLLBACK")

    def close(self) -> None:
        if self.readonly and _keep_readonly(self.url, self._conn):
            return
        self._conn.close()

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        """As sqlite3's: commit an open transaction, or roll it back on an exception (the
        connection stays open)."""
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def set_progress_handler(self, handler: Any, n: int) -> None:
        """SQLite's statement budget; on PostgreSQL the budget is ``statement_timeout``
        (:meth:`set_statement_timeout`), so this does nothing."""

    def set_statement_timeout(self, seconds: float) -> None:
        self._conn.execute(f"SET statement_timeout = {int(seconds * 1000)}")

    def cursor(self) -> _CursorShim:
        return _CursorShim(self)

    @property
    def raw(self) -> psycopg.Connection[Any]:
        """The psycopg connection (COPY, advisory locks)."""
        return self._conn


class _CursorShim:
    """``conn.cursor().execute(...)`` as in sqlite3."""

    def __init__(self, conn: PgConnection) -> None:
        self._conn = conn
        self._last: PgCursor | None = None
        self.lastrowid: int | None = None
        self.rowcount = -1

    def execute(self, sql: str, params: Iterable[Any] = ()) -> _CursorShim:
        self._last = self._conn.execute(sql, params)
        self.lastrowid = self._last.lastrowid
        self.rowcount = self._last.rowcount
        return self

    def executemany(self, sql: str, seq: Iterable[Iterable[Any]]) -> _CursorShim:
        self._last = self._conn.executemany(sql, seq)
        self.rowcount = self._last.rowcount
        return self

    def fetchone(self) -> Any:
        return self._last.fetchone() if self._last else None

    def fetchall(self) -> list[Any]:
        return self._last.fetchall() if self._last else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self._last) if self._last else iter(())

    def close(self) -> None:
        pass
