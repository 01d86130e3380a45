"""Actors: named entities and actor phrases resolved to canonical actors with their country
and, in context, their sector (CAMEO style: "Beijing claims ..." -> CHN + GOV).

One pass over the document's word pieces finds every dictionary phrase (longest match
first, see :mod:`foreigndesk.extract.actor_data`); spaCy's entities (PERSON, ORG, GPE, NORP,
LOC, FAC) add the names the dictionary does not know. Cheap token-window rules then read
each candidate in context — no parse:

- a state's name -> the state; its capital -> its government ("Beijing claims"), except as a
  place ("in Beijing", "Havana, Cuba", datelines); ``'s`` makes a capital the government
  again ("Beijing's expertise");
- an adjective or a state's name before a sector noun -> that sector ("Cuban officials" GOV,
  "Chinese companies" BUS, "China's military" MIL, "Chinese state media" MED); a demonym ->
  its people ("Cubans" CVL); a title without a name -> the office holder at the document's
  date when the leaders data knows one ("the Cuban President");
- regime phrases -> the government ("the Castro regime", "Communist China", "the Kremlin");
- persons: known ones from the data (offices with dates give the sector at the document's
  date); titles and nationality before the name ("Chinese Foreign Ministry spokesman Wu
  Qianlan", "Cuba's ambassador to China, Rolando Yberra"), appositions and of/at-phrases after
  it ("Lorna Hale, a senior fellow at the Brookings Institution", "Darius Vale of Harvard
  University"); name variants merged ("Miguel Díaz-Canel", "Miguel Diaz-Canel Bermudez",
  "Díaz-Canel y Bermúdez", "Diaz-Canel"), surname-only references linked to the full name;
- unknown persons and organisations become actors of their own (``person:slug``,
  ``org:slug``) with the country and sector their context gives; an unknown organisation's
  sector comes from its head noun ("... Agency" GOV, "... University" EDU);
- protesters, dissidents, rebels ... -> the people (CVL) or opposition (OPP) of the country
  of their context.

Other extractors use :func:`mentions_in_sentence` and :func:`resolve_name`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from spacy.attrs import IDX, LENGTH, TAG
from spacy.tokens import Doc

from foreigndesk.built_cache import load_yaml
from foreigndesk.extract.actor_data import (
    ANY,
    CAP,
    UPPER,
    ActorIndex,
    Entry,
    load_index,
    office_at,
    office_sector,
)
from foreigndesk.extract.actor_names import (
    PIECE,
    fold,
    is_back_reference,
    name_pieces,
    person_slug,
    same_person,
    slug,
)
from foreigndesk.extract.claim_cues import lexicon
from foreigndesk.extract.event_coder import frame_words
from foreigndesk.extract.event_dictionary import default as default_dictionary
from foreigndesk.extract.name_gender import gender_of, given_names, listed_given_names
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Actor, Mention

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
STATE_ROLES = frozenset({"name", "adjective", "demonym", "capital", "government"})


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    """``data/en/actor_words.yaml``: word lists as frozensets, ``head_sectors`` as
    (words, sector) pairs in the file's order."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/actor_words.yaml")
                    .read_text(encoding="utf-8"))
    out: dict[str, Any] = {k: frozenset(str(w) for w in v) for k, v in raw.items()
                           if k != "head_sectors"}
    out["head_sectors"] = tuple((frozenset(str(w) for w in ws), str(sector))
                                for sector, ws in raw["head_sectors"].items())
    return out


_W = _words()
PLACE_PREPS: frozenset[str] = _W["place_preps"]
MOTION_WORDS: frozenset[str] = _W["motion_words"]
PLACE_OF: frozenset[str] = _W["place_of"]
PEOPLE_BEFORE_IN: frozenset[str] = _W["people_before_in"]
FILLERS: frozenset[str] = _W["fillers"]
AFFIL_PREPS: frozenset[str] = _W["affiliation_preps"]
HEAD_SECTORS: tuple[tuple[frozenset[str], str], ...] = _W["head_sectors"]
CVL_OPP_ALONE: frozenset[str] = _W["cvl_opp_alone"]
INSTITUTIONS: frozenset[str] = _W["institutions"]
TRANSPARENT: frozenset[str] = _W["transparent"]
ORG_WORDS: frozenset[str] = frozenset(w for words, _ in HEAD_SECTORS for w in words) | \
    _W["org_words_extra"]
NOT_NAME_HEADS: frozenset[str] = _W["not_name_heads"]
NOT_NAMES: frozenset[str] = _W["not_names"]
DOCUMENT_HEADS: frozenset[str] = _W["document_heads"]
TITLE_OF_WORDS: frozenset[str] = _W["title_of_words"]
LESSER_TITLE_PREFIXES: frozenset[str] = _W["lesser_title_prefixes"]
CLAUSE_STOP = frozenset({".", ";", ":", "!", "?", "\"", "“", "”", "(", ")", "—", "–"})
# mentions whose country says little about an agent near them
CONTEXTLESS_SECTORS = frozenset({"MED", "BUS", "EDU"})
LEADING_JUNK_TAGS = frozenset({"RB", "RBR", "RBS", "IN", "CC", "UH", "VB", "VBD", "VBZ", "VBP",
                               "VBG", "VBN", "PRP", "PRP$", "WRB", "MD"})
NAME_PARTICLES = frozenset({"y", "de", "del", "da", "das", "do", "dos", "van", "von", "der", "den",
                            "bin", "ibn", "al", "el", "la", "le", "di", "du", "ter", "st"})


@dataclass
class Match:
    """A dictionary phrase found in the text."""

    start: int
    end: int
    t0: int  # first token
    t1: int  # token after the last
    entries: list[Entry]
    text: str

    @property
    def best(self) -> Entry:
        return self.entries[0]

    def role(self, *roles: str) -> Entry | None:
        return next((e for e in self.entries if e.role in roles), None)


@dataclass
class Ref:
    """A candidate reference before resolution."""

    start: int
    end: int
    t0: int
    t1: int
    text: str
    label: str
    match: Match | None = None
    inner: list[Match] = field(default_factory=list)


@dataclass
class Resolved:
    start: int
    end: int
    text: str
    label: str
    actor: Actor
    country: str | None
    sector: str | None
    confidence: float = 1.0


@dataclass
class PersonInfo:
    actor: Actor
    key: tuple[str, ...]
    country: str | None
    sector: str | None
    positions: list[int] = field(default_factory=list)  # where its full names stand

    def distance(self, at: int) -> int:
        """How far the nearest full name stands before ``at`` (after it: penalised)."""
        before = [at - p for p in self.positions if p <= at]
        if before:
            return min(before)
        return 10**9 + min((p - at for p in self.positions), default=0)


class _Doc:
    """Per-document working state."""

    def __init__(self, pd: ParsedDoc, index: ActorIndex) -> None:
        self.pd = pd
        self.doc: Doc = pd.doc
        # Doc.text joins every token on each access: the document's own text is the same
        text = pd.document.text
        last = pd.doc[-1] if len(pd.doc) else None
        if last is not None and text[last.idx:last.idx + len(last.text)] != last.text:
            text = pd.doc.text
        self.text: str = text
        self.ix = index
        self.date = pd.document.published
        self.matches: list[Match] = []
        self.match_at: dict[int, Match] = {}  # token -> dictionary match covering it
        self.consumed: set[int] = set()  # tokens already part of a resolved reference
        self.persons: list[PersonInfo] = []
        self.out: list[Resolved] = []
        self.sent_of_tok: list[int] = []
        self.ents_at: dict[int, Any] = {}

    # -- pieces and dictionary matching ---------------------------------------------------
    def find_matches(self) -> None:
        """Every dictionary phrase in the text, leftmost-longest, within a sentence: a regex
        over the whole text gives the word pieces (no Token objects), token and sentence
        indices come from offset arrays."""
        doc = self.doc
        text = self.text
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        tok_starts = [a for a, _ in arr]
        tok_ends = [a + n for a, n in arr]
        self.tok_starts = tok_starts
        start_set = set(tok_starts)
        sent_ids = [0] * len(doc)
        sent_ends: list[int] = []
        for si, sp in enumerate(self.pd.sents):
            for t in range(sp.start, sp.end):
                sent_ids[t] = si
            sent_ends.append(sp.end_char)
        self.sent_of_tok = sent_ids
        found = [(m.start(), m.end(), m.group(0)) for m in PIECE.finditer(text)]
        keys = [fold(g) for _, _, g in found]
        trie = self.ix.trie
        n = len(found)
        out = self.matches
        sent_i = 0
        i = 0
        while i < n:
            start = found[i][0]
            node = trie.get(keys[i])
            if node is None or not (start in start_set or text[start - 1:start] in ("-", "/")):
                i += 1
                continue
            while sent_i < len(sent_ends) - 1 and start >= sent_ends[sent_i]:
                sent_i += 1
            limit = sent_ends[sent_i] if sent_ends else len(text)
            origs = [g for _, _, g in found[i:i + 12]]
            best_j = -1
            best: list[Entry] = []
            j = i
            while True:
                bucket = node.get("")
                if bucket:
                    ok = [e for e in bucket if _case_ok(e.case, origs, 0)]
                    if ok:
                        best_j, best = j, ok
                j += 1
                if j >= n or j - i >= 12 or found[j][0] >= limit:
                    break
                node = node.get(keys[j])
                if node is None:
                    break
            if best_j < 0:
                i += 1
                continue
            if all(e.role == "blocked" for e in best):
                i = best_j + 1  # "Latin America", "Latin American": no actor, and not "America"
                continue
            t0 = bisect.bisect_right(tok_starts, start) - 1
            if best_j == i and all(e.rank >= 2 and e.case[0] != UPPER for e in best) and \
                    t0 not in self.ents_at:
                # one word known only to the large converted dictionaries ("Doris", "Marches",
                # "Champagne"): only when the tagger also sees a name there
                i += 1
                continue
            end = found[best_j][1]
            t1 = bisect.bisect_left(tok_starts, end)
            # a trailing full stop of an abbreviation belongs to it ("U.S.")
            if text[end:end + 1] == "." and t1 - 1 >= 0 and (
                    tok_ends[t1 - 1] == end + 1 or text[end - 2:end - 1] == "."):
                end += 1
            mt = Match(start, end, t0, t1, best, text[start:end])
            out.append(mt)
            for t in range(t0, t1):
                self.match_at[t] = mt
            i = best_j + 1

    # -- candidates -----------------------------------------------------------------------
    def candidates(self) -> list[Ref]:
        """Dictionary matches and entities, overlaps settled: an entity whose capitalised
        pieces the dictionary covers yields to the dictionary matches; otherwise it is a
        name of its own with the matches inside as context."""
        refs: list[Ref] = []
        covered: set[int] = set()
        for ent in self.pd.ents:
            if ent.label_ not in NER_LABELS:
                continue
            inner = [m for m in {id(self.match_at[t]): self.match_at[t]
                                 for t in range(ent.start, ent.end) if t in self.match_at}.values()]
            inner.sort(key=lambda m: m.start)
            if inner and self._dict_covers(ent, inner):
                continue
            if any(m.t0 < ent.start or m.t1 > ent.end for m in inner):
                # a dictionary phrase runs past the entity: the dictionary reads it better
                # unless the entity is a person's name
                if ent.label_ != "PERSON":
                    continue
            t0, t1 = ent.start, ent.end
            while t0 < t1 and (self.doc[t0].lower_ in ("the", "a", "an")
                               or not self.doc[t0].text[:1].isalnum()
                               or (ent.label_ in ("PERSON", "ORG") and t0 + 1 < t1
                                   and self.doc[t0].tag_ in LEADING_JUNK_TAGS)):
                t0 += 1
            if ent.label_ == "PERSON" and t0 == ent.start and self._given_name_left_out(t0):
                t0 -= 1  # "Bret [Baier]": the tagger left the given name out of the person
            if ent.label_ == "PERSON":  # "Joe Biden’s Meeting": the name ends at "'s"
                for k in range(t0 + 1, t1):
                    if self.doc[k].lower_ in ("'s", "’s"):
                        t1 = k
                        break
            while t1 > t0 and (self.doc[t1 - 1].lower_ in ("'s", "’s", "'") or
                               not self.doc[t1 - 1].text[-1:].isalnum()):
                t1 -= 1
            if t1 <= t0:
                continue
            own = self._owned_person(t0, t1) if ent.label_ != "PERSON" else None
            if own is not None:  # "Fox News’ Bret Baier": the body, then the person
                span = self.doc[own + 1:t1]
                refs.append(Ref(span.start_char, span.end_char, own + 1, t1, span.text, "PERSON",
                                None, [m for m in inner if m.t0 > own and m.t1 <= t1]))
                covered.update(range(own, t1))
                t1 = own
            span = self.doc[t0:t1]
            refs.append(Ref(span.start_char, span.end_char, t0, t1, span.text, ent.label_,
                            None, [m for m in inner if m.t0 >= t0 and m.t1 <= t1]))
            covered.update(range(t0, t1))
        refs += self._owned_untagged(covered)
        for m in self.matches:
            if any(t in covered for t in range(m.t0, m.t1)):
                continue
            hit = self.ents_at.get(m.t0)
            label = hit.label_ if hit is not None and hit.label_ in NER_LABELS else "RULE"
            refs.append(Ref(m.start, m.end, m.t0, m.t1, m.text, label, m))
        refs.sort(key=lambda r: r.start)
        return refs

    def _owned_untagged(self, covered: set[int]) -> list[Ref]:
        """People the tagger left out right after a body's possessive ("Fox News’ Bret Baier
        said", where only "Fox News" is an entity): a person's name (:meth:`_reads_as_person`)
        of proper nouns that no entity or dictionary phrase covers. Marks them covered."""
        doc, out = self.doc, []
        for ent in self.pd.ents:
            k = ent.end
            if ent.label_ == "PERSON" or k >= len(doc) or not self._possessive_at(k):
                continue
            t1 = k + 1
            while t1 < len(doc) and t1 - k <= 3 and doc[t1].tag_ in ("NNP", "NNPS") \
                    and t1 not in covered and t1 not in self.match_at:
                t1 += 1
            if self._reads_as_person(k + 1, t1):
                span = doc[k + 1:t1]
                out.append(Ref(span.start_char, span.end_char, k + 1, t1, span.text, "PERSON", None, []))
                covered.update(range(k + 1, t1))
        return out

    def _owned_person(self, t0: int, t1: int) -> int | None:
        """The possessive token inside a body's entity that a person's name ends ("Fox News’
        Bret Baier", "Breitbart's Joel Pollak", tagged ORG as a whole; see
        :meth:`_reads_as_person`), else None."""
        for k in range(t0 + 1, t1 - 2):
            if self._possessive_at(k):
                return k if self._reads_as_person(k + 1, t1) else None
        return None

    def _given_name_left_out(self, t0: int) -> bool:
        """Is the token before a person's entity at ``t0`` a listed given name that no entity
        covers ("Bret" of "Fox News’ Bret Baier", where only "Baier" is tagged)?"""
        if t0 == 0:
            return False
        prev = self.doc[t0 - 1]
        return prev.tag_ == "NNP" and prev.is_alpha and prev.text[:1].isupper() and prev.ent_iob_ == "O" \
            and prev.lower_ in listed_given_names() and t0 - 1 not in self.match_at

    def _possessive_at(self, k: int) -> bool:
        """Is token ``k`` a possessive ("'s", or an apostrophe after a plural: "News’")?"""
        tok = self.doc[k]
        return tok.lower_ in ("'s", "’s") or (
            tok.text in ("'", "’") and k > 0 and self.doc[k - 1].lower_.endswith("s"))

    def _reads_as_person(self, t0: int, t1: int) -> bool:
        """Do tokens ``t0:t1`` read as a person's name: a listed given name and one or two
        more capitalised words, none of them a word of an organisation's name?"""
        name = self.doc[t0:t1]
        return 2 <= len(name) <= 3 and name[0].lower_ in listed_given_names() and all(
            w.is_alpha and w.text[:1].isupper() and fold(w.text) not in ORG_WORDS for w in name)

    def _dict_covers(self, ent: Any, inner: list[Match]) -> bool:
        in_dict: set[int] = set()
        for m in inner:
            in_dict.update(range(m.t0, m.t1))
        for t in range(ent.start, ent.end):
            tok = self.doc[t]
            if t in in_dict:
                continue
            if tok.text[:1].isupper() and tok.lower_ not in ("the", "'s", "’s") and tok.is_alpha:
                return False
        if ent.label_ == "PERSON" and not any(
                e.role in ("name", "surname") and self.ix.actors.get(e.actor_id) is not None
                and self.ix.actors[e.actor_id].kind == "person" for m in inner for e in m.entries):
            # a person's name covered only by titles and adjectives: keep the entity
            return not any(self.doc[t].text[:1].isupper() and t not in in_dict
                           for t in range(ent.start, ent.end))
        return True

    # -- helpers ----------------------------------------------------------------------------
    def state_entry(self, m: Match, roles: frozenset[str] = STATE_ROLES) -> Entry | None:
        """The best state reading of a match (a capital shared with a historical state goes
        to the state that existed at the document's date)."""
        cands = [e for e in m.entries if e.role in roles and self._is_state(e.actor_id)]
        if not cands:
            return None
        if len(cands) > 1:
            # a historical state whose dates hold the document's date is more specific than
            # its successor; without a date, the state that still exists
            dated = []
            for e in cands:
                frm, to = self.ix.state_dates.get(e.actor_id, (None, None))
                if self.date and (frm or to) and (frm is None or frm <= self.date) and (
                        to is None or self.date <= to):
                    dated.append(e)
            if dated:
                return dated[0]
            current = [e for e in cands if not self.ix.state_dates.get(e.actor_id, (None, None))[1]]
            if current:
                return current[0]
        return cands[0]

    def _is_state(self, ident: str) -> bool:
        a = self.ix.actors.get(ident)
        return a is not None and a.kind == "state"

    def tok_lower(self, t: int) -> str:
        return self.doc[t].lower_ if 0 <= t < len(self.doc) else ""

    def emit(self, r: Resolved) -> None:
        self.out.append(r)

    # -- context: states in a window ------------------------------------------------------
    def context_country(self, start: int, sent: int, window: int = 1,
                        fallback: bool = False, unique: bool = False) -> str | None:
        """The country of the nearest state word (name, adjective, capital, regime phrase)
        in the same sentence, else within ``window`` sentences; with ``fallback`` the
        document's most frequent one; with ``unique`` only when the window names one."""
        best, best_d = None, None
        seen: set[str] = set()
        for m in self.matches:
            ms = self.sent_of_tok[m.t0]
            if abs(ms - sent) > window:
                continue
            e = self.state_entry(m)
            if e is None:
                continue
            seen.add(e.actor_id)
            d = abs(m.start - start) + 10_000 * abs(ms - sent)
            if best_d is None or d < best_d:
                best, best_d = e.actor_id, d
        if unique and len(seen) > 1:
            return None
        if best is None and fallback:
            return self.main_country()
        return best

    def main_country(self) -> str | None:
        cached = self.pd.cache.get("actors.main_country", "")
        if cached != "":
            return str(cached) if cached else None
        c: Counter[str] = Counter()
        for m in self.matches:
            e = self.state_entry(m)
            if e is not None:
                c[e.actor_id] += 1
        top = c.most_common(1)[0][0] if c else None
        self.pd.cache["actors.main_country"] = top
        return top


def _case_ok(case: tuple[int, ...], origs: list[str], i: int) -> bool:
    for k, req in enumerate(case):
        if req == ANY:
            continue
        o = origs[i + k]
        if req == CAP:
            if not (o[0].isupper() or o[0].isdigit()):
                return False
        elif req == UPPER and not o.isupper():
            return False
    return True


# ---------------------------------------------------------------------------------------------
class Resolver:
    """Reads every candidate of one document in context."""

    def __init__(self, d: _Doc) -> None:
        self.d = d
        self.ix = d.ix
        self.doc = d.doc
        self.collectives: list[tuple[Ref, Match]] = []
        self.titles: list[tuple[Ref, Match]] = []

    def run(self, refs: list[Ref]) -> None:
        d = self.d
        self.place_texts = {fold(r.text) for r in refs if r.label in ("GPE", "LOC", "FAC")}
        self.full_keys = []
        for r in refs:
            if (r.label == "PERSON" and self._plausible_name(r)) or (
                    r.match is not None and r.match.best.role == "name"
                    and self._kind(r.match.best.actor_id) == "person"):
                key = name_pieces(self._name_text(r))
                if len(key) >= 2:
                    self.full_keys.append(key)
        person_refs = [r for r in refs if self._is_person_ref(r)]
        person_ids = {id(r) for r in person_refs}
        # persons first, full names before short forms, so back references find them
        full = [r for r in person_refs if len(name_pieces(self._name_text(r))) >= 2]
        short = [r for r in person_refs if id(r) not in {id(x) for x in full}]
        for r in full + short:
            self.person(r)
        self.loose_surnames(refs)
        for r in refs:
            if id(r) in person_ids:
                continue
            if any(t in d.consumed for t in range(r.t0, r.t1)):
                continue
            if r.match is not None:
                self.dictionary(r)
            else:
                self.entity(r)
        for r, m in self.titles:
            self.title_alone(r, m)
        for r, m in self.collectives:  # after everything else: they read their context
            self.collective(r, m)
        d.out.sort(key=lambda x: x.start)

    # -- persons --------------------------------------------------------------------------
    def _is_person_ref(self, r: Ref) -> bool:
        if r.match is not None:
            e = r.match.best
            a = self.ix.actors.get(e.actor_id)
            if a is None or a.kind != "person":
                return False
            if e.role == "surname":
                # a bare surname: only when the tagger calls it a person or a title precedes
                ent = self.d.ents_at.get(r.t0)
                return (ent is not None and ent.label_ == "PERSON") or self._title_before(r.t0)
            return True
        if r.label == "PERSON":
            if not self._plausible_name(r):
                return False
            if any(self.d.state_entry(m) is not None for m in r.inner):
                return False  # "Garuda Indonesia", "Air Berlin": a state's name is not a person's
            if fold(r.text) in self.place_texts:
                return False  # the same name is a place elsewhere in the document
            if self.d.tok_lower(r.t0 - 1) == "the" and r.t1 < len(self.doc) and \
                    self.doc[r.t1].tag_.startswith("NN"):
                return False  # "the Lourdes facility"
            return True
        if r.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            key = name_pieces(r.text)
            if not key:
                return False
            if r.label == "ORG" and self._person_like(r):
                return True
            # a name the tagger mislabelled: a variant of a person named in the document or
            # known to the data
            if any(same_person(k, key) or is_back_reference(key, k, None) or
                   (len(key) == 1 and k[:1] == key) for k in self.full_keys):
                return not any(self.d.state_entry(m) is not None for m in r.inner)
            return self._known_person(key) is not None and not any(
                self.d.state_entry(m) is not None for m in r.inner)
        return False

    def _person_like(self, r: Ref) -> bool:
        """An "organisation" that reads like a person's name: two or more proper nouns
        (hyphens and particles allowed), no organisation word, nothing the dictionary knows,
        followed by a verb or an apposition ("Marta Ruiz-Tagle said"), or opening with a
        listed given name ("Carly Fiorina")."""
        if r.inner or r.t1 - r.t0 < 2:
            return False
        names = 0
        for t in range(r.t0, r.t1):
            tok = self.doc[t]
            if tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.is_alpha:
                names += 1
                if fold(tok.text) in ORG_WORDS:
                    return False
            elif tok.text not in ("-", "‐") and tok.lower_ not in NAME_PARTICLES:
                return False
        if names < 2:
            return False
        if names <= 3 and self.doc[r.t0].lower_ in given_names():
            return True  # "Carly Fiorina" (a listed given name first) whatever the tagger made of
            # the next word ("strode" tagged a noun)
        nxt = self.doc[r.t1] if r.t1 < len(self.doc) else None
        return nxt is not None and (nxt.tag_.startswith("VB") or nxt.text == ",")

    def _plausible_name(self, r: Ref) -> bool:
        words = name_pieces(self._name_text(r))
        last = self.d.match_at.get(r.t1 - 1)
        if last is not None and last.t1 == r.t1 and (e := last.role("agent")) is not None \
                and self.ix.agents[e.actor_id].title:
            return False  # "Department Spokesperson", "Deputy Foreign Minister": a title, no name
        return bool(words) and not all(w in NOT_NAMES for w in words) and \
            not any(c.isdigit() for c in r.text) and \
            not (len(words) > 1 and (words[-1] in ORG_WORDS or words[-1] in NOT_NAME_HEADS))

    def _kind(self, ident: str) -> str | None:
        a = self.ix.actors.get(ident)
        return a.kind if a is not None else None

    def _title_before(self, t: int) -> bool:
        m = self.d.match_at.get(t - 1)
        if m is None:
            return False
        e = m.role("agent")
        return e is not None and self.ix.agents[e.actor_id].title

    def _name_text(self, r: Ref) -> str:
        """The name inside a person reference (titles and nationality words dropped)."""
        t0 = r.t0
        while t0 < r.t1:
            m = self.d.match_at.get(t0)
            if m is not None and m.t1 <= r.t1 and m.t1 < r.t1 and (
                    m.role("agent") or m.role("adjective")) and not m.role("name", "surname"):
                t0 = m.t1
                continue
            if self.doc[t0].is_punct:
                t0 += 1
                continue
            break
        if t0 >= r.t1:
            return r.text
        return self.doc[t0:r.t1].text

    def _known_person(self, key: tuple[str, ...]) -> str | None:
        if len(key) < 2:
            return None
        cands = []
        for pid in self.ix.persons_by_first_any.get(key[0], []):
            if same_person(self.ix.person_keys.get(pid, ()), key):
                cands.append(pid)
        return cands[0] if cands else None

    def _known_by_initial(self, key: tuple[str, ...], country: str | None) -> str | None:
        """A known person with the same surname and first initial ("Joseph R. Biden" and
        "Joe Biden"), when exactly one fits (and of ``country`` when given)."""
        if len(key) < 2:
            return None
        first = key[0]
        cands = {pid for pid in self.ix.persons_by_last.get(key[-1], [])
                 if _short_form(self.ix.person_keys.get(pid, ("",))[0], first)
                 and (country is None or country in self._countries_of(pid))}
        return cands.pop() if len(cands) == 1 else None

    def person(self, r: Ref) -> None:
        d = self.d
        name = self._name_text(r)
        # a trailing acronym is not part of a name ("Steven Snyder TWA")
        words = name.split()
        while len(words) > 1 and words[-1].isupper() and len(words[-1]) > 1 and words[-1].isalpha():
            words.pop()
        name = " ".join(words)
        key = name_pieces(name)
        if not key or not name[:1].isupper():
            return
        actor: Actor | None = None
        info: PersonInfo | None = None
        ctx_country, ctx_sector, org = self.person_context(r)
        # a bare surname with an honorific or a gendered title ("Mrs. Clinton") is never a
        # person of the other gender ("Bill Clinton" named earlier, "Mr. Bush" after "Laura Bush")
        said = gender_of(d.text, r.start, r.end, given=False) if len(key) == 1 else None
        # 1. the dictionary knows this exact name (a namesake of another country is not it)
        if r.match is not None and r.match.best.role == "name":
            actor = self.ix.actors[r.match.best.actor_id]
            if ctx_country is not None and ctx_country not in self._countries_of(actor.id):
                actor = None
        if actor is None:
            for m in r.inner:
                e = m.role("name")
                if e is not None:
                    a = self.ix.actors.get(e.actor_id)
                    if a is not None and a.kind == "person" and (
                            same_person(self.ix.person_keys.get(a.id, ()), key)
                            or len(key) == len(name_pieces(m.text))):
                        actor = a
                        break
        # 2. a variant of, or a short reference to, a person already named in the document
        if actor is None:
            cands = [p for p in d.persons
                     if (same_person(p.key, key, loose=True) or is_back_reference(key, p.key, p.country))
                     and _same_gender(said, p.actor) and not _namesake_before(d.text, key, p, r.start)]
            if not cands and len(key) == 1:
                # a first name alone ("Elian", "Fidel"): only when one person has it
                cands = [p for p in d.persons if len(p.key) >= 2 and p.key[0] == key[0]]
                if len(cands) > 1:
                    cands = []
            if cands:
                info = min(cands, key=lambda p: p.distance(r.start))
                actor = info.actor
                if info.actor.id.startswith("person:") and info.actor.id not in self.ix.actors and (
                        (ctx_country and info.country is None) or
                        (ctx_sector and info.sector in (None, "CVL"))):
                    # a later mention says more ("Sergeant Carlos Lazo"): for all of them
                    info.country = info.country or ctx_country
                    if ctx_sector and info.sector in (None, "CVL"):
                        info.sector = ctx_sector
                    for o in d.out:
                        if o.actor.id == info.actor.id:
                            o.country, o.sector = info.country, info.sector
        # 3. a variant of a known person (of the country the context gives, if any)
        if actor is None:
            pid = self._known_person(key)
            if pid is None or (ctx_country is not None and ctx_country not in self._countries_of(pid)):
                pid = self._known_by_initial(key, ctx_country)
            if pid is not None and _same_gender(said, self.ix.actors[pid]):
                actor = self.ix.actors[pid]
        # 4. a curated surname ("Putin", "Biden")
        if actor is None and len(key) <= 2:
            actor = self._by_surname(key)
            if actor is not None and not _same_gender(said, actor):
                actor = None
        if info is not None:
            country, sector = info.country, info.sector
        elif actor is not None:
            office = office_at(actor, self.d.date)
            country = (office or {}).get("country") or actor.country or ctx_country
            sector = office_sector(office) or actor.sector or ctx_sector
        else:
            if len(key) == 1 and ctx_sector is None and org is None:
                return  # a lone unknown word the tagger calls a person ("Octel", "Semtex")
            country, sector = ctx_country, ctx_sector
            if country is None and sector is None:
                # a private person: the country of their sentence when it names only one
                country = d.context_country(r.start, d.sent_of_tok[r.t0], window=0, unique=True)
            if sector is None:
                sector = "CVL"
            actor = Actor(id=person_slug(name), name=name, kind="person", country=country,
                          sector=sector, aliases=[name])
            if org is not None:
                actor.meta["affiliation"] = org.id
        assert actor is not None
        if info is None:
            known = next((p for p in d.persons if p.actor.id == actor.id), None)
            # a known person's key is its own name (the text may hold a title the dictionary
            # lists with it: "Foreign Minister Wang Yi"), so "Wang" refers back to it
            canonical = name_pieces(actor.name) if actor.id in self.ix.actors else None
            if known is None:
                known = PersonInfo(actor, canonical or key, country, sector)
                d.persons.append(known)
            elif canonical is None and len(key) > len(known.key):
                known.key = key
            if len(key) >= 2:
                known.positions.append(r.start)
        d.consumed.update(range(r.t0, r.t1))
        d.emit(Resolved(r.start, r.end, r.text, "PERSON", actor, country, sector))

    def loose_surnames(self, refs: list[Ref]) -> None:
        """Names the tagger missed ("China’s Xi says ..." in a headline, "Later Díaz-Canel
        y Bermúdez spoke") that are variants or surnames of persons named in full elsewhere
        in the document: runs of proper nouns (hyphens and name particles inside)."""
        d = self.d
        fulls = [p for p in d.persons if len(p.key) >= 2]
        if not fulls:
            return
        taken = set(d.consumed)
        for r in refs:
            taken.update(range(r.t0, r.t1))
        doc = self.doc
        n = len(doc)
        strings = doc.vocab.strings
        proper = {strings.add("NNP"), strings.add("NNPS")}
        tags = doc.to_array(TAG).tolist()
        text = d.text
        starts = d.tok_starts
        t = 0
        while t < n:
            if tags[t] not in proper or t in taken or t in d.match_at or \
                    not text[starts[t]:starts[t] + 1].isupper():
                t += 1
                continue
            end = t + 1
            while end < n and end not in taken and end not in d.match_at and (
                    (doc[end].tag_.startswith("NNP") and doc[end].text[:1].isupper())
                    or (doc[end].text in ("-", "‐") and end + 1 < n)
                    or (doc[end].lower_ in NAME_PARTICLES and end + 1 < n
                        and doc[end + 1].text[:1].isupper())):
                end += 1
            while end > t + 1 and not doc[end - 1].text[:1].isupper():
                end -= 1
            key = name_pieces(doc[t:end].text)
            found = None
            said = gender_of(text, starts[t], starts[end - 1] + len(doc[end - 1]),
                             given=False) if len(key) == 1 else None
            for p in fulls:
                if key and (same_person(p.key, key) or is_back_reference(key, p.key, p.country)) \
                        and _same_gender(said, p.actor) and not _namesake_before(text, key, p, starts[t]):
                    found = p
                    break
            if found is not None:
                span = doc[t:end]
                d.consumed.update(range(t, end))
                d.emit(Resolved(span.start_char, span.end_char, span.text, "PERSON", found.actor,
                                found.country, found.sector, 0.8))
            t = end

    def _countries_of(self, pid: str) -> set[str | None]:
        a = self.ix.actors[pid]
        return {a.country} | {o.get("country") for o in a.meta.get("offices") or [] if isinstance(o, dict)}

    def _by_surname(self, key: tuple[str, ...]) -> Actor | None:
        ids = self.ix.surnames.get(key, [])
        if not ids:
            return None
        if len(set(ids)) == 1:
            return self.ix.actors[ids[0]]
        scored = []
        for pid in set(ids):
            a = self.ix.actors[pid]
            office = office_at(a, self.d.date)
            active = 0
            if office is not None and self.d.date:
                frm, to = str(office.get("from") or ""), str(office.get("to") or "")
                active = 0 if (not frm or frm <= self.d.date) and (not to or self.d.date <= to) else 1
            scored.append((active, pid))
        scored.sort()
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            return None
        return self.ix.actors[scored[0][1]]

    def person_context(self, r: Ref) -> tuple[str | None, str | None, Actor | None]:
        """Country, sector and organisation from the words around a person's name: titles
        and nationality before it, an apposition or an of/at-phrase after it."""
        d = self.d
        country = sector = None
        org: Actor | None = None
        # inside the reference: "Chinese President Xi" tagged as one entity
        before_name = []
        for m in r.inner:
            if not m.role("name", "surname"):
                before_name.append(m)
        t = r.t0 - 1
        sent = d.sent_of_tok[r.t0]
        window: list[Match] = list(before_name)
        steps = 0
        title_seen = False
        # an apposition before: "..., the vice-president of the X Agency, NAME"
        while t >= 0 and steps < 12 and d.sent_of_tok[t] == sent:
            tok = self.doc[t]
            hit = d.ents_at.get(t)
            if hit is not None and hit.label_ == "PERSON":
                break  # another person's name: their context, not this one's
            wm = d.match_at.get(t)
            if wm is not None:
                m = wm
                if m.role("name", "surname") and self._kind(m.best.actor_id) == "person":
                    break
                window.append(m)
                if (m.role("agent") or m.role("adjective")) and steps < 6:
                    d.consumed.update(range(m.t0, m.t1))  # the title is part of the name here
                t = m.t0 - 1
                steps += 1
                continue
            low = tok.lower_
            if low in FILLERS or low in ("of", "to", "'s", "’s", "-", "in") or (
                    low == "," and steps == 0):
                t -= 1
                steps += 1
                continue
            if tok.text[:1].isupper() and tok.is_alpha and t in d.ents_at and d.ents_at[t].label_ == "ORG":
                steps += 1
                t -= 1
                continue
            break
        # after: an apposition (", executive director of ORG") or an of/at-phrase
        # (" of the U.S. Army War College", " from his perch at The Wall Street Journal")
        t = r.t1
        n = len(self.doc)
        after: list[Match] = []
        first = self.d.tok_lower(t)
        apposition = first == ","
        if apposition or first in AFFIL_PREPS:
            steps = 0
            seen_prep = not apposition
            t += 1
            while t < n and steps < 12 and d.sent_of_tok[t] == sent:
                tok = self.doc[t]
                if tok.text in CLAUSE_STOP or tok.text == "," or tok.lower_ in (
                        "and", "or", "but", "who", "which", "that", "to", "said", "says"):
                    break
                am = d.match_at.get(t)
                if am is not None:
                    m = am
                    if m.role("name", "surname") and self._kind(m.best.actor_id) == "person":
                        break
                    if seen_prep or (apposition and m.role("agent")):
                        after.append(m)
                    t = m.t1
                    steps += 1
                    continue
                if tok.lower_ in AFFIL_PREPS:
                    seen_prep = True
                elif tok.tag_.startswith("VB"):
                    break
                t += 1
                steps += 1
        # read what was found: the words before the name when they say something, else the
        # apposition after it; an organisation wins, then a nationality, then a title
        informative = any(d.state_entry(m) is not None or
                          (self._kind(m.best.actor_id) in ("organisation", "igo", "group"))
                          for m in window)
        if first in AFFIL_PREPS and after:
            # "Janos Martonyi of Hungary": the of-phrase names the country; titles before
            # the name still give the sector ("the foreign ministers of ...")
            window = [m for m in window if m.role("agent") and d.state_entry(m) is None]
        elif informative:
            after = []
        for m in after + window:
            e = m.best
            a = self.ix.actors.get(e.actor_id)
            if a is None or e.role != "name":
                continue
            if a.kind in ("organisation", "igo", "group") and org is None:
                org = a
        agent_sector = None
        for m in sorted(window, key=lambda m: -m.start) + after:
            ae = m.role("agent")
            if ae is not None and agent_sector is None:
                agent_sector = self.ix.agents[ae.actor_id].sector
                title_seen = True
        possessor = None
        for m in sorted(window, key=lambda m: m.start):
            se = d.state_entry(m)
            if se is None:
                continue
            # "ambassador to China": the host country is not the affiliation
            prev = self.d.tok_lower(m.t0 - 1)
            if prev in ("to", "in") and possessor is not None:
                continue
            if possessor is None:
                possessor = se.actor_id
        if possessor is None:
            for m in after:
                se = d.state_entry(m)
                if se is not None:
                    possessor = se.actor_id
                    break
        if org is not None:
            country = org.country or possessor
            sector = org.sector or agent_sector
        else:
            country = possessor
            sector = agent_sector
        if title_seen and sector is None:
            sector = "GOV"
        return country, sector, org

    # -- dictionary phrases ---------------------------------------------------------------
    def dictionary(self, r: Ref) -> None:
        d = self.d
        m = r.match
        assert m is not None
        e = m.best
        if e.role == "agent":
            self.agent_alone(r, m)
            return
        if e.role == "surname":
            self._named_before(r)  # else a surname that is not a person here
            return
        se = d.state_entry(m)
        if se is not None and (e.role in STATE_ROLES and self._is_state(e.actor_id) or e.rank >= se.rank):
            self.state_ref(r, m, se)
            return
        a = self.ix.actors.get(e.actor_id)
        if a is None:
            return
        if a.kind == "state":
            self.state_ref(r, m, e)
            return
        d.consumed.update(range(r.t0, r.t1))
        d.emit(Resolved(r.start, r.end, r.text, r.label if r.label != "RULE" else _label(a), a,
                        a.country, a.sector))

    def _is_state(self, ident: str) -> bool:
        a = self.ix.actors.get(ident)
        return a is not None and a.kind == "state"

    def _named_before(self, r: Ref) -> bool:
        """ "Wang said" after "spokesperson Wang Wenbin": a short name the tagger did not take
        for a person (ORG, GPE) that refers back to a person named in full before it (the
        nearest). Emits the person and says whether it did."""
        d = self.d
        words = name_pieces(r.text)
        if not words or len(words) > 2 or r.label not in ("ORG", "GPE", "NORP", "RULE"):
            return False
        for p in sorted(d.persons, key=lambda p: p.distance(r.start)):
            if len(p.key) > len(words) and is_back_reference(words, p.key, p.country) \
                    and any(pos < r.start for pos in p.positions):
                d.consumed.update(range(r.t0, r.t1))
                d.emit(Resolved(r.start, r.end, r.text, "PERSON", p.actor, p.country, p.sector,
                                0.7))
                return True
        return False

    def state_ref(self, r: Ref, m: Match, e: Entry) -> None:
        d = self.d
        state = self.ix.actors[e.actor_id]
        iso = state.country or state.id
        role = e.role
        sector: str | None = None
        end, t1 = r.end, r.t1
        if role == "capital":
            sector = None if self._place_reading(m) else "GOV"
        elif role == "government":
            sector = "GOV"
        elif role == "demonym":
            sector = "CVL"
            if self.doc[m.t0].text.lower() == "chinese" or fold(m.text) == fold(state.name):
                sector = None
        # a sector noun after it: "Cuban officials", "China's military", "Chinese state media"
        if role in ("name", "adjective", "demonym", "capital"):
            found = self._compound_agent(m)
            if found is not None:
                agent_e, am = found
                info = self.ix.agents[agent_e.actor_id]
                for k in range(m.t1, am.t0):  # "exile leaders", "opposition leaders"
                    mod = d.match_at.get(k)
                    me = mod.role("agent") if mod is not None else None
                    if me is not None and self.ix.agents[me.actor_id].sector == "OPP":
                        agent_e, info = me, self.ix.agents[me.actor_id]
                        break
                former = self._out_of_office(m.t0) or any(  # "the Chilean ex-president"
                    self.d.tok_lower(k) in lexicon().out_of_office for k in range(m.t1, am.t0))
                holder = self._office_holder(iso, info.role) if info.title and not former else None
                span_end = am.end
                d.consumed.update(range(m.t0, am.t1))
                if holder is not None:
                    office = office_at(holder, d.date)
                    d.emit(Resolved(r.start, span_end, self.d.text[r.start:span_end], "RULE",
                                    holder, iso, office_sector(office) or "GOV", 0.8))
                    return
                sector = info.sector
                end, t1 = span_end, am.t1
            elif role == "capital" and self._possessive(m):
                sector = "GOV"
        if role == "adjective" and sector is None and self._adjective_as_noun(m):
            role, sector = "demonym", "CVL"  # "any American trying to visit": a person
        d.consumed.update(range(r.t0, t1))
        d.emit(Resolved(r.start, end, self.d.text[r.start:end],
                        r.label if r.label != "RULE" else ("NORP" if role in ("adjective", "demonym") else "GPE"),
                        state, iso, sector))

    def _out_of_office(self, t0: int) -> bool:
        """Does a word of data cues.yaml ``out_of_office`` stand right before token ``t0``
        ("the former Mexican president", "the then-President", "ex-Secretary")? Such a title
        names someone who held the office at another time, never its holder at the
        document's date."""
        before = self.d.tok_lower(t0 - 1)
        if before in ("-", "–"):
            before = self.d.tok_lower(t0 - 2)
        return before in lexicon().out_of_office

    def _possessive(self, m: Match) -> bool:
        return self.d.tok_lower(m.t1) in ("'s", "’s", "'")

    def _adjective_as_noun(self, m: Match) -> bool:
        """"the Chinese are bolder", "any American trying to visit": an adjective standing
        for its people (a determiner before it, no noun after it)."""
        nxt = self.doc[m.t1] if m.t1 < len(self.doc) else None
        return self.d.tok_lower(m.t0 - 1) in ("the", "any", "every", "an", "a", "each", "no",
                                              "one") and (
            nxt is None or not nxt.tag_.startswith(("NN", "JJ")))

    def _place_reading(self, m: Match) -> bool:
        """Is this capital a place here rather than its government?"""
        d = self.d
        prev = d.tok_lower(m.t0 - 1)
        nxt = d.tok_lower(m.t1)
        if nxt == "(" or (self.doc[m.t0].is_upper and len(m.text) > 3 and
                          nxt in ("—", "–", "-", "--", "_", ",", ":")):
            return True  # dateline
        if nxt == "," and m.t1 + 1 < len(self.doc):
            after = d.match_at.get(m.t1 + 1)
            if after is not None and d.state_entry(after, frozenset({"name"})) is not None:
                return True  # "Havana, Cuba"
        if prev in PLACE_PREPS:
            before = d.tok_lower(m.t0 - 2)
            return before not in PEOPLE_BEFORE_IN
        if prev in ("to", "from", "toward", "towards"):
            for k in range(m.t0 - 2, max(-1, m.t0 - 6), -1):
                if self.doc[k].lower_ in MOTION_WORDS:
                    return True
            return False
        if prev == "of" and d.tok_lower(m.t0 - 2) in PLACE_OF:
            return True
        if prev in ("like", "including") and d.tok_lower(m.t0 - 2) in ("cities", "places", "capitals"):
            return True
        return False

    def _compound_agent(self, m: Match) -> tuple[Entry, Match] | None:
        """The sector noun that heads the noun phrase this state word modifies, if any:
        the last agent word among the nouns and adjectives that follow (up to four words,
        "'s" allowed first)."""
        d = self.d
        t = m.t1
        n = len(self.doc)
        if t < n and self.doc[t].lower_ in ("'s", "’s"):
            t += 1
        found: tuple[Entry, Match] | None = None
        steps = 0
        while t < n and steps < 4 and d.sent_of_tok[t] == d.sent_of_tok[m.t0]:
            tok = self.doc[t]
            am = d.match_at.get(t)
            if am is not None:
                ae = am.role("agent")
                if ae is None or am.role("name", "adjective", "demonym", "capital", "government"):
                    break
                found = (ae, am)
                t = am.t1
                steps += 1
                continue
            if tok.text in ("-", "–") or tok.tag_ in ("JJ", "NN", "NNS", "VBN", "NNP") and not tok.ent_type_ == "PERSON":
                if tok.tag_ == "NNP" and found is None and steps > 0:
                    break
                t += 1
                steps += 1
                continue
            break
        if found is None:
            return None
        # the agent word heads the phrase: only transparent nouns may follow it
        # ("Chinese government news release", but not "Chinese spy balloon")
        k = found[1].t1
        if fold(found[1].text) not in INSTITUTIONS:
            while k < t:
                tok = self.doc[k]
                if tok.tag_.startswith("NN") and tok.lower_ not in TRANSPARENT:
                    return None
                k += 1
        # the agent word must not be the title of a following name ("Chinese President Xi")
        nxt = found[1].t1
        if nxt < n and self.doc[nxt].ent_type_ == "PERSON":
            return None
        return found

    def _office_holder(self, iso: str, role: str | None) -> Actor | None:
        """The person holding ``role`` in ``iso`` at the document's date (leaders data)."""
        if not role or not self.d.date:
            return None
        date = self.d.date
        for frm, to, pid in self.ix.role_holders().get((iso, role), []):
            if (not frm or frm <= date) and (not to or date <= to):
                return self.ix.actors.get(pid)
        return None

    def agent_alone(self, r: Ref, m: Match) -> None:
        """An agent word heading a noun phrase with no country word ("police", "the court",
        "militants", "five soldiers"): resolved last, by :meth:`collective`, to the country
        of its context. Words of ``data/en/agents.yaml``'s ``never_alone`` list, a title
        before a name, and a noun modifying another ("police station") do not stand alone."""
        if fold(m.text) in CVL_OPP_ALONE:
            self.collectives.append((r, m))
            return
        info = self.ix.agents[m.best.actor_id]
        if info.title and info.role and self.d.tok_lower(m.t0 - 1) == "the" and \
                self.doc[m.t1 - 1].tag_ in ("NN", "NNP") and (
                    m.t1 >= len(self.doc) or self.doc[m.t1].ent_type_ != "PERSON"):
            self.titles.append((r, m))  # "The President met …": resolved after the persons
            return
        words = alone_words()
        if fold(m.text) in words["never_alone"] or self.ix.agents[m.best.actor_id].title and \
                m.t1 < len(self.doc) and self.doc[m.t1].ent_type_ == "PERSON":
            return
        last = self.doc[m.t1 - 1]
        ent = self.d.ents_at.get(m.t1 - 1)
        if not last.tag_.startswith("NN") or (last.ent_type_ in ("PERSON", "ORG", "GPE") and not (
                fold(m.text) in words["home_government"] and ent is not None
                and ent.start >= m.t0 - 1 and ent.end == m.t1)):
            return  # ("The Administration", an entity of that word alone: the home government)
        if fold(m.text) in words["definite_person_titles"] and self.d.tok_lower(m.t0 - 1) in (
                "the", "this", "that"):
            return  # "the envoy said": a named person, resolved where it is used
        if self.d.tok_lower(m.t0 - 1) in ("my", "our", "your", "his", "her", "its", "their"):
            return  # "my Administration": whose it is decides, where it is used
        if self.d.tok_lower(m.t0 - 1) in ("two", "both") or (
                self.d.tok_lower(m.t0 - 1) == "the" and fold(m.text) in ("leaders", "sides")
                and self.d.tok_lower(m.t1) not in ("of", "in", "from")):
            return  # "the two leaders", "both governments", "the leaders": named before
        nxt = self.doc[m.t1] if m.t1 < len(self.doc) else None
        if nxt is not None and (nxt.tag_.startswith("NN") or (
                nxt.tag_ == "POS" and not self._owns_act(m)) or nxt.lower_ in ("-", "–")):
            return  # "police station", "the court's ruling", "army-backed"; but "the
            # regime's crackdown", "the army's offensive" name the agent of an act
        self.collectives.append((r, m))

    def title_alone(self, r: Ref, m: Match) -> None:
        """ "The President", "the Secretary", "the National Security Advisor" with no name: the
        person last named with that title ("Prime Minister Modi … the Prime Minister"; in a
        government's document, one of that government's: "President Xi" is named, "the
        President" of a White House briefing is the American one), else,
        in a document of a government (its address or outlet:
        :func:`foreigndesk.extract.turns.document_country`), the holder of the office in
        that government at the document's date ("The President met …" in a White House
        readout). Else nothing: the claim layer reads it where it is used."""
        from foreigndesk.extract.turns import document_country

        d = self.d
        if m.text.isupper():
            return  # "THE PRESIDENT:": a turn label, which the turns layer reads
        if self._out_of_office(m.t0):
            return  # "the former President", "the then-President": not the holder at the
            # document's date, nor the last person named with the title
        info = self.ix.agents[m.best.actor_id]
        country = document_country(self.d.pd)
        holder = self._office_holder(country, info.role) if country else None
        if holder is not None and country and info.role and d.date and not self.ix.title_fits(
                m.text, holder.id, country, info.role, d.date[:10]):
            holder = None  # "the Prime Minister" of a White House readout: no American holds it
        title = fold(m.text).split()
        held = office_at(holder, d.date) if holder is not None else None
        own_title = held is not None and set(title) <= set(fold(str(held.get("title") or "")).split())
        for o in sorted(d.out, key=lambda x: -x.start):
            if o.start < r.start and o.actor.kind == "person" and self._titled(o, title):
                if own_title and o.country and o.country != country:
                    continue  # "President Xi" in a White House briefing: "the President" there
                    # is the document's government's, whose holder bears that title; a
                    # foreign one is named (not "the Foreign Minister" of a State Department
                    # readout: no American bears that title)
                if holder is not None and o.actor.id not in self.ix.actors and \
                        set(name_pieces(holder.name)[-1:]) & set(name_pieces(o.text)):
                    break  # "President Biden Before Departure" (a title-case heading): the holder
                since = self._holder_named_since(o, r.start, info.role)
                if since is not None:  # "President Bush … Mr. Obama … the president's
                    o = since  # victory": the one who holds the office at the date
                d.emit(Resolved(r.start, r.end, r.text, "RULE", o.actor, o.country, o.sector, 0.7))
                return
        if holder is None or country is None:
            return
        office = office_at(holder, d.date)
        d.emit(Resolved(r.start, r.end, r.text, "RULE", holder, country,
                        office_sector(office) or "GOV", 0.7))

    def _holder_named_since(self, o: Resolved, before: int, role: str | None) -> Resolved | None:
        """The last person named after the titled mention ``o`` and before ``before`` who holds
        the office ``role`` of ``o``'s country at the document's date (a sitting president
        named since a past one; not a foreign one), else None."""
        if not role:
            return None
        for h in sorted(self.d.out, key=lambda x: -x.start):
            if h.start >= before or h.actor.kind != "person" or h.actor.id == o.actor.id:
                continue
            if h.start < o.end:
                return None
            holder = self._office_holder(h.country, role) if h.country and h.country == o.country else None
            if holder is not None and holder.id == h.actor.id:
                return h
        return None

    def _titled(self, o: Resolved, title: list[str]) -> bool:
        """Is the person mention ``o`` given ``title`` right before the name, in its span or
        just before it, with only name words between ("Prime Minister Narendra Modi",
        "Secretary of Defense Ash Carter"; not "the President met with Prime Minister Modi")?"""
        words = self.d.text[max(0, o.start - 60):o.end].replace(",", " ").split()
        folded = [fold(w) for w in words]
        n = len(title)
        for k in range(len(words) - n - 1, -1, -1):
            if folded[k:k + n] == title:
                if k > 0 and folded[k - 1] in LESSER_TITLE_PREFIXES:
                    return False  # "Vice President Joe Biden" is not "the President"
                rest = words[k + n:]
                if any(w.lower() in ("the", "a", "an") or (len(w) > 2 and w[-1] in ".;:!?")
                       for w in rest[:-1]):
                    return False  # "Foreign Minister Bruno Rodríguez Parrilla. The Secretary":
                    # the title is another name's, a sentence before
                return all(w[:1].isupper() or w in ("of", "for") for w in rest)
        return False

    def _owns_act(self, m: Match) -> bool:
        """Is this institution the possessor of an act the event dictionary names ("the
        regime's brutal crackdown", "the army's offensive"; not "the government's
        decision")?"""
        if fold(m.text) not in frame_words()["act_possessors"]:
            return False
        nouns = default_dictionary().noun_triggers
        for k in range(m.t1 + 1, min(m.t1 + 4, len(self.doc))):
            t = self.doc[k]
            if t.tag_.startswith("NN"):
                if k + 2 < len(self.doc) and self.doc[k + 1].lower_ == "to" and \
                        self.doc[k + 2].tag_ == "VB":
                    return False  # "the government's battle to secure his return": a figure
                return t.lemma_.lower() in nouns or t.lower_ in nouns
            if not t.tag_.startswith("JJ"):
                return False
        return False

    def collective(self, r: Ref, m: Match) -> None:
        """Protesters, police, the court, militants ...: the agents of the country named
        right after them ("police in Nairobi", "the army of Mali"), else of the country their
        neighbourhood (two sentences either side) speaks of most: states, governments and
        organisations, twice over in their own sentence; the nearest breaks a tie; else the
        document's; else of no country (the sector alone)."""
        d = self.d
        info = self.ix.agents[m.best.actor_id]
        sent = d.sent_of_tok[r.t0]
        if d.tok_lower(m.t1) in alone_words()["country_preps"]:
            nxt = d.match_at.get(m.t1 + 1) or d.match_at.get(m.t1 + 2)
            se = d.state_entry(nxt) if nxt is not None else None
            if se is not None and self.ix.actors.get(se.actor_id) is not None:
                d.emit(Resolved(r.start, r.end, r.text, "RULE", self.ix.actors[se.actor_id],
                                se.actor_id, info.sector, 0.7))
                return
        words = alone_words()
        if d.tok_lower(m.t0 - 1) in words["multinational"]:
            d.emit(Resolved(r.start, r.end, r.text, "MULTINATIONAL",
                            sector_only(info.sector or "GOV"), None, info.sector,
                            0.5))  # "allied forces", "coalition troops": no one country
            return
        if fold(m.text) in words["home_government"] and self.doc[m.t1 - 1].tag_ in ("NN", "NNP"):
            home = self._home_government(r, fold(m.text))
            if home is not None:
                d.emit(Resolved(r.start, r.end, r.text, "RULE", home, home.id, info.sector, 0.7))
                return
        owner = self._possessor(m)
        if owner is not None:  # "Fidel Castro's government", "Bush's aides"
            state = self.ix.actors.get(owner)
            if state is not None:
                d.emit(Resolved(r.start, r.end, r.text, "RULE", state, owner, info.sector, 0.8))
                return
        votes: dict[str, float] = {}
        nearest: dict[str, int] = {}
        people = fold(m.text) in CVL_OPP_ALONE
        for o in d.out:
            if o.country is None or (o.sector is None and o.label == "NORP"):
                continue  # a plain adjective ("the American flag") is not an actor
            if o.sector in CONTEXTLESS_SECTORS or (o.actor.kind == "person" and (
                    people or o.sector not in ("GOV", "MIL", "LEG"))):
                continue  # a newspaper's, a firm's or a scholar's country says little
            os_ = d.sent_of_tok[bisect.bisect_right(d.tok_starts, o.start) - 1]
            if abs(os_ - sent) > 2:
                continue
            if os_ == sent and not people:  # an institution: the nearer (before it: nearer
                gap = abs(o.start - r.start) / 60.0  # still) in its own sentence counts more
                votes[o.country] = votes.get(o.country, 0.0) + 3.0 / (1.0 + gap) * (
                    1.5 if o.start < r.start else 1.0)
            else:  # protesters, dissidents: the country their neighbourhood speaks of most
                votes[o.country] = votes.get(o.country, 0.0) + (2.0 if os_ == sent else 1.0)
            dist = abs(o.start - r.start)
            nearest[o.country] = min(dist, nearest.get(o.country, dist))
        if votes:
            country: str | None = max(votes, key=lambda c: (votes[c], -nearest[c]))
        else:
            country = d.context_country(r.start, sent, window=2, fallback=True)
        state = self.ix.actors.get(country) if country else None
        if state is None:
            if info.sector:  # no country named anywhere: the sector alone ("COP")
                d.emit(Resolved(r.start, r.end, r.text, "RULE", sector_only(info.sector),
                                None, info.sector, 0.5))
            return
        d.emit(Resolved(r.start, r.end, r.text, "RULE", state, country, info.sector, 0.7))

    def _home_government(self, r: Ref, word: str) -> Actor | None:
        """The state of the last "<X> administration" named before ``r`` ("the Bush
        administration"), else of the document's own government (its address or outlet)."""
        from foreigndesk.extract.turns import document_country

        d = self.d
        named = [o for o in d.out if o.end <= r.start and o.country and word in fold(o.text)
                 and o.text.strip().lower() != word]
        country = max(named, key=lambda o: o.start).country if named else document_country(d.pd)
        return self.ix.actors.get(country) if country else None

    def _possessor(self, m: Match) -> str | None:
        """The country of a person or state named with "'s" just before an agent word
        ("Fidel Castro's government", "Bush's brutal aides")."""
        d = self.d
        k = m.t0 - 1
        if k >= 0 and self.doc[k].tag_.startswith("JJ"):
            k -= 1
        if k < 1 or d.tok_lower(k) not in ("'s", "’s", "'"):
            return None
        end = self.doc[k - 1].idx + len(self.doc[k - 1].text)
        for o in d.out:
            if o.end == end and o.country:
                return o.country
        return None

    # -- entities the dictionary does not know --------------------------------------------
    def entity(self, r: Ref) -> None:
        d = self.d
        if r.label == "PERSON":
            pieces = name_pieces(r.text)
            if len(pieces) > 1 and pieces[-1] in ORG_WORDS:
                # a company the tagger took for a person ("Baxter Healthcare said")
                r = replace(r, label="ORG")
        if r.label in ("GPE", "LOC", "FAC", "NORP"):
            # places are the places extractor's; a state inside ("Chinese Cubans") is read
            for m in r.inner:
                se = d.state_entry(m)
                if se is not None:
                    self.state_ref(Ref(m.start, m.end, m.t0, m.t1, m.text, r.label, m), m, se)
            return
        if r.label != "ORG":
            return
        words = name_pieces(r.text)
        if not words or all(w in NOT_NAMES for w in words):
            return
        if self._named_before(r):
            return
        country = sector = None
        countries: set[str] = set()
        for m in r.inner:
            se = d.state_entry(m)
            if se is not None:
                countries.add(se.actor_id)
            a = self.ix.actors.get(m.best.actor_id)
            if a is not None and a.kind in ("organisation", "igo") and a.country:
                countries.add(a.country)
        if len(countries) == 1:
            country = next(iter(countries))
        elif not countries:  # "the Chinese firm Xiaolong Ltd"
            prev = d.match_at.get(r.t0 - 1) or d.match_at.get(r.t0 - 2)
            if prev is not None:
                se = d.state_entry(prev, frozenset({"adjective", "name"}))
                if se is not None:
                    country = se.actor_id
        # the head noun: the last word before "of/on/for" ("Ministry of Fisheries"), else
        # the last word, else any word
        words_all = PIECE.findall(fold(r.text))
        head = words_all
        for k, w in enumerate(words_all):
            if k and w in ("of", "on", "for", "to", "in"):
                head = words_all[:k]
                break
        if head and head[-1] in DOCUMENT_HEADS:
            return  # "Department Press Briefing", "Readout of …": a heading, no organisation
        for cand in (head[-1:], words_all[-1:], words_all):
            for words_set, sec in HEAD_SECTORS:
                if any(w in words_set for w in cand):
                    sector = sec
                    break
            if sector is not None:
                break
        if sector is None:
            return  # a headline, a book title, an unknown acronym: nothing we can read
        if self.d.tok_lower(r.t0 - 1) in ("\"", "“", "'", "‘") or "'" in r.text[:1]:
            return  # quoted titles
        name = r.text
        actor = Actor(id="org:" + slug(name), name=name, kind="organisation", country=country,
                      sector=sector, aliases=[name])
        d.consumed.update(range(r.t0, r.t1))
        d.emit(Resolved(r.start, r.end, r.text, r.label, actor, country, sector, 0.8))


def _short_form(a: str, b: str) -> bool:
    """Could one first name be a short form of the other ("Joe"/"Joseph", "Mike"/"Michael")?"""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and short[:2] == long_[:2] and (len(short) <= 4 or long_.startswith(short))


def _label(a: Actor) -> str:
    return {"person": "PERSON", "state": "GPE"}.get(a.kind, "ORG")


# ---------------------------------------------------------------------------------------------
class ActorExtractor:
    name = "actors"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas", "parse"})

    def __call__(self, pd: ParsedDoc) -> None:
        index = load_index()
        d = _Doc(pd, index)
        for ent in pd.ents:
            for t in range(ent.start, ent.end):
                d.ents_at[t] = ent
        d.find_matches()
        refs = d.candidates()
        Resolver(d).run(refs)
        ex = pd.extraction
        by_sentence: dict[int, list[Mention]] = {}
        for r in d.out:
            sent = d.sent_of_tok[bisect.bisect_right(d.tok_starts, r.start) - 1] if d.tok_starts else 0
            actor = r.actor
            stored = ex.actors.get(actor.id)
            if stored is None:
                stored = Actor(actor.id, actor.name, actor.kind, actor.country, actor.sector,
                               [actor.name], meta=dict(actor.meta))
                ex.actors[actor.id] = stored
            if r.text not in stored.aliases:
                stored.aliases.append(r.text)
            m = Mention(pd.doc_id, sent, r.start, r.end, r.text, self.name, self.version,
                        r.confidence, label=r.label, actor_id=actor.id, actor_name=actor.name,
                        actor_kind=actor.kind, country=r.country, sector=r.sector)
            ex.mentions.append(m)
            by_sentence.setdefault(sent, []).append(m)
        pd.cache["actors.by_sentence"] = by_sentence


EXTRACTOR = ActorExtractor()


# -- API for other extractors -------------------------------------------------------------------
def mentions_in_sentence(pd: ParsedDoc, i: int) -> list[Mention]:
    """The actor mentions of sentence ``i`` (in text order)."""
    by = pd.cache.get("actors.by_sentence")
    if by is None:
        by = {}
        for m in pd.extraction.mentions:
            if m.extractor == ActorExtractor.name:
                by.setdefault(m.sentence, []).append(m)
        pd.cache["actors.by_sentence"] = by
    return list(by.get(i, []))


SECTOR_NAMES = {"GOV": "government", "MIL": "military", "MED": "media", "BUS": "business",
                "NGO": "NGOs", "EDU": "education", "CVL": "civilians", "OPP": "opposition",
                "LEG": "legislature", "IGO": "IGO", "COP": "police", "JUD": "judiciary",
                "SPY": "intelligence", "REB": "rebels", "PTY": "political parties",
                "LAB": "labour", "REL": "religious", "CRM": "criminals", "UAF": "armed men",
                "REF": "refugees", "HLH": "health", "AGR": "agriculture", "ELI": "elites"}


def sector_only(sector: str) -> Actor:
    """The agents of a sector whose country the text does not name ("police": COP)."""
    return Actor(id=sector, name=SECTOR_NAMES.get(sector, sector.lower()), kind="group",
                 sector=sector)


@functools.lru_cache(maxsize=1)
def alone_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/en/agents.yaml``."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/agents.yaml")
                         .read_text(encoding="utf-8"))
    return {k: frozenset(fold(str(w)) for w in v) for k, v in raw.items()}


def sector_actor(state: Actor, sector: str | None) -> Actor:
    """A state's sector as an actor of its own ("CUBGOV", the government of Cuba)."""
    if not sector:
        return state
    iso = state.country or state.id
    kind = "government" if sector == "GOV" else "group"
    return Actor(id=f"{iso}{sector}", name=f"{state.name} ({SECTOR_NAMES.get(sector, sector)})",
                 kind=kind, country=iso, sector=sector)


def resolve_name(text: str, date: str | None = None, whole: bool = False) -> Actor | None:
    """The actor a short phrase names, without context: a known name ("Xinhua", "Xi Jinping",
    "the Kremlin" -> Russia's government), a state's word with a sector noun ("the Cuban side",
    "Chinese officials" -> "CUBGOV"/"CHNGOV"), a capital ("Havana" -> Cuba's government), a
    demonym ("Cubans" -> "CUBCVL"). None when nothing is known, and with ``whole`` when one
    dictionary phrase does not make up the whole text ("THE WHITE HOUSE" but not "White
    House weighs sanctions")."""
    ix = load_index()
    parts = PIECE.findall(text)
    if not parts:
        return None
    keys = [fold(p) for p in parts]
    if keys[0] in ("the", "a", "an") and len(keys) > 1:
        keys, parts = keys[1:], parts[1:]
    # longest dictionary phrases, left to right
    found: list[tuple[Entry, int, int]] = []
    i = 0
    while i < len(keys):
        node = ix.trie.get(keys[i])
        best: tuple[Entry, int] | None = None
        j = i
        while node is not None:
            bucket = node.get("")
            if bucket:
                ok = [e for e in bucket if _case_ok(e.case, parts, i)] or bucket
                best = (ok[0], j)
            j += 1
            node = node.get(keys[j]) if j < len(keys) else None
        if best is None:
            i += 1
            continue
        if best[0].role != "blocked":
            found.append((best[0], i, best[1]))
        i = best[1] + 1
    if not found or (whole and (len(found) != 1 or found[0][1] != 0 or found[0][2] != len(keys) - 1)):
        return None
    first = found[0][0]
    a = ix.actors.get(first.actor_id)
    if first.role == "agent" or a is None:
        return None
    if a.kind != "state":
        if a.kind == "person" and date:
            office = office_at(a, date)
            if office:
                return Actor(a.id, a.name, a.kind, office.get("country") or a.country,
                             office_sector(office) or a.sector, list(a.aliases), meta=dict(a.meta))
        return a
    sector = {"capital": "GOV", "government": "GOV", "demonym": "CVL"}.get(first.role)
    for e, _s, _e in found[1:]:
        if e.role == "agent":
            sector = ix.agents[e.actor_id].sector
    return sector_actor(a, sector)


def _namesake_before(text: str, key: tuple[str, ...], p: PersonInfo, at: int) -> bool:
    """Is a bare surname at ``at`` someone else than ``p``, named in full only after it: the
    text before it gives the surname another listed given name ("GOP candidate Carly Fiorina
    … Fiorina said …" and, at the end, "her husband, Frank Fiorina", whom the small model
    alone tags a person)?"""
    if len(key) != 1 or len(p.key) < 2 or any(q <= at for q in p.positions):
        return False
    end = at + len(key[0]) + 1  # "Carly Ruiz" standing at ``at``
    return any(start < end and first != p.key[0] for start, first in _given_name_forms(text, key[0]))


@functools.lru_cache(maxsize=256)
def _given_name_forms(text: str, surname: str) -> tuple[tuple[int, str], ...]:
    """(start, given name) of each "<listed given name> <surname>" in ``text``."""
    given = given_names()
    rx = re.compile(r"\b([A-Z][a-z]+)\s+" + re.escape(surname) + r"\b", re.I)
    return tuple((m.start(), m.group(1).lower()) for m in rx.finditer(text)
                 if m.group(1)[:1].isupper() and m.group(1).lower() in given)


def _same_gender(said: str | None, actor: Actor) -> bool:
    """Can a mention whose words give it gender ``said`` ("m", "f", None: no evidence) be
    ``actor``? Only a person whose name gives the other gender is ruled out."""
    if said is None or actor.kind != "person":
        return True
    known = gender_of(actor.name, 0, len(actor.name))
    return known is None or known == said
