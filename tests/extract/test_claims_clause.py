"""Whose clause a cue belongs to (claims round 12): the speaker is the subject of the cue's own
clause, not of a clause the parser hung it on. A verb given two subjects takes the one next to
it ("Voters, Ortiz suggested, don't …"); a participle adjunct (", saying …") belongs to the
clause that ends right before its comma when that clause says something, is the second of two
joined clauses or has the only agent ("…, which X called ''a cover-up,'' accusing …", "… and
Lopez dismissed the minister, acknowledging …", "It was a rare moment, as X echoed the
criticism, saying …"); a participle complement keeps its own subject ("I remember Palme going
on the radio, declaring …"); "with X asking …" is X's; "As X, <apposition>, put it" is X's; an
inserted attribution the parser read as an object ("…, a spokeswoman, Anna White, said on
Saturday, and …") is the spokeswoman's; a participle the parser hung on a thing (a vote, a
meeting) is the agent's above it. A cue the parser left without its own subject takes the
name before a dashed aside ("Mr. Ortiz - in a line aimed at Mr. Reyes - declared"), the noun a
relative clause before it describes ("Mendez, who has given money to the Democrats, said"),
the name after a fronted topic ("Of Reyes, Levine … said") or participle clause, the people
named right before an inserted cue ("…, union members and leaders say, is …"), a surname the
tagger read as an adverb ("said Skelly,"); "He announced that he … and vowed …" is the outer
"He"'s. Sentences are written for these tests, in the shapes of news reports, company
statements, parliamentary proceedings, broadcast interviews, town-hall reports and opinion
columns."""

from __future__ import annotations

from foreigndesk.model import Claim, Extraction
from tests.extract.test_claims_content import run


def by_cue(ex: Extraction, cue: str) -> Claim:
    found = [c for c in ex.claims if c.cue == cue]
    assert found, f"no claim cued {cue!r}: {[(c.speaker_text, c.cue, c.content) for c in ex.claims]}"
    return found[0]


def speaks(ex: Extraction, cue: str, who: str) -> None:
    c = by_cue(ex, cue)
    assert who in (c.speaker_text or ""), (cue, c.speaker_text, c.content)


# -- two subjects for one verb ------------------------------------------------------------------

def test_a_word_fronted_before_an_inserted_cue_is_not_its_speaker(nlp):
    ex = run(nlp, "Voters, Ortiz suggested, don’t have to worry that big donors can buy "
                  "politicians like himself.")
    speaks(ex, "suggested", "Ortiz")
    ex = run(nlp, "Investors, the central bank governor suggested, don’t need to worry that "
                  "rates will rise again.")
    speaks(ex, "suggested", "governor")
    assert "Investors" not in (by_cue(ex, "suggested").speaker_text or "")


def test_a_place_before_the_speaker_is_not_a_second_subject(nlp):
    ex = run(nlp, "Monday at a union hall in Scranton, PA, after winning Pennsylvania in the "
                  "Democratic primary, Sen. Ana Ruiz (D-PA), said, “We are going all the way.”")
    speaks(ex, "said", "Ana Ruiz")


# -- a participle adjunct and the clause before its comma ---------------------------------------

def test_a_participle_after_a_relative_clause_of_saying_is_its_speakers(nlp):
    ex = run(nlp, "The ministry put the death toll at 40, which the opposition leader Karim "
                  "Nasser called ''a cover-up,'' accusing the government of hiding the dead.")
    c = by_cue(ex, "accusing")
    assert "ministry" not in (c.speaker_text or "") and "leader" in (c.speaker_text or "")


def test_a_participle_after_an_as_clause_when_the_main_clause_has_no_agent(nlp):
    ex = run(nlp, "It was a rare moment of unity, as Senator Dan Ortiz echoed the criticism, "
                  "saying the agency had failed the veterans.")
    speaks(ex, "saying", "Dan Ortiz")
    ex = run(nlp, "The first clash came during a speech at the University of Texas at Austin, "
                  "when Ortiz supporters interrupted the governor, shouting “liar, liar!”")
    speaks(ex, "shouting", "supporters")


def test_a_participle_after_the_second_of_two_joined_clauses(nlp):
    ex = run(nlp, "The engineers were charged with negligence and Lopez dismissed the transport "
                  "minister, acknowledging that the bridge had been unsafe for years.")
    speaks(ex, "acknowledging", "Lopez")


def test_a_participle_complement_keeps_its_own_subject(nlp):
    ex = run(nlp, "I still remember Prime Minister Olof Palme going on the radio in 1982, "
                  "declaring that Sweden would stay neutral.")
    speaks(ex, "declaring", "Palme")


# -- the subject the parser put elsewhere -------------------------------------------------------

def test_with_x_asking_is_xs_question(nlp):
    ex = run(nlp, "The briefing ended with the spokeswoman asking reporters whether they had any "
                  "other questions.")
    speaks(ex, "asking", "spokeswoman")
    ex = run(nlp, "The hearing closed with Senator Diaz warning that the agency would face deep cuts.")
    speaks(ex, "warning", "Diaz")


def test_as_x_put_it_with_a_long_apposition(nlp):
    ex = run(nlp, "As Maria Costa, professor of economics at Harvard and author of ''The Price of "
                  "Money,'' put it, ''Inflation is a tax on the poor and a gift to debtors.''")
    speaks(ex, "put it", "Maria Costa")


def test_an_inserted_attribution_read_as_an_object_in_a_company_statement(nlp):
    ex = run(nlp, "The feature lets users tell friends they are safe. Facebook created the tool to "
                  "help in times of crisis, a spokeswoman, Anna Richardson White, said on Saturday, "
                  "and it has activated it five times in the last year after natural disasters.")
    speaks(ex, "said", "Anna Richardson White")


def test_a_participle_hung_on_a_thing_is_the_agents_above_it(nlp):
    ex = run(nlp, "The speaker of the assembly, Maria Lopez, called for a show of hands, and then "
                  "a roll call, declaring after both that the motion had failed.")
    speaks(ex, "declaring", "Maria Lopez")
    ex = run(nlp, "Governor Ortiz is not done yet. He sent a letter to donors as the budget "
                  "committee hearing began vowing to “veto every cut” in the final session.")
    speaks(ex, "vowing", "Ortiz")


# -- the speaker before an inserted cue --------------------------------------------------------

def test_the_same_pronoun_above_speaks_for_a_second_act(nlp):
    text = ("Senator Ortiz spoke to reporters on Monday. He announced that he was leaving the "
            "committee and vowed to focus on his family.")
    ex = run(nlp, text)
    vowed = by_cue(ex, "vowed")
    assert vowed.speaker_start == text.index("He announced")
    assert "Ortiz" in (vowed.speaker_text or "")


def test_a_name_before_a_dashed_aside_speaks(nlp):
    ex = run(nlp, "On his way out of the race, Mr. Ortiz - in a line that seemed squarely aimed at "
                  "Mr. Reyes's divisive brand of politics - declared that a president must serve "
                  "all citizens.")
    c = by_cue(ex, "declared")
    assert "Ortiz" in (c.speaker_text or "") and "Reyes" not in (c.speaker_text or "")


def test_a_name_in_a_relative_clause_before_the_cue_does_not_speak(nlp):
    ex = run(nlp, "Of the governor, Mendez, who has given money to the Democrats, said, “She is a "
                  "disaster.”")
    speaks(ex, "said", "Mendez")


def test_a_topic_before_the_speaker_does_not_speak(nlp):
    ex = run(nlp, "Of Reyes, Levine, who has given money to Senator Ortiz, said, “He’s flat-out "
                  "scary.”")
    speaks(ex, "said", "Levine")
    ex = run(nlp, "Of Clinton, Abrams, who has raised money for Bernie Sanders, said, “She is too "
                  "cautious.”")
    speaks(ex, "said", "Abrams")


def test_people_named_right_before_an_inserted_cue_speak(nlp):
    ex = run(nlp, "The source of the attraction to Mr. Reyes, union members and leaders say, is "
                  "manifold: his positions on trade and a sense that he rejects the norms of "
                  "Washington.")
    c = by_cue(ex, "say")
    assert "members" in (c.speaker_text or "") and "Reyes" not in (c.speaker_text or "")
    ex = run(nlp, "The source of the support for Ms. Ortiz, farm workers and growers say, is "
                  "simple: her plan for water.")
    c = by_cue(ex, "say")
    assert "workers" in (c.speaker_text or "") and "Ortiz" not in (c.speaker_text or "")


def test_a_surname_tagged_as_an_adverb_after_an_inverted_cue(nlp):
    ex = run(nlp, "“Having the voter file and two people who understand it is priceless,” said "
                  "Skelly, explaining that he worked closely with the party.")
    speaks(ex, "said", "Skelly")


def test_a_questioner_after_a_place_in_a_town_hall_report(nlp):
    ex = run(nlp, "At the town hall in Kuala Lumpur, a young man who had studied in Ohio asked "
                  "Obama what he thought of the trade pact.")
    c = by_cue(ex, "asked")
    assert "man" in (c.speaker_text or "") and "Kuala" not in (c.speaker_text or "")
    ex = run(nlp, "At the forum in Ho Chi Minh City, a student who had spent a year in Texas asked "
                  "the president whether he would visit again.")
    speaks(ex, "asked", "student")


def test_names_after_a_fronted_participle_clause_speak(nlp):
    ex = run(nlp, "Making her way around Cafe Lumiere, Ortiz and husband Paul, thanked another diner "
                  "for wearing one of her campaign buttons.")
    c = by_cue(ex, "thanked")
    assert "Ortiz" in (c.speaker_text or "") and "Lumiere" not in (c.speaker_text or "")
