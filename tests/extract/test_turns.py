"""Who speaks and who "I" and "we" are: transcript turns, one-speaker documents, signers, and
the first person inside quotations, through the whole real pipeline (texts written for these
tests, in the shapes of White House transcripts, statements, executive orders and the
Congressional Record)."""

from __future__ import annotations

import pytest

from foreigndesk.extract.pipeline import extract
from foreigndesk.extract.turn_labels import find_labels
from foreigndesk.model import Document, Extraction


def run(text: str, published: str, url: str | None = None, outlet: str | None = None
        ) -> Extraction:
    return next(extract([Document(text=text, published=published, url=url, outlet=outlet)]))


def first_person(ex: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in ex.mentions:
        if m.label == "PRON":
            out.setdefault(m.text.lower(), set()).add(f"{m.actor_id}|{m.code}")
    return out


KIRBY = ("Press Briefing by National Security Council Coordinator John Kirby\n\n"
         "MR. KIRBY: Last week, we sanctioned three Cuban officials for their role in the "
         "crackdown. I spoke with my Chinese counterparts on Friday about the base.\n\n"
         "Q: Is China building a spy base in Cuba?\n")


def test_the_issue_transcript() -> None:
    """The transcript of issue 8: the USA sanctions Cuban officials (16x/17x, the week before
    the briefing), the USA consults China (04x, that Friday), and nothing from "Q"."""
    ex = run(KIRBY, "2023-06-12", url="https://www.whitehouse.gov/briefing-room/x/")
    got = {(e.source_code, e.root, e.target_code, e.date, e.date_precision, e.modality)
           for e in ex.events}
    assert ("USAGOV", "16", "CUBGOV", "2023-06-05", "week", "asserted") in got or \
        ("USAGOV", "17", "CUBGOV", "2023-06-05", "week", "asserted") in got, got
    assert ("USAGOV", "04", "CHNGOV", "2023-06-09", "day", "asserted") in got, got
    q = KIRBY.index("Q:")
    assert not [e for e in ex.events if e.start >= q]
    assert not [c for c in ex.claims if c.start >= q]
    fp = first_person(ex)
    assert fp["we"] == {"USA|USAGOV"} and fp["i"] == {"person:john-kirby|USAGOV"}


@pytest.mark.parametrize("date_line", ["Date: June 12, 2023", "June 12, 2023",
                                       "Monday, June 12, 2023"])
def test_the_issue_transcript_as_copied_from_the_page(date_line: str) -> None:
    """The same transcript as a user pastes it from the web: the title first, the date on the
    line under it. The date under the title is the briefing's date, so its events are dated."""
    from foreigndesk.ingest.text import document_from_text
    title, rest = KIRBY.split("\n", 1)
    doc = document_from_text(f"{title}\n{date_line}\n{rest}", "briefing.txt")[0]
    assert doc.published == "2023-06-12"
    ex = next(extract([doc]))
    got = {(e.root, e.target_code, e.date) for e in ex.events}
    assert ("04", "CHNGOV", "2023-06-09") in got, got
    assert {("16", "CUBGOV", "2023-06-05"), ("17", "CUBGOV", "2023-06-05")} & got, got


@pytest.mark.parametrize("text,speaker", [
    ("THE PRESIDENT: We have made it clear to China what we will do.\n", "person:joe-biden"),
    ("SECRETARY BLINKEN: I met my Chinese counterpart in Beijing.\n", "person:antony-blinken"),
    ("SENIOR ADMINISTRATION OFFICIAL: We are concerned about the base.\n", "USA"),
])
def test_turn_labels_name_their_speaker(text: str, speaker: str) -> None:
    body = "Remarks by President Biden and Secretary Blinken\n\n" + text
    ex = run(body, "2023-02-06", url="https://www.whitehouse.gov/briefing-room/y/")
    turn = [m for m in ex.mentions if m.label in ("TURN", "PERSON") and m.start >=
            body.index(text[:5])]
    ids = {m.actor_id for m in ex.mentions if m.extractor == "turns" and m.label == "PRON"}
    assert speaker in ids or any(m.actor_id == speaker for m in turn), (ids, turn)


def test_congressional_record_labels_and_the_members_we() -> None:
    text = ("CUBA POLICY\n\nMr. HALVERSON. Madam Speaker, we should lift the embargo. I have "
            "visited Havana twice.\n")
    ex = run(text, "2007-01-18", outlet="Congressional Record (U.S. Congress floor remarks)")
    fp = first_person(ex)
    assert fp["we"] == {"USA|USAGOV"}
    assert {a.split("|")[0] for a in fp["i"]} == {"person:halverson"}


def test_a_statement_is_its_titled_speakers_and_an_order_its_signers() -> None:
    statement = ("Statement by President Joseph R. Biden, Jr. on Cuba\n\n"
                 "I condemn the detentions. Today my Administration is imposing sanctions on "
                 "the Cuban regime.\n")
    ex = run(statement, "2021-07-22", url="https://www.whitehouse.gov/briefing-room/z/")
    assert first_person(ex)["i"] == {"person:joe-biden|USAGOV"}
    assert ("USAGOV", "163", "CUBGOV") in {(e.source_code, e.code, e.target_code)
                                           for e in ex.events}
    order = ("Executive Order on Cuba\n\nBy the authority vested in me as President by the "
             "Constitution and the laws of the United States of America, I hereby order that "
             "sanctions be imposed.\n")
    ex = run(order, "2025-06-30", url="https://www.whitehouse.gov/presidential-actions/o/")
    assert first_person(ex)["me"] == {"person:donald-trump|USAGOV"}


@pytest.mark.parametrize("header", ["Date: 2021-07-12\n\n", "FOR IMMEDIATE RELEASE\nJuly 12, 2021\n\n",
                                    "PRESS STATEMENT\n\nOFFICE OF THE SPOKESPERSON\n\n"])
def test_a_statements_title_after_header_lines_names_its_speaker(header: str) -> None:
    # the title may follow a date line, a release line or a page's labels: a line of its own
    # among the first sentences
    text = (header + "Statement by Secretary of State Antony J. Blinken on Cuba\n\n"
            "We are deeply concerned by the violence. We call on the Cuban government to refrain "
            "from violence.\n")
    ex = run(text, "2021-07-12")
    assert first_person(ex)["we"] == {"USA|USAGOV"}


def test_remarks_by_someone_inside_a_paragraph_is_no_title() -> None:
    # past the first sentence, only a line of its own is a statement's title
    text = ("Cuba braced for more protests on Monday.\n\nThe crowds grew after dark. Remarks by "
            "President Joe Biden angered officials in Havana. We will keep reporting.\n")
    ex = run(text, "2021-07-12")
    assert "we" not in first_person(ex)


def test_we_inside_a_quotation_is_its_speakers_side() -> None:
    text = ('"We will not allow anyone to interfere in our internal affairs," Chinese '
            'Foreign Minister Wang Yi said on Tuesday. "I told him that we would respond," '
            'Biden said.')
    ex = run(text, "2023-06-12")
    fp = first_person(ex)
    assert {a.split("|")[1] for a in fp["we"]} == {"CHNGOV", "USAGOV"}
    assert {a.split("|")[1] for a in fp["our"]} == {"CHNGOV"}


@pytest.mark.parametrize("text,labels", [
    ("Note: the figures are provisional.\nChina said it would respond.\n", 0),
    ("Q Do you trust China?\n\nTHE PRESIDENT: No.\n", 2),
    ("WANG WENBIN: China firmly opposes this.\nAFP: Will China respond?\n", 2),
    ("The talks went well. Officials said: we expect more.\n", 0),
])
def test_labels_are_found_only_where_a_text_has_turns(text: str, labels: int) -> None:
    assert len(find_labels(text)) == labels


# -- interviews: "Q:" questions and "A:" answers (claims5, #9) ------------------------------

INTERVIEW = ("Q&A with Mayor John Kessler.\n\n"
             "Mayor John Kessler spoke with our reporter on Thursday about the port. Here is the "
             "edited transcript of the interview.\n\n"
             "Q: You've been saying the city is on the upswing. Do you think the port will "
             "reopen?\n\n"
             "A: I think the port will reopen in May. My staff cautioned me, but I said the "
             "budget is fine. It's a big mistake to wait.\n\n"
             "Q: Are you surprised by the vote?\n\n"
             "A: I am surprised. I believe the voters wanted change.\n")


def test_an_interviews_answers_are_the_interviewees_and_questions_claim_nothing() -> None:
    ex = next(extract([Document(text=INTERVIEW, published="2016-05-01", author="Dana Whitfield")]))
    by_content = {c.content: c for c in ex.claims}
    for words in ("port will reopen in May", "budget is fine", "voters wanted change"):
        c = next(c for content, c in by_content.items() if words in content)
        assert c.speaker_text == "John Kessler", (words, c.speaker_text)  # never the author
    # the question's "do you think" claims nothing; an answer is no claim sentence by sentence
    assert not [c for c in ex.claims if "the port will reopen?" in c.text and c.cue == "think"
                and "Kessler" not in (c.speaker_text or "")]
    assert not [c for c in ex.claims if c.content.startswith("It's a big mistake")]


def test_the_interviewee_is_the_person_named_most_before_the_first_question() -> None:
    text = ("Immigration debate hits home.\n\n"
            "Actress Diane Ortega wrote a memoir about her family. Ortega, who was 14 when her "
            "parents left, spoke to a reporter this week. Her editor, Paul Reyes, joined.\n\n"
            "QYou open your book in 2001. What did you find?\n\n"
            "A: I came home and my parents were gone. I think no one checked on me.\n")
    ex = next(extract([Document(text=text, published="2016-05-06", author="Susan Page")]))
    c = next(c for c in ex.claims if "no one checked" in c.content)
    assert "Ortega" in (c.speaker_text or "")


@pytest.mark.parametrize("text,shapes", [
    ("Q: Will the port reopen?\n\nA: Yes, in May.\n", ["question", "answer"]),
    ("QWill the port reopen?\n\nA: Yes, in May.\n", ["question", "answer"]),
    ("A: the first option.\nB: the second option.\n", []),  # no question: a list
    ("QAnon followers met on Sunday.\n\nThey said the vote was stolen.\n", []),
])
def test_answer_labels_need_questions_and_glued_questions_need_answers(text: str, shapes: list[str]) -> None:
    assert [lab.shape for lab in find_labels(text)] == shapes


def _turn_speakers(ex: Extraction) -> dict[str, set[str | None]]:
    """Label (cue) -> the speakers of the claims made on it."""
    out: dict[str, set[str | None]] = {}
    for c in ex.claims:
        if c.cue.endswith((":", ".")):
            out.setdefault(c.cue, set()).add(c.speaker_actor)
    return out


@pytest.mark.parametrize("text,published,label,speaker", [
    ("Press Briefing by Press Secretary Karine Jean-Pierre\n\n"
     "MS. JEAN-PIERRE: Today the President spoke with the Prime Minister of Japan about "
     "the Taiwan Strait.\n\nQ Will he travel to Tokyo?\n\n"
     "MS. JEAN-PIERRE: He will travel there in April.\n", "2024-03-12",
     "ms. jean-pierre:", "person:karine-jean-pierre"),
    ("Remarks by Ambassador Linda Thomas-Greenfield at a UN Security Council Briefing on "
     "Sudan\n\nAMBASSADOR THOMAS-GREENFIELD: Thank you, Madam President. The fighting in "
     "Darfur has displaced millions of people.\n\nMR. NEBENZIA: Russia rejects these "
     "claims.\n", "2023-11-09", "ambassador thomas-greenfield:", "person:linda-thomas-greenfield"),
])
def test_a_hyphenated_surname_in_a_label_is_the_person_named(text: str, published: str,
                                                             label: str, speaker: str) -> None:
    """A label's hyphenated surname ("JEAN-PIERRE") finds the person the document names
    ("Karine Jean-Pierre"), whose turns are then her claims."""
    ex = run(text, published, url="https://www.whitehouse.gov/briefing-room/b/")
    assert _turn_speakers(ex).get(label) == {speaker}, _turn_speakers(ex)


def test_a_members_state_in_a_record_label_is_not_the_speaker() -> None:
    """ "Mr. SMITH of New Jersey." is a member named Smith; New Jersey (or the USA it is in)
    never speaks for him."""
    text = ("HONG KONG\n\nMr. SMITH of New Jersey. Madam Speaker, I rise to condemn the arrests "
            "of activists in Hong Kong. Beijing has broken its promise.\n\n"
            "Ms. LOFGREN of California. Madam Speaker, I support the resolution because the "
            "law threatens journalists.\n")
    ex = run(text, "2019-05-08", outlet="Congressional Record")
    got = _turn_speakers(ex)
    assert got.get("mr. smith of new jersey.") == {"person:smith"}, got
    assert got.get("ms. lofgren of california.") == {"person:lofgren"}, got


def test_greetings_thanks_and_the_closing_time_are_no_claims() -> None:
    """In a transcript, a turn's "Good afternoon, everyone.", "Thanks, Jake." and the time
    stamp that ends it say nothing; a thanks followed by what is said stays a claim."""
    text = ("Press Briefing by Press Secretary Karine Jean-Pierre and National Security Advisor "
            "Jake Sullivan\n\n"
            "MS. JEAN-PIERRE: Good afternoon, everyone. The President will host the Prime "
            "Minister of India next week.\n\n"
            "MR. SULLIVAN: Thanks, Karine. Thank you for the question: we have seen no "
            "weapons shipments from China to Russia.\n\n"
            "Q Thank you, Jake.\n\n"
            "MS. JEAN-PIERRE: Thank you all very much.\n\n"
            "2:05 P.M. EDT\n")
    ex = run(text, "2024-03-12", url="https://www.whitehouse.gov/briefing-room/c/")
    turn = [c for c in ex.claims if c.cue.endswith(":")]
    contents = [c.content for c in turn]
    assert not [t for t in contents if t.startswith(("Good afternoon", "Thanks", "Thank you all",
                                                     "2:05"))], contents
    assert any(t.startswith("The President will host") for t in contents), contents
    assert any("no weapons shipments" in t for t in contents), contents


def test_one_word_outlet_labels_ask_in_a_press_conference() -> None:
    """In a transcript with name labels ("Mao Ning:"), a one-word label that names a known
    outlet or person ("Bloomberg:", "Reuters:") opens a turn too: the outlet's question claims
    nothing and is not the previous speaker's; "Note:" or "China:" stay text."""
    text = ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference\n\n"
            "Mao Ning: China firmly opposes the new export controls.\n\n"
            "Bloomberg: The Commerce Department announced new controls on chipmakers. Will "
            "China retaliate?\n\n"
            "Mao Ning: We will take resolute measures to protect Chinese companies.\n\n"
            "Reuters: Is the minister going to Moscow?\n\n"
            "Mao Ning: I have no information to offer on that.\n")
    labels = {lab.text: lab.shape for lab in find_labels(text)}
    assert labels.get("Bloomberg") == "name" and labels.get("Reuters") == "name", labels
    ex = run(text, "2024-03-12", url="https://www.fmprc.gov.cn/eng/xw/fyrbt/x.html")
    assert not [c for c in ex.claims if "Bloomberg" in (c.speaker_text or "")]
    assert not [c for c in ex.claims if "controls on chipmakers" in c.content
                and "Mao" in (c.speaker_text or "")]
    assert not find_labels("Note: the figures are provisional.\n\nChina: exports rose.\n\n"
                           "Update: the talks resumed.\n")


def _events(text: str, url: str, published: str = "2024-03-12") -> set[tuple[str | None, str, str | None]]:
    ex = run(text, published, url=url)
    return {(e.source_code, e.root, e.target_code) for e in ex.events}


@pytest.mark.parametrize("text,url,event", [
    ("Readout of President Biden's Call\n\nThe President spoke with Prime Minister Modi of "
     "India today.\n", "https://www.whitehouse.gov/briefing-room/r/", ("USAGOV", "04", "INDGOV")),
    ("Secretary's Meeting in Munich\n\nThe Secretary met Foreign Minister Wang Yi on the margins "
     "of the conference. The Foreign Minister criticized the United States over Taiwan.\n",
     "https://www.state.gov/readout/m/", ("CHNGOV", "11", "USAGOV")),
    ("Readout\n\nThe Secretary met Foreign Minister Wang Yi on the margins of the conference.\n",
     "https://www.state.gov/readout/n/", ("USAGOV", "04", "CHNGOV")),
])
def test_a_governments_bare_titles_are_its_office_holders(text: str, url: str,
                                                          event: tuple[str, str, str]) -> None:
    """In a government's own document, "The President" and "the Secretary" are its office
    holders at the date; a title given to someone named before ("Foreign Minister Wang Yi …
    The Foreign Minister") is that person."""
    assert event in _events(text, url)


def test_a_bare_title_in_a_text_of_no_government_invents_no_one() -> None:
    """With no government address, "The President" is left unresolved (not the US president
    by default, not the Indian prime minister named after it)."""
    text = ("Talks in Delhi\n\nThe President met Prime Minister Modi on Tuesday. The Prime "
            "Minister invited the President to visit again.\n")
    ex = run(text, "2024-03-12", url="https://example.org/news/1")
    assert not [m for m in ex.mentions if m.text == "President" and m.actor_id]
    assert {m.actor_id for m in ex.mentions if m.text == "Prime Minister"} == {"person:narendra-modi"}


def test_a_speaker_named_by_title_alone_is_shown_by_name() -> None:
    """ "The Secretary announced …" in a State Department text: the claim's speaker is the
    Secretary of State at the date, shown by name."""
    text = ("Readout\n\nThe Secretary announced an additional $33 million in humanitarian "
            "assistance for the Haitian people.\n")
    ex = run(text, "2024-03-12", url="https://www.state.gov/readout/h/")
    c = next(c for c in ex.claims if c.cue == "announced")
    assert (c.speaker_text, c.speaker_actor) == ("Antony Blinken", "person:antony-blinken")


def test_headings_and_bylines_are_no_actors() -> None:
    """A briefing's heading ("Department Press Briefing") is no organisation and a byline's
    title ("Department Spokesperson") no person; "They" after them stays unknown rather than
    taking the heading."""
    text = ("Department Press Briefing – March 12, 2024\n\nMatthew Miller, Department "
            "Spokesperson\n\nMR MILLER: The Secretary spoke this morning with Foreign Minister "
            "Jaishankar of India. They discussed maritime security in the Indo-Pacific.\n")
    ex = run(text, "2024-03-12", url="https://www.state.gov/briefings/b/")
    texts = {m.text for m in ex.mentions}
    assert "Department Press Briefing" not in texts and "Department Spokesperson" not in texts
    assert not [c for c in ex.claims if "Briefing" in (c.speaker_text or "")]


def test_he_in_a_turn_is_not_the_one_who_holds_it():
    """ "MR. KIRBY: He did. He said …": the turn's holder says "I"; his "he" is the person the
    question named (here the sitting President of a White House briefing), and so in a second
    briefing with a woman at the podium."""
    from foreigndesk.extract.pipeline import extract

    cases = [("Q: Did the President approve the shootdown?\n\nMR. KIRBY: He did. He said we would take care "
              "of it, and we did.", "2023-02-06", "take care of it", "person:joe-biden"),
             ("Q: Did the Secretary of State raise the detentions?\n\nMS. JEAN-PIERRE: He did. He said the "
              "detentions must end.", "2023-06-20", "detentions must end", "person:antony-blinken")]
    for text, published, words, who in cases:
        ex = next(extract([Document(text=text, published=published,
                                    outlet="The White House, Briefing Room (whitehouse.gov)")]))
        got = [c for c in ex.claims if words in c.content and c.cue == "said"]
        assert got and got[0].speaker_actor == who, [(c.speaker_text, c.cue, c.content) for c in ex.claims]


def test_you_in_a_turn_is_the_one_addressed():
    """ "TAPPER: … you're supporting Donald Trump" between the governor's turns: "you" is the
    governor, in a television interview and in a radio one; a panel of two others leaves it
    no one's."""
    cases = [("CNN Interview with Governor Mary Fallin\n\nJAKE TAPPER: Governor, thanks for joining us."
              "\n\nFALLIN: Thank you for having me, Jake.\n\nTAPPER: And obviously, you're supporting "
              "Donald Trump in the general election.\n\nFALLIN: Well, I think the nation needs unity.",
              "Donald Trump", "Mary Fallin"),
             ("Radio interview with Senator Tom Udall\n\nSTEVE INSKEEP: Senator, welcome.\n\n"
              "UDALL: Good morning.\n\nINSKEEP: You have argued that the treaty protects American "
              "farmers.\n\nUDALL: It does, and the numbers show it.", "treaty protects", "Tom Udall")]
    for text, words, who in cases:
        ex = run(text, "2016-07-20")
        got = [c for c in ex.claims if words in c.content and c.speaker_text != "Jake Tapper"
               and c.speaker_text != "Steve Inskeep"]
        assert got and got[0].speaker_text == who, [(c.speaker_text, c.cue, c.content) for c in ex.claims]
    panel = ("JAKE TAPPER: Welcome.\n\nFALLIN: Thanks.\n\nTAPPER: You have argued that the treaty "
             "protects farmers.\n\nUDALL: It does.")
    ex = run(panel, "2016-07-20")
    assert not [c for c in ex.claims if "treaty" in c.content and c.speaker_text in ("Mary Fallin", "Tom Udall")]


JOINT = ("THE WHITE HOUSE\n\nRemarks by President Biden and Prime Minister Kishida of Japan in "
         "Joint Press Conference\n\nTHE PRESIDENT: Thank you. We agreed that the alliance has "
         "never been stronger.\n\nTHE PRIME MINISTER: We believe that the Indo-Pacific must "
         "remain free and open.\n\nQ: Will you meet again?\n\nTHE PRESIDENT: I think we will "
         "meet again next year.\n")


def test_a_pasted_transcript_takes_its_country_from_its_header_line() -> None:
    """No address: the header line "THE WHITE HOUSE" names the government whose office
    holders "THE PRESIDENT:" and the titled people are; a turn labelled with a title the
    government's holder does not bear ("THE PRIME MINISTER:") is the one the document names
    with it."""
    ex = run(JOINT, "2023-05-20")
    got = _turn_speakers(ex)
    assert got["the president:"] == {"person:joe-biden"}
    assert got["the prime minister:"] == {"person:fumio-kishida"}
    we = {c.content[:20]: c.speaker_code for c in ex.claims if c.speaker_start is not None}
    assert we["the Indo-Pacific mus"] == "JPNGOV"


@pytest.mark.parametrize("header", [
    "White House weighs new sanctions on Cuba",
    "Statement on the White House meeting.",
])
def test_a_headline_naming_a_government_is_no_header(header: str) -> None:
    """A headline or a sentence that mentions the White House is not the issuer's header: the
    bare title "THE PRESIDENT:" under it stays unresolved, as in any text of no government."""
    text = header + "\n\nTHE PRESIDENT: We agreed that the alliance has never been stronger.\n"
    ex = run(text, "2023-05-20", url="https://example.org/news/2")
    assert all(c.speaker_actor != "person:joe-biden" for c in ex.claims)


def test_a_readouts_bare_title_no_holder_bears_is_no_one() -> None:
    """ "The Prime Minister" of a White House readout that names no prime minister is not the
    President, who heads the American government."""
    text = ("THE WHITE HOUSE\n\nReadout of the President's Meeting\n\nThe President met with the "
            "Prime Minister today. The Prime Minister said the alliance was strong.\n")
    ex = run(text, "2023-05-20")
    c = next(c for c in ex.claims if "alliance was strong" in c.content)
    assert c.speaker_actor != "person:joe-biden"


MFA = ("Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on June 9, 2023\n\n"
       "CCTV: According to reports, the United States claims that China is building a base in "
       "Cuba. What is your comment?\n\n"
       "Wang Wenbin: I'm not aware of the specifics. We urge the US to stop smearing China.\n\n"
       "Bloomberg: Will the Secretary visit Beijing this month?\n\n"
       "Wang Wenbin: I have nothing to share at the moment.\n")


def test_an_outlets_acronym_asks_in_a_press_conference() -> None:
    """ "CCTV: …" among name labels is a reporter's question like "Bloomberg: …": no claim of
    CCTV's (its question was a claim with CCTV as the speaker)."""
    ex = run(MFA, "2023-06-09")
    assert not [c for c in ex.claims if c.speaker_actor == "org:cctv"]
    assert _turn_speakers(ex).get("wang wenbin:") == {"person:wang-wenbin"}


def test_a_readouts_title_is_the_person_it_was_given_to() -> None:
    """ "Cuban Foreign Minister Bruno Rodríguez Parrilla. The Secretary underscored … The
    Foreign Minister said …": the Foreign Minister is Rodríguez (the title a sentence before
    "The Secretary" was taken for the Secretary's, Antony Blinken)."""
    text = ("U.S. DEPARTMENT OF STATE\n\nReadout\n\nSecretary of State Antony J. Blinken spoke "
            "today with Cuban Foreign Minister Bruno Rodríguez Parrilla. The Secretary "
            "underscored the importance of the right to peaceful protest. The Foreign Minister "
            "said Cuba would not accept foreign interference.\n")
    ex = run(text, "2023-06-09")
    said = next(c for c in ex.claims if "foreign interference" in c.content)
    assert said.speaker_actor == "person:bruno-rodriguez-parrilla"
    underscored = next(c for c in ex.claims if "peaceful protest" in c.content)
    assert underscored.speaker_actor == "person:antony-blinken"


def test_a_byline_under_a_title_without_by_names_the_speaker() -> None:
    """ "Remarks at a UN Security Council Briefing on Cuba" then "Ambassador Linda
    Thomas-Greenfield" and "U.S. Representative to the United Nations" on lines of their own:
    the byline speaks the remarks, and her "we" is the United States (no list knows her)."""
    text = ("Remarks at a UN Security Council Briefing on Cuba\n\nAmbassador Linda "
            "Thomas-Greenfield\nU.S. Representative to the United Nations\nNew York, New York\n"
            "June 12, 2023\n\nThank you, Madam President. We call on the Cuban government to "
            "release all political prisoners.\n")
    ex = run(text, "2023-06-12")
    we = next(m for m in ex.mentions if m.text == "We")
    assert we.code == "USAGOV"
