"""Text reuse on a real SQLite store with documents written for these tests."""

from __future__ import annotations

import pytest

from foreigndesk.analyze.refresh import refresh
from foreigndesk.analyze.reuse import (
    ReuseConfig,
    Stats,
    Text,
    Tokeniser,
    find_reuse,
    refresh_reuse,
    texts_of,
)
from foreigndesk.model import Document, Extraction
from foreigndesk.store import Store
from tests.analyze.reuse_texts import (
    FILLER,
    PASSAGE,
    PASSAGE_EDITED,
    PASSAGE_STRAIGHT,
    SECOND,
    THIRD,
    article,
)


@pytest.fixture
def store(db_url, tmp_path):
    s = Store.open(db_url)
    yield s
    s.close()


def add(store: Store, text: str, published: str | None = None) -> str:
    doc = Document(text=text, published=published)
    assert store.add(Extraction(document=doc))
    return doc.id


def rows(store: Store) -> list[dict]:
    return store.query("SELECT * FROM reuse ORDER BY id")


def check_spans(store: Store, r: dict) -> None:
    """Stored spans are exact offsets into each document's text."""
    for side in ("earlier", "later"):
        text = store.document(r[f"{side}_doc"])["text"]
        assert text[r[f"{side}_start"]:r[f"{side}_end"]] == r[f"{side}_text"]


def test_verbatim_passage_with_other_quotes_found_with_exact_spans(store):
    a = add(store, article(FILLER[0], PASSAGE, FILLER[1]), "2021-03-01")
    b = add(store, article(FILLER[2], FILLER[3], PASSAGE_STRAIGHT, FILLER[4]), "2021-03-05")
    refresh_reuse(store)
    (r,) = rows(store)
    check_spans(store, r)
    assert (r["earlier_doc"], r["later_doc"], r["direction_rule"]) == (a, b, "published")
    # the whole passage, first word to last word, on both sides
    assert r["later_text"] == PASSAGE_STRAIGHT.rstrip(".")
    assert r["earlier_text"] == PASSAGE.rstrip(".")
    assert r["score"] == 1.0


def test_near_verbatim_passage_is_one_passage_with_lower_score(store):
    add(store, article(FILLER[0], PASSAGE, FILLER[1]), "2021-03-01")
    add(store, article(FILLER[5], PASSAGE_EDITED, FILLER[6]), "2021-03-02")
    refresh_reuse(store)
    (r,) = rows(store)
    check_spans(store, r)
    assert r["later_text"].startswith("The ministry said the fresh")
    assert r["later_text"].endswith("statement released on Monday")
    assert 0.85 < r["score"] < 1.0


def test_direction_follows_dates_not_ingest_order(store):
    late = add(store, article(SECOND, FILLER[0]), "2022-05-10")
    early = add(store, article(FILLER[1], SECOND), "2022-04-30")
    refresh_reuse(store)
    (r,) = rows(store)
    assert (r["earlier_doc"], r["later_doc"], r["direction_rule"]) == (early, late, "published")


def test_undated_compilation_is_later_than_every_source(store):
    comp = add(store, article("Notes on the region", SECOND, FILLER[2], THIRD, PASSAGE))
    s1 = add(store, article(FILLER[0], SECOND, FILLER[1]), "2020-01-02")
    s2 = add(store, article(THIRD, FILLER[3]), "2019-06-07")
    s3 = add(store, article(PASSAGE_STRAIGHT, FILLER[4]))  # undated source too
    refresh_reuse(store)
    got = {(r["earlier_doc"], r["later_doc"], r["direction_rule"]) for r in rows(store)}
    assert got == {(s1, comp, "compilation"), (s2, comp, "compilation"),
                   (s3, comp, "compilation")}


def test_undated_copy_of_one_dated_article_is_later(store):
    copy = add(store, article(FILLER[7], THIRD))
    src = add(store, article(THIRD, FILLER[6]), "2018-11-11")
    refresh_reuse(store)
    (r,) = rows(store)
    assert (r["earlier_doc"], r["later_doc"], r["direction_rule"]) == (src, copy, "undated-later")


def test_no_evidence_falls_back_to_ingest_order(store):
    first = add(store, article(FILLER[0], THIRD))
    second = add(store, article(THIRD, FILLER[1]))
    refresh_reuse(store)
    (r,) = rows(store)
    assert (r["earlier_doc"], r["later_doc"], r["direction_rule"]) == (first, second, "ingest-order")


def test_minimum_passage_length_is_configurable():
    phrase = "the committee approved the plan without any further debate"  # 9 words
    texts = [Text("a", f"On Friday {phrase} in the capital.", "2020-01-01"),
             Text("b", f"Reports said {phrase} last week.", "2020-01-02")]
    assert find_reuse(texts, ReuseConfig(min_words=10)) == []
    (p,) = find_reuse(texts, ReuseConfig(min_words=9))
    assert p.later_text == phrase


def test_boilerplate_in_many_documents_is_skipped():
    boiler = ("This article is distributed by the regional press service and may be reproduced "
              "in full with attribution to the original publisher")
    texts = [Text(str(i), f"{FILLER[i]} {boiler}.", f"2020-01-0{i + 1}") for i in range(4)]
    st = Stats()
    assert find_reuse(texts, ReuseConfig(max_df=3), stats=st) == []
    assert st.skipped_shingles > 0
    assert len(find_reuse(texts, ReuseConfig(max_df=4))) == 6  # every pair of 4 documents


def test_unrelated_documents_are_not_compared_all_against_all():
    texts = [Text(str(i), f, None) for i, f in enumerate(FILLER)]
    st = Stats()
    assert find_reuse(texts, stats=st) == []
    assert st.candidate_pairs < len(texts) * (len(texts) - 1) // 2


def test_tokeniser_ignores_case_accents_and_quotes():
    tok = Tokeniser()
    assert tok.ids("Díaz-Canel’s “core interests”") == tok.ids("diaz canel's \"CORE interests\"")


def test_refresh_replaces_rows_and_runs_after_ingest(store):
    add(store, article(FILLER[0], PASSAGE), "2021-03-01")
    add(store, article(PASSAGE, FILLER[1]), "2021-03-02")
    refresh(store)
    first = rows(store)
    refresh(store)
    again = rows(store)
    assert len(first) == len(again) == 1
    assert [r["later_text"] for r in first] == [r["later_text"] for r in again]
    assert texts_of(store)[0].published == "2021-03-01"


@pytest.mark.shared
def test_dossier_gold_passages_found_with_direction(dossier_store, dossier_gold):
    from foreigndesk.evaluation.dossier import match_articles
    from foreigndesk.evaluation.dossier_reuse import score

    docs = match_articles(dossier_store, dossier_gold)
    if len(docs) < len(dossier_gold["articles"]):
        pytest.skip("this tree does not split the dossier into its articles yet")
    result = score(dossier_store, dossier_gold, docs)
    assert result["found"] == result["gold"] == 7, result["details"]
    assert result["direction_correct"] == 7, result["details"]
