"""The relations page: a dyad's index over time from each source (news, GDELT, UN votes), and
two dyads compared with their correlation at lags (:mod:`foreigndesk.analyze.relations`)."""

from __future__ import annotations

from typing import Any

from foreigndesk.analyze import relations as rel
from foreigndesk.charts import geometry as charts
from foreigndesk.charts.panels import COLOURS, SOURCE_TITLES, source_panels
from foreigndesk.store import Store
from foreigndesk.store.relation_rows import has_source, top_state_pairs
from foreigndesk.web.cache import memo
from foreigndesk.web.warm import need


def top_dyads(store: Store, limit: int = 12) -> list[tuple[str, str, int]]:
    """The pairs of states with the most events (either direction) the index counts (news
    events that happened, imported rows), most first (kept until the store changes)."""
    return memo(store.path, ("top_dyads", limit),
                lambda: top_state_pairs(store, limit, rel.COUNTED))


def series_panels(store: Store, a: str, b: str, by: str, undirected: bool,
                  since: str | None, until: str | None) -> list[dict[str, Any]]:
    """One chart panel per source the store has data from, on a shared period grid."""
    series: list[tuple[str, rel.Series | None]] = []
    for source in rel.SOURCES:
        if not has_source(store, source):
            series.append((source, None))
            continue
        series.append((source, rel.relations(store, a, b, source=source, by=by,
                                             undirected=undirected, since=since, until=until)))
    return source_panels(series, by)


def comparison(store: Store, x: tuple[str, str], y: tuple[str, str], source: str, by: str,
               measure: str | None, since: str | None, until: str | None,
               undirected: bool = False) -> dict[str, Any]:
    need("scipy.stats")
    cmp = rel.compare(store, x, y, source=source, by=by, measure=measure, since=since,
                      until=until, undirected=undirected and source != "unvotes")
    periods, _ = charts.grid([cmp.x, cmp.y])
    label = rel.MEASURE_LABEL.get(cmp.measure, cmp.measure)
    p = charts.panel(f"{cmp.x.dyad} and {cmp.y.dyad}", f"{label}, {SOURCE_TITLES[source]}",
                     periods, [(cmp.x.dyad, COLOURS[0], cmp.x.values(), cmp.x.counts()),
                               (cmp.y.dyad, COLOURS[1], cmp.y.values(), cmp.y.counts())],
                     cmp.measure, height=250, unit=cmp.x.unit)
    return {"panel": p, "lags": cmp.lags, "reading": cmp.reading, "x": cmp.x.dyad,
            "y": cmp.y.dyad, "note": cmp.x.note, "measure": cmp.measure}


def relations_page(store: Store, a: str | None, b: str | None, by: str, undirected: bool,
                   compare: str | None, compare_source: str, measure: str | None,
                   since: str | None, until: str | None) -> dict[str, Any]:
    dyads = top_dyads(store)
    error = None
    ctx: dict[str, Any] = {"dyads": dyads, "by": by, "undirected": undirected,
                           "compare": compare or "", "compare_source": compare_source,
                           "measure": measure or "", "since": since or "", "until": until or "",
                           "sources": rel.SOURCES, "measures": rel.MEASURES}
    try:
        if a and b:
            a, b = rel.country(a), rel.country(b)
        elif dyads:
            a, b = dyads[0][0], dyads[0][1]
        else:
            a = b = None
        ctx.update(a=a or "", b=b or "")
        ctx["panels"] = memo(store.path, ("panels", a, b, by, undirected, since, until),
                             lambda: series_panels(store, a, b, by, undirected, since, until)) \
            if a and b else []
        ctx["cmp"] = None
        if a and b and compare:
            other = rel.parse_dyad(compare)
            ctx["cmp"] = memo(store.path, ("compare", a, b, other, compare_source, by, measure,
                                           since, until, undirected),
                              lambda: comparison(store, (a, b), other, compare_source, by,
                                                 measure or None, since, until, undirected))
    except rel.RelationsError as e:
        error = str(e)
        ctx.setdefault("a", a or "")
        ctx.setdefault("b", b or "")
        ctx.setdefault("panels", [])
        ctx["cmp"] = None
    ctx["error"] = error
    return ctx
