"""The relations chart of the workbench and the brief's chart say the same thing: how many
events each year rests on, which years are gaps (no events: a shaded band, the line
broken, no point) and which are thin (fewer than 3 events: a hollow point), each with a
legend line. A real server over the hand-checked store of tests/analyze/marks_store.py;
the brief is the one the server exports and the one `foreigndesk report` writes."""

from __future__ import annotations

import base64
import re

import httpx
import lxml.html
import pytest

from tests.analyze.marks_store import build
from tests.conftest import copy_of_store, run_cli
from tests.web.conftest import screenshot
from tests.web.server import Server

# expected from the events written in marks_store.py
EVENTS = {"2019": 3, "2020": 0, "2021": 2, "2022": 0, "2023": 3}
GAPS = {"2020", "2022"}
THIN = {"2021"}
MEANS = {"2019": 0.0, "2021": -6.0, "2023": -8 / 3}


@pytest.fixture(scope="module")
def marks_db(module_db_url):
    return build(module_db_url)


@pytest.fixture(scope="module")
def server(marks_db, tmp_path_factory):
    db = copy_of_store(marks_db, tmp_path_factory.mktemp("marks-served"), "m.db")
    s = Server(db)
    yield s
    s.stop()


def _page(server, path: str):
    r = httpx.get(server.base + path, timeout=60)
    assert r.status_code == 200, r.text[:300]
    return lxml.html.fromstring(r.text)


def panel_chart(svg) -> dict:
    """What a chart panel shows, read from its SVG (the workbench's and the brief's are
    drawn by the same chart stack)."""
    ns = {"s": "http://www.w3.org/2000/svg"}

    def find(path: str) -> list:
        found = svg.xpath(path.replace("s:", ""))
        return found or svg.xpath(path, namespaces=ns)

    dots = find(".//s:circle[contains(@class, 'ch-dot')]")
    return {
        "points": {d.get("data-period") for d in dots},
        "thin": {d.get("data-period") for d in dots if "thin" in d.get("class").split()},
        "n": {d.get("data-period"): int(d.get("data-n")) for d in dots},
        "labels": {t.get("data-period"): t.text for t in find(".//s:text[@class='ch-n']")},
        "gaps": {g.get("data-period") for g in find(".//s:g[@class='ch-gap']")},
        "tips": {d.get("data-period"): d[0].text for d in dots},
        "path": find(".//s:path[@class='ch-line']")[0].get("d"),
    }


def web_chart(tree) -> dict:
    """What the news panel of the relations page shows, read from its SVG."""
    out = panel_chart(tree.xpath("//section[@data-source='news']//svg")[0])
    out["legend"] = [li.text_content() for li in
                     tree.xpath("//section[@data-source='news']//ul[@class='legend']/li")]
    return out


def brief_chart(tree) -> dict:
    """What the brief's chart shows (its news panel, the first of the stacked SVG), and its
    table."""
    from lxml import etree

    src = tree.xpath("//section[@id='relations']//img/@src")[0]
    assert src.startswith("data:image/svg+xml;base64,")
    doc = etree.fromstring(base64.b64decode(src.split(",", 1)[1]))
    news = doc.xpath("./s:svg", namespaces={"s": "http://www.w3.org/2000/svg"})[0]
    assert news.get("aria-label") == "Coded news events"
    got = panel_chart(news)
    rows = tree.xpath("//section[@id='relations']//table[@class='years']//tr[@data-year]")
    return {
        "points": got["points"], "thin": got["thin"], "labels": set(got["labels"]),
        "gaps": got["gaps"], "tips": got["tips"], "path": got["path"],
        "table": {r.get("data-year"): (r.get("data-mark"), r.xpath("./td")[1].text_content(),
                                       r.xpath("./td")[4].text_content()) for r in rows},
        "caption": [li.text_content() for li in
                    tree.xpath("//section[@id='relations']//figcaption//li")],
        "marks": [li.text_content() for li in
                  tree.xpath("//section[@id='relations']/ul[@class='marks']/li")],
    }


def test_web_chart_shows_counts_gaps_and_thin_years(server):
    w = web_chart(_page(server, "/relations?a=USA&b=CUB&by=year"))
    has = {y for y, n in EVENTS.items() if n}
    assert w["points"] == has and w["gaps"] == GAPS and w["thin"] == THIN
    assert w["n"] == {y: EVENTS[y] for y in has}
    assert w["labels"] == {y: f"n={EVENTS[y]}" for y in has}
    # the line breaks at each gap: three separate pieces, no point at the gaps
    assert w["path"].count("M") == 3 and "L" not in w["path"]
    assert "2 events (thin: fewer than 3)" in w["tips"]["2021"]
    assert w["tips"]["2019"].startswith("mean Goldstein score 2019: 0 · 3 events")
    assert len(w["legend"]) == 2
    assert w["legend"][0].startswith("thin: fewer than 3 events")
    assert w["legend"][1].startswith("gap: no events") and "not a zero" in w["legend"][1]
    # the API gives the same marks and counts
    api = httpx.get(server.base + "/api/relations", params={"a": "USA", "b": "CUB"}).json()
    assert {p["period"]: p["events"] for p in api["periods"]} == EVENTS
    assert {p["period"] for p in api["periods"] if p["mark"] == "gap"} == GAPS
    assert {p["period"] for p in api["periods"] if p["mark"] == "thin"} == THIN
    assert api["legend"] == w["legend"]


def test_web_chart_and_brief_chart_agree(server, marks_db, tmp_path):
    w = web_chart(_page(server, "/relations?a=USA&b=CUB&by=year&undirected=true"))
    exported = _page(server, "/export/brief.html?dyad=USA-CUB")
    out = tmp_path / "brief.html"
    run_cli("report", "--db", str(marks_db), "--dyad", "USA-CUB", "-o", str(out))
    for tree in (exported, lxml.html.fromstring(out.read_text(encoding="utf-8"))):
        b = brief_chart(tree)
        assert b["points"] == w["points"] and b["thin"] == w["thin"]
        assert b["gaps"] == w["gaps"] == GAPS
        assert b["labels"] == set(w["labels"])
        # one chart stack: the same drawing, the same tooltips
        assert b["path"] == w["path"] and b["tips"] == w["tips"]
        # the table by year: every year, with its count and mark, the gaps without a value
        assert {y: (m, n) for y, (m, n, _) in b["table"].items()} == {
            y: ("gap" if y in GAPS else "thin" if y in THIN else "", str(n))
            for y, n in EVENTS.items()}
        for y, (_, _, mean) in b["table"].items():
            if y in GAPS:
                assert mean == "–"
            else:
                assert float(mean.replace("−", "-")) == pytest.approx(MEANS[y], abs=0.05)
        # the same legend lines under the chart, under the table and on the workbench
        assert b["marks"] == [line[0].upper() + line[1:] + "." for line in w["legend"]]
        assert b["caption"][-2:] == b["marks"]


def test_brief_counts_only_what_happened(server):
    tree = _page(server, "/export/brief.html?dyad=USA-CUB")
    text = tree.xpath("//section[@id='relations']/p[@class='stmt']")[0].text_content()
    # 8 events happened (3 + 2 + 3); the negated, hypothetical and future ones are apart
    assert "8 events that happened between United States and Cuba" in text
    assert "3 negated, hypothetical or future ones (not counted)" in text
    coop, conf = re.search(r"(\d+) of cooperation and (\d+) of conflict", text).groups()
    assert (int(coop), int(conf)) == (2, 6)  # 051, 040 | 112, 130, 163, 111, 172, 128
    # the events table still lists every event, with its modality
    modalities = [r.xpath("./td")[5].text_content() for r in
                  tree.xpath("//section[@id='relations']//table[@class='events']//tr[td]")]
    assert sorted(modalities) == sorted(["asserted"] * 6 + ["reported"] * 2 + [
        "negated", "hypothetical", "future"])


@pytest.mark.browser
def test_thin_points_are_hollow_and_gaps_shaded_in_chromium(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server.base + "/relations?a=USA&b=CUB&by=year")
    page.wait_for_load_state("networkidle")
    assert not errors, errors
    card = '.chart-card[data-source="news"] '
    style = page.evaluate(
        "(sel) => Array.from(document.querySelectorAll(sel)).map(c => { const s = "
        "getComputedStyle(c); return [c.dataset.period, s.fill, s.stroke]; })",
        card + "circle.ch-dot")
    by_year = {y: (fill, stroke) for y, fill, stroke in style}
    white = "rgb(255, 255, 255)"
    assert by_year["2021"][0] == white and by_year["2021"][1] != white  # hollow, outlined
    assert by_year["2019"][0] != white and by_year["2023"][0] != white  # filled
    bands = page.locator(card + "g.ch-gap rect")
    assert bands.count() == len(GAPS)
    assert all(bands.nth(i).bounding_box()["height"] > 50 for i in range(bands.count()))
    assert page.locator(card + "ul.legend li").count() == 2
    screenshot(page, "relations-marks")
    page.close()
