"""Claims: direct and indirect speech, speakers (names, pronouns, roles, surnames), cue,
content span, stance, date, explicit echoes; and the dossier bar (>= 80% of the gold claims
with the right speaker, both gold echoes found). Sentences are written for these tests."""

from __future__ import annotations

import pytest

from foreigndesk.extract.claim_cues import lexicon
from foreigndesk.extract.claim_quotes import find_quotes
from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.model import Claim, Document, Extraction

PUB = "2023-03-10"  # a Friday


def run(nlp, text: str, published: str | None = PUB) -> Extraction:
    doc = Document(text=text, published=published)
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    for c in ex.claims:  # provenance and spans hold for every claim
        assert c.extractor == "claims" and c.version and c.doc_id == doc.id
        assert text[c.start:c.end] == c.text
        assert c.start <= c.content_start < c.content_end <= c.end
        s = ex.sentences[c.sentence]
        assert c.start <= s.start and s.end <= c.end
        assert c.stance in ("asserts", "denies", "repeats", "questions")
    return ex


def claim_with(ex: Extraction, words: str) -> Claim:
    found = [c for c in ex.claims if words.lower() in c.content.lower()]
    assert found, f"no claim with {words!r}: {[(c.speaker_text, c.content) for c in ex.claims]}"
    return found[0]


# -- quotations ---------------------------------------------------------------------------------

def test_a_nested_single_quote_closing_with_the_typewriter_double_closes_both(nlp):
    # "''… 'Hey, this guy is for real,''' X said": three apostrophes close the nested single
    # quote and the double one; the quotation ends after all three and X speaks it
    text = ("''Part of my job is to say: 'Hey, this guy is for real,''' Mr. English said of "
            "the senator.\n\n''We told them: 'Vote early,''' Ms. Alvarez said.")
    qs = find_quotes(text)
    assert [text[q.start:q.end][-3:] for q in qs] == ["'''", "'''"]
    (ex,) = extract([Document(text=text, published="2016-03-01")], nlp=nlp)
    assert "English" in (claim_with(ex, "for real").speaker_text or "")
    assert "Alvarez" in (claim_with(ex, "Vote early").speaker_text or "")


def test_quotes_pair_straight_and_curly_and_run_to_paragraph_end():
    text = 'He said "one two three" and “four five”.\n"An open quote runs on\nNext paragraph.'
    qs = find_quotes(text)
    inner = [text[q.inner_start:q.inner_end] for q in qs]
    assert inner == ["one two three", "four five", "An open quote runs on"]
    assert [q.closed for q in qs] == [True, True, False]
    assert qs[0].sentence_like and not qs[1].sentence_like


def test_direct_quote_before_attribution_with_apposition(nlp):
    text = ('"The talks made real progress on trade," Maria Lopez, the foreign minister of Peru, '
            'told reporters.')
    c = claim_with(run(nlp, text), "real progress")
    assert c.content == "The talks made real progress on trade"
    assert "Lopez" in (c.speaker_text or "")
    assert c.cue == "told" and c.direct and c.stance == "asserts"


def test_curly_quote_with_inverted_attribution(nlp):
    text = "“We will not accept any interference in our affairs,” said Ahmed Karimi, a government spokesman."
    c = claim_with(run(nlp, text), "interference")
    assert "Karimi" in (c.speaker_text or "") and c.cue == "said" and c.direct


def test_quote_running_over_several_sentences(nlp):
    text = ('The governor, Jonas Berg, visited the valley on Monday.\n\n'
            '"The harvest failed. Prices doubled in a month. People are hungry," the governor said.')
    ex = run(nlp, text)
    c = claim_with(ex, "harvest failed")
    assert "People are hungry" in c.content and "Prices doubled" in c.content
    assert "Berg" in (c.speaker_text or ""), c.speaker_text  # "the governor" -> Jonas Berg
    assert c.content_start < ex.sentences[c.sentence].start  # the quote began sentences earlier


def test_quote_split_by_its_attribution_is_one_claim(nlp):
    text = '"We are ready to talk," Jonas Berg said, "but only without preconditions."'
    ex = run(nlp, text)
    c = claim_with(ex, "ready to talk")
    assert "without preconditions" in c.content
    assert "said" not in c.content and "Berg" in (c.speaker_text or "")
    assert len([k for k in ex.claims if "preconditions" in k.content]) == 1


# -- indirect speech ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Moscow claims the drone was shot down over the sea.", "Moscow", "claims",
     "the drone was shot down over the sea"),
    ("Analyst Sara Holm warns that the deal could collapse within weeks.", "Sara Holm", "warns",
     "the deal could collapse within weeks"),
    ("The ceasefire is holding along the whole front, according to Tomas Reyes.", "Tomas Reyes",
     "according to", "The ceasefire is holding along the whole front"),
    ("The new bridge will open to traffic in May, Sara Holm said, adding that tolls would be low.",
     "Sara Holm", "said", "The new bridge will open to traffic in May"),
    ("The ministry is committed to the region's growth based on trade, Sara Holm said, highlighting "
     "fishing; the port; and the fields of tourism and transport in the plan.",
     "Sara Holm", "said", "The ministry is committed to the region's growth based on trade"),
])
def test_indirect_speech(nlp, text, speaker, cue, content):
    c = claim_with(run(nlp, text), content)
    assert c.content == content
    assert speaker in (c.speaker_text or "")
    assert c.cue == cue and not c.direct


def test_quoted_as_saying_and_partial_quote(nlp):
    text = 'Ahmed Karimi was quoted as saying the sanctions "will hurt ordinary families first."'
    c = claim_with(run(nlp, text), "ordinary families")
    assert c.cue == "quoted as saying" and c.direct
    assert c.content.startswith("the sanctions")
    assert "Karimi" in (c.speaker_text or "")


def test_told_outlet_speaker_is_the_subject_not_the_outlet(nlp):
    text = '"Nothing has been decided yet," Omar Haddad told Reuters.'
    c = claim_with(run(nlp, text), "Nothing has been decided")
    assert "Omar Haddad" in (c.speaker_text or "") and c.cue == "told"


# -- back-references -----------------------------------------------------------------------------

def test_he_added_continues_the_last_speaker(nlp):
    text = ('"We have no quarrel with our neighbours," Ahmed Karimi said. '
            '"Our doors remain open to everyone," he added.')
    ex = run(nlp, text)
    first = claim_with(ex, "no quarrel")
    second = claim_with(ex, "doors remain open")
    assert second.cue == "added"
    assert second.speaker_text == first.speaker_text and "Karimi" in (second.speaker_text or "")
    if first.speaker_actor:
        assert second.speaker_actor == first.speaker_actor


def test_role_noun_resolves_to_the_person_named_with_that_role(nlp):
    text = ('The envoy, Omar Haddad, arrived in Nairobi with Tomas Reyes on Monday.\n\n'
            'Later the envoy said the embassy would stay closed until further notice.')
    c = claim_with(run(nlp, text), "embassy would stay closed")
    assert "Omar Haddad" in (c.speaker_text or ""), c.speaker_text


def test_an_indefinite_role_is_someone_new(nlp):
    ex = run(nlp, '"Trade will suffer," said Tomas Reyes. '
                  '"We will respond," a senior official warned, "if the drills go ahead."')
    c = claim_with(ex, "We will respond")
    assert "Reyes" not in (c.speaker_text or "") and "official" in (c.speaker_text or "")
    assert "if the drills go ahead" in c.content  # the two parts of a split quotation


def test_a_different_role_is_not_the_last_speaker(nlp):
    ex = run(nlp, '"Trade will suffer," said Tomas Reyes. Later the president said the ports would stay open.')
    c = claim_with(ex, "ports would stay open")
    assert "Reyes" not in (c.speaker_text or "")


def test_relative_clause_speaker(nlp):
    c = claim_with(run(nlp, "The minister, who said the talks had failed, left Geneva on Friday."),
                   "talks had failed")
    assert c.content == "the talks had failed" and "minister" in (c.speaker_text or "")
    assert c.date == PUB and c.date_source == "document"  # "on Friday" dates the leaving


def test_surname_links_to_the_full_name(nlp):
    text = ('"The plan is sound," Maria Lopez told reporters. '
            'Lopez said that the border would reopen within a month.')
    ex = run(nlp, text)
    first = claim_with(ex, "plan is sound")
    c = claim_with(ex, "border would reopen")
    assert "Lopez" in (c.speaker_text or "")
    if first.speaker_actor:
        assert c.speaker_actor == first.speaker_actor


def test_quote_continuing_the_previous_speaker(nlp):
    text = ('"The vote was fair," said Tomas Reyes. '
            '"Everyone who wanted to vote was able to do so without fear."')
    c = claim_with(run(nlp, text), "without fear")
    assert "Reyes" in (c.speaker_text or "") and c.direct


# -- stance, cue, date ---------------------------------------------------------------------------

def test_stances(nlp):
    ex = run(nlp, "The ministry denied that its troops had crossed the border. "
                  "Several lawmakers questioned whether the money had been spent at all. "
                  "Tomas Reyes rejected the accusation.")
    assert claim_with(ex, "troops had crossed").stance == "denies"
    assert claim_with(ex, "money had been spent").stance == "questions"
    assert claim_with(ex, "accusation").stance == "denies"


def test_cues_come_from_the_data_file(nlp):
    lex = lexicon()
    assert lex.verbs["say"] == "asserts" and lex.verbs["deny"] == "denies"
    assert lex.verbs["repeat"] == "repeats" and lex.verbs["parrot"] == "repeats"
    assert lex.particle_verbs["point out"] == "asserts"
    ex = run(nlp, '"Trade is growing fast," Sara Holm pointed out. Holm said that exports had doubled.')
    assert {c.cue for c in ex.claims} <= {"pointed out", "said"}
    assert "pointed out" in {c.cue for c in ex.claims}


def test_no_claim_without_content(nlp):
    ex = run(nlp, "Russia wrote off most of the debt last year. "
                  "The board added two new members. Sara Holm told Reuters. "
                  "No citizen should be denied the right to travel. The regime denies free speech. "
                  "Officials did not say whether the border would reopen.")
    assert ex.claims == []


def test_first_person_is_the_author(nlp):
    doc = Document(text="I told the council that the plan would fail.", published=PUB, author="Jane Roe")
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    c = claim_with(ex, "plan would fail")
    assert c.speaker_text == "Jane Roe" and c.speaker_actor is None


def test_date_from_the_attribution_clause_else_the_document(nlp):
    ex = run(nlp, '"The border will stay closed," the interior minister said on Tuesday. '
                  '"Trade will suffer," said Sara Holm.')
    on_tuesday = claim_with(ex, "border will stay closed")
    assert on_tuesday.date == "2023-03-07" and on_tuesday.date_source == "text"  # the Tuesday before Friday 10 March
    plain = claim_with(ex, "Trade will suffer")
    assert plain.date == PUB and plain.date_source == "document"
    undated = claim_with(run(nlp, '"Trade will suffer," said Sara Holm.', published=None), "Trade")
    assert undated.date is None and undated.date_source == "none"


# -- echoes --------------------------------------------------------------------------------------

def test_b_repeats_a_claim(nlp):
    ex = run(nlp, "Tehran claims the tanker was seized legally, and Damascus is repeating "
                  "Tehran's claim in its state media.")
    original = claim_with(ex, "tanker was seized")
    echoes = [c for c in ex.claims if c.stance == "repeats"]
    assert len(echoes) == 1
    e = echoes[0]
    assert "Damascus" in (e.speaker_text or "") and e.cue == "repeating"
    assert e.content == original.content == "the tanker was seized legally"
    assert e.echoes_text == original.content
    assert e.echoes_actor is not None and e.echoes_actor == original.speaker_actor


def test_echo_of_a_claim_in_an_earlier_sentence(nlp):
    ex = run(nlp, "Moscow says the convoy carried only food. Minsk has echoed Moscow's line in its "
                  "state media. Caracas parroted the Russian claim that the convoy was humanitarian.")
    original = claim_with(ex, "carried only food")
    minsk = next(c for c in ex.claims if "Minsk" in (c.speaker_text or ""))
    assert minsk.stance == "repeats" and minsk.content == original.content == minsk.echoes_text
    assert minsk.echoes_actor is not None and minsk.echoes_actor == original.speaker_actor
    assert ex.document.text[minsk.content_start:minsk.content_end] == "Moscow's line"
    caracas = next(c for c in ex.claims if "Caracas" in (c.speaker_text or ""))
    assert caracas.stance == "repeats" and caracas.content == "the convoy was humanitarian"
    assert caracas.echoes_actor is not None  # "the Russian claim": Russia


def test_as_x_pointed_out_inside_a_quote(nlp):
    text = '"As Warsaw has pointed out, the pipeline is a security risk," said Eva Novak, a Czech diplomat.'
    ex = run(nlp, text)
    host = [c for c in ex.claims if "Novak" in (c.speaker_text or "")]
    assert len(host) == 1
    h = host[0]
    assert h.stance == "repeats" and h.direct
    assert h.content == h.echoes_text == "the pipeline is a security risk"
    source = [c for c in ex.claims if "Warsaw" in (c.speaker_text or "")]
    assert source and source[0].stance == "asserts"
    assert h.echoes_actor is not None and h.echoes_actor == source[0].speaker_actor


# -- speed: only sentences with a quotation or a cue are parsed ----------------------------------

def test_only_candidate_sentences_are_parsed(nlp):
    from foreigndesk.extract.claims import candidate_sentences
    from foreigndesk.extract.nlp import ParsedDoc

    text = ("The river rose overnight. Farmers moved their cattle. "
            "Sara Holm said the dam would hold. \"We are watching it closely,\" she added.")
    d = Document(text=text)
    pd = ParsedDoc(d, nlp(text), nlp, Extraction(d))
    assert list(candidate_sentences(pd, lexicon(), find_quotes(text))) == [2, 3]


# -- the dossier ---------------------------------------------------------------------------------

def test_dossier_claims_recall_and_echoes(dossier_store, dossier_gold):
    from foreigndesk.evaluation.dossier import match_articles
    from foreigndesk.evaluation.dossier_claims import score

    r = score(dossier_store, dossier_gold, match_articles(dossier_store, dossier_gold))
    assert r["recall"] >= 0.80, r["details"]
    assert r["echoes"] == 2 and r["echoes_found"] == 2, r["details"]


# -- coverage by class (issue 9): sentences written for these tests --------------------------

def test_name_colon_lines_are_claims(nlp):
    ex = run(nlp, "Berg: Coal Plants Will Close Within A Decade.\n\n"
                  "Energy Minister Lena Berg spoke in Oslo on Monday.\n\n"
                  "Kenji Ito: “The harbour will reopen before the typhoon season starts.”\n\n"
                  "Update: The vote was moved to Friday.")
    c = claim_with(ex, "Coal Plants Will Close")
    assert "Lena Berg" in (c.speaker_text or "") and c.cue == ":"  # the article's full name
    c = claim_with(ex, "harbour will reopen")
    assert "Ito" in (c.speaker_text or "") and c.direct
    assert not any("vote was moved" in c.content for c in ex.claims)  # a label, not a speaker


def test_title_case_headlines_are_read_by_their_words(nlp):
    ex = run(nlp, "Glenn Marsh Blasts Regulators for Delaying the Pipeline.\n\nThe hearing ended.")
    c = claim_with(ex, "Regulators for Delaying")
    assert "Marsh" in (c.speaker_text or "") and c.cue == "blasts"
    ex = run(nlp, "Coal Plants Will Close Within A Decade, Energy Secretary Maria Lopez Says.\n\nShe spoke.")
    assert "Lopez" in (claim_with(ex, "Coal Plants Will Close").speaker_text or "")


def test_quote_split_from_its_attribution_by_the_segmenter(nlp):
    ex = run(nlp, "The talks stalled again.\n\n“Who do they think they are?” Omar Haddad said of the "
                  "negotiators on Friday, when the meeting broke up.")
    c = claim_with(ex, "Who do they think")
    assert "Haddad" in (c.speaker_text or "") and c.stance == "questions"


def test_quote_continued_in_the_next_paragraph_is_one_claim(nlp):
    ex = run(nlp, "“We will run out of staff to cover the coast,” said Ana Ruiz, the harbour master.\n\n"
                  "“I warned them years ago. Nobody listened.”\n\n"
                  "The ministry did not comment.")
    c = claim_with(ex, "run out of staff")
    assert "Nobody listened" in c.content and "Ruiz" in (c.speaker_text or "")
    assert c.content_start < c.content_end and len([x for x in ex.claims if "warned" in x.content]) == 1


def test_a_closing_quote_typed_as_an_opener(nlp):
    ex = run(nlp, "“The budget will not pass this year,“ said Tomas Reyes, the finance minister.")
    c = claim_with(ex, "budget will not pass")
    assert "Reyes" in (c.speaker_text or "")


def test_light_verbs_with_speech_nouns(nlp):
    ex = run(nlp, "Prime Minister Lena Berg raised concerns about the new fishing quotas. "
                  "The senator made the case that the tariffs would hurt farmers. "
                  "Governor Omar Haddad voiced support for the stadium project.")
    c = claim_with(ex, "new fishing quotas")
    assert "Berg" in (c.speaker_text or "") and c.cue == "raised concerns" and c.kind == "belief"
    assert claim_with(ex, "tariffs would hurt farmers").cue == "made the case"
    assert "Haddad" in (claim_with(ex, "stadium project").speaker_text or "")


def test_content_stops_at_a_second_cue_and_past_the_hearer(nlp):
    ex = run(nlp, "Rubens Lima said the reform had given his party momentum and said that the "
                  "opposition was divided. Kenji Ito told Reuters that the plant would close, adding "
                  "that 300 jobs would go.")
    c = claim_with(ex, "given his party momentum")
    assert "opposition" not in c.content
    c = claim_with(ex, "plant would close")
    assert not c.content.startswith("Reuters") and "300 jobs" not in c.content


def test_only_the_outermost_attribution(nlp):
    ex = run(nlp, "Mayor Ana Ruiz criticized the council for saying that the budget was balanced.")
    assert len(ex.claims) == 1 and "Ruiz" in (ex.claims[0].speaker_text or "")


def test_asked_about_is_a_question_with_no_speaker(nlp):
    ex = run(nlp, "Asked about the border fence, Omar Haddad said the neighbours would pay for it.")
    q = claim_with(ex, "border fence")
    assert q.stance == "questions" and q.speaker_text is None
    assert "Haddad" in (claim_with(ex, "neighbours would pay").speaker_text or "")


def test_transcript_turns_are_the_labelled_speakers_claims(nlp):
    text = ("Remarks by President Biden Before Departure\n\n"
            "Q Mr. President, will you talk to China about the balloon?\n\n"
            "THE PRESIDENT: We have made our position clear to Beijing. We did the right thing.\n")
    doc = Document(text=text, published="2023-02-06",
                   url="https://www.whitehouse.gov/briefing-room/speeches-remarks/2023/02/06/remarks/")
    (ex,) = extract([doc], nlp=nlp)
    for words in ("made our position clear", "did the right thing"):
        c = claim_with(ex, words)
        assert c.speaker_actor == "person:joe-biden" and c.cue == "the president:"
    assert not any("talk to China" in c.content for c in ex.claims)  # the question asserts nothing


@pytest.mark.parametrize("headline", [
    "Norway and Chile: salmon, science and a research pact",
    "China and Cuba: an alliance of convenience",
    "Kenya & Ethiopia: a bridge, a power line and a border",
])
def test_a_headline_naming_two_states_before_a_colon_is_a_topic(nlp, headline: str) -> None:
    """ "Norway and Chile: salmon, science and a research pact" names a subject, it quotes
    no one; "Paul Ryan: FBI Decision …" stays Ryan's claim (test above)."""
    text = headline + "\n\nThe two governments signed the agreement on Monday.\n"
    (ex,) = extract([Document(text=text, published="2023-03-16")], nlp=nlp)
    assert not [c for c in ex.claims if c.cue == ":"], [(c.speaker_text, c.content) for c in ex.claims]
