"""``foreigndesk alert add|list|remove`` (what to watch) and ``foreigndesk alerts [check]``
(what the watches found)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from foreigndesk.cli.output import (
    db_create_option,
    db_option,
    emit,
    error,
    fail,
    format_option,
    require_store,
)

alerts_file_option = click.option(
    "--alerts", "alert_files", multiple=True, type=click.Path(dir_okay=False),
    help="A YAML file of watches (besides those added with `foreigndesk alert add`); "
         "repeatable.")
jsonl_option = click.option(
    "--jsonl", type=click.Path(dir_okay=False),
    help="Append each new alert to this JSON Lines file.")
webhook_option = click.option(
    "--webhook", metavar="URL",
    help="POST each new alert as JSON to this URL (your chat or mail gateway); failures are "
         "logged and retried twice.")


def run_check(store: Any, alert_files: tuple[str, ...], jsonl: str | None,
              webhook: str | None, echo: Callable[[str], None]) -> list[int]:
    """Evaluate the watches, print one line per new alert, send them out; the new ids."""
    from foreigndesk.alerts.check import check
    from foreigndesk.alerts.definitions import all_watches
    from foreigndesk.alerts.notify import notify
    from foreigndesk.store.alerts import alerts

    watches = all_watches(store, alert_files)
    if not watches:
        return []
    ids = check(store, watches)
    for a in sorted(alerts(store, ids=ids), key=lambda a: a["id"]):
        echo(f"alert {a['id']} [{a['watch_key']}] {a['title']} "
             f"({len(a['citations'])} sentence{'s' if len(a['citations']) != 1 else ''} cited)")
    notify(store, ids, jsonl, webhook, log=error)
    return ids


@click.group("alert")
def alert() -> None:
    """Declare what to watch: a dyad whose index shifts, new events between actors, a claim a
    new outlet repeats, a new conflict of figures on a topic.

    Watches live in the store (these commands) or in a YAML file given to `alerts check` and
    `watch` with --alerts (see README). `foreigndesk alerts check` and every cycle of
    `foreigndesk watch` evaluate them.
    """


@alert.command("add")
@click.argument("kind", type=click.Choice(["shift", "event", "echo", "figures"]))
@db_create_option
@click.option("--name", help="The watch's name (its key; derived from the definition when "
                             "absent).")
@click.option("--dyad", help="shift: the dyad, two country codes (CHN-CUB).")
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), help="shift: the "
              "period (default month).")
@click.option("--window", type=int, help="shift: baseline periods before the latest "
                                         "(default 12).")
@click.option("--threshold", type=float, help="shift: |z| at or above which it fires "
                                              "(default 3.0).")
@click.option("--min-events", type=int, help="shift: a period resting on fewer events has "
                                             "no value (default 3).")
@click.option("--measure", help="shift: the index measure (default: goldstein_mean for news, "
                                "agreement for unvotes).")
@click.option("--source", help="shift: news, gdelt or unvotes (default news); event: the "
                               "acting side, a country or actor code (CHN, CHNMIL).")
@click.option("--target", help="event: the side acted on (CUB).")
@click.option("--roots", help="event: CAMEO root codes, comma-separated (15,17,18,19,20); "
                              "default any.")
@click.option("--undirected", is_flag=True, default=None, help="event: both ways.")
@click.option("--claim", help="echo: the claim's text (claims that say the same are "
                              "followed).")
@click.option("--cluster", type=int, help="echo: a claim cluster id (see `foreigndesk "
                                          "claims --clusters`).")
@click.option("--topic", help="figures: words the measure or sentence holds.")
def alert_add(kind: str, db: str, name: str | None, **opts: Any) -> None:
    """Add a watch of KIND (shift, event, echo or figures)."""
    from foreigndesk.alerts.definitions import WatchError, normalise
    from foreigndesk.store import Store
    from foreigndesk.store.alerts import add_watch

    raw: dict[str, Any] = {"kind": kind, "name": name}
    fields = {"shift": ("dyad", "by", "window", "threshold", "min_events", "measure",
                        "source"),
              "event": ("source", "target", "roots", "undirected"),
              "echo": ("claim", "cluster"), "figures": ("topic",)}[kind]
    for k, v in opts.items():
        if v is None:
            continue
        if k not in fields:
            fail(f"--{k.replace('_', '-')} does not apply to a {kind} watch")
        raw[k] = v
    try:
        w = normalise(raw)
    except WatchError as e:
        fail(str(e))
    with Store.open(db) as store:
        if not add_watch(store, w.key, w.kind, w.spec):
            fail(f"a watch named {w.key!r} exists already (remove it first)")
    click.echo(f"added watch {w.key}: {w.describe()}")


@alert.command("list")
@db_option
@alerts_file_option
@format_option
def alert_list(db: str, alert_files: tuple[str, ...], fmt: str) -> None:
    """List the watches (the store's, and those of --alerts files)."""
    from foreigndesk.alerts.definitions import WatchError, all_watches
    from foreigndesk.store import Store
    from foreigndesk.store import alerts as db_alerts

    with Store.open(db) as store:
        try:
            watches = all_watches(store, alert_files)
        except WatchError as e:
            fail(str(e))
        n = db_alerts.alert_counts(store)
    rows = [{"key": w.key, "kind": w.kind, "from": w.origin, "alerts": n.get(w.key, 0),
             "watches": w.describe(), "spec": w.spec} for w in watches]
    emit(rows, fmt, ["key", "kind", "from", "alerts", "watches", "spec"],
         ["key", "kind", "from", "alerts", "watches"])


@alert.command("remove")
@click.argument("key")
@db_option
def alert_remove(key: str, db: str) -> None:
    """Remove the stored watch KEY (the alerts it raised stay)."""
    from foreigndesk.store import Store
    from foreigndesk.store.alerts import remove_watch

    with Store.open(db) as store:
        if not remove_watch(store, key):
            fail(f"no stored watch named {key!r} (see `foreigndesk alert list`)")
    click.echo(f"removed watch {key}")


@click.group("alerts", invoke_without_command=True)
@db_option
@click.option("--watch", "watch_key", help="Only the alerts of this watch.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True,
              help="At most this many alerts (the newest).")
@click.option("--citations/--no-citations", default=True, show_default=True,
              help="Print the cited sentences under each alert (table format).")
@format_option
@click.pass_context
def alerts_cmd(ctx: click.Context, db: str, watch_key: str | None, limit: int,
               citations: bool, fmt: str) -> None:
    """List the alerts the watches raised, newest first, with the sentences they cite.

    `foreigndesk alerts check` evaluates the watches now (after an ingest)."""
    if ctx.invoked_subcommand is not None:
        return
    require_store(db)
    from foreigndesk.alerts.notify import alert_json
    from foreigndesk.store import Store
    from foreigndesk.store.alerts import alerts

    with Store.open(db) as store:
        rows = [alert_json(a) for a in alerts(store, watch=watch_key, limit=limit)]
    if fmt != "table":
        emit(rows, fmt, ["id", "watch", "kind", "created_at", "title", "citations"])
        return
    if not rows:
        click.echo("(no alerts)")
        return
    for a in rows:
        click.echo(f"#{a['id']} {a['created_at']} [{a['watch']}] {a['title']}")
        for c in a["citations"] if citations else []:
            where = " ".join(str(x) for x in (c.get("outlet"), c.get("published")) if x)
            click.echo(f"    {c['doc_id']}#s{c['sentence']} {where}: {c.get('text') or ''}")


@alerts_cmd.command("check")
@db_option
@alerts_file_option
@jsonl_option
@webhook_option
def alerts_check(db: str, alert_files: tuple[str, ...], jsonl: str | None,
                 webhook: str | None) -> None:
    """Evaluate every watch now; store and report the alerts on new evidence.

    An alert fires once per piece of evidence: checking again raises nothing new until new
    documents bring new evidence."""
    from foreigndesk.alerts.definitions import WatchError
    from foreigndesk.store import Store

    with Store.open(db) as store:
        try:
            ids = run_check(store, alert_files, jsonl, webhook, click.echo)
        except WatchError as e:
            fail(str(e))
    click.echo(f"{len(ids)} new alert{'s' if len(ids) != 1 else ''}", err=True)


COMMANDS = [alert, alerts_cmd]
