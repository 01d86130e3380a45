"""Conflicting figures on a real store, with quantities built as the extractor builds them."""

from __future__ import annotations

import pytest

from foreigndesk.analyze.figures import conflicts, quantity_rows
from foreigndesk.model import Document, Extraction, Quantity, Sentence
from foreigndesk.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store.open(tmp_path / "figures.db")
    yield s
    s.close()


def add_doc(store: Store, figures: list[dict], published: str | None = "2022-09-01",
            outlet: str = "Test Wire") -> None:
    """One sentence per figure; each dict gives Quantity fields plus ``sentence``."""
    text = " ".join(f["sentence"] for f in figures)
    doc = Document(text=text, published=published, outlet=outlet)
    ex = Extraction(document=doc)
    pos = 0
    for k, f in enumerate(figures):
        f = dict(f)
        sent = f.pop("sentence")
        start = text.index(sent, pos)
        pos = start + len(sent)
        ex.sentences.append(Sentence(doc.id, k, start, pos, sent))
        shown = f.pop("shown")
        qs = text.index(shown, start)
        ex.quantities.append(Quantity(doc.id, k, qs, qs + len(shown), shown, extractor="test",
                                      version="0", **f))
    assert store.add(ex)


OFFICIAL = {"sentence": "Official sources said the virus had killed 8,529 people by August.",
            "shown": "8,529", "kind": "deaths", "value": 8529.0, "unit": "people",
            "measure": "COVID-19 deaths in the country by August 2022",
            "stated_by": "official sources"}
ESTIMATE = {"sentence": "Independent researchers estimate that 62,000 died of the virus.",
            "shown": "62,000", "kind": "deaths", "value": 62000.0, "unit": "people",
            "measure": "COVID-19 deaths in the country", "stated_by": "independent researchers"}


def test_two_sources_disagreeing_make_a_conflict_with_both_values(store):
    add_doc(store, [OFFICIAL, ESTIMATE])
    (c,) = conflicts(store)
    assert {c["value_a"], c["value_b"]} == {8529.0, 62000.0}
    assert {c["source_a"], c["source_b"]} == {"official sources", "independent researchers"}
    assert c["ratio"] == pytest.approx(62000 / 8529, rel=1e-3)
    assert c["sentence_a"] and c["sentence_b"] and c["outlet_a"] == "Test Wire"


def test_tolerance_is_configurable(store):
    close = dict(ESTIMATE, sentence="Researchers estimate that 9,900 died of the virus.",
                 shown="9,900", value=9900.0)
    add_doc(store, [OFFICIAL, close])
    assert conflicts(store) == []               # 9,900 / 8,529 = 1.16 <= 1.25
    (c,) = conflicts(store, tolerance=1.1)
    assert c["ratio"] == pytest.approx(9900 / 8529, rel=1e-3)


def test_same_source_or_other_measure_or_kind_is_no_conflict(store):
    again = dict(OFFICIAL, sentence="Official sources later said 20,000 people had died.",
                 shown="20,000", value=20000.0)
    other_measure = dict(ESTIMATE, sentence="Floods in the north killed 400 people.",
                         shown="400", value=400.0, measure="flood deaths in the north")
    other_kind = dict(ESTIMATE, sentence="Researchers counted 90 COVID-19 clinics.",
                      shown="90", value=90.0, kind="count", unit=None,
                      measure="COVID-19 clinics in the country")
    add_doc(store, [OFFICIAL, again, other_measure, other_kind])
    assert conflicts(store) == []


def test_undeclared_sources_in_two_documents_conflict(store):
    a = dict(OFFICIAL, stated_by=None)
    b = dict(ESTIMATE, stated_by=None)
    add_doc(store, [a], outlet="Wire One")
    add_doc(store, [b], outlet="Wire Two", published="2022-09-03")
    (c,) = conflicts(store)
    assert {c["source_a"], c["source_b"]} == {"Wire One", "Wire Two"}


def test_money_compared_in_dollars_and_ranges_that_overlap_agree(store):
    yuan = {"sentence": "The donation of 700 million yuan was signed.", "shown": "700 million yuan",
            "kind": "money", "value": 7e8, "unit": "CNY", "usd": 1.0e8, "usd_year": 2023,
            "measure": "Chinese donation to Cuba", "stated_by": "the ministry"}
    dollars = dict(yuan, sentence="Critics put the donation at 100 million dollars.",
                   shown="100 million dollars", value=1e8, unit="USD", usd=1e8,
                   stated_by="critics")
    ranged = dict(dollars, sentence="Others said the donation was 90 to 120 million dollars.",
                  shown="90 to 120 million dollars", value=1.05e8, low=9e7, high=1.2e8,
                  usd=1.05e8, stated_by="others")
    add_doc(store, [yuan, dollars, ranged])
    assert conflicts(store) == []  # same value in dollars; the range covers it
    assert [q["unit"] for q in quantity_rows(store, ["money"])] == ["CNY", "USD", "USD"]


@pytest.mark.shared
def test_dossier_covid_deaths_conflict(dossier_store, dossier_gold):
    from foreigndesk.evaluation.dossier import match_articles
    from foreigndesk.evaluation.dossier_conflicts import score

    if not dossier_store.query("SELECT 1 FROM quantities LIMIT 1"):
        pytest.skip("this tree has no quantities extractor yet")
    result = score(dossier_store, dossier_gold, match_articles(dossier_store, dossier_gold))
    assert result["found"] == result["gold"] == 1, result["details"]


def test_figures_set_side_by_side_conflict_without_embeddings(store):
    pandemic = dict(ESTIMATE, measure="deaths from the pandemic in the country")
    add_doc(store, [OFFICIAL, pandemic])
    (c,) = conflicts(store, backend="none")
    assert {c["value_a"], c["value_b"]} == {8529.0, 62000.0}


@pytest.mark.parametrize("backend", ["wordllama", "minilm"])
def test_embeddings_match_paraphrased_measures_across_documents(store, backend):
    from foreigndesk.analyze import embed

    if not embed.installed(backend):
        pytest.skip(f"embedding backend {backend} is not installed here")
    pandemic = dict(ESTIMATE, measure="deaths from the pandemic in Cuba")
    floods = dict(ESTIMATE, sentence="Floods killed 900 people in Cuba.", shown="900",
                  value=900.0, measure="deaths from floods in Cuba", stated_by="the red cross")
    add_doc(store, [dict(OFFICIAL, measure="COVID-19 deaths in Cuba by August 2022")])
    add_doc(store, [pandemic], published="2022-09-02", outlet="Other Wire")
    add_doc(store, [floods], published="2022-09-03", outlet="Third Wire")
    assert conflicts(store, backend="none") == []
    (c,) = conflicts(store, backend=backend)
    assert {c["value_a"], c["value_b"]} == {8529.0, 62000.0}
