"""Quantities: money (symbols, words, scales, ranges, USD at the year's rate), counts,
deaths and casualties, percentages, ratios, vote tallies, qualifiers, what a figure measures
and who states it, and what is not a figure. Sentences are written for these tests; every
expected value was worked out by hand."""

from __future__ import annotations

import pytest

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.extract.quantity_money import rates
from foreigndesk.model import Document, Quantity

PUB = "2019-06-12"


def figures(nlp, text: str, published: str | None = PUB) -> list[Quantity]:
    doc = Document(text=text, published=published)
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    for q in ex.quantities:  # provenance
        assert text[q.start:q.end] == q.text
        s = ex.sentences[q.sentence]
        assert s.start <= q.start and q.end <= s.end + 1
        assert q.extractor == "quantities" and q.version and q.doc_id == doc.id
    return ex.quantities


def one(nlp, text: str, expression: str, published: str | None = PUB) -> Quantity:
    qs = figures(nlp, text, published)
    found = [q for q in qs if expression in q.text or q.text in expression]
    assert found, f"{expression!r} not among {[q.text for q in qs]}"
    return found[0]


# -- money ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expression, value, unit", [
    ("The fund has $55 billion in assets.", "$55 billion", 55e9, "USD"),
    ("The bank lent 700 million yuan to the port.", "700 million yuan", 700e6, "CNY"),
    ("It cost 100 million dollars to build.", "100 million dollars", 100e6, "USD"),
    ("Brussels pledged €3.2bn for the grid.", "€3.2bn", 3.2e9, "EUR"),
    ("The club paid £500,000 for the land.", "£500,000", 500_000, "GBP"),
    ("Moscow offered 5 billion rubles in credit.", "5 billion rubles", 5e9, "RUB"),
    ("Donors raised US$12 million.", "US$12 million", 12e6, "USD"),
    ("A loan of a million dollars was approved.", "a million dollars", 1e6, "USD"),
    ("The deal is worth $5m to the town.", "$5m", 5e6, "USD"),
    ("The order is worth US$ 7.2 bn in all.", "US$ 7.2 bn", 7.2e9, "USD"),
])
def test_money(nlp, text, expression, value, unit):
    q = one(nlp, text, expression)
    assert q.kind == "money" and q.value == pytest.approx(value) and q.unit == unit


def test_money_in_us_dollars_at_the_documents_year(nlp):
    q = one(nlp, "The bank lent 700 million yuan to the port.", "700 million yuan")
    per_usd, year = rates().per_usd("CNY", 2019)
    assert year == 2019 and q.usd_year == 2019
    assert q.usd == pytest.approx(700e6 / per_usd, rel=1e-6)
    assert 95e6 < q.usd < 107e6  # the yuan traded near 6.9 to the dollar in 2019


def test_money_in_us_dollars_at_the_sentences_year(nlp):
    q = one(nlp, "In 2010, the bank lent 2 billion yuan to the port authority.", "2 billion yuan")
    assert q.usd_year == 2010
    assert 280e6 < q.usd < 310e6  # about 6.77 yuan to the dollar in 2010


def test_money_ranges(nlp):
    q = one(nlp, "The project will cost $3-5 billion.", "$3-5 billion")
    assert (q.low, q.high, q.value) == (3e9, 5e9, 4e9) and q.unit == "USD"
    q = one(nlp, "Repairs will cost between 2 and 4 million euros.", "2 and 4 million euros")
    assert (q.low, q.high) == (2e6, 4e6) and q.unit == "EUR"


def test_equivalent_amounts_share_a_measure(nlp):
    qs = figures(nlp, "They signed the donation of 700 million yuan, equal to 100 million dollars.")
    money = [q for q in qs if q.kind == "money"]
    assert [q.unit for q in money] == ["CNY", "USD"]
    assert money[0].measure == money[1].measure == "donation"


# -- counts, deaths, percentages, ratios ---------------------------------------------------------

def test_counts_with_qualifiers(nlp):
    q = one(nlp, "More than 200 journalists were detained.", "200 journalists")
    assert (q.kind, q.value, q.approx, q.unit) == ("count", 200, "over", "journalists")
    q = one(nlp, "The army sent nearly 1,500 troops to the border.", "1,500 troops")
    assert (q.kind, q.value, q.approx) == ("count", 1500, "under")
    q = one(nlp, "Rallies were held in more than 30 towns and villages.", "30 towns and villages")
    assert q.value == 30 and q.measure == "towns and villages"


def test_population(nlp):
    q = one(nlp, "The storm hit all of Jamaica's 2.8 million people.", "2.8 million people")
    assert q.kind == "count" and q.value == pytest.approx(2.8e6) and q.unit == "people"
    assert q.measure == "population of Jamaica"


@pytest.mark.parametrize("text, expression, kind, value", [
    ("The earthquake killed 2,314 people in the province.", "2,314", "deaths", 2314),
    ("The death toll of 87 is expected to rise.", "87", "deaths", 87),
    ("At least 35 people were killed in the attack.", "35", "deaths", 35),
    ("The blast injured 140 workers.", "140", "casualties", 140),
])
def test_deaths_and_casualties(nlp, text, expression, kind, value):
    q = one(nlp, text, expression)
    assert q.kind == kind and q.value == value


@pytest.mark.parametrize("text, expression, value", [
    ("His sister and eight other passengers drowned near the reef.", "eight other passengers", 8),
    ("Two soldiers were killed when the convoy hit a mine.", "Two soldiers", 2),
    ("Ten of those on the bus died in the crash.", "Ten", 10),
    ("The storm left three people dead in the valley.", "three people", 3),
])
def test_small_death_tolls_in_words(nlp, text, expression, value):
    q = one(nlp, text, expression)
    assert q.kind == "deaths" and q.value == value and q.unit == "people"


def test_a_passive_verb_states_nothing(nlp):
    """"was found" is no source: the figure has none."""
    q = one(nlp, "The boy was found clinging to a raft after five other migrants drowned.",
            "five other migrants")
    assert q.kind == "deaths" and q.stated_by is None


def test_who_states_a_figure_and_what_it_measures(nlp):
    text = ("Health ministry officials claimed that the flu had killed 1,200 people in Peru. "
            "However, independent monitors put the number of Peruvians killed by the flu at 4,000.")
    qs = [q for q in figures(nlp, text) if q.kind == "deaths"]
    assert [q.value for q in qs] == [1200, 4000]
    assert qs[0].stated_by == "Health ministry officials"
    assert qs[1].stated_by == "independent monitors"
    for q in qs:
        assert q.measure and q.measure.startswith("deaths") and "flu" in q.measure


def test_according_to_states_a_figure(nlp):
    q = one(nlp, "About 3,000 soldiers crossed the river, according to the border police.", "3,000 soldiers")
    assert q.approx == "about" and q.stated_by == "border police"


def test_percent_and_ratio(nlp):
    q = one(nlp, "Unemployment rose to 12.5 percent last year.", "12.5 percent")
    assert (q.kind, q.value, q.unit) == ("percent", 12.5, "%")
    q = one(nlp, "They cancelled 90% of the debt.", "90%")
    assert (q.kind, q.value) == ("percent", 90)
    q = one(nlp, "Its output per head is 4.2 times that of its neighbour.", "4.2 times")
    assert (q.kind, q.value, q.unit) == ("ratio", 4.2, "times")


# -- vote tallies --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, values", [
    ("The motion passed, with 120 voted in favour, 12 against and 30 abstentions.",
     {"yes": 120, "no": 12, "abstain": 30}),
    ("The resolution was adopted by 141 votes to 5, with 35 abstentions.",
     {"yes": 141, "no": 5, "abstain": 35}),
    ("It passed by a vote of 98-21.", {"yes": 98, "no": 21}),
])
def test_vote_tallies(nlp, text, values):
    qs = [q for q in figures(nlp, text) if q.kind == "votes"]
    assert len(qs) == 1 and qs[0].values == values
    assert not [q for q in figures(nlp, text) if q.kind == "count"]  # the parts are not counts


# -- not figures ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The summit opened on 12 March 2021 in Lima.",
    "It was the 29th session of the council.",
    "Call the embassy on +1 202-555-0143 for details.",
    "The report is at https://example.org/reports/2021/55 online.",
    "The meeting starts at 7:30 p.m. sharp.",
    "Iran is bound by Resolution 2231 of the council.",
    "The COVID-19 pandemic closed the border.",
    "Talks have gone on for 15 years.",
    "In 1995, the two leaders met in Havana.",
    "The two countries signed five agreements.",
    "The carrier will replace its 737 airliner next year.",
    "Flight 370 vanished over the ocean.",
])
def test_not_figures(nlp, text):
    assert figures(nlp, text) == []


# -- the dossier ---------------------------------------------------------------------------------

def test_dossier_quantities(dossier_store, dossier_gold):
    from foreigndesk.evaluation.dossier import match_articles
    from foreigndesk.evaluation.dossier_quantities import score

    r = score(dossier_store, dossier_gold, match_articles(dossier_store, dossier_gold))
    assert r["share"] == 1.0, r["details"]
    assert r["usd_agreement"] == 1.0, r["details"]  # 700 million yuan ~ 100 million dollars
    assert r["source_agreement"] == 1.0, r["details"]
