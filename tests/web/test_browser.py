"""End-to-end tests in headless Chromium (Debian's, through Playwright) against a real server
on the dossier store: every page renders with its data and without script errors, a timeline
event leads to its sentence, search, the reader's panel, the relations chart. Screenshots go
to tests/artifacts/."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.conftest import connect
from tests.web.conftest import screenshot

pytestmark = pytest.mark.browser


def _open(page, server, path):
    page.goto(server.base + path)
    page.wait_for_load_state("networkidle")
    assert not page.errors, page.errors


def _count(page, selector: str) -> int:
    return page.locator(selector).count()


def test_documents_page(page, dossier_server):
    _open(page, dossier_server, "/documents")
    n = httpx.get(dossier_server.base + "/api/stats").json()["documents"]
    assert _count(page, "table.docs tbody tr") == n
    screenshot(page, "documents")


def test_reader_highlights_and_panel(page, dossier_server):
    docs = httpx.get(dossier_server.base + "/api/documents").json()["documents"]
    doc = max(docs, key=lambda d: d["n_events"])
    _open(page, dossier_server, f"/documents/{doc['id']}")
    for kind in ("mention", "time", "event"):
        assert _count(page, f"#text span.k-{kind}") > 0, kind
    page.locator("#text span.k-event").first.click()
    panel = page.locator("#panel-body")
    assert panel.locator("section.note.k-event").count() >= 1
    text = panel.inner_text()
    assert "made by" in text and "Goldstein" in text
    # hiding a kind removes its highlight
    page.locator('#legend input[data-kind="mention"]').uncheck()
    assert "hide-mention" in page.evaluate("document.body.className")
    page.locator('#legend input[data-kind="mention"]').check()
    screenshot(page, "reader")


def test_timeline_event_leads_to_its_sentence(page, dossier_server):
    _open(page, dossier_server, "/timeline")
    events = page.locator("#tl a.tl-item.ev[href]")
    assert events.count() > 0
    assert _count(page, "#tl a.tl-item.tm") > 0
    screenshot(page, "timeline")
    first = events.first
    href = first.get_attribute("href")
    m = re.fullmatch(r"/documents/([0-9a-f]+)#s(\d+)", href or "")
    assert m, href
    first.click()
    page.wait_for_url(re.compile(rf"/documents/{m[1]}#s{m[2]}$"))
    page.wait_for_load_state("networkidle")
    target = page.evaluate("document.querySelector(':target') && document.querySelector(':target').id")
    assert target == f"s{m[2]}"
    sentence = page.locator(f"#s{m[2]}")
    # the sentence is highlighted (after its .3 s background transition) and on screen
    page.wait_for_function(
        "() => { const t = document.querySelector(':target'); return t && "
        "getComputedStyle(t).backgroundColor === 'rgb(255, 243, 176)'; }", timeout=5000)
    bg = sentence.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    box = sentence.bounding_box()
    assert box and box["y"] + box["height"] > 0 and box["y"] < 900
    api = httpx.get(dossier_server.base + f"/api/documents/{m[1]}").json()
    expected = next(s["text"] for s in api["sentences"] if s["idx"] == int(m[2]))
    assert sentence.inner_text().strip() == expected.strip()
    screenshot(page, "timeline-click-sentence", full_page=False)


def test_timeline_zoom(page, dossier_server):
    _open(page, dossier_server, "/timeline")
    before = float(page.input_value("#tl-to")) - float(page.input_value("#tl-from"))
    page.click("#tl-in")
    after = float(page.input_value("#tl-to")) - float(page.input_value("#tl-from"))
    assert after < before
    page.click("#tl-fit")
    fit = float(page.input_value("#tl-to")) - float(page.input_value("#tl-from"))
    assert fit >= before
    # the list below follows the range
    page.fill("#tl-from", "2022")
    page.fill("#tl-to", "2023")
    page.press("#tl-to", "Enter")
    page.locator("#tl-from").blur()
    rows = page.locator("#tl-list tbody tr")
    spans = [(float(rows.nth(i).get_attribute("data-t0")), float(rows.nth(i).get_attribute("data-t1")),
              rows.nth(i).get_attribute("hidden") is not None) for i in range(rows.count())]
    shown = [(t0, t1) for t0, t1, hidden in spans if not hidden]
    assert shown and len(shown) < len(spans)
    for t0, t1, hidden in spans:  # a row is listed exactly when it overlaps the range
        assert hidden == (t1 < 2022 or t0 > 2023), (t0, t1, hidden)


def test_timeline_opens_on_the_span_of_its_items(page, dossier_server):
    """The opening window holds every item's start, from the earliest (no outlier is cut
    off) to the latest, and runs no further than that (or today, for a coarse period like
    "the 2020s" that is still running) beyond a small margin."""
    import datetime as dt

    _open(page, dossier_server, "/timeline")
    lo, hi = float(page.input_value("#tl-from")), float(page.input_value("#tl-to"))
    rows = page.locator("#tl-list tbody tr")
    spans = [(float(rows.nth(i).get_attribute("data-t0")),
              float(rows.nth(i).get_attribute("data-t1"))) for i in range(rows.count())]
    assert spans
    first, last_start = min(t0 for t0, _ in spans), max(t0 for t0, _ in spans)
    today = dt.date.today()
    now = today.year + (today.month - 1 + today.day / 31) / 12
    latest = max(min(t1, max(t0, now)) for t0, t1 in spans)
    margin = max((latest - first) * 0.03, 0.5) + 0.01
    assert lo <= first and hi >= last_start
    assert first - lo <= margin and hi - latest <= margin
    screenshot(page, "timeline-window", full_page=False)


def test_timeline_filters(page, dossier_server):
    events = httpx.get(dossier_server.base + "/api/events").json()
    code = events[0]["code"][:2]
    _open(page, dossier_server, f"/timeline?code={code}&source=news")
    labels = page.locator("#tl-list tbody tr.row-ev .badge").all_inner_texts()
    assert labels and all(t.startswith(code) for t in labels)


def test_search(page, dossier_server):
    _open(page, dossier_server, "/documents")
    page.fill('input[name="q"]', "balloon")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url(re.compile(r"q=balloon"))
    expected = httpx.get(dossier_server.base + "/api/documents", params={"q": "balloon"}).json()
    assert _count(page, "table.docs tbody tr") == expected["total"] > 0
    assert _count(page, ".snippet mark") > 0
    screenshot(page, "search")


def test_actors_graph(page, dossier_server):
    _open(page, dossier_server, "/actors")
    assert _count(page, "#graph .node") >= 3
    assert _count(page, "#graph .edges line") >= 2
    assert _count(page, "table.actors tbody tr") > 0
    page.locator("#graph .node").first.hover()
    assert "focus" in (page.get_attribute("#graph", "class") or "")
    screenshot(page, "actors")


def test_map(page, dossier_server):
    _open(page, dossier_server, "/map")
    assert _count(page, "#places-layer circle") > 0
    assert _count(page, "#events-layer circle") > 0
    # the basemap shipped with the package loaded (no request failed, see _open) and its
    # country outlines are drawn in the page, so borders keep their width at any zoom
    assert page.locator("#map use.countries").get_attribute("href") == \
        "/static/basemap.svg#countries"
    assert page.evaluate("document.querySelector('#map use.countries').getBBox().width") > 3000
    vb = page.get_attribute("#map", "viewBox")
    page.click("#map-in")
    assert page.get_attribute("#map", "viewBox") != vb
    page.click("#map-fit")
    screenshot(page, "map")


def _shown_labels(page) -> set[str]:
    return set(page.evaluate(
        "Array.from(document.querySelectorAll('#labels-layer text'))"
        ".filter(t => t.style.display !== 'none').map(t => t.dataset.iso3)"))


def test_map_country_labels(page, dossier_server):
    """The whole world names the large countries only; zoomed in on the Caribbean, Cuba is
    named too, and labels keep their size on screen."""
    _open(page, dossier_server, "/map")
    page.click("#map-world")
    world = _shown_labels(page)
    assert {"CHN", "USA", "RUS", "BRA"} <= world and "CUB" not in world
    size = page.evaluate("document.querySelector('#labels-layer text[data-iso3=CHN]')"
                         ".getBoundingClientRect().height")
    screenshot(page, "map-labels-world", full_page=False)
    for _ in range(10):  # zoom in on Cuba (lon -79, lat 21.6), a wheel step at a time
        if "CUB" in _shown_labels(page):
            break
        page.evaluate("""() => {
            const svg = document.getElementById('map');
            const [x, y, w, h] = [1010, 684, 3600, 1800];
            const r = svg.getBoundingClientRect();
            const vb = svg.viewBox.baseVal;
            const sx = r.left + (x - vb.x) / vb.width * r.width;
            const sy = r.top + (y - vb.y) / vb.height * r.height;
            svg.dispatchEvent(new WheelEvent('wheel', {clientX: sx, clientY: sy, deltaY: -300,
                                                       bubbles: true, cancelable: true}));
        }""")
    near = _shown_labels(page)
    assert "CUB" in near
    cuba = page.evaluate("document.querySelector('#labels-layer text[data-iso3=CUB]')"
                         ".getBoundingClientRect().height")
    assert abs(cuba - size) <= 2  # the same size on screen at both zooms
    screenshot(page, "map-labels-caribbean", full_page=False)


def test_relations_chart(page, dossier_server):
    _open(page, dossier_server, "/relations")
    news = page.locator('.chart-card[data-source="news"] svg.chart')
    assert news.count() == 1
    assert news.locator("circle.ch-dot").count() >= 2
    d = news.locator("path.ch-line").first.get_attribute("d") or ""
    assert d.startswith("M")
    screenshot(page, "relations")
    # compare with the second pair of the "most events" list
    href = page.locator("p.dyads a").nth(1).get_attribute("href") or ""
    m = re.search(r"a=([A-Z]{3})&b=([A-Z]{3})", href)
    assert m, href
    page.fill('input[name="compare"]', f"{m[1]}-{m[2]}")
    page.select_option('select[name="compare_source"]', "news")
    page.click('form.filters button[type="submit"]')
    page.wait_for_load_state("networkidle")
    assert _count(page, "#compare table.lags tbody tr") == 7
    assert page.locator("#compare .reading").inner_text().startswith("Reading:")
    screenshot(page, "relations-compare")


def test_claims_page(page, dossier_server):
    _open(page, dossier_server, "/claims")
    assert _count(page, ".cluster") > 0
    assert _count(page, ".reuse-pair mark") > 0
    screenshot(page, "claims")


def test_figures_page(page, dossier_server):
    _open(page, dossier_server, "/figures")
    assert _count(page, "#all table tbody tr") > 0
    conflicts = httpx.get(dossier_server.base + "/api/figures").json()["conflicts"]
    assert _count(page, "#conflicts .conflict") == len(conflicts)
    screenshot(page, "figures")


def test_api_docs_page(page, dossier_server):
    _open(page, dossier_server, "/api/docs")
    assert _count(page, ".endpoint") >= 10
    screenshot(page, "api-docs")


def test_download_brief_from_the_timeline(page, dossier_server, tmp_path):
    """The timeline offers the cited brief of its view (foreigndesk report): the HTML brief
    downloads and each of its quoted sentences is a sentence of a stored document."""
    import html as html_lib

    _open(page, dossier_server, "/timeline")
    with page.expect_download(timeout=300_000) as dl:
        page.click('.brief-links a[href^="/export/brief.html"]')
    path = tmp_path / "brief.html"
    dl.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html") and "<script" not in text.lower()
    conn = connect(dossier_server.db)
    sentences = {r[0] for r in conn.execute("SELECT text FROM sentences")}
    outlets = {r[0] for r in conn.execute("SELECT outlet FROM documents WHERE outlet IS NOT NULL")}
    assert any(o in text for o in outlets)
    # the brief quotes its sources' sentences: some of them, verbatim
    quoted = [s for s in sentences if len(s) > 40 and html_lib.escape(s, quote=False) in text]
    assert quoted


def test_download_brief_pdf(dossier_server):
    r = httpx.get(dossier_server.base + "/export/brief.pdf", params={"since": "2020"},
                  timeout=600)
    if r.status_code == 501:
        pytest.skip(f"PDF briefs unavailable here: {r.text[:200]}")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert r.headers["content-disposition"] == 'attachment; filename="brief.pdf"'


def test_claims_and_figures_filters(page, dossier_server):
    """The claims page's filter form lists the claims of a speaker, as the API does; the
    figures page's kind filter keeps the conflicts of that kind."""
    claims = httpx.get(dossier_server.base + "/api/claims").json()
    speaker = max({c["speaker"] for c in claims if c["speaker"]},
                  key=lambda s: sum(c["speaker"] == s for c in claims))
    _open(page, dossier_server, "/claims")
    page.fill("#claim-filters input[name=speaker]", speaker)
    page.click("#claim-filters button[type=submit]")
    page.wait_for_selector("#claims")
    want = httpx.get(dossier_server.base + "/api/claims", params={"speaker": speaker}).json()
    assert _count(page, "#claims tr.claim-row") == len(want) > 0
    screenshot(page, "claims-filtered")
    _open(page, dossier_server, "/figures")
    page.select_option("#figure-filters select[name=kind]", "money")
    page.click("#figure-filters button[type=submit]")
    page.wait_for_load_state()
    money = httpx.get(dossier_server.base + "/api/figures", params={"kind": "money"}).json()
    assert _count(page, "#conflicts .conflict") == len(money["conflicts"])
    screenshot(page, "figures-filtered")
