"""Classes of the sixth #16 round: the tense that modals of possibility and obligation lend,
and a deadline with a clock time. Found by probing sentences of the look half's residue
(a deadline "until 9 a.m. Tuesday to sign") and their kin, and checked over PolNeAR train
and CoNLL testa (tools/timex_unlabelled.py --ours, each moved expression read). Every
sentence here was written for this file (news, statements, transcripts, schedules); every
value was worked out from a calendar and the publication date given with it."""

from __future__ import annotations

import pytest

from tests.extract.test_time_round3 import texts

# -- may / might / must / should / can / could + verb: the time is ahead -----------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The Security Council could vote on the draft resolution Friday.", "2019-03-12",
     "Friday", "2019-03-15"),  # news (a Tuesday)
    ("SPOKESPERSON: The minister may travel to Havana on Thursday, weather permitting.",
     "2021-06-07", "Thursday", "2021-06-10"),  # a transcript (a Monday)
    ("Applicants must submit their documents by Monday.", "2018-10-17", "Monday",
     "2018-10-22"),  # a notice (a Wednesday)
    ("Negotiators might resume talks on Sunday in Geneva.", "2017-05-03", "Sunday",
     "2017-05-07"),
    ("The committee can meet Wednesday afternoon if members ask for it.", "2022-09-30",
     "Wednesday afternoon", "2022-10-05TAF"),  # a schedule (a Friday)
    ("The ministry should publish the final figures on Tuesday.", "2023-11-08", "Tuesday",
     "2023-11-14"),  # a statement
])
def test_a_modal_of_possibility_puts_the_time_ahead(nlp, text, published, expression,
                                                    value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # "has to" / "needs to" in the present: an obligation ahead
    ("Lawmakers need to pass the budget by Thursday to avoid a shutdown.", "2015-12-07",
     "Thursday", "2015-12-10"),
    ("The ministry has to present the report to parliament on Tuesday.", "2023-11-08",
     "Tuesday", "2023-11-14"),
    # "had to": a past obligation
    ("The delegation had to leave Caracas on Friday.", "2019-03-12", "Friday", "2019-03-08"),
])
def test_an_obligation_in_the_present_is_ahead(nlp, text, published, expression,
                                               value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # negated, the modal speaks of what was not possible: the tense is not read from it
    ("Officials could not be reached for comment on Friday.", "2019-03-12", "Friday",
     "2019-03-08"),
    ("No one could be located at the site on Wednesday, police said.", "2000-01-06",
     "Wednesday", "2000-01-05"),
    # with have + participle it is a past that did not come about
    ("The rally could have drawn more people on Saturday.", "2016-02-10", "Saturday",
     "2016-02-06"),
    ("The opening on Saturday night could not have gone worse.", "2016-02-10",
     "Saturday night", "2016-02-06TNI"),
    # the modal's verb is far from the expression, which belongs to a noun between
    ("He should also get a boost from the win Tuesday, his aides said.", "2016-02-10",
     "Tuesday", "2016-02-09"),
])
def test_a_modal_does_not_date_what_it_does_not_govern(nlp, text, published, expression,
                                                       value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a deadline "until" a clock time and a day, "to" + verb after ---------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The agency gave the family until 9 a.m. Tuesday to sign the agreement.", "2000-04-03",
     "9 a.m. Tuesday", "2000-04-04T09:00"),  # news (a Monday)
    ("Creditors have until noon Friday to respond to the offer.", "2013-03-18",
     "noon Friday", "2013-03-22T12:00"),
    ("Parties have until 5 p.m. EST Thursday to file comments, the commission said.",
     "2014-01-13", "5 p.m. EST Thursday", "2014-01-16T17:00"),  # a statement
    # a time reached, not given: the past
    ("The session lasted until 9 p.m. Friday.", "2013-03-18", "9 p.m. Friday",
     "2013-03-15T21:00"),
])
def test_a_deadline_with_a_clock_time_is_ahead(nlp, text, published, expression,
                                               value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- an infinitive of purpose after the expression has no tense: the verb on the left dates it -

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The envoys will meet in Doha on Sunday to discuss the ceasefire.", "2024-02-07",
     "Sunday", "2024-02-11"),  # news (a Wednesday)
    ("PRESS SECRETARY: He will be in Ohio Friday to tour a plant.", "2018-08-01", "Friday",
     "2018-08-03"),  # a briefing transcript
    ("Lawmakers need to pass the budget by Thursday to avoid a shutdown.", "2015-12-07",
     "Thursday", "2015-12-10"),
    # the verb on the left in the past: the past
    ("The president flew to Tokyo on Monday to attend the summit.", "2019-06-26", "Monday",
     "2019-06-24"),
])
def test_an_infinitive_after_the_expression_lends_no_tense(nlp, text, published, expression,
                                                          value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "as he prepared to speak on Tuesday": the simple past of "prepare" is the time of its act --

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("As the candidate prepared to speak to supporters in Wisconsin on Tuesday, protesters "
     "gathered outside.", "2016-03-30", "Tuesday", "2016-03-29"),  # news (a Wednesday)
    ("The minister prepared to leave for Geneva on Friday when the call came.", "2019-05-08",
     "Friday", "2019-05-03"),
])
def test_prepared_to_is_a_past(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "was planning to", "were preparing to": a plan as it stood, the nearer day -------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The ambassador was planning to host a reception on Thursday night, aides said.",
     "2016-06-03", "Thursday night", "2016-06-02TNI"),  # a Friday's report: yesterday
    ("Officials were preparing to reopen the border crossing on Monday.", "2021-03-09", "Monday",
     "2021-03-08"),  # a Tuesday's report
    ("The minister was planning to travel to Beijing on Saturday.", "2019-05-02", "Saturday",
     "2019-05-04"),  # a Thursday's report: the Saturday ahead is the nearer
])
def test_a_plan_in_the_past_progressive_takes_the_nearer_day(nlp, text, published, expression,
                                                             value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "since the October endorsement": a month modifying the noun after "since the" is past -----

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("It is their first meeting since the July summit in Geneva.", "2021-05-03", "July",
     "2020-07"),  # news; the July ahead was nearer
    ("SPOKESMAN: This is the largest convoy since the August ceasefire.", "2021-05-03",
     "August", "2020-08"),  # a briefing transcript
    ("Membership has grown since the October endorsement.", "2016-04-06", "October",
     "2015-10"),  # a perfect: past either way
])
def test_since_the_month_noun_is_past(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "come November": the subjunctive of "when it comes", ahead; a bare month or season after it
# is a time ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("They are the backers she will need come November.", "2016-03-23", "November",
     "2016-11"),  # news; the November behind was nearer
    ("The troops will leave come spring.", "2019-10-14", "spring", "2020-SP"),
    ("SPEAKER: We will be ready come summer.", "2022-01-10", "summer", "2022-SU"),  # transcript
    ("Come June, the ministry reviews the quota.", "2021-09-10", "June", "2022-06"),  # a notice
])
def test_come_before_a_month_or_season_is_ahead(nlp, text, published, expression,
                                                value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "for the year ended March 31": the year's span is an expression of its own --------------------

@pytest.mark.parametrize(("text", "published", "values"), [
    ("The unit had revenue of $76 million for the year ended March 31.", "1989-10-30",
     {"the year": "P1Y", "March 31": "1989-03-31"}),  # a company report
    ("In the year ending 30 June 2023, the ministry paid out 4.1 billion euros in aid.",
     "2023-09-14", {"the year": "P1Y", "30 June 2023": "2023-06-30"}),  # a statement
])
def test_the_year_ended_a_date_is_a_year_long_span(nlp, text, published, values) -> None:
    found = texts(nlp, text, published)
    assert {k: found.get(k) for k in values} == values


def test_the_year_ended_without_a_date_is_no_span(nlp) -> None:
    assert "The year" not in texts(nlp, "The year ended with a flourish on the markets.",
                                   "2023-12-31")


# -- the simple present of an event is a timetable: "He leaves Rome on Monday" ------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Wisconsin holds its presidential primary on Tuesday.", "2016-04-01", "Tuesday",
     "2016-04-05"),  # news (a Friday)
    ("The foreign minister leaves Beijing on Monday for a tour of Africa.", "2023-01-07",
     "Monday", "2023-01-09"),  # a statement (a Saturday)
    ("SPOKESPERSON: The delegation arrives in Nairobi on Thursday.", "2019-11-11", "Thursday",
     "2019-11-14"),  # a briefing transcript (a Monday)
    ("The summit, which opens Wednesday, will focus on trade.", "2018-05-14", "Wednesday",
     "2018-05-16"),  # a relative clause
])
def test_the_simple_present_of_an_event_is_ahead(nlp, text, published, expression,
                                                 value) -> None:
    assert texts(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # a state, not an event
    ("The talks remain stalled on Friday, diplomats say.", "2023-01-07", "Friday",
     "2023-01-06"),
    # a day in a possessive before the verb; a noun the tagger may read as a verb
    ("Friday's purchases are far below last year's.", "1989-10-30", "Friday", "1989-10-27"),
    ("Clinton's wins Tuesday in Maryland and Pennsylvania settled the race.", "2016-04-27",
     "Tuesday", "2016-04-26"),
    # the verb after the expression, or beyond a comma, is not read so
    ("On Saturday, the remarks loom large over the debate.", "2015-12-20", "Saturday",
     "2015-12-19"),
])
def test_a_present_that_is_no_timetable_keeps_the_past(nlp, text, published, expression,
                                                       value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "at the time" before a clause: the clause says when, not the date in focus ----------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("On Aug. 5 the ministry released 100 emails that were not classified at the time they "
     "were sent.", "2016-08-06", "the time", "PAST_REF"),  # news; was Aug. 5 (in focus)
    ("Talks resumed on March 3. He was the chief negotiator at the time he resigned.",
     "2019-03-10", "the time", "PAST_REF"),
    # with no clause after it, the date in focus
    ("Talks resumed on March 3. At the time, officials were hopeful.", "2019-03-10",
     "the time", "2019-03-03"),
])
def test_at_the_time_before_a_clause_is_no_anaphor(nlp, text, published, expression,
                                                   value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- the year's Election Day next to an election noun is this year's, in any tense --------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The Republican nominee for the Nov. 8 election later said he was joking.", "2016-07-31",
     "Nov. 8", "2016-11-08"),  # news, past tense; was 2015
    ("Asked how he would fare if he won the presidential election on Nov. 3, he laughed.",
     "2020-05-16", "Nov. 3", "2020-11-03"),
    ("The party said its candidates were ready for the November 6 midterm elections.",
     "2018-04-02", "November 6", "2018-11-06"),  # a statement
    # not the year's Election Day: the tense decides
    ("The Nov. 4 election was a landslide.", "2016-07-31", "Nov. 4", "2015-11-04"),
])
def test_election_day_next_to_an_election_noun_is_this_years(nlp, text, published, expression,
                                                            value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- a capitalised season before a capitalised word is a name ------------------------------------

@pytest.mark.parametrize(("text", "published"), [
    ("The rally competed with the start of the Summer Olympics.", "2016-08-08"),  # news
    ("Athletes arrived for the Winter Olympics in Sochi.", "2014-02-05"),
    ("Millions of workers travel home for the Spring Festival.", "2019-01-28"),  # a statement
])
def test_a_season_in_a_name_is_no_time(nlp, text, published) -> None:
    # (the Spring Festival is a day since round 10, the Lunar New Year: never a season)
    assert not any(w in k and (k != "Spring Festival" or v.endswith(("-SP", "-SU")))
                   for k, v in texts(nlp, text, published).items()
                   for w in ("Summer", "Winter", "Spring"))


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("In the Summer, the talks will resume.", "2016-03-08", "the Summer", "2016-SU"),
    ("The talks resumed in the Spring of 2015.", "2016-08-08", "the Spring of 2015", "2015-SP"),
])
def test_a_capitalised_season_alone_is_still_a_time(nlp, text, published, expression,
                                                    value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "tonight", "this morning" inside a programme's name -----------------------------------------

@pytest.mark.parametrize(("text", "published", "word"), [
    ("He taped an appearance on The Tonight Show with its host.", "2016-06-08", "Tonight"),
    ("Kaine said during his appearance on CBS This Morning that he disagreed.", "2016-09-01",
     "This Morning"),
    ("The comedian hosts the weekly show Last Week Tonight on Sundays.", "2016-08-03",
     "Tonight"),
])
def test_a_time_word_in_a_programme_name_is_no_time(nlp, text, published, word) -> None:
    assert word not in texts(nlp, text, published)


def test_tonight_opening_a_sentence_is_a_time(nlp) -> None:
    assert texts(nlp, "Tonight, the minister speaks in Ohio.", "2016-06-08").get(
        "Tonight") == "2016-06-08TNI"


# -- "the day after his arrest" told in the past, with no date in focus: no date ---------------

@pytest.mark.parametrize(("text", "published"), [
    ("He resigned the day after his arrest.", "2015-12-22"),  # news
    ("The governor gave an interview the day after the shooting.", "2016-07-11"),
    ("The day after the primary, the party filed a complaint.", "2016-04-15"),  # a statement
])
def test_the_day_after_an_event_told_in_the_past_has_no_date(nlp, text, published) -> None:
    found = texts(nlp, text, published)
    assert found.get("the day", found.get("The day")) == ""


def test_the_day_after_an_event_takes_the_date_in_focus(nlp) -> None:
    found = texts(nlp, "On Dec. 3 he was arrested. He resigned the day after his arrest.",
                  "2015-12-22")
    assert found.get("the day") == "2015-12-04"


# -- "is likely to appear in court Wednesday": ahead, when the expression follows the verb ------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The suspect is likely to appear in court Wednesday.", "2015-12-08", "Wednesday",
     "2015-12-09"),  # news (a Tuesday)
    ("The minister is unlikely to attend the summit on Friday, officials said.", "2016-04-14",
     "Friday", "2016-04-15"),  # a Thursday's statement
    ("He was likely to return on Saturday to his holiday resort.", "1996-08-30", "Saturday",
     "1996-08-31"),  # a plan as it stood: the nearer Saturday
    # the expression before the verb, in a possessive: not read so
    ("Tuesday's outcome is unlikely to provide much clarity.", "2016-02-10", "Tuesday",
     "2016-02-09"),
])
def test_likely_to_puts_a_close_time_ahead(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "wouldn't say Tuesday": a refusal, a past event of the report ---------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Schumer wouldn’t say Tuesday how the party would prioritize the bill.", "2016-06-22",
     "Tuesday", "2016-06-21"),  # news (a Wednesday)
    ("The spokesman would not comment on Tuesday.", "2016-06-22", "Tuesday", "2016-06-21"),
    # not a refusal: a future in the past, ahead
    ("He said he would not attend the summit on Friday.", "2016-06-22", "Friday",
     "2016-06-24"),
])
def test_would_not_say_is_a_refusal_in_the_past(nlp, text, published, expression,
                                                value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- an anaphor told in the past does not take a date in focus after the publication ------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The Fed meets next on Sept. 24. Earlier in the day, its chairman said growth was strong.",
     "1996-08-30", "Earlier in the day", "1996-08-30"),  # news: the report's day
    ("The primary is in March. The strategy outlined that day surprised the donors.",
     "2016-01-24", "that day", ""),  # no day known
    ("The vote will be held in March. Officials said at the time that the date was final.",
     "2015-11-24", "the time", "PAST_REF"),
    # a date in focus before the publication is still taken
    ("The Fed met on Aug. 20. Earlier in the day, its chairman said growth was strong.",
     "1996-08-30", "Earlier in the day", "1996-08-20"),
])
def test_a_past_anaphor_takes_no_later_focus(nlp, text, published, expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value


# -- "holds a lead in Tuesday's primary": a possessive day before a noun of an event, said in the
# present tense, is ahead ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("He holds a solid lead in Tuesday’s first-in-the-nation primary.", "2016-02-08",
     "Tuesday", "2016-02-09"),  # news (a Monday)
    ("Cruz, who badly needs a win in Tuesday's primary in Indiana, met donors.", "2016-04-30",
     "Tuesday", "2016-05-03"),  # a Saturday's report
    ("SPOKESPERSON: The minister is preparing for Thursday's summit in Bangkok.", "2019-10-14",
     "Thursday", "2019-10-17"),  # a briefing transcript (a Monday)
    # in the past tense, or before a noun of market figures: behind
    ("Tuesday's vote was a test for the party.", "2016-02-08", "Tuesday", "2016-02-02"),
    ("Friday's purchases are far below the average.", "1989-10-30", "Friday", "1989-10-27"),
])
def test_a_possessive_day_before_an_event_in_the_present_is_ahead(nlp, text, published,
                                                                  expression, value) -> None:
    assert texts(nlp, text, published).get(expression) == value
