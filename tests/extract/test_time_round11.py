"""Classes of the eleventh #16 round: English verb forms and clause types around a calendar
name (term verbs, copulas, subjects, infinitives, gerunds, imperatives, "would" reported from
the past), anaphors naming a month or season of the date in focus, and a few expression
shapes ("the week of March 11", "the year before", "quarter-century"). They came from
batteries of sentences written for a class and from where our PolNeAR listing and
HeidelTime's disagree; each was checked over PolNeAR train and dev and CoNLL testa
(tools/timex_unlabelled.py --ours, each moved expression read) and scored on the TBAQ
quarters. Every sentence here was written for this file, and every value was worked out from
a calendar and the publication date given with it."""

from __future__ import annotations

import pytest

from tests.extract.test_time_classes import times


def values(nlp, text: str, published: str | None) -> dict[str, str]:
    return {t.text: t.value for t in times(nlp, text, published)}


# -- a term's start or end in the simple present: a calendar's date, ahead however far -------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The current budget agreement expires in December, officials said.", "2013-02-13",
     "December", "2013-12"),
    ("Under the law, the new emissions rules take effect Jan. 1.", "2014-03-04", "Jan. 1",
     "2015-01-01"),
    ("The tax credit runs out in November unless Congress acts.", "2015-01-20", "November",
     "2015-11"),
    ("The treaty comes into force on Dec. 1.", "2009-02-10", "Dec. 1", "2009-12-01"),
    ("His term ends in January.", "2016-03-15", "January", "2017-01"),
    ("The ceasefire will expire in December.", "2013-02-13", "December", "2013-12"),
    ("The plant is scheduled to close in December.", "2014-01-15", "December", "2014-12"),
])
def test_term_verbs_reach_ahead(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The data covers December.", "2013-02-13", "December", "2012-12"),  # a state, not a term
    ("The contract expired in December.", "2013-02-13", "December", "2012-12"),
])
def test_term_verb_controls(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- a time as a present copula's predicate, or a day as a present's subject: ahead -----------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The first round of voting is on Sunday.", "2013-02-13", "Sunday", "2013-02-17"),
    ("The deadline for bids is Dec. 31.", "2013-02-13", "Dec. 31", "2013-12-31"),
    ("Parliamentary elections are in October.", "2016-02-10", "October", "2016-10"),
    ("A vote is possible on Thursday, aides said.", "2016-06-03", "Thursday", "2016-06-09"),
    ("The hearing is likely on Monday.", "2015-11-12", "Monday", "2015-11-16"),
    ("Friday marks the tenth anniversary of the invasion.", "2013-03-18", "Friday", "2013-03-22"),
    ("Tuesday is election day in Ohio.", "2016-03-10", "Tuesday", "2016-03-15"),
    ("Sunday is the last day of the festival.", "2015-07-08", "Sunday", "2015-07-12"),
])
def test_present_copula_and_subject_ahead(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The vote was on Sunday.", "2013-02-13", "Sunday", "2013-02-10"),
    ("Labor Day is barely over, and the campaign is in full swing.", "2016-09-07", "Labor Day",
     "2016-09-05"),
    ("Monday was the deadline.", "2016-03-10", "Monday", "2016-03-07"),
])
def test_copula_controls(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- "the year before", "the week after" closing a clause: from the date in focus ------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The company went public in 1998. The year before, it had lost money.", "2013-03-22",
     "The year before", "1997"),
    ("The rate was 5 percent in June, down from 6 percent the month before.", "2012-08-01",
     "the month before", "2012-05"),
    ("Sales rose in 2010. The year after, they fell.", "2013-03-22", "The year after", "2011"),
    ("The vote was on Tuesday; the week before, polls showed a tie.", "2013-03-22",
     "the week before", "2013-W11"),
])
def test_unit_before_after(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


def test_unit_before_a_noun_is_no_expression(nlp) -> None:
    assert "The year before" not in values(nlp, "The year before the war, he left.", "2013-03-22")


# -- "that fall", "the following January": a month or season of the date in focus ------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("She was elected in November 2012 and took office the following January.", "2015-05-01",
     "the following January", "2013-01"),
    ("In the spring of 2011, protests spread. By that summer, the war had begun.", "2013-03-22",
     "that summer", "2011-SU"),
    ("The company was founded in 1998. That November, it went public.", "2013-03-22",
     "That November", "1998-11"),
    ("He left in July 2009. The previous spring he had married.", "2013-03-22",
     "The previous spring", "2009-SP"),
    ("Humphrey won the nomination in Chicago in 1968 and lost that November.", "2016-06-23",
     "that November", "1968-11"),
    ("The bomb went off on March 2, 2012. That weekend, protesters marched.", "2013-03-18",
     "That weekend", "2012-W09-WE"),
    ("The election was held on Oct. 7, 2012. The previous weekend, rallies filled the capital.",
     "2013-03-18", "The previous weekend", "2012-W39-WE"),
    ("The bomb went off on March 3, 2008. That November, he resigned.", "2013-03-20",
     "That November", "2008-11"),  # a day in focus
    ("The deal came on the same weekend that the sanctions were lifted.", "2016-01-20",
     "the same weekend", "2016-W02-WE"),  # no date in focus: the weekend just past
])
def test_named_anaphors(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Officials said that March sales rose.", "2013-04-10", "March", "2013-03"),  # a conjunction
    ("We will meet that March 15 deadline.", "2013-02-13", "March 15", "2013-03-15"),
])
def test_that_conjunction_controls(nlp, text, published, expression, value) -> None:
    found = values(nlp, text, published)
    assert found.get(expression) == value and not any(k.startswith("that") for k in found)


# -- a day kept in the simple past, however far back --------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Activists marked Earth Day with rallies.", "2013-03-22", "Earth Day", "2012-04-22"),
    ("Families celebrated Mother's Day at the park.", "2013-03-22", "Mother's Day", "2012-05-13"),
    ("Veterans commemorated Memorial Day at the cemetery.", "2014-04-01", "Memorial Day",
     "2013-05-27"),
    ("Activists will mark Earth Day with rallies.", "2013-03-22", "Earth Day",
     "2013-04-22"),  # a control: the future
])
def test_observed_days(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- "the week of March 11": that week -----------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The summit is scheduled for the week of March 11.", "2013-02-13", "the week of March 11",
     "2013-W11"),
    ("The weekend of June 8 is fully booked.", "2013-05-20", "The weekend of June 8",
     "2013-W23-WE"),
    ("During the week of Oct. 6, 2012, sales fell.", "2013-03-22", "the week of Oct. 6, 2012",
     "2012-W40"),
])
def test_week_of_a_day(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- verbs with no tense of their own take their clause's ---------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Cruz was bold enough to tout his position at an agriculture summit in March.",
     "2015-11-24", "March", "2015-03"),
    ("The bank earned $40 million for helping the company sell itself in March.", "2015-11-20",
     "March", "2015-03"),
    ("The agency has been cooperating with the inquiry, including offering in August to meet "
     "investigators.", "2016-03-03", "August", "2015-08"),
    ("The two had played nice for months, with Cruz calling Trump his friend, meeting with him "
     "in July.", "2016-01-17", "July", "2015-07"),
    ("It owed the firm $556,000 for “survey research” through the end of June - the period "
     "covered by its most recent filings.", "2016-01-29", "the end of June", "2015-06"),
])
def test_nonfinite_verbs_take_the_clause_tense(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    # "agreed to pay" may be ahead: no tense across "to"; the nearer March
    ("The company agreed to pay the fine in March.", "2015-11-20", "March", "2016-03"),
    # a month before its noun dates the noun's event
    ("She won the nomination, teeing up the November showdown.", "2016-07-27", "November",
     "2016-11"),
])
def test_nonfinite_controls(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- nouns the tagger reads as present verbs --------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("In Nevada, the businessman trounced rivals Marco Rubio and Ted Cruz by double digits "
     "Tuesday.", "2016-02-24", "Tuesday", "2016-02-23"),
    ("Clinton did not revisit her Wall Street remarks in an address to Iowa Democrats on "
     "Sunday.", "2015-11-16", "Sunday", "2015-11-15"),
])
def test_misread_nouns(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- "would" reported from the past (the day after the report, taken as said within two days
# of the publication), "later Monday" (the nearer day) ------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Rubio anticipated that a session with business leaders in Washington on Monday would "
     "focus on terrorism.", "2015-11-17", "Monday", "2015-11-16"),
    ("The city said it would light its landmarks in rainbow colors on Monday night.",
     "2016-06-15", "Monday night", "2016-06-13TNI"),
    ("He may face a skeptical audience when he speaks later Monday.", "2016-03-22",
     "later Monday", "2016-03-21"),
    ("She will address the crowd later Friday.", "2016-09-30", "later Friday",
     "2016-09-30"),  # a control: said on the Friday
    ("He will speak on Monday.", "2016-06-15", "Monday", "2016-06-20"),  # a control
    # a control: said within the two days before the publication, the Monday after
    ("The central bank said it would cut off funding after Monday.", "2013-03-21", "Monday",
     "2013-03-25"),
])
def test_nearer_day(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- an imperative bids what is ahead --------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Missouri: Remember in November the Democrats who blocked the bill.", "2016-03-10",
     "November", "2016-11"),
    ("“Let's defeat her in November,” he said.", "2016-03-10", "November", "2016-11"),
    ("Please call your senator in October.", "2016-03-10", "October", "2016-10"),
    ("Listen to the analysis of Thursday's debate.", "2016-02-12", "Thursday",
     "2016-02-11"),  # a control: the day of a possessive
])
def test_imperatives(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- shapes that are no time ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "published", "word"), [
    ("He struggled to answer the question three times on ''Fox News Sunday'' this week.",
     "2015-11-17", "Sunday"),
    ("Obama sat for an interview with Chris Wallace on ''Fox News Sunday.''", "2016-07-25",
     "Sunday"),
    ("Unemployment is just a notch above its quarter-century low.", "1998-02-06", "quarter"),
    ("The Fed made the quarter-point cut it had promised.", "1998-02-06", "quarter"),
])
def test_no_time(nlp, text, published, word) -> None:
    assert not any(word in k for k in values(nlp, text, published))


def test_quarter_compound_control(nlp) -> None:
    assert values(nlp, "Third-quarter profit rose.", "2016-11-02").get("Third-quarter") == "2016-Q3"


# -- a sentence whose verb the tagger read as a noun: the nearer day, as in a headline --------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Talks resume Friday after a break on Monday.", "2013-03-20", "Friday", "2013-03-22"),
    ("The House votes Thursday on the bill.", "2013-03-20", "Thursday", "2013-03-21"),
])
def test_verbless_sentences(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- "the second half" of a game ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Messi scored in the second half to seal the win.",
    "Both goals came early in the second half after the visitors had led at halftime.",
])
def test_half_of_a_game_is_no_date(nlp, text) -> None:
    assert not any("half" in k for k in values(nlp, text, "2013-03-20"))


def test_half_of_a_year_control(nlp) -> None:
    found = values(nlp, "The economy grew in the first half, the ministry said.", "2013-03-20")
    assert found.get("the first half") == "2013-H1"


@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The plant is scheduled to open in the spring of next year.", "2013-03-20",
     "the spring of next year", "2014-SP"),
    ("Sales fell in the summer of last year.", "2013-03-20", "the summer of last year", "2012-SU"),
])
def test_season_of_a_shifted_year(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


def test_named_anaphors_without_a_publication_date(nlp) -> None:
    found = values(nlp, "The company was founded in 1998. That November, it went public. "
                        "The following January, it was sold.", None)
    assert found.get("That November") == "1998-11" and found.get("The following January") == "1999-01"


# -- a past participle opening its sentence with its time: what was done ----------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("Appointed in August, she quickly reshaped the bank.", "2013-02-20", "August", "2012-08"),
    ("Founded in March, the group will hold its first rally in April.", "2013-02-20", "March",
     "2012-03"),
    ("Scheduled for March, the vote may slip.", "2013-02-20", "March", "2013-03"),  # a control
])
def test_fronted_participles(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


# -- a year that opens its sentence frames a bare month told in the past ------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("In 2008, the company was sold in June.", "2016-06-07", "June", "2008-06"),
    ("In early 2011, protesters occupied the square in February.", "2016-06-07", "February",
     "2011-02"),
])
def test_frame_year(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value


@pytest.mark.parametrize(("text", "expression", "year"), [
    ("He was extradited in 2014 and pleaded guilty in May.", "May", "2014"),
    ("Sales in 2015 rose 5 percent; in June they fell.", "June", "2015"),
])
def test_a_year_inside_the_sentence_is_no_frame(nlp, text, expression, year) -> None:
    assert not values(nlp, text, "2016-06-07")[expression].startswith(year)


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("Every Christmas, the family gathers in Havana.", "Every Christmas", "XXXX-12-25"),
    ("Each New Year's Eve, crowds fill the square.", "Each New Year's Eve", "XXXX-12-31"),
])
def test_every_fixed_holiday_is_a_set(nlp, text, expression, value) -> None:
    found = {t.text: (t.type, t.value) for t in times(nlp, text, "2013-02-20")}
    assert found.get(expression) == ("SET", value)


# -- a possessive subject's day under "will"; an elliptic perfect ------------------------------

@pytest.mark.parametrize(("text", "published", "expression", "value"), [
    ("The court matters as much as the election, and Monday's decision will reverberate down "
     "the ballot.", "2016-06-28", "Monday", "2016-06-27"),
    ("Kasich did not play the role of spoiler that he could have Tuesday, but he might in "
     "later primaries.", "2016-03-24", "Tuesday", "2016-03-22"),
    ("He would have Tuesday off.", "2016-03-24", "Tuesday", "2016-03-29"),  # a control
])
def test_possessive_subject_and_elliptic_perfect(nlp, text, published, expression, value) -> None:
    assert values(nlp, text, published).get(expression) == value
