"""The timeline over the dossier: gold dates, relative dates resolved, every item cited."""

from __future__ import annotations

import json

import pytest

from foreigndesk.evaluation.dossier import match_articles
from foreigndesk.evaluation.dossier_timeline import score
from foreigndesk.evaluation.textmatch import contains
from foreigndesk.timevalue import sort_key
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def items(dossier_db) -> list[dict]:
    return json.loads(run_cli("timeline", "--db", str(dossier_db), "--format", "json").output)


@pytest.mark.parametrize("outlet,snippet,date", [
    ("Associated Press", "pledged mutual support", "2022-11-25"),          # "Friday"
    ("Newsweek", "What started as a protest on Sunday", "2021-07-11"),     # "on Sunday"
    ("Newsweek", "Last month, the UN General Assembly", "2021-06"),        # "Last month"
    ("Telesur", "formalizing the donation of 700 million yuan", "2023-01-18"),  # "on Wednesday"
])
def test_relative_dates_resolved(items, outlet, snippet, date) -> None:
    hits = [i for i in items if i["outlet"] == outlet and contains(i["sentence"], snippet)]
    assert any(i["date"] == date and i["anchored"] for i in hits), [(i["date"], i["expression"]) for i in hits]


def test_every_item_cites_its_sentence(items, dossier_store) -> None:
    assert items
    for i in items:
        s = dossier_store.sentence(i["doc_id"], i["sentence_index"])
        assert s is not None and s["text"] == i["sentence"]
        doc = dossier_store.document(i["doc_id"])
        assert (doc["outlet"], doc["published"], doc["url"]) == (i["outlet"], i["published"], i["url"])
        assert s["start"] <= i["start"] < i["end"] <= s["end"] or i["kind"] == "event"


def test_ordered_by_date_of_what_happened(items) -> None:
    keys = [sort_key(i["date"]) for i in items]
    assert keys == sorted(keys)
    # the 1960 recognition comes before the 2023 balloon although both are in one article
    assert keys[0] < "1961" < keys[-1]


def test_gold_events_dated_on_the_timeline(dossier_store, dossier_gold) -> None:
    r = score(dossier_store, dossier_gold, match_articles(dossier_store, dossier_gold))
    print(f"timeline: {r['dated_right']}/{r['gold_events']} gold events dated right "
          f"(recall {r['recall']:.3f})")
    assert r["recall"] >= 0.85, r["details"]


def test_filters(dossier_db, items) -> None:
    since = json.loads(run_cli("timeline", "--db", str(dossier_db), "--format", "json",
                               "--since", "2021", "--until", "2021-12").output)
    assert since and all(i["date"].startswith("2021") for i in since)
    assert len(since) < len(items)
    cub = json.loads(run_cli("timeline", "--db", str(dossier_db), "--format", "json",
                             "--actor", "CUBGOV").output)
    assert cub and len(cub) < len(items)
    assert all(i["actors"] for i in cub)


def test_table_and_csv(dossier_db) -> None:
    table = run_cli("timeline", "--db", str(dossier_db)).output
    assert "2022-11-25" in table
    csv_out = run_cli("timeline", "--db", str(dossier_db), "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("kind,date,precision")
