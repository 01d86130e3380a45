"""Conflicting figures on a real store, with quantities built as the extractor builds them."""

from __future__ import annotations

import pytest

from foreigndesk.analyze.figures import conflicts, quantity_rows
from foreigndesk.model import Document, Extraction, Quantity, Sentence
from foreigndesk.store import Store


@pytest.fixture
def store(db_url, tmp_path):
    s = Store.open(db_url)
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
    # no word of the two sentences ties them: only the measures' wording can
    pandemic = dict(ESTIMATE, sentence="Independent researchers estimate that 62,000 died in "
                    "the pandemic.", measure="deaths from the pandemic in Cuba")
    floods = dict(ESTIMATE, sentence="Floods killed 900 people in Cuba.", shown="900",
                  value=900.0, measure="deaths from floods in Cuba", stated_by="the red cross")
    add_doc(store, [dict(OFFICIAL, measure="COVID-19 deaths in Cuba by August 2022")])
    add_doc(store, [pandemic], published="2022-09-02", outlet="Other Wire")
    add_doc(store, [floods], published="2022-09-03", outlet="Third Wire")
    assert conflicts(store, backend="none") == []
    (c,) = conflicts(store, backend=backend)
    assert {c["value_a"], c["value_b"]} == {8529.0, 62000.0}


# -- like with like (issue 9) -------------------------------------------------------------------
# Articles written for these tests, run through the real pipeline (spaCy, the quantity,
# place and time extractors) into a real store.
FERRY = [  # one sinking told by four outlets: three say 11 dead ("10 others" and one named), one 9
    ("2023-05-02", "Manila Wire", "MANILA - Her husband and 10 other passengers drowned when the "
     "ferry capsized off Mindoro on Sunday, relatives said."),
    ("2023-05-02", "Island Post", "The ferry capsized off Mindoro on Sunday and 11 people "
     "drowned, the coast guard said."),
    ("2023-05-03", "Gulf Daily", "A fisherman said the ferry capsized in heavy seas off Mindoro; "
     "his brother and 10 others died."),
    ("2023-05-04", "Harbour Times", "Nine passengers drowned when the overloaded ferry capsized "
     "off Mindoro on Sunday, the provincial governor said."),
]


def ingest(store: Store, articles: list[tuple[str, str, str]]) -> None:
    from foreigndesk.run.local import ExtractError, run

    docs = [Document(text=t, published=p, outlet=o, title=o) for p, o, t in articles]
    for r in run(docs, workers=1):
        assert not isinstance(r, ExtractError), r
        store.add(r)


def test_one_disagreement_told_by_several_outlets_is_one_conflict_with_its_basis(store):
    ingest(store, FERRY)
    (c,) = conflicts(store)
    assert (c["value_a"], c["value_b"]) == (9.0, 11.0)  # "10 others" with the one named: 11
    assert c["source_a"] == "provincial governor"
    assert c["pairs"] == 3 and "ferry" in c["basis"]
    # the two "10 others" stand with "11 people" on the side of 11
    assert {c["text_b"]} | {x["text"] for x in c["also_b"]} == {
        "11 people", "10 other passengers", "10 others"}


def test_others_counted_with_those_named_beside_them_agree_with_the_total(store):
    ingest(store, FERRY[:3])
    assert len(quantity_rows(store, ["deaths"])) == 3
    assert conflicts(store) == []


@pytest.mark.parametrize("other", [
    # the same counted noun, another population
    ("2023-05-04", "Port Record", "About 9,000 Filipino seafarers live in the port city of "
     "Batangas."),
    # deaths, another event and another country
    ("2023-05-05", "India Wire", "Officials said 300 people died in floods in Kerala last week."),
])
def test_the_same_noun_for_another_event_or_population_is_no_conflict(store, other):
    ingest(store, [FERRY[1], other,
                   ("2023-05-04", "Asia Desk", "The ferry carried 40 Filipino seafarers when it "
                    "capsized off Mindoro.")])
    assert len(quantity_rows(store)) == 3
    assert conflicts(store) == []


def test_figures_of_different_years_are_not_compared(store, tmp_path):
    y2020 = ("2021-01-10", "Port Record", "Police arrested 120 migrants at the port of "
             "Guayaquil in 2020, officials said.")
    y2022 = ("2023-01-10", "Andes Post", "Police arrested 310 migrants at the port of Guayaquil "
             "in 2022, the ministry said.")
    ingest(store, [y2020, y2022])
    assert len(quantity_rows(store, ["count"])) == 2
    assert conflicts(store) == []
    other = Store.open(tmp_path / "same-year.db")
    try:
        ingest(other, [y2020, (y2022[0], y2022[1], y2022[2].replace("2022", "2020"))])
        (c,) = conflicts(other)
        assert "same year: 2020" in c["basis"] and "migrants" in c["basis"]
    finally:
        other.close()


def test_the_best_founded_conflict_ranks_first_not_the_widest(store):
    """The ferry's toll (three shared words, one year, named sources; ratio 1.2) ranks before
    a crowd estimate set side by side (ratio 4.5)."""
    ingest(store, FERRY + [("2023-06-01", "Capital News", "Police said 2,000 protesters marched "
                                                         "in Quito on Friday. Organisers said "
                                                         "9,000 protesters took part.")])
    first, second = conflicts(store)
    assert first["kind"] == "deaths" and first["ratio"] < second["ratio"]
    assert (second["value_a"], second["value_b"]) == (2000.0, 9000.0)
    assert "side by side" in second["basis"]


@pytest.mark.parametrize("sentence, figure, named", [
    ("Her husband and 10 other passengers drowned off Mindoro.", "10 other passengers", 1),
    ("Rescuers said his wife, daughter and six others died in the fire.", "six others", 2),
    ("Police held two union leaders and 40 other people after the march.", "40 other people", 2),
    ("The pilot died with three other crew members when the plane crashed.",
     "three other crew members", 1),
    ("Four were killed in the north, and 12 others were hurt in the south.", "12 others", 0),
    ("Some 30 people drowned near the reef.", "30 people", 0),
])
def test_others_are_counted_with_the_people_named_beside_them(sentence, figure, named):
    from foreigndesk.analyze.figures import companions

    q = {"text": figure, "sentence": sentence, "sentence_start": 100,
         "start": 100 + sentence.index(figure)}
    assert companions(q) == named
