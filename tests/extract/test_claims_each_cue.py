"""Each cue gets its own words (claims round 11): a fronted contrast clause with a speaker of
its own ("While Republicans boast of X, <clause>, economists say") is that speaker's content,
not the main cue's, and its cue says nothing past the clause; a clause that is the content of a
cue closing the sentence ("<regulators have found …>, officials said.") ends its own cue's
words; "as X said" closing a clause or set inside it ("<clause>, as Dean Baker noted.", "The
plan - as Rubio has said - would …") echoes the words on both sides, not only those after it; a phrase after a comma naming people
with a relative clause of saying ("…, compared with 23 percent who said …") ends the content.
Sentences are written for these tests, from news, statements, reports and speeches."""

from __future__ import annotations

from foreigndesk.model import Claim, Extraction
from tests.extract.test_claims_content import run


def by_cue(ex: Extraction, cue: str) -> Claim:
    found = [c for c in ex.claims if c.cue == cue]
    assert found, f"no claim cued {cue!r}: {[(c.speaker_text, c.cue, c.content) for c in ex.claims]}"
    return found[0]


# -- a fronted contrast clause -------------------------------------------------------------------

def test_fronted_while_clause_is_not_the_closing_cues_content(nlp):
    ex = run(nlp, "While Republicans boast of record job growth, wages have stagnated for a "
                  "decade, economists say.")
    say = by_cue(ex, "say")
    assert say.content.startswith("wages have stagnated") and "boast" not in say.content
    assert "economists" in (say.speaker_text or "")
    boast = by_cue(ex, "boast")
    assert "job growth" in boast.content and "wages" not in boast.content
    assert "Republicans" in (boast.speaker_text or "")


def test_fronted_though_clause_in_a_business_report(nlp):
    ex = run(nlp, "Though the airline insists its fleet is safe, inspectors have grounded four "
                  "of its jets since March, the transport ministry said on Friday.")
    said = by_cue(ex, "said")
    assert said.content.startswith("inspectors have grounded") and "insists" not in said.content
    insists = by_cue(ex, "insists")
    assert insists.content == "its fleet is safe" and insists.speaker_text == "airline"


def test_fronted_although_clause_with_a_misparsed_object(nlp):
    # the parser reads "the tariffs" as the object of "argue": the words still end with the clause
    ex = run(nlp, "Although critics argue the tariffs hurt consumers, the measures have "
                  "protected thousands of jobs, the trade minister said.")
    argue = by_cue(ex, "argue")
    assert "tariffs hurt consumers" in argue.content and "protected" not in argue.content
    said = by_cue(ex, "said")
    assert said.content.startswith("the measures have protected") and "critics" not in said.content


def test_fronted_while_clause_the_parser_made_a_complement(nlp):
    # an essay on the pope: "While" hangs on "populists", the clause is read as a complement
    ex = run(nlp, "While populists like Mr. Grillo partly blame foreigners for inequality, the pope "
                  "points to structural inequities of the global order.")
    points = by_cue(ex, "points to")
    assert points.content == "structural inequities of the global order"
    blame = by_cue(ex, "blame")
    assert "foreigners" in blame.content and "pope" not in blame.content


def test_trailing_even_as_clause_is_not_the_first_speakers(nlp):
    ex = run(nlp, "Bivens hopes Democrats do not make the same mistake this time around, even as "
                  "he understands how hard it can be to sell deficits to voters.")
    hopes = by_cue(ex, "hopes")
    assert hopes.content.endswith("this time around") and "understands" not in hopes.content


def test_fronted_clause_without_a_cue_stays_in_the_content(nlp):
    # no one speaks in the fronted clause: it is part of what the economists say
    ex = run(nlp, "While exports rose sharply last year, wages have stagnated for a decade, "
                  "economists say.")
    say = by_cue(ex, "say")
    assert say.content.startswith("While exports rose")


def test_cue_in_a_clause_before_a_closing_cue_ends_with_its_clause(nlp):
    ex = run(nlp, "While the mayor says violent crime is falling, residents feel less safe than "
                  "ever, a city survey found.")
    says = by_cue(ex, "says")
    assert says.content == "violent crime is falling" and says.speaker_text == "mayor"
    assert not any("survey found" in c.content for c in ex.claims)


def test_a_fronted_time_clause_bounds_its_cue(nlp):
    # a speech report: what the senator argued ends with the "before" clause
    ex = run(nlp, "Before the senator argued that the law was unconstitutional, the committee had "
                  "already approved it by a wide margin.")
    argued = by_cue(ex, "argued")
    assert argued.content == "the law was unconstitutional"


def test_a_sentence_that_goes_on_after_the_later_verb_is_not_cut(nlp):
    # "the minister warned" is set inside the sentence, which goes on: its words run on
    ex = run(nlp, "If the talks fail, the minister warned, the farmers plan to block the roads "
                  "into the capital.")
    warned = by_cue(ex, "warned")
    assert "block the roads" in warned.content


# -- "as X said" after or inside the clause it echoes -----------------------------------------------

def test_as_clause_closing_the_sentence_takes_the_words_before_it(nlp):
    ex = run(nlp, "Invoking the specter of hyperinflation is a classic scare tactic, as the "
                  "economist Dean Baker noted in a column.")
    noted = by_cue(ex, "noted")
    assert noted.content.startswith("Invoking the specter") and "Baker" not in noted.content
    assert "Dean Baker" in (noted.speaker_text or "")


def test_as_clause_between_subject_and_verb_takes_both_sides(nlp):
    ex = run(nlp, "The new tax plan - as Rubio has said - would cut rates for every family in the "
                  "country.")
    said = by_cue(ex, "said")
    assert said.content.startswith("The new tax plan") and said.content.endswith("in the country")
    assert "Rubio" not in said.content and said.speaker_text == "Rubio"
    # a wire report
    ex = run(nlp, "The ceasefire - as the UN envoy has said - remains fragile in the south.")
    said = by_cue(ex, "said")
    assert said.content == "The ceasefire remains fragile in the south"
    assert "envoy" in (said.speaker_text or "")


def test_as_clause_inside_a_statement(nlp):
    ex = run(nlp, "The agreement, as the foreign minister has repeatedly argued, will bring "
                  "investment to the northern provinces.")
    argued = by_cue(ex, "argued")
    assert argued.content.startswith("The agreement") and "investment" in argued.content


def test_as_time_clause_after_the_sentence_is_no_echo(nlp):
    # "as" of time, or a verb whose object is filled, or "as opposed to": nobody is echoed
    ex = run(nlp, "Turnout fell sharply in the northern districts, as the party announced a "
                  "boycott of the vote.")
    assert not [c for c in ex.claims if c.cue == "announced" and "Turnout" in c.content]
    ex = run(nlp, "Voters want to hear about jobs, as opposed to the scandals of the campaign.")
    assert not [c for c in ex.claims if "opposed" in c.cue]


def test_as_reported_by_a_paper_is_a_channel_not_an_echo(nlp):
    ex = run(nlp, "“We will not back down,” the mayor told a radio station on Tuesday, as reported "
                  "by the local newspaper.")
    told = by_cue(ex, "told")
    assert told.stance == "asserts" and "not back down" in told.content


# -- other people's words after a comma ------------------------------------------------------------

def test_poll_share_compared_with_another_share(nlp):
    ex = run(nlp, "Asked about the new law, 46 percent of voters said it was fair, compared with "
                  "23 percent who said it went too far.")
    fair = next(c for c in ex.claims if c.content.startswith("it was fair"))
    assert "23 percent" not in fair.content and "voters" in (fair.speaker_text or "")
    assert any(c.content == "it went too far" and "23 percent" in (c.speaker_text or "") for c in ex.claims)


def test_officials_quoted_in_a_relative_clause_of_place(nlp):
    ex = run(nlp, "The minister said the harvest had failed in three provinces, including Kano, "
                  "where officials said half the crops were lost.")
    minister = next(c for c in ex.claims if "minister" in (c.speaker_text or ""))
    assert "half the crops" not in minister.content
    assert any(c.content == "half the crops were lost" and c.speaker_text == "officials" for c in ex.claims)


def test_relative_clause_of_saying_before_the_comma_stays(nlp):
    ex = run(nlp, "The senators who said the bill was unfair voted against it, the committee "
                  "report said.")
    said = next(c for c in ex.claims if c.content.startswith("The senators"))
    assert "voted against it" in said.content
