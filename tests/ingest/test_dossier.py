"""Splitting a compilation into one document per article, and leaving other texts whole."""

from __future__ import annotations

import re

import pytest

from foreigndesk.ingest import ReadError, read_path
from foreigndesk.ingest.dossier import byline, parse_header, split_dossier
from foreigndesk.model import Document, document_id
from tests.conftest import FIXTURES

F = FIXTURES / "ingest"


def _docs(path) -> list[Document]:
    items = list(read_path(path))
    assert not [i for i in items if isinstance(i, ReadError)], items
    return items  # type: ignore[return-value]


# -- the founding example against its gold -----------------------------------------------------

@pytest.mark.shared
def test_real_dossier_matches_gold_articles(dossier_path, dossier_gold) -> None:
    docs = _docs(dossier_path)
    gold = dossier_gold["articles"]
    assert len(docs) == len(gold) == 5
    for d, g in zip(docs, gold, strict=True):
        assert d.reader == "dossier"
        assert d.outlet == g["outlet"], g["id"]
        assert d.published == (str(g["published"]) if g.get("published") else None), g["id"]
        assert d.title == g["title"], g["id"]
        if g.get("url"):
            assert d.url == g["url"], g["id"]
        if g.get("also_url"):
            assert g["also_url"] in d.urls, g["id"]
        if g.get("author"):
            assert d.author == g["author"], g["id"]
        if g.get("first_line"):
            assert d.text.split("\n", 1)[0] == g["first_line"]
        assert d.id == document_id(d.text)


@pytest.mark.shared
def test_real_dossier_texts_are_own_bodies(dossier_path, dossier_gold) -> None:
    raw = dossier_path.read_text(encoding="utf-8")
    docs = _docs(dossier_path)
    for d, g in zip(docs, dossier_gold["articles"], strict=True):
        assert d.text in raw  # a verbatim slice: offsets into it are offsets into the source
        assert d.text == d.text.strip()
        if g.get("header_line"):
            assert g["header_line"] not in d.text
            assert d.text.startswith(g["title"])
        for u in d.urls:
            assert u not in d.text
    # together the parts cover every paragraph of the file except headers, labels and URLs
    covered = "\n".join(d.text for d in docs)
    for para in raw.split("\n\n"):
        p = para.strip()
        if len(p.split()) > 12:
            assert p in covered, p[:60]


# -- a compilation written for the tests: other outlets, date shapes, several URLs -------------

def test_fixture_compilation() -> None:
    docs = _docs(F / "compilation.txt")
    got = [(d.outlet, d.published, d.title, d.author) for d in docs]
    assert got == [
        (None, None, "Baltic electricity: notes for the ministry", None),
        ("Baltic Observer", "2022-09-28", "Baltic states confirm 2025 date for grid switch",
         "Kaspar Tamm"),
        (None, None, "Note from the desk: the Lithuanian grid operator later said the February "
                     "date depended on a new undersea cable.", None),
        ("Danube Daily", "2022-09-30",
         "Poland ready to back Baltic grid with second cable, official says", None),
        ("Northern Times", "2022-10-03", "Why the Baltic grid switch matters beyond energy",
         "Liis Kask"),
    ]
    assert docs[1].urls == ["https://example.org/baltic-observer/2022/09/28/grid-switch",
                            "https://example.com/mirror/baltic-observer-grid-switch"]
    assert docs[1].url == docs[1].urls[0]
    assert docs[3].url == "https://example.org/danube-daily/2022/09/30/poland-baltic-cable"
    assert docs[4].url == "https://example.org/northern-times/2022/10/03/baltic-grid-commentary"
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "2", "3", "4", "5"]
    assert "Energy / Grid" not in docs[1].text and "Commentary: Energy" not in docs[4].text
    assert "By Kaspar Tamm" in docs[1].text  # a byline after the title stays in the text
    assert not any("https://" in d.text for d in docs)


def test_url_naming_the_outlet_is_preferred() -> None:
    text = ("Intro line of the compiler.\n\nHarbour Gazette, May 1, 2023\n\nPorts agree on "
            "pilot scheme\n\nBody text of the article goes here.\n\n"
            "https://mirror.example.com/copy/ports\nhttps://www.harbourgazette.example/ports\n")
    docs = split_dossier(text)
    assert docs and docs[1].url == "https://www.harbourgazette.example/ports"
    assert docs[1].urls == ["https://www.harbourgazette.example/ports",
                            "https://mirror.example.com/copy/ports"]


DATE_SHAPES = ["March 3, 2021", "Mar. 3, 2021", "3 March 2021", "2021-03-03", "March 3 2021",
               "Wednesday, March 3, 2021"]


@pytest.mark.parametrize("shape", DATE_SHAPES)
def test_header_date_shapes(shape: str) -> None:
    text = (f"Lakeside Review, {shape}\n\nBolivia and Paraguay reopen river port\n\n"
            "The two governments reopened the port on Monday, officials said.\n\n"
            "https://example.org/lakeside/port\n")
    docs = split_dossier(text)
    assert docs is not None and len(docs) == 1
    assert (docs[0].outlet, docs[0].published) == ("Lakeside Review", "2021-03-03")
    assert docs[0].title == "Bolivia and Paraguay reopen river port"


def test_header_like_line_inside_an_article_does_not_cut_it() -> None:
    text = ("The compiler's note on two articles.\n\n"
            "Capital Letters, May 1, 2023\n\nA letter from the embassy is published\n\n"
            "The embassy sent the following letter.\n\n"
            "Embassy Office, March 3, 2023\n\nDear editor, we write about the visa rules.\n\n"
            "https://example.org/capital-letters/embassy\n\n"
            "Evening Standard Review, May 2, 2023\n\nSecond article title is here\n\n"
            "Second body.\n\nhttps://example.org/esr/second\n")
    docs = split_dossier(text)
    assert docs is not None
    assert [d.outlet for d in docs] == [None, "Capital Letters", "Evening Standard Review"]
    assert "Embassy Office, March 3, 2023" in docs[1].text and "Dear editor" in docs[1].text


def test_splitter_does_not_depend_on_names() -> None:
    """The same compilation with other outlet names and other titles splits the same way."""
    raw = (F / "compilation.txt").read_text(encoding="utf-8")
    renamed = (raw.replace("Baltic Observer", "Kestrel Post")
               .replace("Danube Daily", "Harbour & Hill Media")
               .replace("Northern Times", "Institute for Grid Studies"))
    a, b = split_dossier(raw), split_dossier(renamed)
    assert a and b and len(a) == len(b) == 5
    assert [d.outlet for d in b] == [None, "Kestrel Post", None, "Harbour & Hill Media",
                                     "Institute for Grid Studies"]
    assert [d.published for d in a] == [d.published for d in b]


# -- texts that are not compilations stay one document -----------------------------------------

@pytest.mark.parametrize("name", ["prose_with_dateline.txt", "letter_with_dateline.txt",
                                  "caps_dateline.txt", "with_header.txt"])
def test_non_compilations_stay_whole(name: str) -> None:
    raw = (F / name).read_text(encoding="utf-8")
    assert split_dossier(raw) is None
    docs = _docs(F / name)
    assert len(docs) == 1 and docs[0].reader == "text"
    if "January 5, 2023" in raw:
        assert "January 5, 2023" in docs[0].text


@pytest.mark.shared
def test_public_domain_texts_stay_whole() -> None:
    from tests.conftest import shared_path

    for p in sorted(shared_path("corpus", "public-domain").glob("*.txt")):
        assert len(_docs(p)) == 1, p.name


def test_single_article_with_header_keeps_its_metadata() -> None:
    docs = _docs(F / "single_article.txt")
    assert len(docs) == 1
    d = docs[0]
    assert (d.outlet, d.published, d.title) == ("Gulf Courier", "2023-05-02",
                                                "Oman hosts talks between shipping ministers")
    assert d.url == "https://example.org/gulf-courier/2023/05/02/hormuz-shipping-talks"


def test_headers_without_closing_urls_are_not_a_compilation() -> None:
    text = ("Some notes.\n\nMorning Herald, May 1, 2023\n\nA title for the first piece\n\n"
            "Body.\n\nEvening Herald, May 2, 2023\n\nA title for the second piece\n\nBody.\n")
    assert split_dossier(text) is None


# -- the pieces ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Reuters, 5 January 2023", ("Reuters", "2023-01-05")),
    ("The Wall Street Journal, Jan. 5, 2023", ("The Wall Street Journal", "2023-01-05")),
    ("Al Jazeera, 2023-01-05", ("Al Jazeera", "2023-01-05")),
    ("U.S. News & World Report, January 5, 2023", ("U.S. News & World Report", "2023-01-05")),
    ("Institute for the Study of War, Sept. 9, 2022", ("Institute for the Study of War",
                                                       "2022-09-09")),
    ("BBC, January 5, 2023", ("BBC", "2023-01-05")),
])
def test_header_lines(line: str, expected: tuple[str, str]) -> None:
    assert parse_header(line) == expected


@pytest.mark.parametrize("line", [
    "He said, January 5, 2023",  # not a name
    "WASHINGTON, January 5, 2023",  # a dateline
    "Wednesday, January 18, 2023",  # a date
    "November 25, 2022",
    "In a statement issued in Washington, January 5, 2023, the State Department said so",
    "Telesur, sometime in 2023",
    "Reuters, 2023",  # a year is not a day
    "A Very Long Name With Far Too Many Words For Any Outlet, January 5, 2023",
])
def test_not_header_lines(line: str) -> None:
    assert parse_header(line) is None


@pytest.mark.parametrize("line, name", [
    ("By Elena Rojas", "Elena Rojas"),
    ("By Elena Rojas and Tom Reed", "Elena Rojas"),
    ("  •\u00a0 Fernando Menéndez", "Fernando Menéndez"),
    ("Gordon G. Chang , Author, commentator", "Gordon G. Chang"),
    ("Liis Kask, senior fellow", "Liis Kask"),
])
def test_bylines(line: str, name: str) -> None:
    assert byline(line) == name


@pytest.mark.parametrize("line", ["Opinion", "The ministers met on Monday, officials said.",
                                  "• June 25, 2015", "Cuba, China and Russia"])
def test_not_bylines(line: str) -> None:
    assert byline(line) is None


def test_sources_number_the_parts() -> None:
    docs = _docs(F / "compilation.txt")
    assert all(re.fullmatch(r".*compilation\.txt#\d", d.source or "") for d in docs)
    assert len({d.id for d in docs}) == len(docs)
