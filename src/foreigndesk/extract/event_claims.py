"""Statements as events: "X said / stated / told ..." is CAMEO 01 when nothing else codes it.

A claim (from :mod:`foreigndesk.extract.claims`) whose speaker is a political actor — a
state, a government and its agents, a military, a legislature, a court, the police, an
opposition or rebel group, a party, an IGO or an NGO — or the media becomes an event of its speaker
unless the sentence already codes the speaker's act: an event outside the claim's content
(the attribution clause: "X condemned Y, saying ...") is that act, so no statement is added.
Events inside the content are other actors' acts that the speaker reports ("X said Y
attacked Z"): the statement is coded beside them, and comes first (it is the main clause).

- its code is the cue verb's own code when the event dictionary gives the bare verb a verbal
  one (roots 01-02, 05, 10-13: "accused" 112, "urged" 020, "praised" 051, "threatened"
  130); else 016 (deny responsibility) when the claim denies its content ("Iran denied
  that it had supplied drones": the act in it is negated, see
  :mod:`~foreigndesk.extract.event_modality`); else 111 (criticize or denounce) when the content condemns what it speaks of, a
  copula whose predicate is a condemning evaluation of the dictionary's ``&CONDEMNATORY``
  synset ("said the drills were a dangerous provocation", "said the sanctions are
  illegal"; :func:`condemns`); else 010 (make a statement);
- its target is the first political actor the content names other than the speaker (what
  the statement is about, as PETRARCH codes "X said Y ..."), or none;
- its date and modality are the claim's (a statement in a reporter's question is never
  coded: the claim extractor skips questions);
- it spans the claim exactly (same document, ``start`` and ``end``) and its trigger is the
  cue: that is its link to the claim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from spacy.tokens import Token

from foreigndesk.extract.event_codes import info
from foreigndesk.extract.event_dictionary import NULL, Dictionary
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Claim, Event, Mention

POLITICAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY",
                               "IGO", "NGO", "UAF", "INS", "SEP"})
VERBAL_ROOTS = frozenset({"01", "02", "05", "10", "11", "12", "13"})
STATEMENT = "010"
CRITICIZE = "111"
DENIAL = "016"  # CAMEO "Deny responsibility", denials of accusations included
PREDICATE_DEPS = frozenset(("acomp", "attr", "oprd"))
HYPOTHETICAL = frozenset(("would", "could", "might", "may", "'d"))


# the media's statements are public statements too (a state newspaper's editorial, a news
# agency's report: CAMEO's MED agents), though a statement is never *about* the media alone
SPEAKER_SECTORS = POLITICAL_SECTORS | {"MED"}


def _media_speaks(sector: str | None, country: str | None, speaker: Mention | None) -> bool:
    """A media speaker is a statement's source when it is an outlet of a known country ("the
    Maariv newspaper", "Russia's state television"), not a person the actor layer gave the
    sector ("a media consultant") nor a bare MED: else any other speaker is."""
    if not sector or sector[:3] != "MED":
        return True
    return bool(country) and (speaker is None or speaker.actor_kind != "person")


def political(code: str | None, country: str | None, sector: str | None,
              sectors: frozenset[str] = POLITICAL_SECTORS) -> bool:
    """Is an actor with this code a political one (a state, or a political sector)?"""
    if not code:
        return False
    if sector:
        return sector[:3] in sectors
    return bool(country)


def cue_offset(pd: ParsedDoc, c: Claim) -> int:
    """Where the claim's cue word stands (its first word, in the claim's span outside its
    content); -1 when it is not found."""
    text = pd.document.text
    word = (c.cue or "").split()[:1]
    if not word:
        return -1
    at = text.find(word[0], c.start, c.end)
    while at != -1 and c.content_start <= at < c.content_end:
        at = text.find(word[0], at + 1, c.end)
    return at


def _cue_lemma(pd: ParsedDoc, c: Claim) -> str:
    """The lemma of the claim's cue word."""
    word = (c.cue or "").split()[:1]
    if not word:
        return ""
    at = cue_offset(pd, c)
    if at == -1:
        return word[0].lower()
    i = pd.sentence_index(at)
    for t in pd.sents[i]:
        if t.idx == at:
            return t.lemma_.lower()
    return word[0].lower()


def statement_code(lemma: str, d: Dictionary, particle: str = "") -> str:
    """The cue's own verbal code ("called for" 020 by its particle's pattern, "accused"
    112), else 010."""
    for e in d.verbs.get(lemma, ()):
        if particle:
            for p in e.patterns:
                if not p.pre and len(p.post) == 1 and (particle,) in p.post[0].phrases and \
                        p.code[:2] in VERBAL_ROOTS:
                    return p.code
        if e.code != NULL and e.code[:2] in VERBAL_ROOTS:
            return e.code
    return STATEMENT


SpeakerOf = Callable[[Claim, int], list[Mention]]


def statement_events(pd: ParsedDoc, d: Dictionary, name: str, version: str,
                     mentions: Iterable[Mention], speaker_of: SpeakerOf | None = None,
                     principals: Sequence[Mention] = ()) -> list[Event]:
    """Events of the claims whose speaker's act is not coded otherwise. ``speaker_of(claim,
    cue offset)`` may resolve the cue's subject as the event coder does (actor mentions with
    the codes they have there: one speaker, or the two parties of "the two leaders"); else
    the claim's own speaker is used. ``principals``: the text's two main persons (a meeting's
    two leaders): what one of them says with no other actor named is said to the other
    ("President Biden emphasized that the United States would continue to invest ...").
    Claims are read in text order: a sentence's first statement of a speaker is coded."""
    coded_at: dict[int, list[Event]] = {}
    for e in pd.extraction.events:
        coded_at.setdefault(e.sentence, []).append(e)
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: list[Event] = []
    seen: set[tuple[int, str | None]] = set()
    for c in sorted(pd.extraction.claims, key=lambda c: (c.sentence, c.start)):
        if c.kind != "statement":
            continue  # a belief ("believes", "supports") or an intention ("wants"): no statement
        if c.stance == "questions":
            continue
        if c.speaker_start is None and (c.cue or "").endswith((":", ".")):
            continue  # a transcript's turn: the speaker speaking is no act ("THE PRESIDENT:")
        outside = [e for e in coded_at.get(c.sentence, ())
                   if not c.content_start <= trigger_offset(e) < c.content_end]
        resolved = speaker_of(c, cue_offset(pd, c)) if speaker_of is not None else []
        speakers: list[Mention | None] = list(resolved) or [_speaker_mention(c, by_sentence)]
        for speaker in speakers:
            code_s = speaker.code if resolved and speaker is not None else c.speaker_code
            if code_s and len(code_s) == 3 and speaker is not None and speaker.actor_kind in (
                    None, "state", "place", "government"):
                code_s += "GOV"  # a state speaks through its government ("Beijing said")
            country = speaker.country if speaker is not None else None
            sector = speaker.sector if speaker is not None else None
            if speaker is None and code_s:
                country, sector = (code_s[:3], code_s[3:] or None) if len(code_s) >= 3 else (
                    None, code_s)
            if not political(code_s, country, sector, SPEAKER_SECTORS) or \
                    (c.sentence, code_s) in seen or not _media_speaks(
                        sector, country, speaker):
                continue
            if any(e.source_code == code_s or (c.speaker_actor and e.source_actor ==
                                               c.speaker_actor) for e in outside):
                continue  # the speaker's own act is coded already ("X condemned Y, saying")
            seen.add((c.sentence, code_s))
            target = _target(c, speaker, code_s, by_sentence) or _addressee(
                c, cue_offset(pd, c), speaker, code_s, by_sentence)
            if target is None and len(speakers) == 2:  # "The two leaders underscored ...":
                target = next((o for o in speakers if o is not speaker), None)  # each other
            if target is None and len(principals) == 2 and country in {
                    p.country for p in principals}:
                target = _as_government(next(p for p in principals if p.country != country))
            if len(speakers) == 2 and target is not None and any(
                    e.source_code == code_s and e.target_code == target.code
                    for e in coded_at.get(c.sentence, ()) if e not in outside):
                continue  # "the two leaders underscored the importance of working together":
                # a pair's joint act with each other is coded in what they say; the pair saying
                # it adds nothing (one speaker saying what it does to another is both, by the
                # public-domain gold's convention)
            words = (c.cue or "").lower().split()
            code = statement_code(_cue_lemma(pd, c), d, words[1] if len(words) == 2 else "")
            if code == STATEMENT and c.stance == "denies":
                code = DENIAL  # "Iran denied that it had supplied drones"
            elif code == STATEMENT and condemns(pd, c, d):
                code = CRITICIZE
            ci = info(code)
            out.append(Event(
                pd.doc_id, c.sentence, c.start, c.end, c.text, name, version, 0.5,
                source_actor=speaker.actor_id if speaker is not None else c.speaker_actor,
                source_code=code_s,
                target_actor=target.actor_id if target else None,
                target_code=target.code if target else None,
                code=code, root=ci.root, quad_class=ci.quad_class, goldstein=ci.goldstein,
                date=c.date, date_precision=_precision(c.date) if c.date else None,
                date_source=c.date_source if c.date else "none",
                modality="asserted", trigger=c.cue))
    return out


def condemns(pd: ParsedDoc, c: Claim, d: Dictionary) -> bool:
    """Does the claim's content condemn what it speaks of? Its main clause (the content's
    own head, or a clause coordinated with it) is a copula, not negated, whose predicate is
    a condemning evaluation (``&CONDEMNATORY``): an adjective ("was unacceptable") or a
    noun, itself or its modifier ("were a dangerous provocation"); not under "would" or
    "could" ("it would be a travesty if ..." warns). The evaluation of an
    embedded clause ("said that those who called it illegal were wrong") does not count."""
    words = d.synset("CONDEMNATORY")
    if not words or not pd.is_parsed(c.sentence):
        return False
    doc = pd.parsed(c.sentence)
    offset = pd.sents[c.sentence].start_char

    def inside(t: Token) -> bool:
        return c.content_start <= t.idx + offset < c.content_end

    for t in doc:
        if t.lemma_ != "be" or t.dep_ in ("aux", "auxpass") or not inside(t):
            continue
        head = t
        while head.dep_ == "conj" and inside(head.head) and head.head is not head:
            head = head.head
        if inside(head.head) and head.head is not head:
            continue  # an embedded clause of the content
        if any(x.dep_ == "neg" or (x.dep_ == "aux" and x.lower_ in HYPOTHETICAL)
               for x in t.children):
            continue  # "was not illegal"; "it would be a travesty if ...": a warning
        for p in t.children:
            if p.dep_ not in PREDICATE_DEPS:
                continue
            said = [p, *(x for x in p.children if x.dep_ in ("amod", "compound", "conj"))]
            if any(x.lower_ in words or x.lemma_.lower() in words for x in said):
                return True
    return False


def trigger_offset(e: Event) -> int:
    """Where an event's trigger stands. An event's span widens to its actors' mentions, so
    "China said it would send aid" spans the speaker: the act is still the content's (the
    trigger is inside it), the speaker's statement is still to be coded."""
    at = e.text.find(e.trigger) if e.trigger else -1
    return e.start + at if at >= 0 else e.start


def _as_government(m: Mention) -> Mention:
    """A person of government stands for their government ("Xi" -> CHNGOV)."""
    code = (m.country or "") + "GOV"
    return Mention(m.doc_id, m.sentence, m.start, m.end, m.text, m.extractor, m.version,
                   m.confidence, label=m.label, actor_id=m.country, actor_name=m.country,
                   actor_kind="state", country=m.country, sector="GOV") if code != m.code \
        else m


def _addressee(c: Claim, cue_at: int, speaker: Mention | None, code_s: str | None,
               by_sentence: dict[int, list[Mention]]) -> Mention | None:
    """Whom a statement is made to, when its content names no one: the actor between the
    cue and the content ("I told the Defense Department I wanted ...", "told Beijing that
    ...")."""
    if cue_at < 0:
        return None
    for m in sorted(by_sentence.get(c.sentence, ()), key=lambda x: x.start):
        if cue_at < m.start < c.content_start and m.code != code_s and (
                m.country or m.sector == "IGO") and political(m.code, m.country, m.sector) and \
                (speaker is None or m.actor_id != speaker.actor_id):
            return m
    return None


def _precision(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


def _speaker_mention(c: Claim, by_sentence: dict[int, list[Mention]]) -> Mention | None:
    for k in (c.sentence, c.sentence - 1):
        for m in by_sentence.get(k, ()):
            if m.actor_id and m.actor_id == c.speaker_actor and m.code == c.speaker_code:
                return m
    return None


def _target(c: Claim, speaker: Mention | None, code_s: str | None,
            by_sentence: dict[int, list[Mention]]) -> Mention | None:
    """The first political actor named in the content that is not the speaker."""
    for m in sorted(by_sentence.get(c.sentence, ()), key=lambda x: x.start):
        if not (c.content_start <= m.start < c.content_end):
            continue
        if m.code == code_s or (speaker is not None and m.actor_id == speaker.actor_id):
            continue
        own = speaker.country if speaker is not None else (code_s or "")[:3]
        if m.country and m.country == own:
            continue  # what a statement is about is another state's
        if (m.country or m.sector == "IGO") and political(m.code, m.country, m.sector):
            if not m.sector and m.actor_kind in (None, "state", "place", "government"):
                return Mention(m.doc_id, m.sentence, m.start, m.end, m.text, m.extractor,
                               m.version, m.confidence, label=m.label, actor_id=m.actor_id,
                               actor_name=m.actor_name, actor_kind=m.actor_kind,
                               country=m.country, sector="GOV")  # a state acts as its government
            return m
    return None
