"""The PolNeAR scorer's speaker rules on pairs written for these tests (no PolNeAR text):
an artifact the gold takes as the source ("a new poll indicates …") is right when our claim
marks that artifact and names no agent; a pronoun or an empty speaker elsewhere is not."""

from __future__ import annotations

from foreigndesk.evaluation.polnear import (
    Article,
    GoldAttribution,
    artifact_named,
    is_artifact,
    speaker_right,
)
from foreigndesk.model import Claim

TEXT = "Turnout will be low, a new survey of farmers indicates. He said the plan would fail."


def _claim(speaker: str | None, s0: int | None, s1: int | None, c0: int, c1: int) -> Claim:
    return Claim("d", 0, 0, len(TEXT), TEXT, "claims", "1", 0.5, speaker_text=speaker,
                 speaker_start=s0, speaker_end=s1, content=TEXT[c0:c1], content_start=c0,
                 content_end=c1)


def _gold(src: tuple[int, int], c0: int, c1: int) -> GoldAttribution:
    return GoldAttribution([(c0, c1)], src, None, TEXT[c0:c1], TEXT[src[0]:src[1]])


def test_artifact_sources_are_recognised_by_their_head():
    assert is_artifact("a new survey of farmers")
    assert is_artifact("Early results of an entrance poll")
    assert is_artifact("new fundraising reports")
    assert not is_artifact("the farmers who answered a poll")
    assert not is_artifact("Senator Ana Ruiz")


def test_an_artifact_marked_as_the_source_without_an_agent_is_right():
    art = Article("t", TEXT, [])
    src = (TEXT.index("a new survey"), TEXT.index(" indicates"))
    gold = _gold(src, 0, TEXT.index(","))
    survey = TEXT.index("survey")
    ours = _claim(None, TEXT.index("new survey"), survey + len("survey"), 0, TEXT.index(","))
    assert artifact_named(ours, gold, TEXT) and speaker_right(ours, gold, art, [])
    # no speaker span, or a span elsewhere: wrong
    assert not speaker_right(_claim(None, None, None, 0, TEXT.index(",")), gold, art, [])
    he = TEXT.index("He")
    assert not speaker_right(_claim(None, he, he + 2, 0, TEXT.index(",")), gold, art, [])


def test_an_unresolved_pronoun_is_still_wrong():
    art = Article("t", TEXT, [])
    he = TEXT.index("He")
    c0 = TEXT.index("the plan")
    gold = _gold((he, he + 2), c0, len(TEXT) - 1)
    assert not speaker_right(_claim(None, he, he + 2, c0, len(TEXT) - 1), gold, art, [])
