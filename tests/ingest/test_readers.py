"""Readers: plain text (with a header block), HTML, JSON Lines, RSS/Atom, directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foreigndesk.ingest import ReadError, read_path, read_paths
from foreigndesk.ingest.dispatch import choose_reader, sniff
from foreigndesk.ingest.html import html_to_text
from foreigndesk.ingest.text import document_from_text
from foreigndesk.model import Document, document_id
from tests.conftest import EXAMPLES, FIXTURES

F = FIXTURES / "ingest"


def _split(items) -> tuple[list[Document], list[ReadError]]:
    items = list(items)
    return ([i for i in items if isinstance(i, Document)],
            [i for i in items if isinstance(i, ReadError)])


def _one(path: Path) -> Document:
    docs, errors = _split(read_path(path))
    assert not errors and len(docs) == 1, (docs, errors)
    return docs[0]


# -- plain text ---------------------------------------------------------------------------------

def test_header_block() -> None:
    d = _one(F / "with_header.txt")
    assert d.reader == "text"
    assert d.url == "https://example.org/statements/2023/06/01/joint-statement"
    assert d.outlet == "Example Ministry of Foreign Affairs"
    assert d.published == "2023-06-01"
    assert d.title == "Joint Statement on Scientific Cooperation"
    assert d.text.startswith("Joint Statement on Scientific Cooperation\n\nThe foreign ministers")
    assert "Outlet:" not in d.text and "URL:" not in d.text


def test_front_matter() -> None:
    d = _one(F / "front_matter.md")
    assert (d.title, d.outlet, d.published, d.author) == (
        "Portugal and Morocco discuss an undersea power cable", "Atlantic Briefing",
        "2023-06-12", "Rui Matos")
    assert d.url == "https://example.org/atlantic-briefing/portugal-morocco-cable"
    assert d.text.startswith("Portugal and Morocco discussed on Monday")


def test_public_domain_examples_keep_their_headers() -> None:
    files = sorted((EXAMPLES / "public-domain").glob("*.txt"))
    assert len(files) == 6
    for p in files:
        lines = p.read_text(encoding="utf-8").split("\n")
        header = dict(ln.split(": ", 1) for ln in lines[:3])
        d = _one(p)
        assert d.url == header["URL"]
        assert d.outlet == header["Outlet"]
        assert d.published == header["Date"]
        assert d.title == lines[4].strip()
        assert d.text.startswith(lines[4]) and lines[6][:40] in d.text
        assert d.id == document_id(d.text)


def test_plain_text_without_header() -> None:
    d = _one(F / "prose_with_dateline.txt")
    assert d.title == "Talks on the river treaty resume"
    assert d.outlet is None and d.published is None and d.url is None


def test_id_is_hash_of_normalised_text(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Chile and Peru  met on Monday.\n\nThey agreed.\n", encoding="utf-8")
    b.write_text("Chile and Peru met on Monday.\r\nThey agreed.", encoding="utf-8")
    assert _one(a).id == _one(b).id == document_id("Chile and Peru met on Monday. They agreed.")


# -- HTML ---------------------------------------------------------------------------------------

def test_html_main_text_and_metadata() -> None:
    d = _one(F / "article.html")
    assert d.reader == "html"
    assert d.title == "Finland and Sweden open joint rescue centre"
    assert d.outlet == "Nordic Ledger"
    assert d.author == "Anna Virtanen"
    assert d.published == "2023-09-07"
    assert d.url == "https://example.org/nordic-ledger/2023/09/07/rescue-centre"
    assert d.language == "en"
    assert d.text.startswith(d.title)
    assert "Åland Islands on Wednesday" in d.text and "joint rescue exercise" in d.text
    for boilerplate in ("do not read me", "Copyright", "Home"):
        assert boilerplate not in d.text


def test_html_example() -> None:
    d = _one(EXAMPLES / "written" / "japan-philippines-coast-guard.html")
    assert (d.outlet, d.published, d.author) == ("Harbour Times", "2023-05-11", "Akiko Mori")
    assert d.url and d.url.startswith("https://example.org/harbour-times/")
    assert "Subscribe" not in d.text


def test_html_to_text() -> None:
    frag = ("<p>First <b>para</b>&nbsp;here.</p><script>x()</script><ul><li>one</li>"
            "<li>two</li></ul>tail &amp; end")
    assert html_to_text(frag) == "First para here.\n\none\n\ntwo\n\ntail & end"
    assert html_to_text("no tags &amp; entities") == "no tags & entities"


# -- JSON Lines ---------------------------------------------------------------------------------

def test_jsonl_good_and_bad_lines() -> None:
    docs, errors = _split(read_path(F / "docs.jsonl"))
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "6"]
    first = docs[0]
    assert (first.title, first.outlet, first.published, first.url, first.language) == (
        "New crossing", "Frontier Post", "2023-05-08", "https://example.org/frontier/1", "en")
    assert first.author == "Ana Cruz, Luis Pérez"
    assert first.reader == "jsonl"
    assert docs[1].published == "2023-05-09" and docs[1].title is None
    reasons = [str(e) for e in errors]
    assert len(reasons) == 3
    assert "line 2: not valid JSON" in reasons[0]
    assert "line 4: " in reasons[1] and "text" in reasons[1]
    assert "line 5: not a JSON object" in reasons[2]
    assert all(e.path.endswith("docs.jsonl") for e in errors)


def test_jsonl_example() -> None:
    docs, errors = _split(read_path(EXAMPLES / "written" / "kenya-ethiopia-briefs.jsonl"))
    assert not errors and len(docs) == 3
    lines = (EXAMPLES / "written" / "kenya-ethiopia-briefs.jsonl").read_text().splitlines()
    for d, line in zip(docs, lines, strict=True):
        obj = json.loads(line)
        assert d.text == obj["text"] and d.title == obj["title"]
    assert [d.published for d in docs] == ["2023-02-20", "2023-02-22", "2023-03-02"]


def test_json_array(tmp_path: Path) -> None:
    p = tmp_path / "items.json"
    p.write_text(json.dumps([{"text": "Laos and Vietnam signed a rail deal on Friday.",
                              "published": "2023-04-07"}, {"title": "no text"}]))
    docs, errors = _split(read_path(p))
    assert len(docs) == 1 and docs[0].published == "2023-04-07"
    assert len(errors) == 1 and "item 2" in errors[0].reason


# -- feeds --------------------------------------------------------------------------------------

def test_atom_feed_with_unknown_extension() -> None:
    docs, errors = _split(read_path(F / "atom_feed.data"))
    assert [d.reader for d in docs] == ["rss"] * 3
    a, b, c = docs
    assert a.outlet == "Pacific Island Desk" and a.author == "Mere Tuilagi"
    assert a.url == "https://example.org/pacific-island-desk/2023/08/01/worker-scheme"
    assert a.published == "2023-08-01"
    assert a.text.startswith("Fiji and Tonga agree on seasonal worker scheme\n\n")
    assert "agreed on Monday to let" in a.text and "<" not in a.text
    assert b.published == "2023-08-03"  # no published date: the updated one
    assert "Apia on Thursday" in b.text
    assert c.text == c.title == "Title only"
    assert len(errors) == 1 and errors[0].reason == "entry 4: no text"


def test_rss_example() -> None:
    docs, errors = _split(read_path(EXAMPLES / "written" / "brazil-argentina-feed.xml"))
    assert not errors and len(docs) == 2
    assert [d.published for d in docs] == ["2023-04-10", "2023-04-12"]
    assert all(d.url and d.url.startswith("https://example.org/southern-cone-monitor/")
               for d in docs)
    assert "“Our neighbours need gas and we have gas,”" in docs[0].text
    assert docs[0].author == "Lucía Ferreyra"


# -- choosing a reader --------------------------------------------------------------------------

@pytest.mark.parametrize("head, kind", [
    ("<?xml version='1.0'?>\n<rss version='2.0'>", "feed"),
    ("<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
    ("<!DOCTYPE html><html><body>", "html"),
    ("  <html lang='en'>", "html"),
    ("<p>A fragment</p>", "html"),
    ('{"text": "x"}\n{"text": "y"}', "jsonl"),
    ('[{"text": "x"}]', "json"),
    ("Ministers met on Monday.\n\n<b>not markup at the start</b>", "text"),
    ("Price < 5 and > 3 is a range.", "text"),
])
def test_sniff(head: str, kind: str) -> None:
    assert sniff(head) == kind


def test_choose_reader_uses_extension_for_jsonl() -> None:
    assert choose_reader(Path("x.jsonl"), "not json at all") == "jsonl"
    assert choose_reader(Path("x.txt"), "<html><body><p>x</p>") == "html"
    assert choose_reader(Path("x.html"), "Plain words only.") == "text"
    assert choose_reader(Path("x.weird"), "Plain words only.") == "text"


def test_html_in_a_txt_file() -> None:
    d = _one(F / "html_disguised.txt")
    assert d.reader == "html" and d.outlet == "West Africa Wire"
    assert d.title == "Ghana and Togo sign border accord" and "<p>" not in d.text


# -- directories --------------------------------------------------------------------------------

def test_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text("Niger and Chad agreed on Monday to reopen a border post.")
    (tmp_path / "sub" / "a.article").write_text("Mali and Senegal signed a rail accord.")
    (tmp_path / "sub" / "deeper" / "feed.rss").write_bytes((F / "atom_feed.data").read_bytes())
    (tmp_path / "README.md").write_text("About this corpus.")
    (tmp_path / "gold.yaml").write_text("articles: []")
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden text.")
    (tmp_path / ".notes.txt").write_text("Hidden text.")
    docs, errors = _split(read_paths([tmp_path]))
    sources = [Path(d.source.split("#")[0]).relative_to(tmp_path).as_posix() for d in docs]
    assert sources == ["b.txt", "sub/a.article", "sub/deeper/feed.rss", "sub/deeper/feed.rss",
                       "sub/deeper/feed.rss"]
    assert len(errors) == 1  # the feed's entry without text
    # named explicitly, a README is read
    assert _split(read_paths([tmp_path / "README.md"]))[0]


def test_missing_path() -> None:
    docs, errors = _split(read_paths(["/nonexistent/foreigndesk/file.txt"]))
    assert not docs and errors[0].reason == "no such file or directory"


def test_examples_corpus_reads_cleanly() -> None:
    docs, errors = _split(read_paths([EXAMPLES]))
    assert not errors
    by_reader: dict[str, int] = {}
    for d in docs:
        by_reader[d.reader or ""] = by_reader.get(d.reader or "", 0) + 1
    assert by_reader == {"text": 11, "dossier": 4, "html": 1, "jsonl": 3, "rss": 2}
    assert all(d.text.strip() and d.id for d in docs)
    assert len({d.id for d in docs}) == len(docs)
    assert sum(len(d.text.split()) for d in docs) < 8000  # small: command 1 stays quick


def test_example_dossier_splits() -> None:
    docs, errors = _split(read_path(EXAMPLES / "written" / "norway-chile-dossier.txt"))
    assert not errors
    assert [(d.outlet, d.published) for d in docs] == [
        (None, None), ("Nordic Wire", "2023-03-14"), ("Andes Post", "2023-03-16"),
        ("Pacific Ledger", "2023-04-03")]
    assert len(docs[2].urls) == 2 and docs[3].url and docs[3].url.endswith("salmon-pact")
    # the compiler copies a passage of the Andes Post article
    passage = "turns a quarrel over sea lice into a shared research programme, at least on paper"
    assert passage in docs[0].text and passage in docs[2].text


def test_the_readmes_header_block_example_gives_date_outlet_and_url(tmp_path):
    """The header block shown in README ("Giving a document its date, outlet and URL") reads
    as it says."""
    import re

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Giving a document its date, outlet and URL", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block
    text = "\n".join(line.removeprefix("  ") for line in block[1].splitlines())
    path = tmp_path / "article.txt"
    path.write_text(text + " a trade agreement in Havana on Monday.\n", encoding="utf-8")
    [doc] = list(read_path(path))
    assert isinstance(doc, Document)
    fields = dict(re.findall(r"^(\w+): (.+)$", text, re.M))
    assert doc.published == fields["Date"]
    assert doc.outlet == fields["Outlet"] and doc.url == fields["URL"]
    assert doc.title == fields["Title"] and doc.author == fields["Author"]
    assert "Outlet:" not in doc.text and doc.text.startswith("HAVANA")


# -- the head of a text without a header block at its top ----------------------------------------

@pytest.mark.parametrize("head,published", [
    ("Press Briefing by Press Secretary Jean Martin\nDate: June 12, 2023\n\n", "2023-06-12"),
    ("Statement on the Border Agreement\n\nMonday, March 4, 2024\n\n", "2024-03-04"),
    ("Remarks at the Opening of the Summit\nFOR IMMEDIATE RELEASE\n2022-11-30\n\n", "2022-11-30"),
    ("Readout of the Call with the Foreign Minister\nPublished: 5 May 2021\nBy: Staff\n\n",
     "2021-05-05"),
])
def test_a_date_under_the_title_is_the_publication_date(head: str, published: str) -> None:
    body = ("The two ministers discussed the situation at the border and agreed to meet again "
            "next month, officials said after the call ended on Friday evening.\n")
    d = document_from_text(head + body, "x.txt")[0]
    assert d.published == published
    assert d.title == head.split("\n", 1)[0]
    assert d.text.startswith(d.title)
    assert "Date:" not in d.text and "Published:" not in d.text and "By:" not in d.text
    assert d.text.endswith(body.strip())


def test_the_head_ends_at_the_first_paragraph() -> None:
    """A date line after the text has begun is content, not the publication date, and a
    header block's date wins over a date line under the title."""
    body = ("Talks on the river treaty resume\n\nNegotiators from both countries returned to "
            "the table in Geneva after a pause of several months, a spokesman said.\n\n"
            "June 12, 2023\n\nDate: June 13, 2023\n")
    d = document_from_text(body, "x.txt")[0]
    assert d.published is None and "Date: June 13, 2023" in d.text
    with_header = "Date: 2023-06-01\n\nA title\nJune 12, 2023\n\n" + body
    assert document_from_text(with_header, "y.txt")[0].published == "2023-06-01"


def test_a_head_date_that_is_no_date_is_left_in_the_text() -> None:
    d = document_from_text("A title\nDate: the day after the vote\n\nThe assembly met and "
                           "voted on the resolution, which passed by a wide margin.\n", "x.txt")[0]
    assert d.published is None and "Date: the day after the vote" in d.text
