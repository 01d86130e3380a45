"""The PolNeAR scorer's speaker rules on pairs written for these tests (no PolNeAR text):
an artifact the gold takes as the source ("a new poll indicates …") is right when our claim
marks that artifact and names no agent; a pronoun or an empty speaker elsewhere is not."""

from __future__ import annotations

from foreigndesk.evaluation.polnear import (
    Article,
    GoldAttribution,
    artifact_named,
    is_artifact,
    match,
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
    assert is_artifact("Stories") and is_artifact("some analyses")  # -ies, -ses plurals
    assert is_artifact("A Sept. 15, 2011 email")  # a date's comma ends no head
    assert not is_artifact("Ana Ruiz, who wrote the report")
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


# -- the one-to-one assignment ------------------------------------------------------------
PAIR = ("Ana Ruiz warned that rents in the harbour district would rise for years, and the mayor's "
        "office insisted that the new housing fund would cover every family on the waiting list.")


def _span_claim(text: str, c0: int, c1: int, cue: str = "said") -> Claim:
    return Claim("d", 0, 0, len(text), text, "claims", "1", 0.5, speaker_text="Ana Ruiz",
                 speaker_start=0, speaker_end=8, cue=cue, content=text[c0:c1], content_start=c0,
                 content_end=c1)


def _span_gold(text: str, c0: int, c1: int, cue: str) -> GoldAttribution:
    k = text.index(cue)
    return GoldAttribution([(c0, c1)], (0, 8), (k, k + len(cue)), text[c0:c1], text[:8], cue)


def test_the_assignment_maximises_the_summed_overlap_not_the_first_best_pair():
    # gold 0: Ruiz's "rents ... for years"; gold 1: the office's longer content. Our first
    # claim swallows both (its best single pair is gold 1, ratio 0.42), our second holds the
    # first words of gold 1 (ratio 0.31): a greedy choice, best pair first, matched the first
    # claim to gold 1 and left gold 0 and the second claim unmatched
    rents = PAIR.index("rents")
    rise = PAIR.index(", and")
    fund = PAIR.index("the new housing")
    claims = [_span_claim(PAIR, rents, len(PAIR) - 1),
              _span_claim(PAIR, fund, PAIR.index(" would cover"))]
    gold = [_span_gold(PAIR, rents, rise, "warned"), _span_gold(PAIR, fund, len(PAIR) - 1, "insisted")]
    assert match(claims, gold) == [(0, 0), (1, 1)]


def test_tied_pairs_go_to_the_claim_whose_cue_agrees():
    text = "The senator, who says the levy is unfair, sees no reason to vote for it."
    c0, c1 = text.index("the levy"), text.index(", sees")
    claims = [_span_claim(text, c0, c1, cue="sees"), _span_claim(text, c0, c1, cue="says")]
    gold = [_span_gold(text, c0, c1, "says")]
    assert match(claims, gold) == [(1, 0)]
    assert match(claims[::-1], gold) == [(0, 0)]


def test_a_pair_below_half_the_shorter_span_is_never_matched():
    rents = PAIR.index("rents")
    claims = [_span_claim(PAIR, 0, rents + 5)]  # ends with "rents" of "rents would rise"
    assert match(claims, [_span_gold(PAIR, rents, PAIR.index(", and"), "warned")]) == []


def test_a_relative_pronoun_stands_for_the_artifact_before_it():
    text = "He appeared amid news reports that question his account of the trip."
    art = Article("t", text, [])
    that = text.index("that")
    c0, c1 = text.index("his account"), len(text) - 1
    gold = GoldAttribution([(c0, c1)], (that, that + 4), None, text[c0:c1], "that")
    reports = text.index("news reports")
    ours = Claim("d", 0, 0, len(text), text, "claims", "1", 0.5, speaker_text=None,
                 speaker_start=reports, speaker_end=reports + len("news reports"),
                 content=text[c0:c1], content_start=c0, content_end=c1)
    assert artifact_named(ours, gold, text) and speaker_right(ours, gold, art, [])
    # a span far before the pronoun, or one that names no artifact, is not its antecedent
    he = Claim("d", 0, 0, len(text), text, "claims", "1", 0.5, speaker_text=None, speaker_start=0,
               speaker_end=2, content=text[c0:c1], content_start=c0, content_end=c1)
    assert not speaker_right(he, gold, art, [])


def test_a_name_matches_across_accents():
    """A dictionary name with its accents ("Felipe Calderón") and the article's spelling
    without them ("Calderon") are one name; different names still differ."""
    text = "Calderon spoke in Monterrey. “The wall is absurd,” he said."
    art = Article("t", text, [])
    he = text.index("he said")
    c0, c1 = text.index("The wall"), text.index("absurd") + len("absurd")
    gold = GoldAttribution([(c0, c1)], (he, he + 2), None, text[c0:c1], "he")
    ours = Claim("d", 0, 0, len(text), text, "claims", "1", 0.5, speaker_text="Felipe Calderón",
                 speaker_start=he, speaker_end=he + 2, content=text[c0:c1], content_start=c0,
                 content_end=c1)
    assert speaker_right(ours, gold, art, [])
    ours.speaker_text = "Enrique Peña Nieto"
    assert not speaker_right(ours, gold, art, [])
