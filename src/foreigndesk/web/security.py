"""Security of the workbench: response headers (CSP), the write token, host checks and the
rule for links taken from documents.

Article text and metadata are hostile input. Templates autoescape everything, the pages'
JavaScript writes document data with ``textContent`` only, and a link from a document is
made only when its URL is http(s): anything else is shown as text.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def new_token() -> str:
    """A fresh write token (printed by ``foreigndesk serve`` at start)."""
    return secrets.token_urlsafe(24)


class SecurityHeaders(BaseHTTPMiddleware):
    """Adds the CSP and the other hardening headers to every response, and (when
    ``allowed_hosts`` is given) refuses requests whose Host header names another host: a page
    on another site that rebinds its name to 127.0.0.1 cannot read the workbench."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] | None = None) -> None:
        super().__init__(app)
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def dispatch(self, request: Request,
                       call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if self.allowed is not None:
            host = request.headers.get("host", "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                return PlainTextResponse("unknown host", status_code=400, headers=HEADERS)
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response


MAX_PARAM_CHARS = 2000
"""The longest value a query parameter may have (a search has its own, lower, limit)."""
MAX_PARAMS = 100


class QueryGuard:
    """Refuses, with a 422 that names the parameter, a query string whose values could only
    be hostile: longer than MAX_PARAM_CHARS, more than MAX_PARAMS of them, control
    characters (NUL ...) or text that is not valid UTF-8 once decoded."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            problem = query_problem(scope["query_string"])
            if problem:
                body = json.dumps({"detail": problem}).encode()
                await send({"type": "http.response.start", "status": 422,
                            "headers": [(b"content-type", b"application/json"),
                                        *((k.lower().encode(), v.encode())
                                          for k, v in HEADERS.items())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def query_problem(raw: bytes) -> str | None:
    """Why a raw query string is refused, or None."""
    from urllib.parse import parse_qsl

    try:
        pairs = parse_qsl(raw.decode("latin-1"), keep_blank_values=True, encoding="utf-8",
                          errors="strict", max_num_fields=MAX_PARAMS)
    except UnicodeDecodeError:
        return "the query string is not valid UTF-8"
    except ValueError:
        return f"more than {MAX_PARAMS} query parameters"
    for name, value in pairs:
        key = name[:40]
        if len(value) > MAX_PARAM_CHARS:
            return f"{key}: too long ({len(value):,} characters; the limit is {MAX_PARAM_CHARS:,})"
        if _CONTROL.search(value) or _CONTROL.search(name):
            return f"{key}: control characters are not allowed"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def require_token(request: Request) -> None:
    """Dependency of every write route: ``Authorization: Bearer <token>`` must match the token
    the server printed at start; without a server token, writes are off."""
    expected = getattr(request.app.state, "token", None)
    if not expected:
        raise HTTPException(403, "writes are disabled on this server (it was started without "
                                 "a token)")
    got = request.headers.get("authorization", "")
    scheme, _, value = got.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip().encode(),
                                                                  expected.encode()):
        raise HTTPException(401, "a write needs the token printed when the server started: "
                                 "Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
