"""The JSON API under /api: the command line's listings with the same filters, and the one
write (POST /api/ingest, which needs the server's token)."""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from foreigndesk.analyze import relations as rel
from foreigndesk.store import Store, actor_rows, document_rows, map_rows
from foreigndesk.store.filters import (
    MAX_LIMIT,
    ActorFilter,
    DocumentFilter,
    EventFilter,
    Page,
    Paged,
)
from foreigndesk.web import graph, narratives, queries, timeline_view
from foreigndesk.web.cache import memo
from foreigndesk.web.deps import MAX_INT, store
from foreigndesk.web.filters import filters
from foreigndesk.web.filters import page as page_of
from foreigndesk.web.render import page
from foreigndesk.web.security import require_token
from foreigndesk.web.warm import need

router = APIRouter(prefix="/api")
EXPORTS = ("documents", "actors", "events", "timeline", "claims", "quantities", "reuse")
_EXPORT = re.compile(r"^([a-z]+)\.(csv|json|jsonl)$")


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> Response:
    """Our own API docs page, from the OpenAPI schema (nothing loaded from a CDN)."""
    schema = request.app.openapi()
    routes = []
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            routes.append({"method": method.upper(), "path": path,
                           "summary": op.get("summary", ""),
                           "description": op.get("description", ""),
                           "params": [{"name": p["name"], "in": p["in"],
                                       "required": p.get("required", False),
                                       "description": p.get("description", ""),
                                       "type": _type(p.get("schema", {}))}
                                      for p in op.get("parameters", [])]})
    return page("apidocs.html", "api", routes=routes, info=schema.get("info", {}))


def _type(schema: dict[str, Any]) -> str:
    if "type" in schema:
        if schema["type"] == "array":
            return f"list of {_type(schema.get('items', {}))}"
        return str(schema["type"])
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    return ""


@router.get("/stats", summary="What the store holds")
def stats(s: Store = Depends(store)) -> dict[str, int]:
    """Number of rows per table."""
    return memo(s.path, ("counts",), lambda: document_rows.table_counts(s))


def _paged(request: Request, response: Response, got: Paged) -> list[dict[str, Any]]:
    """A listing's rows; the total (``X-Total-Count``) and the next page (``Link: <URL>;
    rel="next"``, absent on the last page) go in the response's headers."""
    response.headers["X-Total-Count"] = str(got.total)
    nxt = got.next_offset
    if nxt is not None and got.page is not None:
        url = request.url.include_query_params(limit=got.page.limit, offset=nxt)
        response.headers["Link"] = f'<{url}>; rel="next"'
    return got.rows


def _page_info(request: Request, got: Paged) -> dict[str, Any]:
    """The total, the page and the URL of the next one (None on the last page)."""
    nxt = got.next_offset
    return {"total": got.total, "limit": got.page.limit if got.page else got.total,
            "offset": got.page.offset if got.page else 0,
            "next": str(request.url.include_query_params(limit=got.page.limit, offset=nxt))
            if nxt is not None and got.page else None}


@router.get("/documents", summary="Documents, with filters and full-text search")
def documents(request: Request, s: Store = Depends(store), f: EventFilter = Depends(filters),
              q: str | None = Query(None, description="Full-text search: every word must "
                                    "appear; \"a phrase\"; word* for a prefix; OR between "
                                    "alternatives; -word or NOT word to exclude (at most "
                                    "500 characters, 16 terms). Not raw FTS5."),
              outlet: str | None = Query(None, description="Only documents of this outlet."),
              p: Page = Depends(page_of)) -> dict[str, Any]:
    """Like ``foreigndesk docs --search``: newest first; ``actor`` keeps documents that
    mention the actor; since/until apply to the publication date. ``next`` is the URL of
    the next page (None on the last)."""
    got = queries.documents(s, DocumentFilter(q, outlet, f.since, f.until, f.actors), p)
    for r in got.rows:
        r["snippet"] = "".join(t for t, _ in r.pop("snippet_parts", []))
    return {**_page_info(request, got), "documents": got.rows}


@router.get("/documents/{doc_id}", summary="One document with every fact extracted from it")
def document(doc_id: str, s: Store = Depends(store),
             text: bool = Query(True, description="Include the full text.")) -> dict[str, Any]:
    doc = s.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    if not text:
        doc.pop("text", None)
    doc["urls"] = queries.document_urls(doc)
    return {"document": doc, **document_rows.document_facts(s, doc_id)}


@router.get("/actors", summary="Actors, most mentioned first")
def actors(request: Request, response: Response, s: Store = Depends(store),
           kind: list[str] = Query(default=[], description="Only actors of this kind (state, "
                                   "government, person, organisation, igo, group); repeat."),
           search: str | None = Query(None, description="Name, id or alias containing this."),
           p: Page = Depends(page_of)) -> list[dict[str, Any]]:
    """Like ``foreigndesk actors --kind K``: a page of actors (the total and the next page
    are in the ``X-Total-Count`` and ``Link`` headers)."""
    return _paged(request, response, actor_rows.actors(s, ActorFilter(kind, search), p))


@router.get("/graph", summary="The actor network: nodes, and edges weighted by events")
def network(s: Store = Depends(store), f: EventFilter = Depends(filters),
            max_nodes: int = Query(60, ge=2, le=300),
            max_edges: int = Query(400, ge=1, le=50_000, description="The strongest edges "
                                   "(most events) listed; ``edges_total`` says how many."),
            codes: bool = Query(False, description="Each edge's events per CAMEO code "
                                "(``codes``; one more pass over the events).")
            ) -> dict[str, Any]:
    """The ``max_nodes`` actors in the most events and the ``max_edges`` strongest edges
    between them (most events first); ``edges_total`` counts every edge between them."""
    nodes, edges = graph.cached_network(s, f, max_nodes, with_codes=codes)
    strongest = sorted(edges, key=lambda e: (-e.events, e.a, e.b))[:max_edges]
    return {"nodes": [vars(n) for n in nodes], "edges_total": len(edges),
            "edges": [{"a": e.a, "b": e.b, "events": e.events, "goldstein_mean": e.mean,
                       **({"codes": e.codes} if codes else {})} for e in strongest]}


@router.get("/timeline", summary="Dated items and events, ordered by when they happened")
def timeline(request: Request, response: Response, s: Store = Depends(store),
             f: EventFilter = Depends(filters), p: Page = Depends(page_of)
             ) -> list[dict[str, Any]]:
    """Like ``foreigndesk timeline``, plus dated events; each item links to its sentence
    (``href``). A page of items, earliest first (the total and the next page are in the
    ``X-Total-Count`` and ``Link`` headers)."""
    return _paged(request, response, timeline_view.page(s, f, p))


@router.get("/events", summary="Coded and imported events with citations")
def events(request: Request, response: Response, s: Store = Depends(store),
           f: EventFilter = Depends(filters), p: Page = Depends(page_of)
           ) -> list[dict[str, Any]]:
    """Like ``foreigndesk events``: every mention of a news event is cited. A page of
    events, oldest first (the total and the next page are in the ``X-Total-Count`` and
    ``Link`` headers)."""
    return _paged(request, response, queries.events(s, f, p, all_mentions=True))


@router.get("/relations", summary="The relations index of a dyad per period")
def relations(a: str, b: str, s: Store = Depends(store),
              source: str = Query("news", pattern="^(news|gdelt|unvotes)$"),
              by: str = Query("year", pattern="^(month|quarter|year)$"),
              undirected: bool = False, since: str | None = None, until: str | None = None,
              measure: str | None = None, issue: str | None = None,
              min_n: int = Query(1, ge=1, le=MAX_INT)) -> dict[str, Any]:
    """Like ``foreigndesk relations A B``."""
    try:
        ca, cb = rel.country(a), rel.country(b)
        series = memo(s.path, ("relations", ca, cb, source, by, undirected, since, until,
                               measure, issue, min_n),
                      lambda: rel.relations(s, ca, cb, source=source, by=by,
                                            undirected=undirected, since=since, until=until,
                                            measure=measure, issue=issue, min_n=min_n))
    except rel.RelationsError as e:
        raise HTTPException(422, str(e)) from None
    d = series.to_dict()
    d["sparkline"] = series.sparkline()
    return d


@router.get("/relations/compare", summary="Do two dyads move together?")
def compare(x: str = Query(..., description="First dyad, A-B."),
            y: str = Query(..., description="Second dyad, C-D."), s: Store = Depends(store),
            source: str = Query("unvotes", pattern="^(news|gdelt|unvotes)$"),
            by: str = Query("year", pattern="^(month|quarter|year)$"),
            measure: str | None = None, diff: bool = False, undirected: bool = False,
            since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Like ``foreigndesk relations --compare A-B C-D``: correlations at lags -3..+3 with a
    reading."""
    need("scipy.stats")
    try:
        cmp = rel.compare(s, rel.parse_dyad(x), rel.parse_dyad(y), source=source, by=by,
                          measure=measure, diff=diff, undirected=undirected, since=since,
                          until=until)
    except rel.RelationsError as e:
        raise HTTPException(422, str(e)) from None
    return cmp.to_dict()


@router.get("/claims", summary="Claims with speaker, cue, stance and citation")
def claims(request: Request, response: Response, s: Store = Depends(store),
           speaker: list[str] = Query(default=[]), about: str | None = None,
           stance: list[str] = Query(default=[]), p: Page = Depends(page_of)
           ) -> list[dict[str, Any]]:
    """Like ``foreigndesk claims [--speaker A]... [--about TEXT] [--stance S]...``: a page
    of claims (the total and the next page are in the ``X-Total-Count`` and ``Link``
    headers)."""
    return _paged(request, response, _slice(_claims(s, speaker, about, stance), p))


def _claims(s: Store, speaker: list[str], about: str | None, stance: list[str]
            ) -> list[dict[str, Any]]:
    need("foreigndesk.analyze.clusters")
    from foreigndesk.analyze.clusters import filtered_claims

    return filtered_claims(s, speaker, about, stance)


def _slice(rows: list[dict[str, Any]], p: Page) -> Paged:
    return Paged(rows[p.offset:p.offset + p.limit], len(rows), p)


@router.get("/echoes", summary="Claim clusters (first appearance first) and explicit echoes")
def echoes(request: Request, s: Store = Depends(store), p: Page = Depends(page_of)
           ) -> dict[str, Any]:
    """A page of each list: ``clusters`` and ``explicit`` echoes, with their totals
    (``clusters_total``, ``explicit_total``) and the URL of the next page (``next``, None
    when both lists end on this one)."""
    clusters = _slice(narratives.clusters(s), p)
    explicit = _slice(narratives.echoes(s), p)
    longer = clusters if clusters.total >= explicit.total else explicit
    return {"clusters": clusters.rows, "explicit": explicit.rows,
            "clusters_total": clusters.total, "explicit_total": explicit.total,
            "limit": p.limit, "offset": p.offset, "next": _page_info(request, longer)["next"]}


@router.get("/reuse", summary="Text reuse: passages one document repeats from another")
def reuse(request: Request, response: Response, s: Store = Depends(store),
          min_words: int | None = Query(None, ge=1, le=MAX_INT, description="Only passages of at least "
                                        "this many words (of those found at ingest)."),
          p: Page = Depends(page_of)) -> list[dict[str, Any]]:
    """Like ``foreigndesk reuse``: both documents (the earlier is repeated by the later),
    both spans with character offsets, the score and the rule that set the direction. A
    page of passages (the total and the next page are in the ``X-Total-Count`` and
    ``Link`` headers)."""
    return _paged(request, response, document_rows.reuse_pairs(s, p, min_words))


@router.get("/figures", summary="Quantities, and conflicting figures")
def figures(request: Request, s: Store = Depends(store),
            kind: list[str] = Query(default=[], description="Only figures of this kind "
                                    "(money, count, deaths, casualties, percent, votes); "
                                    "repeat."),
            tolerance: float = Query(1.25, gt=1.0, le=1e6, allow_inf_nan=False, description="Ratio of larger to smaller "
                                     "value above which two figures conflict."),
            p: Page = Depends(page_of)) -> dict[str, Any]:
    """Like ``foreigndesk figures`` and ``foreigndesk figures --conflicts``: a page of each
    list, with their totals and the URL of the next page (None when both end here)."""
    conflicts, rows = narratives.figures(s, tolerance, kind or None)
    c, q = _slice(conflicts, p), _slice(rows, p)
    return {"conflicts": c.rows, "quantities": q.rows, "conflicts_total": c.total,
            "quantities_total": q.total, "limit": p.limit, "offset": p.offset,
            "next": _page_info(request, c if c.total >= q.total else q)["next"]}


@router.get("/places", summary="Places mentioned and events located")
def places(request: Request, s: Store = Depends(store), f: EventFilter = Depends(filters),
           p: Page = Depends(page_of)) -> dict[str, Any]:
    """A page of each list: geocoded ``places`` mentioned (most mentioned first) and
    ``events`` located, grouped by place (most events first), with their totals and the
    URL of the next page (None when both end here)."""
    pl, ev = map_rows.places(s, p), queries.cached_event_places(s, f, p)
    return {"places": pl.rows, "events": ev.rows, "places_total": pl.total,
            "events_total": ev.total, "limit": p.limit, "offset": p.offset,
            "next": _page_info(request, pl if pl.total >= ev.total else ev)["next"]}


class _Pipe:
    """A write-only binary file whose written bytes are taken by :meth:`drain`."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.pos = 0

    def write(self, data: bytes) -> int:
        self.chunks.append(bytes(data))
        self.pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        return False

    def drain(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks = []
        return out


@router.get("/export", summary="The store in another tool's format, streamed: ftm, gexf, "
                                "graphml, parquet, gdelt, gdelt1, geojson, plover")
def export_format(request: Request, f: EventFilter = Depends(filters),
                  format: str = Query(..., description="ftm, gexf, graphml, parquet, gdelt, "
                                      "gdelt1, geojson or plover (as foreigndesk export)."),
                  listing: str = Query("events", description="Parquet: events, documents, "
                                       "actors, claims, figures or places."),
                  limit: int | None = Query(None, ge=1, description="At most this many "
                                            "events (the latest).")) -> Response:
    """Like ``foreigndesk export FORMAT`` with the listings' filters; the file is streamed
    as the rows are read (never all in memory)."""
    from fastapi.responses import StreamingResponse

    from foreigndesk.export.base import MissingDependency
    from foreigndesk.export.run import (
        LISTINGS,
        ExportError,
        check_filters,
        exporter_class,
        make_exporter,
        stream,
    )
    from foreigndesk.store.filters import FilterError

    try:
        cls = exporter_class(format)
    except ExportError as e:
        raise HTTPException(404, str(e)) from None
    if listing not in LISTINGS:
        raise HTTPException(422, f"listing: one of {', '.join(LISTINGS)}")
    try:
        flt = dataclasses.replace(f, limit=limit)
        check_filters(format, listing, flt)
    except (FilterError, ExportError) as e:
        raise HTTPException(422, str(e)) from None
    pipe = _Pipe()
    try:
        ex = make_exporter(format, pipe, listing=listing)  # type: ignore[arg-type]
    except MissingDependency as e:
        raise HTTPException(501, str(e)) from None
    db_path = request.app.state.db_path

    def body() -> Any:
        s = Store.open(db_path, readonly=True)
        try:
            for _ in stream(s, ex, flt):
                chunk = pipe.drain()
                if chunk:
                    yield chunk
            yield pipe.drain()
        finally:
            s.close()

    stem = listing if format == "parquet" else "foreigndesk"
    return StreamingResponse(body(), media_type=cls.media_type, headers={
        "Content-Disposition": f'attachment; filename="{stem}.{cls.extension}"'})


@router.get("/export/{name}", summary="A listing as a file: documents|actors|events|timeline|"
                                      "claims|quantities|reuse, .csv .json or .jsonl")
def export(name: str, request: Request, f: EventFilter = Depends(filters)) -> Response:
    """The name is checked against the list of listings: it never reaches the file system.
    The file is streamed as the rows are read (events and the timeline are never all in
    memory)."""
    from fastapi.responses import StreamingResponse

    m = _EXPORT.match(name)
    if not m or m[1] not in EXPORTS:
        raise HTTPException(404, f"no export {name!r} (one of {', '.join(EXPORTS)}; "
                                 ".csv, .json or .jsonl)")
    what, fmt = m[1], m[2]
    db_path = request.app.state.db_path

    def body() -> Iterator[bytes]:
        s = Store.open(db_path, readonly=True)
        try:
            yield from _encode(_export_rows(s, what, f), fmt)
        finally:
            s.close()

    media = {"csv": "text/csv", "json": "application/json",
             "jsonl": "application/x-ndjson"}[fmt]
    return StreamingResponse(body(), media_type=f"{media}; charset=utf-8",
                             headers={"Content-Disposition":
                                      f'attachment; filename="{what}.{fmt}"'})


def _export_rows(s: Store, what: str, f: EventFilter) -> Iterator[dict[str, Any]]:
    if what == "documents":
        offset = 0
        while True:
            got = queries.documents(s, DocumentFilter(None, None, f.since, f.until, f.actors),
                                    Page(MAX_LIMIT, offset))
            for r in got.rows:
                r.pop("snippet_parts", None)
            yield from got.rows
            if got.next_offset is None:
                return
            offset = got.next_offset
    elif what == "actors":
        yield from actor_rows.actors(s, ActorFilter(), None).rows
    elif what == "events":
        yield from queries.iter_events(s, f)
    elif what == "timeline":
        yield from timeline_view.iter_items(s, f)
    elif what == "claims":
        yield from _claims(s, [], None, [])
    elif what == "quantities":
        yield from narratives.figures(s)[1]
    else:
        yield from document_rows.reuse_pairs(s).rows


def _encode(rows: Iterator[dict[str, Any]], fmt: str, batch: int = 200) -> Iterator[bytes]:
    """``rows`` as CSV (the first row's columns), a JSON array or JSON Lines, a few hundred
    rows per chunk."""
    import csv
    import json

    from foreigndesk.formats import cell

    buf = io.StringIO()
    writer: Any = None
    cols: list[str] = []
    n = 0
    if fmt == "json":
        buf.write("[")
    for r in rows:
        if fmt == "jsonl":
            buf.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
        elif fmt == "json":
            buf.write(("," if n else "") + "\n" + json.dumps(r, ensure_ascii=False, indent=2,
                                                             default=str))
        else:
            if writer is None:
                cols = list(r.keys())
                writer = csv.writer(buf)
                writer.writerow(cols)
            writer.writerow([cell(r.get(c)) for c in cols])
        n += 1
        if n % batch == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    if fmt == "json":
        buf.write("\n]\n")
    yield buf.getvalue().encode("utf-8")


@router.post("/ingest", summary="Ingest a document (needs the token)",
             dependencies=[Depends(require_token)], status_code=201,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": {
                     "type": "object", "required": ["text"],
                     "properties": {k: {"type": "string"} for k in (
                         "text", "title", "outlet", "author", "published", "url")}}},
                 "text/plain": {"schema": {"type": "string"}}}}})
async def ingest(request: Request) -> dict[str, Any]:
    """Extract every fact of one document and store it; ``Authorization: Bearer <token>``
    with the token the server printed at start. The body is a JSON object (the JSON Lines
    reader's fields) or plain text (``Content-Type: text/plain``)."""
    from starlette.concurrency import run_in_threadpool

    from foreigndesk.web.ingest import MAX_BODY, IngestError, ingest_body

    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, "body too large")
    await run_in_threadpool(need, "foreigndesk.extract.pipeline", "foreigndesk.analyze.refresh")
    try:
        return await run_in_threadpool(ingest_body, request.app.state.db_path, body,
                                       request.headers.get("content-type", ""))
    except IngestError as e:
        raise HTTPException(e.status, str(e)) from None
