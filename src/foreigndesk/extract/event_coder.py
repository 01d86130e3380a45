"""Code the events of one dependency-parsed sentence: (source actor, CAMEO code, target actor).

The coder reads the actor mentions the actor layer found (their character offsets) and the
parse of the sentence, and for every trigger (a verb or event noun of the dictionary):

- finds its source: the subject (inherited through coordination, "to"-complements and
  participles), the "by" agent of a passive, a possessor or modifier of an event noun ("Díaz-
  Canel's visit", "Chinese aid"), or the subject of the verb an event noun depends on ("paid
  a visit", "arrived after a visit to Moscow");
- finds its target: the object, the subject of a passive, a prepositional object (to, with,
  against, on ...), descending into a possessor ("condemned Pelosi's visit");
- expands coordinated actors ("Xi and Díaz-Canel pledged mutual support" codes both
  directions when the event is mutual or the verb symmetric), relations between two actors
  ("relations between Cuba and the United States were severed"), and agents with their
  country ("the ambassadors of Arnor and Gondor");
- resolves a few pronouns and bare titles (:mod:`~foreigndesk.extract.event_actors`:
  relative pronouns to their noun, "he"/"she" to the nearest person, "its" to the nearest
  state or organisation, "it" as the complement's subject to the speaker, "they" to the
  actors of the preceding clause, "the president" to the last person of government named);
- handles agentless passives done by the state of the place ("shot down off the coast of
  South Carolina"), photo captions naming two leaders, and light verbs ("paid a visit");
- codes the event from the dictionary (the best-matching pattern of the trigger).

Date, place and modality are attached by :mod:`foreigndesk.extract.events`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Token

from foreigndesk.built_cache import load_yaml
from foreigndesk.extract.event_actors import (
    ACTOR_MOD_PREPS,
    ActorRef,
    ActorResolver,
    SentenceActors,
    combine_code,
    distinct,
    is_actor,
    np_head,
    unique,
)
from foreigndesk.extract.event_dictionary import (
    NULL,
    Dictionary,
    Entry,
    Match,
    Pattern,
    default,
    inflection_bases,
    match,
)
from foreigndesk.extract.event_syntax import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    LazyTokens,
    arguments,
    circumstance_verb,
    clause_head,
    conjuncts,
    governing_verb,
    in_clause,
    is_passive,
    relational_arg,
    tree_depth,
)
from foreigndesk.extract.nlp import token_words

COMPLEMENT_DEPS = frozenset(
    ("dobj", "dative", "iobj", "obj", "prep", "prt", "attr", "acomp", "oprd", "xcomp", "ccomp",
     "advmod", "npadvmod", "agent", "nsubjpass", "csubjpass", "pcomp", "pobj", "compound"))
# prepositions that introduce a target, most telling first
VERB_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "upon", "at", "into",
                     "over", "for", "from", "about", "of", "in", "onto", "behind", "around",
                     "outside", "near", "regarding", "concerning")
NOUN_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "upon", "for", "into",
                     "over", "of", "at", "in", "between", "regarding", "concerning")
WHERE_PREPS = frozenset(("in", "at", "outside", "near"))
# force used "on", "at", "into", "against" a place is used on its state
STRUCK_PREPS = frozenset(("on", "at", "into", "against", "toward", "towards"))
# "entities controlled by X", "firms linked to X": X stands behind them
CONTROL_VERBS = frozenset(("control", "own", "run", "operate", "back", "link", "tie",
                           "affiliate", "connect", "associate", "manage", "finance", "fund"))
# verbs of an event noun's clause that name its target ("sanctions targeting X", "a ban that
# applies to X", "measures aimed at X", "restrictions affecting X")
NOUN_CLAUSE_TARGETS = frozenset(("target", "apply", "aim", "affect", "hit", "punish",
                                 "penalize", "penalise", "cover", "direct", "against"))
CAPTION_CODE = "040"  # CAMEO "Consult, not specified below": people shown together
# a patient without an agent is an event only for acts done *to* someone: sanctions,
# expulsions, arrests, force ("were expelled", "was arrested", "were killed"); an event noun
# alone ("the killing of a reporter") only for violence
MATERIAL_ROOTS = frozenset(("16", "17", "18", "19", "20"))
# acts a government does by regulation: the agent of their passive in its own official text
PRESSURE_ROOTS = frozenset(("16",))
# cooperative acts two parties do together when no one else is named as their target ("The two
# leaders welcomed the resumption of talks", "China and Russia pledged cooperation")
JOINT_ROOTS = frozenset(("01", "03", "04", "05", "06"))
PRESSURE_CODES = frozenset(("172",))  # administrative sanctions; not arrests (173)
# a government's repression whose victims go unnamed is done to its own people
REPRESSION_CODES = frozenset(("175",))
# verbal conflict whose target may be the one responsible for the acts it names
DISAPPROVAL_ROOTS = frozenset(("11", "12"))
# acts whose "from" names the place or thing left, not the actor ("the withdrawal of its
# troops from Somalia", "expulsion from the country"); elsewhere "aid from China" is China's
PLACE_FROM_ROOTS = frozenset(("08", "16", "17"))
VIOLENT_ROOTS = frozenset(("18", "19", "20"))
# "Tunisia tightened security after the attack": who acts after, since or amid violence is
# rarely who did it (a visit "after" which one arrived is one's own: not violence)
REACTION_PREPS = frozenset(("after", "following", "since", "amid", "despite", "upon", "until",
                            "before", "ahead", "prior"))



@dataclass
class RawEvent:
    """An event of one sentence. One side may be missing (``None``) in a *partial* event:
    "Clinton condemned the bombings" (no target), "Twelve Americans were killed" (no
    source); see :meth:`Coder.code_sentence`."""

    trigger: Token
    code: str
    source: ActorRef | None
    target: ActorRef | None
    kind: str  # verb | noun
    clause: Token  # the verb whose clause holds the event (date, modality)
    flags: frozenset[str] = frozenset()
    pattern: str = ""


class Coder(ActorResolver):
    """Codes the events of parsed sentences with a :class:`Dictionary`.

    ``promote_states``: a state named as the source or target of an event stands for its
    government ("China recognized ..." -> CHNGOV), as in diplomatic news; PETRARCH's
    conventions keep the bare country code (False). ``loose_targets``: when no syntactic
    target is found, take the first actor after the verb in its clause (PETRARCH's habit;
    more recall, less precision). ``partial``: a sentence with no event between two actors
    may give events with one side only (a source whose act has no actor as target, or the
    patient of an agentless passive), as human coders do."""

    def __init__(self, dictionary: Dictionary, promote_states: bool = True,
                 require_dyad: bool = True, loose_targets: bool = False,
                 partial: bool = True) -> None:
        self.d = dictionary
        self.promote_states = promote_states
        self.require_dyad = require_dyad
        self.loose_targets = loose_targets
        self.partial = partial
        # word classes the coder needs, from the dictionary, else from foreigndesk's own
        # (a PETRARCH dictionary has none of them)
        own = dictionary if dictionary.synset("RELATIONS") else default()
        self.reciprocal = own.synset("RECIPROCAL")  # "mutual support": both directions
        self.relations = own.synset("RELATIONS")  # "relations between A and B"
        self.titles = own.synset("TITLES")  # "the president" refers back
        self.object_control = own.synset("OBJECT_CONTROL")  # "urged Bree to help"
        self.geo = own.synset("GEO")  # "the Sea of Japan" is a place
        self.people = own.synset("PEOPLE")  # "officials in Cuba" are Cuban
        # people an act is done to: their nationality in "the expulsion of Russian diplomats"
        # is the target's, not the actor's
        self.patients = own.synset("DIPLOMAT") | own.synset("PERSONS") | own.synset("CAPTIVES")
        self._protest_memo: dict[tuple[str, str, str], Any] = {}  # word -> protest match

    # -- arguments ------------------------------------------------------------------------
    def subjects(self, verb: Token, sa: SentenceActors, _depth: int = 0) -> list[ActorRef]:
        """The actors of the subject of ``verb`` (active voice), inherited when the verb has
        none of its own (coordination, complements, participles, relative clauses)."""
        if _depth > 4:
            return []
        subj = [c for c in verb.children if c.dep_ in SUBJ]
        if subj:
            refs = unique(r for c in subj for r in self.np_actors(c, sa))
            refs = unique([*self._comma_listed(verb, subj[0], sa, refs), *refs])
            if not refs and sa.issuer is not None and any(
                    self.acts_for_issuer(c, verb) for c in subj):
                return [self.mention_ref(sa.issuer)]
            return refs
        if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
            return []
        dep, head = verb.dep_, verb.head
        if dep == "xcomp" and head.lemma_.lower() in frame_words()["raising"] and any(
                c.dep_ == "auxpass" for c in head.children):
            # "Xi is scheduled to attend a summit": the passive's subject acts
            return unique(r for c in head.children if c.dep_ in PASS_SUBJ
                          for r in self.np_actors(c, sa))
        if head.i == verb.i:
            return self._listed_verb_subjects(verb, sa, _depth)
        if dep == "conj":
            return self.subjects(head, sa, _depth + 1) if not is_passive(head) else []
        if head.pos_ in ("VERB", "AUX") and (dep == "xcomp" or (dep == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children))):
            if head.lemma_.lower() in self.object_control:
                for c in head.children:
                    if c.dep_ in OBJ:
                        refs = self.np_actors(c, sa)
                        if refs:
                            return refs
                    if c.dep_ == "prep" and c.lower_ == "on":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return self.np_actors(p, sa)
            return self.subjects(head, sa, _depth + 1)
        if dep == "acomp" or (dep == "xcomp" and head.pos_ == "ADJ"):
            return self.subjects(head, sa, _depth + 1)
        if dep in ("advcl", "pcomp", "ccomp"):
            gov = governing_verb(verb)
            return self.subjects(gov, sa, _depth + 1) if gov is not None else []
        if dep in ("acl", "relcl"):
            noun = head
            refs = self.np_actors(noun, sa, descend=False)
            if refs:
                return refs
            if noun.dep_ in OBJ and noun.head.pos_ in ("VERB", "AUX"):
                return self.subjects(noun.head, sa, _depth + 1)
        return []

    def _listed_verb_subjects(self, verb: Token, sa: SentenceActors,
                              _depth: int) -> list[ActorRef]:
        """A finite verb the parse cut loose after a comma ("a regime that suppresses ...,
        arbitrarily detains dissidents, and holds prisoners"): one more of a list of verbs,
        with the subject of the finite verb before it."""
        if verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.i < 2:
            return []
        if not any(t.text == "," for t in verb.doc[max(0, verb.i - 3): verb.i]):
            return []
        for t in reversed(verb.doc[: verb.i]):
            if t.tag_ == verb.tag_ and t.i != verb.i:
                return self.subjects(t, sa, _depth + 1)
        return []

    def _comma_listed(self, verb: Token, subj: Token, sa: SentenceActors,
                      refs: list[ActorRef]) -> list[ActorRef]:
        """A headline's first subject the parse left hanging before the verb's subject
        ("Russia, China hold talks": Russia as npadvmod): an actor of another state."""
        if len(refs) != 1 or subj.i < 2 or subj.doc[subj.i - 1].text != ",":
            return []
        for c in verb.children:
            if c.dep_ in ("npadvmod", "dep", "nsubj") and c.i == subj.i - 2:
                mc = sa.at(c)
                if mc is not None and is_actor(mc) and mc.country and \
                        mc.country != refs[0].country:
                    return [self.ref(mc, c)]
        return []

    def _responsible_for(self, tok: Token, sa: SentenceActors) -> list[ActorRef]:
        """People "responsible for" a state's oppression of its people ("individuals
        responsible for oppression of the Cuban people", "officials responsible for abuses in
        Xinjiang") stand for that state's government."""
        words = frame_words()["oppression"]
        for c in tok.children:
            if c.dep_ in ("amod", "acl", "relcl") and c.lemma_.lower() == "responsible":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "for":
                        for o in p.children:
                            if o.dep_ == "pobj" and o.lemma_.lower() in words | {o.lower_}:
                                if o.lower_ not in words and o.lemma_.lower() not in words:
                                    continue
                                for t in o.subtree:
                                    m = sa.at(t) or sa.places.get(t.i)
                                    if m is not None and m.country:
                                        return [ActorRef(m, combine_code(m.country, "GOV"),
                                                         m.country, "GOV", t.i)]
        return []

    def _oppressor(self, tok: Token, sa: SentenceActors) -> list[ActorRef]:
        """The state whose oppression a phrase names ("a review of human rights abuses in
        Cuba", "the repression in Belarus"): its government."""
        words = frame_words()["oppression"]
        t: Token | None = tok
        for _ in range(3):
            if t is None:
                return []
            if t.lemma_.lower() in words or t.lower_ in words:
                for x in t.subtree:
                    if x.i <= t.i:
                        continue
                    m = sa.at(x) or sa.places.get(x.i)
                    if m is not None and m.country:
                        return [ActorRef(m, combine_code(m.country, "GOV"), m.country, "GOV",
                                         x.i)]
                return []
            t = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"), None)
        return []

    def controller(self, tok: Token, sa: SentenceActors) -> list[ActorRef]:
        """Who stands behind a noun that is no actor itself: "entities controlled by the
        Cuban military", "companies linked to the regime", "firms owned by X"."""
        for c in tok.children:
            if c.dep_ == "acl" and c.lemma_.lower() in CONTROL_VERBS:
                for a in c.children:
                    if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ in ("by", "to",
                                                                               "with")):
                        for p in a.children:
                            if p.dep_ == "pobj":
                                refs = self.np_actors(p, sa)
                                if refs:
                                    return refs
        return []

    def acts_for_issuer(self, subj: Token, verb: Token) -> bool:
        """Does this subject stand for the government that issued an official text: a
        policy instrument ("The memorandum ends ..."), or "it"/"this" doing something
        regulatory ("It lists Cuba as ...")? (``data/en/instruments.yaml``)"""
        words = instrument_words()
        lem = subj.lemma_.lower()
        if lem in words["instruments"] or subj.lower_ in words["instruments"]:
            return True
        return subj.lower_ in ("it", "this") and (
            verb.lemma_.lower() in words["regulatory_verbs"]
            or any(b in words["regulatory_verbs"] for b in inflection_bases(verb.lower_)))

    def responsible(self, verb: Token, sa: SentenceActors,
                    sources: Sequence[ActorRef]) -> list[ActorRef]:
        """Who is condemned for acts named without their agent ("condemn the mass detentions
        ... of the Cuban people", "criticized the crackdown in Hong Kong"): the government of
        the one other state the sentence names, when the object is an event noun."""
        objs = [c for c in verb.children if c.dep_ in OBJ]
        if not objs or not all(o.lemma_.lower() in self.d.nouns for o in objs):
            return []
        own = {s.country for s in sources}
        others: dict[str, ActorRef] = {}
        for t in verb.doc:
            m = sa.at(t)
            if m is not None and m.country and m.country not in own and m.country not in others:
                others[m.country] = ActorRef(m, combine_code(m.country, "GOV"), m.country,
                                             "GOV", t.i)
        return list(others.values()) if len(others) == 1 else []

    def agent(self, verb: Token, sa: SentenceActors) -> list[ActorRef]:
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.np_actors(p, sa)
        return []

    def targets_plain(self, verb: Token, sa: SentenceActors) -> list[ActorRef]:
        for c in verb.children:
            if c.dep_ in OBJ:
                refs = self.np_actors(c, sa)
                if refs:
                    return refs
        return []

    def np_targets(self, tok: Token, sa: SentenceActors,
                   sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The actors of a noun phrase that can be the target of an event by ``sources``:
        not the source itself ("its embargo of Cuba": Cuba, not "its")."""
        refs = [r for r in self.np_actors(tok, sa) if all(distinct(r, s) for s in sources)]
        if not refs:  # "individuals responsible for oppression of the Cuban people"
            refs = [r for r in self._responsible_for(tok, sa) or self._oppressor(tok, sa)
                    if all(distinct(r, s) for s in sources)]
        if refs or sa.at(tok) is not None or tok.lemma_.lower() in self.geo:
            return refs
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs = [r for r in self.np_actors(p, sa)
                                if all(distinct(r, s) for s in sources)]
                        if refs:
                            return refs
        for c in tok.children:  # "transactions with entities controlled by the Cuban military"
            if c.dep_ == "prep" and c.lower_ in ("with", "of", "to", "for"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs = [r for r in self.controller(p, sa) if all(distinct(r, s)
                                                                        for s in sources)]
                        if refs:
                            return refs
        if tok.lemma_.lower() in self.d.nouns:  # an event noun's own clause names its target
            for c in tok.children:  # "sanctions targeting X", "a ban that applies to X"
                if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in NOUN_CLAUSE_TARGETS:
                    for o in c.children:
                        holders = [o] if o.dep_ in OBJ else (
                            [p for p in o.children if p.dep_ == "pobj"]
                            if o.dep_ == "prep" and o.lower_ in NOUN_TARGET_PREPS else [])
                        for h in holders:
                            refs = [r for r in self.np_actors(h, sa)
                                    if all(distinct(r, s) for s in sources)]
                            if refs:
                                return refs
        return []

    def verb_targets(self, verb: Token, sa: SentenceActors, m: Match | None,
                     post: Sequence[Token], sources: Sequence[ActorRef] = ()) -> list[ActorRef]:
        """The target of a verb: the actor a pattern's '+' points at, the subject of a
        passive, the object, a prepositional object (to, with, against ...), the object of
        a "to"-complement, the subject of a clausal complement; else the first actor after
        the verb in its clause."""
        if m is not None and m.target_at is not None:
            refs = self.first_actor(post[m.target_at:], sa)
            if refs:
                return refs
        if is_passive(verb):
            for c in verb.children:
                if c.dep_ in PASS_SUBJ:
                    refs = self.np_targets(c, sa, sources)
                    if refs:
                        return refs
            if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "protesters detained after July 11"
                crowd = verb.head.lemma_.lower() in frame_words()["crowds"]  # "hundreds of ..."
                refs = [r for r in self.np_actors(verb.head, sa, descend=crowd)
                        if all(distinct(r, s) for s in sources)]
                if refs:
                    return refs
        objs = [c for c in verb.children if c.dep_ in OBJ]
        theme = m is not None and "theme" in m.flags
        if theme:  # the thing (or person) handed over is no target: its recipient is
            for c in [*verb.children, *(x for o in objs for x in o.children)]:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for"):
                    for po in c.children:
                        if po.dep_ == "pobj":
                            refs = self.np_targets(po, sa, sources)
                            if refs:
                                return refs
        for c in objs:
            refs = (self.np_actors(c, sa, descend=False) if theme
                    else self.np_targets(c, sa, sources))
            refs = [r for r in refs if all(distinct(r, s) for s in sources)]
            if refs:
                return refs
        preps: dict[str, list[Token]] = {}
        for c in verb.children:
            if c.dep_ in ("prep", "dative"):
                preps.setdefault(c.lower_, []).append(c)
            elif c.dep_ == "prt":  # "cordoned off ...": the particle's own objects
                for pc in c.children:
                    if pc.dep_ == "prep":
                        preps.setdefault(pc.lower_, []).append(pc)
        for o in objs:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ not in ACTOR_MOD_PREPS:
                    preps.setdefault(c.lower_, []).append(c)
        used = set(m.tokens) if m is not None else set()
        used_idx = {post[i].i for i in used} if used else set()
        for word in VERB_TARGET_PREPS:
            for pt in preps.get(word, ()):
                if word in WHERE_PREPS and pt.i not in used_idx:
                    continue  # "in X" is where, unless the pattern asks for it ("invest in")
                for po in pt.children:
                    if po.dep_ == "pobj":
                        refs = self.np_targets(po, sa, sources)
                        if refs:
                            return refs
        for pt in preps.get("to", ()):  # "committed to fostering a free Cuba"
            for pc in pt.children:
                if pc.dep_ == "pcomp":
                    for o in pc.children:
                        if o.dep_ in OBJ:
                            refs = self.np_targets(o, sa, sources)
                            if refs:
                                return refs
        for o in objs:  # an event noun as object names its own target ("the embargo of Cuba")
            if o.lemma_.lower() in self.d.nouns:
                refs = [r for r in self.noun_targets(o, sa, False)
                        if all(distinct(r, s) for s in sources)]
                if refs:
                    return refs
        for c in verb.children:  # "made it clear to China", "is hostile to X"
            if c.dep_ in ("acomp", "oprd", "ccomp") and c.pos_ == "ADJ":
                for pc in c.children:
                    if pc.dep_ == "prep" and pc.lower_ in ("to", "with", "toward", "towards"):
                        for po in pc.children:
                            if po.dep_ == "pobj":
                                refs = self.np_targets(po, sa, sources)
                                if refs:
                                    return refs
        if theme:  # the recipient named inside the object: "500 million euros in aid to Ukraine"
            for o in objs:
                for t in o.subtree:
                    if t.dep_ == "prep" and t.lower_ in ("to", "for") and in_clause(t, verb):
                        for po in t.children:
                            if po.dep_ == "pobj":
                                refs = self.np_targets(po, sa, sources)
                                if refs:
                                    return refs
        partner = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
        for c in verb.children:
            if partner:
                break  # "work with partners to pressure X": the partners, not X
            if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children):
                for o in c.children:  # "helped build Cuba's internet", "to supply Gondor"
                    if o.dep_ in OBJ:
                        refs = self.np_targets(o, sa, sources)
                        if refs:
                            return refs
            if c.dep_ == "ccomp" and self.loose_targets:  # "believes Dagolath ... can cope"
                for o in c.children:
                    if o.dep_ in SUBJ:
                        refs = self.np_actors(o, sa)
                        if refs:
                            return refs
        if m is not None and m.code[:2] in VIOLENT_ROOTS and not passive_like(verb):
            # force used on a place is used on its state ("shelled the city of Kharkiv",
            # "launched missiles at Kyiv")
            for c in verb.children:
                if c.dep_ in OBJ or (c.dep_ == "prep" and c.lower_ in STRUCK_PREPS):
                    refs = self._struck_state(c, sa, sources)
                    if refs:
                        return refs
            # where the force fell, when what it hit names no actor ("drones hit an oil
            # refinery in Ryazan", "jets bombed targets in Syria")
            for c in [*verb.children, *(x for o in objs for x in o.children)]:
                if c.dep_ == "prep" and c.lower_ == "in":
                    refs = self._struck_state(c, sa, sources)
                    if refs:
                        return refs
        if not self.loose_targets:
            return []
        return self.first_actor([t for t in verb.subtree if t.i > verb.i
                                 and in_clause(t, verb)], sa)

    @staticmethod
    def _struck_state(head: Token, sa: SentenceActors,
                      sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The state a place under ``head`` belongs to, or a state named there by its
        capital ("at Kyiv": a state mention), when it is none of the sources' states."""
        for t in head.subtree:
            p = sa.places.get(t.i)
            if p is None:
                a = sa.at(t)
                p = a if a is not None and a.actor_kind == "state" else None
            if p is not None and p.country and all(s.country != p.country for s in sources):
                return [ActorRef(p, p.country, p.country, None, t.i)]
        return []

    def first_actor(self, toks: Iterable[Token], sa: SentenceActors) -> list[ActorRef]:
        for t in toks:
            if sa.at(t) is not None:
                refs = self.np_actors(np_head(t, sa), sa)
                if refs:
                    return refs
        return []

    def noun_targets(self, noun: Token, sa: SentenceActors, agent_of: bool) -> list[ActorRef]:
        preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
        for p in NOUN_TARGET_PREPS:
            if p == "of" and agent_of:
                continue
            pt = preps.get(p)
            if pt is None:
                continue
            for po in pt.children:
                if po.dep_ == "pobj":
                    refs = self.np_actors(po, sa)
                    if refs:
                        return refs
        return []

    def between(self, tok: Token, sa: SentenceActors) -> list[ActorRef]:
        """Actors of "relations between A and B", "A-B relations", "their relations"."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        refs = self.np_actors(p, sa)
                        if len({r.key for r in refs}) >= 2:
                            return refs
        mods = []
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                for t in [c, *conjuncts(c), *c.children]:
                    mc = sa.at(t)
                    if mc is not None and mc.country:
                        mods.append(self.ref(mc, t))
        mods = unique(mods)
        if len({r.key for r in mods}) >= 2:
            return mods
        return []

    # -- coding ---------------------------------------------------------------------------
    def code_sentence(self, doc: Doc, sa: SentenceActors) -> list[RawEvent]:
        """Every event of a parsed sentence whose actor mentions ``sa`` holds."""
        out: list[RawEvent] = []
        consumed: set[int] = set()
        light_objects: dict[int, Token] = {}  # noun token -> light verb
        lows, lemmas, tags, _ = token_words(doc)  # from the arrays: no Token per word
        words = list(zip(lows, lemmas, strict=True))
        wordset = {*lows, *lemmas}
        for i, (low, lem) in enumerate(words):
            if not tags[i].startswith("VB") and not (tags[i] in _OTHER_TRIGGER_TAGS and (
                    _predicate_adjective(doc[i]) or headline_verb(doc[i]))):
                continue
            entries = self.d.verb_entries(low, lem)
            if not entries or not any(e.possible(wordset) or _light(e) for e in entries):
                continue
            out += self._code_verb(doc[i], entries, sa, consumed, light_objects, words)
        for i, (low, lem) in enumerate(words):
            if i in consumed or not tags[i].startswith("NN") or headline_verb(doc[i]):
                continue
            entries = self.d.nouns.get(lem) or self.d.nouns.get(low) or []
            if not entries or not any(e.possible(wordset) for e in entries):
                continue
            tok = doc[i]
            m = sa.at(tok)
            if m is not None and is_actor(m) and tok.i not in light_objects:
                continue  # part of an actor's name
            out += self._code_noun(tok, entries, sa, light_objects.get(tok.i), consumed)
        if any("joint" not in e.flags for e in out):
            # an act read as mutual for want of a target only when nothing else is coded
            out = [e for e in out if "joint" not in e.flags]
        if not out:
            out = self._caption(doc, sa)
        if not out and self.partial:
            out = self._partial(doc, sa, words, wordset, tags) or self._protests_in(doc, sa)
        elif out and self.partial:
            out = self._main_clause_first(doc, sa, words, wordset, tags, out)
        return _dedup_events([_own_people(_against_own_government(e)) for e in out])

    def _main_clause_first(self, doc: Doc, sa: SentenceActors, words: list[tuple[str, str]],
                           wordset: set[str], tags: list[str],
                           out: list[RawEvent]) -> list[RawEvent]:
        """A main clause's act with one side named is the sentence's first event even when a
        clause below it has two ("A Tunisian court jailed a man for helping militants join
        an armed group", "Clinton vowed to bring to justice those responsible for the
        bombings of the embassies"): human coders code the main act first. A protest is
        kept wherever it stands ("stands with the Cubans who have taken to the streets"): its
        target is the protesters' government (:func:`_against_own_government`)."""
        top = min(tree_depth(e.trigger) for e in out)
        coded = {e.trigger.i for e in out}
        more = [e for e in self._partial(doc, sa, words, wordset, tags)
                if e.kind == "verb" and e.trigger.i not in coded and e.source is not None
                and (tree_depth(e.trigger) < top or e.code[:2] == PROTEST_ROOT)]
        return more + out if more else out

    def _partial(self, doc: Doc, sa: SentenceActors, words: list[tuple[str, str]],
                 wordset: set[str], tags: list[str]) -> list[RawEvent]:
        """Events with one side, for a sentence that has none with two: the triggers' own
        sources with no target, or the patients of agentless passives."""
        out: list[RawEvent] = []
        consumed: set[int] = set()
        light_objects: dict[int, Token] = {}
        for i, (low, lem) in enumerate(words):
            if not tags[i].startswith("VB") and not (tags[i] in _OTHER_TRIGGER_TAGS and (
                    _predicate_adjective(doc[i]) or headline_verb(doc[i]))):
                continue
            entries = self.d.verb_entries(low, lem)
            if not entries or not any(e.possible(wordset) or _light(e) for e in entries):
                continue
            out += self._code_verb(doc[i], entries, sa, consumed, light_objects, words,
                                   partial=True)
        for i, (low, lem) in enumerate(words):
            if i in consumed or not tags[i].startswith("NN") or headline_verb(doc[i]):
                continue
            entries = self.d.nouns.get(lem) or self.d.nouns.get(low) or []
            if not entries or not any(e.possible(wordset) for e in entries):
                continue
            tok = doc[i]
            m = sa.at(tok)
            if m is not None and is_actor(m) and tok.i not in light_objects:
                continue
            out += self._code_noun(tok, entries, sa, light_objects.get(tok.i), consumed,
                                   partial=True)
        return out

    def _protest_code(self, entries: Any) -> Any:
        """The match of a word's entries with no actors when it codes a protest (14x), else
        None (memoised per word by :meth:`_protests_in`)."""
        m = match(entries, (), ()) if entries else None
        return m if m is not None and m.code[:2] == PROTEST_ROOT else None

    def _protest_pattern(self, verb: Token) -> Any:
        """The match of a verb whose pattern, not its bare form, codes a protest ("took to
        the streets"), with its complements; else None."""
        key = ("p", verb.lower_, verb.lemma_.lower())
        if key not in self._protest_memo:
            self._protest_memo[key] = any(
                p.code[:2] == PROTEST_ROOT for e in self.d.verb_entries(key[1], key[2])
                for p in e.patterns)
        if not self._protest_memo[key]:
            return None
        doc = verb.doc
        words = [(t.lower_, t.lemma_.lower()) for t in doc]
        m = match(self.d.verb_entries(key[1], key[2]), words[: verb.i],
                  [words[i] for i in self._post_indices(verb)])
        return m if m is not None and m.code[:2] == PROTEST_ROOT else None

    def _protests_in(self, doc: Doc, sa: SentenceActors) -> list[RawEvent]:
        """Protests whose protesters are named by no actor, in a place that is ("Thousands
        protested in Tehran", "Protests erupted across Iran", "Demonstrations spread to
        Basra"): the people of that place's state protest against its government, as CAMEO
        codes domestic dissent."""
        out: list[RawEvent] = []
        memo = self._protest_memo
        for tok in doc:
            if tok.tag_.startswith("VB") or headline_verb(tok):
                key = ("v", tok.lower_, tok.lemma_.lower())
                if key not in memo:  # the same word's entries and match, looked up once
                    memo[key] = self._protest_code(self.d.verb_entries(key[1], key[2]))
                m = memo[key] or self._protest_pattern(tok)
                if m is None:
                    continue
                clause = tok
                if any(c.dep_ in SUBJ and self.np_actors(c, sa) for c in tok.children):
                    continue
            elif tok.tag_.startswith("NN"):
                key = ("n", tok.lower_, tok.lemma_.lower())
                if key not in memo:
                    memo[key] = self._protest_code(
                        self.d.nouns.get(key[2]) or self.d.nouns.get(key[1]) or [])
                if memo[key] is None:
                    continue
                m = memo[key]
                clause = clause_head(tok)
                if any(c.dep_ in ("poss", "compound", "amod") and self.np_actors(c, sa)
                       for c in tok.children):
                    continue
            else:
                continue
            for place in self._territorial(clause, sa):
                people = ActorRef(place.mention, combine_code(place.country, "CVL"),
                                  place.country, "CVL", place.token)
                out.append(RawEvent(tok, m.code, people, place, "verb" if clause is tok
                                    else "noun", clause))
            if out:
                break
        return out

    def _caption(self, doc: Doc, sa: SentenceActors) -> list[RawEvent]:
        """A verbless line naming people of two states together ("Chinese Premier Li Peng
        and Fidel Castro in Havana in 1995.", a photo caption) reports their meeting."""
        if any(t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB") for t in doc):
            return []
        roots = [t for t in doc if t.head.i == t.i]
        if len(roots) != 1:
            return []
        root = roots[0]
        people = [r for r in self.np_actors(root, sa, descend=False)
                  if r.mention.actor_kind == "person"]
        if len({r.country for r in people}) < 2:
            return []
        return [RawEvent(root, CAPTION_CODE, a, b, "caption", root, frozenset({"symmetric"}))
                for a in people for b in people if distinct(a, b)]

    def _post_indices(self, verb: Token) -> list[int]:
        """Token indices of a verb's complements (a passive subject first): the words its
        patterns look at after the verb. Subtrees are contiguous (projective parses)."""
        idx: list[int] = []
        passive_subj: list[int] = []
        for c in verb.children:
            dep = c.dep_
            if dep in PASS_SUBJ:
                passive_subj += range(c.left_edge.i, c.right_edge.i + 1)
            elif dep in COMPLEMENT_DEPS and (c.i > verb.i or dep == "advmod"):
                idx += range(c.left_edge.i, c.right_edge.i + 1)
            elif dep == "advcl" and c.i > verb.i and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                idx += range(c.left_edge.i, c.right_edge.i + 1)  # "called on X to end ..."
        idx.sort()
        return passive_subj + idx

    def _code_verb(self, verb: Token, entries: list, sa: SentenceActors, consumed: set[int],
                   light_objects: dict[int, Token],
                   words: list[tuple[str, str]] | None = None,
                   partial: bool = False) -> list[RawEvent]:
        doc = verb.doc
        if words is None:
            words = [(t.lower_, t.lemma_.lower()) for t in doc]
        post_idx = self._post_indices(verb)
        words_post = [words[i] for i in post_idx]
        words_pre = words[: verb.i]
        before = words_pre[-3:]
        after = words[verb.i + 1: verb.i + 4]
        m = match(entries, words_pre, words_post, before, after)
        if m is not None and "object" in m.flags and m.pattern is not None and \
                not _names_object(verb, m.pattern):
            # "attacked the plan" (111) but not "attacked a checkpoint over the plan"
            m = match([_without_flag(e, "object") for e in entries], words_pre, words_post,
                      before, after)
        if m is None:
            return []
        post = LazyTokens(doc, post_idx)
        for i in m.tokens:
            consumed.add(post_idx[i])
        if m.code == NULL and not m.reverse:  # a light verb: its event is the noun it takes
            for c in verb.children:
                if c.dep_ in OBJ and c.tag_.startswith("NN"):
                    for n in self._light_nouns(c):
                        light_objects[n.i] = verb
                        consumed.discard(n.i)  # a pattern naming the noun leaves it its event
            return []
        passive = is_passive(verb)
        if "statement" in m.flags and (verb.i in sa.cues or passive):
            return []  # the claim's statement (extract/event_claims.py)
        if passive:
            sources = self.agent(verb, sa)
            if not sources and sa.issuer is not None and (
                    m.code[:2] in PRESSURE_ROOTS or m.code[:3] in PRESSURE_CODES) and not \
                    any(c.dep_ == "agent" for c in verb.children):
                sources = [self.mention_ref(sa.issuer)]  # "transactions ... are prohibited"
        else:
            sources = self.subjects(verb, sa)
        flags = set(m.flags)
        if "recipient" in flags and not passive:
            receivers = sources
            sources = self._from_actors(verb, sa)
            targets = receivers
        elif "target" in m.pre_roles:  # PETRARCH "+ WAS * DEAD IN $"
            targets = self._subject_np(verb, sa)
            sources = []
        else:
            targets = self.verb_targets(verb, sa, m, post, sources)
            if not targets and sources and m.code[:2] in DISAPPROVAL_ROOTS:
                targets = self.responsible(verb, sa, sources)
        if m.source_at is not None:
            sources = self.first_actor(post[m.source_at:], sa) or sources
        if "statement" in m.flags:
            sources = [s_ for s_ in sources if political_ref(s_)]
            if not sources:
                return []
            if not targets:  # what a statement is about: the first other state it names
                targets = self._statement_target(verb, sa, sources)
        post_words = {w for pair in words_post for w in pair}
        if post_words & self.reciprocal:
            flags.add("symmetric")
        if passive and not sources and "territorial" in flags:
            sources = self._territorial(verb, sa)
            if sources and not targets:
                targets = self._inherited_patient(verb, sa, sources)
        if passive and not sources and m.code[:2] == "17" and targets:
            sources = self._state_of(targets)  # "protesters detained after July 11"
        events: list[RawEvent] = []
        if m.reverse and m.reverse[:2] == m.code[:2]:
            flags.add("symmetric")  # "[064:064]": a mutual act
        if "symmetric" in flags and sources and not targets and not passive:
            # a mutual act with one party named as subject: the other is the actor named in
            # its complements ("We signed an agreement ... granted by China")
            inside = [t for c in verb.children if c.dep_ in OBJ or c.dep_ == "prep"
                      for t in c.subtree if t.i > verb.i]
            for c in verb.children:  # a coordinated subject the parse did not coordinate
                if c.dep_ in SUBJ and any(x.dep_ == "cc" and x.lower_ == "and"
                                          for x in c.subtree):
                    inside = [t for t in c.subtree if t.i > sources[0].token
                              and t.i != sources[0].token] + inside
            targets = [r for r in self.first_actor(sorted(inside, key=lambda t: t.i), sa)
                       if all(distinct(r, s_) for s_ in sources)]
            mutual = bool(targets)
        else:
            mutual = False
        if not targets and not passive and len({r.key for r in sources}) == 2 and \
                m.code[:2] in JOINT_ROOTS and "symmetric" not in flags:
            flags.update(("symmetric", "joint"))  # "The two leaders welcomed ...": each to the other
        pairs: list[tuple[ActorRef | None, ActorRef | None]] = list(
            self._pairs(verb, sources, targets, flags, sa, passive))
        if mutual:  # both parties act
            pairs += [(t, s_) for s_, t in pairs if s_ is not None and t is not None]
        if not pairs and partial:
            agentless = passive or (not sources and any(
                c.dep_ in SUBJ and (c.lemma_.lower() in instrument_words()["violent_instruments"]
                                    or c.lower_ in instrument_words()["unnamed_attackers"]
                                    or c.lemma_.lower() in instrument_words()["unnamed_attackers"])
                for c in verb.children))  # "a car bombing killed ten people"
            pairs = _one_sided(sources, targets, agentless and m.code[:2] in MATERIAL_ROOTS)
        for s, t in pairs:
            if m.code != NULL:
                events.append(RawEvent(verb, m.code, s, t, "verb", verb, frozenset(flags),
                                       m.pattern.line if m.pattern else ""))
            if m.reverse and s is not None and t is not None:
                events.append(RawEvent(verb, m.reverse, t, s, "verb", verb, frozenset(flags),
                                       m.pattern.line if m.pattern else ""))
        return events

    def _statement_target(self, verb: Token, sa: SentenceActors,
                          sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The first actor of another state that a statement's complement names (PETRARCH's
        "X said Y ...": Y), as for claims (:func:`event_claims._target`)."""
        own = {s_.country for s_ in sources}
        for t in sorted((x for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp")
                         for x in c.subtree), key=lambda x: x.i):
            m = sa.at(t)
            if m is not None and m.country and m.country not in own and is_actor(m):
                refs = self.np_actors(np_head(t, sa), sa)
                refs = [r for r in refs if r.country and r.country not in own]
                if refs:
                    return refs[:1]
        return []

    def _light_nouns(self, obj: Token) -> list[Token]:
        """The event nouns a light verb's object stands for: itself ("paid a visit"), or the
        nouns of a container's "of" phrase ("launched a wave of arrests", "deployed a set piece
        of prison sentences, sporadic arrests and acts of repudiation";
        ``data/en/event_frames.yaml``)."""
        if obj.lemma_.lower() in self.d.nouns:
            return [obj]
        if obj.lemma_.lower() not in frame_words()["containers"]:
            return []
        out = [n for n in conjuncts(obj) if n.tag_.startswith("NN")
               and n.lemma_.lower() in self.d.nouns]  # "a set of sentences, arrests and ..."
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += [n for n in (p, *conjuncts(p)) if n.tag_.startswith("NN")
                                and n.lemma_.lower() in self.d.nouns]
        return out

    def _pairs(self, trigger: Token, sources: list[ActorRef], targets: list[ActorRef],
               flags: set[str], sa: SentenceActors, passive: bool) -> list[tuple[ActorRef, ActorRef]]:
        symmetric = "symmetric" in flags
        if symmetric and len({r.key for r in sources}) >= 2 and not passive:
            # "Russia and China hold talks on Syria": the parties act on each other; what
            # follows is the topic
            return [(a, b) for a in sources for b in sources if distinct(a, b)]
        if not sources or not targets:
            # "relations between A and B were severed", "A-B ties cooled"
            group: list[ActorRef] = []
            if symmetric or relational_arg(trigger, self.relations):
                for c in arguments(trigger):
                    group = self.between(c, sa)
                    if group:
                        break
            if not group and symmetric and len({r.key for r in sources}) >= 2 and not targets:
                group = sources
            if not group and symmetric and passive and len({r.key for r in targets}) >= 2:
                group = targets
            if len({r.key for r in group}) >= 2:
                return [(a, b) for a in group for b in group if distinct(a, b)]
            return []
        return [(s, t) for s in sources for t in targets if distinct(s, t)]

    def _subject_np(self, verb: Token, sa: SentenceActors) -> list[ActorRef]:
        for c in verb.children:
            if c.dep_ in SUBJ + PASS_SUBJ:
                return self.np_actors(c, sa)
        return self.subjects(verb, sa)

    def _from_actors(self, verb: Token, sa: SentenceActors) -> list[ActorRef]:
        for holder in [verb, *(c for c in verb.children if c.dep_ in OBJ)]:
            for c in holder.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            refs = self.np_actors(p, sa)
                            if refs:
                                return refs
        return []

    def _state_of(self, patients: Sequence[ActorRef]) -> list[ActorRef]:
        """Who arrests, detains or represses people when the text names no one: the
        government of their country (CAMEO's convention for coercion by the state)."""
        out = []
        for p in patients:
            if p.country and p.sector not in (None, "GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
                out.append(ActorRef(p.mention, combine_code(p.country, "GOV"), p.country,
                                    "GOV", p.token))
        return unique(out)

    def _territorial(self, verb: Token, sa: SentenceActors) -> list[ActorRef]:
        """The state where an agentless passive happened ("shot down off the coast of South
        Carolina" -> the United States), from place mentions in the verb's clause."""
        for t in verb.subtree:
            if clause_head(t).i != verb.i or t.dep_ != "pobj" and t.head.dep_ != "pobj":
                continue
            m = sa.at(t)
            if m is not None and m.country and m.actor_kind in ("place", "state"):
                return [ActorRef(m, combine_code(m.country, "GOV"), m.country, "GOV", t.i)]
        for t in verb.subtree:
            p = sa.places.get(t.i)
            if p is not None and p.country and clause_head(t).i == verb.i:
                return [ActorRef(p, combine_code(p.country, "GOV"), p.country, "GOV", t.i)]
        return []

    def _inherited_patient(self, verb: Token, sa: SentenceActors,
                           sources: Sequence[ActorRef]) -> list[ActorRef]:
        """The patient of a subjectless passive participle ("China had a balloon travel ...
        before being shot down"): the object, else the subject, of the governing clause."""
        gov = governing_verb(verb)
        if gov is None:
            return []
        for c in gov.children:
            if c.dep_ in OBJ:
                refs = [r for r in self.np_actors(c, sa) if all(distinct(r, s) for s in sources)]
                if refs:
                    return refs
        return [r for r in self.subjects(gov, sa) if all(distinct(r, s) for s in sources)]

    def _code_noun(self, noun: Token, entries: list, sa: SentenceActors,
                   light: Token | None, consumed: set[int] | None = None,
                   partial: bool = False) -> list[RawEvent]:
        doc = noun.doc
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
                noun.head.head.lemma_.lower() in frame_words()["remembered"]:
            return []  # "the anniversary of the invasion": remembered, not happening
        pre_toks = [t for t in doc[noun.left_edge.i: noun.i]]
        post = sorted((t for c in noun.children if c.i > noun.i for t in c.subtree),
                      key=lambda t: t.i)
        m = match(entries, [(t.lower_, t.lemma_.lower()) for t in pre_toks],
                  [(t.lower_, t.lemma_.lower()) for t in post])
        if m is None:
            return []
        # nouns the pattern used ("withdrawal of Soviet subsidies") are not events of their own
        inner = [post[i] for i in m.tokens if post[i].tag_.startswith("NN")]
        if consumed is not None:
            consumed.update(t.i for t in inner)
        if m.code == NULL:
            return []
        flags = set(m.flags)
        agent_of = "agent-of" in flags
        sources: list[ActorRef] = []
        clause = light if light is not None else clause_head(noun)
        for c in noun.children:
            if c.dep_ == "poss":
                sources = self.np_actors(c, sa)
                break
        if not sources:
            for c in noun.children:
                if c.dep_ == "prep" and (c.lower_ == "by" or (
                        c.lower_ == "from" and m.code[:2] not in PLACE_FROM_ROOTS) or (
                        agent_of and c.lower_ == "of")):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            sources = self.np_actors(p, sa)
                    if sources:
                        break
        if not sources:
            for holder in (noun, *inner):  # "Chinese aid", "withdrawal of Soviet subsidies"
                if holder is not noun and holder.lemma_.lower() in self.patients:
                    continue  # "the expulsion of Russian diplomats": theirs is the target
                for c in holder.children:
                    if c.dep_ in ("compound", "amod", "nmod") and c.i < holder.i:
                        mc = sa.at(c)
                        if mc is not None and is_actor(mc):
                            sources.append(self.ref(mc, c))
                if sources:
                    break
        if not sources and light is not None:
            sources = self.subjects(light, sa)
        condemned = False
        if not sources and m.code[:2] in COERCION_ROOTS:
            # "condemn the mass detentions and sham trials": the state held responsible
            verb = _object_of(noun)
            if verb is not None and any(e.code[:2] in DISAPPROVAL_ROOTS for e in
                                        self.d.verb_entries(verb.lower_, verb.lemma_.lower())):
                sources = self.responsible(verb, sa, self.subjects(verb, sa))
                condemned = bool(sources)
        if not sources and m.code[:2] in OWNED_ROOTS:
            # "Venezuela confirmed the arrest of two Americans": the measure is the subject's
            verb = _object_of(noun)
            if verb is not None and verb.lemma_.lower() in frame_words()["owned"]:
                sources = [r for r in self.subjects(verb, sa) if political_ref(r)]
                if sources:
                    clause = verb
        if not sources:
            gov = circumstance_verb(noun)
            if gov is not None and not (m.code[:2] in VIOLENT_ROOTS
                                        and noun.head.lower_ in REACTION_PREPS):
                sources = self.subjects(gov, sa)
                clause = gov
        targets = []
        for holder in (noun, *inner):
            targets = [t for t in self.noun_targets(holder, sa, agent_of and holder is noun)
                       if all(distinct(t, s) for s in sources)]
            if targets:
                break
        if not targets and light is not None:
            targets = self.verb_targets(light, sa, None, [], sources)
            targets = [t for t in targets if t.token != noun.i]
        words = {w for t in pre_toks + post for w in (t.lower_, t.lemma_.lower())}
        if words & self.reciprocal:
            flags.add("symmetric")
        pairs: list[tuple[ActorRef | None, ActorRef | None]]
        if "symmetric" in flags and len({r.key for r in sources}) >= 2:
            pairs = [(a, b) for a in sources for b in sources if distinct(a, b)]
        elif sources and targets:
            pairs = [(s, t) for s in sources for t in targets if distinct(s, t)]
        else:
            group = self.between(noun, sa) if "symmetric" in flags else []
            if not group and "symmetric" in flags and len({r.key for r in sources}) >= 2:
                group = sources
            pairs = [(a, b) for a in group for b in group if distinct(a, b)]
        if not pairs and sources and not targets and (m.code[:3] in REPRESSION_CODES or (
                (light is not None or condemned) and m.code[:2] == "17")):
            # "the regime's brutal crackdown": on its own people
            pairs = [(s_, ActorRef(s_.mention, combine_code(s_.country, "CVL"), s_.country,
                                   "CVL", s_.token)) for s_ in sources
                     if s_.country and s_.sector in ("GOV", "MIL", "COP")]
        if not pairs and partial:
            pairs = _one_sided(sources, targets, m.code[:2] in VIOLENT_ROOTS)
        code, rev = m.code, m.reverse
        out = []
        for s, t in pairs:
            out.append(RawEvent(noun, code, s, t, "noun", clause, frozenset(flags),
                                m.pattern.line if m.pattern else ""))
            if rev and s is not None and t is not None:
                out.append(RawEvent(noun, rev, t, s, "noun", clause, frozenset(flags),
                                    m.pattern.line if m.pattern else ""))
        return out


@functools.lru_cache(maxsize=1)
def instrument_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/en/instruments.yaml``."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/instruments.yaml")
                         .read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


@functools.lru_cache(maxsize=1)
def frame_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/en/event_frames.yaml``."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/event_frames.yaml")
                         .read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


def passive_like(verb: Token) -> bool:
    return is_passive(verb)


def _one_sided(sources: list[ActorRef], targets: list[ActorRef],
               patient_alone: bool) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """Events with one side: every source without a target; else, where the act has a
    patient and no agent (a passive, an event noun), every target without a source."""
    if sources:
        return [(s, None) for s in sources]
    if targets and patient_alone:
        return [(None, t) for t in targets]
    return []


# who protests against no one named protests against the government of their country
PROTEST_ROOT = "14"
GOVERNED_SECTORS = frozenset(("CVL", "OPP", "LAB", "EDU", "REL", "MED", "BUS", "HLH", "AGR",
                              "REF", "NGO"))


def _against_own_government(e: RawEvent) -> RawEvent:
    """A protest with no target named ("Cubans took to the streets in protests", "Thousands
    of people marched in Hong Kong"): against the government of the protesters' country, as
    CAMEO codes domestic dissent."""
    s = e.source
    if e.target is not None or s is None or e.code[:2] != PROTEST_ROOT or not s.country \
            or s.sector not in GOVERNED_SECTORS:
        return e
    gov = ActorRef(s.mention, combine_code(s.country, "GOV"), s.country, "GOV", s.token)
    return RawEvent(e.trigger, e.code, s, gov, e.kind, e.clause, e.flags, e.pattern)


def political_ref(r: ActorRef) -> bool:
    """A speaker whose statements are political events: a state, a government and its
    agents, an opposition, a party, rebels, an IGO or NGO, the media (not a company or a
    citizen)."""
    if r.sector and r.sector[:3] == "MED":  # an outlet of a known country, not a person
        return bool(r.country) and r.mention.actor_kind != "person"
    if r.sector:
        return r.sector[:3] in POLITICAL_SPEAKERS
    return bool(r.country)


POLITICAL_SPEAKERS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY",
                                "IGO", "NGO", "UAF", "INS", "SEP", "MED"})


COERCION_ROOTS = frozenset(("17",))
OWNED_ROOTS = frozenset(("16", "17"))  # measures a subject owns by the verb it names them with


def _object_of(noun: Token) -> Token | None:
    """The verb whose direct object is ``noun`` (or a noun it is coordinated with)."""
    t = noun
    for _ in range(6):
        if t.dep_ == "conj":
            t = t.head
            continue
        if t.dep_ == "dobj" and t.head.pos_ in ("VERB", "AUX"):
            return t.head
        return None
    return None


STATE_SECTORS = frozenset(("GOV", "MIL", "COP", "JUD", "SPY"))


def _own_people(e: RawEvent) -> RawEvent:
    """A state's coercion of people of no named country ("a regime that arbitrarily detains
    dissidents", "Belarusian police arrested journalists") is of its own people."""
    s, t = e.source, e.target
    if s is None or t is None or e.code[:2] != "17" or not s.country or t.country or \
            s.sector not in STATE_SECTORS or not t.sector or t.sector in STATE_SECTORS:
        return e
    own = ActorRef(t.mention, combine_code(s.country, t.sector), s.country, t.sector, t.token)
    return RawEvent(e.trigger, e.code, s, own, e.kind, e.clause, e.flags, e.pattern)


# the tags a trigger that is no verb has (:func:`_predicate_adjective`, :func:`headline_verb`)
_OTHER_TRIGGER_TAGS = frozenset({"JJ", "NN", "NNS"})


def headline_verb(tok: Token) -> bool:
    """A headline's verb the tagger took for a noun ("Kenyan police arrest dozens of
    protesters", "Thai court jail activists"): a lower-case noun at the root of its sentence
    with a subject of its own and a complement after it is a verb (a title-case title
    ending in a noun, "Statement by X on Cuba's November 15 Protests", is not)."""
    return tok.tag_ in ("NN", "NNS") and tok.dep_ == "ROOT" and tok.text[:1].islower() and \
        any(c.dep_ == "nsubj" for c in tok.children) and any(
            c.i > tok.i and c.dep_ in ("dobj", "prep", "dative", "ccomp") for c in tok.children)


def _predicate_adjective(tok: Token) -> bool:
    """An adjective predicated of a subject ("is committed to", "stands ready to"): it can be
    a trigger when the dictionary lists it (``adjective`` flag)."""
    return tok.tag_ == "JJ" and tok.dep_ in ("acomp", "oprd", "xcomp", "ROOT")


def _names_object(verb: Token, pattern: Pattern) -> bool:
    """Does the head of the verb's direct object (or of one of its conjuncts) match the
    pattern's first POST word? (flag ``object``: that word must be what is acted on)"""
    if not pattern.post:
        return False
    words = {p[0] for p in pattern.post[0].phrases if len(p) == 1}
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            for t in (c, *c.conjuncts):
                if t.lower_ in words or t.lemma_.lower() in words:
                    return True
    return False


def _without_flag(e: Entry, flag: str) -> Entry:
    """The entry without its patterns carrying ``flag``."""
    return Entry(e.word, e.code, [p for p in e.patterns if flag not in p.flags], e.flags,
                 e.pre, e.post, e.line)


def _light(e: Entry) -> bool:
    """A light verb, bare ("paid a visit") or in a pattern ("carried out a raid")."""
    return "light" in e.flags or any("light" in p.flags for p in e.patterns)


def _dedup_events(events: list[RawEvent]) -> list[RawEvent]:
    seen: set[tuple[str | None, str, str | None, int]] = set()
    out = []
    for e in events:
        k = (e.source.code if e.source else None, e.code,
             e.target.code if e.target else None, e.trigger.i)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
