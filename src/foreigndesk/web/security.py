"""Security of the workbench: response headers (CSP), the write token, host checks and the
rule for links taken from documents.

Article text and metadata are hostile input. Templates autoescape everything, the pages'
JavaScript writes document data with ``textContent`` only, and a link from a document is
made only when its URL is http(s): anything else is shown as text.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

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
