"""Every query parameter of every route, sent hostile values over real HTTP to a real server:
never a 5xx, never a request held past 5 s (the server's per-request time budget)."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import quote

import httpx
import pytest

HOSTILE = [
    "\x00", "a\x00b", "%00", "99999999999999999999", "-99999999999999999999", "-1", "0",
    "1e309", "NaN", "a OR " * 2000, '"', 'balloon AND (', ")(", "U.S.-China", "*",
    "NEAR(a b, 99999999999)", "' OR 1=1 --", "../../../etc/passwd", "2023-02-30", "x" * 6000,
    "\u202e\u0301", "%ED%A0%80",  # the last: a lone surrogate once decoded
]
RAW = {"%00", "%ED%A0%80"}  # sent as written (already percent-encoded)
SLOW = 5.0


def _flat(dep: Any) -> tuple[list[str], list[str]]:
    qs = [q.alias for q in dep.query_params]
    ps = [p.alias for p in dep.path_params]
    for sub in dep.dependencies:
        a, b = _flat(sub)
        qs += a
        ps += b
    return qs, ps


def _routes() -> list[tuple[str, list[str], list[str]]]:
    """(path, query parameters, path parameters) of every GET route: API, pages, brief."""
    from foreigndesk.web import api, brief, pages

    out = []
    for router in (api.router, pages.router, brief.router):
        for r in router.routes:
            if "GET" not in getattr(r, "methods", ()):
                continue
            qs, ps = _flat(r.dependant)
            out.append((r.path, list(dict.fromkeys(qs)), list(dict.fromkeys(ps))))
    return out


def _url(path: str, path_params: list[str], doc_id: str) -> str:
    fill = {"doc_id": doc_id, "name": "events.csv"}
    for p in path_params:
        path = path.replace("{" + p + "}", fill.get(p, "x"))
    return path


def _enc(v: str) -> str:
    return v if v in RAW else quote(v, safe="")


@pytest.mark.shared
def test_no_query_parameter_gives_a_5xx(dossier_server) -> None:
    base = dossier_server.base
    doc_id = httpx.get(base + "/api/documents?limit=1", timeout=30).json()["documents"][0]["id"]
    routes = _routes()
    assert len(routes) >= 20
    bad: list[str] = []
    slow: list[str] = []
    n = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for path, qs, ps in routes:
            url = _url(path, ps, doc_id)
            targets = [(q, f"{url}?{q}={{v}}") for q in qs]
            # path parameters get the hostile values too
            targets += [(p, _url(path.replace("{" + p + "}", "{v}"), ps, doc_id)) for p in ps]
            for name, template in targets:
                for v in HOSTILE:
                    full = template.replace("{v}", _enc(v))
                    t = time.monotonic()
                    try:
                        r = client.get(full)
                    except httpx.TransportError as e:
                        bad.append(f"no answer ({type(e).__name__}) {path} {name}={v[:30]!r}")
                        assert dossier_server.proc.poll() is None, "the server died"
                        continue
                    took = time.monotonic() - t
                    n += 1
                    if r.status_code >= 500:
                        bad.append(f"{r.status_code} {path} {name}={v[:30]!r}: {r.text[:120]}")
                    if took > SLOW:
                        slow.append(f"{took:.1f} s {path} {name}={v[:30]!r}")
    assert n > 1000
    assert not bad, "\n".join(bad[:40]) + f"\n({len(bad)} in all)"
    assert not slow, "\n".join(slow[:40])


@pytest.mark.shared
def test_post_ingest_with_hostile_bodies_is_4xx(dossier_server) -> None:
    auth = {"Authorization": f"Bearer {dossier_server.token}"}
    bodies = [
        ("application/json", b'{"text": "Chile met Peru on Monday \\ud800 in Lima.", "title": "x"}'),
        ("application/json", b'{"text": "Chile met Peru.", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}"),
        ("application/json", b"[" * 100000 + b"]" * 100000),
        ("application/json", b'{"text": "Chile met Peru.", "published": "2023-02-30"}'),
        ("text/plain", b"---\ntitle: &a [*a]\n---\nChile met Peru on Monday."),
        ("text/plain", b"---\ndate: 2023-02-30\n---\nChile met Peru on Monday."),
        ("application/json", b'{"text": 1e999}'),
    ]
    for ctype, body in bodies:
        r = httpx.post(dossier_server.base + "/api/ingest", content=body, timeout=120,
                       headers={**auth, "Content-Type": ctype})
        assert r.status_code < 500, (body[:60], r.status_code, r.text[:200])
        if b"ud800" not in body:
            assert 400 <= r.status_code < 500, (body[:60], r.status_code, r.text[:200])
