"""Listing commands over the store: docs, actors, timeline."""

from __future__ import annotations

import click

from foreigndesk.cli.output import db_option, emit, fail, format_option
from foreigndesk.cli.params import check_actors, date_option
from foreigndesk.store import Store


def open_store(db: str) -> Store:
    return Store.open(db)


@click.command()
@db_option
@format_option
@click.option("--search", "-s", "search", default=None,
              help="Only documents matching these words: every word must appear; \"a "
                   "phrase\"; word* for a prefix; OR between alternatives; -word or NOT word "
                   "to exclude (at most 500 characters, 16 terms).")
def docs(db: str, fmt: str, search: str | None) -> None:
    """List the stored documents: id, publication date, outlet, title, URL, size."""
    from foreigndesk.store.fts import SearchSyntaxError, fts_query

    try:
        query = fts_query(search) if search and search.strip() else None
    except SearchSyntaxError as e:
        fail(f"--search: {e}")
    from foreigndesk.store.document_rows import document_rows

    with open_store(db) as store:
        rows = document_rows(store, query)
    emit(rows, fmt, table_columns=["id", "published", "outlet", "title", "url", "words"],
         widths={"title": 50, "outlet": 30})


@click.command()
@db_option
@format_option
@click.option("--kind", "kinds", multiple=True,
              type=click.Choice(["state", "government", "person", "organisation", "igo", "group",
                                 "place"]),
              help="Only actors of this kind (repeat for several).")
@click.option("--limit", type=int, default=None, help="At most this many actors.")
def actors(db: str, fmt: str, kinds: tuple[str, ...], limit: int | None) -> None:
    """List the actors mentioned, most mentioned first, with their CAMEO code
    (ISO3 country + sector) and how many mentions and documents cite them."""
    from foreigndesk.store.actor_rows import actor_rows

    with open_store(db) as store:
        rows = actor_rows(store, kinds, limit)
    emit(rows, fmt, table_columns=["id", "name", "kind", "country", "sector", "mentions",
                                   "documents"])


@click.command()
@db_option
@format_option
@click.option("--actor", "-a", "actor_list", multiple=True,
              help="Only items whose sentence mentions this actor: an id, a CAMEO code (CHN, "
                   "CUBGOV) or a name. Repeat for several (any of them).")
@date_option("since", "Only items dated on or after this date")
@date_option("until", "Only items dated on or before this date")
def timeline(db: str, fmt: str, actor_list: tuple[str, ...], since: str | None,
             until: str | None) -> None:
    """Dated items ordered by the date of what happened (not of the article), each with its
    sentence and the document it cites (outlet, date, URL).

    ``expression`` is the time expression that dates the item; an event whose sentence holds
    none names its verb under ``event`` and says what dated it under ``dated_by`` (a
    neighbouring clause, or its document's publication date)."""
    from foreigndesk.analyze.timeline import timeline as build

    with open_store(db) as store:
        check_actors(store, actor_list)
        rows = build(store, list(actor_list), since, until)
    for r in rows:
        # "expression" is a time expression only; an event item (dated by a neighbouring
        # clause or its document) names its event verb under "event" instead
        if r["kind"] == "event":
            r["event"], r["expression"] = r["expression"], None
            r["dated_by"] = r.get("date_source")
        if fmt == "table":
            r["document"] = (f"{r['outlet'] or r['title'] or r['doc_id']}, "
                             f"{r['published'] or 'undated'}"
                             + (f", p. {r['page']}" if r.get("page") else ""))
    emit(rows, fmt, table_columns=["date", "expression", "event", "sentence", "document"],
         widths={"expression": 24, "event": 14, "document": 40, "sentence": 90})


COMMANDS = [docs, actors, timeline]
