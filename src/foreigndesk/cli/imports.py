"""``foreigndesk import gdelt FILE...`` and ``foreigndesk import unvotes DIR``."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import click

from foreigndesk.cli.output import db_create_option, fail
from foreigndesk.ingest.tabular import Progress

MAX_BAD_SHOWN = 50  # bad rows reported one per line per file; the rest are counted


class _Bar(Progress):
    """A click progress bar on stderr per file (nothing when quiet)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.done = 0

    def start(self, label: str, total: int) -> None:
        if self.quiet:
            return
        name = label.rsplit("/", 1)[-1]
        self.bar = click.progressbar(length=max(total, 1), label=f"importing {name}",
                                     file=sys.stderr)
        self.bar.__enter__()
        self.done = 0

    def update(self, done: int) -> None:
        if self.bar is not None and done > self.done:
            self.bar.update(done - self.done)
            self.done = done

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.update(max(0, self.bar.length - self.done))
            self.bar.__exit__(None, None, None)
            self.bar = None


class _BadRows:
    """Reports bad rows on stderr as FILE:LINE: reason (at most MAX_BAD_SHOWN per file)."""

    def __init__(self) -> None:
        self.per_file: dict[str, int] = {}

    def __call__(self, label: str, line: int, reason: str) -> None:
        n = self.per_file[label] = self.per_file.get(label, 0) + 1
        if n <= MAX_BAD_SHOWN:
            click.echo(f"foreigndesk: {label}:{line}: {reason}; row skipped", err=True)

    def summary(self) -> None:
        for label, n in self.per_file.items():
            if n > MAX_BAD_SHOWN:
                click.echo(f"foreigndesk: {label}: {n - MAX_BAD_SHOWN} more bad rows not shown",
                           err=True)


def _expand(paths: tuple[str, ...]) -> list[str]:
    """Files as given; a directory stands for the data files in it (.csv, .tsv, .gz, .zip;
    sorted, hidden ones left out)."""
    out: list[str] = []
    for p in paths:
        d = Path(p)
        if d.is_dir():
            out += [str(f) for f in sorted(d.iterdir()) if f.is_file()
                    and not f.name.startswith(".")
                    and f.suffix.lower() in (".csv", ".tsv", ".gz", ".zip")]
        else:
            out.append(p)
    return out


@click.group(name="import")
def import_group() -> None:
    """Import data sets into the store: GDELT event exports, UN General Assembly votes."""


@import_group.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@db_create_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def gdelt(files: tuple[str, ...], db: str, quiet: bool) -> None:
    """Import GDELT event export FILES (plain, .gz or .zip; a directory stands for the
    .csv/.tsv/.gz/.zip files in it) as events of origin 'gdelt'.

    Reads GDELT 1.0 exports (58 tab-separated columns, or 57 in the back files before April
    2013), GDELT 2.0 exports (61 columns) and the same with a header row, tab- or
    comma-separated, with empty or NA blanks. Each row keeps its GLOBALEVENTID, codes,
    QuadClass and Goldstein score as in the file, its date (SQLDATE), actors, place
    (ActionGeo) and source URL. Rows already imported are skipped, so re-importing is
    harmless. Bad rows are reported with their line number and the rest is imported; the exit
    status is 1 when a file could not be read at all (named, with the reason: truncated or
    damaged .gz/.zip, a decompression bomb, not a GDELT export) or held no rows.
    """
    from foreigndesk.importers.gdelt import BadFile, ImportStats, import_files
    from foreigndesk.store import Store

    bad = _BadRows()
    total = ImportStats()
    failed = 0
    t0 = time.perf_counter()
    try:
        store = Store.open(db)
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
        return
    with store:
        for f in _expand(files):
            try:
                s = import_files(store, [f], bad, _Bar(quiet))
            except sqlite3.Error as e:
                fail(f"{db}: {e}")
            except (OSError, BadFile, ValueError, EOFError) as e:  # DataFileError is a ValueError
                reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                click.echo(f"foreigndesk: {f}: {reason or type(e).__name__}", err=True)
                failed += 1
                continue
            if not s.rows:
                click.echo(f"foreigndesk: {f}: no rows (an empty file?); nothing imported",
                           err=True)
                failed += 1
            total.rows += s.rows
            total.added += s.added
            total.present += s.present
            total.bad += s.bad
    bad.summary()
    if not quiet:
        click.echo(f"{total.added} events added, {total.present} already present, "
                   f"{total.bad} bad rows, {failed} files failed "
                   f"({time.perf_counter() - t0:.1f} s)", err=True)
    if failed:
        sys.exit(1)


@import_group.command()
@click.argument("directory", type=click.Path())
@db_create_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
def unvotes(directory: str, db: str, quiet: bool) -> None:
    """Import UN General Assembly roll-call votes from DIRECTORY in the unvotes layout.

    DIRECTORY holds un_roll_calls.csv and un_votes.csv (each may be .csv.gz), and optionally
    un_roll_call_issues.csv, as published by the R package unvotes (Voeten's data). Countries
    are stored as ISO 3166 alpha-3 codes, former states included (Czechoslovakia CSK, German
    Democratic Republic DDR, Yugoslavia YUG, South Yemen YMD...). All rows are written in one
    transaction; re-importing replaces the same rows. A directory whose roll calls or votes
    hold no rows is an error (exit status 1), and nothing is imported.
    """
    from foreigndesk.importers.unvotes import BadDirectory, import_directory
    from foreigndesk.store import Store

    bad = _BadRows()
    t0 = time.perf_counter()
    try:
        with Store.open(db) as store:
            s = import_directory(store, directory, bad, _Bar(quiet))
    except BadDirectory as e:
        fail(str(e))
        return
    except (ValueError, EOFError) as e:  # DataFileError: names the reason, not the file
        fail(f"{directory}: {e or type(e).__name__}")
        return
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
        return
    except OSError as e:
        fail(f"{e.filename or directory}: {e.strerror or e}")
        return
    bad.summary()
    if not quiet:
        extra = f", {s.without_roll_call} votes on roll calls not in the file" \
            if s.without_roll_call else ""
        skipped = f", {s.skipped} absences skipped" if s.skipped else ""
        click.echo(f"{s.roll_calls} roll calls, {s.issues} issue labels, {s.votes} votes "
                   f"({s.new_votes} new), {s.bad} bad rows{skipped}{extra} "
                   f"({time.perf_counter() - t0:.1f} s)", err=True)


COMMANDS = [import_group]
