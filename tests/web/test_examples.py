"""The workbench over the bundled example corpus (no ../shared needed): a new user can open
every page."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import copy_of_store
from tests.web.conftest import screenshot
from tests.web.server import Server

PAGES = ["/documents", "/timeline", "/actors", "/map", "/relations", "/claims", "/figures",
         "/api/docs"]


@pytest.fixture(scope="module")
def examples_server(examples_db, tmp_path_factory):
    """The workbench over a copy of the example corpus's store (tests/conftest.py)."""
    db = copy_of_store(examples_db, tmp_path_factory.mktemp("examples"), "examples.db")
    server = Server(db)
    yield server
    server.stop()


def test_every_page_over_http(examples_server):
    stats = httpx.get(examples_server.base + "/api/stats").json()
    assert stats["documents"] >= 5
    for path in PAGES:
        r = httpx.get(examples_server.base + path, timeout=120)
        assert r.status_code == 200, path
    docs = httpx.get(examples_server.base + "/api/documents", params={"limit": 1000}).json()
    for d in docs["documents"]:
        assert httpx.get(examples_server.base + f"/documents/{d['id']}", timeout=60) \
            .status_code == 200


@pytest.mark.browser
def test_every_page_in_the_browser(page, examples_server):
    for path in PAGES:
        page.goto(examples_server.base + path)
        page.wait_for_load_state("networkidle")
        assert not page.errors, (path, page.errors)
        assert not page.dialogs
        screenshot(page, "examples-" + (path.strip("/").replace("/", "-") or "home"))
    page.goto(examples_server.base + "/timeline")
    assert page.locator("#tl a.tl-item").count() > 0
