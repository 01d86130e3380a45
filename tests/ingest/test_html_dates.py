"""HTML publication dates come from trafilatura's metadata (htmldate): wherever a page states
its date, and none when it states none (never today's date as a guess)."""

from __future__ import annotations

import pytest

from foreigndesk.ingest.html import document_from_html

BODY = "<p>" + " ".join(["Chile and Norway signed an aquaculture pact in Oslo on Tuesday, "
                         "officials said."] * 5) + "</p>"


def _page(head: str = "", before: str = "") -> str:
    return (f"<html><head><title>Pact</title>{head}</head><body><article><h1>Pact</h1>"
            f"{before}{BODY}</article></body></html>")


@pytest.mark.parametrize("page", [
    _page('<meta property="article:published_time" content="2023-03-14T10:00:00Z">'),
    _page('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"NewsArticle", "headline": "Pact", "datePublished": "2023-03-14"}</script>'),
    _page(before='<time datetime="2023-03-14">14 March 2023</time>'),
    _page(before='<p class="byline">Published March 14, 2023</p>'),
    _page('<link rel="canonical" href="https://example.org/2023/03/14/pact">'),
], ids=["meta", "json-ld", "time", "byline", "url"])
def test_the_page_states_its_date(page: str) -> None:
    assert document_from_html(page).published == "2023-03-14"


def test_no_date_is_no_date() -> None:
    assert document_from_html(_page()).published is None
