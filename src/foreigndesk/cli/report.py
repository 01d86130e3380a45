"""``foreigndesk report``: a brief to send to someone who has no foreigndesk."""

from __future__ import annotations

import sqlite3
import time

import click

from foreigndesk.cli.output import db_option, fail
from foreigndesk.cli.params import check_actors, date_option
from foreigndesk.store.backends import display_name, store_exists


@click.command()
@db_option
@click.option("--actor", "-a", "actor_list", multiple=True,
              help="Only what concerns this actor: an actor id, a CAMEO code (CHN, CUBGOV) or "
                   "a name. Repeat for several (any of them).")
@click.option("--dyad", default=None, metavar="A-B",
              help="The pair of states of the relations chart (country codes, e.g. CHN-CUB); "
                   "default: the pair with the most coded events in scope.")
@date_option("since", "Only what is dated on or after this date")
@date_option("until", "Only what is dated on or before this date")
@click.option("--title", default=None, help="Title of the brief (default: from its content).")
@click.option("--no-chart", "no_chart", is_flag=True, help="Leave the relations chart out.")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The brief to write: NAME.md, NAME.html or NAME.pdf (the extension picks "
                   "the format).")
def report(db: str, actor_list: tuple[str, ...], dyad: str | None, since: str | None,
           until: str | None, title: str | None, no_chart: bool, output: str) -> None:
    """Write a brief: a summary, the timeline, the key actors, a relations chart of the main
    pair of states, claims and echoes, conflicting figures and text reuse. Every statement
    carries a numbered citation; the sources at the end give each one's document (outlet,
    date, URL) and quote its sentence.

    \b
    HTML is one self-contained file (no script, nothing fetched); PDF is the same page laid
    out by WeasyPrint; Markdown comes with the chart as NAME.relations.png next to it.

    \b
    Examples:
      foreigndesk report -o brief.html
      foreigndesk report --dyad CHN-CUB --since 2020 -o china-cuba.pdf
      foreigndesk report --actor CUB --actor "Xi Jinping" -o cuba.md
    """
    try:
        from foreigndesk.analyze.relations import RelationsError, parse_dyad
        from foreigndesk.report.gather import ReportError, gather
        from foreigndesk.report.render import RenderError, format_of, write
        from foreigndesk.store import Store
    except ImportError as e:  # the report extra is not installed
        fail(f"report needs the report extra ({e.name} is missing): "
              "pip install 'foreigndesk[report]'")
        return
    t0 = time.perf_counter()
    try:
        format_of(output)
        pair = parse_dyad(dyad) if dyad else None
        if pair and pair[0] == pair[1]:
            raise RelationsError(f"a dyad needs two different states: {dyad!r}")
        if not store_exists(db):
            raise ReportError(f"no store at {db} (ingest documents first, or give --db)")
        with Store.open(db, readonly=True) as store:
            check_actors(store, actor_list)
            brief = gather(store, list(actor_list), pair, since, until, title,
                           store_name=display_name(db))
            files = write(brief, output, chart=not no_chart)
    except (ReportError, RenderError, RelationsError) as e:
        fail(str(e))
        return
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
        return
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror or e}")
        return
    if not brief.documents:
        click.echo("foreigndesk: warning: no document matches the filters; the brief is empty",
                   err=True)
    extra = f" (and {', '.join(str(f) for f in files[1:])})" if len(files) > 1 else ""
    click.echo(f"wrote {output}{extra}: {len(brief.documents)} documents, "
               f"{len(brief.timeline)} timeline items, {len(brief.references)} citations "
               f"in {time.perf_counter() - t0:.1f}s", err=True)


COMMANDS = [report]
