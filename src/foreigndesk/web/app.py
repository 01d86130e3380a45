"""The workbench's FastAPI application: pages, the JSON API under /api, static assets.

Everything it serves ships in the package: no CDN, nothing fetched from the internet.
FastAPI's own /docs and /redoc (which load swagger-ui from a CDN) are off; /api/docs is a
page of ours built from the OpenAPI schema at /api/openapi.json.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from foreigndesk import __version__
from foreigndesk.store.fts import SearchSyntaxError
from foreigndesk.web.deps import REQUEST_SECONDS
from foreigndesk.web.security import LOOPBACK, QueryGuard, SecurityHeaders


class StoreMissing(FileNotFoundError):
    """The store file does not exist (the workbench reads a store; it does not create one)."""


def create_app(db_path: str | Path, token: str | None = None,
               allowed_hosts: tuple[str, ...] | None = LOOPBACK,
               briefs: Callable[..., bytes] | None = None) -> FastAPI:
    """The workbench over the store at ``db_path``. Reading is open; writes (POST
    /api/ingest) need ``Authorization: Bearer <token>`` (no token: writes are off).
    ``allowed_hosts`` are the names the Host header may carry (None: any, for a server bound
    to another interface on purpose). ``briefs`` renders the cited brief of a view
    (:func:`foreigndesk.report.service.render_brief`); without it, brief downloads are 501."""
    from foreigndesk.store import Store
    from foreigndesk.store.backends import given_name, is_postgres, store_exists
    from foreigndesk.web import alerts_view, api, brief, pages

    path = db_path if is_postgres(str(db_path)) else Path(db_path)
    if not store_exists(path):  # named without a URL's password
        raise StoreMissing(f"{given_name(str(path))}: no such store (ingest something first: "
                           "foreigndesk ingest PATH --db STORE)")
    Store.open(path).close()  # apply pending migrations once, before read-only requests
    app = FastAPI(title="foreigndesk", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", lifespan=_lifespan,
                  description="Read the store: documents, actors, timeline, events, relations, "
                              "claims, echoes, text reuse, figures. Every fact cites its "
                              "document and sentence. Writes need the server's token.")
    app.state.db_path = str(path)
    app.state.token = token
    app.state.briefs = briefs
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(QueryGuard)
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    static = resources.files("foreigndesk.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(brief.router)
    app.include_router(alerts_view.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api/", "/static/")):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.not_found(request, HTTPException(exc.status_code, exc.detail))

    @app.exception_handler(SearchSyntaxError)
    async def bad_search(request: Request, exc: SearchSyntaxError) -> Response:
        return _refusal(request, 422, f"q: {exc}")

    @app.exception_handler(sqlite3.OperationalError)
    async def costly(request: Request, exc: sqlite3.OperationalError) -> Response:
        msg = str(exc)
        if msg == "interrupted":
            return _refusal(request, 422, f"this request took longer than {REQUEST_SECONDS:g} s "
                                          "and was stopped: narrow it (fewer or rarer words, "
                                          "a shorter period, one actor)")
        if any(w in msg for w in ("locked", "busy", "disk", "unable to open", "readonly")):
            return _refusal(request, 503, "the store is busy or unavailable; try again")
        # what a parameter can provoke: too many terms, a pattern too complex, a string too big
        return _refusal(request, 422, f"this request cannot be answered as asked ({msg})")

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, exc: OverflowError) -> Response:
        return _refusal(request, 422, "a number in the request is out of range")

    @app.exception_handler(UnicodeEncodeError)
    async def surrogate(request: Request, exc: UnicodeEncodeError) -> Response:
        return _refusal(request, 422, "the request holds text that is not valid Unicode")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg')}"
                         for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": msgs}, status_code=422)
        return pages.not_found(request, HTTPException(422, msgs))

    return app


def _refusal(request: Request, status: int, detail: str) -> Response:
    from foreigndesk.web import pages

    if request.url.path.startswith(("/api/", "/static/")):
        return JSONResponse({"detail": detail}, status_code=status)
    return pages.not_found(request, HTTPException(status, detail))


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from foreigndesk.web import warm

    warm.start()
    warm.start_views(app.state.db_path)
    yield
