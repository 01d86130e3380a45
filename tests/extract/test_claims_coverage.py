"""Attributions the claims missed (claims round 10, recall on unseen news): "according to X"
inserted in its clause, a that-clause the parser hung on the phrase after a verb of saying,
"made it clear that …" and "as X put it", "“…,” the statement read", and a clause presented
as reported by no one named ("was reportedly dismissed"). Sentences are written for these
tests, from news, statements and transcripts."""

from __future__ import annotations

from foreigndesk.model import Extraction
from tests.extract.test_claims_content import claim_with, run


def no_claim_with(ex: Extraction, words: str) -> None:
    found = [(c.speaker_text, c.cue, c.content) for c in ex.claims if words.lower() in c.content.lower()]
    assert not found, found


# -- "according to X" -----------------------------------------------------------------------------

def test_according_to_inserted_keeps_both_sides_of_the_clause(nlp):
    ex = run(nlp, "Exports of grain, according to the customs office, fell by a third in March.")
    c = claim_with(ex, "fell by a third")
    assert c.cue == "according to" and c.content.startswith("Exports of grain")
    assert "customs" not in c.content and "office" in (c.speaker_text or "")


def test_according_to_after_an_opening_conjunction(nlp):
    ex = run(nlp, "Talks resumed in Doha on Monday. But according to two diplomats briefed on the "
                  "talks, the deal collapsed over the sequencing of sanctions relief.")
    c = claim_with(ex, "the deal collapsed")
    assert c.content.startswith("the deal collapsed") and "diplomats" not in c.content


def test_according_to_a_study_opening_the_sentence(nlp):
    # the parser makes "According" the root of the whole sentence
    ex = run(nlp, "According to a study by the World Bank released in May, remittances to "
                  "Central America grew faster than exports for the third year running.")
    c = claim_with(ex, "remittances to Central America grew")
    assert "World Bank" not in c.content and "released in May" not in c.content


def test_according_to_after_the_clause_still_takes_the_clause(nlp):
    ex = run(nlp, "Nine people were killed in the raid, according to a statement from the "
                  "provincial governor's office.")
    c = claim_with(ex, "Nine people were killed")
    assert "statement" not in c.content


# -- a that-clause hung on the phrase after a verb of saying ---------------------------------------

def test_that_clause_hung_on_a_phrase_after_said(nlp):
    ex = run(nlp, "Foreign Minister Kaja Rinne said in one of several posts on social media that "
                  "the ceasefire would hold through the weekend.")
    c = claim_with(ex, "ceasefire would hold")
    assert c.content.startswith("the ceasefire") and "posts" not in c.content
    assert "Rinne" in (c.speaker_text or "")


def test_that_clause_after_a_relative_clause_on_the_venue(nlp):
    ex = run(nlp, "Governor Ana Ortiz said on Sunday's broadcast, where she appeared alongside the "
                  "mayor, that the shelters would reopen by Friday.")
    c = claim_with(ex, "shelters would reopen")
    assert "appeared alongside" not in c.content and "Ortiz" in (c.speaker_text or "")


def test_relative_that_on_the_venue_is_not_the_content(nlp):
    # "that it released" is a relative clause ("that" its object), not what was said
    ex = run(nlp, "The ministry has said nothing in the two statements that it released this week.")
    no_claim_with(ex, "released this week")


# -- "made it clear", "as X put it", "the statement read" ------------------------------------------

def test_made_it_clear_that(nlp):
    ex = run(nlp, "The ministry made it clear that no foreign troops would be allowed on its soil.")
    c = claim_with(ex, "no foreign troops would be allowed")
    assert c.cue == "made clear" and "ministry" in (c.speaker_text or "")
    assert not c.content.startswith("it clear")


def test_as_someone_put_it(nlp):
    ex = run(nlp, "Few families have returned to the old city. As one shopkeeper in Aleppo put it, "
                  "“Nobody has come back because nothing has been rebuilt.”")
    c = claim_with(ex, "Nobody has come back")
    assert "shopkeeper" in (c.speaker_text or "") and c.cue == "put it"


def test_put_it_as_a_plain_verb_makes_no_claim(nlp):
    ex = run(nlp, "She took the letter from the drawer and put it on the table in front of the "
                  "committee.")
    assert not [c for c in ex.claims if c.cue.startswith("put")]


def test_a_statement_read(nlp):
    ex = run(nlp, "The airline apologised on Tuesday. “The company regrets the delay and will "
                  "compensate every passenger,” the statement read.")
    c = claim_with(ex, "will compensate every passenger")
    assert c.cue == "read" and c.direct


def test_reading_names_aloud_is_no_claim(nlp):
    ex = run(nlp, "At the memorial, the mayor read the names of the victims aloud.")
    no_claim_with(ex, "names of the victims")


# -- reported by no one named --------------------------------------------------------------------

def test_reportedly_is_a_statement_with_no_speaker(nlp):
    ex = run(nlp, "General Karimov was reportedly removed from his command after the failed "
                  "offensive near the river.")
    c = claim_with(ex, "removed from his command")
    assert c.cue == "reportedly" and c.speaker_text is None and c.kind == "statement"


def test_reportedly_said_is_left_to_the_verb_of_saying(nlp):
    ex = run(nlp, "President Alma Mirza reportedly told aides that the talks were over.")
    c = claim_with(ex, "the talks were over")
    assert c.cue == "told" and "Mirza" in (c.speaker_text or "")
    assert not [x for x in ex.claims if x.cue == "reportedly"]


def test_a_negation_is_part_of_what_was_reported(nlp):
    ex = run(nlp, "The convoy was allegedly not searched at the border crossing near Rafah.")
    c = claim_with(ex, "not searched at the border crossing")
    assert c.cue == "allegedly" and c.stance == "asserts"


def test_according_to_before_a_participle_keeps_the_clause_before(nlp):
    # the words after the phrase start another clause with a speaker of its own
    ex = run(nlp, "The two unions signed a provisional agreement with the carrier, according to "
                  "the labour ministry, ending a strike that managers said had cost millions.")
    c = claim_with(ex, "signed a provisional agreement")
    assert c.cue == "according to" and "ending a strike" not in c.content
    assert claim_with(ex, "had cost millions").cue == "said"


# -- quotations and the cue next to them ------------------------------------------------------------

def test_a_negation_inside_the_quotation_is_not_the_cue_s(nlp):
    # the parser hangs the quotation's "not" on "said": nothing here is "did not say"
    ex = run(nlp, "The former governor was even more resolute.\n\n“Absolutely not,” he said of the "
                  "idea of delegates switching sides.")
    c = claim_with(ex, "Absolutely not")
    assert c.cue == "said" and c.stance == "asserts"


def test_did_not_say_still_makes_no_claim(nlp):
    ex = run(nlp, "The spokesman did not say when the embassy would reopen.")
    no_claim_with(ex, "embassy would reopen")


def test_role_noun_left_off_the_speaker_after_a_quotation(nlp):
    ex = run(nlp, "Critics said the poster revived old stereotypes.\n\n“Just saw the new campaign "
                  "poster. I'm impressed by its ability to insult every voter at once,” screenwriter "
                  "Cole Haddon wrote on Twitter.")
    c = claim_with(ex, "insult every voter")
    assert c.cue == "wrote" and "Haddon" in (c.speaker_text or "")


def test_quotation_closed_by_its_own_cue_is_not_the_earlier_cue_s(nlp):
    ex = run(nlp, "The mayor said the city had done everything it could for the families: “We "
                  "opened every shelter we had,” she said.")
    first = claim_with(ex, "done everything it could")
    assert "opened every shelter" not in first.content
    second = claim_with(ex, "opened every shelter")
    assert "done everything" not in second.content and second.direct


def test_one_word_answers_in_quotation_marks_are_claims(nlp):
    # a transcript-like exchange in news prose: short utterances are what was said
    ex = run(nlp, "Asked whether he would dismiss the adviser, the chancellor said, “Probably.”\n\n"
                  "The host then asked, “Really?”\n\n“Sorry,” the minister said when pressed about the delay.")
    assert claim_with(ex, "Probably").cue == "said"
    really = claim_with(ex, "Really")
    assert really.cue == "asked" and really.stance == "questions"
    assert "minister" in (claim_with(ex, "Sorry").speaker_text or "")


def test_a_quoted_term_is_no_one_word_claim(nlp):
    ex = run(nlp, "The senator called the plan “unacceptable” and walked out. The talks, which "
                  "the envoy said were “productive”, ended at noon.")
    assert not [c for c in ex.claims if c.content.strip("“”\" ") in ("unacceptable", "productive")]


# -- where a content ends -------------------------------------------------------------------------

def test_a_second_predicate_of_the_speaker_ends_an_object_content(nlp):
    ex = run(nlp, "The senator played down the governor's remarks as “just part of the campaign” and "
                  "reportedly argued that attacking him would backfire.")
    c = claim_with(ex, "the governor's remarks")
    assert "argued" not in c.content
    assert claim_with(ex, "attacking him would backfire").cue == "argued"


def test_a_predicate_after_a_phrase_and_and_ends_the_content(nlp):
    ex = run(nlp, "Marta Deans, the party chairwoman, is supporting Ruiz as a delegate and in a "
                  "statement praised her for “a brave campaign.”")
    c = claim_with(ex, "Ruiz as a delegate")
    assert "statement" not in c.content and "praised" not in c.content


def test_a_semicolon_ends_the_content(nlp):
    ex = run(nlp, "The embassy first tweeted a note of concern for the victims; hours later, the "
                  "ambassador visited the hospital.")
    c = claim_with(ex, "concern for the victims")
    assert "hospital" not in c.content


def test_a_dash_and_a_contrast_end_the_content(nlp):
    ex = run(nlp, "The minister implied that the protesters had provoked the police - although the "
                  "video released on Friday did not show that.")
    c = claim_with(ex, "protesters had provoked the police")
    assert "video" not in c.content


# -- negated beliefs and intentions; views voiced; a second cue between two quotations ------------

def test_a_negated_intention_or_belief_is_denied(nlp):
    ex = run(nlp, "After the hearing, Mr. Okafor doesn't want to fight the ruling anymore. The "
                  "governor does not think the budget will pass before July.")
    want = claim_with(ex, "to fight the ruling")
    assert want.kind == "intention" and want.stance == "denies"
    think = claim_with(ex, "the budget will pass")
    assert think.kind == "belief" and think.stance == "denies"


def test_views_offered_or_voiced_on_something(nlp):
    ex = run(nlp, "Secretary of State Jon Husted voiced his disapproval of the court's ruling. Later "
                  "the senator offered her thoughts on the treaty's chances in the Senate, and the "
                  "ambassador made remarks on the border dispute.")
    assert "Husted" in (claim_with(ex, "ruling").speaker_text or "")
    assert claim_with(ex, "treaty's chances").cue.startswith("offered")
    assert claim_with(ex, "border dispute").cue.startswith("made")


def test_a_second_cue_between_two_quotations_takes_the_second(nlp):
    ex = run(nlp, "“We have the votes in Indiana,” Cruz said, adding: “I would welcome his support.”")
    first = claim_with(ex, "We have the votes")
    assert "welcome" not in first.content
    assert claim_with(ex, "welcome his support").cue == "adding"


# -- surveys ----------------------------------------------------------------------------------------

def test_a_survey_reports_its_clause_when_no_other_cue_claims(nlp):
    # "support" is a claim noun with a possessor, but it claims nothing here
    ex = run(nlp, "In the poll, the governor’s support has steadily risen over the past two weeks.")
    c = claim_with(ex, "support has steadily risen")
    assert c.cue == "in"


def test_a_survey_at_the_end_hung_on_the_figure(nlp):
    ex = run(nlp, "In March, the mayor had 38 percent support in a Gallup poll.")
    c = claim_with(ex, "38 percent support")
    assert c.cue == "in" and "Gallup" not in c.content


def test_voters_named_with_no_share_still_speak_before_the_survey(nlp):
    ex = run(nlp, "In a new Reuters poll, voters in the suburbs said the economy was the top issue.")
    c = claim_with(ex, "the economy was the top issue")
    assert c.cue == "said" and "voters" in (c.speaker_text or "")


# -- evidentials read after the other cues ----------------------------------------------------------

def test_reportedly_with_a_cue_that_claims_nothing_in_its_clause(nlp):
    # "chants" is a cue word that makes no claim here: the report stands; "critical of" makes
    # its own claim (the speaker's), and the report steps aside
    ex = run(nlp, "After the vote, opposition delegates reportedly erupted in loud chants of “no.” "
                  "The bank's chief is a conservative, but has reportedly been critical of the "
                  "minister throughout the year.")
    assert claim_with(ex, "erupted in loud chants").cue == "reportedly"
    assert claim_with(ex, "the minister").cue == "critical"


def test_expected_with_a_cue_word_inside_its_complement(nlp):
    ex = run(nlp, "That same night she is widely expected to win enough delegates to claim the "
                  "nomination.")
    c = claim_with(ex, "win enough delegates")
    assert c.cue == "expected" and c.kind == "belief" and c.speaker_text is None


def test_revealed_and_reported_in_the_passive_are_statements_with_no_speaker(nlp):
    ex = run(nlp, "The donor came under fire when it was revealed that he had funded the lawsuits. "
                  "The general is reported to have fled the capital on Sunday night.")
    rev = claim_with(ex, "he had funded the lawsuits")
    assert rev.kind == "statement" and rev.speaker_text is None
    rep = claim_with(ex, "fled the capital")
    assert rep.kind == "statement" and rep.speaker_text is None


def test_known_as_is_no_claim(nlp):
    ex = run(nlp, "The smuggler is known as “the jackal” in the border towns.")
    assert not [c for c in ex.claims if c.cue.startswith("known")]


def test_wrote_about_spoke_of_railed_against(nlp):
    ex = run(nlp, "“They tried to silence me,” said Ms. Alvarez, who wrote about the raid in her "
                  "memoir. The foreign minister spoke of a new era in relations with Beijing, and the "
                  "opposition leader railed against the trade deal.")
    assert claim_with(ex, "the raid").cue == "wrote about"
    assert claim_with(ex, "a new era").cue == "spoke of"
    assert claim_with(ex, "the trade deal").cue == "railed against"


# -- a clause and its cue in the parser's wrong order ----------------------------------------------

def test_inverted_cue_after_a_clause_with_a_second_subject(nlp):
    ex = run(nlp, "Couple global exposure with a “candidate who is a lightning rod” and residents get "
                  "nervous, said Christine Link, director of the civil liberties union in Ohio.")
    c = claim_with(ex, "residents get nervous")
    assert "Link" in (c.speaker_text or "") and "director" not in c.content


def test_a_clause_set_off_by_hyphens_before_the_speaker_is_not_the_content(nlp):
    ex = run(nlp, "Inside the mosque - which looks like a church except for the missing cross - Adel "
                  "Nefzi said he and other worshippers are trying to collect money for the victims.")
    c = claim_with(ex, "trying to collect money")
    assert "mosque" not in c.content and "Nefzi" in (c.speaker_text or "")


def test_said_adding_a_quotation_gives_each_cue_its_own_part(nlp):
    ex = run(nlp, "The suspect rarely mingled and left as soon as prayers were finished, Nefzi said, "
                  "adding, “He was not very religious.”")
    said = claim_with(ex, "left as soon as prayers")
    assert said.cue == "said" and "religious" not in said.content
    assert claim_with(ex, "not very religious").cue == "adding"


# -- requests and questions -------------------------------------------------------------------------

def test_asked_for_is_a_request(nlp):
    ex = run(nlp, "The ministry asked for proof of citizenship, and the family had none. The "
                  "attorney general asked the Supreme Court for quick action on the appeal.")
    proof = claim_with(ex, "proof of citizenship")
    assert proof.kind == "intention" and "ministry" in (proof.speaker_text or "")
    quick = claim_with(ex, "quick action")
    assert quick.kind == "intention" and quick.cue == "asked"


def test_asked_by_someone_whether_is_that_person_s_question(nlp):
    # a broadcast interview reported in news prose
    ex = run(nlp, "On Sunday's programme, the senator was asked by host John Dickerson whether his "
                  "aim was similar to Kennedy's. Asked by Ms. Lind if the government “understands” "
                  "the north, the minister avoided a direct answer.")
    c = claim_with(ex, "his aim was similar")
    assert c.stance == "questions" and "Dickerson" in (c.speaker_text or "")
    r = claim_with(ex, "understands")
    assert r.stance == "questions" and "Lind" in (r.speaker_text or "")


def test_asked_with_no_one_named_stays_without_a_speaker(nlp):
    ex = run(nlp, "Asked whether he would resign, the minister said he would not.")
    c = claim_with(ex, "he would resign")
    assert c.speaker_text is None and c.stance == "questions"


def test_a_possessed_claim_noun_with_an_infinitive(nlp):
    ex = run(nlp, "The president's promises to cut fuel taxes and raise pensions have put the budget at "
                  "the center of the race. The party's pledge to hold a referendum was dropped in May.")
    c = claim_with(ex, "to cut fuel taxes")
    assert c.kind == "intention" and "president" in (c.speaker_text or "").lower() + c.text.lower()
    assert claim_with(ex, "to hold a referendum").kind == "intention"


def test_a_claim_noun_with_a_prepositional_phrase_is_no_infinitive(nlp):
    ex = run(nlp, "His statement to reporters was brief.")
    assert not [c for c in ex.claims if "reporters" in c.content]


def test_a_past_tense_cue_read_as_a_reduced_relative(nlp):
    ex = run(nlp, "In the days before the visit, a group of rabbis called for a boycott of his "
                  "speech, and the prominent civil rights organization condemned his rhetoric.")
    c = claim_with(ex, "a boycott of his speech")
    assert c.cue == "called for" and c.kind == "intention" and "group" in (c.speaker_text or "")


def test_he_s_said_is_has_said(nlp):
    ex = run(nlp, "Ryan chairs the committee. He's said he gets his ideas about monetary policy from a "
                  "novel. It's said that the minister will resign.")
    c = claim_with(ex, "gets his ideas")
    assert "Ryan" in (c.speaker_text or "") and c.kind == "statement"
    r = claim_with(ex, "the minister will resign")
    assert r.speaker_text is None


def test_verbs_of_manner_of_speaking_and_recounting_are_cues(nlp):
    """ "“…,” X fumed", "X confessed that …", "X posited that …": these carry a quotation or
    a clause as "said" does; with a noun object they claim nothing ("protested the ruling")."""
    ex = run(nlp, "\u201cIf they were serious, they would have backed the only bipartisan bill,\u201d "
                  "Senator Hale fumed on Tuesday.\n\n"
                  "The former aide confessed that she had shredded the files.\n\n"
                  "In his memoir, Mr. Grant posited that the war could have been avoided.\n\n"
                  "\u201cWe will not give up,\u201d the mayor whispered to her deputy.\n\n"
                  "Hundreds of farmers protested the ruling outside the court.")
    assert "Hale" in (claim_with(ex, "only bipartisan bill").speaker_text or "")
    assert "aide" in (claim_with(ex, "shredded the files").speaker_text or "")
    assert "Grant" in (claim_with(ex, "could have been avoided").speaker_text or "")
    assert "mayor" in (claim_with(ex, "not give up").speaker_text or "")
    assert not [c for c in ex.claims if c.cue.startswith("protest")]


def test_findings_of_courts_and_investigators_are_claims(nlp):
    """ "the court ruled that …", "investigators determined that …": the finding is the
    finder's claim; "ruled out a run" and "determined the cause" (no clause) are none."""
    ex = run(nlp, "The constitutional court ruled that the decree violated the separation of "
                  "powers.\n\n"
                  "Investigators determined that the pilot had switched off the transponder.\n\n"
                  "The governor ruled out a run for the Senate.\n\n"
                  "An economic consulting firm, Rhodium Group, has calculated that the plan may cut "
                  "emissions by a third.\n\n"
                  "\u201cWe are working it hard,\u201d Crowley told Becerra, alluding to the chair's "
                  "rumored views.")
    assert "court" in (claim_with(ex, "violated the separation").speaker_text or "")
    assert "Investigators" in (claim_with(ex, "switched off the transponder").speaker_text or "")
    assert not [c for c in ex.claims if "Senate" in c.content]
    assert "Rhodium" in (claim_with(ex, "cut emissions by a third").speaker_text or "")
    assert "Crowley" in (claim_with(ex, "rumored views").speaker_text or "")


def test_verbs_of_censure_praise_and_guessing_and_attitudes_are_cues(nlp):
    """Censure, praise and comparison judge their object ("bashed the mayor's plan to …",
    "likened the deal to …"); guesses and hints have a clause; an attitude adjective takes
    its about-phrase. Each is the subject's claim, and the claim noun inside the object is
    not a second one."""
    ex = run(nlp, "On Wednesday, Senator Okafor bashed the mayor's proposal to close the harbour.\n\n"
                  "The minister likened the levy to a tax on bread.\n\n"
                  "Analysts speculated that the central bank would cut rates in June.\n\n"
                  "Union leaders are still uneasy about the new contract.\n\n"
                  "The governor vouched for the nominee at the hearing.")
    bashed = claim_with(ex, "mayor's proposal to close the harbour")
    assert bashed.cue.startswith("bash") and "Okafor" in (bashed.speaker_text or "")
    assert not [c for c in ex.claims if c.cue == "proposal"]
    assert "minister" in (claim_with(ex, "tax on bread").speaker_text or "")
    assert "Analysts" in (claim_with(ex, "cut rates in June").speaker_text or "")
    uneasy = claim_with(ex, "new contract")
    assert uneasy.cue.startswith("uneasy") and "leaders" in (uneasy.speaker_text or "")
    assert uneasy.kind == "belief"
    assert "governor" in (claim_with(ex, "the nominee").speaker_text or "")
