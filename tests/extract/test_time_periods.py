"""More classes of temporal expressions (issue #16, second round): the end of a year, vague
stretches of the past, a day of a month named with "last", completed fiscal years, years said
as words, holiday weeks, weekdays and quarters taken from the date in focus, plans in the
past perfect, and datelines that replace the publication date. Every sentence was written
for this file; every expected value was worked out by hand from a calendar (the publication
date is given with each example)."""

from __future__ import annotations

import pytest

from tests.extract.test_time_classes import one, times

# -- periods of the year ------------------------------------------------------------------------

PERIODS = [
    # sentence, published, expression, value
    ("The merger should be completed by year-end.", "2011-09-14", "year-end", "2011-12-31"),
    ("The bank expects to sell the unit around year end.", "2004-02-03", "year end",
     "2004-12-31"),
    ("The index has gained 12% since year-end.", "2007-08-20", "year-end",
     "2006-12-31"),  # "since": the year-end behind the publication date
    ("Debt at year-end was $4 billion, the report showed.", "1996-06-30", "year-end",
     "1995-12-31"),  # a past tense: the last one
    ("Exports made up 40% of sales in the latest fiscal year.", "2015-11-05",
     "the latest fiscal year", "2014"),  # the last one completed
    ("Revenue in the fiscal year rose 8%.", "2015-11-05", "the fiscal year", "2015"),
    ("The tanker was last seen in the winter of nineteen eighty-seven.", "1999-05-01",
     "the winter of nineteen eighty-seven", "1987-WI"),  # a transcript says years as words
    ("The dam was finished in June of nineteen seventy-two.", "1999-05-01",
     "June of nineteen seventy-two", "1972-06"),
    ("Pilgrims filled the town as Easter week began.", "2019-04-15", "Easter week",
     "2019-W16"),  # Easter Sunday 2019 is April 21, in ISO week 16
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), PERIODS)
def test_periods_of_the_year(nlp, text, published, expression, value) -> None:
    assert one(nlp, text, expression, published).value == value


def test_a_kind_of_year_is_no_date(nlp) -> None:
    text = "The retailer switched from a fiscal year to a calendar year."
    assert not [t for t in times(nlp, text, "2015-11-05") if "fiscal" in t.text]


# -- vague stretches of the past: TimeML's PAST_REF; ahead they stay durations ---------------------

@pytest.mark.parametrize(("text", "expression", "value", "type_"), [
    ("Bond yields have climbed in the last few weeks.", "the last few weeks", "PAST_REF",
     "DATE"),
    ("Margins narrowed over the past several quarters.", "the past several quarters",
     "PAST_REF", "DATE"),
    ("The ministers will meet again in the next few days.", "the next few days", "PXD",
     "DURATION"),
    ("Prices rose in the past three months.", "the past three months", "P3M", "DURATION"),
])
def test_vague_stretches_of_the_past(nlp, text, expression, value, type_) -> None:
    t = one(nlp, text, expression, "2012-04-02")
    assert (t.value, t.type) == (value, type_)


# -- a day of a month with "last" / "next" ------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The clinic was attacked last Nov. 30, police said.", "2003-06-02", "last Nov. 30",
     "2002-11-30"),
    ("The ferry service resumes next Jan. 2.", "2003-02-10", "next Jan. 2",
     "2004-01-02"),  # eleven months ahead: beyond a tense's reach, not beyond "next"
])
def test_last_and_next_with_a_day_of_a_month(nlp, text, published, expression, value) -> None:
    assert one(nlp, text, expression, published).value == value


# -- from the date in focus ---------------------------------------------------------------------

def test_the_previous_weekday_counts_from_the_day_in_focus(nlp) -> None:
    # 2001-03-12 is a Monday; the day in focus is Friday 2001-03-09, three sentences back
    text = ("Tokyo stocks fell sharply on Friday. Dealers blamed the yen. Exporters led the "
            "decline. The Nikkei ended 3% below its close of the previous Friday.")
    assert one(nlp, text, "previous Friday", "2001-03-12").value == "2001-03-02"
    text = "Tokyo stocks fell sharply on Friday, below the close of the previous Thursday."
    assert one(nlp, text, "previous Thursday", "2001-03-12").value == "2001-03-08"


def test_the_following_weekday_counts_from_the_day_in_focus(nlp) -> None:
    # 2001-03-12 is a Monday; 2001-02-14 is a Wednesday
    text = "The envoy arrived on Feb. 14. He left the following Saturday."
    assert one(nlp, text, "following Saturday", "2001-03-12").value == "2001-02-17"


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The insurer lost money in the first quarter. Claims for that quarter doubled.",
     "that quarter", "2006-Q1"),
    ("Sales rose 9% in the second quarter. In the 2005 period, a strike hurt output.",
     "the 2005 period", "2005-Q2"),
    ("In the 2005 period, a strike hurt output.", "the 2005 period", "2005"),
])
def test_quarters_in_focus(nlp, text, expression, value) -> None:
    assert one(nlp, text, expression, "2006-08-01").value == value


# -- plans in the past perfect --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # 2004-05-10 is a Monday
    ("The permit had been due to expire on Friday.", "2004-05-07"),
    ("The permit is due to expire on Friday.", "2004-05-14"),
    ("The two sides had planned to sign the deal on Thursday.", "2004-05-06"),
])
def test_a_plan_in_the_past_perfect_is_past(nlp, text, value) -> None:
    found = [t for t in times(nlp, text, "2004-05-10") if t.type == "DATE"]
    assert [t.value for t in found] == [value]


# -- datelines ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # the dateline's day (a Thursday) is the reference, not the archive's date a day later
    ("NAIROBI, May 6 (Reuters) -- The rebels signed the truce today.", "2004-05-07",
     "today", "2004-05-06"),
    ("NAIROBI, May 6 (Reuters) -- The rebels signed the truce on Friday.", "2004-05-07",
     "Friday", "2004-04-30"),
    # a date on a line of its own at the head of the page
    ("Thursday, May 6, 2004\nKAMPALA -- Talks resumed yesterday.", "2004-05-07",
     "yesterday", "2004-05-05"),
    # no publication date: a dateline with its year gives one
    ("LIMA, March 2, 2009 -- The strike ended yesterday.", None, "yesterday", "2009-03-01"),
    # far from the publication date: the dateline is not the reference
    ("LIMA, March 2 -- The strike ended yesterday.", "2009-06-20", "yesterday", "2009-06-19"),
])
def test_the_dateline_is_the_reference(nlp, text, published, expression, value) -> None:
    assert one(nlp, text, expression, published).value == value


def test_a_first_sentence_is_no_dateline(nlp) -> None:
    text = "Rebels attacked on May 2, and the army struck back today."
    assert one(nlp, text, "today", "2004-05-07").value == "2004-05-07"


# -- a day of the month alone, the middle of a period ---------------------------------------------

@pytest.mark.parametrize(("text", "expression", "value"), [
    # published Wednesday 2010-06-16
    ("The rebels shelled the port on the 12th.", "the 12th", "2010-06-12"),
    ("The envoy will arrive on the 22nd.", "the 22nd", "2010-06-22"),
    ("The strike began in March and ended on the 9th.", "the 9th", "2010-03-09"),
    ("The strike began on March 20 and ended on the 2nd.", "the 2nd", "2010-04-02"),
])
def test_a_day_of_the_month_alone(nlp, text, expression, value) -> None:
    assert one(nlp, text, expression, "2010-06-16").value == value


@pytest.mark.parametrize("text", [
    "The embassy is on the 12th floor.",
    "They restored the 12th-century chapel.",
])
def test_an_ordinal_before_a_noun_is_no_day(nlp, text) -> None:
    assert not [t for t in times(nlp, text, "2010-06-16") if t.type == "DATE" and "12th" in t.text
                and t.value.startswith("2010")]


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The plant should reopen by mid-year.", "2010-02-16", "mid-year", "2010"),
    ("Orders slumped at midyear, the company said.", "2010-02-16", "midyear",
     "2009"),  # a past tense before the middle of the year: last year's
    ("The board meets again in mid-month.", "2010-02-03", "mid-month", "2010-02"),
])
def test_the_middle_of_a_period(nlp, text, published, expression, value) -> None:
    t = one(nlp, text, expression, published)
    assert (t.value, t.modifier) == (value, "MID")
