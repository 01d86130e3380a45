"""Pieces of the brief: date words, escaping, the link rule, the format rule, and the command's
one-line errors."""

from __future__ import annotations

import pytest

from foreigndesk.links import safe_url
from foreigndesk.report.dates import label, overlaps
from foreigndesk.report.render import RenderError, format_of, md_escape, md_unescape
from tests.conftest import created, run_cli


@pytest.mark.parametrize("value,words", [
    ("1960-09-28", "28 September 1960"), ("1960-11", "November 1960"), ("1960", "1960"),
    ("184X", "the 1840s"), ("19XX", "the 20th century"), ("20XX", "the 21st century"),
    (None, "undated"), ("2021-W28", "week 28 of 2021"), ("2006-H2", "the second half of 2006"),
    ("2022-Q1", "the first quarter of 2022"), ("2021-SU", "summer 2021"), ("PAST_REF", "PAST_REF"),
])
def test_date_words(value, words):
    assert label(value) == words


@pytest.mark.parametrize("value,since,until,inside", [
    ("1960-09-28", "1960", None, True), ("1960", "1960-10", "1960-11", True),
    ("184X", "1850", None, False), ("184X", "1845", None, True),
    ("2022-11", None, "2022-10-31", False), ("2022-11", None, "2022-11-01", True),
    (None, None, None, True), (None, "2020", None, False),
])
def test_date_overlap(value, since, until, inside):
    assert overlaps(value, since, until) is inside


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](https://e.x/t.png)",
    "a | b * c _d_ `e` ~f~ #g &amp; \\h", "plain text, with commas. And dots!",
])
def test_markdown_escaping_round_trips(text):
    escaped = md_escape(text)
    assert md_unescape(escaped) == text
    for ch in "<>[]`|*_":
        assert ch not in escaped.replace("\\" + ch, "")


def test_markdown_escaping_joins_lines():
    assert "\n" not in md_escape("one\n# two\r\n- three")


@pytest.mark.parametrize("url,ok", [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>", False), ("https://example.org/\"><script>", False),
    ("//example.org", False), ("https:///nohost", False), ("ftp://example.org", False),
    (" https://example.org/a b", False), (None, False),
])
def test_link_rule(url, ok):
    assert (safe_url(url) is not None) is ok


def test_format_from_extension():
    assert format_of("a.HTML") == "html" and format_of("x/b.md") == "markdown"
    assert format_of("c.pdf") == "pdf"
    with pytest.raises(RenderError):
        format_of("brief.docx")


@pytest.mark.parametrize("args,says", [
    (["-o", "brief.docx"], "cannot tell the format"),
    (["--since", "the other day", "-o", "b.html"], "not a date"),
    (["--dyad", "China", "-o", "b.html"], "not a dyad"),
    (["--dyad", "CHN-CHN", "-o", "b.html"], "two different states"),
])
def test_errors_are_one_line(db_url, args, says):
    from foreigndesk.store import Store

    Store.open(db_url).close()  # an empty store (read commands create none)
    r = run_cli("report", "--db", db_url, *args, ok=False)
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and says in lines[0] and "Traceback" not in r.output


def test_missing_store_and_empty_store(tmp_path, missing_db, db_url):
    r = run_cli("report", "--db", missing_db, "-o", str(tmp_path / "b.html"), ok=False)
    assert r.exit_code == 1 and "no such store" in r.output
    assert not created(missing_db)
    from foreigndesk.store import Store

    Store.open(db_url).close()
    r = run_cli("report", "--db", db_url, "-o", str(tmp_path / "b.html"), ok=False)
    assert r.exit_code == 1 and "no documents" in r.output
