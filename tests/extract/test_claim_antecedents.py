"""Speakers that stand for an agent named before (issue 9): "she" for a woman named pages
before or with a given name the lists do not know, a definite organisation noun ("the
company", "the league") for the organisation named before that it can stand for and no other,
and the agent subject of "seemed to"/"appeared to". Sentences are written for these tests, in
the shapes of wire reports, profiles and campaign coverage."""

from __future__ import annotations

from foreigndesk.extract.pipeline import extract
from foreigndesk.model import Document, Extraction
from tests.extract.test_claims import claim_with as about


def run(nlp, text: str, published: str | None = "2024-05-02") -> Extraction:
    (ex,) = extract([Document(text=text, published=published)], nlp=nlp)
    return ex


def speaker(ex: Extraction, words: str) -> str | None:
    return about(ex, words).speaker_text


def _filler(n: int) -> str:
    topics = ["the budget", "the harbour", "the tariffs", "the election", "the pipeline", "the treaty"]
    return "\n\n".join(f"The committee met again to review {topics[k % len(topics)]} on day {k}."
                       for k in range(n))


# -- "she" far from the name, or after a name of no known gender ---------------------------------

def test_she_pages_after_the_only_woman_named(nlp):
    text = ("Jill Stein spoke to farmers in Ohio on Monday.\n\n" + _filler(18)
            + "\n\nShe said the subsidies would end in June.")
    assert speaker(run(nlp, text), "subsidies would end") == "Jill Stein"


def test_she_after_a_name_the_lists_do_not_know(nlp):
    text = ("Ngozi Okonjo-Iweala arrived in Geneva on Monday.\n\n"
            "The trade talks have stalled for months.\n\n"
            "Delegates from forty countries met in the hall.\n\n"
            "The agenda was long.\n\n"
            "She said the talks would resume in June.")
    assert speaker(run(nlp, text), "talks would resume") == "Ngozi Okonjo-Iweala"


def test_she_skips_a_man_for_a_woman_of_unknown_name(nlp):
    text = ("Chioma Eze chaired the panel in Lagos.\n\n"
            "The hall was full.\n\n"
            "Mr. Thompson, an economist, spoke first about prices.\n\n"
            "The audience asked about fuel.\n\n"
            "The power went out twice.\n\n"
            "She said the reforms would take a decade.")
    got = speaker(run(nlp, text), "reforms would take")
    assert got is not None and "Thompson" not in got and "Eze" in got


# -- a definite organisation noun ------------------------------------------------------------------

def test_the_company_is_the_company_named_before(nlp):
    ex = run(nlp, "Boeing reported strong sales on Monday. The company said demand for jets was rising.\n"
                  "Huawei opened a plant in Hungary. The firm said demand for phones was rising.")
    assert speaker(ex, "demand for jets") == "Boeing"
    assert speaker(ex, "demand for phones") == "Huawei"


def test_the_company_is_never_a_government_named_before(nlp):
    ex = run(nlp, "The White House said the talks were useful. The company said the order was delayed.\n"
                  "Gazprom cut supplies to Europe. The Kremlin said the cut was technical. "
                  "The company said repairs would take weeks.")
    assert speaker(ex, "order was delayed") != "White House"
    assert speaker(ex, "repairs would take") == "Gazprom"


def test_the_league_is_not_the_union_spoken_before(nlp):
    ex = run(nlp, "The union said the strike would continue. The league warned that games could be cancelled.\n"
                  "The Sierra Club endorsed the bill. The league said the vote on the stadium would be close.\n"
                  "The American Federation of Teachers met in Boston. The union said it would strike in May.")
    assert speaker(ex, "games could be cancelled") != "union"
    assert speaker(ex, "vote on the stadium") != "Sierra Club"
    assert speaker(ex, "strike in May") == "American Federation of Teachers"


# -- "X seemed to …", "X appeared to …" -------------------------------------------------------------

def test_an_agent_that_seemed_to_act_is_the_speaker(nlp):
    ex = run(nlp, "Obama himself seemed to recognize the significance of the vote.\n"
                  "The Chinese government appears to have approved the deal with Havana.\n"
                  "Voters seem to care more about being inspired than about policy.")
    assert speaker(ex, "significance of the vote") == "Obama"
    assert speaker(ex, "approved the deal") == "Chinese government"
    assert speaker(ex, "being inspired") == "Voters"
    assert "Obama" not in about(ex, "significance of the vote").content


def test_a_thing_or_a_passive_that_seemed_has_no_speaker(nlp):
    ex = run(nlp, "The economy appeared to slow in the third quarter.\n"
                  "Twitter appears to be heavily used by the militants.\n"
                  "The senator seemed to be a reluctant candidate.")
    assert speaker(ex, "slow in the third quarter") is None
    assert speaker(ex, "heavily used") is None
    assert speaker(ex, "reluctant candidate") is None


# -- "she"/"he" for a person described by a noun, with no one named ----------------------------------

def test_she_is_the_woman_described_when_no_one_is_named(nlp):
    texts = ["A woman in the crowd shouted at the candidate. She said the plan would hurt her family.",
             "The congresswoman spoke in Dayton on Tuesday. She said the tariff would hurt farmers.",
             "One voter, a retired teacher from Ames, was undecided. She said the caucus was too early."]
    assert speaker(run(nlp, texts[0]), "hurt her family") == "woman"
    assert speaker(run(nlp, texts[1]), "hurt farmers") == "congresswoman"
    assert speaker(run(nlp, texts[2]), "caucus was too early") == "One voter"


def test_he_skips_a_woman_described_and_a_body(nlp):
    ex = run(nlp, "His wife waved from the stage in Reno. He said the campaign would go on.\n\n"
                  "The campaign released a statement on Friday. She said the bill was unfair.\n\n"
                  "My head was spinning after the debate. He said the debate was rigged.")
    assert speaker(ex, "campaign would go on") != "His wife"
    assert speaker(ex, "bill was unfair") != "campaign"
    assert speaker(ex, "debate was rigged") != "My head"


def test_a_named_person_in_the_window_comes_before_a_described_one(nlp):
    ex = run(nlp, "A nurse from Ohio met Nikki Haley in Columbia. She said the state needed more clinics.")
    assert speaker(ex, "needed more clinics") == "Nikki Haley"


# -- a document says what the participle after it says ----------------------------------------------

def test_a_participle_right_after_a_cited_document_is_the_documents(nlp):
    cases = [("Frank cites a celebratory White House memo saying the Congress had passed the bill.",
              "Congress had passed", "White House"),
             ("The mayor shared a NATO report saying the base would close in 2027.", "base would close", "NATO"),
             ("Reporters obtained a Kremlin statement saying the talks had failed.", "talks had failed", "Kremlin"),
             # an unsigned statement: its issuer's
             ("Clinton released a statement saying she would not attend the debate.", "not attend", "Clinton")]
    for text, words, who in cases:
        assert speaker(run(nlp, text), words) == who, text


def test_a_name_inside_what_a_document_says_is_not_its_author(nlp):
    ex = run(nlp, "The campaign rallied in Columbus, in the wake of a new poll showing Trump's overall "
                  "standing with Latinos had fallen.\n"
                  "Aides were calm after a survey showing Microsoft's market share had dropped.")
    assert speaker(ex, "standing with Latinos") != "Trump"
    assert speaker(ex, "market share had dropped") != "Microsoft"


# -- a share of people before a participle, a document issued in a relative clause ------------------

def test_a_share_of_people_says_what_its_participle_says(nlp):
    cases = [("The shootings have left 62 percent of voters saying race relations are growing worse.",
              "race relations", "voters"),
             ("The debate left a majority of Democrats saying the party had lost its way.",
              "party had lost", "Democrats")]
    for text, words, who in cases:
        got = speaker(run(nlp, text), words)
        assert got is not None and who in got, (text, got)


def test_a_document_issued_in_a_relative_clause_is_its_issuers(nlp):
    cases = [("Osman was on the flight, according to an interview his brother Alastair Osman gave to ITV.",
              "on the flight", "brother"),
             ("The plan is dead, according to a statement the ministry released on Monday.",
              "plan is dead", "ministry")]
    for text, words, who in cases:
        got = speaker(run(nlp, text), words)
        assert got is not None and who in got, (text, got)


def test_forecast_is_a_verb_of_belief(nlp):
    ex = run(nlp, "Budget analysts had already forecast that annual deficits would rise.")
    assert speaker(ex, "deficits would rise") == "analysts"


# -- judgements and attitudes are their possessor's --------------------------------------------------

def test_a_judgement_or_attitude_noun_speaks_for_its_possessor(nlp):
    cases = [("“I’m worried that we will slip back,” Emanuel said. His final assessment: “It’s not quite "
              "optimistic,” he said.", "not quite optimistic", "Emanuel"),
             ("The governor's verdict suggests the plan will pass in May.", "plan will pass", "governor"),
             ("The campaign's readiness shows it expects a long fight over delegates.", "long fight", "campaign")]
    for text, words, who in cases:
        got = speaker(run(nlp, text), words)
        assert got is not None and who in got, (text, got)


# -- documents in relative clauses, and shares after a dash -------------------------------------------

def test_a_relative_clause_on_a_released_document_is_its_issuers(nlp):
    cases = [("Democracy Corps’ Stan Greenberg, a prominent Democratic pollster, released data Monday "
              "morning that suggest Clinton leads in Ohio.", "Clinton leads", "Greenberg"),
             ("The campaign released a video that said Trump lied about the war.", "Trump lied", "campaign"),
             ("The mayor shared a NATO report that says the base will close in 2027.", "base will close", "NATO")]
    for text, words, who in cases:
        got = speaker(run(nlp, text), words)
        assert got is not None and who in got, (text, got)


def test_a_vetoed_text_or_a_polls_results_are_not_the_vetoers_or_providers(nlp):
    ex = run(nlp, "Russia vetoed a resolution that called for an immediate ceasefire in Aleppo.")
    assert all(c.speaker_text != "Russia" for c in ex.claims if "ceasefire" in c.content)
    ex = run(nlp, "The New York Times provides entrance poll results that show Sanders leading among young voters.")
    assert all("New York Times" not in (c.speaker_text or "") for c in ex.claims if "Sanders leading" in c.content)


def test_a_share_after_a_dash_is_no_aside_of_the_name_before(nlp):
    text = ("Voters trust Mrs. Clinton more on foreign policy than Mr. Trump - 60 percent of voters said "
            "Mrs. Clinton would be better at handling a crisis.")
    got = speaker(run(nlp, text), "better at handling")
    assert got is not None and "Trump" not in got and "voters" in got
    text = "Deborah Jordan Reynolds - Santilli's girlfriend and co-host - told the paper the raid was illegal."
    assert speaker(run(nlp, text), "raid was illegal") == "Deborah Jordan Reynolds"


def test_a_documents_speaker_span_covers_the_document_and_its_author(nlp):
    text = ("The poll, released on Wednesday night by the Public Policy Institute of California, showed that "
            "Clinton was ahead by nine points.")
    c = about(run(nlp, text), "ahead by nine")
    assert c.speaker_text == "Public Policy Institute of California"
    assert c.speaker_start is not None and c.speaker_end is not None
    assert text[c.speaker_start:c.speaker_end].startswith("poll")
    assert text[c.speaker_start:c.speaker_end].endswith("California")


# -- a definite government noun said again, and a spokesperson for a body ---------------------------

def test_the_ministry_said_again_is_the_ministry_named_before(nlp):
    text = ("China's foreign ministry on Tuesday urged the United States to stop interfering in Cuba.\n\n"
            "Washington announced new sanctions on Havana last week.\n\n"
            "Cuba's president thanked Beijing for its support.\n\n"
            "The Cuban leader said his government would not bow to pressure.\n\n"
            "The ministry said it would hold talks with Cuban officials next month.")
    c = about(run(nlp, text), "hold talks")
    assert c.speaker_text == "China's foreign ministry" and c.speaker_actor == "CHN"


def test_a_spokesperson_for_a_body_named_before_speaks_for_it(nlp):
    text = ("The State Department said the measures target officials responsible for the crackdown. "
            "A spokesperson for the department, speaking on condition of anonymity, said more sanctions "
            "could follow.")
    assert speaker(run(nlp, text), "more sanctions") == "State Department"
    text = "A spokesman for the Chinese Foreign Ministry said the talks with Havana were useful."
    assert speaker(run(nlp, text), "talks with Havana") == "Chinese Foreign Ministry"


def test_the_government_said_again_is_the_nearest_named_with_that_noun(nlp):
    text = ("The Cuban government said the sanctions were illegal. Beijing sent a delegation. "
            "The Chinese government pledged aid to Havana on Monday. The government said the aid would "
            "arrive in May.")
    assert speaker(run(nlp, text), "arrive in May") == "Chinese government"


# -- a generic "you" ------------------------------------------------------------------------------

def test_a_generic_you_claims_nothing(nlp):
    """ "If you want to understand …", "You know, …", "as you know", "you'll find …": the
    reader or anyone, so no claim; the quotation's own speaker still speaks."""
    texts = ["If you want to understand the real meaning of the debate, look at the polls in Ohio.",
             "You know, the race has changed since the convention in Philadelphia.",
             "Check out the campaign website, and you'll find that the plan costs $2 trillion.",
             "As you know, the committee meets on Tuesday to vote on the tariff bill."]
    for text in texts:
        ex = run(nlp, text)
        assert not ex.claims, [(c.speaker_text, c.cue, c.content) for c in ex.claims]
    ex = run(nlp, 'The senator spoke for an hour. "If you want to understand my plan, look at the '
                  'budget," Smith said.')
    assert speaker(ex, "look at the budget") == "Smith"
