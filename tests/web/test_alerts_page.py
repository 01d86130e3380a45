"""The workbench's alerts page in headless Chromium: every alert with its cited sentences,
each citation leads to its sentence in the reader; the kind filter; /api/alerts. The store
is built by real `foreigndesk watch` cycles over a site on 127.0.0.1 (a planted shift and a
repeated claim)."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.conftest import run_cli
from tests.watch.conftest import FAST
from tests.watch.corpus import CLAIM, claim_articles, conflict_article, relations_articles
from tests.watch.site import Site, SiteServer
from tests.web.conftest import screenshot
from tests.web.server import Server

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def alerts_server(module_db_url, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("alerts")
    db = module_db_url
    watches = tmp / "watches.yaml"
    watches.write_text(f"- {{name: chn-cub, kind: shift, dyad: CHN-CUB, window: 6}}\n"
                       f"- {{name: blockade, kind: echo, claim: \"{CLAIM}\"}}\n")
    site = Site()
    web = SiteServer(site)
    try:
        for a in [*relations_articles(), conflict_article(), *claim_articles()]:
            site.add(a)
            if a.slug in ("coop-06", "clash-07"):  # baseline, then the shift and the claim
                run_cli("watch", site.base + "/feed.xml", "--db", str(db), "--once",
                        "--alerts", str(watches), *FAST)
        run_cli("watch", site.base + "/feed.xml", "--db", str(db), "--once", "--alerts",
                str(watches), *FAST)  # the repeat
    finally:
        web.close()
    server = Server(db)
    yield server
    server.stop()


def test_alerts_page_links_to_cited_sentences(page, alerts_server):
    api = httpx.get(alerts_server.base + "/api/alerts").json()
    assert sorted(a["watch"] for a in api["alerts"]) == ["blockade", "chn-cub"]
    page.goto(alerts_server.base + "/alerts")
    page.wait_for_load_state("networkidle")
    assert not page.errors, page.errors
    assert page.locator("section.alert").count() == 2
    assert page.locator("header nav a.on").inner_text() == "Alerts"
    shift = page.locator("section.alert.k-shift")
    assert "z = " in shift.inner_text() and "2023-07" in shift.inner_text()
    screenshot(page, "alerts")
    want = next(a for a in api["alerts"] if a["watch"] == "chn-cub")["citations"]
    links = shift.locator("a.cited")
    assert links.count() == len(want)
    assert [links.nth(i).inner_text().strip() for i in range(links.count())] == \
        [c["text"] for c in want]
    link = links.filter(has_text="condemned").first
    href = link.get_attribute("href")
    m = re.fullmatch(r"/documents/([0-9a-f]+)#s(\d+)", href or "")
    assert m, href
    link.click()
    page.wait_for_url(re.compile(rf"/documents/{m[1]}#s{m[2]}$"))
    page.wait_for_load_state("networkidle")
    target = page.locator(f"#s{m[2]}")
    assert "condemned" in target.inner_text()
    assert page.evaluate("document.querySelector(':target').id") == f"s{m[2]}"
    screenshot(page, "alerts-cited-sentence", full_page=False)


def test_alerts_page_filters_and_bad_input(page, alerts_server):
    page.goto(alerts_server.base + "/alerts?kind=echo")
    page.wait_for_load_state("networkidle")
    assert page.locator("section.alert").count() == 1
    text = page.locator("section.alert").inner_text()
    assert "Caribbean Courier repeats" in text
    assert page.locator("section.alert a.cited").count() == 2
    for q in ("kind=nope", "limit=0", "watch=" + "x" * 500):
        r = httpx.get(alerts_server.base + "/api/alerts?" + q)
        assert r.status_code == 422, (q, r.status_code)
    r = httpx.get(alerts_server.base + "/alerts?kind=%00")
    assert r.status_code == 422
    r = httpx.get(alerts_server.base + "/alerts?watch=nobody")
    assert r.status_code == 200 and "No alerts for this filter" in r.text
