"""The workbench's HTML pages (server-rendered; small scripts under static/ add zoom, pan
and the reader's side panel)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from foreigndesk.model import CLAIM_KINDS, FIGURE_KINDS, STANCES
from foreigndesk.store import Store, actor_rows, document_rows, map_rows
from foreigndesk.store.filters import ActorFilter, DocumentFilter, EventFilter, Page
from foreigndesk.web import graph, highlight, narratives, queries, timeline_view
from foreigndesk.web.cache import memo
from foreigndesk.web.deps import MAX_INT, store
from foreigndesk.web.filters import filters
from foreigndesk.web.relations_view import relations_page
from foreigndesk.web.render import page

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
MAX_TIMELINE = 100  # items on the timeline page (the API pages through them all)
MAX_LISTED = 300  # clusters, echoes, reuse pairs, figures listed on a page
MAX_ACTORS = 100  # actors listed on the actors page (the API pages through them all)
MAX_EDGES = 400  # edges drawn on the actors page (the strongest; /api/graph has them all)
MAX_PLACES = 500  # places and groups of located events on the map (the API: all)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/documents", status_code=302)


@router.get("/documents")
def documents(request: Request, s: Store = Depends(store), q: str | None = None,
              outlet: str | None = None, since: str | None = None, until: str | None = None,
              actor: list[str] = Query(default=[]),
              page_no: int = Query(1, alias="page", ge=1, le=MAX_INT)) -> Response:
    f = filters(actor=actor, since=since, until=until, dyad=None, undirected=False, code=[],
                source="all", modality=[])
    got = queries.documents(s, DocumentFilter(q, outlet or None, f.since, f.until, f.actors),
                            Page(PAGE_SIZE, min((page_no - 1) * PAGE_SIZE, MAX_INT)))
    rows, total = got.rows, got.total
    params: dict[str, Any] = {"q": q, "outlet": outlet, "since": f.since, "until": f.until,
                              "actor": f.actors}
    return page("documents.html", "documents", rows=rows, total=total, q=q or "",
                outlet=outlet or "", outlets=document_rows.outlets(s), f=f, params=params,
                page_no=page_no, pages=max(1, -(-total // PAGE_SIZE)),
                counts=memo(s.path, ("counts",), lambda: document_rows.table_counts(s)))


@router.get("/documents/{doc_id}")
def reader(doc_id: str, s: Store = Depends(store)) -> Response:
    doc = s.document(doc_id)
    if doc is None:
        return page("error.html", "documents", status_code=404, title="Not found",
                    heading="Nothing here", message="No document with this id in the store.")
    facts = document_rows.document_facts(s, doc_id)
    notes = highlight.notes_of(facts)
    runs = highlight.runs(doc["text"], facts["sentences"], notes)
    highlight.mark_pages(runs, facts["sentences"])
    tally = {k: sum(1 for a in notes if a["kind"] == k) for k in highlight.KINDS}
    titles = document_rows.reuse_partners(s, doc_id)
    return page("reader.html", "documents", doc=doc, runs=runs, notes=notes, tally=tally,
                kinds=highlight.KINDS, urls=queries.document_urls(doc), reuse=facts["reuse"],
                reuse_docs=titles, n_events=len(facts["events"]),
                n_claims=len(facts["claims"]))


@router.get("/timeline")
def timeline(s: Store = Depends(store), f: EventFilter = Depends(filters)) -> Response:
    def build() -> Response:
        items, total = timeline_view.items(s, f, MAX_TIMELINE)
        # what the axis needs; the sentence and the citation are in the table below
        axis = [{k: it[k] for k in ("id", "kind", "t0", "t1", "date", "label", "quad", "href")}
                for it in items]
        return page("timeline.html", "timeline", items=items, axis=axis, f=f,
                    params=f.params(), total=total,
                    n_events=sum(1 for i in items if i["kind"] == "event"),
                    n_times=sum(1 for i in items if i["kind"] == "time"))

    return _rendered(s, ("timeline", repr(f.params())), build)


@router.get("/actors")
def actors(s: Store = Depends(store), f: EventFilter = Depends(filters),
           kind: list[str] = Query(default=[]), search: str | None = None) -> Response:
    def build() -> Response:
        nodes, edges = graph.cached_network(s, f)
        n_edges = len(edges)
        edges = sorted(edges, key=lambda e: -e.events)[:MAX_EDGES]  # the strongest are drawn
        listed = actor_rows.actors(s, ActorFilter([k for k in kind if k], search),
                                      Page(MAX_ACTORS))
        return page("actors.html", "actors", rows=listed.rows, n_actors=listed.total,
                    n_edges=n_edges, kinds=actor_rows.actor_kinds(s), kind=kind,
                    search=search or "", nodes=nodes, edges=edges,
                    node_at={n.key: n for n in nodes}, f=f, params=f.params())

    return _rendered(s, ("actors", repr(f.params()), tuple(kind), search), build)


@router.get("/map")
def map_page(s: Store = Depends(store), f: EventFilter = Depends(filters)) -> Response:
    def build() -> Response:
        got_places = map_rows.places(s, Page(MAX_PLACES))
        got_located = queries.cached_event_places(s, f, Page(MAX_PLACES))
        places, located = got_places.rows, got_located.rows
        top_p = max((p["mentions"] for p in places), default=1)
        top_e = max((e["events"] for e in located), default=1)
        return page("map.html", "map", places=places, located=located, top_p=top_p,
                    top_e=top_e, f=f, params=f.params(), labels=country_labels(),
                    n_places=got_places.total, n_located=got_located.total)

    return _rendered(s, ("map", repr(f.params())), build)


def _rendered(s: Store, key: tuple[Any, ...], build: Callable[[], Response]) -> Response:
    """The page ``build`` renders, kept as HTML until the store changes
    (:mod:`foreigndesk.web.cache`): the network, the map and the timeline draw hundreds of
    items, and rendering them costs more than reading them."""
    body = memo(s.path, ("page", *key), lambda: bytes(build().body))
    return Response(body, media_type="text/html; charset=utf-8")


@functools.cache
def country_labels() -> list[dict[str, Any]]:
    """Country labels of the basemap (static/country_labels.json, built by
    tools/build_labels.py): name, ISO3, position in map units, area of the mainland."""
    text = resources.files("foreigndesk.web").joinpath("static/country_labels.json").read_text(
        encoding="utf-8")
    labels: list[dict[str, Any]] = json.loads(text)["labels"]
    return labels


@router.get("/relations")
def relations(s: Store = Depends(store), a: str | None = None, b: str | None = None,
              by: str = Query("year", pattern="^(month|quarter|year)$"),
              undirected: bool = True, compare: str | None = None,
              compare_source: str = Query("news", pattern="^(news|gdelt|unvotes)$"),
              measure: str | None = None, since: str | None = None,
              until: str | None = None) -> Response:
    f = filters(actor=[], since=since, until=until, dyad=None, undirected=False, code=[],
                source="all", modality=[])
    return page("relations.html", "relations",
                **relations_page(s, a, b, by, undirected, compare, compare_source, measure,
                                 f.since, f.until))


def _choices(values: list[str], allowed: tuple[str, ...], name: str) -> list[str]:
    bad = [v for v in values if v not in allowed]
    if bad:
        raise HTTPException(422, f"{name}: unknown {bad[0]!r} (one of {', '.join(allowed)})")
    return values


@router.get("/claims")
def claims(s: Store = Depends(store),
           speaker: list[str] = Query(default=[], max_length=200),
           about: str | None = Query(default=None, max_length=500),
           stance: list[str] = Query(default=[]), kind: list[str] = Query(default=[])
           ) -> Response:
    """Claims, clusters, echoes and reuse; with the CLI's filters (``foreigndesk claims
    --speaker --about --stance --kind``), the claims listed are those that match, and the
    clusters and echoes are those holding one."""
    speakers = [x.strip() for x in speaker if x.strip()]
    about = (about or "").strip() or None
    stances = _choices([x for x in stance if x], STANCES, "stance")
    kinds = _choices([x for x in kind if x], CLAIM_KINDS, "kind")
    filtered = bool(speakers or about or stances or kinds)
    clusters, echoes = narratives.clusters(s), narratives.echoes(s)
    listed: list[dict[str, Any]] = []
    if filtered:
        listed = narratives.claims(s, speakers, about, stances, kinds)
        keep = {c["claim_id"] for c in listed}
        clusters = [c for c in clusters if any(m["claim_id"] in keep for m in c["members"])]
        echoes = [e for e in echoes if e["claim_id"] in keep]
    n_reuse = document_rows.reuse_count(s)
    return page("claims.html", "claims", clusters=clusters[:MAX_LISTED],
                echoes=echoes[:MAX_LISTED], reuse=narratives.reuse(s, limit=MAX_LISTED),
                n_clusters=len(clusters), n_echoes=len(echoes), n_reuse=n_reuse,
                cap=MAX_LISTED, filtered=filtered, listed=listed[:MAX_LISTED],
                n_listed=len(listed), speakers=speakers, about=about or "",
                stances=stances, kinds=kinds, all_stances=STANCES, all_kinds=CLAIM_KINDS)


@router.get("/figures")
def figures(s: Store = Depends(store), kind: list[str] = Query(default=[]),
            tolerance: float = Query(1.25, gt=1.0, le=1000.0)) -> Response:
    """Figures and conflicting figures; with the CLI's filters (``foreigndesk figures --kind
    --conflicts --tolerance``)."""
    kinds = _choices([x for x in kind if x], FIGURE_KINDS, "kind")
    conflicts, rows = narratives.figures(s, tolerance, kinds or None)
    n_rows = len(rows)
    rows = rows[:MAX_LISTED * 3]
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(rows, key=lambda r: (r.get("measure") is None, (r.get("measure") or "").lower())):
        groups.setdefault(r.get("measure") or f"(no measure: {r['kind']})", []).append(r)
    return page("figures.html", "figures", conflicts=conflicts[:MAX_LISTED], groups=groups,
                n_conflicts=len(conflicts), n_rows=n_rows, shown_rows=len(rows),
                kinds=kinds, all_kinds=FIGURE_KINDS, tolerance=tolerance)


ERROR_TITLES = {400: ("Bad request", "The request could not be read"),
                404: ("Not found", "Nothing here"),
                405: ("Method not allowed", "Not allowed here"),
                413: ("Too large", "The request is too large"),
                422: ("Invalid parameter", "A parameter is not valid"),
                429: ("Too many requests", "Too many requests"),
                503: ("Busy", "The query took too long")}


def not_found(request: Request, exc: HTTPException) -> Response:
    """The HTML page of an error: titled by what went wrong (a 422 is no "Not found")."""
    code = exc.status_code
    title, heading = ERROR_TITLES.get(code, (f"Error {code}", f"Error {code}"))
    return page("error.html", "", status_code=code, title=title, heading=heading,
                message=str(exc.detail) if exc.detail else f"{title}.")
