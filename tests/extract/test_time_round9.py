"""Classes of the ninth #16 round, found in batteries of sentences written for modern wire
news (forecasts, announcements, company results, the press quoted by name). Each class was
checked over PolNeAR train and dev and CoNLL testa (tools/timex_unlabelled.py --ours, each
moved expression read) and scored on the TBAQ quarters. Every sentence here was written for
this file; every value was worked out from a calendar and the publication date given with
it."""

from __future__ import annotations

import pytest

from tests.extract.test_time_round3 import texts

# -- a plan's verb whose lemma the tagger misreads, and verbs of forecasting -------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # the lemmatizer reads "hopes" as "hop" and "slated" as "slat": the form decides too
    ("He hopes to sign the deal on Monday, aides said.", "2013-03-14", "Monday", "2013-03-18"),
    ("Voting is slated to begin Saturday in the capital.", "2013-03-14", "Saturday", "2013-03-16"),
    ("The minister hopes to visit Havana on Sunday.", "2016-01-20", "Sunday", "2016-01-24"),
    # forecasts told in the passive: ahead
    ("The storm is forecast to hit the coast by Friday evening.", "2013-03-14", "Friday evening",
     "2013-03-15TEV"),
    ("The typhoon is predicted to make landfall on Sunday.", "2015-08-05", "Sunday", "2015-08-09"),
    ("Growth is projected to slow in the fourth quarter.", "2013-03-14", "the fourth quarter",
     "2013-Q4"),
    ("The former general is tipped to become prime minister in May.", "2013-09-14", "May",
     "2014-05"),
])
def test_plans_and_forecasts_are_ahead(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a forecast of the past, or a plan as it stood: not moved ahead
    ("Growth was forecast to reach 3 percent in 2012.", "2013-03-14", "2012", "2012"),
    ("The storm hit the coast on Friday, a day earlier than forecast.", "2013-03-14", "Friday",
     "2013-03-08"),
    ("Officials met on Monday to discuss the plan.", "2013-03-14", "Monday", "2013-03-11"),
])
def test_plans_and_forecasts_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a passive infinitive after its noun: what is planned -------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The report, to be published on Monday, says the economy shrank.", "2013-03-14", "Monday",
     "2013-03-18"),
    ("The vote, to be held on Sunday, is seen as a test for the government.", "2013-03-14",
     "Sunday", "2013-03-17"),
    ("He is recasting an address on the military, to be delivered Wednesday at the Citadel.",
     "2015-11-17", "Wednesday", "2015-11-18"),
])
def test_a_passive_infinitive_after_its_noun(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # after an ordinal or a superlative it tells what happened
    ("He was the only candidate to be arrested on Monday.", "2013-03-14", "Monday", "2013-03-11"),
    ("She was the first woman to be elected on Sunday, officials said.", "2013-03-14", "Sunday",
     "2013-03-10"),
])
def test_a_passive_infinitive_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a frequency word inside a name ----------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression"), [
    ("China Daily said the plan was approved.", "2013-03-14", "Daily"),
    ("People's Daily said the talks would go on.", "2016-05-02", "Daily"),
])
def test_a_frequency_word_in_a_name(nlp, text, published, expression) -> None:
    assert expression not in texts(nlp, text, published)


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Daily flights to Havana resumed in March.", "2013-03-14", "Daily", "P1D"),
    ("FLIGHTS TO HAVANA RESUME DAILY", "2013-03-14", "DAILY", "P1D"),
    ("The government has held such rallies almost daily.", "2000-01-28", "daily", "P1D"),
])
def test_a_frequency_word_in_a_name_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "the full year": the year under report ---------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Sales for the full year were $6.6 billion, up 13 percent.", "1989-10-25", "the full year",
     "1989"),
    ("The chief executive forecast an earnings increase for the full year.", "2013-07-30",
     "the full year", "2013"),
    ("Frater declined to give a forecast for the full year.", "1996-08-30", "the full year",
     "1996"),
    # early in a year, told in the past: the year just ended
    ("For the full year, profit rose 5 percent, the bank said.", "2013-02-14", "the full year",
     "2012"),
])
def test_the_full_year(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_a_full_year_is_a_duration(nlp) -> None:
    assert texts(nlp, "It will take a full year to recover.", "2013-03-14").get("a full year") == "P1Y"


# -- "due" with a place between, and "expected" in the present --------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("He is due in court on Friday.", "2013-03-14", "Friday", "2013-03-15"),
    ("The envoy is due back in Washington on Monday.", "2013-03-14", "Monday", "2013-03-18"),
    ("The results of Sunday's vote are expected Monday.", "2013-03-14", "Monday", "2013-03-18"),
    ("A decision is expected on Friday, a court spokesman said.", "2016-05-02", "Friday",
     "2016-05-06"),
    ("The verdict, expected Tuesday, could send him to prison.", "2013-03-14", "Tuesday",
     "2013-03-19"),
])
def test_due_and_expected_are_ahead(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # in the past tense: a plan as it stood, the nearer day
    ("A decision was expected on Monday but was delayed.", "2013-03-14", "Monday", "2013-03-11"),
    ("He expected a reply on Monday.", "2013-03-14", "Monday", "2013-03-11"),
    ("The loans fell due in January.", "2013-03-14", "January", "2013-01"),
])
def test_due_and_expected_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a weekday right after the week it belongs to ---------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("He spoke with him last week, on Wednesday, and I expect they will speak again soon.",
     "2013-03-14", "Wednesday", "2013-03-06"),
    ("They met last week on Tuesday to discuss the plan.", "2013-03-14", "Tuesday", "2013-03-05"),
    ("Next week, on Tuesday, the talks resume in Geneva.", "2013-03-14", "Tuesday", "2013-03-19"),
])
def test_a_weekday_after_its_week(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a sentence between, or a week counted from one in focus: the weekday by its tense
    ("He came last week. On Friday he left for Rome.", "2013-03-14", "Friday", "2013-03-08"),
    ("The following week, on Friday, he quit.", "2013-03-14", "Friday", "2013-03-08"),
])
def test_a_weekday_after_its_week_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a month that may be a name, after a verb of planning -------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The election, the first since the 2011 uprising, is set for June.", "2013-03-14", "June",
     "2013-06"),
    ("The vote was scheduled for May but was postponed to August.", "2013-03-14", "May",
     "2013-05"),
    ("The summit planned for March was cancelled.", "2013-01-10", "March", "2013-03"),
])
def test_a_month_after_a_verb_of_planning(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression"), [
    ("Lawmakers voted for May in the leadership contest.", "2016-07-08", "May"),
    ("Thousands joined the March for Life on Capitol Hill.", "2013-01-26", "March"),
])
def test_a_month_after_a_verb_of_planning_controls(nlp, text, published, expression) -> None:
    assert expression not in texts(nlp, text, published)


# -- "today's" before a noun of the present age ----------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression"), [
    ("In today's world, no country can act alone.", "2013-03-14", "today"),
    ("Facts may be losing their value in today's world, a professor said.", "2015-12-12", "today"),
    ("In today's political climate, change wins.", "2016-06-01", "today"),
    ("Many of today's personal computers use the chip.", "1989-11-02", "today"),
    ("The case is for today's youth what the blockade was for their parents.", "2000-01-15",
     "today"),
])
def test_today_as_the_present_age(nlp, text, published, expression) -> None:
    assert expression not in {k.lower() for k in texts(nlp, text, published)}


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Now for today's geography quiz.", "1998-01-21", "today", "1998-01-21"),
    ("Today's meeting was cancelled after the attack.", "2013-03-14", "Today", "2013-03-14"),
    ("Today's prices rose on heavy buying.", "1989-10-25", "Today", "1989-10-25"),
])
def test_today_as_the_present_age_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a quarter named by its months, and a fiscal year written as one word ---------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Japan's economy shrank in the October-December period, the government said.",
     "2013-02-14", "the October-December period", "2012-Q4"),
    ("Profit rose 12 percent in the July-September quarter.", "2013-11-08",
     "the July-September quarter", "2013-Q3"),
    ("Output is expected to grow in the April-June quarter.", "2013-03-14",
     "the April-June quarter", "2013-Q2"),
    ("Exports rose 5 percent in the January-March quarter of 2012.", "2013-03-14",
     "the January-March quarter of 2012", "2012-Q1"),
    ("The economy grew in the July to September quarter.", "2013-03-14",
     "the July to September quarter", "2012-Q3"),
    ("The deficit for FY2013 was larger than forecast.", "2013-11-14", "FY2013", "2013"),
])
def test_a_quarter_by_its_months_and_fiscal_years(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_months_that_span_no_calendar_quarter(nlp) -> None:
    found = texts(nlp, "Sales fell in the November-January quarter.", "2013-03-14")
    assert "the November-January quarter" not in found
    assert found.get("November") == "2012-11"


# -- "for the week/month/year": the period a report covers ------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("For the year, pet food volume was flat, the company said.", "1989-11-02", "the year",
     "1989"),
    ("The stock rose to a high for the year of $42.875 a share in June.", "1989-10-30",
     "the year", "1989"),
    ("The Nasdaq closed lower Friday. For the week, it was down 1.55 points.", "1996-08-30",
     "the week", "1996-W35"),
    ("Retail sales rose 2 percent for the month, the agency said.", "2013-03-29", "the month",
     "2013-03"),
])
def test_the_period_a_report_covers(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Net income for the year ended March 31 rose.", "1989-10-25", "the year", "P1Y"),
    ("The plan for the year 2000 was approved.", "1989-10-25", "the year 2000", "2000"),
])
def test_the_period_a_report_covers_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_the_year_ahead_is_no_report(nlp) -> None:
    assert "the year" not in texts(nlp, "He will stay for the year ahead.", "2013-03-14")


# -- wire copy's 24-hour clock ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Polls close at 1800 GMT, the commission said.", "2013-03-14", "1800 GMT",
     "2013-03-14T18:00Z"),
    ("The shares rose 0.2 percent by 1350 GMT in an easier market.", "1996-08-30", "1350 GMT",
     "1996-08-30T13:50Z"),
    ("The ceasefire began at 0600 GMT on Tuesday.", "2013-03-14", "0600 GMT on Tuesday",
     "2013-03-12T06:00Z"),
])
def test_a_24_hour_clock(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_a_clock_restated_in_gmt(nlp) -> None:
    # "10:35 a.m. (0735 GMT)": the same time restated; TimeBank tags the first only
    found = texts(nlp, "The blast occurred at 10:35 a.m. (0735 GMT) Friday.", "1998-08-08")
    assert found.get("10:35 a.m.") == "1998-08-07T10:35"
    assert "0735 GMT" not in found


# -- a decade written without its century -----------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Clinton said she comes from the 60s, a long time ago.", "2015-11-16", "the 60s", "196X"),
    ("Since the late 90s, trade between the two countries has grown.", "2013-03-14",
     "the late 90s", "199X"),
    ("Cuba was a Soviet ally in the 60s and 70s.", "2013-03-14", "70s", "197X"),
])
def test_a_decade_without_its_century(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published"), [
    ("Temperatures will be in the 80s through Friday.", "2013-07-10"),
    ("His approval ratings are in the 40s.", "2013-03-14"),
    ("He is in his 80s.", "2013-03-14"),
])
def test_a_decade_without_its_century_controls(nlp, text, published) -> None:
    assert not any(v.endswith("X") and len(v) == 4 for v in texts(nlp, text, published).values())


# -- days said as words, as speeches and statements say them ----------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("We met with the delegation on the fifth of March.", "2013-03-14", "the fifth of March",
     "2013-03-05"),
    ("On the twenty-first of June, 2012, the treaty was signed.", "2013-03-14",
     "the twenty-first of June, 2012", "2012-06-21"),
    ("It happened on March the 5th, the minister said.", "2013-03-14", "March the 5th",
     "2013-03-05"),
    ("Ten days from today, the law takes effect.", "2013-03-14", "Ten days from today",
     "2013-03-24"),
])
def test_days_said_as_words(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression"), [
    ("In March the first shipment arrived.", "2013-03-14", "March the first"),
    ("He was the first of May's ministers to resign.", "2017-03-14", "the first of May"),
])
def test_days_said_as_words_controls(nlp, text, published, expression) -> None:
    assert expression not in texts(nlp, text, published)


# -- a week of a month ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # the ISO week holding the middle day of that seven-day stretch
    ("Talks will resume in the first week of April.", "2013-03-14", "the first week of April",
     "2013-W14"),
    ("Clinton's peak came the last week of October after a debate.", "2016-01-19",
     "the last week of October", "2015-W44"),
    ("Three polls conducted the first week of March have Clinton leading.", "2016-03-11",
     "the first week of March", "2016-W09"),
    ("The vote is set for the third week of May 2014.", "2013-03-14",
     "the third week of May 2014", "2014-W20"),
])
def test_a_week_of_a_month(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a range of months told in the past -------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Exports rose between April and June, the ministry said.", "2013-03-14", "April", "2012-04"),
    ("Exports rose between April and June, the ministry said.", "2013-03-14", "June", "2012-06"),
    ("Between March and June, exports rose 4 percent.", "2013-03-14", "June", "2012-06"),
    ("From March to June, the ban held.", "2016-03-20", "March", "2015-03"),
])
def test_a_range_of_months_told_in_the_past(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Exports will rise between April and June.", "2013-03-14", "June", "2013-06"),
    ("From October to February, the ban held.", "2013-03-14", "February", "2013-02"),
    ("Police found 3,210 victims between January 1 and September 26.", "2013-09-29",
     "January 1", "2013-01-01"),
])
def test_a_range_of_months_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "the next year" told in the past: the one after the date in focus -------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The company was founded in 1998 and went public the next year.", "2013-03-14",
     "the next year", "1999"),
    ("The province brought in the tax in 2008, and the opposition fought it in elections the "
     "next year.", "2016-03-03", "the next year", "2009"),
    ("McCarthy made the remark in September 2015. The next month, a former staffer sued.",
     "2016-02-19", "The next month", "2015-10"),
])
def test_the_next_year_told_in_the_past(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a stretch from now
    ("Officials expect to raise rates by one point over the next year.", "2015-11-09",
     "the next year", "2016"),
    ("I'll release mine in the next week, Pence said.", "2016-09-03", "the next week",
     "2016-W36"),
])
def test_the_next_year_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a weekday as a present copula's predicate, and the first or last day of a month -----------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # the nearer day
    ("The deadline is Friday, officials said.", "2013-03-14", "Friday", "2013-03-15"),
    ("The vote is on Sunday and turnout is expected to be low.", "2013-03-14", "Sunday",
     "2013-03-17"),
    ("The deadline for bids is the end of business on Friday.", "2016-05-05", "Friday",
     "2016-05-06"),
    ("On the last day of March, the law expires.", "2013-03-14", "the last day of March",
     "2013-03-31"),
    ("He resigned on the last day of February.", "2013-03-14", "the last day of February",
     "2013-02-28"),
    ("The first day of June 2014 is a Sunday.", "2013-03-14", "The first day of June 2014",
     "2014-06-01"),
    ("The envoy arrived on the second day of March.", "2013-03-14", "the second day of March",
     "2013-03-02"),
])
def test_a_copula_weekday_and_edge_days(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_a_present_of_saying_stays_past(nlp) -> None:
    found = texts(nlp, "Clinton says on Monday that she will run.", "2013-03-14")
    assert found.get("Monday") == "2013-03-11"


# -- "of the year/month/week": the publication's period ----------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Revenue rose to $713.5 million through the first nine months of the year.", "1989-10-30",
     "the year", "1989"),
    ("The Fed is expected to act at its final meeting of the year in December.", "2015-11-09",
     "the year", "2015"),
    ("Cruz drew one of his smaller crowds of the month.", "2016-01-27", "the month", "2016-01"),
    ("People are going to talk about that for the rest of the week.", "2016-01-27", "the week",
     "2016-W04"),
    # told in the past in January: the year just ended
    ("A boutique was involved in each of the eight largest deals of the year.", "2016-01-07",
     "the year", "2015"),
])
def test_of_the_year(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published"), [
    ("Merkel's selection as Time's person of the year drew criticism.", "2015-12-09"),
    ("Marco Rubio will be the flavor of the week, an expert said.", "2016-02-02"),
    ("He was named Person of the Year.", "2013-12-12"),
])
def test_of_the_year_controls(nlp, text, published) -> None:
    found = texts(nlp, text, published)
    assert "the year" not in found and "the week" not in found and "the Year" not in found


# -- a holiday's weekend, a futures month that may be a name, a period after a verb -------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Crude saw lackluster buying ahead of the U.S. Labor Day weekend.", "1996-08-30",
     "Labor Day weekend", "1996-W35-WE"),
    ("She married him on Memorial Day weekend in the Florida Keys.", "2016-07-29",
     "Memorial Day weekend", "2016-W21-WE"),
    ("The report shook the markets ahead of the long Labour Day weekend.", "1996-08-30",
     "Labour Day weekend", "1996-W35-WE"),
    ("March Eurodollars were off 13 bps at 93.72.", "1996-08-30", "March", "1997-03"),
    ("December Eurodollars were down 11 bps at 93.94.", "1996-08-30", "December", "1996-12"),
    ("The long bond jumped to 7.13 percent after starting the year at 5.95 percent.",
     "1996-08-30", "the year", "1996"),
    ("The S&P 500 closed the week down slightly.", "2016-07-30", "the week", "2016-W30"),
])
def test_holiday_weekends_futures_and_period_verbs(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_labour_day_alone_is_may_day(nlp) -> None:
    found = texts(nlp, "Workers marched on Labour Day in Beijing.", "1996-08-30")
    assert found.get("Labour Day") == "1996-05-01"


def test_a_week_from_tonight(nlp) -> None:
    found = texts(nlp, "We'll see what it translates to a week from tonight.", "2016-01-26")
    assert found.get("a week from tonight") == "2016-W05"


# -- an hour said as a word, as transcripts write it -------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Polls close at eleven p.m., the commission said.", "2013-03-14", "eleven p.m.",
     "2013-03-14T23:00"),
    ("At eight o'clock tonight, the president will speak.", "2013-03-14", "eight o'clock tonight",
     "2013-03-14T20:00"),
    ("People knock me for tweeting at three o'clock in the morning.", "2016-09-30",
     "three o'clock", "2016-09-30T03:00"),
])
def test_an_hour_said_as_a_word(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_a_number_word_alone_is_no_hour(nlp) -> None:
    assert texts(nlp, "One of them left at once; two stayed.", "2013-03-14") == {}


# -- the end of the year told in the past: last year's ----------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("At the end of the year, the bank cut rates again.", "2013-02-14", "the end of the year",
     "2012"),
    ("By the end of the year, he had climbed to 35 percent.", "2016-06-05",
     "the end of the year", "2015"),
    ("Late in the year, the economy recovered.", "2013-02-14", "Late in the year", "2012"),
    ("At the end of the month, the rebels withdrew from the town.", "2013-03-14",
     "the end of the month", "2013-02"),
    ("By the end of the week, the talks had collapsed.", "2013-03-13", "the end of the week",
     "2013-W10"),
])
def test_the_end_of_the_year_told_in_the_past(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The bank will cut rates by the end of the year.", "2013-02-14", "the end of the year",
     "2013"),
    ("Earlier in the year, sales fell.", "2013-02-14", "Earlier in the year", "2013"),
    ("Late in the year, the economy recovered.", "2013-11-14", "Late in the year", "2013"),
    ("The deal will be signed by the end of the month.", "2013-03-14", "the end of the month",
     "2013-03"),
    ("Late in the week, prices rose.", "2013-03-14", "Late in the week", "2013-W11"),
])
def test_the_end_of_the_year_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- the start of a period told as future once it has gone: the next one's ---------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The law will take effect at the beginning of the year.", "2013-11-14",
     "the beginning of the year", "2014"),
    ("Talks will resume at the start of the month.", "2013-11-14", "the start of the month",
     "2013-12"),
    ("Talks will resume at the start of the week.", "2013-03-14", "the start of the week",
     "2013-W12"),
])
def test_the_start_of_a_period_told_ahead(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("At the beginning of the year, sales fell.", "2013-11-14", "the beginning of the year",
     "2013"),
    ("Earlier in the year, sales fell.", "2013-11-14", "Earlier in the year", "2013"),
    ("The law will take effect at the beginning of the month.", "2013-11-02",
     "the beginning of the month", "2013-11"),
])
def test_the_start_of_a_period_controls(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a season of the year in focus --------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The war began in 2003. It ended in the spring of that year.", "2013-03-14",
     "the spring of that year", "2003-SP"),
    ("He was elected in 2008 and resigned in the summer of the following year.", "2013-03-14",
     "the summer of the following year", "2009-SU"),
])
def test_a_season_of_the_year_in_focus(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_the_same_period_of_the_previous_year(nlp) -> None:
    # "period" is a trigger word now: the rules are tried near it, not only near "year"
    found = texts(nlp, "Sales rose from the same period of the previous year.", "2007-01-18")
    assert found.get("the same period of the previous year") == "2006"
    found = texts(nlp, "Sales rose 30 percent from the same period of the last year.", "2007-01-18")
    assert found.get("the same period of the last year") == "2006"


# -- a year written with two digits after an apostrophe ----------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Why electing Hillary in ‘16 is more important than electing Obama in ‘08.", "2016-03-10",
     "‘08", "2008"),
    ("The deficit will reverse course in '16 as the country ages.", "2016-01-20", "'16", "2016"),
    ("He served in '68 in Vietnam.", "2016-03-14", "'68", "1968"),
])
def test_a_two_digit_year(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


def test_a_quoted_number_is_no_year(nlp) -> None:
    assert texts(nlp, "They are back -- and so are ''24,'' and ''Prison Break.''", "2016-01-20") == {}
