"""Classes of temporal expressions that HeidelTime and the TimeML annotations resolve and
that the tagger used to get wrong (issue #16): anchoring by tense, underspecified
expressions, halves, ordinal days, durations without a count, clock times on the day named
next to them. Every sentence was written for this file; every expected value was worked
out by hand from a calendar (the publication date is given with each example)."""

from __future__ import annotations

import pytest

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.model import Document, TimeValue


def times(nlp, text: str, published: str | None) -> list[TimeValue]:
    doc = Document(text=text, published=published)
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors(("sentences", "time")))
    for t in ex.times:
        assert text[t.start:t.end] == t.text
    return ex.times


def one(nlp, text: str, expression: str, published: str | None) -> TimeValue:
    found = [t for t in times(nlp, text, published) if t.text == expression]
    assert found, f"{expression!r} not in {[t.text for t in times(nlp, text, published)]}"
    return found[0]


# -- anchoring: the tense places a month, a day or a weekday before or after the publication
# date, up to nine months away ---------------------------------------------------------------

ANCHORING = [
    # sentence, published, expression, value
    ("The minister resigned in January after a long dispute.", "2005-09-07", "January",
     "2005-01"),  # past tense, eight months back (not next January, the nearest)
    ("Exports fell sharply in February, the ministry said.", "2010-11-15", "February",
     "2010-02"),
    ("The talks will resume in November in Geneva.", "2021-02-10", "November", "2021-11"),
    ("A new ambassador will be named in December.", "1998-03-04", "December",
     "1998-12"),  # "will be named": the modal is read through the auxiliary
    ("The company reported a loss for the year ended March 31.", "1989-10-31", "March 31",
     "1989-03-31"),
    ("Officials said the delegation would travel to Havana on Thursday.", "2000-04-05",
     "Thursday", "2000-04-06"),  # 2000-04-05 is a Wednesday; "would": ahead of the report
    ("The court set Friday as the deadline for the appeal.", "2000-01-15", "Friday",
     "2000-01-14"),  # a scheduling verb in the simple past: the past tense decides
    ("The council has scheduled a vote on Friday.", "2000-01-12", "Friday", "2000-01-14"),
    ("The council postponed the vote until Tuesday.", "2000-03-30", "Tuesday",
     "2000-04-04"),  # postponing points ahead in any tense
    ("The carrier, on patrol since March, returns to port.", "1990-08-13", "March",
     "1990-03"),  # "since": before the publication, however the verb reads
    ("The chain reported sales of $59 million in the fiscal year ended Jan. 31.",
     "1989-10-31", "Jan. 31", "1989-01-31"),  # nine months back, beyond a tense's reach
    ("The bank created an office of the chairman, effective Feb. 1.", "1989-10-26", "Feb. 1",
     "1990-02-01"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value"), ANCHORING)
def test_the_tense_places_partial_dates(nlp, text, published, expression, value) -> None:
    assert one(nlp, text, expression, published).value == value


# -- underspecified expressions ---------------------------------------------------------------

UNDERSPECIFIED = [
    # sentence, published, expression, value, modifier
    ("Hate groups have grown over the past year, a report says.", "1998-03-03",
     "the past year", "1997", None),  # TimeML: the calendar period, not a duration
    ("Wages lost ground to inflation in the last decade.", "1998-02-06", "the last decade",
     "198X", None),
    ("The plant will be closed over the next year.", "1989-11-02", "the next year", "1990",
     None),
    ("The president arrived in Philadelphia later in the day.", "1998-02-13",
     "later in the day", "1998-02-13", "LATE"),
    ("The goal is to have the troops there by the end of the month.", "1990-08-13",
     "the end of the month", "1990-08", "LATE"),
    ("Apple passed Wal-Mart as the top music seller at the beginning of the year.",
     "2008-04-09", "the beginning of the year", "2008", "EARLY"),
    ("Sales were delayed earlier in the year by heavy rains.", "1989-10-26",
     "earlier in the year", "1989", "EARLY"),
    ("Sales rose in the second half, the company said.", "2023-01-18", "the second half",
     "2022-H2", None),
    ("Sales will recover in the first half.", "2023-10-18", "the first half", "2024-H1",
     None),
    ("Today is the 99th day of the strike.", "2023-01-18", "the 99th day", "2023-01-18",
     None),
    ("Demand stayed weak well into the summer.", "1989-10-26", "the summer", "1989-SU", None),
    ("Talks stalled over the winter.", "2023-03-15", "the winter", "2022-WI",
     None),  # the winter just over (December 2022 - February 2023), not the next one
    ("By the end of the decade, output had doubled.", "2023-03-15", "the end of the decade",
     "202X", "LATE"),
]


@pytest.mark.parametrize(("text", "published", "expression", "value", "modifier"),
                         UNDERSPECIFIED)
def test_underspecified_expressions_get_a_value(nlp, text, published, expression, value,
                                                modifier) -> None:
    t = one(nlp, text, expression, published)
    assert (t.value, t.modifier) == (value, modifier)


def test_the_day_in_apposition_is_the_date_itself(nlp) -> None:
    text = "Eight days after Oct. 12, the day before the crash, the index had fallen 4%."
    assert one(nlp, text, "the day", "1989-10-30").value == "1989-10-12"


def test_the_day_after_counts_from_the_date_in_focus(nlp) -> None:
    text = "The rebels attacked the town on May 3. The day after the attack, aid arrived."
    assert one(nlp, text, "The day", "2023-05-20").value == "2023-05-04"


def test_the_following_month_reaches_back_four_sentences(nlp) -> None:
    text = ("In March, the company received an offer. The board rejected it. It hired "
            "bankers. The following month, the company put itself up for sale.")
    assert one(nlp, text, "The following month", "1989-10-27").value == "1989-04"


@pytest.mark.parametrize(("text", "value"), [
    ("The war began on March 20, 2003. At the time, the embassy said nothing.", "2003-03-20"),
    ("At the time, the embassy said nothing.", "PAST_REF"),
])
def test_at_the_time_is_the_date_in_focus(nlp, text, value) -> None:
    assert one(nlp, text, "the time", "2023-02-18").value == value


@pytest.mark.parametrize(("text", "value"), [
    # the comparison of company reports: the date in focus a year before, at its precision
    ("For the six months ended Aug. 12, net income was C$6.5 million, compared with "
     "C$18.1 million a year earlier.", "1988-08-12"),
    ("Profit rose in the third quarter to $155 million from $99 million a year earlier.",
     "1988-Q3"),
])
def test_a_year_earlier_keeps_the_precision_of_the_date_in_focus(nlp, text, value) -> None:
    assert one(nlp, text, "a year earlier", "1989-10-26").value == value


# -- durations without a count, times of day -----------------------------------------------------

@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Many more patients died over the years.", "the years", "PXY"),
    ("The decades-long dispute with the Beatles is over.", "decades-long", "PXY"),
    ("Thousands were taken prisoner in the first hours of the war.", "the first hours", "PTXH"),
    ("Eight trading days after the crash, the index had recovered.", "Eight trading days",
     "P8D"),
])
def test_durations(nlp, text, expression, value) -> None:
    t = one(nlp, text, expression, "2023-01-18")
    assert (t.value, t.type) == (value, "DURATION")


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # 1998-08-08 is a Saturday: Friday is the 7th
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
     "1998-08-08", "10:35 a.m.", "1998-08-07T10:35"),
    ("The jet made its first test flight Tuesday in Everett at 18:00 UTC.", "2009-12-16",
     "18:00 UTC", "2009-12-15T18:00Z"),
    ("The father will leave at 4 in the morning, Castro said.", "2000-04-05",
     "4 in the morning", "2000-04-05T04:00"),
    ("By mid-afternoon, officials said the operation was over.", "1998-03-06",
     "mid-afternoon", "1998-03-06TAF"),
    ("The suspect was to appear before a judge at midday.", "1999-10-08", "midday",
     "1999-10-08T12:00"),
])
def test_times_of_day_take_the_day_named_next_to_them(nlp, text, published, expression,
                                                      value) -> None:
    t = one(nlp, text, expression, published)
    assert (t.value, t.type) == (value, "TIME")


def test_a_clock_time_with_its_own_day_keeps_it(nlp) -> None:
    # 2023-03-15 is a Wednesday
    text = "The talks began on Monday and will resume at 9 a.m. Thursday."
    assert one(nlp, text, "9 a.m. Thursday", "2023-03-15").value == "2023-03-16T09:00"


@pytest.mark.parametrize("text", [
    "Morning newspapers carried the story.",
    "He watched the evening news.",
    "Trading volume in the morning session was 162 million shares.",
])
def test_a_part_of_the_day_needs_a_preposition(nlp, text) -> None:
    assert not [t for t in times(nlp, text, "2023-01-18") if t.type == "TIME" and t.value]


# -- datelines, headers, and tokens that merely look like dates ------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("WASHINGTON, Jan. 18 (Reuters) - The talks resumed on Friday.", "2023-01-18", "Jan. 18",
     "2023-01-18"),
    ("Published: 18 January 2023\nThe talks resumed.", "2023-01-18", "18 January 2023",
     "2023-01-18"),
    ("Northrop Grumman wins tanker contract\nMarch 01, 2008\nThe Air Force chose the bid.",
     "2008-03-01", "March 01, 2008", "2008-03-01"),
    ("He was arrested in a 2010 raid on the compound.", "2013-05-02", "2010",
     "2010"),  # TimeML: a year used as an adjective is still a date
])
def test_datelines_and_headers(nlp, text, published, expression, value) -> None:
    assert one(nlp, text, expression, published).value == value


@pytest.mark.parametrize("text", [
    "Clocks go forward when British Summer Time begins.",
    "The Arab Spring changed the region.",
])
def test_names_that_hold_a_season_are_no_dates(nlp, text) -> None:
    assert not [t for t in times(nlp, text, "2023-03-20") if t.value]
