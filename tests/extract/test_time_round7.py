"""Classes of the seventh #16 round, found by reading our values beside HeidelTime's on the
PolNeAR *dev* texts (political news of Sept.-Oct. 2016, never read for time before) and
checked over PolNeAR train and dev and CoNLL testa (tools/timex_unlabelled.py --ours, each
moved expression read). Every sentence here was written for this file (news, statements,
transcripts, schedules); every value was worked out from a calendar and the publication date
given with it."""

from __future__ import annotations

import pytest

from tests.extract.test_time_round3 import texts

# -- the two ends of a range in order --------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # January 5 is 278 days back, beyond the reach of the past tense: alone it would be the
    # next one; as the first end of a range closed on October 2 it is this year's
    ("Customs seized 3.1 tonnes of cocaine between January 5 and October 2, a spokesman said.",
     "2019-10-10", "January 5", "2019-01-05"),  # news (a Thursday)
    ("SPOKESPERSON: From February 1 through November 3 we processed 9,000 visa requests.",
     "2021-11-08", "February 1", "2021-02-01"),  # a transcript
    # one end with its year written: the other end shares it (or the next year's, in order)
    ("He served as ambassador in Caracas from November 2009 to March.", "2016-05-01",
     "March", "2010-03"),
    ("The embargo on fuel lasted from October to February 2012.", "2016-05-01",
     "October", "2011-10"),  # a statement
    ("Trade rose from January 2014 to June, the ministry reported.", "2016-05-01",
     "June", "2014-06"),
])
def test_the_ends_of_a_range_are_in_order(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # already in order: nothing moves
    ("The poll was conducted from Sept. 19 to 22 among likely voters.", "2016-09-25",
     "Sept. 19", "2016-09-19"),
    ("Votes cast between Monday and March 14 will count.", "2016-01-31", "March 14",
     "2016-03-14"),
    ("Imports fell between 2002 and 2010.", "2016-04-27", "2002", "2002"),
])
def test_a_range_already_in_order_is_kept(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a weekday's event told in the present: the nearer one -------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # Thursday: Monday is 3 days back and 4 ahead
    ("The impact of Monday's debate is still small, the pollster says.", "2016-09-29",
     "Monday", "2016-09-26"),
    # Thursday: Tuesday is 2 days back and 5 ahead
    ("Her victory in Tuesday's primary gives her campaign new momentum.", "2016-03-10",
     "Tuesday", "2016-03-08"),
    # Thursday: Saturday is 2 days ahead and 5 back
    ("Sanders holds a narrow lead in Saturday's caucuses, a new poll shows.", "2016-03-03",
     "Saturday", "2016-03-05"),
    # Thursday: Sunday is 3 days ahead and 4 back
    ("Voters head into Sunday's referendum divided, the survey finds.", "2017-09-28",
     "Sunday", "2017-10-01"),
])
def test_a_weekdays_event_in_the_present_is_the_nearer(nlp, text, published, expression,
                                                       value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a participle opening its segment takes its clause's tense ---------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # Sunday: the participle is far from its verb of saying, "would" is nearer but is the
    # reported clause's
    ("Obama, opening the new museum of the nation's history on the Mall on Saturday, said it "
     "would tell an American story.", "2016-09-25", "Saturday", "2016-09-24"),
    # Friday
    ("The foreign minister, addressing the closing session of the regional summit of "
     "Caribbean and Central American states on Tuesday, said his country would host the next "
     "one.", "2019-04-12", "Tuesday", "2019-04-09"),
    # Monday: the clause's verb is a future
    ("Addressing the assembly on Thursday, the president will outline the new budget.",
     "2018-02-05", "Thursday", "2018-02-08"),
])
def test_a_participle_clause_takes_its_clauses_tense(nlp, text, published, expression,
                                                     value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a progressive is no participle clause
    ("The minister was addressing the assembly on Thursday when the lights went out.",
     "2018-02-05", "Thursday", "2018-02-01"),
    ("Speaking on Thursday, the spokesman said the embassy would reopen.", "2018-02-05",
     "Thursday", "2018-02-01"),
])
def test_participle_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a month after the simple present of an event: a timetable, ahead ----------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The court's term begins next Monday and ends in June.", "2016-09-27", "June", "2017-06"),
    # August: March is 5 months back and 7 ahead
    ("The ceasefire expires in March, diplomats say.", "2018-08-10", "March", "2019-03"),
    ("The new school year opens in February under the decree.", "2021-06-15", "February",
     "2022-02"),  # a statement
])
def test_a_month_after_a_simple_present_event_is_ahead(nlp, text, published, expression,
                                                       value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The session ended in June.", "2016-09-27", "June", "2016-06"),
    # not for "the weekend": a Monday's "from over the weekend" is the one just past
    ("The new spot features a report from over the weekend about his taxes.", "2016-10-03",
     "the weekend", "2016-W39-WE"),
])
def test_timetable_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- words that only look like times -----------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "absent"), [
    ("Merkel spoke to reporters after the day-long meeting on a boat.", "2016-09-18", "the day"),
    ("The day-old ceasefire held, the monitors said.", "2016-09-18", "The day"),
    ("USA TODAY's tally does not include money given to the parties.", "2016-09-22", "TODAY"),
    ("She is on the 3rd Congressional District delegate slate.", "2016-04-09", "the 3rd"),
    ("Dunn, from the 4th District, is a delegate candidate.", "2016-04-09", "the 4th"),
    ("The campaign hopes undecided voters will carry the day in Florida.", "2016-05-23",
     "the day"),
    ("The drug squad saved the day, the mayor said.", "2016-05-23", "the day"),
    ("Mexico retaliated against Christmas trees rather than car engines.", "2016-09-28",
     "Christmas"),
    ("Protesters wore Halloween masks outside the embassy.", "2015-11-08", "Halloween"),
])
def test_not_a_time(nlp, text, published, absent) -> None:
    assert absent not in texts(nlp, text, published)


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Talks resumed March 1 and ended on the 3rd, officials said.", "2016-04-09", "the 3rd",
     "2016-03-03"),
    ("Sanders won Rhode Island; the day's other primaries went to Clinton.", "2016-04-27",
     "the day", "2016-04-27"),
    ("Retailers expect a strong Christmas shopping season.", "2016-09-28", "Christmas",
     "2016-12-25"),
])
def test_times_beside_them_stay(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- the day in focus ---------------------------------------------------------------------------

def test_a_year_sentences_back_does_not_date_the_storys_day(nlp) -> None:
    text = ("Clinton defended the 2011 raid that killed bin Laden. She said the decision was "
            "hard. During a speech earlier in the day, Trump attacked her record.")
    assert texts(nlp, text, "2016-09-08").get("earlier in the day") == "2016-09-08"


def test_a_year_in_the_same_sentence_still_dates_the_day(nlp) -> None:
    text = "In 2008, in Denver, the day she conceded, I was a delegate."
    assert texts(nlp, text, "2016-01-31").get("the day") == "2008"


@pytest.mark.parametrize(("text", "published", "value"), [
    ("The group will air its greeting on the day after Christmas.", "2015-12-24", "2015-12-26"),
    ("Talks will resume the day after Easter, the mediator said.", "2019-04-10", "2019-04-22"),
    ("The banks closed the day before Jan. 3, 1999.", "2016-01-31", "1999-01-02"),
])
def test_the_day_after_a_date_named_next(nlp, text, published, value) -> None:
    assert texts(nlp, text, published).get(texts_key(text)) == value


def texts_key(text: str) -> str:
    return "the day" if "the day" in text else "The day"


# -- a clock time and a part of the day ---------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The plan should be developed by 6 o'clock this afternoon.", "2016-09-12",
     "6 o'clock this afternoon", "2016-09-12T18:00"),
    ("The minister will speak at 7 o'clock this evening.", "2014-05-14",
     "7 o'clock this evening", "2014-05-14T19:00"),
    ("The vote is expected at 11 p.m. tonight.", "2014-05-14", "11 p.m. tonight",
     "2014-05-14T23:00"),
    # minutes without a.m./p.m., before a part of the day or "local time" (briefing schedules)
    ("The President will deliver remarks at 10:30 this morning.", "2022-03-09",
     "10:30 this morning", "2022-03-09T10:30"),
    ("MR. PRICE: The Secretary will meet the minister at 1:15 this afternoon.", "2022-03-09",
     "1:15 this afternoon", "2022-03-09T13:15"),
    ("Polls close at 8:30 tonight.", "2022-03-09", "8:30 tonight", "2022-03-09T20:30"),
    ("Trading closed at 4:00 local time.", "2022-03-09", "4:00 local time",
     "2022-03-09T04:00"),
])
def test_a_clock_time_and_a_part_of_the_day_are_one_time(nlp, text, published, expression,
                                                          value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a question: the subject between the auxiliary and the verb -----------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a Thursday
    ("QUESTION: Will you attend the donors' meeting on Tuesday?", "2017-09-28", "Tuesday",
     "2017-10-03"),  # a briefing transcript
    ("Q: What do you expect from Sunday's referendum, Minister?", "2017-09-28", "Sunday",
     "2017-10-01"),
    ("When will the two delegations meet again, Friday?", "2017-09-28", "Friday",
     "2017-09-29"),
    # a past question stays past
    ("Q: Did the ambassador meet him on Tuesday?", "2017-09-28", "Tuesday", "2017-09-26"),
])
def test_a_questions_auxiliary_dates_it(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a relative clause's subject is no inversion
    ("The accord that we signed on Tuesday holds.", "2017-09-28", "Tuesday", "2017-09-26"),
    ("What we saw on Tuesday was shocking, the monitor said.", "2017-09-28", "Tuesday",
     "2017-09-26"),
])
def test_question_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- one story, one Monday: a weekday placed by a guess takes the day the story gives it --------

def times_of(nlp, text: str, published: str, expression: str) -> list[str]:
    from tests.extract.test_time_round3 import times

    return [t.value for t in times(nlp, text, published) if t.text == expression]


@pytest.mark.parametrize(("text", "published", "expression", "values"), [
    # a Thursday: alone, the second Tuesday has no verb and would be the one past
    ("Sanders will face Clinton in Tuesday's Michigan primary. Polls: a close race Tuesday.",
     "2016-03-03", "Tuesday", ["2016-03-08", "2016-03-08"]),
    # a Friday: alone, "the impact of Monday's debate is" is the nearer Monday, ahead
    ("Trump rose a point in the poll since Monday's debate. \u201cThe impact of Monday's debate "
     "is still small,\u201d the pollster wrote.", "2016-09-30", "Monday",
     ["2016-09-26", "2016-09-26"]),
    # a transcript; the day placed by a part of the day counts too
    ("MODERATOR: Welcome back. The candidates met Monday night in Ohio. Q: Senator, what did "
     "Monday's debate change?", "2016-09-30", "Monday", ["2016-09-26"]),
])
def test_a_story_speaks_of_one_weekday(nlp, text, published, expression, values) -> None:
    assert times_of(nlp, text, published, expression) == values


def test_two_placed_days_leave_the_guess_alone(nlp) -> None:
    # "last Monday" and "next Monday" both placed: the guessed one keeps the nearer day
    text = ("The talks ended last Monday and resume next Monday. Monday's meeting is key, "
            "diplomats say.")
    assert times_of(nlp, text, "2016-09-30", "Monday") == ["2016-10-03"]


@pytest.mark.parametrize(("text", "expression"), [
    ("The minister said at this moment there is no plan to withdraw.", "at this moment"),
    ("SPOKESPERSON: At this point in time we have nothing to announce.", "At this point in time"),
])
def test_this_moment_is_the_present(nlp, text, expression) -> None:
    assert texts(nlp, text, "2022-03-09").get(expression) == "PRESENT_REF"


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Who would have believed that when we started this journey on June 16th of last year we "
     "would be here?", "2016-10-02", "June 16th of last year", "2015-06-16"),  # a speech
    ("The embassy reopens on March 3 of next year, the ministry said.", "2019-11-20",
     "March 3 of next year", "2020-03-03"),
])
def test_a_day_of_last_or_next_year(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "value"), [
    # the month named next dates "that day", not the year in focus before it
    ("The company fell behind on its bills in 2015. Until that day in April, Mr. Clarke had "
     "never been in a courtroom.", "2016-10-02", "2016-04"),
    ("MINISTER: We remember that day in March, when the border closed.", "2021-06-15",
     "2021-03"),  # a speech
])
def test_that_day_in_a_month_named_next(nlp, text, published, value) -> None:
    assert texts(nlp, text, published).get("that day") == value


# -- "due" before the time: ahead in the present, the nearer one in the past ----------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # March: October is 5 months back and 7 ahead
    ("Deliveries to the launch customer are not due until October, two years late.",
     "2007-03-19", "October", "2007-10"),  # news (a Monday)
    ("The panel's final report is due in June, the ministry said.", "2019-10-02", "June",
     "2020-06"),  # a statement
    ("The next tranche of the loan will be due on Friday.", "2015-06-30", "Friday",
     "2015-07-03"),
    # past: the nearer (Monday, Friday 4 days ahead and 3 back)
    ("The repayment was due on Friday.", "2015-06-29", "Friday", "2015-06-26"),
])
def test_due_dates_the_time(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The first test flight may take place as early as March.", "2005-01-18", "March",
     "2005-03"),
    ("A vote could come as soon as May, aides say.", "2019-02-11", "May", "2019-05"),
])
def test_as_early_as_a_month(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize("text", [
    "The score was 3:15 at the break.",  # no part of the day after: no clock time
    "Read John 3:16 this morning.",
])
def test_minutes_alone_are_no_clock_time(nlp, text) -> None:
    values = texts(nlp, text, "2022-03-09")
    assert "3:15" not in values and "3:16 this morning" not in values


# -- a quarter "ended" on a date is of that date's year ------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a fiscal quarter ended in February, reported in March: this year's, not last year's Q2
    ("Profit fell 12% in the fiscal second quarter ended Feb. 28.", "2013-03-21",
     "the fiscal second quarter", "2013-Q2"),
    ("Sales rose in the second quarter ended Oct. 31, 1988, the retailer said.", "1989-11-02",
     "the second quarter", "1988-Q2"),
    ("The group reported a loss for its first quarter ending Dec. 31.", "2020-01-20",
     "its first quarter", "2019-Q1"),
])
def test_a_quarter_ended_on_a_date(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a headline: "to" + verb is ahead; its present is the nearer day unless the body says --------

@pytest.mark.parametrize(("text", "published", "values"), [
    # a Friday: "to meet" in headlinese is ahead
    ("EU to meet Sunday on Cyprus bailout\n\nBRUSSELS (AP) - Finance ministers gather again.",
     "2013-03-22", ["2013-03-24"]),
    ("Senate to vote Thursday on stopgap bill\nLawmakers are divided.", "2015-12-14",
     ["2015-12-17"]),
    # the present of a headline: the body's day decides
    ("Obama arrives in Israel Wednesday\n\nJERUSALEM (AP) - President Obama arrived on "
     "Wednesday for his first visit as president.", "2013-03-22", ["2013-03-20", "2013-03-20"]),
    # alone, the nearer day (a Friday: Thursday is 1 day back, Monday 3 days ahead)
    ("Markets fall Thursday on Cyprus fears\nStocks slid.", "2013-03-22", ["2013-03-21"]),
    ("Cyprus faces Monday deadline to raise funds\nBanks stay shut.", "2013-03-22",
     ["2013-03-25"]),
])
def test_a_headline(nlp, text, published, values) -> None:
    from tests.extract.test_time_round3 import times

    assert [t.value for t in times(nlp, text, published) if t.type == "DATE"] == values


def test_a_first_line_that_is_a_sentence_is_no_headline(nlp) -> None:
    # a full stop closes it: the infinitive lends no future ("wants to vote" is a present)
    text = "He wants to vote on Sunday.\nThe count follows."
    assert texts(nlp, text, "2013-03-22").get("Sunday") == "2013-03-17"
