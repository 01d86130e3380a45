"""Cue verbs and phrases of reported speech (data/cues.yaml) and finding them in a sentence.

:func:`lexicon` loads the data once. :meth:`CueLexicon.prefilter` is the cheap test on the
tagged tokens of the single spaCy pass (does the sentence hold a cue lemma?);
:func:`find_cues` works on a dependency-parsed sentence and returns each cue with the token
that carries it, its surface text and its stance.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER, TAG
from spacy.tokens import Doc, Span, Token

from foreigndesk.built_cache import load_yaml


@dataclass
class CueLexicon:
    verbs: dict[str, str]  # lemma -> stance
    particle_verbs: dict[str, str]  # "point out" -> stance
    not_with_particle: dict[str, set[str]]
    phrases: dict[str, dict[str, str]]  # "according to" -> {stance, speaker}
    echo_marks: set[str]
    claim_nouns: set[str]
    speech_nouns: set[str]
    pronouns: dict[str, str]  # pronoun -> person | group | organisation
    roles: dict[str, str]  # role noun (lower, may be two words) -> person | government | organisation
    generic_roles: set[str] = field(default_factory=set)  # "official": may stand for the last speaker
    generic_organisations: set[str] = field(default_factory=set)  # "the group": any organisation
    event_nouns: set[str] = field(default_factory=set)  # "the Rochester rally": no one's voice
    organisation_synonyms: dict[str, int] = field(default_factory=dict)  # noun -> synonym set number
    private_organisations: set[str] = field(default_factory=set)  # "the company": never a state's body
    not_one_person: set[str] = field(default_factory=set)  # agent nouns for bodies and crowds
    lemmas: set[str] = field(default_factory=set)  # every verb lemma that may start a cue
    kinds: dict[str, str] = field(default_factory=dict)  # lemma -> belief | intention
    clause_only: set[str] = field(default_factory=set)  # no noun-object content
    object_verbs: set[str] = field(default_factory=set)  # the noun-phrase object is the content
    attitude_adjectives: set[str] = field(default_factory=set)  # "X is confident that ..."
    claim_head_nouns: dict[str, set[str]] = field(default_factory=dict)  # "X's call for ..." -> {for}
    agent_nouns: set[str] = field(default_factory=set)  # nouns that name people or bodies
    collective_nouns: set[str] = field(default_factory=set)  # "a class of senators": the senators
    people_adjectives: set[str] = field(default_factory=set)  # "the poor say": people
    document_nouns: set[str] = field(default_factory=set)  # "the poll", "the report": no agent
    survey_nouns: set[str] = field(default_factory=set)  # "In a new poll, …" reports a clause
    evidential_verbs: set[str] = field(default_factory=set)  # "X appeared to …": no one's claim
    evidential_passives: set[str] = field(default_factory=set)  # "X is expected to …"
    evidential_adverbs: set[str] = field(default_factory=set)  # "X was reportedly targeted"
    offices: dict[str, str] = field(default_factory=dict)  # "national security adviser" -> role
    naming_verbs: set[str] = field(default_factory=set)  # "a man named X said": X speaks
    colon_labels: set[str] = field(default_factory=set)  # "Update:", "Watch:": no speaker
    colon_source_prefixes: list[str] = field(default_factory=list)  # "More from X:": X speaks
    colon_topic_links: set[str] = field(default_factory=set)  # "X On Y:": X speaks, Y the topic
    not_surnames_after_cue: set[str] = field(default_factory=set)  # "said Later,": no surname
    rest_verbs: set[str] = field(default_factory=set)  # say, think: the rest of the sentence
    light_verbs: set[str] = field(default_factory=set)  # "raised concerns": raise, voice, make ...
    speech_objects: dict[str, set[str]] = field(default_factory=dict)  # concern -> {about, over}
    venue_nouns: set[str] = field(default_factory=set)  # "says in a statement that …"
    not_authoring: set[str] = field(default_factory=set)  # "vetoed a resolution calling …"
    issuing_participles: set[str] = field(default_factory=set)  # "a letter signed by X": X's
    out_of_office: set[str] = field(default_factory=set)  # "the former secretary": not the holder
    discourse_markers: list[list[str]] = field(default_factory=list)  # "that said,": no cue
    contrast_marks: set[str] = field(default_factory=set)  # "While X boasts …, <clause>, Y says"
    left_office: set[str] = field(default_factory=set)  # "former", "ex": held the office before
    state_possessors: set[str] = field(default_factory=set)  # "the country's president": a state's office
    artifact_nouns: set[str] = field(default_factory=set)  # "a statement calling …": not the speaker
    address_verbs: set[str] = field(default_factory=set)  # "told reporters insisting …"
    quoting_verbs: set[str] = field(default_factory=set)  # "quoted an official as saying …"
    appeal_words: set[str] = field(default_factory=set)  # "a pitch to voters saying …"
    telling_verbs: set[str] = field(default_factory=set)  # "X told Y when asked if …"
    reduced_clause_marks: set[str] = field(default_factory=set)  # "when asked …": a passive
    question_verbs: set[str] = field(default_factory=set)  # "asked X if …": the question
    not_man_nouns: set[str] = field(default_factory=set)  # "specimen": no man, no agent
    object_completions: dict[str, set[str]] = field(default_factory=dict)  # liken -> {to}
    causative_verbs: set[str] = field(default_factory=set)  # "let the media and Rubio tell …"
    share_nouns: set[str] = field(default_factory=set)  # "75 percent of …": a share of people

    def kind(self, lemma: str) -> str:
        """statement | belief | intention: the kind of claim the cue ``lemma`` makes."""
        return self.kinds.get(lemma, "statement")

    def stance(self, lemma: str, particle: str | None = None) -> str | None:
        if particle:
            s = self.particle_verbs.get(f"{lemma} {particle}")
            if s:
                return s
            if particle in self.not_with_particle.get(lemma, set()):
                return None
        return self.verbs.get(lemma)

    def candidates(self, sent: Span) -> list[int]:
        """Indices (within the sentence) of the tokens that may start a cue: verbs with a cue
        lemma (tags of the single pass), "according" and the "in" of "in the words of"."""
        pos = cue_positions(sent.doc, self)
        lo, hi = np.searchsorted(pos, [sent.start, sent.end])
        return [int(k) - sent.start for k in pos[lo:hi]]

    def prefilter(self, sent: Span) -> bool:
        """Does the sentence hold a cue verb lemma or a cue phrase (tags of the single pass)?"""
        return bool(self.candidates(sent))

    def organisation_clash(self, noun: str, antecedent: str) -> bool:
        """Can the definite organisation noun ``noun`` ("league" of "the league") not stand for
        ``antecedent`` (a speaker's or mention's text)? It cannot when the antecedent's own last
        word is another organisation noun that is neither generic nor a synonym ("the union");
        a name ("Sierra Club", "Apple") or the same noun fits."""
        if not noun or noun in self.generic_organisations:
            return False
        words = antecedent.lower().split()
        last = words[-1] if words else ""
        last = last[:-1] if last.endswith("s") and self.roles.get(last[:-1]) else last
        if len(words) > 1 and self.roles.get(" ".join(words[-2:-1] + [last])):
            last = " ".join(words[-2:-1] + [last])  # "task force", "think tank": two words
        if last == noun or self.roles.get(last) not in ("organisation", "government") \
                or last in self.generic_organisations:
            return False  # (a state's body's noun clashes too: "the observatory" is no "State Department")
        group = self.organisation_synonyms.get(noun)
        return group is None or group != self.organisation_synonyms.get(last)

    def one_person(self, token: Token) -> bool:
        """Is a singular common noun one for a single person ("a woman", "the congresswoman",
        "one voter", "the front-runner"), not a body or a crowd ("the campaign", "the crowd")?"""
        if token.tag_ != "NN":
            return False
        lemma = token.lemma_.lower()
        if lemma == "head" and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return False  # "my head", not "the head of the agency"
        role = self.role(token)
        if role is not None:
            return role == "person"
        return lemma in self.agent_nouns and lemma not in self.not_one_person

    def role(self, token: Token) -> str | None:
        """The role class of a noun ("spokesman" -> person, "side" -> government)."""
        low = token.lower_
        lemma = token.lemma_.lower()
        prev = token.nbor(-1).lower_ if token.i > 0 else ""
        for key in (f"{prev} {low}", f"{prev} {lemma}", low, lemma):
            r = self.roles.get(key)
            if r:
                return r
        return None


@functools.lru_cache(maxsize=1)
def lexicon() -> CueLexicon:
    """The cue lexicon from ``foreigndesk/data/cues.yaml``."""
    raw: dict[str, Any] = load_yaml(
        resources.files("foreigndesk.data").joinpath("cues.yaml").read_text(encoding="utf-8"))
    verbs = {str(k).lower(): str(v) for k, v in (raw.get("verbs") or {}).items()}
    particle = {str(k).lower(): str(v) for k, v in (raw.get("particle_verbs") or {}).items()}
    notp = {str(k).lower(): {str(x).lower() for x in (v or [])}
            for k, v in (raw.get("not_with_particle") or {}).items()}
    phrases = {str(k).lower(): {kk: str(vv) for kk, vv in (v or {}).items()}
               for k, v in (raw.get("phrases") or {}).items()}
    pronouns = {str(p).lower(): kind for kind, words in (raw.get("pronouns") or {}).items()
                for p in words}
    roles = {str(r).lower(): kind for kind, words in (raw.get("roles") or {}).items() for r in words}
    lemmas = set(verbs) | {k.split()[0] for k in particle} | {"quote"}
    kinds = {str(w).lower(): kind for kind, words in (raw.get("kinds") or {}).items()
             for w in words or []}

    def words(key: str) -> set[str]:
        return {str(x).lower() for x in raw.get(key) or []}

    clause_only = words("clause_only")
    for alias, target in (raw.get("lemma_aliases") or {}).items():  # "hoping" tagged "hop"
        alias, target = str(alias).lower(), str(target).lower()
        if target in verbs:
            verbs[alias] = verbs[target]
            lemmas.add(alias)
        if target in kinds:
            kinds[alias] = kinds[target]
        if target in clause_only:
            clause_only.add(alias)

    return CueLexicon(
        verbs=verbs, particle_verbs=particle, not_with_particle=notp, phrases=phrases,
        echo_marks={str(x).lower() for x in raw.get("echo_marks") or []},
        claim_nouns={str(x).lower() for x in raw.get("claim_nouns") or []},
        speech_nouns={str(x).lower() for x in raw.get("speech_nouns") or []},
        pronouns=pronouns, roles=roles, lemmas=lemmas,
        generic_roles=words("generic_roles"), kinds=kinds, clause_only=clause_only,
        generic_organisations=words("generic_organisations"),
        event_nouns=words("event_nouns"),
        private_organisations=words("private_organisations"),
        not_one_person=words("not_one_person"),
        organisation_synonyms={str(w).lower(): n for n, group in enumerate(raw.get("organisation_synonyms") or [])
                               for w in group},
        object_verbs=words("object_verbs"), attitude_adjectives=words("attitude_adjectives"),
        claim_head_nouns={str(k).lower(): {str(p).lower() for p in v or []}
                          for k, v in (raw.get("claim_head_nouns") or {}).items()},
        agent_nouns=words("agent_nouns"),
        collective_nouns=words("collective_nouns"),
        people_adjectives=words("people_adjectives"),
        document_nouns=words("document_nouns"),
        survey_nouns=words("survey_nouns"),
        evidential_verbs=words("evidential_verbs"),
        evidential_passives=words("evidential_passives"),
        evidential_adverbs=words("evidential_adverbs"),
        offices={str(k).lower(): str(v) for k, v in (raw.get("offices") or {}).items()},
        naming_verbs={str(w).lower() for w in raw.get("naming_verbs") or []},
        light_verbs=words("light_verbs"), colon_labels=words("colon_labels"),
        colon_source_prefixes=sorted(words("colon_source_prefixes"), key=len, reverse=True),
        colon_topic_links=words("colon_topic_links"),
        not_surnames_after_cue=words("not_surnames_after_cue"),
        rest_verbs=words("rest_verbs"), venue_nouns=words("venue_nouns"),
        not_authoring=words("not_authoring"),
        issuing_participles=words("issuing_participles"),
        out_of_office=words("out_of_office") | words("left_office"), left_office=words("left_office"),
        state_possessors=words("state_possessors"),
        artifact_nouns=words("artifact_nouns"), address_verbs=words("address_verbs"), quoting_verbs=words("quoting_verbs"),
        appeal_words=words("appeal_words"), telling_verbs=words("telling_verbs"),
        reduced_clause_marks=words("reduced_clause_marks"), question_verbs=words("question_verbs"),
        not_man_nouns=words("not_man_nouns"), causative_verbs=words("causative_verbs"),
        share_nouns=words("share_nouns"),
        object_completions={str(k).lower(): {str(p).lower() for p in v or []}
                            for k, v in (raw.get("object_completions") or {}).items()},
        discourse_markers=[str(x).lower().split() for x in raw.get("discourse_markers") or []],
        contrast_marks=words("contrast_marks"),
        speech_objects={str(k).lower(): {str(p).lower() for p in v or []}
                        for k, v in (raw.get("speech_objects") or {}).items()},
    )


_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


def cue_positions(doc: Doc, lex: CueLexicon) -> np.ndarray:
    """Token indices of ``doc`` that may start a cue, read from the single pass's tags,
    lemmas and lower-case forms as arrays (no Python object per token)."""
    if not len(doc):
        return np.zeros(0, dtype=np.int64)
    h = _hashes(doc.vocab.strings, lex)
    arr = doc.to_array([TAG, LEMMA, LOWER])
    lower = arr[:, 2]
    mask = np.isin(arr[:, 0], h["tags"]) & np.isin(arr[:, 1], h["lemmas"])
    mask |= lower == h["according"]
    mask |= np.isin(arr[:, 0], h["tags"]) & np.isin(arr[:, 1], h["evidential"])  # "appeared to"
    mask |= np.isin(lower, h["adverbs"])  # "was reportedly targeted"
    # "X is confident that ...", "X remains concerned about ..."
    mask |= np.isin(arr[:, 0], h["adj_tags"]) & np.isin(lower, h["adjectives"])
    # "Trump's claim that ...", "his call for ...": a claim noun right after a possessive
    nouns = np.isin(arr[:, 0], h["noun_tags"]) & np.isin(arr[:, 1], h["nouns"])
    nouns[1:] &= np.isin(arr[:-1, 0], h["poss_tags"])
    nouns[0] = False
    mask |= nouns
    # "raised concerns about ...", "made the case that ...": a speech noun one to three words
    # after a light verb (the noun position starts the cue)
    light = np.isin(arr[:, 1], h["light"])
    objects = np.isin(arr[:, 0], h["noun_tags"]) & np.isin(arr[:, 1], h["objects"])
    near = np.zeros(len(doc), dtype=bool)
    for d in (1, 2, 3):
        near[d:] |= light[:-d]
    mask |= objects & near
    for k in np.nonzero(lower == h["in"])[0]:  # "In a new poll, …", "… leads in the polls."
        if _survey_after(doc, int(k), lex):
            mask[k] = True
    for k in np.nonzero(lower == h["words"])[0]:  # "in the words of X"
        if 2 <= k < len(doc) - 1 and lower[k - 2] == h["in"] and lower[k - 1] == h["the"] \
                and lower[k + 1] == h["of"]:
            mask[k - 2] = True
    return np.nonzero(mask)[0].astype(np.int64)


_HASHES: dict[tuple[int, int], dict[str, Any]] = {}


def _hashes(strings: Any, lex: CueLexicon) -> dict[str, Any]:
    """String hashes of the verb tags, cue lemmas and phrase words (once per vocabulary)."""
    key = (id(strings), id(lex))
    h = _HASHES.get(key)
    if h is None:
        h = {"tags": np.array([strings.add(t) for t in _VERB_TAGS], dtype=np.uint64),
             "lemmas": np.array(sorted({strings.add(f) for lemma in lex.lemmas
                                        for f in (lemma, lemma.capitalize())}), dtype=np.uint64)}
        h["evidential"] = np.array(sorted({strings.add(a) for a in lex.evidential_verbs}), dtype=np.uint64)
        h["adverbs"] = np.array(sorted({strings.add(a) for a in lex.evidential_adverbs}), dtype=np.uint64)
        h["adj_tags"] = np.array([strings.add(t) for t in ("JJ", "VBN")], dtype=np.uint64)
        h["noun_tags"] = np.array([strings.add(t) for t in ("NN", "NNS")], dtype=np.uint64)
        h["poss_tags"] = np.array([strings.add(t) for t in ("PRP$", "POS")], dtype=np.uint64)
        h["adjectives"] = np.array(sorted({strings.add(a) for a in lex.attitude_adjectives}),
                                   dtype=np.uint64)
        h["nouns"] = np.array(sorted({strings.add(a) for a in lex.claim_head_nouns}), dtype=np.uint64)
        h["light"] = np.array(sorted({strings.add(a) for a in lex.light_verbs}), dtype=np.uint64)
        h["objects"] = np.array(sorted({strings.add(a) for a in lex.speech_objects}), dtype=np.uint64)
        for w in ("according", "words", "in", "the", "of"):
            h[w] = strings.add(w)
        _HASHES[key] = h
    return h


@dataclass
class Cue:
    """A cue in a parsed sentence. ``token`` carries it (the verb, or "according");
    ``tokens`` are all its words; ``speaker_side`` says where the speaker is: the verb's
    ``subject`` or the phrase's ``object`` ("according to X")."""

    token: Token
    tokens: list[Token]
    text: str
    stance: str
    speaker_side: str = "subject"  # subject | object | possessor | none (evidential)
    echo_mark: Token | None = None  # "as" of "As X pointed out, ..."
    kind: str = "statement"  # statement | belief | intention
    part: str = "verb"  # verb | adjective | noun | phrase | survey ("In a poll, …") | evidential

    @property
    def lemma(self) -> str:
        return self.token.lemma_.lower()


def _particle(t: Token, lex: CueLexicon | None = None) -> Token | None:
    if lex is not None:  # "talked (at length) about", "pointed to", "warned against"
        lemma = t.lemma_.lower()
        for c in t.children:
            # "made it clear that …", "as X puts it": the word after the verb is its object or
            # an adjective the parser hangs on it
            if (c.dep_ in ("prep", "prt") or (c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj")
                                              and c.pos_ in ("ADJ", "PRON"))) \
                    and t.i < c.i <= t.i + 3 and f"{lemma} {c.lower_}" in lex.particle_verbs:
                return c
    for c in t.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == t.i + 1 and c.lower_ in ("on", "for")):
            return c
    if t.i + 1 < len(t.doc):
        nxt = t.doc[t.i + 1]
        if nxt.tag_ == "RP" or (nxt.lower_ in ("out", "on", "for", "off", "down", "up", "clear", "back")
                                and nxt.dep_ in ("prt", "prep", "advmod", "acomp", "oprd", "mark")):
            return nxt
    return None


def find_cues(doc: Doc, lex: CueLexicon | None = None, indices: list[int] | None = None) -> list[Cue]:
    """Cues in a parsed sentence, in order. "quoted as saying" is one cue (on "quoted").
    ``indices`` (from :meth:`CueLexicon.candidates`) limits the tokens looked at."""
    lex = lex or lexicon()
    out: list[Cue] = []
    consumed: set[int] = set()
    n = len(doc)
    for k in (range(n) if indices is None else indices):
        if k >= n or k in consumed:
            continue
        t = doc[k]
        low = t.lower_
        if low == "according" and k + 1 < n and doc[k + 1].lower_ == "to":
            consumed.add(t.i + 1)
            out.append(Cue(t, [t, doc[t.i + 1]], "according to",
                           lex.phrases.get("according to", {}).get("stance", "asserts"), "object"))
            continue
        survey = _survey_phrase(t, lex) if low == "in" else None
        if survey is not None:  # "In the latest Gallup poll, Smith leads by 9 points"
            out.append(Cue(t, [t], t.text, "asserts", "object", part="survey"))
            continue
        if low == "in" and [w.lower_ for w in doc[k + 1: k + 4]] == ["the", "words", "of"]:
            consumed.update(range(t.i + 1, t.i + 4))
            out.append(Cue(doc[t.i + 3], [doc[k] for k in range(t.i, t.i + 4)], "in the words of",
                           lex.phrases.get("in the words of", {}).get("stance", "asserts"), "object"))
            continue
        if low in lex.attitude_adjectives and t.tag_ in ("JJ", "VBN") and t.dep_ in ("acomp", "oprd", "xcomp", "ROOT") \
                and (t.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            out.append(Cue(t, [t], t.text, "asserts", kind=lex.kind(low), part="adjective"))
            continue
        light = _light_cue(t, lex, consumed)
        if light is not None:
            out.append(light)
            continue
        if t.tag_ in ("NN", "NNS") and t.lemma_.lower() in lex.claim_head_nouns:
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            if poss is not None:
                out.append(Cue(t, [t], t.text, "asserts", "possessor", kind=lex.kind(t.lemma_.lower()),
                               part="noun"))
            continue
        if low in lex.evidential_adverbs and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX"):
            # "he was reportedly targeted", "Reportedly, he made …": reported, by no one named
            out.append(Cue(t, [t], t.text, "asserts", "none", part="evidential"))
            continue
        if not t.tag_.startswith("VB"):
            continue
        lemma = t.lemma_.lower()
        if lemma in lex.evidential_passives and passive_without_agent(t) and evidential_complement(t) is not None:
            # "the bank is expected to act", "it is believed that …" (beliefs), "he is said to
            # favour …", "it was revealed that …" (statements): the cue's own kind
            out.append(Cue(t, [t], t.text, "asserts", "none", kind=lex.kind(lemma), part="evidential"))
            continue
        if lemma in lex.evidential_verbs:
            if evidential_complement(t) is not None:  # "Trump appeared to mock …", "it seems that …"
                out.append(Cue(t, [t], t.text, "asserts", "none", kind="belief", part="evidential"))
            continue
        if lemma == "quote":
            saying = _quoted_as_saying(t)
            if saying is not None:
                consumed.add(saying.i)
                out.append(Cue(t, [t, saying], "quoted as saying",
                               lex.phrases.get("quoted as saying", {}).get("stance", "asserts")))
            continue
        prt = _particle(t, lex)
        stance = lex.stance(lemma, prt.lower_ if prt is not None else None)
        if stance is None:
            continue
        phrase = f"{lemma} {prt.lower_}" if prt is not None else lemma
        toks = [t]
        text = t.text
        if prt is not None and phrase in lex.particle_verbs:
            toks.append(prt)
            text = f"{t.text} {prt.text}"
        mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in lex.echo_marks), None)
        if mark is not None and _own_content(t, lex):
            mark = None  # "As Sanders has criticized Clinton for …, …": "as" gives a reason here
        out.append(Cue(t, toks, text, stance, echo_mark=mark, kind=lex.kind(phrase if phrase in lex.kinds else lemma)))
    return out


def _own_content(t: Token, lex: CueLexicon) -> bool:
    """Does the cue verb ``t`` of an "as"-clause carry content of its own: a noun object of an
    object verb ("as Sanders has criticized Clinton for …") or a clause of four words or more
    ("as officials said the talks had failed, …")? Then the clause is no echo ("As X pointed
    out, …", "as he put it", "as Trump predicted it would")."""
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.object_verbs:
            return True
        if c.dep_ == "ccomp" and c.right_edge.i - c.left_edge.i >= 3:
            return True
    return False


def passive_without_agent(t: Token) -> bool:
    """A past participle in the passive ("is expected", "was said") with no "by" agent."""
    return t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children) \
        and not any(c.dep_ == "agent" for c in t.children) and not has_contracted(t)


def has_contracted(t: Token) -> bool:
    """ "He's said he …": the parser reads "'s" as "is" (a passive); with a person as subject
    and a clause after it, it is "has"."""
    return any(c.dep_ == "auxpass" and c.text in ("'s", "’s") for c in t.children) \
        and any(c.dep_ == "ccomp" and c.i > t.i for c in t.children) \
        and any(c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there", "this", "that") for c in t.children)


def evidential_complement(t: Token) -> Token | None:
    """What "seem"/"appear" present as likely: an infinitive ("appeared to mock"), a clause
    ("it seems that …", "seemed as if …"), or an adjective with a clause or infinitive ("seems
    likely that …", "appears ready to …"). None for "appeared on television" and for an
    adjective alone ("the team appeared paralyzed": PolNeAR takes some as attributions and
    not others; tried, train[0:250] 5 of 9 such claims matched, dev 1 of 4)."""
    for c in t.children:
        if c.i < t.i:
            continue
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
        if c.dep_ == "ccomp" or (c.dep_ == "advcl" and any(m.lower_ in ("if", "though", "like")
                                                            for m in c.children if m.dep_ == "mark")):
            return c
        if c.dep_ in ("acomp", "oprd") and any(g.dep_ in ("ccomp", "xcomp") for g in c.children):
            return c
    return None


_SURVEY_REACH = 8  # tokens from "In" to the survey noun ("In a Washington Post-ABC News poll")


def _survey_after(doc: Doc, k: int, lex: CueLexicon) -> bool:
    """Does a survey noun ("poll", "survey") follow the "In" at ``k`` closely (tags of the
    single pass)?"""
    return any(t.lemma_.lower() in lex.survey_nouns for t in doc[k + 1:k + 1 + _SURVEY_REACH])


def _survey_phrase(t: Token, lex: CueLexicon) -> Token | None:
    """ "In a new CNN/ORC poll, <clause>", "<clause> in the latest Marist survey.": a survey
    that reports the clause (PolNeAR takes the survey as the source). Either the sentence
    opens with "in" + a survey set off by a comma before its clause, or the phrase hangs on
    the sentence's main verb after it and ends the sentence. The survey noun, or None."""
    if t.dep_ != "prep":
        return None
    obj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.survey_nouns:
        return None
    doc, end = t.doc, t.right_edge.i + 1
    if t.is_sent_start:
        if end >= len(doc) - 3 or doc[end].text != "," or t.head.i < end:
            return None  # no comma, or the clause does not follow
        return obj
    root = t.head
    while root.dep_ != "ROOT" and root.head.i != root.i and root.pos_ in ("NOUN", "PROPN", "NUM", "ADP"):
        root = root.head  # "Cruz had 38 percent support in a Fox poll": hung on the figure
    if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX") or root.i > t.i \
            or not any(c.dep_ == "nsubj" for c in root.children):
        return None
    if end < len(doc) and not (doc[end].is_sent_end or doc[end].text in (".", "!", "?")):
        return None  # "… led in the polls and won": the phrase does not end the sentence
    return obj


def _light_cue(t: Token, lex: CueLexicon, consumed: set[int]) -> Cue | None:
    """ "raised concerns about …", "made the case that …": a light verb whose object is a
    speech noun, found on the verb or on the noun (the noun and the verb are consumed)."""
    noun: Token | None = None
    if t.tag_ in ("NN", "NNS") and t.dep_ == "dobj" and t.lemma_.lower() in lex.speech_objects \
            and t.head.tag_.startswith("VB") and t.head.lemma_.lower() in lex.light_verbs:
        noun = t
    elif t.tag_.startswith("VB") and t.lemma_.lower() in lex.light_verbs:
        noun = next((c for c in t.children if c.dep_ == "dobj" and c.tag_ in ("NN", "NNS")
                     and c.lemma_.lower() in lex.speech_objects), None)
    if noun is None:
        return None
    v = noun.head
    if v.i > noun.i or v.i in consumed and v is not t:
        return None
    consumed.update((v.i, noun.i))
    text = f"{v.text} {noun.text}" if noun.i == v.i + 1 else f"{v.text} {v.doc[v.i + 1:noun.i + 1].text}"
    return Cue(v, [v, noun], text, "asserts", kind=lex.kind(noun.lemma_.lower()), part="light")


def _quoted_as_saying(t: Token) -> Token | None:
    """The "saying" of "X was quoted as saying" when ``t`` is "quoted"."""
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "as" and doc[t.i + 2].lemma_.lower() in ("say", "tell", "write"):
        return doc[t.i + 2]
    if t.i + 3 < len(doc) and doc[t.i + 2].lower_ == "as" and doc[t.i + 3].lemma_.lower() in ("say", "tell", "write"):
        return doc[t.i + 3]  # "quoted by X as saying" is longer; this covers "quoted him as saying"
    return None
