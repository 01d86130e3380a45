"""``foreigndesk export FORMAT [filters] -o PATH``: the store in other tools' formats."""

from __future__ import annotations

import sqlite3
import sys
from typing import IO

import click

from foreigndesk.cli.output import db_option, fail
from foreigndesk.cli.params import check_actors, event_filter_options
from foreigndesk.export import FORMATS
from foreigndesk.export.run import LISTINGS


@click.command(name="export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(FORMATS)))
@db_option
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, allow_dash=True),
              default="-", show_default=True,
              help="File to write ('-': standard output; Parquet needs a file).")
@click.option("--listing", type=click.Choice(LISTINGS), default="events", show_default=True,
              help="Parquet: which listing to write.")
@event_filter_options("Only events dated on or after this date (other listings: published "
                      "on or after it)", "Only events dated on or before this date")
def export_cmd(fmt: str, db: str, output: str, listing: str, actor_list: tuple[str, ...],
               dyad: str | None, undirected: bool, codes: tuple[str, ...], since: str | None,
               until: str | None, origin: str, modalities: tuple[str, ...],
               limit: int | None) -> None:
    """Export the store for another tool, streaming (rows are never all in memory), with the
    filters of ``foreigndesk events``:

    \b
      ftm      followthemoney entities (JSON Lines) for Aleph: Article, Person,
               Organization, PublicBody, Territory (a country), Event with proof links
      gexf     the actor network for Gephi (edge weight = events, mean Goldstein)
      graphml  the same network as GraphML
      parquet  a listing (--listing) with typed columns, for pandas, DuckDB, R
      gdelt    coded events as GDELT 2.0 event rows (gdelt1: 1.0), our columns after
      geojson  places and located events as points, for QGIS
      plover   events as PLOVER/POLECAT-style JSON Lines

    Needs the export extra: pip install 'foreigndesk[export]' (ftm, gexf, graphml, parquet).
    """
    from foreigndesk.export.base import MissingDependency
    from foreigndesk.export.run import ExportError, check_filters, make_exporter, stream
    from foreigndesk.store import Store
    from foreigndesk.store.filters import EventFilter, FilterError

    try:
        flt = EventFilter(actors=actor_list, dyad=dyad, undirected=undirected, codes=codes,
                          since=since, until=until, origin=origin, modalities=modalities,
                          limit=limit)
        check_filters(fmt, listing, flt)
    except (FilterError, ExportError) as e:
        fail(str(e))

    from foreigndesk.store.backends import given_name, store_exists

    if not store_exists(db):  # named without a URL's password
        fail(f"{given_name(db)}: no such store (ingest something first: "
             "foreigndesk ingest PATH --db STORE)")
    if fmt == "parquet" and output == "-":
        fail("parquet is binary: give a file with -o PATH")
    if actor_list:
        with Store.open(db) as store:
            check_actors(store, actor_list)
    out: IO[bytes] = sys.stdout.buffer if output == "-" else open(output, "wb")  # noqa: SIM115
    try:
        with Store.open(db) as store:
            ex = make_exporter(fmt, out, listing=listing)
            for _ in stream(store, ex, flt):
                pass
    except MissingDependency as e:
        fail(str(e))
    except (ExportError, sqlite3.Error) as e:
        fail(f"{db}: {e}" if isinstance(e, sqlite3.Error) else str(e))
    finally:
        if output != "-":
            out.close()
        else:
            out.flush()
    what = f"{ex.count} records" + (f" of {listing}" if fmt == "parquet" else "")
    note = f"; {ex.skipped} events left out ({ex.skipped_reason})" if ex.skipped else ""
    click.echo(f"foreigndesk: wrote {what} as {fmt} to "
               f"{'standard output' if output == '-' else output}{note}", err=True)


COMMANDS = [export_cmd]
