"""Attributions made by a label, not a verb (issue 9, claims14): "Name: what was said"
headlines and digest items, and labelled turns of a transcript or a panel quoted in an
article. The labelled name speaks the whole line; a cue inside the line makes no claim of its
own. Texts written for these tests (headlines, pollster round-ups, a TV interview excerpt, a
panel transcript, a policy round-up), run through the real pipeline."""

from __future__ import annotations

import pytest

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.extract.turn_labels import find_labels
from foreigndesk.model import Claim, Document, Extraction

PUB = "2016-03-10"


def run(nlp, text: str, author: str | None = "Jane Writer") -> Extraction:
    doc = Document(text=text, published=PUB, author=author)
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    for c in ex.claims:
        assert text[c.start:c.end] == c.text
        assert c.start <= c.content_start < c.content_end <= c.end
    return ex


def claims_with(ex: Extraction, words: str) -> list[Claim]:
    return [c for c in ex.claims if words.lower() in c.content.lower()]


def only_claim_with(ex: Extraction, words: str) -> Claim:
    found = claims_with(ex, words)
    assert len(found) == 1, [(c.speaker_text, c.cue, c.content) for c in ex.claims]
    return found[0]


# -- "Name: what was said" lines ----------------------------------------------------------------

@pytest.mark.parametrize("headline, speaker", [
    # a cue inside the quotation, whose subject is the line's first or second person
    ("Rosa Delgado: ‘You Call Me Naive Because I Believe In Public Transit.’", "Rosa Delgado"),
    ("Omar Haddad: ‘I’m Tired Of Bankers Telling Us How To Run The Port.’", "Omar Haddad"),
    # a cue with no subject of its own
    ("Lena Berg: ‘It Is Not Too Much’ To Ask For A Four-Day Week.", "Lena Berg"),
    # a cue whose subject is someone else: still the labelled speaker's line
    ("Tomas Reyes: Voters think the budget is too small.", "Tomas Reyes"),
])
def test_a_labelled_headline_is_its_names_claim_whatever_cue_stands_inside(nlp, headline: str,
                                                                         speaker: str) -> None:
    ex = run(nlp, headline + f"\n\nThe remarks came on Tuesday, when {speaker} spoke in Denver.")
    body = headline.split(":", 1)[1].strip(" ‘’.")[:20]
    c = only_claim_with(ex, body)
    assert c.cue == ":" and c.speaker_text == speaker
    assert c.content_start < ex.claims[0].start + len(headline)


@pytest.mark.parametrize("headline, speaker_word", [
    ("Harbour Authority Chief On The Strike: ‘We Will Not Pay Twice.’", "Harbour"),
    ("Mayor Ana Ruiz to Teachers: The schools will reopen in April.", "Ruiz"),
    ("Kenji Ito at Davos: Tariffs will hurt the poorest most.", "Ito"),
])
def test_the_speaker_stands_before_a_topic_an_audience_or_a_venue(nlp, headline: str,
                                                                  speaker_word: str) -> None:
    ex = run(nlp, headline + "\n\nThe comments drew applause.")
    (c,) = [c for c in ex.claims if c.cue == ":"]
    assert speaker_word in (c.speaker_text or "") and "Strike" not in (c.speaker_text or "")
    assert "Teachers" not in (c.speaker_text or "") and "Davos" not in (c.speaker_text or "")


def test_a_tag_before_the_name_and_sentence_case_sources(nlp) -> None:
    ex = run(nlp, "EXCLUSIVE – Rubens Costa: Don’t Trust the New Voting Machines.\n\n"
                  "Senator Rubens Costa spoke to us on Friday.")
    assert "Rubens Costa" in (only_claim_with(ex, "Voting Machines").speaker_text or "")
    ex = run(nlp, "Insiders: the governor will win the runoff in Ohio.\n\nThe race is close.")
    assert only_claim_with(ex, "will win the runoff").speaker_text == "Insiders"
    ex = run(nlp, "Haddad camp: the new tariffs threaten jobs at the port.\n\n"
                  "Omar Haddad’s aides spoke to reporters in Lagos on Monday.")
    assert "Haddad" in (only_claim_with(ex, "threaten jobs").speaker_text or "")


def test_a_digest_items_source_speaks_its_quotation_not_the_headline_verb(nlp) -> None:
    text = ("POLL WATCH: What the primaries taught us.\n\n"
            "Pollsters agree - Carla Mendes: “The lesson is simple: keep calling voters until "
            "the very last day.”\n\n"
            "Surveys did predict the runoff - PollWatch: “Most pollsters fared much better "
            "with the second round than with the first.”\n\n"
            "Turnout was underestimated everywhere -More from Mendes and Walker: “Our panel "
            "shows that late deciders broke for the challenger.”\n\n"
            "What the audit found - From the report: “Samples weighted by past vote were the "
            "most accurate.”\n")
    ex = run(nlp, text)
    assert "Mendes" in (only_claim_with(ex, "keep calling voters").speaker_text or "")
    assert only_claim_with(ex, "fared much better").speaker_text == "PollWatch"
    assert "Mendes" in (only_claim_with(ex, "late deciders").speaker_text or "")
    c = only_claim_with(ex, "Samples weighted")
    assert c.speaker_text is None and text[c.speaker_start:c.speaker_end] == "the report"
    assert not [c for c in ex.claims if c.speaker_text in ("Pollsters", "Surveys", "Turnout")]


def test_a_line_naming_its_person_again_or_an_artifact_is_no_label(nlp) -> None:
    # a heading about a person, whose prose names them: the prose's own cue stands
    ex = run(nlp, "Ana Ruiz: Housing On her campaign website, Senator Ana Ruiz calls for a "
                  "national rent cap.\n\nShe spoke in Reno.")
    c = only_claim_with(ex, "rent cap")
    assert c.cue == "calls for" and "Ruiz" in (c.speaker_text or "")
    # "The result: …, a study found.": the study's
    ex = run(nlp, "Testing rose sharply. The result: Pupils in city schools take 112 tests "
                  "before they graduate, a study by the Council of City Schools found.")
    c = only_claim_with(ex, "112 tests")
    assert c.cue == "found"
    # two persons and no quotation: a topic; a list of names: no one's claim
    ex = run(nlp, "Netanyahu and Obama: A tortured relationship.\n\nThe two leaders met.")
    assert not [c for c in ex.claims if c.cue == ":"]
    ex = run(nlp, "The panel's members by state.\n\nOhio: Tim Albrecht, Brad Anderson, Rob Barron, "
                  "Jeff Boeyink, Bonnie Campbell.\n")
    assert not [c for c in ex.claims if c.cue == ":"]


def test_the_sources_own_verb_keeps_its_claim(nlp) -> None:
    ex = run(nlp, "Lena Berg Says: The Coal Plants Will Close Within A Decade.\n\nShe spoke in Oslo.")
    assert not [c for c in ex.claims if c.cue == ":"]


# -- labelled turns in an article -----------------------------------------------------------------

INTERVIEW = ("Governor Maria Lopez defended the budget on Sunday.\n\n"
             "Partial transcript as follows:\n\n"
             "MARTHA KESSLER: The mayor released a video on Friday talking about the budget. "
             "Take a listen.\n\n"
             "(BEGIN VIDEO CLIP.)\n\n"
             "KESSLER: Do you think the governor has campaigned honestly on the budget?\n\n"
             "LOPEZ: I think the whole state needs to pull together on this budget.\n")


def test_a_full_name_label_no_one_knows_speaks_and_its_surname_label_too(nlp) -> None:
    ex = run(nlp, INTERVIEW, author=None)
    c = only_claim_with(ex, "released a video")
    assert c.speaker_text == "Martha Kessler" and c.cue == "martha kessler:"
    # the turn's claim (a cue inside a transcript's turn keeps its own claim beside it)
    assert any(c.speaker_text == "Martha Kessler" for c in claims_with(ex, "campaigned honestly"))
    assert not claims_with(ex, "VIDEO CLIP")  # a stage direction says nothing
    assert all("Lopez" in (c.speaker_text or "") for c in claims_with(ex, "pull together"))


PANEL = ("The panel dismissed the transit tax on Saturday.\n\n"
         "\"Rita Moreno: Seriously, about this. Tomas says he’s going to pay for free buses with "
         "a tax on parking. That sounds great.\"\n\n"
         "Alex Seitz-Wald: She is right on all these things, but it’s the vegetables. You’re "
         "gonna feel terrible the next day if you eat a lot of ice cream.\n\n"
         "Moreno: Here’s the irony: everybody wants to save money, and everybody wants better "
         "buses.\n")


def test_a_panel_quoted_in_an_article(nlp) -> None:
    labels = [lab.text for lab in find_labels(PANEL)]
    assert labels == ["Rita Moreno", "Alex Seitz-Wald", "Moreno"]
    ex = run(nlp, PANEL)
    # the labelled speaker's line, not the cue inside it
    c = only_claim_with(ex, "going to pay for free buses")
    assert c.speaker_text == "Rita Moreno"
    assert {c.speaker_text for c in claims_with(ex, "ice cream")} == {"Alex Seitz-Wald"}
    assert {c.speaker_text for c in claims_with(ex, "wants to save")} == {"Rita Moreno"}


def test_section_headings_that_name_their_person_are_no_turns() -> None:
    text = ("Ideas from the primaries worth keeping.\n\n"
            "Ana Ruiz: Rents On her website, Senator Ana Ruiz calls for a rent cap.\n\n"
            "Tomas Reyes: Pensions Two years ago, Senator Tomas Reyes proposed a public fund.\n")
    assert find_labels(text) == []


def test_a_labelled_line_saying_as_x_said_repeats_x(nlp) -> None:
    """A press conference's name labels and a headline: "As X has said, …" inside the line
    makes the line repeat X, and X's own claim stays."""
    text = ("Foreign ministry spokesperson Mao Ning held a press conference on Monday.\n\n"
            "Reuters Reporter Anna Berg: Will the two leaders meet in November?\n\n"
            "Mao Ning: As President Xi has said, the two sides must respect each other's core "
            "interests.\n")
    ex = run(nlp, text)
    said = claims_with(ex, "respect each other")
    (mao,) = [c for c in said if c.cue == "mao ning:"]
    assert mao.stance == "repeats" and mao.echoes_actor == "person:xi-jinping"
    assert any(c.speaker_actor == "person:xi-jinping" for c in said)  # Xi's own claim stays
    ex = run(nlp, "Omar Haddad: As Lena Berg has said, the pipeline will be finished in May.\n\n"
                  "The minister spoke in Oslo.")
    (line,) = [c for c in ex.claims if c.cue == ":"]
    assert line.speaker_text == "Omar Haddad" and line.stance == "repeats"
    assert any("Berg" in (c.speaker_text or "") for c in claims_with(ex, "pipeline"))


@pytest.mark.parametrize("text, words, who", [
    ("PROMOTING A STABLE, PROSPEROUS, AND FREE CUBA: President Trump is committed to fostering a "
     "free and democratic Cuba.", "democratic Cuba", "Trump"),
    ("PROTECTING AMERICAN WORKERS AND FARMERS: The Secretary believes that trade must be fair to "
     "the workers of both countries.", "trade must be fair", ""),
])
def test_a_section_heading_in_capitals_is_no_speaker(nlp, text, words, who):
    """A fact sheet's heading in capitals before a colon (a comma, an -ING word or five
    words) heads a section: the sentence after it speaks for its own subject, never for
    the heading ("CUBA")."""
    ex = run(nlp, text)
    got = [c.speaker_text or "" for c in ex.claims if words in c.content]
    assert got and all("CUBA" not in g and "FARMERS" not in g and who in g for g in got)


@pytest.mark.parametrize("text, words, speaker", [
    ("Department Press Briefing\n\nMR. PATEL: Good afternoon. We have said that the drills are an "
     "overreaction and must stop.\n\nQUESTION: Will you impose sanctions?\n\nMR. PATEL: I am not "
     "going to get ahead of the Secretary on that question.", "drills are an overreaction", "Patel"),
    ("Security Council Stakeout\n\nAMBASSADOR OKAFOR: The council must act now, because the "
     "ceasefire is collapsing in the east.\n\nQUESTION: Will Russia veto it?\n\nAMBASSADOR "
     "OKAFOR: That is for them to explain to the council.", "ceasefire is collapsing", "Okafor"),
])
def test_a_titled_label_names_a_speaker_no_one_mentioned(nlp, text, words, speaker):
    # a label with an honorific or a title before the name (data turns.yaml title_sectors)
    # names a person even when no list knows him and the text names him nowhere else, unlike an
    # all-capital heading ("DELEGATE NEWS:")
    found = claims_with(run(nlp, text, author=None), words)
    assert any(speaker.lower() in (c.speaker_text or "").lower() for c in found), \
        [(c.speaker_text, c.content) for c in found]
