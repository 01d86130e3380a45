"""``foreigndesk events``: filters, code names, and citations back to the sentence."""

from __future__ import annotations

import json

import pytest
from tests.analyze.relations_store import DOC_A, DOC_B, build
from tests.conftest import run_cli

from foreigndesk.analyze.events import cameo_names


@pytest.fixture(scope="module")
def db(module_db_url):
    return build(module_db_url)


def _events(db, *args: str) -> list[dict]:
    return json.loads(run_cli("events", *args, "--format", "json", "--db", str(db)).output)


def test_news_events_cite_their_sentences(db) -> None:
    rows = _events(db, "--source", "news", "--dyad", "CHN-CUB", "--code", "05")
    assert len(rows) == 1  # the signing, reported twice, is one event
    e = rows[0]
    assert (e["code"], e["quad_class"], e["goldstein"], e["date"], e["mentions"]) == \
        ("057", 1, 8.0, "2022-03-09", 2)
    # the first mention (earliest document) is the citation; json lists every mention
    assert e["sentence"] == DOC_A.split("\n")[0]
    assert e["cited"] == "Outlet A, 2022-03-10" and e["url"] == "https://a.example.org/1"
    assert [m["sentence"] for m in e["citations"]] == [DOC_A.split("\n")[0], DOC_B.split("\n")[0]]
    assert [m["outlet"] for m in e["citations"]] == ["Outlet A", "Outlet B"]
    if "057" in cameo_names():
        assert e["name"] == cameo_names()["057"]
    else:
        assert e["name"] == ""


def test_filters(db) -> None:
    news = _events(db, "--source", "news")
    assert len(news) == 5
    assert [e["code"] for e in _events(db, "--source", "news", "--modality", "negated")] == ["070"]
    assert {e["code"] for e in _events(db, "--source", "news", "--dyad", "CHN-CUB",
                                       "--undirected")} == {"057", "112", "070", "042", "190"}
    assert [e["code"] for e in _events(db, "--source", "news", "--dyad", "CUB-CHN")] == ["042"]
    assert {e["code"] for e in _events(db, "--source", "news", "--since", "2022-05",
                                       "--until", "2022")} == {"112", "070"}
    gdelt = _events(db, "--source", "gdelt", "--actor", "USA")
    assert [(e["code"], e["url"]) for e in gdelt] == \
        [("112", "https://news.example.org/2023/03/01/accuse")]
    both = _events(db, "--actor", "CUBGOV")
    assert {e["origin"] for e in both} == {"news", "gdelt"}


def test_table_lists_citation(db) -> None:
    out = run_cli("events", "--source", "news", "--code", "112", "--db", str(db)).output
    # a long citation gives way in the middle: its outlet, date and quote start, and its URL
    line = next(ln for ln in out.splitlines() if "Outlet A, 2022-03-10: “Beijing" in ln)
    assert line.rstrip().endswith("a.example.org/1")
