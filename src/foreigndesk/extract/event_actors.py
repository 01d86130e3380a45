"""The actors of an event: mentions from the actor layer, indexed by the tokens of a parsed
sentence, and resolved for a noun phrase — its conjuncts, an agent noun with its country
("the ambassadors of Arnor and Gondor"), modifiers ("Cuba's", "Chinese", "of Gondor"), a few
pronouns and bare titles ("the president" -> the last person of government named)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from foreigndesk.extract.event_syntax import PASS_SUBJ, SUBJ, clause_head, conjuncts
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Mention

ACTOR_MOD_PREPS = ("by", "of", "from", "in", "including")  # "partners, including the OAS"
PERSON_PRONOUNS = frozenset(("he", "she", "him", "her", "his", "hers", "himself", "herself"))
THING_PRONOUNS = frozenset(("its", "itself"))  # "it" is too often a thing to resolve
GROUP_PRONOUNS = frozenset(("they", "them", "their", "theirs", "themselves", "we", "our", "us"))
# "the two leaders", "both sides": two parties named before
PAIR_PEOPLE = frozenset(("leader", "president", "minister", "head", "premier", "official",
                         "counterpart", "diplomat", "envoy", "chief"))
PAIR_NOUNS = PAIR_PEOPLE | frozenset(("side", "country", "nation", "government", "state",
                                      "power", "party", "neighbor", "neighbour", "capital"))
RELATIVE_PRONOUNS = frozenset(("who", "which", "that", "whom", "whose"))


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
class SentenceActors:
    """The actor mentions of one sentence, addressable by token."""

    doc: Doc
    by_token: dict[int, Mention] = field(default_factory=dict)
    spans: dict[int, Span] = field(default_factory=dict)  # id(mention) -> span
    previous: list[Mention] = field(default_factory=list)  # mentions of the sentence before
    places: dict[int, Mention] = field(default_factory=dict)  # token -> place (as a mention)
    dateline: range = range(0)  # "BEIJING (AP) —": tokens of a leading dateline
    issuer: Mention | None = None  # the government an official text speaks for
    cues: frozenset[int] = frozenset()  # tokens that are the cue of a claim ("said")
    principals: list[Mention] = field(default_factory=list)  # the text's two main persons

    @classmethod
    def build(cls, doc: Doc, offset: int, mentions: Iterable[Mention],
              previous: Iterable[Mention] = (), places: Iterable[Mention] = ()) -> SentenceActors:
        """Index ``mentions`` (document offsets; the sentence starts at ``offset``) by the
        tokens of ``doc``. ``places`` are places of the sentence as mentions (kind place)."""
        out = cls(doc, previous=[m for m in previous if has_code(m)], dateline=dateline(doc))
        for p in places:
            span = doc.char_span(p.start - offset, p.end - offset, alignment_mode="expand")
            if span is not None and p.country:
                for t in span:
                    out.places[t.i] = p
        ranked = sorted((m for m in mentions if has_code(m)), key=lambda m: m.end - m.start)
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


POLITICAL_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO", "OPP", "REB",
                               "PTY"))


def political_mention(m: Mention) -> bool:
    """A state, or a political agent of one (its government, military, opposition ...)."""
    return bool(m.country) and (not m.sector or m.sector in POLITICAL_SECTORS)


def has_code(m: Mention) -> bool:
    """A mention the coder can use: one with a code, or a named person of unknown country."""
    return bool(m.country or m.sector) or (m.actor_kind == "person" and bool(m.actor_id))


AGENT_KINDS = frozenset(("agent", "group"))
STATELESS_SECTORS = frozenset(("IGO", "NGO"))  # codes that mean something without a country


def is_actor(m: Mention) -> bool:
    """A mention that is an actor by itself: one with a country, an intergovernmental or
    non-governmental organisation, or a named person (whose country may be unknown); not a
    bare agent noun ("officials", "troops") nor a group whose code would be a sector alone."""
    return bool(m.country) or (m.sector in STATELESS_SECTORS and m.actor_kind is not None
                               and m.actor_kind not in AGENT_KINDS) or (
        m.actor_kind == "person" and bool(m.actor_id))


def combine_code(country: str | None, sector: str | None) -> str:
    """CAMEO actor code from a country (or actor) code and an agent code. An agent code may
    carry PETRARCH's ``~`` marker: ``~GOV`` goes after the actor code, ``NGO~`` before it."""
    c = country or ""
    if not sector:
        return c
    if sector.endswith("~"):
        return sector[:-1] + c
    return c + sector.lstrip("~")


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



class ActorResolver:
    """Resolves noun phrases to actors (the first half of :class:`~foreigndesk.extract.
    event_coder.Coder`)."""

    promote_states: bool
    require_dyad: bool
    titles: frozenset[str]
    geo: frozenset[str]
    people: frozenset[str]

    def subjects(self, verb: Token, sa: SentenceActors, _depth: int = 0) -> list[ActorRef]:
        raise NotImplementedError

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
        for t in [tok, *conjuncts(tok)]:
            out += self._single(t, sa, descend, _depth)
        return unique(out)

    def _single(self, t: Token, sa: SentenceActors, descend: bool, depth: int) -> list[ActorRef]:
        if t.i in sa.dateline:  # "BEIJING (AP) — Chinese President Xi ...": the apposition
            return unique(r for c in t.children if c.dep_ == "appos" and c.i not in sa.dateline
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
            return [self.ref(m, t), *self.listed(t, m, sa)]
        if m is not None:  # an agent ("officials", "the government") without a country
            agents = [*agents, m]
            if actors:
                return [self.with_agents(a, agents) for a in actors]
            if not self.require_dyad or (getattr(self, "partial", False)
                                         and m.extractor == "actors" and m.actor_id == m.sector):
                # PETRARCH's habit; or an agent the actor layer found no country for
                # ("Gunmen killed three police officers": UAF, COP)
                return [ActorRef(m, combine_code(None, m.sector), None, m.sector, t.i)]
            return []
        if not actors and m is None and not agents:
            return self.title(t, sa)
        if not descend or not actors:
            return []
        return [self.with_agents(a, agents) for a in actors] if agents else actors

    def listed(self, t: Token, m: Mention, sa: SentenceActors) -> list[ActorRef]:
        """Actors listed beside ``t`` with a comma, as headlines coordinate ("Putin,
        Erdogan discuss Syria", "Russia, China hold talks"): an apposition that is an actor
        of another state cannot be the same actor."""
        out = []
        for c in t.children:
            if c.dep_ == "appos" and c.i == t.i + 2 and t.doc[t.i + 1].text == ",":
                mc = sa.at(c)
                if mc is not None and is_actor(mc) and mc.country and m.country and \
                        mc.country != m.country and \
                        (mc.actor_kind == "person") == (m.actor_kind == "person"):
                    out.append(self.ref(mc, c))
        return out

    def pair(self, t: Token, sa: SentenceActors) -> list[ActorRef]:
        """"the two leaders", "both sides", "the two countries": the last two parties of
        that kind named before (people for leaders, presidents, ministers; else states),
        in this sentence or the one before."""
        low = t.lemma_.lower()
        if low not in PAIR_NOUNS:
            return []
        if not any(c.lower_ in ("two", "both") for c in t.children) and not (
                t.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "the"
                                        for c in t.children)
                and not any(c.dep_ in ("amod", "compound", "poss", "prep")
                            for c in t.children)):
            return []  # "the two leaders", "both sides", "the leaders" (nothing else)
        people = low in PAIR_PEOPLE
        found: list[ActorRef] = []
        seen: set[str] = set()
        before = [(i, m) for i, m in sorted(sa.by_token.items()) if i < t.i]
        cands = [(m, t.doc[i]) for i, m in reversed(before)] + [(m, t) for m in
                                                                 reversed(sa.previous)]
        for m, tok in cands:
            if not m.country or m.country in seen or not political_mention(m):
                continue
            if people != (m.actor_kind == "person"):
                continue
            seen.add(m.country)
            found.append(self.ref(m, tok))
            if len(found) == 2:
                return found
        if len(sa.principals) == 2:  # a readout's "the two leaders": its two main persons
            return [self.ref(m, t) for m in sa.principals]
        return []

    def title(self, t: Token, sa: SentenceActors) -> list[ActorRef]:
        """A bare definite title ("the president issued a statement") refers back to the
        last person of government named before it (in this sentence or the one before)."""
        pair = self.pair(t, sa)
        if pair:
            return pair
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
                refs = unique(groups[key])
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
            persons = [m for m in sa.previous if m.actor_kind == "person"]
            if persons:  # the latest sentence with a person: its first (most often its subject)
                last = persons[-1].sentence
                return [self.ref(next(m for m in persons if m.sentence == last), t)]
            return []
        if low == "it" and t.dep_ in SUBJ + PASS_SUBJ:
            # "Ethiopia indicated it would act", "China said it had sent aid": the speaker
            clause = clause_head(t)
            if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
                return [r for r in self.subjects(clause.head, sa)
                        if r.mention.actor_kind != "person"]
            return []
        if low in THING_PRONOUNS:
            root = t.doc[t.i].sent.root if t.doc.has_annotation("DEP") else None
            clauses = [root] if root is not None else []
            if root is not None:  # "Sri Lanka will seek a loan ..., its minister said": the
                clauses += [c for c in root.children if c.dep_ == "ccomp"]  # reported clause
            for clause in clauses:
                for c in clause.children:  # the subject of a clause before the pronoun
                    if c.dep_ in SUBJ and c.i < t.i:
                        sm = sa.at(c) or next((sa.at(x) for x in c.subtree
                                               if sa.at(x) is not None), None)
                        if sm is not None and sm.actor_kind != "person" and is_actor(sm):
                            return [self.ref(sm, c)]
            for i, m in reversed(before):
                if m.actor_kind != "person" and is_actor(m):
                    return [self.ref(m, t.doc[i])]
            for m in sa.previous:
                if m.actor_kind != "person" and is_actor(m):
                    return [self.ref(m, t)]
            return []
        if low in GROUP_PRONOUNS:
            verb = clause_head(t)
            if low == "they" and t.dep_ in SUBJ + PASS_SUBJ and verb.dep_ == "ccomp" and \
                    verb.head.pos_ in ("VERB", "AUX"):
                # "Tanzanian police said they had arrested 14 foreigners", "US officials said
                # they had seen ...": a plural speaker reports its own act (a state or a
                # person saying "they" speaks of others)
                said = [c for c in verb.head.children if c.dep_ in SUBJ and c.i < t.i]
                if said and (said[0].tag_ in ("NNS", "NNPS") or said[0].lower_ == "police"):
                    refs = [r for r in self.subjects(verb.head, sa)
                            if r.mention.actor_kind != "person"]
                    if refs:
                        return refs
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
                refs = unique(refs)
                if len({r.country for r in refs}) >= 2:
                    return refs
            if low == "they" and t.dep_ in SUBJ and not any(i < t.i for i in sa.by_token):
                # "China and Cuba signed ... They also agreed": the two parties of the
                # sentence before (people first, then states)
                for people in (True, False):
                    found: list[ActorRef] = []
                    seen: set[str] = set()
                    for m in reversed(sa.previous):
                        if m.country and m.country not in seen and political_mention(m) and \
                                (m.actor_kind == "person") == people:
                            seen.add(m.country)
                            found.append(self.ref(m, t))
                    if len(found) == 2:
                        return found
            return []
        return []


def np_head(t: Token, sa: SentenceActors) -> Token:
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


def unique(refs: Iterable[ActorRef]) -> list[ActorRef]:
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


def principals(pd: ParsedDoc) -> list[Mention]:
    """The text's two main persons: the two political persons of different states named most
    often (each at least twice), as "the two leaders" of a readout."""
    if "events.principals" in pd.cache:
        return pd.cache["events.principals"]
    counts: dict[str, list[Mention]] = {}
    for m in pd.extraction.mentions:
        if m.actor_kind == "person" and m.actor_id and m.country and m.sector == "GOV":
            counts.setdefault(m.actor_id, []).append(m)
    ranked = sorted(counts.values(), key=len, reverse=True)
    out: list[Mention] = []
    for ms in ranked:
        if len(ms) >= 2 and all(o.country != ms[0].country for o in out):
            out.append(ms[0])
        if len(out) == 2:
            break
    pd.cache["events.principals"] = out if len(out) == 2 else []
    return pd.cache["events.principals"]
