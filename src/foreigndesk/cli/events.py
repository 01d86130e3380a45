"""``foreigndesk events`` (coded and imported events with their citations) and
``foreigndesk relations`` (the relations index of a pair of states, and comparisons)."""

from __future__ import annotations

import sqlite3
from typing import Any

import click

from foreigndesk.analyze.events import event_row
from foreigndesk.analyze.relations import COUNTED
from foreigndesk.cli.output import db_option, emit, fail, format_option
from foreigndesk.cli.params import check_actors, date_option, event_filter_options


@click.command()
@db_option
@format_option
@event_filter_options()
def events(db: str, fmt: str, actor_list: tuple[str, ...], dyad: str | None, undirected: bool,
           codes: tuple[str, ...], since: str | None, until: str | None, origin: str,
           modalities: tuple[str, ...], limit: int | None) -> None:
    """List events: who did what to whom, with the CAMEO code and its name, QuadClass,
    Goldstein score, date, modality, how many reports mention it, and the citation.

    A news event cites the sentence of its first mention and that document's outlet, date
    and URL (json output lists every mention); a GDELT row cites its source URL.
    """
    from foreigndesk.store import Store
    from foreigndesk.store.event_rows import event_mention_rows, event_rows
    from foreigndesk.store.filters import EventFilter, FilterError

    try:
        flt = EventFilter(actors=actor_list, dyad=dyad, undirected=undirected, codes=codes,
                          since=since, until=until, origin=origin, modalities=modalities,
                          limit=limit)
    except FilterError as e:
        fail(str(e))
        return
    try:
        with Store.open(db) as store:
            check_actors(store, actor_list)
            rows = event_rows(store, flt)
            mentions = event_mention_rows(store, [r["id"] for r in rows if r["origin"] == "news"],
                                          all_of_them=fmt in ("json", "jsonl"))
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
        return
    out = [event_row(r, mentions.get(r["id"], []), fmt) for r in rows]
    emit(out, fmt,
         columns=["id", "origin", "date", "source", "code", "name", "target", "quad_class",
                  "goldstein", "modality", "mentions", "sentence", "cited", "url"],
         table_columns=["date", "source", "code", "name", "target", "quad_class", "goldstein",
                        "modality", "mentions", "citation"],
         widths={"name": 34, "source": 16, "target": 16, "citation": 90})


@click.command()
@click.argument("countries", nargs=-1, metavar="[A B]")
@db_option
@format_option
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="year",
              show_default=True, help="Period of the index.")
@click.option("--source", type=click.Choice(["news", "gdelt", "unvotes"]), default="news",
              show_default=True,
              help="Coded news events, imported GDELT rows, or UN General Assembly votes.")
@click.option("--undirected", is_flag=True,
              help="Events both ways (A to B and B to A); by default only A to B. Votes are "
                   "always symmetric.")
@date_option("since", "From this date")
@date_option("until", "Up to this date")
@click.option("--modality", "modalities", multiple=True, type=click.Choice(COUNTED),
              help="Only news events of this modality (repeat; default: both). The index "
                   "counts only events that happened: negated, hypothetical and future ones "
                   "never.")
@click.option("--measure", type=click.Choice(["goldstein_mean", "goldstein_sum", "coop_share",
                                               "events", "agreement", "affinity"]),
              default=None, help="The measure of the sparkline and of --compare (default: "
                                 "goldstein_mean for events, agreement for votes).")
@click.option("--issue", default=None,
              help="UN votes: only roll calls on this issue (e.g. 'human rights', 'nuclear').")
@click.option("--min-n", "min_n", type=click.IntRange(1), default=1, show_default=True,
              help="Leave a period's measures blank when it has fewer events / roll calls.")
@click.option("--compare", nargs=2, default=None, metavar="A-B C-D",
              help="Do two dyads move together? Pearson and Spearman correlation of their "
                   "series at lags -3..+3 periods, with n and p-values, and a reading.")
@click.option("--diff", is_flag=True,
              help="With --compare: correlate period-to-period changes instead of levels.")
def relations(countries: tuple[str, ...], db: str, fmt: str, by: str, source: str,
              undirected: bool, since: str | None, until: str | None,
              modalities: tuple[str, ...], measure: str | None, issue: str | None, min_n: int,
              compare: tuple[str, str] | None, diff: bool) -> None:
    """The relations index of states A and B (ISO3 codes) per period.

    Events (news, gdelt): counts by QuadClass (q1 verbal cooperation, q2 material
    cooperation, q3 verbal conflict, q4 material conflict), Goldstein sum and mean, and
    cooperation share (q1+q2 over all). News counts only events that happened (asserted
    and reported ones, never negated, hypothetical or future ones), one per real-world event
    however many documents report it. Votes (unvotes): agreement over the roll calls both
    voted on, and affinity, which counts an abstention against a yes or no as
    half-agreement.

    Each period says how many events (or roll calls) it rests on and its mark: "gap" when it
    has none (no value, which is not a zero), "thin" when it has fewer than 3. The
    table ends with a sparkline (a gap is a blank) and a legend of the marks.

    \b
    Examples:
      foreigndesk relations CHN CUB --by year --source news
      foreigndesk relations CHN CUB --source unvotes --format csv
      foreigndesk relations --compare USA-CHN CHN-CUB --source unvotes
    """
    from foreigndesk.analyze import relations as rel
    from foreigndesk.store import Store

    kw: dict[str, Any] = dict(undirected=undirected, since=since, until=until,
                              modalities=modalities or COUNTED, issue=issue, min_n=min_n)
    try:
        with Store.open(db) as store:
            if compare:
                if countries:
                    raise rel.RelationsError("give either two countries or --compare A-B C-D")
                cmp = rel.compare(store, rel.parse_dyad(compare[0]), rel.parse_dyad(compare[1]),
                                  source=source, by=by, measure=measure, diff=diff, **kw)
                _emit_comparison(cmp, fmt)
                return
            if len(countries) != 2:
                raise rel.RelationsError("give two country codes (relations CHN CUB) or "
                                         "--compare A-B C-D")
            series = rel.relations(store, rel.country(countries[0]), rel.country(countries[1]),
                                   source=source, by=by, measure=measure, **kw)
    except rel.RelationsError as e:
        fail(str(e))
        return
    except sqlite3.Error as e:
        fail(f"{db}: {e}")
        return
    _emit_series(series, fmt)


def _caption(s: Any) -> str:
    arrow = "<->" if s.undirected else "->"
    return f"{s.a} {arrow} {s.b}, {s.source}, by {s.by}: {s.note}"


def _emit_series(s: Any, fmt: str) -> None:
    from foreigndesk.analyze import relations as rel

    if fmt in ("json", "jsonl"):
        import json

        d = s.to_dict()
        d["sparkline"] = s.sparkline()
        click.echo(json.dumps(d, ensure_ascii=False, indent=2 if fmt == "json" else None))
        return
    rows = [dict(r) for r in s.rows]
    if fmt == "csv":
        for r in rows:
            r["dyad"] = f"{s.a}-{s.b}"
            r["source"] = s.source
            r["basis"] = s.note
        emit(rows, fmt, columns=["dyad", "source", *s.rows[0].keys(), "basis"] if rows else None)
        return
    click.echo(_caption(s))
    if s.skipped:
        click.echo(f"({s.skipped} items dated too imprecisely for a {s.by} left out)")
    emit(collapse_gaps(rows), fmt)
    if rows:
        vals = [v for v in s.values().values() if v is not None]
        lo = f"{min(vals):.3g}" if vals else "-"
        hi = f"{max(vals):.3g}" if vals else "-"
        click.echo(f"{s.measure} {rows[0]['period']} {s.sparkline()} {rows[-1]['period']}  "
                   f"(min {lo}, max {hi})")
    for line in rel.legend(s):
        click.echo(line)


def collapse_gaps(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Table rows with each run of periods without events as one line ("2022–2024", mark
    "gap ×3", the measures blank): a gap has no value, not a row of zeros."""
    out: list[dict[str, Any]] = []
    run: list[dict[str, Any]] = []

    def flush() -> None:
        if not run:
            return
        first, last = run[0]["period"], run[-1]["period"]
        line: dict[str, Any] = dict.fromkeys(run[0])
        line.update(period=first if first == last else f"{first}–{last}", events=0,
                    mark="gap" if len(run) == 1 else f"gap ×{len(run)}")
        out.append(line)
        run.clear()

    for r in rows:
        if r.get("mark") == "gap":
            run.append(r)
            continue
        flush()
        out.append(r)
    flush()
    return out


def _emit_comparison(c: Any, fmt: str) -> None:
    if fmt in ("json", "jsonl"):
        import json

        click.echo(json.dumps(c.to_dict(), ensure_ascii=False,
                              indent=2 if fmt == "json" else None))
        return
    rows = []
    for lc in c.lags:
        rows.append({"lag": lc.lag, "n": lc.n,
                     "pearson_r": _r(lc.pearson_r), "pearson_p": _p(lc.pearson_p),
                     "spearman_rho": _r(lc.spearman_rho), "spearman_p": _p(lc.spearman_p)})
    if fmt == "csv":
        for r in rows:
            r.update(x=c.x.dyad, y=c.y.dyad, measure=c.measure, by=c.x.by,
                     changes=int(c.diff))
        emit(rows, fmt, columns=["x", "y", "measure", "by", "changes", "lag", "n", "pearson_r",
                                 "pearson_p", "spearman_rho", "spearman_p"])
        return
    what = f"changes in {c.measure}" if c.diff else c.measure
    click.echo(f"{c.x.dyad} vs {c.y.dyad}: {what}, {c.x.source}, by {c.x.by} "
               f"(lag k pairs {c.x.dyad} in period t with {c.y.dyad} in t+k)")
    click.echo(f"basis: {c.x.note}")
    emit(rows, fmt)
    from foreigndesk.analyze.series import ordinal, period_range, sparkline

    periods = [r["period"] for s in (c.x, c.y) for r in s.rows]
    if periods:
        by = c.x.by
        grid = period_range(min(periods, key=lambda p: ordinal(p, by)),
                            max(periods, key=lambda p: ordinal(p, by)), by)
        width = max(len(c.x.dyad), len(c.y.dyad))
        for s in (c.x, c.y):
            values = s.values(c.measure)
            click.echo(f"{s.dyad:>{width}} {grid[0]} {sparkline([values.get(p) for p in grid])} "
                       f"{grid[-1]}")
    click.echo(f"reading: {c.reading}")


def _r(v: float | None) -> str | None:
    return None if v is None else f"{v:+.3f}"


def _p(v: float | None) -> str | None:
    return None if v is None else (f"{v:.3g}" if v >= 0.001 else f"{v:.1e}")


COMMANDS = [events, relations]
