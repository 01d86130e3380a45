"""Sentence boundaries at quotation marks (nlp.line_breaks): a quotation opening after a
sentence end starts a sentence, with doubled apostrophes (NYT style), straight and curly
marks; the opening mark goes with its words, the closing mark with the sentence it closes.
Sentences are written for these tests, from several kinds of text (a feature story, a court
report, a sports column, a wire item)."""

from __future__ import annotations

import pytest

from foreigndesk.extract.nlp import spacy_pass
from foreigndesk.extract.pipeline import extract
from foreigndesk.model import Document
from tests.extract.test_claims import claim_with as about


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in spacy_pass(nlp, text).sents]


@pytest.mark.parametrize("open_, close", [("''", "''"), ('"', '"'), ("“", "”")])
def test_a_quotation_after_a_cue_starts_a_sentence(nlp, open_, close):
    text = (f"The mill closed in May. {open_}We lost everything,{close} Mr. Ortiz said. "
            f"{open_}Then the bank called.{close} His wife nodded.")
    assert sentences(nlp, text) == [
        "The mill closed in May.", f"{open_}We lost everything,{close} Mr. Ortiz said.",
        f"{open_}Then the bank called.{close}", "His wife nodded."]


@pytest.mark.parametrize("open_, close", [("''", "''"), ('"', '"'), ("“", "”")])
def test_two_speakers_in_one_paragraph(nlp, open_, close):
    text = (f"{open_}The verdict was fair,{close} said Judge Maria Keller of the district court. "
            f"{open_}The appeal will fail,{close} said Tom Reyes, a defense lawyer. "
            f"{open_}We expected it.{close}")
    got = sentences(nlp, text)
    assert got[1].startswith(f"{open_}The appeal will fail"), got
    assert got[2] == f"{open_}We expected it.{close}", got


def test_after_an_abbreviation_and_a_question(nlp):
    got = sentences(nlp, "The striker moved to the U.S. ''It was a dream,'' he said. "
                         "Was it worth it? ''Every minute,'' he said.")
    assert got == ["The striker moved to the U.S.", "''It was a dream,'' he said.",
                   "Was it worth it?", "''Every minute,'' he said."]


def test_a_quotation_inside_a_sentence_stays(nlp):
    # no sentence end before the opening mark, or a lower-case word after it: one sentence
    for text in ("Asked why, the minister said, ''Because the law says so.''",
                 "The senator called the plan ''a disaster'' and left the room.",
                 'The coach called it "a learning game" after the loss.',
                 "He said the club was “in good shape” and would sign two players."):
        assert len(sentences(nlp, text)) == 1, (text, sentences(nlp, text))


def test_the_second_quotation_is_the_second_speakers(nlp):
    text = ("Factory towns in Ohio have lost a third of their jobs since 2000. ''The damage is "
            "lasting,'' said Karen Autry, an economist at M.I.T. ''These towns will not come "
            "back,'' said Leo Brandt, a union organizer. ''Nobody planned for it.''")
    (ex,) = extract([Document(text=text, published="2016-03-16")], nlp=nlp)
    assert "Autry" in (about(ex, "damage is lasting").speaker_text or "")
    assert "Brandt" in (about(ex, "will not come back").speaker_text or "")


@pytest.mark.parametrize("open_, close", [("''", "''"), ('"', '"'), ("“", "”")])
def test_a_lower_case_attribution_after_a_question_stays(nlp, open_, close):
    # "''Why?'' she asked.": the words after the closing mark are the question's attribution
    text = (f"{open_}Where did the money go?{close} she asked the council. "
            f"{open_}Stop!{close} the referee shouted, and the game ended.")
    assert sentences(nlp, text) == [f"{open_}Where did the money go?{close} she asked the council.",
                                    f"{open_}Stop!{close} the referee shouted, and the game ended."]
