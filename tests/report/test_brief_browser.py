"""The HTML briefs opened in headless Chromium (Debian's, through Playwright): nothing runs,
nothing is fetched, and the chart is drawn. Skipped with a reason when Chromium is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.browser


def _open(browser, path: Path) -> tuple[object, dict[str, list[str]]]:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    seen: dict[str, list[str]] = {"requests": [], "dialogs": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))

    def dialog(d):
        seen["dialogs"].append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, seen


def test_hostile_brief_runs_nothing(browser, hostile_db, tmp_path):
    out = tmp_path / "hostile.html"
    run_cli("report", "--db", str(hostile_db), "-o", str(out))
    page, seen = _open(browser, out)
    # the payloads are on the page, as text
    assert "<script>alert(4)</script>" in page.inner_text("body")
    # hover and click everything a payload could have hooked
    for el in page.query_selector_all("td, li, a.cite")[:60]:
        el.hover()
    for a in page.query_selector_all("a.cite")[:10]:
        a.click()
    assert seen["dialogs"] == []
    assert page.evaluate("document.scripts.length") == 0
    assert seen["requests"] == [out.as_uri()], seen["requests"]
    assert seen["errors"] == []
    page.close()


def test_examples_brief_draws_its_chart(browser, examples_db, tmp_path):
    out = tmp_path / "examples.html"
    run_cli("report", "--db", str(examples_db), "-o", str(out))
    page, seen = _open(browser, out)
    size = page.evaluate("(() => { const i = document.querySelector('#relations img'); "
                         "return [i.complete, i.naturalWidth, i.getBoundingClientRect().height]; })()")
    assert size[0] and size[1] > 300 and size[2] > 150, size
    assert seen["requests"] == [out.as_uri()] and seen["errors"] == []
    page.close()
