"""Listing output shared by every listing command: ``--format table|json|jsonl|csv``."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

from foreigndesk.formats import ROW_FORMATS, cell, write_rows

FORMATS = ("table", "json", "jsonl", "csv")

F = TypeVar("F", bound=Callable[..., Any])


def format_option(f: F) -> F:
    """The ``--format`` option, documented once for every listing command."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format: an aligned table for people, or json / jsonl / csv for programs.",
    )(f)


def _existing_store(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--db`` of a read command: the store must exist (only ingest and import create one).
    A group's option is checked when the group itself runs (:func:`require_store`), not
    before a subcommand or its --help."""
    if ctx.resilient_parsing or isinstance(ctx.command, click.Group):
        return value
    require_store(value)
    return value


def require_store(value: str) -> None:
    """Exit with one line unless a store exists at ``value`` (a SQLite file, or a migrated
    PostgreSQL database at a ``postgresql://`` URL)."""
    from foreigndesk.store.backends import display_name, is_postgres, store_exists

    if is_postgres(value):
        if not store_exists(value):
            fail(f"{display_name(value)}: no such store (cannot connect, or nothing ingested "
                 "yet: foreigndesk ingest PATH --db URL creates it)")
        return
    p = Path(value)
    if not p.exists():
        fail(f"{value}: no such store (create one with foreigndesk ingest PATH --db {value}, "
             "or give the right --db)")
    if p.is_dir():
        fail(f"{value}: is a directory, not a store")


def db_option(f: F) -> F:
    """The ``--db`` option of the commands that read a store: it must exist (a mistyped path
    is an error, not a new empty store)."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default="foreigndesk.db",
        show_default=True, envvar="FOREIGNDESK_DB", callback=_existing_store,
        help="Store to read: a SQLite file or a postgresql:// URL (it must exist: ingest or "
             "import creates it).",
    )(f)


def db_create_option(f: F) -> F:
    """The ``--db`` option of the commands that write a store (ingest, import)."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default="foreigndesk.db",
        show_default=True, envvar="FOREIGNDESK_DB",
        help="Store to use: a SQLite file or a postgresql:// URL (created and migrated when "
             "it does not exist yet).",
    )(f)


def _cell(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.4g}"
    return cell(v)


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
         table_columns: Sequence[str] | None = None, out: TextIO | None = None,
         widths: dict[str, int] | None = None) -> None:
    """Write rows. ``columns`` picks and orders keys for csv and table (json keeps all);
    ``table_columns`` narrows the table further; ``widths`` caps column widths in the table."""
    out = out or sys.stdout
    if fmt in ROW_FORMATS:
        write_rows(rows, fmt, out, columns)
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    cols = list(table_columns or cols)
    if not rows:
        out.write("(nothing)\n")
        return
    term = shutil.get_terminal_size((160, 24)).columns
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    w = fit_widths(cols, cells, term, widths or {})
    out.write("  ".join(c.ljust(n) for c, n in zip(cols, w, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * n for n in w) + "\n")
    for row in cells:
        out.write("  ".join(elide(s, n).ljust(n) for s, n in zip(row, w, strict=True)).rstrip()
                  + "\n")


MIN_WIDTH = 12  # a column shrunk to fit the terminal keeps at least this many characters


def fit_widths(cols: Sequence[str], cells: Sequence[Sequence[str]], term: int,
               caps: dict[str, int]) -> list[int]:
    """Column widths for a table: each column as wide as its longest cell (at most its cap,
    60 by default); when the table is wider than the terminal, the widest columns give way
    first, one character at a time, so that short key columns (ids, dates, codes) are never
    cut."""
    w = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    w = [min(x, caps.get(c, 60)) for x, c in zip(w, cols, strict=True)]
    floor = [min(x, max(len(c), MIN_WIDTH)) for x, c in zip(w, cols, strict=True)]
    excess = sum(w) + 2 * (len(w) - 1) - term
    while excess > 0:
        i = max(range(len(w)), key=lambda j: (w[j] - floor[j], w[j]))
        if w[i] <= floor[i]:
            break
        w[i] -= 1
        excess -= 1
    return w


def elide(s: str, n: int) -> str:
    """``s`` in at most ``n`` characters: the middle gives way to "…", so that both the
    beginning and the end of a long title, sentence or URL stay readable."""
    if len(s) <= n:
        return s
    if n <= 1:
        return s[:n]
    head = (n - 1) * 2 // 3 + ((n - 1) % 3 > 1)
    tail = n - 1 - head
    return s[:head] + "…" + (s[-tail:] if tail else "")


def error(msg: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    click.echo(f"foreigndesk: {msg}", err=True)


def fail(msg: str) -> NoReturn:
    """One line on stderr, then exit status 1 (never a traceback)."""
    error(msg)
    sys.exit(1)
