"""Each cue gets its own words (claims round 11): a fronted contrast clause with a speaker of
its own ("While Republicans boast of X, <clause>, economists say") is that speaker's content,
not the main cue's, and its cue says nothing past the clause; a clause that is the content of a
cue closing the sentence ("<regulators have found …>, officials said.") ends its own cue's
words. Sentences are written for these tests, from news, statements, reports and speeches."""

from __future__ import annotations

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.model import Claim, Document, Extraction


def run(nlp, text: str) -> Extraction:
    doc = Document(text=text, published="2024-05-06")
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    for c in ex.claims:
        assert c.start <= c.content_start < c.content_end <= c.end
    return ex


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
