"""The brief over the example corpus (examples/, ingested through the CLI): runs everywhere,
without ../shared."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.report.briefcheck import (
    by_class,
    check_html_refs,
    check_md_refs,
    html_tree,
    involves,
    is_web_url,
    store_rows,
    unsafe_html,
)


def test_examples_html_and_markdown(examples_db, tmp_path):
    html, md = tmp_path / "brief.html", tmp_path / "brief.md"
    run_cli("report", "--db", str(examples_db), "-o", str(html))
    run_cli("report", "--db", str(examples_db), "-o", str(md))
    tree = html_tree(html)
    refs = check_html_refs(tree, examples_db)
    docs, _ = store_rows(examples_db)
    assert len({r["doc"] for r in refs.values()}) >= 3
    assert all(by_class(s, "a", "cite") for s in by_class(tree, "*", "stmt"))
    allowed = {d["url"] for d in docs.values() if is_web_url(d["url"])}
    assert unsafe_html(tree, allowed) == []
    # every document of the store is listed (no filter)
    assert {tr.get("data-doc") for tr in tree.xpath("//tr[@data-doc]")} == set(docs)
    check_md_refs(md.read_text(encoding="utf-8"), examples_db)


def test_examples_filters(examples_db, tmp_path):
    out = tmp_path / "kenya.html"
    run_cli("report", "--db", str(examples_db), "--actor", "KEN", "--since", "2023-02",
            "--until", "2023-03", "-o", str(out))
    tree = html_tree(out)
    check_html_refs(tree, examples_db)
    docs = {tr.get("data-doc") for tr in tree.xpath("//tr[@data-doc]")}
    stored, _ = store_rows(examples_db)
    assert docs and len(docs) < len(stored)
    assert all((stored[d]["published"] or "2023-02")[:7] in ("2023-02", "2023-03") for d in docs)


def test_nothing_in_scope_is_an_empty_brief_and_a_warning(examples_db, tmp_path):
    out = tmp_path / "empty.html"
    r = run_cli("report", "--db", str(examples_db), "--since", "2100", "-o", str(out))
    assert "no document matches" in r.output
    tree = html_tree(out)
    assert not tree.xpath("//li[@class='ref']") and not by_class(tree, "*", "stmt")
    assert by_class(tree, "*", "empty")


def test_a_dyad_without_events(examples_db, tmp_path):
    out = tmp_path / "dyad.md"
    run_cli("report", "--db", str(examples_db), "--dyad", "FRA-ARG", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "## Relations: France and Argentina" in text
    assert "No coded event between France and Argentina" in text
    assert not (tmp_path / "dyad.relations.svg").exists()


def test_chart_sources_include_gdelt_and_un_votes(examples_db, tmp_path):
    """With GDELT rows and UN votes imported (the test fixtures, through the CLI), the chart
    of the dyad draws them too and says so."""
    from tests.conftest import FIXTURES, copy_of_store

    db = copy_of_store(examples_db, tmp_path, "with-imports.db")
    run_cli("import", "gdelt", str(FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"), "--db",
            str(db))
    run_cli("import", "unvotes", str(FIXTURES / "unvotes"), "--db", str(db), "--quiet")
    out = tmp_path / "brief.html"
    run_cli("report", "--db", str(db), "--dyad", "USA-CUB", "-o", str(out))
    tree = html_tree(out)
    check_html_refs(tree, db)
    caption = tree.xpath("//section[@id='relations']//figcaption")[0].text_content()
    assert "GDELT" in caption and "UN General Assembly" in caption
    before = tmp_path / "before.html"
    run_cli("report", "--db", str(examples_db), "--dyad", "USA-CUB", "-o", str(before))
    caption = html_tree(before).xpath("//section[@id='relations']//figcaption")[0].text_content()
    assert "GDELT" not in caption and "UN General Assembly" not in caption


def test_a_dyad_scopes_every_section(examples_db, tmp_path):
    """report --dyad CHN-CUB: every cited sentence involves China or Cuba, and every listed
    document mentions one of them (the US items of the corpus stay out)."""
    out = tmp_path / "chn-cub.html"
    run_cli("report", "--db", str(examples_db), "--dyad", "CHN-CUB", "-o", str(out))
    tree = html_tree(out)
    refs = check_html_refs(tree, examples_db)
    stray = [(n, r["sentence"][:80]) for n, r in refs.items()
             if not involves(examples_db, r["doc"], r["idx"], {"CHN", "CUB"})]
    assert not stray, stray
    docs = {tr.get("data-doc") for tr in tree.xpath("//tr[@data-doc]")}
    stored, _ = store_rows(examples_db)
    assert docs and len(docs) < len(stored)


def test_the_summary_leads_with_the_best_supported_findings(examples_db, tmp_path):
    """Findings come first, each saying what it rests on, ordered by the number of
    documents they rest on; the context (timeline span, actors named most) comes after."""
    import re

    out = tmp_path / "brief.md"
    run_cli("report", "--db", str(examples_db), "-o", str(out))
    summary = out.read_text(encoding="utf-8").split("## Summary", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in summary.splitlines() if ln.startswith("- ")]
    rests = [bool(re.search(r"\(rests on [^)]*\)\.$", ln)) for ln in lines]
    assert rests and rests[0], lines[:1]
    assert rests == sorted(rests, reverse=True), "a finding after the context"
    words = {"one": 1, "two": 2}

    def documents(line: str) -> int:
        m = re.search(r"\(rests on [^)]*?(\d+|one|two) documents?\)\.$", line)
        assert m, line
        return int(m[1]) if m[1].isdigit() else words[m[1]]

    counts = [documents(ln) for ln, r in zip(lines, rests, strict=True) if r]
    assert counts == sorted(counts, reverse=True), counts
