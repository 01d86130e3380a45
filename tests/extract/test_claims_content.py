"""Claim content boundaries (claims round 7): a second attribution inside a content span gets
its own claim, a sentence the segmenter ran on after an abbreviation ends the content, a cue
closing its sentence with a colon takes the quotation that opens the next paragraph, and
"says in a statement that …" takes the that-clause the parser hung on the statement.
Sentences are written for these tests, from news, statements and transcripts."""

from __future__ import annotations

from foreigndesk.extract.pipeline import default_extractors, extract
from foreigndesk.model import Claim, Document, Extraction


def run(nlp, text: str) -> Extraction:
    doc = Document(text=text, published="2024-05-06")
    (ex,) = extract([doc], nlp=nlp, extractors=default_extractors())
    for c in ex.claims:  # the content lies in its span (pieces of it may be left out)
        assert c.start <= c.content_start < c.content_end <= c.end
        assert all(w in text[c.content_start:c.content_end] for w in c.content.split())
    return ex


def claim_with(ex: Extraction, words: str) -> Claim:
    found = [c for c in ex.claims if words.lower() in c.content.lower()]
    assert found, f"no claim with {words!r}: {[(c.speaker_text, c.cue, c.content) for c in ex.claims]}"
    return found[0]


# -- a second attribution with its own speaker ----------------------------------------------------

def test_second_attribution_joined_by_and_or_but_gets_its_own_claim(nlp):
    ex = run(nlp, "The finance minister said the budget gap had narrowed, but the central bank "
                  "warned that inflation would stay high through the summer.")
    first = claim_with(ex, "budget gap had narrowed")
    assert "central bank" not in first.content and "minister" in (first.speaker_text or "")
    second = claim_with(ex, "inflation would stay high")
    assert "bank" in (second.speaker_text or "") and second.cue.startswith("warned")


def test_second_attribution_after_a_content_object(nlp):
    ex = run(nlp, "A rebel group claimed responsibility for the bombing but police officials have "
                  "said they doubt the group had the means to build the device.")
    first = claim_with(ex, "responsibility for the bombing")
    assert "police" not in first.content
    second = claim_with(ex, "doubt the group")
    assert "officials" in (second.speaker_text or "")


def test_second_attribution_with_a_pronoun_after_a_comma(nlp):
    ex = run(nlp, "Defense Secretary Lloyd Austin said the alliance remained “strong and united,” "
                  "but he also warned Moscow against moving troops closer to the border.")
    first = claim_with(ex, "strong and united")
    assert "Moscow" not in first.content
    assert claim_with(ex, "moving troops").cue.startswith("warned")


def test_own_feeling_joined_without_a_comma_stays_in_the_content(nlp):
    # "… and he feels …" with no comma: the same speaker goes on, one content
    ex = run(nlp, "Meanwhile, speaking to a morning show on Monday, Lopez said the state’s caucus "
                  "system is “complex” and he feels he can win the Tuesday primary.")
    c = claim_with(ex, "caucus system")
    assert "he can win" in c.content


def test_a_list_of_subjects_is_not_a_second_attribution(nlp):
    ex = run(nlp, "Exit polls show two-thirds of voters in Ohio, 7 in 10 in Iowa, and nearly "
                  "8 in 10 in Kansas support the new trade deal.")
    c = claim_with(ex, "two-thirds of voters")
    assert "support the new trade deal" in c.content


# -- a new sentence the segmenter missed after an abbreviation --------------------------------------

def test_content_stops_at_a_sentence_after_an_abbreviation(nlp):
    ex = run(nlp, "Mayor Lopez says the city is ready for the storm that hits the U.S. He says "
                  "shelters will open at noon.")
    c = claim_with(ex, "ready for the storm")
    assert "shelters" not in c.content
    assert claim_with(ex, "shelters will open")


def test_transcript_line_after_p_m_is_its_own_claim(nlp):
    ex = run(nlp, "The senator says she will vote after the polls close at 7 p.m. She says “the "
                  "turnout here has been remarkable for a cold day.”")
    c = claim_with(ex, "vote after the polls close")
    assert "turnout" not in c.content
    assert claim_with(ex, "turnout here has been remarkable")


# -- a colon at the end of the sentence, the quotation in the next paragraph ----------------------

def test_colon_then_quotation_in_the_next_paragraph(nlp):
    text = ("The former ambassador spoke to reporters on Monday. He said:\n\n"
            "“In every post I have held, you give up your private life. You have to cut off "
            "old contacts.”\n\n"
            "The ministry released the following statement:\n\n"
            "“We offer our condolences to the families of the victims. The investigation "
            "continues.”\n")
    ex = run(nlp, text)
    c = claim_with(ex, "In every post I have held")
    assert c.cue == "said" and "old contacts" in c.content and c.direct
    s = claim_with(ex, "offer our condolences")
    assert "ministry" in (s.speaker_text or "").lower() and "investigation continues" in s.content


def test_colon_with_a_sentence_after_it_is_not_a_quotation_cue(nlp):
    # the quotation after the colon sentence is separated by another sentence: not taken
    text = ("The spokesman said the following: the talks will resume.\n\n"
            "“Nothing is agreed until everything is agreed,” a diplomat said.\n")
    ex = run(nlp, text)
    c = claim_with(ex, "Nothing is agreed")
    assert "diplomat" in (c.speaker_text or "")


# -- "says in a statement that …" ------------------------------------------------------------------

def test_that_clause_hung_on_the_statement_is_the_content(nlp):
    ex = run(nlp, "Kasich’s chief strategist John Weaver says in a statement that the race will "
                  "now be a four-man contest. Senator Rand Paul wrote in a letter to the Pentagon "
                  "that the strikes had no legal basis.")
    c = claim_with(ex, "four-man contest")
    assert "Weaver" in (c.speaker_text or "") and not c.content.lower().startswith("that")
    p = claim_with(ex, "no legal basis")
    assert "Paul" in (p.speaker_text or "")


# -- passives with no one named: "is expected to", "was asked what …" ------------------------------

def test_is_expected_to_is_a_belief_with_no_speaker(nlp):
    ex = run(nlp, "The central bank, which has held rates near zero since 2008, is expected to "
                  "act at its final meeting of the year. The embattled prime minister isn’t "
                  "expected to run again in 2027.")
    c = claim_with(ex, "act at its final meeting")
    assert c.kind == "belief" and c.speaker_text is None and c.content.startswith("The central bank")
    n = claim_with(ex, "run again")
    assert n.kind == "belief" and n.speaker_text is None


def test_expected_or_asked_to_speak_is_the_subjects_claim(nlp):
    """ "X is expected to announce that …", "she was asked to explain why …": the infinitive is
    a verb of saying whose speaker is the one expected or asked, in a central-bank report, a
    campaign preview and a newspaper's endorsement."""
    cases = [("The Fed is expected to announce on Wednesday that it will keep rates unchanged.",
              "keep rates unchanged", "Fed"),
             ("Mr. Sanders is expected to argue in Detroit that the trade deals cost jobs.",
              "trade deals cost jobs", "Sanders"),
             ("The New York Times is expected to endorse Hillary Clinton for the nomination this weekend.",
              "Hillary Clinton for the nomination", "New York Times")]
    for text, words, who in cases:
        c = claim_with(run(nlp, text), words)
        assert who in (c.speaker_text or ""), (c.speaker_text, c.cue, c.content)
        assert c.cue != "expected"


def test_passive_expectation_with_an_agent_or_no_complement_is_no_evidential(nlp):
    ex = run(nlp, "The ship was expected in port on Monday. It is widely believed that the "
                  "minister will resign.")
    assert not [c for c in ex.claims if "ship" in c.content]
    c = claim_with(ex, "minister will resign")
    assert c.kind == "belief" and c.speaker_text is None


def test_was_asked_is_a_question_with_no_speaker(nlp):
    ex = run(nlp, "At the town hall, the governor was asked what happened to the missing funds. "
                  "Earlier, the mayor was asked a pointed question about police overtime. "
                  "The minister has been asked to release the transcripts of her speeches.")
    q = claim_with(ex, "what happened to the missing funds")
    assert q.stance == "questions" and q.speaker_text is None
    p = claim_with(ex, "question about police overtime")
    assert p.stance == "questions" and p.speaker_text is None
    r = claim_with(ex, "release the transcripts")  # a request: someone wants it done
    assert r.kind == "intention" and r.stance == "asserts" and r.speaker_text is None


def test_told_when_asked_the_one_told_asks(nlp):
    """ "X told Y when asked if …": Y put the question, X answered (a magazine interview and a
    wire quote); the one asked is never the asker."""
    ex = run(nlp, "“I stand by everything I said during the campaign,” the Florida senator told THE "
                  "WEEKLY STANDARD on Thursday when asked if he still believed the deal was a mistake.")
    q = claim_with(ex, "still believed the deal")
    assert q.stance == "questions" and "WEEKLY STANDARD" in (q.speaker_text or "")
    ex = run(nlp, "Kerry told CNN, when asked whether Russia could be trusted, that the ceasefire was holding.")
    assert not [c for c in ex.claims if c.cue == "asked" and c.speaker_text == "Kerry"]


def test_a_statement_released_in_a_participle_clause_is_the_clause_subjects(nlp):
    ex = run(nlp, "But Mr. Sanders showed no sign of backing down, releasing a statement that accused "
                  "Mrs. Clinton of running a negative campaign.")
    assert "Sanders" in (claim_with(ex, "negative campaign").speaker_text or "")


def spoken_by(nlp, text: str, words: str) -> str:
    """The speaker text of the claim of ``text`` whose content holds ``words`` ("" if none)."""
    return claim_with(run(nlp, text), words).speaker_text or ""


def _speakers_hold(nlp, cases: list[tuple[str, str, str]]) -> None:
    """Each (text, content words, speaker words): the claim's speaker holds the words."""
    for text, words, who in cases:
        got = spoken_by(nlp, text, words)
        assert who in got, (text, got)


def test_subjects_the_parser_misplaces(nlp):
    """Four shapes where the parser leaves the cue without its speaker: "whom X believed was
    …", "an opening for X to highlight …", "grew louder as X, Y's daughter, attacked …" and
    "…, said X and others, …" (campaign, court and convention coverage)."""
    cases = [("Canova capitalized on antipathy toward Wasserman Schultz, whom many progressives believed "
              "was unfairly tilting the primary.", "unfairly tilting", "progressives"),
             ("The shooting has created a natural opening for Clinton to highlight her experience as "
              "secretary of state.", "her experience", "Clinton"),
             ("Calls denouncing Donald Trump grew louder Wednesday as Patti Davis, Ronald Reagan's "
              "daughter, attacked Trump for comments made about the Khan family.", "comments made",
              "Patti Davis"),
             ("The contrast with Trump, said Doyle and others, would be clear since Trump has no "
              "experience in office.", "would be clear", "Doyle"),
             ("In court documents, Lazar's public defense counsel asked for a sentence of three years.",
              "sentence of three years", "counsel")]
    _speakers_hold(nlp, cases)


def test_an_event_named_for_a_place_or_party_is_no_speaker(nlp):
    """ "opened a Rochester rally blasting Clinton", "the Republican Convention shows …": an
    event is nobody's voice even with a name before it; the one who opened the rally speaks."""
    c = claim_with(run(nlp, "Tuesday, the Vermont senator opened a Rochester rally blasting Clinton for "
                            "her ties to Wall Street."), "ties to Wall Street")
    assert c.speaker_text != "Rochester rally"
    ex = run(nlp, "The Iowa debate showed that the candidates disagree on trade.")
    assert not [c for c in ex.claims if c.speaker_text and "debate" in c.speaker_text]


def test_a_singular_relative_clause_after_two_names_is_the_second_ones(nlp):
    ex = run(nlp, "Supporters in the delegation include Reps. Darrell Issa and Duncan Hunter, who was one of "
                  "the earliest House members to endorse the Manhattan billionaire.")
    assert claim_with(ex, "Manhattan billionaire").speaker_text == "Duncan Hunter"
    ex = run(nlp, "The letter was signed by Senators Ann Cole and Mark Reed, who say the tariffs will "
                  "hurt farmers in both states.")
    assert claim_with(ex, "hurt farmers").speaker_text != "Mark Reed"


def test_a_participle_after_those_addressed_is_the_appeal_makers(nlp):
    """ "making a pitch to New York voters saying …", "sent a letter to donors warning …": the
    voters and donors are addressed; the one who appeals speaks (voters "supporting her" in
    a poll still speak for themselves)."""
    cases = [("Texas Sen. Ted Cruz is making a pitch to New York voters saying a state law banning "
              "fracking is hurting the economy.", "hurting the economy", "Cruz"),
             ("The senator sent a letter to donors warning that the party would lose the House.",
              "lose the House", "senator")]
    _speakers_hold(nlp, cases)


def test_spending_time_doing_is_the_spenders_act(nlp):
    """ "spent much of the run-up to the caucuses portraying …", "has spent weeks arguing
    that …": the spender speaks; money spent on ads attacking someone is still the spender's."""
    cases = [("Clinton spent much of the run-up to the Nevada caucuses portraying Sanders as focused "
              "only on economic issues.", "Sanders", "Clinton"),
             ("The governor has spent weeks arguing that the budget is balanced.", "budget is balanced",
              "governor")]
    _speakers_hold(nlp, cases)


def test_a_one_word_quotation_before_an_inverted_cue_is_no_speaker(nlp):
    _speakers_hold(nlp, [('"Meh," wrote a Trump supporter who runs the Twitter account @WomenForTrump.',
                          "Meh", "supporter"),
                         ('"Nonsense," said the mayor of Boston after the vote.', "Nonsense", "mayor")])


def test_one_among_those_who_say_says_it(nlp):
    assert spoken_by(nlp, "Naureen Jahangir, a Sanders supporter from Hemet, California, is among those "
                          "who say they will not vote for Clinton.", "not vote for Clinton") == "Naureen Jahangir"
    assert "mayor" in spoken_by(nlp, "The mayor of Tulsa is among those who believe the tax will pass.",
                                "tax will pass")


def test_asked_if_is_asked_whether(nlp):
    """ "asked workers if they planned to attend", "wondered if the deal would hold": "if"
    after a verb of asking opens the question, not a condition."""
    cases = [("Bernie Sanders toured the hotel. He shook hands and asked workers if they planned to "
              "attend the caucuses.", "planned to attend the caucuses", "asked"),
             ("The minister wondered if the ceasefire would hold through the winter.",
              "ceasefire would hold", "wondered")]
    for text, words, cue in cases:
        ex = run(nlp, text)
        assert [c for c in ex.claims if words in c.content and c.cue == cue], \
            [(c.cue, c.content) for c in ex.claims]


def test_according_to_ends_at_its_comma(nlp):
    """ "According to the FBI summary, Mills and another aide asked …": the parser joins the
    clause's subject to the phrase's object; the subject is content, the phrase ends at the comma."""
    ex = run(nlp, "According to the FBI summary, Mills and another Clinton aide asked the employee to "
                  "delete the emails.")
    c = next(c for c in ex.claims if c.cue == "according to")
    assert c.content.startswith("Mills and another Clinton aide asked"), c.content
    ex = run(nlp, "According to the court filing, Smith and two of his lawyers met the prosecutors in May.")
    c = next(c for c in ex.claims if c.cue == "according to")
    assert c.content.startswith("Smith and two of his lawyers met"), c.content


def test_nouns_for_a_man_or_woman_are_agents_and_specimens_are_not(nlp):
    _speakers_hold(nlp, [("The radioman pointed out that Trump was once an advocate of gun control.",
                          "advocate of gun control", "radioman"),
                         ("A cameraman said the crowd had been peaceful all night.", "crowd had been peaceful",
                          "cameraman")])
    assert spoken_by(nlp, "The specimen showed that the virus had mutated.", "virus had mutated") == ""


def test_a_document_described_by_a_participle_is_its_publishers(nlp):
    """ "released a parody website asking for …": a document the participle describes speaks
    for whoever released it (cues.yaml document_nouns, as "a report showing …" did)."""
    _speakers_hold(nlp, [("The Not1More campaign on Tuesday released a parody website asking for an end to "
                          "the raids.", "end to the raids", "Not1More"),
                         ("Voters supporting her said the plan would pass.", "plan would pass", "Voters")])


# -- a party label in parentheses does not end the sentence ----------------------------------------

def test_party_and_state_in_parentheses_keep_the_speaker(nlp):
    ex = run(nlp, "Sen. Bernie Sanders (I-Vt.) called him divisive. Rep. Nancy Pelosi (D-Calif.) "
                  "said the vote would be close. He arrived late (around 5 p.m.) and left early.")
    assert "Sanders" in (claim_with(ex, "divisive").speaker_text or "")
    assert "Pelosi" in (claim_with(ex, "vote would be close").speaker_text or "")
    assert len(ex.sentences) == 3


# -- "as" giving a reason, with content of its own --------------------------------------------------

def test_as_clause_with_its_own_object_is_no_echo(nlp):
    ex = run(nlp, "The figures are unsurprising, as Sanders has criticized Clinton for having ties "
                  "to Wall Street. As the minister pointed out, the border is closed.")
    c = claim_with(ex, "ties to Wall Street")
    assert "Sanders" in (c.speaker_text or "") and c.stance == "asserts" and "figures" not in c.content
    e = claim_with(ex, "border is closed")  # the echo reading stays
    assert "minister" in (e.speaker_text or "")


# -- a digest item: "HEADLINE - Name: “…”" ---------------------------------------------------------

def test_digest_item_name_after_the_dash_speaks(nlp):
    text = ("POLL WATCH\n\n"
            "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: "
            "“Although the polls failed to predict the win on Tuesday night, they were not dead "
            "wrong. They just ended too early.”\n\n"
            "MARKETS - Stocks fell: the index lost 300 points on Monday.\n")
    ex = run(nlp, text)
    c = claim_with(ex, "polls failed to predict")
    assert "Blumenthal" in (c.speaker_text or "") and c.content.endswith("ended too early.")
    assert not [c for c in ex.claims if "index lost" in c.content]


# -- no speaker inside the quotation the cue follows -------------------------------------------------

def test_speaker_is_never_a_subject_inside_the_quotation(nlp):
    ex = run(nlp, "“We were tremendously wrong to not have confronted him from the beginning,” "
                  "Ramos, 58, told AFP in an interview on Monday. The union leader didn’t seem "
                  "impressed with the offer, telling reporters, “A lot of people said the "
                  "minister should step down.”")
    r = claim_with(ex, "tremendously wrong")
    assert r.speaker_text is not None and "Ramos" in r.speaker_text
    u = claim_with(ex, "minister should step down")
    assert "leader" in (u.speaker_text or "") and "lot" not in (u.speaker_text or "")


# -- the writer's setting after the content ---------------------------------------------------------

def test_time_clause_with_someone_elses_words_ends_the_content(nlp):
    ex = run(nlp, "The governor is assuring voters he is tough enough to lead after a woman in "
                  "Toledo told him she worries he is too nice. The New York Times reported the "
                  "email came hours after the senator proposed a ban.")
    c = claim_with(ex, "tough enough to lead")
    assert "woman" not in c.content
    assert "woman" in (claim_with(ex, "too nice").speaker_text or "")
    t = claim_with(ex, "email came hours")  # no words of another speaker: the clause stays
    assert "proposed a ban" in t.content


def test_a_participle_of_a_particle_verb_ends_the_content(nlp):
    ex = run(nlp, "The chairman said things “should be wrapped up by Cleveland,” referring to the "
                  "party’s July convention.")
    c = claim_with(ex, "wrapped up by Cleveland")
    assert "convention" not in c.content
    assert claim_with(ex, "July convention").cue.startswith("referring")


# -- the passive with a "by" agent -------------------------------------------------------------------

def test_passive_with_by_agent_is_the_agents_claim(nlp):
    ex = run(nlp, "The meeting was first reported by Politico. The governor has been criticized by "
                  "some of his rivals for failing to visit the flooded towns. The referendum was "
                  "rejected by 64 percent of the electorate. The bill was signed by the governor "
                  "on Monday.")
    r = claim_with(ex, "The meeting")
    assert r.speaker_text == "Politico" and r.cue == "reported"
    c = claim_with(ex, "failing to visit")
    assert "rivals" in (c.speaker_text or "") and "criticized by" not in c.content
    assert claim_with(ex, "The referendum").stance == "denies"
    assert not [c for c in ex.claims if "bill" in c.content]  # signing says nothing


# -- a clause, a colon and a quotation ---------------------------------------------------------------

def test_clause_colon_quotation_is_the_subjects_claim(nlp):
    text = ("The senator went even further: “If he goes forward and loses, it’s the end of his "
            "career.”\n\n"
            "The mayor addressed the supporters again:\n\n"
            "“Here is what I regret. I regret they don’t want to listen to anybody else.”\n\n"
            "The answer is simple: “Vote for change and you will get it.”\n\n"
            "BORDER TALKS STALL AGAIN: “Nothing is agreed until everything is agreed.”\n")
    ex = run(nlp, text)
    c = claim_with(ex, "end of his career")
    assert "senator" in (c.speaker_text or "") and c.cue == "went" and c.direct
    m = claim_with(ex, "Here is what I regret")
    assert "mayor" in (m.speaker_text or "") and "anybody else" in m.content
    assert not [c for c in ex.claims if "Vote for change" in c.content]  # no verb of its own
    assert not [c for c in ex.claims if "Nothing is agreed" in c.content and c.cue != ":"]


# -- "sent out a statement that …" ------------------------------------------------------------------

def test_sent_out_a_statement_that(nlp):
    ex = run(nlp, "The state’s chief election officer sent out a statement that no candidate had been "
                  "left off the ballots.")
    c = claim_with(ex, "left off the ballots")
    assert "officer" in (c.speaker_text or "") and not c.content.startswith("that")


# -- thanks, congratulations, apologies, implications, preferences (data/cues.yaml) -----------------

def test_thanks_apologies_implications_and_preferences_are_cues(nlp):
    ex = run(nlp, "The winner thanked the voters of Nevada for their support on Tuesday night. The "
                  "senator apologized for his campaign’s decision to tell supporters that the "
                  "governor was dropping out. The candidate implied that the judge was biased. "
                  "Most farmers favor a ban on the new pesticide.")
    t = claim_with(ex, "voters of Nevada")
    assert "winner" in (t.speaker_text or "") and "for their support" in t.content
    assert claim_with(ex, "campaign’s decision").cue == "apologized for"
    assert claim_with(ex, "judge was biased").cue == "implied"
    f = claim_with(ex, "ban on the new pesticide")
    assert f.kind == "belief" and "farmers" in (f.speaker_text or "")


# -- a clause before a semicolon or colon; a clause before "X said," --------------------------------

def test_clause_before_a_semicolon_or_colon_is_not_the_next_cues_content(nlp):
    ex = run(nlp, "A strong majority of farmers say they are paying attention to the trade talks; "
                  "26 percent of them say they have not been paying much attention. The mayor "
                  "has attacked the governor because it is paying off: She said she has raised "
                  "$100,000 since the scandal broke.")
    a = claim_with(ex, "paying attention to the trade talks")
    assert "farmers" in (a.speaker_text or "") and "26 percent" not in a.content
    b = claim_with(ex, "not been paying much attention")
    assert "trade talks" not in b.content
    c = claim_with(ex, "has raised $100,000")
    assert "attacked" not in c.content


def test_clause_then_comma_then_attribution_keeps_the_clause(nlp):
    ex = run(nlp, "The tariffs are “a disaster for our farmers,” the minister said Tuesday in Paris, "
                  "noting that exports fell by half. In a statement released shortly after the "
                  "vote ended, the senator said he was certain the bill would pass.")
    c = claim_with(ex, "disaster for our farmers")
    assert "minister" in (c.speaker_text or "") and "exports" not in c.content
    s = claim_with(ex, "bill would pass")
    assert "statement" not in s.content


# -- a directive's content: the addressee and what it is to do (issue 9) ---------------------------

def test_a_directive_holds_its_addressee_and_infinitive(nlp):
    def content(text: str, cue: str) -> str:
        return next(c.content for c in run(nlp, text).claims if c.cue == cue)

    assert content("Pompeo called on Beijing to release the detained Canadians.", "called on") == \
        "Beijing to release the detained Canadians"
    assert content("The senator called on the administration to release the memo.", "called on") == \
        "the administration to release the memo"
    # not the cue's participle, nor a second verb joined to it or to the infinitive
    assert content("Madeleine Albright recently urged young women to vote for Hillary Clinton, saying there "
                   "is a special place in hell for them.", "urged") == "young women to vote for Hillary Clinton"
    text = ("We urge the Cuban regime to refrain from violence against peaceful protestors, and we call on the "
            "international community to voice their support for the Cuban people.")
    assert content(text, "urge") == "the Cuban regime to refrain from violence against peaceful protestors"
    assert content(text, "call on") == "the international community to voice their support for the Cuban people"
    assert content("He has also called on the United States to attack the oil that funds the militants and "
                   "proposed a safe zone inside Syria.", "called on") == \
        "the United States to attack the oil that funds the militants"


def test_made_clear_without_it_has_its_that_clause(nlp):
    # the parser makes the clause a subject of "clear" when "it" is missing
    for text in ("Biden made clear that the United States will continue to compete vigorously.",
                 "The minister made clear that Havana would not accept the terms of the loan."):
        c = next(c for c in run(nlp, text).claims if c.cue == "made clear")
        assert c.content.startswith(("the United States will", "Havana would not"))


def test_a_capitalised_that_opening_the_content_is_kept(nlp):
    # the conjunction after a cue is dropped; the pronoun opening a quotation or a turn is not
    cases = [("\"That is not good enough,\" Rubio said.", "That is not good enough"),
             ("Rubio said that the matter was under review.", "the matter was under review"),
             ("“That will never happen,” the minister told reporters in Havana.", "That will never happen")]
    for text, content in cases:
        assert any(c.content == content for c in run(nlp, text).claims), text


def test_an_outlet_reporting_at_the_end_of_the_sentence_holds_the_clause_before(nlp):
    """ "<clause>, The Washington Post reported in 1998.": the parser often hangs the closing
    attribution inside the clause (on a quotation's last word); the outlet reports the whole
    clause, conjoined verbs included, and the claim inside it is not a second one."""
    ex = run(nlp, "During the inquiry, Ferris acknowledged that the fees he took could be called "
                  "\"a kickback,\" The Washington Post reported in 1998.\n\n"
                  "Earlier in the day, the mayor met harbour workers and pledged to \"keep every "
                  "berth open next winter,\" the Associated Press reported.\n\n"
                  "During the hearing, the minister conceded that the tender had been rushed, "
                  "officials said on Friday.")
    kickback = claim_with(ex, "fees he took")
    assert "Post" in (kickback.speaker_text or "") and "Post" not in kickback.content
    assert kickback.content.startswith("During the inquiry")
    berth = claim_with(ex, "met harbour workers")
    assert "Associated Press" in (berth.speaker_text or "") and "berth open" in berth.content
    tender = claim_with(ex, "tender had been rushed")
    assert "officials" in (tender.speaker_text or "")
    assert not [c for c in ex.claims if c.content.rstrip(".").endswith(("reported", "reported in 1998"))]


def test_when_asked_why_the_answer_is_the_one_asked(nlp):
    """ "When asked why, Sembler responded …": the parser made the answer the question's
    clause; what was asked ends at the comma (a bare "why" is no claim) and the answer is the
    one asked's."""
    ex = run(nlp, "When asked why, Okafor responded in a text message: \"The levy will pass and I "
                  "back it.\"\n\nWhen asked how, the minister replied that the budget had room.")
    levy = claim_with(ex, "levy will pass")
    assert levy.cue == "responded" and levy.speaker_text == "Okafor"
    assert "minister" in (claim_with(ex, "budget had room").speaker_text or "")
    assert not [c for c in ex.claims if c.cue == "asked"]


def test_a_quoted_word_ending_a_clause_after_a_phrase_is_not_all_the_content(nlp):
    # "said in a statement that the accusations were “groundless”": the clause runs up to the
    # quotation, which is only its last words; "said in an interview, “…”" and "his statement
    # on Wednesday that ''…''" still take the quotation
    ex = run(nlp, "China's embassy in Washington said in a statement that the accusations were "
                  "“groundless.”\n\nThe ministry said on Monday that the report was “pure "
                  "fiction.”\n\nThe mayor said in an interview, “We will rebuild every house.”")
    assert claim_with(ex, "groundless").content.startswith("the accusations were")
    assert claim_with(ex, "pure fiction").content.startswith("the report was")
    assert claim_with(ex, "rebuild every house").content.startswith("We will rebuild")


# -- a contrast clause fronted inside the content is the speaker's -----------------------------------

def test_a_contrast_clause_fronted_inside_the_content_is_kept(nlp):
    # "said that, while …, …": the contrast opens the reported clause, set off by commas or
    # dashes before its verb; it is the speaker's, and the content runs on to that verb
    ex = run(nlp, "Foreign Minister Ana Ruiz said that, while the talks had been useful, no "
                  "agreement on the border had been reached.")
    c = claim_with(ex, "no agreement on the border")
    assert c.content.startswith("while the talks") and "Ruiz" in (c.speaker_text or "")
    ex = run(nlp, "In a statement, the central bank argued that, although inflation has eased, "
                  "interest rates must stay high until next spring.")
    c = claim_with(ex, "rates must stay high")
    assert "although inflation has eased" in c.content
    ex = run(nlp, "Still, though the sanctions may hurt the regime over time -- after the first "
                  "winter -- the embargo will not change its course, the ambassador argued.")
    c = claim_with(ex, "embargo will not change")
    assert "sanctions may hurt" in c.content and "ambassador" in (c.speaker_text or "")


def test_a_contrast_after_the_content_is_still_the_writers(nlp):
    ex = run(nlp, "The governor said the new law would protect voters, while critics in the "
                  "legislature have called it an attack on the poor.")
    c = claim_with(ex, "would protect voters")
    assert "critics" not in c.content
