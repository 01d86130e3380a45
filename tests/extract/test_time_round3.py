"""Classes of the third #16 round (helper timex3): a month that modifies a noun ("a June
agreement") and the second day of a coordinated pair ("April 24 and 25"). Every sentence was
written for this file (news, statements, transcripts); every value was worked out by hand
from a calendar and the publication date given with it."""

from __future__ import annotations

import pytest

from tests.extract.test_time_classes import times


def texts(nlp, text: str, published: str | None) -> dict[str, str]:
    return {t.text: t.value for t in times(nlp, text, published)}


# -- a month between a determiner and a noun --------------------------------------------------

MONTH_MODIFIERS = [
    # sentence, published, expression, value
    ("The firm is still trying to sell itself under a June agreement with shareholders.",
     "2004-10-27", "June", "2004-06"),  # news; four months back, the nearer June
    ("The March accession of the three states will enlarge the alliance.", "1999-02-10",
     "March", "1999-03"),  # the next March, a month ahead
    ("The ministry repeated its August warning that reserves were running low.",
     "2011-11-02", "August", "2011-08"),  # a statement
    ("MODERATOR: Let's go back to the May vote, Senator.", "2016-07-12", "May",
     "2016-05"),  # a transcript
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), MONTH_MODIFIERS)
def test_a_month_that_modifies_a_noun_is_a_date(nlp, text, published, expression,
                                                value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize("text", [
    "The May government fell after a vote of no confidence.",  # a name before a noun
    "Analysts say the rate may rise again.",  # a verb
    "She said she would march on the capital.",  # a verb, not capitalised
])
def test_a_name_or_a_verb_is_no_month(nlp, text) -> None:
    assert not [t for t in times(nlp, text, "2019-03-20") if t.text in ("May", "may", "march")]


# -- the second day of a coordinated pair ----------------------------------------------------

SECOND_DAYS = [
    # sentence, published, {expression: value}
    ("Leaders will meet at the summit in Washington on April 24 and 25.", "1999-02-10",
     {"April 24": "1999-04-24", "25": "1999-04-25"}),
    ("Polling stations were open on Nov. 7 and 8, the electoral commission said.",
     "2010-11-15", {"Nov. 7": "2010-11-07", "8": "2010-11-08"}),
    ("Q: Were the talks held on March 3 or 4, 1998? A: On the fourth.", "2001-06-01",
     {"March 3": "1998-03-03", "4, 1998": "1998-03-04"}),  # the year after the pair is both's
]


@pytest.mark.parametrize(("text", "published", "expected"), SECOND_DAYS)
def test_the_second_day_of_a_pair_takes_the_month(nlp, text, published, expected) -> None:
    found = texts(nlp, text, published)
    for expression, value in expected.items():
        assert found.get(expression) == value, (expression, found)


def test_a_number_after_a_date_and_and_is_no_day(nlp) -> None:
    text = "The ceasefire began on May 5, and 40 prisoners were freed."
    found = texts(nlp, text, "2003-05-20")
    assert found == {"May 5": "2003-05-05"}


# -- quarters as a unit of durations and sets --------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "value", "typ"), [
    ("The unit has had substantial losses in the past two quarters.", "the past two quarters",
     "P2Q", "DURATION"),  # company report
    ("It reached profitability after several quarters of losses, the chairman said.",
     "several quarters", "PXQ", "DURATION"),
    ("The company must pay about $100 million in interest every quarter.", "every quarter",
     "P1Q", "SET"),
    ("ANALYST: Margins should recover within three quarters.", "three quarters", "P3Q",
     "DURATION"),  # transcript
])
def test_quarters_stay_quarters_in_durations(nlp, text, expression, value, typ) -> None:
    found = {t.text: (t.value, t.type) for t in times(nlp, text, "1989-10-30")}
    assert found.get(expression) == (value, typ), found


# -- "the near term", "the short term": TimeML's FUTURE_REF ------------------------------------

@pytest.mark.parametrize(("text", "expression"), [
    ("We don't minimize the challenges of the near term, the chief executive said.",
     "the near term"),  # statement
    ("The plan is meant to placate shareholders in the short term.", "the short term"),  # news
    ("HOST: And in the longer term, will prices come down?", "the longer term"),  # transcript
])
def test_the_near_term_is_a_future_reference(nlp, text, expression) -> None:
    assert texts(nlp, text, "1989-10-30").get(expression) == "FUTURE_REF"


def test_a_near_term_adjective_is_no_time(nlp) -> None:
    text = "Analysts predict near-term earnings trouble and long-term gains for the brewer."
    assert times(nlp, text, "1989-10-26") == []


# -- anchoring: a season ahead in its own season; a day of a month in the simple present ------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Negotiators will meet again in the spring, the envoy said.", "2013-03-22",
     "the spring", "2013-SP"),  # spring has begun: this one, not next year's
    ("ANCHOR: Will the team be back in the summer?", "2016-06-10", "the summer", "2016-SU"),
    ("The vote will come next spring.", "2013-03-22", "next spring",
     "2014-SP"),  # "next" still means the following one
])
def test_a_season_ahead_may_be_the_current_one(nlp, text, published, expression,
                                               value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The fiscal year begins Oct. 1.", "2013-03-22", "Oct. 1",
     "2013-10-01"),  # six months ahead, though last October 1 is nearer
    ("The record date is Jan. 2, the company said in a statement.", "1989-06-20", "Jan. 2",
     "1990-01-02"),
    ("The court reconvenes on Jan. 24, the clerk said.", "2000-07-13", "Jan. 24",
     "2001-01-24"),
    ("The fiscal year began Oct. 1.", "2013-03-22", "Oct. 1", "2012-10-01"),  # past tense
])
def test_a_day_of_a_month_in_the_simple_present_is_ahead(nlp, text, published, expression,
                                                         value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Prices doubled in the first half of the year, the central bank said.", "2014-11-05",
     "the first half of the year", "2014-H1"),
    ("GUEST: I think growth picks up in the second half of the year.", "2015-02-16",
     "the second half of the year", "2015-H2"),  # transcript, ahead: the same year
])
def test_a_half_of_the_year_is_of_the_publication_year(nlp, text, published, expression,
                                                       value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "that day" when the date in focus is known only to its month or year -----------------------

@pytest.mark.parametrize(("text", "value"), [
    ("The raid happened in December 2010. That day, the thieves escaped on motorcycles.",
     "2010-12"),  # news: the day is in that month (TimeML 2010-12-XX)
    ("The ministry recalls the events of 1994. On that day, the border was closed.",
     "1994"),  # statement
    ("GUEST: It was in March 2003. I remember that day very well.", "2003-03"),  # transcript
])
def test_that_day_takes_a_coarser_date_in_focus(nlp, text, value) -> None:
    found = {t.text.lower(): t.value for t in times(nlp, text, "2012-05-14")}
    assert found.get("that day") == value, found


# -- a part of every such weekday: sets ---------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Two new flights will leave Bombay on Monday and Tuesday nights from March 30.",
     {"Monday": "XXXX-WXX-1TNI", "Tuesday nights": "XXXX-WXX-2TNI"}),  # news
    ("The ministry holds briefings on Friday mornings, a spokesman said.",
     {"Friday mornings": "XXXX-WXX-5TMO"}),  # statement
    ("CALLER: We used to meet Saturday or Sunday evenings.",
     {"Saturday": "XXXX-WXX-6TEV", "Sunday evenings": "XXXX-WXX-7TEV"}),  # transcript
])
def test_weekday_nights_are_sets(nlp, text, expected) -> None:
    found = {t.text: (t.value, t.type) for t in times(nlp, text, "1998-02-13")}
    for expression, value in expected.items():
        assert found.get(expression) == (value, "SET"), found


def test_one_weekday_night_is_a_time(nlp) -> None:
    found = texts(nlp, "He left on Monday and returned Tuesday night.", "1998-02-13")
    assert found == {"Monday": "1998-02-09", "Tuesday night": "1998-02-10TNI"}


# -- halves of a unit, written in the next smaller unit (TimeML) ---------------------------------

@pytest.mark.parametrize(("text", "expression", "value"), [
    ("He served 2 1/2 years in prison before his release.", "2 1/2 years", "P2Y6M"),  # news
    ("A minute and a half later, a pilot from a nearby flight called.",
     "A minute and a half", "PT1M30S"),  # transcript of a broadcast
    ("The ministers met for two and a half hours, the statement said.",
     "two and a half hours", "PT2H30M"),  # statement
    ("The strike has lasted three and a half days.", "three and a half days", "P3DT12H"),
    ("She waited a year and a half for her visa.", "a year and a half", "P1Y6M"),
])
def test_a_half_is_written_in_the_next_unit(nlp, text, expression, value) -> None:
    found = {t.text: (t.value, t.type) for t in times(nlp, text, "1998-02-13")}
    assert found.get(expression) == (value, "DURATION"), found


def test_a_fraction_is_not_read_as_its_denominator(nlp) -> None:
    found = texts(nlp, "Prices rose 1/2 percent in 3/4 of the markets.", "1998-02-13")
    assert found == {}
