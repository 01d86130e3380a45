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
- resolves a few pronouns (relative pronouns to their noun, "he"/"she" to the nearest
  person, "it"/"its" to the nearest state or organisation, "they" to the actors of the
  preceding clause);
- codes the event from the dictionary (the best-matching pattern of the trigger).

Date, place and modality are attached by :mod:`foreigndesk.extract.events`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import overload

from spacy.tokens import Doc, Span, Token

from foreigndesk.extract.event_dictionary import NULL, Dictionary, Match, match
from foreigndesk.model import Mention

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "dative", "iobj", "obj", "attr", "oprd")
COMPLEMENT_DEPS = frozenset(
    ("dobj", "dative", "iobj", "obj", "prep", "prt", "attr", "acomp", "oprd", "xcomp", "ccomp",
     "advmod", "npadvmod", "agent", "nsubjpass", "csubjpass", "pcomp", "pobj", "compound"))
# prepositions that introduce a target, most telling first
VERB_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "upon", "at", "into",
                     "over", "for", "from", "about", "of", "in", "onto", "behind", "around",
                     "outside", "near")
NOUN_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "upon", "for", "into",
                     "over", "of", "at", "in", "between")
ACTOR_MOD_PREPS = ("by", "of", "from", "in")
WHERE_PREPS = frozenset(("in", "at", "outside", "near"))
CIRCUMSTANCE_PREPS = frozenset(("after", "during", "before", "following", "since", "until",
                                "upon", "on", "at", "despite", "amid", "ahead", "prior"))
OBJECT_CONTROL = frozenset(("urge", "ask", "call", "press", "encourage", "invite", "tell",
                            "force", "allow", "help", "persuade", "order", "request", "push",
                            "appeal", "challenge", "warn", "pressure", "pressurize", "want",
                            "expect", "compel", "oblige", "authorize", "permit", "enable"))
PERSON_PRONOUNS = frozenset(("he", "she", "him", "her", "his", "hers", "himself", "herself"))
THING_PRONOUNS = frozenset(("its", "itself"))  # "it" is too often a thing to resolve
GROUP_PRONOUNS = frozenset(("they", "them", "their", "theirs", "themselves", "we", "our", "us"))
RELATIVE_PRONOUNS = frozenset(("who", "which", "that", "whom", "whose"))
CAPTION_CODE = "040"  # CAMEO "Consult, not specified below": people shown together


@dataclass(frozen=True)
class ActorRef:
    """An actor taking part in an event: the mention it rests on and its CAMEO code."""

    mention: Mention
    code: str
    country: str | None
    sector: str | None
    token: int  # index in the sentence Doc of the token that stands for it

    @property
    def key(self) -> tuple[str | None, str | None]:
        return (self.country, self.sector)


@dataclass
class RawEvent:
    trigger: Token
    code: str
    source: ActorRef
    target: ActorRef
    kind: str  # verb | noun
    clause: Token  # the verb whose clause holds the event (date, modality)
    flags: frozenset[str] = frozenset()
    pattern: str = ""


@dataclass
class SentenceActors:
    """The actor mentions of one sentence, addressable by token."""

    doc: Doc
    by_token: dict[int, Mention] = field(default_factory=dict)
    spans: dict[int, Span] = field(default_factory=dict)  # id(mention) -> span
    previous: list[Mention] = field(default_factory=list)  # mentions of the sentence before
    places: dict[int, Mention] = field(default_factory=dict)  # token -> place (as a mention)
    dateline: range = range(0)  # "BEIJING (AP) —": tokens of a leading dateline

    @classmethod
    def build(cls, doc: Doc, offset: int, mentions: Iterable[Mention],
              previous: Iterable[Mention] = (), places: Iterable[Mention] = ()) -> SentenceActors:
        """Index ``mentions`` (document offsets; the sentence starts at ``offset``) by the
        tokens of ``doc``. ``places`` are places of the sentence as mentions (kind place)."""
        out = cls(doc, previous=[m for m in previous if _has_code(m)], dateline=dateline(doc))
        for p in places:
            span = doc.char_span(p.start - offset, p.end - offset, alignment_mode="expand")
            if span is not None and p.country:
                for t in span:
                    out.places[t.i] = p
        ranked = sorted((m for m in mentions if _has_code(m)), key=lambda m: m.end - m.start)
        for m in ranked:  # shorter first: longer mentions overwrite (they are more specific)
            span = doc.char_span(m.start - offset, m.end - offset, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            out.spans[id(m)] = span
        for m in sorted(ranked, key=lambda m: m.end - m.start):
            span = out.spans.get(id(m))
            if span is None or span.start in out.dateline:
                continue
            for t in span:
                out.by_token[t.i] = m
        return out

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)


def _has_code(m: Mention) -> bool:
    return bool(m.country or m.sector)


AGENT_KINDS = frozenset(("agent", "group"))
STATELESS_SECTORS = frozenset(("IGO", "NGO"))  # codes that mean something without a country


def is_actor(m: Mention) -> bool:
    """A mention that is an actor by itself: one with a country, or an intergovernmental or
    non-governmental organisation; not a bare agent noun ("officials", "troops") nor a group
    whose code would be a sector alone."""
    return bool(m.country) or (m.sector in STATELESS_SECTORS and m.actor_kind is not None
                               and m.actor_kind not in AGENT_KINDS)


def combine_code(country: str | None, sector: str | None) -> str:
    """CAMEO actor code from a country (or actor) code and an agent code. An agent code may
    carry PETRARCH's ``~`` marker: ``~GOV`` goes after the actor code, ``NGO~`` before it."""
    c = country or ""
    if not sector:
        return c
    if sector.endswith("~"):
        return sector[:-1] + c
    return c + sector.lstrip("~")


class Coder:
    """Codes the events of parsed sentences with a :class:`Dictionary`.

    ``promote_states``: a state named as the source or target of an event stands for its
    government ("China recognized ..." -> CHNGOV), as in diplomatic news; PETRARCH's
    conventions keep the bare country code (False). ``loose_targets``: when no syntactic
    target is found, take the first actor after the verb in its clause (PETRARCH's habit;
    more recall, less precision)."""

    def __init__(self, dictionary: Dictionary, promote_states: bool = True,
                 require_dyad: bool = True, loose_targets: bool = False) -> None:
        self.d = dictionary
        self.promote_states = promote_states
        self.require_dyad = require_dyad
        self.loose_targets = loose_targets
        self.reciprocal = dictionary.synset("RECIPROCAL") or frozenset(
            ("mutual", "bilateral", "joint", "together", "reciprocal"))
        self.relations = dictionary.synset("RELATIONS") or frozenset(
            ("relation", "relations", "tie", "ties", "relationship"))
        self.titles = dictionary.synset("TITLES") or frozenset(("president", "minister"))
        self.geo = dictionary.synset("GEO") or frozenset(("sea", "coast", "border"))
        self.people = dictionary.synset("PEOPLE") or frozenset(
            ("official", "officials", "counterpart", "counterparts", "leader", "leaders"))

    # -- actors ---------------------------------------------------------------------------
    def ref(self, m: Mention, tok: Token, sector: str | None = None,
            promote: bool = True) -> ActorRef:
        country = m.country
        sec = sector if sector is not None else m.sector
        if (promote and self.promote_states and country and not sec
                and (m.actor_kind in (None, "state", "place", "government"))):
            sec = "GOV"
        return ActorRef(m, combine_code(country, sec), country, sec, tok.i)

    def mention_ref(self, m: Mention) -> ActorRef:
        """An actor from a mention outside the parsed sentence (no token: index -1)."""
        country = m.country
        sec = m.sector
        if (self.promote_states and country and not sec
                and (m.actor_kind in (None, "state", "place", "government"))):
            sec = "GOV"
        return ActorRef(m, combine_code(country, sec), country, sec, -1)

    def with_agents(self, ref: ActorRef, agents: list[Mention]) -> ActorRef:
        """An actor qualified by agent nouns ("Arnor cleric", "Gondor's government")."""
        if not agents:
            return ref
        code = ref.mention.country or ""
        sector = ref.mention.sector or ""
        prefix = ""
        for a in agents:
            sec = a.sector or ""
            if sec.endswith("~"):
                prefix += sec[:-1]
            elif sec and not (code + sector).endswith(sec.lstrip("~")):
                sector += sec.lstrip("~")
        full = prefix + code + sector
        return ActorRef(ref.mention, full, ref.country, sector or None, ref.token)

    def np_actors(self, tok: Token, sa: SentenceActors, descend: bool = True,
                  _depth: int = 0) -> list[ActorRef]:
        """The actors a noun phrase headed by ``tok`` stands for (its conjuncts included)."""
        out: list[ActorRef] = []
        for t in [tok, *_conjuncts(tok)]:
            out += self._single(t, sa, descend, _depth)
        return _unique(out)

    def _single(self, t: Token, sa: SentenceActors, descend: bool, depth: int) -> list[ActorRef]:
        if t.i in sa.dateline:  # "BEIJING (AP) — Chinese President Xi ...": the apposition
            return _unique(r for c in t.children if c.dep_ == "appos" and c.i not in sa.dateline
                           for r in self.np_actors(c, sa, descend, depth))
        m = sa.at(t)
        low = t.lower_
        if m is None and (t.pos_ == "PRON" or (low in RELATIVE_PRONOUNS
                                                and t.tag_.startswith("W"))):
            return self.pronoun(t, sa)
        if depth > 2:
            return [self.ref(m, t)] if m is not None and is_actor(m) else []
        actors, agents = self._modifiers(t, sa, m, depth)
        if m is not None and is_actor(m):  # an actor, perhaps with agents ("MSF Arnor")
            if agents:
                return [self.with_agents(self.ref(m, t, promote=False), agents)]
            return [self.ref(m, t)]
        if m is not None:  # an agent ("officials", "the government") without a country
            agents = [*agents, m]
            if actors:
                return [self.with_agents(a, agents) for a in actors]
            if not self.require_dyad:
                return [ActorRef(m, combine_code(None, m.sector), None, m.sector, t.i)]
            return []
        if not actors and m is None and not agents:
            return self.title(t, sa)
        if not descend or not actors:
            return []
        return [self.with_agents(a, agents) for a in actors] if agents else actors

    def title(self, t: Token, sa: SentenceActors) -> list[ActorRef]:
        """A bare definite title ("the president issued a statement") refers back to the
        last person of government named before it (in this sentence or the one before)."""
        if t.lemma_.lower() not in self.titles and t.lower_ not in self.titles:
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return []
        if any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in t.children):
            return []
        before = [(i, m) for i, m in sorted(sa.by_token.items()) if i < t.i]
        for i, m in reversed(before):
            if m.actor_kind == "person" and m.sector == "GOV":
                return [self.ref(m, t.doc[i])]
        for m in reversed(sa.previous):
            if m.actor_kind == "person" and m.sector == "GOV":
                return [self.ref(m, t)]
        return []

    def _modifiers(self, t: Token, sa: SentenceActors, head: Mention | None,
                   depth: int) -> tuple[list[ActorRef], list[Mention]]:
        """Actors among a noun's modifiers (apposition, possessor, compound or adjective,
        "by/of/from/in" phrases: the first kind found) and agent nouns among them."""
        groups: dict[str, list[ActorRef]] = {}
        agents: list[Mention] = []
        for c in t.children:
            dep = c.dep_
            if dep == "appos":
                groups.setdefault("appos", []).extend(self.np_actors(c, sa, False, depth + 1))
            elif dep == "poss":
                groups.setdefault("poss", []).extend(self.np_actors(c, sa, True, depth + 1))
            elif dep in ("compound", "amod", "nmod", "npadvmod") and c.i < t.i:
                for cc in [c, *(x for x in c.children if x.dep_ in ("compound", "amod"))]:
                    mc = sa.at(cc)
                    if mc is None or mc is head:
                        continue
                    if is_actor(mc):
                        raw = groups.setdefault("mod", [])
                        raw.append(self.ref(mc, cc, promote=False))
                    elif mc not in agents:
                        agents.append(mc)
            elif dep == "prep" and c.lower_ in ACTOR_MOD_PREPS:
                if head is None and (t.lemma_.lower() in self.geo or t.lower_ in self.geo):
                    continue  # "the Sea of Japan", "the coast of South Carolina": places
                if c.lower_ == "in" and head is None and t.lemma_.lower() not in self.people \
                        and t.lower_ not in self.people:
                    continue  # "conditions in Cuba" is no Cuban actor; "officials in Cuba" is
                for p in c.children:
                    if p.dep_ == "pobj":
                        groups.setdefault(c.lower_, []).extend(
                            self.np_actors(p, sa, True, depth + 1))
        for key in ("appos", "poss", "mod", *ACTOR_MOD_PREPS):
            if groups.get(key):
                refs = _unique(groups[key])
                if key == "mod" and not agents and head is None:
                    refs = [self.ref(r.mention, t.doc[r.token]) for r in refs]
                return refs, agents
        return [], agents

    def pronoun(self, t: Token, sa: SentenceActors) -> list[ActorRef]:
        """A few pronouns resolved to actors of the sentence (or of the one before)."""
        low = t.lower_
        if low in RELATIVE_PRONOUNS:
            # "Xi, who ..." : the relative clause's head noun
            clause = t.head
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
                clause = clause.head
            if clause.dep_ in ("relcl", "acl"):
                return self.np_actors(clause.head, sa)
            return []
        before = [(i, m) for i, m in sorted(sa.by_token.items()) if i < t.i]
        if low in PERSON_PRONOUNS:
            for i, m in reversed(before):
                if m.actor_kind == "person":
                    return [self.ref(m, t.doc[i])]
            for m in reversed(sa.previous):
                if m.actor_kind == "person":
                    return [self.ref(m, t)]
            return []
        if low == "it" and t.dep_ in SUBJ + PASS_SUBJ:
            # "Ethiopia indicated it would act", "China said it had sent aid": the speaker
            clause = clause_head(t)
            if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
                return [r for r in self.subjects(clause.head, sa)
                        if r.mention.actor_kind != "person"]
            return []
        if low in THING_PRONOUNS:
            for i, m in reversed(before):
                if m.actor_kind != "person" and is_actor(m):
                    return [self.ref(m, t.doc[i])]
            for m in sa.previous:
                if m.actor_kind != "person" and is_actor(m):
                    return [self.ref(m, t)]
            return []
        if low in GROUP_PRONOUNS:
            verb = clause_head(t)
            if verb.dep_ == "conj":  # "A began offering ... to B, and in 2002 they signed"
                prev = verb.head
                own = {x.i for x in verb.subtree}
                refs = []
                for x in prev.subtree:
                    if x.i in own or x.i >= t.i:
                        continue
                    mx = sa.at(x)
                    if mx is not None and is_actor(mx) and mx.actor_kind != "person":
                        refs.append(self.ref(mx, x))
                refs = _unique(refs)
                if len({r.country for r in refs}) >= 2:
                    return refs
            return []
        return []

    # -- arguments ------------------------------------------------------------------------
    def subjects(self, verb: Token, sa: SentenceActors, _depth: int = 0) -> list[ActorRef]:
        """The actors of the subject of ``verb`` (active voice), inherited when the verb has
        none of its own (coordination, complements, participles, relative clauses)."""
        if _depth > 4:
            return []
        subj = [c for c in verb.children if c.dep_ in SUBJ]
        if subj:
            return _unique(r for c in subj for r in self.np_actors(c, sa))
        if any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
            return []
        dep, head = verb.dep_, verb.head
        if head.i == verb.i:
            return []
        if dep == "conj":
            return self.subjects(head, sa, _depth + 1) if not _is_passive(head) else []
        if head.pos_ in ("VERB", "AUX") and (dep == "xcomp" or (dep == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in verb.children))):
            if head.lemma_.lower() in OBJECT_CONTROL:
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
            gov = _governing_verb(verb)
            return self.subjects(gov, sa, _depth + 1) if gov is not None else []
        if dep in ("acl", "relcl"):
            noun = head
            refs = self.np_actors(noun, sa, descend=False)
            if refs:
                return refs
            if noun.dep_ in OBJ and noun.head.pos_ in ("VERB", "AUX"):
                return self.subjects(noun.head, sa, _depth + 1)
        return []

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
        if _is_passive(verb):
            for c in verb.children:
                if c.dep_ in PASS_SUBJ:
                    refs = self.np_targets(c, sa, sources)
                    if refs:
                        return refs
        objs = [c for c in verb.children if c.dep_ in OBJ]
        theme = m is not None and "theme" in m.flags
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
        if theme:  # the recipient named inside the object: "500 million euros in aid to Ukraine"
            for o in objs:
                for t in o.subtree:
                    if t.dep_ == "prep" and t.lower_ in ("to", "for") and _in_clause(t, verb):
                        for po in t.children:
                            if po.dep_ == "pobj":
                                refs = self.np_targets(po, sa, sources)
                                if refs:
                                    return refs
        for c in verb.children:
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
        if not self.loose_targets:
            return []
        return self.first_actor([t for t in verb.subtree if t.i > verb.i
                                 and _in_clause(t, verb)], sa)

    def first_actor(self, toks: Iterable[Token], sa: SentenceActors) -> list[ActorRef]:
        for t in toks:
            if sa.at(t) is not None:
                refs = self.np_actors(_np_head(t, sa), sa)
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
                for t in [c, *_conjuncts(c), *c.children]:
                    mc = sa.at(t)
                    if mc is not None and mc.country:
                        mods.append(self.ref(mc, t))
        mods = _unique(mods)
        if len({r.key for r in mods}) >= 2:
            return mods
        return []

    # -- coding ---------------------------------------------------------------------------
    def code_sentence(self, doc: Doc, sa: SentenceActors) -> list[RawEvent]:
        """Every event of a parsed sentence whose actor mentions ``sa`` holds."""
        out: list[RawEvent] = []
        consumed: set[int] = set()
        light_objects: dict[int, Token] = {}  # noun token -> light verb
        words = [(t.lower_, t.lemma_.lower()) for t in doc]
        wordset = {w for pair in words for w in pair}
        tags = [t.tag_ for t in doc]
        for i, (low, lem) in enumerate(words):
            if not tags[i].startswith("VB"):
                continue
            entries = self.d.verbs.get(low) or self.d.verbs.get(lem)
            if not entries or not any(e.possible(wordset) or "light" in e.flags
                                      for e in entries):
                continue
            out += self._code_verb(doc[i], entries, sa, consumed, light_objects, words)
        for i, (low, lem) in enumerate(words):
            if i in consumed or not tags[i].startswith("NN"):
                continue
            entries = self.d.nouns.get(lem) or self.d.nouns.get(low)
            if not entries or not any(e.possible(wordset) for e in entries):
                continue
            tok = doc[i]
            m = sa.at(tok)
            if m is not None and is_actor(m) and tok.i not in light_objects:
                continue  # part of an actor's name
            out += self._code_noun(tok, entries, sa, light_objects.get(tok.i), consumed)
        if not out:
            out = self._caption(doc, sa)
        return _dedup_events(out)

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
                   words: list[tuple[str, str]] | None = None) -> list[RawEvent]:
        doc = verb.doc
        if words is None:
            words = [(t.lower_, t.lemma_.lower()) for t in doc]
        post_idx = self._post_indices(verb)
        words_post = [words[i] for i in post_idx]
        words_pre = words[: verb.i]
        before = words_pre[-3:]
        after = words[verb.i + 1: verb.i + 4]
        m = match(entries, words_pre, words_post, before, after)
        if m is None:
            return []
        post = _LazyTokens(doc, post_idx)
        for i in m.tokens:
            consumed.add(post_idx[i])
        if m.code == NULL and not m.reverse:  # a light verb: its event is the noun it takes
            for c in verb.children:
                if c.dep_ in OBJ and c.tag_.startswith("NN") and c.lemma_.lower() in self.d.nouns:
                    light_objects[c.i] = verb
            return []
        passive = _is_passive(verb)
        if passive:
            sources = self.agent(verb, sa)
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
        if m.source_at is not None:
            sources = self.first_actor(post[m.source_at:], sa) or sources
        post_words = {w for pair in words_post for w in pair}
        if post_words & self.reciprocal:
            flags.add("symmetric")
        if passive and not sources and "territorial" in flags:
            sources = self._territorial(verb, sa)
            if sources and not targets:
                targets = self._inherited_patient(verb, sa, sources)
        events: list[RawEvent] = []
        if m.reverse and m.reverse[:2] == m.code[:2]:
            flags.add("symmetric")  # "[064:064]": a mutual act
        pairs = self._pairs(verb, sources, targets, flags, sa, passive)
        for s, t in pairs:
            if m.code != NULL:
                events.append(RawEvent(verb, m.code, s, t, "verb", verb, frozenset(flags),
                                       m.pattern.line if m.pattern else ""))
            if m.reverse:
                events.append(RawEvent(verb, m.reverse, t, s, "verb", verb, frozenset(flags),
                                       m.pattern.line if m.pattern else ""))
        return events

    def _pairs(self, trigger: Token, sources: list[ActorRef], targets: list[ActorRef],
               flags: set[str], sa: SentenceActors, passive: bool) -> list[tuple[ActorRef, ActorRef]]:
        symmetric = "symmetric" in flags
        if not sources or not targets:
            # "relations between A and B were severed", "A-B ties cooled"
            group: list[ActorRef] = []
            if symmetric or _relational_arg(trigger, self.relations):
                for c in _arguments(trigger):
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
        gov = _governing_verb(verb)
        if gov is None:
            return []
        for c in gov.children:
            if c.dep_ in OBJ:
                refs = [r for r in self.np_actors(c, sa) if all(distinct(r, s) for s in sources)]
                if refs:
                    return refs
        return [r for r in self.subjects(gov, sa) if all(distinct(r, s) for s in sources)]

    def _code_noun(self, noun: Token, entries: list, sa: SentenceActors,
                   light: Token | None, consumed: set[int] | None = None) -> list[RawEvent]:
        doc = noun.doc
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
                if c.dep_ == "prep" and (c.lower_ in ("by", "from") or (agent_of and c.lower_ == "of")):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            sources = self.np_actors(p, sa)
                    if sources:
                        break
        if not sources:
            for holder in (noun, *inner):  # "Chinese aid", "withdrawal of Soviet subsidies"
                for c in holder.children:
                    if c.dep_ in ("compound", "amod", "nmod") and c.i < holder.i:
                        mc = sa.at(c)
                        if mc is not None and is_actor(mc):
                            sources.append(self.ref(mc, c))
                if sources:
                    break
        if not sources and light is not None:
            sources = self.subjects(light, sa)
        if not sources:
            gov = _circumstance_verb(noun)
            if gov is not None:
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
        pairs: list[tuple[ActorRef, ActorRef]]
        if sources and targets:
            pairs = [(s, t) for s in sources for t in targets if distinct(s, t)]
        else:
            group = self.between(noun, sa) if "symmetric" in flags else []
            if not group and "symmetric" in flags and len({r.key for r in sources}) >= 2:
                group = sources
            pairs = [(a, b) for a in group for b in group if distinct(a, b)]
        code, rev = m.code, m.reverse
        out = []
        for s, t in pairs:
            out.append(RawEvent(noun, code, s, t, "noun", clause, frozenset(flags),
                                m.pattern.line if m.pattern else ""))
            if rev:
                out.append(RawEvent(noun, rev, t, s, "noun", clause, frozenset(flags),
                                    m.pattern.line if m.pattern else ""))
        return out


# -- helpers ------------------------------------------------------------------------------------

class _LazyTokens(Sequence[Token]):
    """Tokens of ``doc`` at ``indices``, made only when asked for."""

    def __init__(self, doc: Doc, indices: list[int]) -> None:
        self.doc = doc
        self.indices = indices

    def __len__(self) -> int:
        return len(self.indices)

    @overload
    def __getitem__(self, k: int) -> Token: ...

    @overload
    def __getitem__(self, k: slice) -> list[Token]: ...

    def __getitem__(self, k: int | slice) -> Token | list[Token]:
        if isinstance(k, slice):
            return [self.doc[i] for i in self.indices[k]]
        return self.doc[self.indices[k]]


DASHES = frozenset(("\u2014", "\u2013", "--", "-"))


def dateline(doc: Doc) -> range:
    """The tokens of a leading news dateline ("BEIJING (AP) —", "HAVANA, Jan 3 (Reuters) -")."""
    depth = 0
    for t in doc[:12]:
        if t.text in DASHES and depth == 0:
            return range(0, t.i + 1) if t.i > 0 else range(0)
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.is_alpha and not t.is_upper and not t.like_num \
                and t.lower_ not in MONTHS:
            return range(0)
    return range(0)


MONTHS = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                    "oct", "nov", "dec", "january", "february", "march", "april", "june",
                    "july", "august", "september", "october", "november", "december"))


def _in_clause(t: Token, verb: Token) -> bool:
    """``t`` belongs to ``verb``'s own clause (not to a relative clause, a coordinated verb
    or a subordinate clause with a subject of its own)."""
    x = t
    for _ in range(40):
        if x.i == verb.i:
            return True
        if x.dep_ in ("relcl", "parataxis", "appos"):
            return False
        if x.pos_ in ("VERB", "AUX") and (x.dep_ == "conj" or any(
                c.dep_ in SUBJ + PASS_SUBJ for c in x.children)):
            return False
        if x.head.i == x.i:
            return False
        x = x.head
    return False


def _np_head(t: Token, sa: SentenceActors) -> Token:
    """The head token of the actor mention holding ``t`` (the mention's last noun whose head
    lies outside the mention)."""
    m = sa.at(t)
    if m is None:
        return t
    x = t
    for _ in range(10):
        if sa.at(x.head) is m and x.head.i != x.i:
            x = x.head
        else:
            break
    return x


def _conjuncts(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out += _conjuncts(c)
    return out


def _unique(refs: Iterable[ActorRef]) -> list[ActorRef]:
    seen: set[tuple[str, int]] = set()
    out: list[ActorRef] = []
    for r in refs:
        k = (r.code, r.token)
        if k not in seen and not any(o.code == r.code for o in out):
            seen.add(k)
            out.append(r)
    return out


def distinct(a: ActorRef, b: ActorRef) -> bool:
    """Two different actors: not the same code, and not a country and one of its sectors."""
    if a.code == b.code:
        return False
    if a.country and a.country == b.country and (not a.sector or not b.sector):
        return False
    return True


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and not any(
            c.dep_ in SUBJ for c in verb.children))


def clause_head(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (or the sentence root)."""
    t = tok
    for _ in range(60):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return t


def _governing_verb(verb: Token) -> Token | None:
    t = verb.head
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _circumstance_verb(noun: Token) -> Token | None:
    """The verb of "arrived ... after a visit to Moscow": a noun governed by a preposition of
    time or circumstance attached to a verb."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ not in CIRCUMSTANCE_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _arguments(trigger: Token) -> list[Token]:
    """Subject and object heads of a verb; a coordinated verb without a subject of its own
    shares its first conjunct's ("relations cooled ... but warmed again")."""
    args = [c for c in trigger.children if c.dep_ in SUBJ + PASS_SUBJ + OBJ]
    if not any(c.dep_ in SUBJ + PASS_SUBJ for c in args) and trigger.dep_ == "conj":
        args += [c for c in trigger.head.children if c.dep_ in SUBJ + PASS_SUBJ]
    return args


def _relational_arg(trigger: Token, relations: frozenset[str]) -> bool:
    return any(c.lemma_.lower() in relations or c.lower_ in relations
               for c in _arguments(trigger))


def _dedup_events(events: list[RawEvent]) -> list[RawEvent]:
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for e in events:
        k = (e.source.code, e.code, e.target.code, e.trigger.i)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out
