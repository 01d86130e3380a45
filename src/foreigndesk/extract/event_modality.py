"""Modality of a coded event from the dependency parse of its sentence.

negated ("did not sign", "refused to sign", "denied that it had signed"), hypothetical ("could lead to", "if ... attacks",
"called on X to end", a question), future ("will visit", "are due to travel", "plans to
sign"), reported ("X said Y had signed", inside a quotation, "reportedly"), else asserted.
The cue words are data (``data/cameo/modality.yaml``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from foreigndesk.built_cache import load_yaml

ORDER = ("negated", "questioned", "hypothetical", "future", "reported", "asserted")
QUOTES = frozenset('"\u201c\u201d')


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    denying_verbs: frozenset[str]
    ending_governors: frozenset[str]
    wishing_governors: frozenset[str]
    attempt_nouns: frozenset[str]
    plan_nouns: frozenset[str]
    report_nouns: frozenset[str]
    hypothetical_marks: frozenset[str]
    reporting_verbs: frozenset[str]
    reported_adverbs: frozenset[str]
    hypothetical_adverbs: frozenset[str]
    attributing_verbs: frozenset[str]
    demand_modals: frozenset[str]
    steadfast_verbs: frozenset[str]
    presupposing_verbs: frozenset[str]
    future_in_past_aux: frozenset[str]


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    text = resources.files("foreigndesk.data").joinpath("cameo/modality.yaml").read_text("utf-8")
    raw = load_yaml(text)
    return Cues(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.items()})


def _own(verb: Token, c: Cues) -> str | None:
    """Modality marked on the verb itself (negation, modal auxiliary, adverb, mark)."""
    found: set[str] = set()
    for ch in verb.children:
        lem = ch.lemma_.lower()
        low = ch.lower_
        if ch.dep_ == "neg" or (ch.dep_ == "advmod" and low in c.negation):
            found.add("negated")
        elif ch.dep_ == "aux" and ch.tag_ == "MD":
            if low in c.future_aux or lem in c.future_aux:
                found.add("future")
            elif low in c.future_in_past_aux and _future_in_past(verb, c):
                found.add("future")  # "said it would send aid": the intent, reported
            elif low in c.hypothetical_aux or lem in c.hypothetical_aux:
                found.add("hypothetical")
        elif ch.dep_ == "mark" and low in c.hypothetical_marks:
            found.add("hypothetical")
        elif ch.dep_ == "advmod":
            if low in c.reported_adverbs:
                found.add("reported")
            elif low in c.hypothetical_adverbs:
                found.add("hypothetical")
    # a headline's infinitive: "Erdogan to visit Moscow next week" (its subject, "to", no verb
    # above it)
    # ("EU to impose ...": the parser may hang the infinitive on the name)
    if any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children) and (
            (verb.dep_ == "ROOT" and any(ch.dep_ == "nsubj" for ch in verb.children)) or (
            verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.tag_ in (
                "NNP", "NNPS"))):
        found.add("future")
    # "is going to visit", "are due to travel", "is about to sign"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("go", "due", "about", "set"):
        found.add("future")
    if "negated" in found and verb.lemma_.lower() in c.steadfast_verbs:
        found.discard("negated")  # "will not waver in its support": the support is asserted
    for m in ORDER:
        if m in found:
            return m
    return None


def modality(trigger: Token) -> str:
    """The modality of the event whose verb (or governing verb, for a noun) is ``trigger``."""
    c = cues()
    found: set[str] = set()
    verb = trigger
    # a noun event takes the modality of the verb it depends on
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and hops < 6:
        verb = verb.head
        hops += 1
    depth = 0
    own_marks = True
    while depth < 8:
        depth += 1
        own = _own(verb, c) if own_marks else None
        if own:
            found.add(own)
        own_marks = True
        dep = verb.dep_
        head = verb.head
        if dep == "ROOT" or head.i == verb.i:
            break
        hl = head.lemma_.lower()
        to_clause = dep == "xcomp" or (dep == "advcl" and any(
            ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children))
        if dep == "conj":
            # coordinated verbs share auxiliaries and negation ("did not sign or ratify"),
            # but a conjunct clause with a subject of its own has its own ("China did not
            # attend, but Peru expelled ..."); both still share what governs them
            own_marks = not any(ch.dep_ in ("nsubj", "nsubjpass", "expl")
                                for ch in verb.children)
            verb = head
        elif to_clause:
            if hl in c.negating_governors or (hl in c.ending_governors and not any(
                    ch.dep_ == "neg" for ch in head.children)):
                found.add("negated")  # "refused to sign"; "stop arming" (but "did not stop
                # supporting": the support goes on, see steadfast_verbs)
            elif hl in c.wishing_governors and _another_subject(verb, head):
                found.add("hypothetical")  # "expects Russia to attack": wished, not intended
            elif hl in c.hypothetical_governors:
                found.add("hypothetical")
            elif hl in c.future_governors:
                found.add("future")
            verb = head
        elif dep in ("ccomp", "parataxis"):
            if head.i > verb.i and not any(ch.dep_ in ("nsubj", "nsubjpass", "expl")
                                           for ch in head.children):
                break  # a subjectless verb after the clause governs nothing (a parse's slip)
            if hl in c.denying_verbs:
                found.add("negated")  # "denied that it had supplied drones": not so, says X
                break
            if hl in c.reporting_verbs:
                found.add("reported")
                break
            if hl in c.wishing_governors and _another_subject(verb, head):
                # "wants China to release", "hopes Iran will return": another actor's act
                # that the subject wishes or expects, neither done nor that actor's intent
                found.add("hypothetical")
            elif hl in c.future_governors:  # "plans that ...", "expects that it will"
                found.add("future")
            elif hl in c.hypothetical_governors:
                found.add("hypothetical")
            verb = head
        elif dep == "advcl":
            if any(ch.dep_ == "mark" and ch.lower_ in c.hypothetical_marks
                   for ch in verb.children):
                found.add("hypothetical")
            break
        elif dep == "acl" and head.lemma_.lower() in c.report_nouns and any(
                ch.dep_ == "mark" and ch.lower_ == "that" for ch in verb.children):
            # the content of a report or an accusation ("reports that troops had entered"):
            # reported, or negated when the report is denied ("rejected claims that ...")
            gov = _governing_verb(verb)
            denied = gov is not None and head.dep_ in ("dobj", "nsubjpass") and \
                gov.lemma_.lower() in (c.denying_verbs | c.negating_governors)
            found.add("negated" if denied else "reported")
            break
        elif dep == "acl" and any(ch.dep_ == "aux" and ch.lower_ == "to"
                                  for ch in verb.children) and (
                head.lemma_.lower() in c.attempt_nouns or head.lemma_.lower() in c.plan_nouns):
            # "a plot to kill Maduro", "attempts to topple the government": tried, not done;
            # "a plan to withdraw troops": intended
            found.add("hypothetical" if head.lemma_.lower() in c.attempt_nouns else "future")
            gov = _governing_verb(verb)
            if gov is None:
                break
            verb = gov
        elif dep in ("pcomp", "acl"):  # "play a role in helping ...": the governing verb's
            prep = verb.head
            if dep == "pcomp" and prep.lower_ == "to" and prep.head.lemma_.lower() in \
                    c.future_governors:
                found.add("future")  # "is committed to supporting", "looks forward to meeting"
            gov = _governing_verb(verb)
            if gov is None:
                break
            verb = gov
        else:
            break
    sent = trigger.doc
    if len(sent) and sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        found.add("questioned")  # "Is China building a base in Cuba?"
    if _inside_quotes(trigger):
        found.add("reported")
    for m in ORDER:
        if m in found:
            return m
    return "asserted"


def _another_subject(verb: Token, governor: Token) -> bool:
    """Does the clause of ``verb`` (governed by ``governor``) name an actor of its own, not a
    pronoun that may be the governor's subject ("wants China to release", "expects Russia to
    attack"; not "hopes it will join", "wants to join")?"""
    subj = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "xcomp":  # "expects Russia to attack": the governor's object
        subj = [ch for ch in governor.children if ch.dep_ == "dobj" and ch.i < verb.i]
    return any(t.tag_ not in ("PRP", "PRP$") for t in subj)


def _future_in_past(verb: Token, c: Cues) -> bool:
    """Is this "would" clause a future told in the past ("China said it would send aid",
    "pledged that they would cooperate"), not a condition ("would retaliate if attacked")?
    Its clause is the complement of a past verb of saying or promising, with no condition."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.tag_ not in ("VBD", "VBN") or head.lemma_.lower() not in (
            c.reporting_verbs | c.future_governors):
        return False
    return not any(ch.dep_ == "mark" and ch.lower_ in c.hypothetical_marks
                   for t in (verb, *[a for a in verb.children if a.dep_ == "advcl"])
                   for ch in t.children)


def presupposed(noun: Token) -> bool:
    """Is this event noun the object of a verb that takes it as given ("condemned the
    invasion", "did not welcome the release")? Then the verb's modality is not the noun's."""
    head = noun.head
    if noun.dep_ in ("pobj",) and head.dep_ == "prep":
        head = head.head  # "protested against the invasion"
    return noun.dep_ in ("dobj", "pobj", "conj") and head.pos_ in ("VERB", "AUX") and \
        head.lemma_.lower() in cues().presupposing_verbs


def _governing_verb(tok: Token) -> Token | None:
    t = tok.head
    for _ in range(20):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i or t.dep_ == "relcl":
            return None
        t = t.head
    return None


def _inside_quotes(tok: Token) -> bool:
    n = 0
    for t in tok.doc[: tok.i]:
        if t.text in QUOTES or t.text == "''" or t.text == "``":
            n += 1
    return n % 2 == 1
