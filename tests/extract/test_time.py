"""Temporal expressions: spans, TIMEX3-style values, relative ones resolved against the
publication date. Every expected value below was worked out by hand from a calendar."""

from __future__ import annotations

import re

import pytest

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.model import Document, TimeValue

# 2023-01-18 is a Wednesday in ISO week 3 of 2023
PUB = "2023-01-18"


def times(nlp, text: str, published: str | None = PUB) -> list[TimeValue]:
    doc = Document(text=text, published=published)
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors(("sentences", "time")))
    for t in ex.times:  # provenance: exact span, sentence holding it, extractor
        assert text[t.start:t.end] == t.text
        s = ex.sentences[t.sentence]
        assert s.start <= t.start and t.end <= s.end + 1
        assert t.extractor == "time" and t.version and t.doc_id == doc.id
    return ex.times


def one(nlp, text: str, expression: str, published: str | None = PUB) -> TimeValue:
    """The time value whose text is ``expression``."""
    found = [t for t in times(nlp, text, published) if t.text == expression]
    assert found, f"{expression!r} not found in {[t.text for t in times(nlp, text, published)]}"
    return found[0]


# -- relative expressions, published Wednesday 2023-01-18 -----------------------------------

RELATIVE = [
    # sentence, expression, value, precision
    ("The two ministers met in Havana on Friday.", "Friday", "2023-01-13", "day"),
    ("Protests broke out on Sunday in several towns.", "Sunday", "2023-01-15", "day"),
    ("The agreement was signed Tuesday in Beijing.", "Tuesday", "2023-01-17", "day"),
    ("China signed the agreement on Wednesday.", "Wednesday", "2023-01-18", "day"),
    ("Last month, the General Assembly voted again.", "Last month", "2022-12", "month"),
    ("He met the chancellor earlier this month in Beijing.", "earlier this month", "2023-01",
     "month"),
    ("Officials said the talks resumed yesterday.", "yesterday", "2023-01-17", "day"),
    ("The embassy issued a statement today.", "today", "2023-01-18", "day"),
    ("Trade grew sharply this year.", "this year", "2023", "year"),
    ("Trade fell last year.", "last year", "2022", "year"),
    ("The port was opened two years ago.", "two years ago", "2021", "year"),
    ("The president visited China in late November.", "late November", "2022-11", "month"),
    ("The delegation will travel next week.", "next week", "2023-W04", "week"),
]


@pytest.mark.parametrize(("text", "expression", "value", "precision"), RELATIVE)
def test_relative_expressions_resolve_against_publication_date(nlp, text, expression, value,
                                                               precision) -> None:
    t = one(nlp, text, expression)
    assert (t.value, t.precision, t.type) == (value, precision, "DATE")
    assert t.anchored


def test_modifiers_of_relative_expressions(nlp) -> None:
    assert one(nlp, "He met the chancellor earlier this month.", "earlier this month").modifier == "EARLY"
    assert one(nlp, "She visited China in late November.", "late November").modifier == "LATE"


def test_in_recent_days_is_a_past_reference_without_the_preposition(nlp) -> None:
    t = one(nlp, "Tension has grown in recent days along the border.", "recent days")
    assert (t.value, t.type, t.anchored) == ("PAST_REF", "DATE", True)


def test_weekday_with_future_tense_looks_forward(nlp) -> None:
    # Wednesday 2023-01-18: the next Friday is the 20th, the next Tuesday the 24th
    assert one(nlp, "The two leaders will meet on Friday in Geneva.", "Friday").value == "2023-01-20"
    assert one(nlp, "The delegations are due to sign the accord next Tuesday.",
               "next Tuesday").value == "2023-01-24"
    assert one(nlp, "The minister plans to visit Moscow on Monday.", "Monday").value == "2023-01-23"
    assert one(nlp, "The vote is going to take place on Thursday.", "Thursday").value == "2023-01-19"
    # past tense and reported speech look back
    assert one(nlp, "The minister said on Monday that talks had failed.", "Monday").value == "2023-01-16"
    assert one(nlp, "Officials said Friday they will meet again.", "Friday").value == "2023-01-13"


def test_last_and_next_weekday_exclude_the_publication_day(nlp) -> None:
    assert one(nlp, "They last met last Wednesday.", "last Wednesday").value == "2023-01-11"
    assert one(nlp, "They meet again next Wednesday.", "next Wednesday").value == "2023-01-25"


def test_a_date_without_year_takes_the_year_the_tense_implies(nlp) -> None:
    # published 2023-01-18: December is last year's when spoken of in the past
    assert one(nlp, "The deal was signed on Dec. 28.", "Dec. 28").value == "2022-12-28"
    assert one(nlp, "The summit will open on March 3.", "March 3").value == "2023-03-03"
    assert one(nlp, "The president visited Beijing in November.", "November").value == "2022-11"
    # a weekday given with the date settles the year: 2022-04-25 was a Monday
    assert one(nlp, "The talks ended Monday, April 25.", "Monday, April 25").value == "2022-04-25"


def test_a_month_later_counts_from_the_date_just_mentioned(nlp) -> None:
    text = ("The embargo began on October 19, 1960. Less than a month later, Guevara "
            "travelled to Beijing.")
    t = one(nlp, text, "Less than a month later", published=None)
    assert t.value == "1960-11" and t.precision == "month"


def test_that_day_and_the_next_morning_follow_the_date_in_focus(nlp) -> None:
    text = ("Relations were severed on January 3, 1961. The next day, the embassy closed. "
            "He fled to Florida in June 1998 and returned later that year.")
    assert one(nlp, text, "The next day").value == "1961-01-04"
    t = one(nlp, text, "later that year")
    assert (t.value, t.precision, t.modifier) == ("1998", "year", "LATE")
    # with no date before it, "that day" is kept but not guessed from the publication date
    t = one(nlp, "The embassy closed that day.", "that day")
    assert t.value == "" and t.precision == ""


# -- absolute dates ------------------------------------------------------------------------

ABSOLUTE = [
    ("The balloon was shot down on February 4, 2023.", "February 4, 2023", "2023-02-04", "day"),
    ("BEIJING, Nov. 25, 2022 (AP) The leaders met.", "Nov. 25, 2022", "2022-11-25", "day"),
    ("Published 7/16/21 by the newsroom.", "7/16/21", "2021-07-16", "day"),
    ("Updated 2023-01-18 by the desk.", "2023-01-18", "2023-01-18", "day"),
    ("Relations were severed on January 3, 1961.", "January 3, 1961", "1961-01-03", "day"),
    ("Guevara led a delegation to China in November 1960.", "November 1960", "1960-11", "month"),
    ("Relations cooled in 1964.", "1964", "1964", "year"),
    ("Migrants arrived in the 1840s.", "the 1840s", "184X", "decade"),
    ("The alliance weakened in the late 1980s.", "the late 1980s", "198X", "decade"),
    ("Trade grew in the early 20th century.", "the early 20th century", "19XX", "century"),
    ("The outbreak began in December 2019.", "December 2019", "2019-12", "month"),
    ("The rebels entered Havana on 1 January 1959.", "1 January 1959", "1959-01-01", "day"),
    ("Results for the third quarter of 2021 were weak.", "the third quarter of 2021", "2021-Q3",
     "quarter"),
]


@pytest.mark.parametrize(("text", "expression", "value", "precision"), ABSOLUTE)
def test_absolute_dates(nlp, text, expression, value, precision) -> None:
    t = one(nlp, text, expression)
    assert (t.value, t.precision, t.type) == (value, precision, "DATE")
    assert not t.anchored


def test_decade_and_century_modifiers(nlp) -> None:
    assert one(nlp, "It weakened in the late 1980s.", "the late 1980s").modifier == "LATE"
    assert one(nlp, "Built in the early 20th century.", "the early 20th century").modifier == "EARLY"
    assert one(nlp, "Popular in the mid-1990s.", "the mid-1990s").value == "199X"


def test_absolute_dates_need_no_publication_date(nlp) -> None:
    t = one(nlp, "Relations were severed on January 3, 1961.", "January 3, 1961", published=None)
    assert t.value == "1961-01-03" and t.precision == "day"


# -- durations and sets ----------------------------------------------------------------------

def test_durations(nlp) -> None:
    t = one(nlp, "The balloon drifted for a week over the continent.", "a week")
    assert (t.value, t.precision, t.type) == ("P1W", "duration", "DURATION")
    assert one(nlp, "The embargo has lasted 64 years.", "64 years").value == "P64Y"
    assert one(nlp, "Over the past 64 years the embargo held.", "the past 64 years").value == "P64Y"
    assert one(nlp, "The talks lasted three hours.", "three hours").value == "PT3H"
    assert one(nlp, "It took several months to agree.", "several months").value == "PXM"
    assert one(nlp, "It was a two-year program.", "two-year").value == "P2Y"


def test_ages_and_fractions_are_not_durations(nlp) -> None:
    assert times(nlp, "The 6-year-old boy returned to Cuba with his father.") == []
    assert times(nlp, "About three-quarters of the voters agreed.") == []


def test_frequencies_are_sets(nlp) -> None:
    t = one(nlp, "The ministers speak daily by phone.", "daily")
    assert (t.value, t.type) == ("P1D", "SET")
    assert one(nlp, "They meet every week.", "every week").value == "P1W"


def test_clock_time_joins_its_day(nlp) -> None:
    t = one(nlp, "The vote opened at 9 a.m. Tuesday.", "9 a.m. Tuesday")
    assert (t.value, t.type) == ("2023-01-17T09:00", "TIME")


# -- what must not become a time value -------------------------------------------------------

def test_dates_inside_urls_yield_nothing(nlp) -> None:
    text = ("Source: https://www.telesurenglish.net/news/China-Makes-Donation-20230118-0014.html\n"
            "See also https://example.org/2022/11/25/xi-pledges-support and "
            "www.example.com/2021-07-16/story.html")
    assert times(nlp, text) == []


def test_dates_inside_urls_are_skipped_but_the_rest_is_kept(nlp) -> None:
    text = "Read https://example.org/2022-11-25/report published on Friday."
    found = times(nlp, text, "2022-11-25")
    assert [t.text for t in found] == ["Friday"]
    assert found[0].value == "2022-11-25"


def test_may_the_verb_and_march_the_verb_are_not_months(nlp) -> None:
    assert times(nlp, "Officials may march to the square and may decide later.") == []


def test_names_that_contain_time_words_are_not_times(nlp) -> None:
    text = "Both sides signed the Good Friday Agreement after the Six-Day War."
    assert [t.text for t in times(nlp, text)] == []
    assert one(nlp, "They met on Good Friday.", "Good Friday", "2022-05-01").value == "2022-04-15"


# -- no publication date ---------------------------------------------------------------------

def test_relative_expressions_without_publication_date_keep_their_span_only(nlp) -> None:
    found = times(nlp, "The leaders met on Friday, and again last month.", published=None)
    assert {t.text for t in found} == {"Friday", "last month"}
    for t in found:
        assert t.precision == "" and not t.anchored
        assert t.value == "" or "X" in t.value
    assert one(nlp, "They met on Friday.", "Friday", published=None).value == "XXXX-WXX-5"


# -- the dossier (issue 2, "Done when") --------------------------------------------------------

def _gold_article(gold: dict, article_id: str) -> dict:
    return next(a for a in gold["articles"] if a["id"] == article_id)


@pytest.mark.shared
@pytest.mark.parametrize(("article", "expression", "value"), [
    ("ap", "Friday", "2022-11-25"),
    ("newsweek", "Sunday", "2021-07-11"),
    ("newsweek", "Last month", "2021-06"),
    ("telesur", "Wednesday", "2023-01-18"),
])
def test_dossier_relative_dates_resolve_as_the_issue_says(dossier_store, dossier_gold, article,
                                                          expression, value) -> None:
    a = _gold_article(dossier_gold, article)
    rows = dossier_store.query(
        "SELECT t.value, t.anchored, t.sentence, s.text AS sentence_text FROM time_values t "
        "JOIN documents d ON d.id = t.doc_id "
        "JOIN sentences s ON s.doc_id = t.doc_id AND s.idx = t.sentence "
        "WHERE d.outlet = ? AND d.published = ? AND t.text = ?",
        [a["outlet"], str(a["published"]), expression])
    assert rows, f"{expression!r} not stored for {article}"
    assert {r["value"] for r in rows} == {value}
    assert all(r["anchored"] for r in rows)
    assert all(expression in r["sentence_text"] for r in rows)


@pytest.mark.shared
def test_dossier_time_values_are_never_inside_urls(dossier_store) -> None:
    url = re.compile(r"https?://\S+|www\.\S+")
    docs = {d["id"]: d["text"] for d in dossier_store.query("SELECT id, text FROM documents")}
    spans = {i: [m.span() for m in url.finditer(t)] for i, t in docs.items()}
    rows = dossier_store.query('SELECT doc_id, start, "end", text FROM time_values')
    assert rows
    for r in rows:
        assert not any(a < r["end"] and r["start"] < b for a, b in spans[r["doc_id"]]), r


@pytest.mark.shared
def test_dossier_absolute_dates_of_the_gold_timeline_are_found(dossier_store, dossier_gold) -> None:
    """Every gold event date of the undated intro is written out in its text; each must be
    a stored time value of that document."""
    stored = {r["value"] for r in dossier_store.query(
        "SELECT t.value FROM time_values t JOIN documents d ON d.id = t.doc_id "
        "WHERE d.outlet IS NULL")}
    wanted = {str(e["date"]) for e in dossier_gold["events"] if e["article"] == "intro"}
    missing = wanted - stored
    assert not missing, missing
