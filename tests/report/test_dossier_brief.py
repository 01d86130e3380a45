"""Briefs of the dossier: every citation of the HTML, Markdown and PDF brief resolves to a
real sentence of a stored document, and every statement carries one."""

from __future__ import annotations

import re

import pytest

from tests.report.briefcheck import (
    by_class,
    check_html_refs,
    check_md_refs,
    compact,
    html_tree,
    is_web_url,
    md_sections,
    pdf_page_ink,
    pdf_text,
    store_rows,
    unsafe_html,
)

pytestmark = pytest.mark.shared


def test_html_citations_resolve(dossier_briefs, dossier_db):
    tree = html_tree(dossier_briefs["html"])
    refs = check_html_refs(tree, dossier_db)
    # the dossier has several documents and the brief cites more than one of them
    assert len({r["doc"] for r in refs.values()}) >= 3
    assert len(refs) >= 30


def test_every_html_statement_is_cited(dossier_briefs):
    tree = html_tree(dossier_briefs["html"])
    stmts = by_class(tree, "*", "stmt")
    assert len(stmts) >= 40
    uncited = [s.text_content()[:80] for s in stmts if not by_class(s, "a", "cite")]
    assert not uncited, uncited
    # every section the issue asks for has content over the dossier
    for section in ("summary", "timeline", "actors", "relations", "claims", "figures", "reuse"):
        el = tree.xpath(f"//section[@id='{section}']")
        assert el, section
        assert by_class(el[0], "*", "stmt"), f"section {section} is empty"


def test_html_is_self_contained(dossier_briefs, dossier_db):
    tree = html_tree(dossier_briefs["html"])
    docs, _ = store_rows(dossier_db)
    allowed = {d["url"] for d in docs.values() if is_web_url(d["url"])}
    assert unsafe_html(tree, allowed) == []
    imgs = tree.xpath("//img")
    assert len(imgs) == 1 and imgs[0].get("src").startswith("data:image/svg+xml;base64,")
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_timeline_is_in_date_order_and_holds_gold_dates(dossier_briefs, dossier_gold):
    tree = html_tree(dossier_briefs["html"])
    section = tree.xpath("//section[@id='timeline']")[0]
    dates = [tr.get("data-date") for tr in section.xpath(".//tr[@data-date]")]
    # calendar dates (YYYY, YYYY-MM, YYYY-MM-DD, decades such as 184X) keep their order
    plain = [d.replace("X", "0") for d in dates
             if re.fullmatch(r"\d{2,4}X*(-\d{2}){0,2}", d)]
    assert len(plain) >= 0.8 * len(dates)
    assert plain == sorted(plain)
    # most dates of the gold's events (hand-checked facts of the dossier) are on it
    gold = {str(e["date"]) for e in dossier_gold["events"] if e.get("date")}
    gold = {d for d in gold if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)}
    assert gold
    found = gold & set(dates)
    assert len(found) >= 0.6 * len(gold), sorted(gold - set(dates))


def test_gold_conflicting_figures_are_in_the_brief(dossier_briefs, dossier_gold):
    tree = html_tree(dossier_briefs["html"])
    text = tree.xpath("//section[@id='figures']")[0].text_content().replace(",", "")
    for c in dossier_gold["conflicts"]:
        for v in c.get("figures") or []:
            assert str(v) in text, v


def test_markdown_citations_resolve(dossier_briefs, dossier_db):
    text = dossier_briefs["md"].read_text(encoding="utf-8")
    refs = check_md_refs(text, dossier_db)
    assert len(refs) >= 30
    sections = md_sections(text)
    for line in sections["Summary"].splitlines():
        if line.startswith("- "):
            assert re.search(r"(?<!\\)\[\d+\]", line), line
    rows = [ln for ln in sections["Timeline"].splitlines() if ln.startswith("| **")]
    assert rows and all(re.search(r"\| \[\d+\] \|$", ln) for ln in rows)
    chart = re.search(r"!\[[^\]]*\]\(<([^>]+)>\)", text)
    assert chart and (dossier_briefs["md"].parent / chart.group(1)).is_file()


def test_pdf_citations(dossier_briefs, dossier_db):
    text, pages, uris = pdf_text(dossier_briefs["pdf"])
    assert pages >= 3
    tree = html_tree(dossier_briefs["html"])  # the PDF is laid out from the same HTML
    refs = check_html_refs(tree, dossier_db)
    flat = compact(text)
    missing = [n for n in refs if f"[{n}]" not in flat]
    assert not missing, missing
    for r in refs.values():
        if r["href"]:
            assert compact(r["href"]) in flat
        assert r["doc"] in flat
    quoted = sum(compact(r["sentence"]) in flat for r in refs.values())
    assert quoted >= 0.9 * len(refs), f"{quoted} of {len(refs)} sentences found in the PDF"
    docs, _ = store_rows(dossier_db)
    web = {d["url"] for d in docs.values() if is_web_url(d["url"])}
    assert uris and set(uris) <= web, set(uris) - web
    assert 0.02 < pdf_page_ink(dossier_briefs["pdf"]) < 0.5  # a page with text, not blank
