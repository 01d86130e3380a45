"""Hostile documents: a JSON Lines fixture full of XSS payloads (script tags, event handlers,
javascript: URLs in text, title, outlet, author and URL fields) is ingested through the API
with the server's token, then every page is opened in the real browser: no payload may run
(each would set window.__xss or open a dialog), and the payloads show as text."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from foreigndesk.store import Store
from tests.conftest import connect
from tests.web.conftest import screenshot
from tests.web.server import Server

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "web" / "xss.jsonl"
PAGES = ["/documents", "/documents?q=China", "/timeline", "/actors", "/map", "/relations",
         "/claims", "/figures", "/api/docs"]


def _lines() -> list[str]:
    # split on newlines only: the payloads hold U+2028, which str.splitlines() also splits on
    return [x for x in FIXTURE.read_text(encoding="utf-8").split("\n") if x.strip()]


@pytest.fixture(scope="module")
def xss_server(module_db_url):
    db = module_db_url
    Store.open(db).close()
    server = Server(db)
    try:
        for line in _lines():
            r = httpx.post(server.base + "/api/ingest", content=line.encode(), timeout=300,
                           headers={"Authorization": f"Bearer {server.token}",
                                    "Content-Type": "application/json"})
            assert r.status_code == 201, r.text + "".join(server.err)
            assert r.json()["added"]
        # the readers already drop links that are not http(s); put hostile ones back in the
        # store, as another tool or an older version might have written them
        with connect(db) as conn:
            conn.execute("UPDATE documents SET url = 'javascript:window.__xss=40;alert(40)', "
                         "urls = ?", (json.dumps([
                             "javascript:window.__xss=41",
                             "data:text/html,<script>window.__xss=42</script>",
                             " javascript:window.__xss=43", "https://example.org/fine"]),))
        yield server
    finally:
        server.stop()


def test_payloads_are_stored_verbatim(xss_server):
    docs = httpx.get(xss_server.base + "/api/documents").json()["documents"]
    fixture = [json.loads(x) for x in _lines()]
    assert {d["title"] for d in docs} == {" ".join(f["title"].split()) for f in fixture}


def _no_xss(page):
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("typeof parent.__xss") == "undefined"
    assert not page.dialogs, page.dialogs
    hrefs = page.evaluate("Array.from(document.querySelectorAll('[href],[src],[action]'))"
                          ".map(e => e.getAttribute('href') || e.getAttribute('src') || "
                          "e.getAttribute('action'))")
    bad = [h for h in hrefs if h and h.strip().lower().startswith(("javascript:", "data:"))]
    assert not bad, bad
    assert page.locator("iframe, object, embed").count() == 0
    assert page.evaluate("document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length") == 0


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_on_any_page(page, xss_server, path):
    page.goto(xss_server.base + path)
    page.wait_for_load_state("networkidle")
    _no_xss(page)


@pytest.mark.browser
def test_no_payload_runs_in_the_reader(page, xss_server):
    docs = httpx.get(xss_server.base + "/api/documents").json()["documents"]
    assert len(docs) == 2
    for d in docs:
        page.goto(xss_server.base + f"/documents/{d['id']}")
        page.wait_for_load_state("networkidle")
        _no_xss(page)
        # the payloads are shown as text
        assert "<script>" in page.locator("h1.doc-title").inner_text()
        assert "<script>" in page.locator("#text").inner_text()
        # hostile URLs are shown, not linked; the http(s) one is a link
        assert page.locator("dl.meta .badurl").count() >= 4
        assert page.locator('dl.meta a[href="https://example.org/fine"]').count() == 1
        # every highlighted span opens the panel; nothing it writes runs either
        spans = page.locator("#text span.a")
        for i in range(min(spans.count(), 40)):
            spans.nth(i).click()
        _no_xss(page)
        assert page.locator("#panel-body section.note").count() > 0
        screenshot(page, f"xss-reader-{d['id']}")


@pytest.mark.browser
def test_timeline_items_of_hostile_documents(page, xss_server):
    page.goto(xss_server.base + "/timeline")
    page.wait_for_load_state("networkidle")
    items = page.locator("#tl a.tl-item[href]")
    assert items.count() > 0
    items.first.click()
    page.wait_for_load_state("networkidle")
    _no_xss(page)
