"""Listing output shared by every listing command: ``--format table|json|jsonl|csv``."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click

FORMATS = ("table", "json", "jsonl", "csv")

F = TypeVar("F", bound=Callable[..., Any])


def format_option(f: F) -> F:
    """The ``--format`` option, documented once for every listing command."""
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
        help="Output format: an aligned table for people, or json / jsonl / csv for programs.",
    )(f)


def _existing_store(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--db`` of a read command: the store must exist (only ingest and import create one)."""
    p = Path(value)
    if not p.exists():
        fail(f"{value}: no such store (create one with foreigndesk ingest PATH --db {value}, "
             "or give the right --db)")
    if p.is_dir():
        fail(f"{value}: is a directory, not a store")
    return value


def db_option(f: F) -> F:
    """The ``--db`` option of the commands that read a store: it must exist (a mistyped path
    is an error, not a new empty store)."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default="foreigndesk.db",
        show_default=True, envvar="FOREIGNDESK_DB", callback=_existing_store,
        help="SQLite store to read (it must exist: ingest or import creates it).",
    )(f)


def db_create_option(f: F) -> F:
    """The ``--db`` option of the commands that write a store (ingest, import)."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False), default="foreigndesk.db",
        show_default=True, envvar="FOREIGNDESK_DB",
        help="SQLite store to use (created and migrated when it does not exist yet).",
    )(f)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v).replace("\n", " ")


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None,
         table_columns: Sequence[str] | None = None, out: TextIO | None = None,
         widths: dict[str, int] | None = None) -> None:
    """Write rows. ``columns`` picks and orders keys for csv and table (json keeps all);
    ``table_columns`` narrows the table further; ``widths`` caps column widths in the table."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(cols)
        for r in rows:
            writer.writerow([_cell(r.get(c)) for c in cols])
        return
    cols = list(table_columns or cols)
    if not rows:
        out.write("(nothing)\n")
        return
    term = shutil.get_terminal_size((160, 24)).columns
    widths = dict(widths or {})
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    w = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    w = [min(x, widths.get(c, 60)) for x, c in zip(w, cols, strict=True)]
    # the last column takes what is left of the terminal
    used = sum(w[:-1]) + 2 * (len(w) - 1)
    if cols and used + w[-1] > term:
        w[-1] = max(20, term - used)

    def fit(s: str, n: int) -> str:
        return s if len(s) <= n else s[: max(0, n - 1)] + "…"

    out.write("  ".join(c.ljust(n) for c, n in zip(cols, w, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * n for n in w) + "\n")
    for row in cells:
        out.write("  ".join(fit(s, n).ljust(n) for s, n in zip(row, w, strict=True)).rstrip() + "\n")


def error(msg: str) -> None:
    """One line on stderr, prefixed with the program's name."""
    click.echo(f"foreigndesk: {msg}", err=True)


def fail(msg: str) -> NoReturn:
    """One line on stderr, then exit status 1 (never a traceback)."""
    error(msg)
    sys.exit(1)
