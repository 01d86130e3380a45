"""Hostile document data (script tags, event handlers, javascript: URLs, Markdown links and
HTML in the title, outlet, URL and text) never reaches a brief unescaped."""

from __future__ import annotations

import re

import pytest

from tests.conftest import connect, run_cli
from tests.report.briefcheck import (
    check_html_refs,
    check_md_refs,
    html_tree,
    is_web_url,
    md_sections,
    pdf_text,
    store_rows,
    unsafe_html,
)

PAYLOADS = ("<script>alert(4)</script>", "[click me](javascript:alert(5))",
            "<img src=x onerror=alert(6)>", "![pixel](https://evil.example/t.png)")


@pytest.fixture(scope="module")
def hostile_briefs(hostile_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-briefs")
    paths = {ext: out / f"brief.{ext}" for ext in ("html", "md", "pdf")}
    for p in paths.values():
        run_cli("report", "--db", str(hostile_db), "-o", str(p))
    return paths


def test_the_payloads_are_stored_and_cited(hostile_db, hostile_briefs):
    """The test means something: the hostile strings are in the store and in the brief, as
    text."""
    conn = connect(hostile_db)
    stored = " ".join(t for (t,) in conn.execute("SELECT text FROM documents"))
    conn.close()
    assert all(p in stored for p in PAYLOADS)
    docs, _ = store_rows(hostile_db)
    assert any("<script>" in (d["title"] or "") for d in docs.values())
    assert any("onmouseover" in (d["outlet"] or "") for d in docs.values())
    text = html_tree(hostile_briefs["html"]).text_content()
    assert "<script>alert(4)</script>" in text
    assert "onmouseover=alert(2)" in text   # the outlet, shown as text
    assert "<script>alert(\"title\")</script>" in text   # the title, shown as text


def test_nothing_unescaped_in_html(hostile_db, hostile_briefs):
    raw = hostile_briefs["html"].read_text(encoding="utf-8")
    assert "<script" not in raw.lower()
    assert "<img src=x" not in raw.lower()
    assert "<svg" not in raw.lower()
    tree = html_tree(hostile_briefs["html"])
    docs, _ = store_rows(hostile_db)
    allowed = {d["url"] for d in docs.values() if is_web_url(d["url"])}
    assert unsafe_html(tree, allowed) == []
    hrefs = tree.xpath("//@href")
    assert not any("javascript" in h.lower() or "evil.example" in h for h in hrefs)
    check_html_refs(tree, hostile_db)  # the citations still resolve, hostile text included


def test_nothing_unescaped_in_markdown(hostile_db, hostile_briefs):
    text = hostile_briefs["md"].read_text(encoding="utf-8")
    # every < is escaped, or opens one of our own links (http(s) autolinks, the chart) or <br>
    for m in re.finditer(r"(?<!\\)<", text):
        tail = text[m.end():m.end() + 12]
        assert tail.startswith(("https://", "http://", "br>", "brief.")), text[m.start() - 40:m.end() + 40]
    assert not re.search(r"(?<!\\)\]\((javascript|https://evil)", text)
    assert "\\<script\\>alert(4)\\</script\\>" in text
    # no line starts with document text: headings and lists are ours
    for line in text.splitlines():
        if re.fullmatch(r"!\[Relations chart of [^\]\[]*\]\(<brief\.relations\.svg>\)", line):
            continue  # the chart
        assert not line.startswith(("<", "#!", "[", "![")), line
    check_md_refs(text, hostile_db)
    sources = md_sections(text)["Sources"]
    assert "\\<img src=x onerror=alert(6)\\>" in sources


def test_pdf_has_no_hostile_link(hostile_briefs):
    text, _, uris = pdf_text(hostile_briefs["pdf"])
    assert "<script>alert(4)</script>" in text.replace("\r\n", " ").replace("\n", " ") or \
        "alert(4)" in text
    assert all(u.startswith(("http://", "https://")) for u in uris), uris
    assert not any("javascript" in u.lower() or "evil.example" in u for u in uris)
