"""Who is speaking: the subject of a cue resolved to an actor.

The actor layer (``extract/actors``) has already put its mentions in
``pd.extraction.mentions``; named entities of the single pass that no mention covers are
added as unresolved references, so a name the actor data does not know still speaks.

Resolution of the subject's head word, in order:

1. a mention covering it ("Zhao Lijian", "Beijing", "Freedom House");
2. a pronoun ("he added") -> the last speaker of that kind in the paragraph (or the one
   before), else the nearest preceding person;
3. a role noun ("the spokesman", "the Cuban ambassador", "the president") -> the nearest
   preceding person named near that role word (and of that nationality when one is given);
   a government noun with a nationality ("the Cuban side", "Chinese officials") -> that
   state's government;
4. a speech noun with a possessor ("Seib's headline says") -> the possessor;
5. a document ("a CNN/ORC poll found", "an article in Politico", "the survey also
   found") -> the organisation named in it or with the same kind of document just before;
   with none, the document itself ("The ad claims …": PolNeAR's guidelines take an artifact
   that relays words as a source when its author is not named);
6. "Both" -> the two people named last; "those/voters who …" -> people; a bare quantifier
   of people ("most expect", "some say") -> the phrase;
7. a bare surname ("Humire points out") -> the earlier full name ending with it;
8. otherwise the phrase itself, unresolved ("Official government sources"), and no speaker
   at all when it is no agent ("nothing", "the tariff system").

The cue's subject itself is found in :mod:`foreigndesk.extract.claims`: past a dateline
("NEW YORK (AP) — …") and a party tag ("Kasich (R-OH)"), the name after an inverted cue, the
noun a participle describes ("voters supporting her").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from foreigndesk.extract.actor_data import FINE_SECTORS
from foreigndesk.extract.actor_names import name_pieces
from foreigndesk.extract.actors import DOCUMENT_HEADS, LESSER_TITLE_PREFIXES, TITLE_OF_WORDS
from foreigndesk.extract.claim_cues import CueLexicon
from foreigndesk.extract.event_actors import principals
from foreigndesk.extract.name_gender import (
    PRONOUN_GENDER,
    agrees,
    gender_of,
    given_names,
    name_words,
    noun_gender,
)
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.turns import addressee, turn_at
from foreigndesk.model import Actor

_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP"}  # offices of a state's bodies
_NOT_AGENT_ENTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "LAW",
                   "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"}
_QUANTIFIERS = {"half", "most", "many", "some", "few", "several", "all", "both", "none", "majority",
                "minority", "percent", "%", "third", "quarter", "fifth", "plurality", "each",
                "either", "neither", "much", "more", "less", "fewer", "one", "two", "three",
                # "a wide array of economists", "dozens of lawmakers", "the share of Republicans"
                "array", "handful", "dozen", "dozens", "hundreds", "thousands", "millions",
                "share", "proportion", "percentage"}
# nouns of people by their ending: "marketer", "narrator", "strategist", "historian",
# "attendee", "participant", "correspondent" (checked on the lemma)
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ant", "ent", "ess")
_INANIMATE_ER = {"number", "matter", "order", "border", "power", "water", "center", "centre",
                 "computer", "chapter", "disaster", "answer", "letter", "paper",
                 "cancer", "summer", "winter", "filter", "factor", "sector", "error", "corridor",
                 "monitor", "indicator", "content", "event", "element", "moment", "statement",
                 "document", "agreement", "argument", "comment", "government", "movement",
                 "percent", "amount", "payment", "treatment", "incident", "accident", "talent",
                 "tenant", "plant", "grant", "restaurant", "weather", "river", "flower", "tower",
                 "shelter", "theater", "theatre", "headquarter", "headquarters", "prayer",
                 "mirror", "terror", "horror", "behavior", "behaviour", "honor", "honour",
                 "favor", "favour", "labor", "labour", "rumor", "rumour", "humor", "vigor",
                 "success", "process", "progress", "address", "access", "business", "press",
                 "congress", "fitness", "awareness", "weakness", "illness", "chamber", "trigger",
                 "user", "cluster", "register", "poster", "banner", "quarter", "dinner",
                 "lawsuit", "corner", "manner", "layer"}
_FRACTIONS = {"fourth", "fifth", "sixth", "eighth", "tenth", "third", "quarter"}  # "three-fourths say"
_MISTAKEN_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
# a name after a closing quotation mark that the small model tags as a title or a product
_MISREAD_ENTS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
_SOMEONE = {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "no one", "nobody"}
_THOSE = {"those"}  # "those surveyed", "those who voted" (a pronoun alone is no one)
_FIRST_PERSON_WORDS = {"i", "me", "my", "we", "us", "our", "myself", "ourselves"}
_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}
_RELATIVE = {"who", "which", "that"}
_PRONOUN_WORDS = _FIRST_PERSON_WORDS | {"he", "she", "him", "her", "it", "they", "them", "you", "its",
                                        "their", "his"}  # a mention that stands for its actor's name
_SENTENCE_WORDS = {"it", "this", "that", "there", "nothing", "something", "everything", "q",
                   "you", "these", "those", "one"}  # "You know times have changed": no one named
_CORE_DEPS = {"compound", "flat", "nmod", "amod", "det", "poss", "case", "punct", "nummod", "quantmod"}
BACK_SENTENCES = 6  # how far back a pronoun looks for its antecedent …
BACK_PARAGRAPHS = 2  # … news paragraphs are often one sentence long
FAR_SENTENCES = 15  # "he"/"she" with no one in that window: a person of that gender this far back
_INDEFINITE = {"a", "an", "another", "one", "some", "several", "many", "two", "three"}  # a new referent
ROLE_WINDOW = 60  # characters around a name where a nationality word may stand
TITLE_BEFORE = 45  # "Cuba's ambassador to China, Carlos Pereira", "spokesman Zhao Lijian"
TITLE_AFTER = 50
HOME_DEFAULT = "USA"  # "Joseph Humire, executive director of …"


_TITLE_LINKS = {"to", "of", "the", "for", "at", "in", "on"}


def titled(text_low: str, start: int, end: int, role: str, text: str = "") -> bool:
    """Is the person named at [start, end) given the role ``role`` right beside the name:
    a title or a noun phrase just before it, or an apposition just after it?"""
    rx = re.compile(r"\b" + re.escape(role) + r"\b")
    before = text_low[max(0, start - TITLE_BEFORE):start]
    found = list(rx.finditer(before))
    m = found[-1] if found else None
    if m is not None and before[:m.start()].split()[-1:] and \
            before[:m.start()].split()[-1] in LESSER_TITLE_PREFIXES:
        m = None  # "Deputy Prime Minister Nick Clegg" is not "the Prime Minister"
    if m is not None and not re.search(r"[.;:!?\n]|\band\b", before[m.end():]):
        # only a title's own words between ("ambassador to China, Carlos Pereira"), not a
        # clause ("Secretary Blinken met Wang Yi")
        between = re.findall(r"[\w'’-]+", text[max(0, start - TITLE_BEFORE) + m.end():start]) if text else []
        if all(w[:1].isupper() or w in _TITLE_LINKS for w in between):
            return True
    after = text_low[end:end + TITLE_AFTER]
    if after.startswith(","):
        m2 = rx.search(after)
        if m2 is not None and not re.search(r"[.;:!?\n]", after[:m2.start()]):
            return True
    return False


def _role_in(words: list[str], role: str) -> bool:
    """Is the one-word ``role`` among ``words`` (a mention's own words, "Secretary Blinken"),
    not as part of a lesser office ("Vice President Joe Biden" is no "president")?"""
    return any(w == role and (k == 0 or words[k - 1] not in LESSER_TITLE_PREFIXES)
               for k, w in enumerate(words))


@dataclass
class Ref:
    """A reference to an actor in the text (an actor-layer mention or a bare entity)."""

    start: int
    end: int
    text: str
    label: str
    sentence: int
    actor_id: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None

    @property
    def code(self) -> str | None:
        if self.country:
            return self.country + (self.sector or "")
        return self.sector

    @property
    def is_person(self) -> bool:
        return self.kind == "person" or (self.kind is None and self.label == "PERSON")

    @property
    def is_group(self) -> bool:
        return self.label in ("ORG", "GPE", "NORP") or self.kind in (
            "state", "government", "organisation", "igo", "group")

    @property
    def key(self) -> str:
        return self.actor_id or self.text.split()[-1].lower()


@dataclass
class Speaker:
    text: str
    actor_id: str | None = None
    code: str | None = None
    kind: str | None = None  # person | group | document | None
    via: str = "name"  # name | pronoun | role | possessor | surname | author | phrase | none
    start: int = -1
    end: int = -1
    agent: bool = True  # a person, organisation, government or state (else no speaker)
    gender: str | None = None  # "m" | "f" when known (from a pronoun it was resolved through)

    @property
    def resolved(self) -> bool:
        return self.actor_id is not None or self.via in ("name", "surname")

    @property
    def is_person(self) -> bool:
        return self.kind == "person"


def speaker_of(ref: Ref, via: str = "name") -> Speaker:
    """The speaker a reference names; a first-person mention ("I", "we" of a turn) is shown
    by the name of the actor it stands for."""
    kind = "person" if ref.is_person else ("group" if ref.is_group else None)
    named = ref.name and (via != "name" or ref.text.lower() in _FIRST_PERSON_WORDS or (
        ref.is_person and not set(name_pieces(ref.text)) & set(name_pieces(ref.name))))
    # ("The President", "the Secretary": a title the actor layer resolved is shown by the
    # person's name)
    if named and not ref.is_person and ref.text.lower() not in _PRONOUN_WORDS \
            and (_members(ref.text, ref.name) or _other_words(ref.text, ref.name)):
        # "Senate Democrats … they": the group as written, not "Democratic Party"; "the White
        # House … it said": the mention, as a name would speak, not "United States (government)"
        named = False
    code = ref.code
    if ref.kind == "state" and code and len(code) == 3:
        code += "GOV"  # "China said", "the United States is committed": a state speaks
        # through its government (as the statement events code it)
    return Speaker(ref.name if named and ref.name else ref.text, ref.actor_id, code,
                   kind, via, ref.start, ref.end)


def joint_speaker(a: Ref, b: Ref, via: str, start: int = -1, end: int = -1) -> Speaker:
    """Two references speaking together ("Joe Biden and Xi Jinping"), in text order; a group
    with no actor of its own."""
    return Speaker(f"{a.name or a.text} and {b.name or b.text}", None, None, "group", via, start, end)


def _members(text: str, name: str | None) -> bool:
    """Does a group's mention name its members in the plural ("Republicans", "Senate
    Democrats") where the actor's name is the body's ("Republican Party"), so that the
    mention, not the name, says who speaks? The mention's last word is a capitalised plural
    that is no word of the name but begins like one."""
    words = text.split()
    if not words or not name or not re.fullmatch(r"[A-Z][a-z]+s", words[-1]):
        return False
    last = words[-1].lower()
    name_low = name.lower().split()
    return last not in name_low and any(last[:5] == w[:5] for w in name_low if len(w) >= 5)


def _other_words(text: str, name: str | None) -> bool:
    """Does a body's mention share no word with the actor's name ("the White House" for
    "United States (government)", "Beijing" for "China (government)")? Capitalised
    mentions only: "officials", "the ministry" are no name."""
    words = re.findall(r"[A-Za-z][A-Za-z'’.-]+", text)
    if not name or not words or not any(w[:1].isupper() for w in words if w.lower() != "the"):
        return False
    own = {w.lower() for w in words if len(w) >= 3} - {"the"}
    return not own & {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’.-]+", name)}


def refs_of(pd: ParsedDoc) -> list[Ref]:
    """Actor-layer mentions, plus named entities that no mention covers, sorted by start."""
    refs: list[Ref] = []
    tok_starts: list[int] | None = None
    for m in pd.extraction.mentions:
        other = None
        if m.actor_kind == "person" and " " not in m.text.strip():
            tok_starts = tok_starts if tok_starts is not None else [t.idx for t in pd.doc]
            other = _other_person(pd, tok_starts, m.start, m.end, m.actor_name)
        if other is not None:  # "Ivanka Trump" is not the actor "Donald Trump"
            refs.append(Ref(other[0], other[1], pd.document.text[other[0]:other[1]], "PERSON",
                            m.sentence))
            continue
        refs.append(Ref(m.start, m.end, m.text, m.label or "", m.sentence, m.actor_id,
                        m.actor_name, m.actor_kind, m.country, m.sector))
    refs.sort(key=lambda r: r.start)
    starts = [r.start for r in refs]
    extra: list[Ref] = []
    for e in pd.ents:
        if e.label_ not in _ENT_LABELS:
            continue
        if e.label_ == "ORG" and e[-1].lower_ in DOCUMENT_HEADS:
            continue  # "Department Press Briefing": a heading, which the actor layer drops too
        if e.label_ == "ORG" and e.start > 0 and e.doc[e.start - 1].lower_ == "of" and \
                e.text.lower() in TITLE_OF_WORDS:
            continue  # "Secretary of State": a title's words, no body of its own
        k = bisect.bisect_left(starts, e.start_char)
        covered = any(refs[j].start < e.end_char and e.start_char < refs[j].end
                      for j in range(max(0, k - 2), min(len(refs), k + 2)))
        if not covered:
            text = e.text.strip()
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            extra.append(Ref(e.start_char, e.start_char + len(text), text, e.label_,
                             pd.sentence_index(e.start_char)))
    refs += extra
    refs.sort(key=lambda r: r.start)
    refs = _unlabelled_people(pd, refs)
    for r in refs:
        if r.actor_id is None and r.kind is None and r.label in _MISTAKEN_LABELS and _person_name(r.text):
            r.label = "PERSON"  # "GOP candidate Carly Fiorina" tagged ORG by the small model
    return refs


_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _official(code: str | None) -> bool:
    """Is an actor code a state's ("CUB") or one of its bodies' or an intergovernmental one's
    ("USAGOV", "IGO")? A sector alone ("BUS") or a private sector ("CHNBUS") is not."""
    if not code:
        return False
    sector = code[3:] if len(code) > 3 else (code if code in FINE_SECTORS else "")
    return sector in _STATE_SECTORS or sector == "IGO" or (not sector and len(code) == 3)


def _unlabelled_people(pd: ParsedDoc, refs: list[Ref]) -> list[Ref]:
    """``refs`` (sorted) plus the people the entity recogniser left out: a listed given name
    and a capitalised surname that no reference covers ("-Daniel Osei thinks …" in a bulleted
    round-up, where the small model tags nothing), so that the speaker is the name and a
    later "he" can stand for it."""
    text = pd.document.text
    starts = [r.start for r in refs]
    found: list[Ref] = []
    for m in _NAME_PAIR.finditer(text):
        if not _person_name(m.group(0)):
            continue
        k = bisect.bisect_left(starts, m.end())
        if any(refs[j].start < m.end() and m.start() < refs[j].end for j in range(max(0, k - 3), k)):
            continue
        found.append(Ref(m.start(), m.end(), m.group(0), "PERSON", pd.sentence_index(m.start())))
    if not found:
        return refs
    return sorted(refs + found, key=lambda r: r.start)


def _other_person(pd: ParsedDoc, starts: list[int], start: int, end: int,
                  actor_name: str | None) -> tuple[int, int] | None:
    """The span of another person's full name around a mention of a known person: a given
    name right before the surname that is not the actor's ("Ivanka Trump", "Eric Trump" where
    the actor layer gave the surname to Donald Trump), else None."""
    if not actor_name:
        return None
    k = bisect.bisect_left(starts, start)
    if k == 0 or k >= len(starts) or starts[k] != start:
        return None
    prev = pd.doc[k - 1]
    known = {w.lower().rstrip(".") for w in actor_name.split()}
    if prev.pos_ != "PROPN" or not prev.whitespace_ or not re.fullmatch(r"[A-Z][a-z]+", prev.text) \
            or prev.lower_ in known or prev.lower_ in name_words()["not_given_names"] \
            or prev.ent_type_ in ("ORG", "GPE", "NORP"):
        return None
    return prev.idx, end


_NAME_WORD = re.compile(r"[A-Z][A-Za-z'’-]*[a-z]")  # a capitalised word a name can be


def _person_name(text: str) -> bool:
    """Does ``text`` read as a person's name: a listed given name and one or two more
    capitalised words, none of them a word of an organisation's or a place's name?"""
    words = text.split()
    if not 2 <= len(words) <= 3 or words[0].lower() not in given_names():
        return False
    org_words = name_words()["organisation_words"]
    return all(_NAME_WORD.fullmatch(w) and w.lower() not in org_words
               for w in words)


def _bare_surname(text: str) -> bool:
    """Does ``text`` read as a person's name the lists do not know: one to three capitalised
    words, none of them a word of an organisation's or a place's name?"""
    words = text.split()
    org_words = name_words()["organisation_words"]
    return 1 <= len(words) <= 3 and all(
        _NAME_WORD.fullmatch(w) and w.lower() not in org_words for w in words)


# a word before a surname, with an optional nickname in quotes ("John “Tig” Tiegen", "Mr. Nefzi")
_NAME_INTRO = r"\b[A-Z][a-z]+\.?\s+(?:[“\"][^”\"]{1,15}[”\"]\s+)?"


_INTRO_CHARS = 20_000  # how far back a surname's introduction is looked for


def _introduced_as_person(text: str, surname: str, before: int) -> bool:
    """Was the surname introduced in the ``_INTRO_CHARS`` before ``before`` with a listed given
    name or a personal title ("John “Tig” Tiegen", "Mr. Nefzi")? The recogniser may still tag
    it ORG or GPE."""
    for m in re.finditer(_NAME_INTRO + re.escape(surname) + r"\b", text[max(0, before - _INTRO_CHARS):before]):
        first = m.group(0).split()[0]
        if (first.endswith(".") and first[:-1].lower() in name_words()["not_given_names"]) \
                or first.lower() in given_names():  # a title ("Mr.", "Sen.": data) or a given name
            return True
    return False


class SpeakerResolver:
    """Resolves cue subjects against the references of one document and the speakers of the
    claims found so far (``history``, in text order)."""

    def __init__(self, pd: ParsedDoc, lex: CueLexicon) -> None:
        self.pd = pd
        self.lex = lex
        self.text = pd.document.text
        self.refs = refs_of(pd)
        self.starts = [r.start for r in self.refs]
        self.history: list[tuple[int, Speaker]] = []  # (sentence, speaker)
        self.documents: list[tuple[int, Speaker]] = []  # (sentence, organisation behind a document)
        self._home: str | None = None
        self._tok_starts: list[int] | None = None
        self._surnames: dict[str, str] | None = None
        # person (actor id or surname) -> gender, from the he/she resolved to them so far;
        # None where both were ("Keyworth … he said …": no "she" takes Keyworth after that)
        self._learned: dict[str, str | None] = {}
        self.paragraph = self._paragraphs()

    def _paragraphs(self) -> list[int]:
        out: list[int] = []
        p = 0
        prev_end = 0
        for s in self.pd.sents:
            if "\n" in self.text[prev_end:s.start_char] or (out and "\n" in self.pd.sent_text(len(out) - 1)):
                p += 1
            out.append(p)
            prev_end = s.end_char
        return out

    # -- lookups ----------------------------------------------------------------------------
    def ref_at(self, start: int, end: int) -> Ref | None:
        """The reference overlapping [start, end) (the longest with an actor id first)."""
        k = bisect.bisect_right(self.starts, end)
        best: Ref | None = None
        for j in range(max(0, k - 6), k):
            r = self.refs[j]
            if r.start < end and start < r.end:
                if best is None or (r.actor_id and not best.actor_id) or (
                        bool(r.actor_id) == bool(best.actor_id) and r.end - r.start > best.end - best.start):
                    best = r
        return best

    def refs_in(self, start: int, end: int) -> list[Ref]:
        k0 = bisect.bisect_left(self.starts, start)
        out = []
        for j in range(max(0, k0 - 2), len(self.refs)):
            r = self.refs[j]
            if r.start >= end:
                break
            if r.start < end and start < r.end:
                out.append(r)
        return out

    def refs_before(self, char: int, first_sentence: int) -> list[Ref]:
        """References ending before ``char`` from ``first_sentence`` on, nearest first."""
        k = bisect.bisect_left(self.starts, char)
        out = []
        for j in range(k - 1, -1, -1):
            r = self.refs[j]
            if r.sentence < first_sentence:
                break
            if r.end <= char:
                out.append(r)
        return out

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, i: int, head: Token, base: int, exclude: tuple[int, int] | None = None) -> Speaker:
        """The speaker whose subject's head word is ``head`` (a token of the parsed sentence
        ``i``; ``base`` is the sentence's start offset). ``exclude`` is the claim's content
        span, whose names are not antecedents."""
        return self._resolve(i, head, base, exclude, depth=0)

    def _agent_phrase(self, head: Token) -> bool:
        """Is an unresolved subject an agent: a name, a role or a noun for people or bodies
        ("voters", "the campaign", "critics"), not a pronoun, a number, a date or a thing
        ("nothing", "the tariff system", "narcotics")?"""
        low, lemma = head.lower_, head.lemma_.lower()
        if head.pos_ == "NOUN" and lemma.endswith(("man", "men", "woman", "women")) \
                and lemma not in self.lex.not_man_nouns and low not in self.lex.not_man_nouns:  # "the radioman", "a newsman"
            return True
        if _aged(head):  # "the 46-year-old" (tagged a DATE): a person described by age
            return True
        if low in _SOMEONE:  # "someone in the audience said", "anyone who watched"
            return True
        if head.ent_type_ in _NOT_AGENT_ENTS or low in self.lex.pronouns or head.pos_ in ("PRON", "NUM", "DET"):
            return False
        if head.ent_type_ in _ENT_LABELS:
            return True
        if head.pos_ == "PROPN" and not head.is_sent_start or (
                head.pos_ == "PROPN" and head.tag_ == "NNP" and low not in _SENTENCE_WORDS):
            return True
        if lemma in self.lex.agent_nouns or low in self.lex.agent_nouns or lemma in self.lex.roles \
                or low in self.lex.roles or low.endswith("-old"):  # "the 46-year-old"
            return True
        if lemma not in self.lex.event_nouns and low not in self.lex.event_nouns and any(
                c.dep_ in ("compound", "amod", "nmod", "poss") and c.ent_type_ in ("NORP", "ORG", "GPE")
                for c in head.children):
            return True  # "the Latino community", "GOP candidates"
        if head.pos_ == "ADJ" and lemma in self.lex.people_adjectives and any(
                c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return True  # "the poor had decided", "the rich say": people
        # an agent suffix, not an abstract noun's ("awareness", "wariness": -ness names no one;
        # -ment may: "management", "law enforcement")
        return head.pos_ == "NOUN" and lemma not in _INANIMATE_ER and lemma.endswith(_AGENT_SUFFIXES) \
            and not lemma.endswith("ness")

    def _resolve(self, i: int, head: Token, base: int, exclude: tuple[int, int] | None,
                 depth: int) -> Speaker:
        if head.lower_ in _RELATIVE and depth < 2:
            ant = _antecedent(head)
            if ant is not None:  # "Bruce Lin, who … remembered": the noun the clause describes
                sp = self._resolve(i, ant, base, exclude, depth + 1)
                if sp.agent:  # the span marks where the subject stands, as for "he"
                    sp.start, sp.end = base + head.idx, base + head.idx + len(head.text)
                return sp
        whose_tok = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "whose"), None) \
            if depth < 2 else None
        if whose_tok is not None or (head.lower_ == "whom" and depth in (1, 2)):
            # "the League of Conservation Voters, whose political arm has endorsed …",
            # "Admiral Harris, whose task is to recommend …", "the Brujas, all of whom have
            # seen …": the noun the relative clause describes; the span is the subject phrase
            ant = _relative_head(whose_tok if whose_tok is not None else head)
            if ant is not None:
                sp = self._resolve(i, ant, base, exclude, depth + 1)
                if sp.agent:
                    l0 = base + head.left_edge.idx
                    sp.start, sp.end = min(l0, base + head.idx), base + head.idx + len(head.text)
                    if whose_tok is not None and (self.lex.role(head) == "person" or head.lemma_.lower()
                                              in self.lex.agent_nouns):
                        # "Mrs. Clinton, whose husband signed …": the husband, not she
                        return Speaker(f"{sp.text}'s {head.text}", None, None, "person", "phrase",
                                       sp.start, sp.end)
                    return sp
        if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ == "PROPN" and head.head.i < head.i \
                and any(c.dep_ == "relcl" for c in head.children) and depth < 2 \
                and head.head.ent_type_ not in ("GPE", "LOC", "FAC"):
            # "Braynard, a South Carolina native who writes fiction": the person named (not
            # "At the town hall in Ho Chi Minh City, a young woman who … asked": a place)
            return self._resolve(i, head.head, base, exclude, depth + 1)
        if depth < 2:
            second = self._second_subject(head, base)
            if second is not None:  # "co-host Mika Brzezinski asked", "the organization the
                # Anti-Defamation League denounced": the name the parser made a second subject
                sp = self._resolve(i, second, base, exclude, depth + 1)
                if sp.agent:
                    left, _ = _core(head)
                    sp.start, sp.end = min(sp.start, base + left.idx), max(sp.end, base + second.idx + len(second.text))
                    return sp
            doers = _participle_subject(head)
            if doers is not None:  # "Many Republicans clamoring for less … support": the people
                return self._resolve(i, doers, base, exclude, depth + 1)
        hs, he = base + head.idx, base + head.idx + len(head.text)
        before_dash = self._name_before_dash(head, base)
        if before_dash is not None:  # "Deborah Reynolds - Santilli's girlfriend and co-host - told"
            return before_dash
        core_l, core_r = _core(head)
        cs, ce = base + core_l.idx, base + core_r.idx + len(core_r.text)
        core_text = self.text[cs:ce]
        titled_name = self._conjoined_title_name(head, base)
        if titled_name is not None:  # "GOP presidential contender and former neurosurgeon Ben
            # Carson responded": one person described twice, the name closing the second title
            sp = speaker_of(titled_name)
            sp.start = min(sp.start, cs)
            return sp
        named = self._named_as(head, base)
        if named is not None:  # "a woman later identified as Eva Resnick-Day demanded"
            sp = speaker_of(named)
            sp.start = min(sp.start, cs)
            return sp
        if head.tag_ == "NN" and self.lex.role(head) == "organisation":
            named_body = self._named_body(head, base)
            if named_body is not None:  # "Cuba's state-run newspaper Granma said"
                return named_body
        if self.lex.role(head) == "person":
            holder = self._name_closing_portfolio(head, base)
            if holder is not None:  # "Netflix Vice President for original series Ana Ortiz said"
                return speaker_of(holder)
        ref = self.ref_at(hs, he)
        if ref is not None and not (ref.actor_id and ref.kind == "person"):
            held = self._office(head, base)  # "the National Security Adviser" as an agent mention
            if held is not None:
                return held
        if ref is not None and head.tag_ == "NN" and head.i < head.right_edge.i and depth < 2:
            appos = self._appos_ref(head, base, strict=True)
            if appos is not None and appos.start != ref.start:  # "his nephew, Omar Said, added"
                # where the actor layer took "nephew" for a generic mention: the person named
                return speaker_of(appos)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        if ref is not None and depth < 2 and head.pos_ == "NOUN" and head.tag_ == "NN" and definite \
                and self.lex.role(head) in ("organisation", "government") and ref.text[:1].islower():
            # "China's foreign ministry urged … The ministry said": the same noun said before,
            # in a name or a speaker, is what it stands for (the actor layer gave the generic
            # mention the country in focus); else "Boeing reported … The company said": the
            # organisation named before that it can stand for
            found = self._same_head(i, head.lemma_.lower(), cs, exclude)
            if found is None and self.lex.role(head) == "organisation":
                found = self._backref(i, "organisation", cs, exclude, noun=head.lemma_.lower())
            if found is not None and found.text[:1].isupper():
                found.start, found.end = cs, ce
                return found
        if depth < 2 and self.lex.role(head) == "person" and head.tag_ == "NN" and ref is not None \
                and ref.text[:1].islower():
            body = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at")
                         for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                         and self.lex.role(g) in ("organisation", "government")), None)
            if body is not None:  # "A spokesperson for the department said": the department
                # named before, through its spokesperson
                sp = self._resolve(i, body, base, exclude, depth + 1)
                if sp.agent and sp.text[:1].isupper():
                    sp.start, sp.end = cs, max(ce, sp.end)
                    return sp
        if ref is not None and not ref.actor_id and ref.label in ("GPE", "ORG", "LOC") \
                and head.pos_ == "PROPN" and _bare_surname(ref.text) and (any(
                    c.dep_ == "appos" and c.i > head.i and self.lex.role(c) == "person" for c in head.children)
                    or _introduced_as_person(self.text, ref.text, ref.start)):
            # "Nefzi, a chemistry professor, said …", "Tiegen said" after "John “Tig” Tiegen": a
            # name the recogniser took for a place or a company, which no dictionary knows,
            # described or introduced as a person, is a person
            return Speaker(ref.text, None, None, "person", "name", ref.start, ref.end)
        ministry = self._ministry(ref, head, base, cs, ce) if ref is not None else None
        if ministry is not None:  # "HAVANA (AP) — The Interior Ministry said": Cuba's
            return ministry
        if ref is not None and (ref.label != "NORP" or head.pos_ == "PROPN"):
            sp = speaker_of(ref)
            if not ref.actor_id and ref.is_person:
                linked = self._surname(i, ref.text, ref.start)
                if linked is not None:
                    return Speaker(ref.text, linked.actor_id, linked.code, "person", "name", ref.start, ref.end)
            return sp
        low = head.lower_
        if low == "you":
            to = addressee(self.pd, hs)
            if to is not None:  # "TAPPER: … you're supporting Donald Trump": the one addressed
                code = (to.country or "") + (to.sector or "") or None
                return Speaker(to.actor.name, to.actor.id, code,
                               "person" if to.actor.kind == "person" else "group", "turn", hs, he)
        pron = self.lex.pronouns.get(low) or self.lex.pronouns.get(_POSSESSIVE.get(low, ""))
        if pron == "self":
            owner = self._colon_owner(i, hs) if low in ("i", "my", "me") else None
            if owner is not None:  # "Rubio: I Still Believe …" (a headline) is Rubio's "I"
                owner.start, owner.end = hs, he
                return owner
            author = self.pd.document.author
            author = author if author and re.search(r"[^\W\d_]", author) else None  # ", ," is no one
            if author and turn_at(self.pd, hs) is not None:
                author = None  # an interview's or a transcript's "I" is whoever holds the turn
            if author and low in ("i", "we"):  # the writer's "I", and the columnist's "we" ("as
                # we learned in Iowa"): a cue outside quotation marks is the author's voice
                return Speaker(author, None, None, "person", "author", hs, he)
            return Speaker(head.text, None, None, "person" if low == "i" else "group", "pronoun", hs, he,
                           agent=False)
        if pron == "person" and depth == 0 and PRONOUN_GENDER.get(low):
            main = self._fronted_clause_subject(head, base, low)
            if main is not None:  # "Though he said …, John said …": the main clause's person
                main.start, main.end = hs, he
                return main
            first = self._conjoined_clause_subject(i, head, base, exclude, low)
            if first is not None:  # "Okafor was angry, and he said …": the first clause's person
                first.start, first.end = hs, he
                self._learn(first, PRONOUN_GENDER.get(low))
                return first
        if pron:
            found = self._backref(i, pron, hs, exclude, word=low)
            if found is not None:
                found.start, found.end = hs, he
                return found
            return Speaker(head.text, None, None, pron if pron == "person" else "group", "pronoun", hs, he,
                           agent=False)
        if low in _THOSE and depth < 2 and head.dep_ == "pobj" and head.head.lower_ == "among" \
                and head.head.head.lemma_.lower() == "be":
            member = next((c for c in head.head.head.children if c.dep_ == "nsubj"), None)
            if member is not None:  # "Naureen Jahangir, a Sanders supporter, is among those who
                # say …": she is one of them and says it
                sp = self._resolve(i, member, base, exclude, depth + 1)
                if sp.agent:
                    return sp
        described = next((c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                          and c.i == head.i + 1), None) if low in _THOSE and depth < 2 else None
        if described is not None:  # "those surveyed say", "those polled": the people asked
            return Speaker(self.text[cs:base + described.idx + len(described.text)], None, None, "group",
                           "phrase", cs, base + described.idx + len(described.text))
        who_clause = next((c for c in head.children if c.dep_ == "relcl" and c.i > head.i and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "whom") for g in c.children)),
            None) if low in _THOSE and depth < 2 else None
        if who_clause is not None:  # "those who back her opponents say": the people described
            last = who_clause.right_edge if who_clause.right_edge.i - head.i <= 10 else who_clause
            end = base + last.idx + len(last.text)
            if exclude and hs < exclude[1] and exclude[0] < end:  # "those who say <content>"
                end = base + who_clause.idx + len(who_clause.text)
            return Speaker(self.text[cs:end], None, None, "group", "phrase", cs, end)
        if low in ("another", "one") and depth == 0 and not any(
                c.dep_ in ("prep", "compound", "amod", "appos") for c in head.children):
            noun = self._elided_noun(i, hs)
            if noun == "":  # another of the things just listed
                return Speaker(head.text, None, None, None, "phrase", hs, he, agent=False)
            if noun is not None:  # "one company says …, another says …": another company
                return Speaker(f"{head.text} {noun}", None, None, "group", "phrase", hs, he)
            if low == "another" and head.dep_ == "nsubj" and head.head.lemma_.lower() in self.lex.verbs:
                # "Waters tweeted, '…' ¶ Another tweeted, '…'": one more of the people quoted
                return Speaker(head.text, None, None, "group", "phrase", hs, he)
        collective = head.lemma_.lower() in self.lex.collective_nouns and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if low in _QUANTIFIERS or head.pos_ == "NUM" or head.lemma_.lower() in _QUANTIFIERS or collective \
                or (head.lemma_.lower() in _FRACTIONS and head.tag_ == "NNS"):
            named = next((r for c in head.children if c.dep_ == "appos" and c.i > head.i
                          for r in [self.ref_at(base + c.idx, base + c.idx + len(c.text))]
                          if r is not None and r.is_person), None)
            if named is not None:  # "One of the men, Jessie Elkins, 70, said": the person named
                return speaker_of(named)
            of = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "among")
                       for g in c.children if g.dep_ == "pobj"), None)
            if of is not None and depth < 2:  # "half of the voters", "most of them"
                sp = self._resolve(i, of, base, exclude, depth + 1)
                if sp.agent and not sp.resolved:  # the phrase as written: "47 percent of voters"
                    sp.text, sp.start = self.text[cs:sp.end], cs
                return sp
            # "47 percent said", "about three-quarters support": a share of the people polled,
            # a group of persons; "most" or "both" alone may be anything
            if low == "both" and depth == 0:  # "Both think …": the two people named last
                pair = self._pair(i, hs, exclude)
                if pair is not None:
                    pair.start, pair.end = hs, he
                    return pair
            people = low not in ("both", "each", "either", "neither", "much", "more", "less") \
                or head.pos_ == "NUM"  # "most expect", "some say", "all agreed": people
            end = ce
            ratio = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "out")
                          and c.i == head.i + 1), None)
            if ratio is not None and ratio.right_edge.i - ratio.i <= 3:  # "one in five say"
                end = base + ratio.right_edge.idx + len(ratio.right_edge.text)
            return Speaker(self.text[base + head.left_edge.idx:end], None, None, "group", "phrase",
                           base + head.left_edge.idx, end, agent=people)
        if head.lemma_.lower() in self.lex.document_nouns and depth < 2:
            # "a CNN/ORC poll found", "the FEC records show", "a survey by Gallup": the
            # organisation behind the document, else no speaker
            # not a date naming the document ("a June poll", "Monday night's results", "A Feb. 1
            # letter from the American Legion": the organisation, if any, is further on)
            org = next((c for c in head.children if c.dep_ in ("compound", "poss", "nmod")
                        and c.ent_type_ not in _NOT_AGENT_ENTS
                        and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"))), None)
            prev = head.doc[head.i - 1] if head.i > head.sent.start else None
            if org is None and prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ == "ORG" \
                    and prev.dep_ not in ("compound", "poss", "nmod"):
                # "A University of New Hampshire poll shows": the organisation's name right before
                # the document, which the parser made a subject of its own (the whole name, not
                # the state inside it)
                ent = next((e for e in head.doc.ents if e.start <= prev.i < e.end and e.label_ == "ORG"), None)
                if ent is not None and ent.end == head.i:
                    e0, e1 = base + ent.start_char, base + ent.end_char
                    whole = next((r for r in self.refs_in(e0, e1) if r.start == e0 and r.end == e1), None)
                    sp = speaker_of(whole, "possessor") if whole is not None else \
                        Speaker(ent.text, None, None, "group", "possessor", e0, e1)
                    self.documents.append((i, sp))
                    return sp
            if org is None:
                org = next((g for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                            for g in c.children if g.dep_ == "pobj"
                            and (g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "PERSON", "GPE"))), None)
            if org is None:  # "a court document filed by state attorney Dave Aronberg", "a letter
                # signed by 40 senators", "a statement issued by the embassy": the agent of the
                # participle on the document (data ``issuing_participles``: not "obtained by
                # The Buffalo News") when it is an agent
                org = next((g for a in head.children if a.dep_ == "acl" and a.tag_ == "VBN"
                            and a.lemma_.lower() in self.lex.issuing_participles
                            for c in a.children if c.dep_ == "agent"
                            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in _NOT_AGENT_ENTS
                            and self._resolve(i, g, base, exclude, depth + 1).agent), None)
            if org is None:  # "an interview his brother Alastair Osman gave to ITV", "a letter 40
                # senators signed": the subject of a relative clause that issues the document
                org = next((g for a in head.children if a.dep_ == "relcl" and a.i > head.i
                            and a.lemma_.lower() in self.lex.issuing_participles
                            for g in a.children if g.dep_ == "nsubj" and g.lower_ not in _RELATIVE
                            and g.ent_type_ not in _NOT_AGENT_ENTS
                            and self._resolve(i, g, base, exclude, depth + 1).agent), None)
            if org is None:  # "exit polls conducted for The Associated Press", "an article in Politico"
                # (not "a statement obtained by The Buffalo News": who holds it did not write it)
                org = next((t for t in head.subtree if t.i > head.i and t.pos_ == "PROPN"
                            and not self._held_by(t, head) and (
                    t.ent_type_ == "ORG" or (t.head.dep_ == "prep" and t.head.lower_ in ("in", "by", "from")
                                             and t.head.head.i == head.i
                                             and t.ent_type_ not in _NOT_AGENT_ENTS))), None)
            if org is None:  # "early results of the exit poll by Edison": the document inside
                inner = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children if g.dep_ == "pobj"
                              and g.lemma_.lower() in self.lex.document_nouns), None)
                if inner is not None:
                    sp = self._resolve(i, inner, base, exclude, depth + 1)
                    if sp.agent:
                        return sp
            if org is None:  # "his plan", "her medical records", "the campaign's statement"
                org = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ not in _NOT_AGENT_ENTS
                            and (c.pos_ == "PRON" or c.pos_ == "NOUN")), None)
            if org is not None:
                sp = self._resolve(i, org, base, exclude, depth + 1)
                sp.via = "possessor" if sp.via == "name" else sp.via
                if sp.agent:
                    self.documents.append((i, sp))
                    if org.pos_ in ("PRON", "NOUN"):  # the span is the document phrase
                        sp.start, sp.end = base + head.left_edge.idx, ce
                    elif sp.start >= 0:  # (a speaker with no span keeps none)
                        # "The poll, released by the Public Policy Institute, showed": the span
                        # covers the subject, the document, as well as its author's name
                        sp.start, sp.end = min(sp.start, cs), max(sp.end, ce)
                    return sp
                if org.pos_ == "PROPN":  # "The Q poll also finds": a name that is no agent (a
                    # question label) leaves the document as the unknown speaker's words
                    return Speaker(core_text, None, None, "document", "document", cs, ce, agent=False)
                return sp
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                           for c in head.children)
            if definite:  # "The survey also found": the document named just before
                for si, sp in reversed(self.documents):
                    if si < i - BACK_SENTENCES * 2:
                        break
                    return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "possessor", cs, ce)
                issued = self._issuer(i, head.lemma_.lower(), cs)
                if issued is not None:  # "X released a new ad … The ad claims …"
                    issued.start, issued.end = cs, ce
                    return issued
            # no organisation behind it ("The ad claims …", "A leaked memo warns …"): PolNeAR's
            # guidelines take such an artifact as the source, but a speaker here is an agent
            # (a person, organisation, government or state; issue 9), so the speaker is unknown
            return Speaker(core_text, None, None, "document", "document", cs, ce, agent=False)
        role = self.lex.role(head)
        if role:
            appos = self._appos_ref(head, base)
            if appos is not None:
                return speaker_of(appos)
            nat = self._nationality(head, base)
            plural = head.tag_ in ("NNS", "NNPS")
            definite = any(c.dep_ in ("det", "poss") and c.lower_ not in _INDEFINITE for c in head.children)
            indefinite = any((c.dep_ == "det" and c.lower_ in _INDEFINITE) or (c.dep_ == "nummod" and not definite)
                             for c in head.children)
            # ("One California delegate said", "one senior administration official", "Eleven
            # progressive organizations": a number introduces new people, no one named before,
            # unlike "the two ministries"; so do bare plural organisations: "Progressive groups say")
            if role == "organisation" and plural and not definite:
                indefinite = True
            if role == "person" and not plural and not indefinite:
                found = self._role_person(i, head.lower_ if not plural else head.lemma_.lower(), nat, cs,
                                          exclude)
                if found is not None:
                    found.start, found.end = cs, ce
                    return found
                held = self._office(head, base)
                if held is not None:
                    return held
            if nat and nat[0]:
                return self.government(nat[0], core_text, cs, ce)
            if role in ("government", "organisation") and not indefinite:
                found = self._backref(i, "organisation" if role == "organisation" else "government", cs, exclude,
                                      noun=head.lemma_.lower() if role == "organisation" else "")
                if found is not None:
                    found.start, found.end = cs, ce
                    return found
            if plural and role == "person":
                pair = self._two_countries(head, cs)
                if pair is not None:
                    pair.start, pair.end = cs, ce
                    return pair
            kind = "person" if role == "person" and not plural else "group"
            return Speaker(core_text, None, None, kind, "role", cs, ce)
        abstract = head.pos_ == "NOUN" and head.lemma_.lower().endswith(("ment", "ness")) and any(
            c.dep_ == "poss" for c in head.children)  # "her advisers' wariness", "his assessment"
        if (head.lemma_.lower() in self.lex.speech_nouns or low in self.lex.speech_nouns or abstract) \
                and depth < 2:
            # "Starr's remarks suggested", "the senator's comments suggested", "his testimony
            # shows": the one whose words they are
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            if poss is not None and (poss.pos_ in ("PROPN", "NOUN") or poss.lower_ in _POSSESSIVE):
                sp = self._resolve(i, poss, base, exclude, depth + 1)
                sp.via = "possessor" if sp.via == "name" else sp.via
                return sp
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "those", "these", "that", "this")
                           for c in head.children)
            if poss is None and definite and head.tag_ == "NNS":
                # "''…,'' Mr. Manafort said. The remarks suggest …": the words of the one who
                # spoke last, in this sentence or the two before
                for si, sp in reversed(self.history):
                    if si < i - 2:
                        break
                    if sp.via != "author":
                        return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "possessor", cs, ce)
        if head.pos_ == "PROPN" or head.text[:1].isupper():
            appos = self._appos_ref(head, base) if head.i < head.right_edge.i else None
            if appos is not None:  # "Speaker of the House Paul Ryan"
                return speaker_of(appos)
            linked = self._surname(i, core_text, cs)
            if linked is not None:
                return Speaker(core_text, linked.actor_id, linked.code, "person" if linked.is_person else "group",
                               "surname", cs, ce)
            if ref is not None:
                return speaker_of(ref)
            if head.ent_type_ in _MISREAD_ENTS:
                name = self._misread_person(head, core_text)
                if name is not None:  # "Twitter's Adam Sharp": Adam Sharp
                    return Speaker(name, None, None, "person", "name", ce - len(name), ce)
            bullet = len(core_text) - len(core_text.lstrip("-–—•*"))  # a list's "-Matthew Yglesias thinks"
            # (a capitalised function word the parser made the subject is no name: "Of Carson,
            # Levine … said")
            # a name no list knows, set as a person's is ("Nefzi, a chemistry professor, said …
            # He said …"): a person, so that a later "he" or "she" can stand for it
            name_kind = "person" if head.ent_type_ in ("", "PERSON") and _bare_surname(core_text[bullet:]) \
                else None
            return Speaker(core_text[bullet:], None, None, name_kind, "name", cs + bullet, ce,
                           agent=head.ent_type_ not in _NOT_AGENT_ENTS and low not in _SENTENCE_WORDS
                           and head.pos_ not in ("ADP", "SCONJ", "CCONJ", "DET", "PART"))
        if ref is not None:  # a nationality word as the subject ("the Chinese say")
            return Speaker(core_text, None, None, "group", "phrase", cs, ce)
        appos = self._appos_ref(head, base) if head.i < head.right_edge.i else None
        if appos is not None:  # "his nephew, Omar Said, added": the person named in apposition
            return speaker_of(appos)
        who = head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in ("who", "whom")
                                              for g in c.children) for c in head.children)
        # "radicals who wanted …": whoever "who" stands for is a person
        agent = who or self._agent_phrase(head)
        if agent and head.pos_ == "ADJ":  # "the poor": the article makes the adjective people
            cs = min(cs, base + head.left_edge.idx)
            return Speaker(self.text[cs:ce], None, None, "group", "phrase", cs, ce)
        return Speaker(core_text, None, None, "group" if who and head.tag_ == "NNS" else None, "phrase",
                       cs, ce, agent=agent)

    def _fronted_clause_subject(self, pron: Token, base: int, word: str) -> Speaker | None:
        """The person a he/she subject of a fronted subordinate clause stands for ("Hours after
        he said …, Mayor Tom Alvarez announced …", "Though he said …, John said …"): the named
        subject of the main clause when it agrees in gender; else None."""
        verb = pron.head
        if pron.dep_ != "nsubj" or verb.dep_ != "advcl" or verb.i > verb.head.i or pron.i > verb.i:
            return None
        mark = next((c for c in verb.children if c.dep_ in ("mark", "advmod") and c.i < pron.i), None)
        if mark is None:  # a subordinator: "after", "before", "when", "while", "though"
            return None
        sent = verb.sent
        lead = [t for t in sent if t.i < verb.left_edge.i and not t.is_punct and not t.is_space]
        if len(lead) > 2:  # the clause opens the sentence ("But even before he said …")
            return None
        main = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i > verb.i), None)
        if main is None or main.pos_ != "PROPN":
            return None
        ref = self.ref_at(base + main.idx, base + main.idx + len(main.text))
        if ref is None or not ref.is_person:
            return None
        if not agrees(word, self._ref_gender(ref)):
            return None
        sp = speaker_of(ref, "pronoun")
        sp.gender = PRONOUN_GENDER.get(word)
        return sp

    def _name_before_dash(self, head: Token, base: int) -> Speaker | None:
        """A person named before a spaced dash that the parser hung, with an aside after the
        dash, on the aside's noun ("Deborah Jordan Reynolds - Santilli's girlfriend … -
        told"): that person; None when no person is named there (a dateline's place)."""
        doc = head.doc
        if head.lower_ in _QUANTIFIERS or head.pos_ == "NUM" or any(c.dep_ == "nummod" for c in head.children):
            return None  # "… than Mr. Trump - 60 percent of voters said …": new people, no aside
        dash = next((k for k in range(head.left_edge.i, head.i) if doc[k].text in ("-", "--", "—", "–")
                     and doc[k].whitespace_ and k > 0 and doc[k - 1].whitespace_), None)
        if dash is None or dash == head.left_edge.i:
            return None
        ref = self.ref_at(base + doc[dash - 1].idx, base + doc[dash - 1].idx + len(doc[dash - 1].text))
        if ref is None or not ref.is_person or ref.start < base + head.left_edge.idx:
            return None
        cut = base + doc[dash].idx
        if ref.end <= cut:
            return speaker_of(ref)
        # the tagger's name ran over the dash ("Deborah Jordan Reynolds - Santilli"): the words
        # before it
        name = self.text[ref.start:cut].strip()
        return Speaker(name, None, None, "person", "name", ref.start, ref.start + len(name))

    def _conjoined_clause_subject(self, i: int, pron: Token, base: int, exclude: tuple[int, int] | None,
                                  word: str) -> Speaker | None:
        """The person a he/she subject of a clause joined by "and"/"but" to a clause before it
        stands for ("Okafor was angry, and he said …", "Nwosu was firm, but he told …"): that
        clause's subject, a name (the small model does not always tag a surname said again),
        when it is a person who agrees in gender; else None."""
        verb = pron.head
        if pron.dep_ != "nsubj" or verb.dep_ != "conj" or verb.head.i > verb.i:
            return None
        if not any(c.dep_ == "cc" and c.i < pron.i and c.lower_ in ("and", "but") for c in verb.head.children):
            return None
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.head.i), None)
        if subj is None or subj.pos_ != "PROPN":
            return None
        sp = self._resolve(i, subj, base, exclude, 1)
        if not sp.is_person and sp.via == "name" and len(sp.text.split()) == 1:
            # a surname said again that the small model took for an organisation
            linked = self._surname(i, sp.text, base + subj.idx)
            sp = speaker_of(linked) if linked is not None and linked.is_person else sp
        if not sp.agent or not sp.is_person or not agrees(word, self._speaker_gender(sp)):
            return None
        return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "pronoun", gender=PRONOUN_GENDER.get(word))

    def _misread_person(self, head: Token, core_text: str) -> str | None:
        """The name of a person a subject the small model tagged a work of art or a product
        stands for (a name right after a closing quotation mark: "…,” Twitter's Adam Sharp
        said", "…,” Will Estrada, the chairman, said", "…,” his friend Mahamat Saleh Oumar
        told"; a list's "-Matthew Yglesias thinks"): the words after a possessor or after a
        noun for a person (a role or an agent noun) when they read as a person's name, or the
        name when an apposition names a person's role or an agent noun; else None."""
        name = re.split(r"['’]s\s+", core_text)[-1].lstrip("-–—•* ")
        if _person_name(name):
            return name
        words = name.split()
        k = max((j for j, w in enumerate(words) if w.lower() in self.lex.agent_nouns
                 or w.lower() in self.lex.roles), default=-1)
        if 0 <= k < len(words) - 1 and 2 <= len(words) - k - 1 <= 4 and all(
                _NAME_WORD.fullmatch(w) for w in words[k + 1:]):
            return " ".join(words[k + 1:])  # "his friend Mahamat Saleh Oumar"
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN" and (
                    self.lex.role(c) == "person" or c.lemma_.lower() in self.lex.agent_nouns):
                return name
        return None

    def _second_subject(self, head: Token, base: int) -> Token | None:
        """A name the parser made a second subject of the cue right after the subject's
        description ("co-host Mika Brzezinski asked", "Ex-senator Tom Harkin said", "the
        civil rights organization the Anti-Defamation League denounced", "news affiliate ABC
        7 is reporting"): that name's head, when only the name's own words, an article or a
        hyphen stand between; else None."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        prefix = not head.whitespace_ and head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == "-"
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and prefix):  # "Ex-senator", tagged a name
            return None
        verb = head.head
        for c in verb.children:
            if not (head.i < c.i < verb.i and c.dep_ == head.dep_ and c.pos_ == "PROPN"):
                continue
            if head.ent_type_ or c.left_edge.i <= head.i or any(
                    head.doc[k].lower_ not in ("-", "the") for k in range(head.i + 1, c.left_edge.i)):
                return None  # ("Gov. Martin O'Malley and Gov. Mike Huckabee": two people)
            r = self.ref_at(base + c.idx, base + c.idx + len(c.text))
            if r is not None and (r.is_person or r.label == "ORG" or r.kind in ("organisation", "igo", "group")):
                return c
            return None
        return None

    def _conjoined_title_name(self, head: Token, base: int) -> Ref | None:
        """The person named after two titles joined by "and" ("GOP presidential contender and
        former neurosurgeon Ben Carson", "Democratic senator and former governor Maria
        Lopez"): a singular title or agent noun with no article whose conjunct is a person's
        name with a title of its own before it; None otherwise ("The senator and John Doe"
        are two people)."""
        if head.pos_ != "NOUN" or head.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in head.children):
            return None
        if head.i + 1 >= len(head.doc) or head.doc[head.i + 1].lower_ != "and" or head.ent_type_:
            return None  # ("Former Maryland Gov. Martin O'Malley (D) and former Arkansas Gov. Mike
            # Huckabee": two people, each named)
        if not (self.lex.role(head) or head.lemma_.lower() in self.lex.agent_nouns):
            return None
        conj = [c for c in head.children if c.dep_ == "conj"]
        if len(conj) != 1 or conj[0].pos_ != "PROPN" or not any(
                c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
            return None
        name = conj[0]
        if not any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and c.i < name.i and (
                self.lex.role(c) or c.lemma_.lower() in self.lex.agent_nouns) for c in name.children):
            return None
        r = self.ref_at(base + name.idx, base + name.idx + len(name.text))
        return r if r is not None and r.is_person else None

    def _colon_owner(self, i: int, char: int) -> Speaker | None:
        """The person a "Name: …" line gives its words to, when ``char`` (a first-person
        pronoun) stands after the colon ("Cruz: Trump Would Put Liberals On Court, ‘I Fear …’")."""
        sent = self.pd.sents[i]
        m = re.match(r"\s*((?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*)\s*:\s", self.text[sent.start_char:char])
        if m is None:
            return None
        s0, s1 = sent.start_char + m.start(1), sent.start_char + m.end(1)
        person = next((r for r in self.refs_in(s0, s1) if r.is_person), None)
        if person is None:  # "Hale:" before the article names "Paul Hale"
            last = m.group(1).split()[-1]
            person = next((r for r in self.refs if r.start > s1 and r.is_person
                           and r.text.split()[-1] == last and len(r.text.split()) > 1), None)
            return speaker_of(person, "role") if person is not None else None
        linked = self._surname(i, person.text, person.start) if not person.actor_id else None
        return speaker_of(linked or person, "role")

    def _held_by(self, t: Token, document: Token) -> bool:
        """Does ``t`` hang on ``document`` through a participle that does not make its agent
        the author ("obtained by", "seen by", "cited by": data ``issuing_participles`` lists
        the ones that do), or inside what the document says ("a new poll showing Trump's
        standing", "a memo that says Congress …": a name there is no author)?"""
        a = t.head
        while a.i != document.i and a.head.i != a.i:
            if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() not in self.lex.issuing_participles:
                return True
            if (a.dep_ == "acl" and a.tag_ == "VBG") or a.dep_ == "relcl":
                return True
            a = a.head
        return False

    def _issuer(self, i: int, noun: str, char: int) -> Speaker | None:
        """Who issued the document a definite noun ("the statement", "the ad") refers back
        to: in the nearest of the sentences before (up to :data:`BACK_SENTENCES`, this one
        included) that names such a document ("Sanders is releasing a new ad", "X said in a
        statement"), the person or organisation named before that word there (the nearest
        one); None when no sentence names the document or none names an agent before it."""
        rx = re.compile(r"\b" + re.escape(noun) + r"s?\b", re.I)
        for k in range(i, max(-1, i - BACK_SENTENCES - 1), -1):
            sent = self.pd.sents[k]
            stop = min(sent.end_char, char) if k == i else sent.end_char
            found = [m for m in rx.finditer(self.text, sent.start_char, stop)]
            if not found:
                continue
            at = found[-1].start()
            cands = [r for r in self.refs_before(at, k) if r.sentence == k and (r.is_person or r.label == "ORG"
                                                                            or r.kind in ("organisation", "government", "state"))]
            if cands:
                return speaker_of(cands[0], "possessor")
            return None
        return None

    def _two_countries(self, head: Token, char: int) -> Speaker | None:
        """ "The two leaders affirmed …", "both presidents": the last two persons of two
        countries named before (in a readout, its two principals), spoken for together."""
        if not any((c.dep_ == "nummod" and c.lower_ == "two") or c.lower_ == "both"
                   for c in head.children):
            # "The leaders affirmed …" in a readout of two principals: the two of them
            if head.lemma_.lower() != "leader" or not any(
                    c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                return None
            main = principals(self.pd)
            if len(main) != 2:
                return None
            a0, b0 = sorted(main, key=lambda m: m.start)
            return Speaker(f"{a0.actor_name or a0.text} and {b0.actor_name or b0.text}", None,
                           None, "group", "pair")
        people: list[Ref] = []
        for r in self.refs_before(char, 0):
            if r.is_person and r.actor_id and r.country and \
                    all(r.country != o.country for o in people):
                people.append(r)
                if len(people) == 2:
                    break
        if len(people) < 2:
            return None
        a, b = people[1], people[0]  # in the order the text named them
        return joint_speaker(a, b, "pair")

    def _office(self, head: Token, base: int) -> Speaker | None:
        """The holder, at the document's date, of the office a title names ("the National
        Security Adviser", "the President", "Cuba's foreign minister", "the Secretary of
        State"), from the dated offices of the leaders data; None when the title names no
        office there, the date is unknown, or several people hold it at once."""
        date = self.pd.document.published
        if not date or head.tag_ in ("NNS", "NNPS"):
            return None
        left, _ = _core(head)
        doc = head.doc
        lead = [t.lower_ for t in doc[min(left.i, head.left_edge.i): head.i + 1]]
        former = any(w in self.lex.left_office or w.split("-")[0] in self.lex.left_office for w in lead)
        if not former and any(w in self.lex.out_of_office or w.split("-")[0] in self.lex.out_of_office
                              for w in lead):
            return None  # "the then-president", "the incoming adviser": not the holder now
        first = doc[min(left.i, head.left_edge.i)]
        if any((r.kind == "organisation" and r.sector not in _STATE_SECTORS) or r.kind == "igo"
               for r in self.refs_in(base + first.idx, base + head.idx)):
            return None  # "Sirius XM Vice President …", "Google's president", "the World Bank
            # president": a company's or an intergovernmental body's office
        if any(c.dep_ == "prep" and c.lower_ == "for" and c.i == head.i + 1 for c in head.children):
            return None  # "vice president for communications": a portfolio, not the state's office
        if any(t.dep_ == "poss" and not self._state_possessor(t, base) for t in doc[first.i:head.i]):
            return None  # "the league's president", "Apple's vice president": that body's office
        words = [t.lower_ for t in head.doc[left.i: head.i + 1] if not t.is_punct and t.dep_ != "poss"
                 and t.tag_ != "POS"]
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
        if of is not None:
            words += [t.lower_ for t in of.subtree if not t.is_punct]
        role = None
        for k in range(len(words)):
            role = self.lex.offices.get(" ".join(words[k:]))
            if role:
                break
        if role is None:
            return None
        if any(t.dep_ == "compound" and t.tag_ in ("NN", "NNS") and t.lower_ not in words[k:]
               for t in doc[first.i:head.i]):
            return None  # "the club president", "the student body president": no state's office
        nat = self._nationality(head, base)
        country = nat[0] if nat and nat[0] else self.home_country()
        if country is None:
            return None
        from foreigndesk.extract.actor_data import held_on, load_index

        ix = load_index()
        day = date if len(date) == 10 else None
        if day is None:
            return None
        cs = base + left.idx
        ce = base + head.idx + len(head.text)
        if former:
            # "the former president" is someone named before who left that office before the
            # document's date ("Clinton's husband, Bill Clinton, … But the former president
            # showed restraint"); never a holder the text does not name
            left_office = {pid for _frm, to, pid in ix.role_holders().get((country, role), [])
                           if to and to[:10] < day}
            earlier = next((r for r in self.refs_before(cs, 0) if r.actor_id in left_office), None)
            if earlier is None or earlier.actor_id is None:
                return None
            was = ix.actors.get(earlier.actor_id)
            if was is None:
                return None
            return Speaker(was.name, was.id, (was.country or "") + "GOV", "person", "role", cs, ce)
        held = [pid for frm, to, pid in ix.role_holders().get((country, role), [])
                if held_on(frm, to, day)]
        # "the prime minister" of an American text is no president, "the president" of a
        # British one no queen: the holder's own title must fit the words
        held = [pid for pid in held if ix.title_fits(" ".join(words[k:]), pid, country, role, day)]
        if len(set(held)) != 1:
            return None
        actor = ix.actors.get(held[0])
        if actor is None:
            return None
        self.pd.extraction.actors.setdefault(actor.id, actor)
        return Speaker(actor.name, actor.id, (actor.country or "") + "GOV", "person", "role", cs, ce)

    def _ministry(self, ref: Ref, head: Token, base: int, cs: int, ce: int) -> Speaker | None:
        """A ministry named with no country ("The Interior Ministry said", "The Health Ministry
        reported"), which no dictionary places: the government of the country its words name
        ("the Cuban Foreign Ministry"), else of the document's country (its dateline, address
        or most named state); None when the text names no state at all."""
        if ref.country or not ref.text.lower().rstrip().endswith(("ministry", "ministries")) \
                or (ref.actor_id and ref.sector != "GOV"):
            return None
        nat = self._nationality(head, base)
        country = nat[0] if nat and nat[0] else self.home_country()
        if country is None or not any(m.country == country for m in self.pd.extraction.mentions):
            return None  # (the default home of a text that names no state is a guess)
        return self.government(country, re.sub(r"^(?i:the)\s+", "", ref.text), cs, ce)

    def _state_possessor(self, t: Token, base: int) -> bool:
        """Can the possessor ``t`` before a title own a state's office: a state noun ("the
        country's", data ``state_possessors``), a possessive pronoun, a place, a nationality or
        a person ("Cuba's", "Obama's"), or a state or one of its bodies the actor layer knows?"""
        if t.tag_ in ("NN", "NNS"):
            return t.lemma_.lower() in self.lex.state_possessors
        if t.tag_ not in ("NNP", "NNPS") or t.ent_type_ in ("GPE", "NORP", "PERSON"):
            return True
        r = self.ref_at(base + t.idx, base + t.idx + len(t.text))
        return r is not None and (r.kind in ("state", "government", "person") or r.sector in _STATE_SECTORS)

    def home_country(self) -> str | None:
        """The state whose officials write or speak in the document (its address or outlet,
        :func:`foreigndesk.extract.turns.document_country`), else the one it is mostly about:
        the country of most of its state and government mentions (once per document); :data:`HOME_DEFAULT` when it names none
        (an English text that says "the President" and no country is most often American)."""
        if self._home is None:
            from collections import Counter

            from foreigndesk.extract.turns import document_country

            votes: Counter[str] = Counter(m.country for m in self.pd.extraction.mentions
                                          if m.country and (m.sector == "GOV" or m.actor_kind == "state"))
            self._home = document_country(self.pd) or (votes.most_common(1)[0][0] if votes else HOME_DEFAULT)
        return self._home or None

    def government(self, country: str, text: str, start: int, end: int) -> Speaker:
        """The government of ``country`` (an actor id like "CUBGOV", added to the document's
        actors when the actor layer has not already)."""
        actors = self.pd.extraction.actors
        found = next((a for a in actors.values() if a.country == country and a.sector == "GOV"
                      and a.kind in ("government", "state")), None)
        if found is None:
            aid = f"{country}GOV"
            found = actors.get(aid)
            if found is None:  # the one name the actor layer gives it ("Cuba (government)")
                from foreigndesk.extract.actor_data import load_index
                from foreigndesk.extract.actors import sector_actor

                state = actors.get(country) or load_index().actor(country)
                found = (sector_actor(state, "GOV") if state is not None
                         else Actor(aid, f"{country} (government)", "government", country, "GOV"))
                actors[aid] = found
        return Speaker(text, found.id, found.code, "group", "role", start, end)

    def _named_as(self, head: Token, base: int) -> Ref | None:
        """The person a common noun introduces by name through a naming verb (data
        ``naming_verbs``): "a man named John Baker told", "a woman later identified as Eva
        Resnick-Day, …, demanded" (the parser made the participle the sentence's verb and the
        cue its conjunct), "a protester identified by police as Ana Ruiz said"; else None."""
        if head.pos_ != "NOUN" or head.tag_ != "NN":
            return None
        verbs = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.tag_ == "VBN" and head.head.i > head.i:
            verbs.append(head.head)
        doc = head.doc
        for v in verbs:
            if v.lemma_.lower() not in self.lex.naming_verbs:
                continue
            names = [c for c in v.children if c.dep_ in ("oprd", "attr", "dobj")]
            # "identified (by police) as John Baker": the parser hangs "as" anywhere; the
            # proper nouns right after it, a few words on, are the name
            k = next((j for j in range(v.i + 1, min(v.i + 6, len(doc) - 1)) if doc[j].lower_ == "as"), None)
            if k is not None and doc[k + 1].pos_ == "PROPN":
                end = k + 1
                while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].tag_ == "HYPH"):
                    end += 1
                names.append(doc[end])
            for name in names:
                if name.pos_ != "PROPN":
                    continue
                r = self.ref_at(base + name.idx, base + name.idx + len(name.text))
                if r is not None and r.is_person:
                    return r
        return None

    def _appos_ref(self, head: Token, base: int, strict: bool = False) -> Ref | None:
        """A person named in apposition inside the subject ("The head of the investigation,
        Kenneth Piernick, said"), or closing its title ("Speaker of the House Paul Ryan");
        with ``strict``, in apposition only."""
        titled = self.lex.role(head) is not None or head.pos_ == "PROPN"
        for c in head.subtree:
            if c.i > head.i and (c.dep_ == "appos" and (not strict or c.head.i == head.i
                                                         or self._name_on_name(c, base)
                                                         or _on_place_after(c, head)) or not strict and (
                                 c.pos_ == "PROPN" and c.head.dep_ in ("pobj", "appos")
                                                      or c.dep_ == "pobj" and c.pos_ == "PROPN"
                                                      and self._member_or_title(c, head, titled))):
                on_name = self._name_on_name(c, base)
                if any(a.dep_ in ("relcl", "acl") for a in c.ancestors if a.i > head.i) and not on_name:
                    continue
                r = self.ref_at(base + c.idx, base + c.idx + len(c.text))
                if r is None and on_name:  # a name the tagger missed ("Darran Whiting")
                    n0, n1 = base + c.left_edge.idx, base + c.idx + len(c.text)
                    r = Ref(n0, n1, self.text[n0:n1], "PERSON", self.pd.sentence_index(n0))
                if r is not None and r.is_person and on_name:
                    # the span runs from the subject's noun ("One pastor … Darran Whiting")
                    return replace(r, start=min(r.start, base + _core(head)[0].idx))
                if r is not None and r.is_person and c.dep_ != "appos" and c.head.dep_ == "pobj" \
                        and r.start <= base + c.head.left_edge.idx \
                        and not self._member_or_title(c.head, head, titled):
                    continue  # "a spokesman for Hillary Clinton": the name is all the object (not
                    # "Speaker of the House Paul Ryan", a name closing the title's object)
                if r is not None and r.is_person:
                    return r
        return None

    def _name_closing_portfolio(self, head: Token, base: int) -> Ref | None:
        """The person whose name closes a title's portfolio ("Sirius XM Vice President for news
        and talk Dave Gorab", "Vice President for original series Ana Ortiz"): a run of proper
        nouns ending the subject after "for" and at least one common noun; not "a spokesman for
        Hillary Clinton", whose name is all the object. The person's reference, else None."""
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > head.i), None)
        if prep is None:
            return None
        doc, end = head.doc, head.right_edge.i
        k = end
        while k > prep.i and doc[k].pos_ == "PROPN":
            k -= 1
        if end - k < 2 or doc[k].pos_ in ("ADP", "DET") or not any(
                t.tag_ in ("NN", "NNS") for t in doc[prep.i + 1:k + 1]):
            return None  # ("an adviser for the campaign of Marco Rubio": the object of "of")
        s0, s1 = base + doc[k + 1].idx, base + doc[end].idx + len(doc[end].text)
        r = self.ref_at(s0, s1)
        if r is not None and r.is_person and r.start >= s0:
            return r
        if _person_name(self.text[s0:s1]):
            return Ref(s0, s1, self.text[s0:s1], "PERSON", self.pd.sentence_index(s0))
        return None

    def _named_body(self, head: Token, base: int) -> Speaker | None:
        """The name in apposition right after a noun for a body ("Cuba's state-run newspaper
        Granma", "the ruling party's newspaper People's Daily", "the opposition newspaper, El
        Nacional,"): the body the noun describes; else None."""
        name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                     and c.left_edge.i - head.i in (1, 2)
                     and all(t.text == "," for t in head.doc[head.i + 1:c.left_edge.i])), None)
        if name is None:
            return None
        s0, s1 = base + name.left_edge.idx, base + name.idx + len(name.text)
        cs = base + _core(head)[0].idx  # the span runs from the noun's phrase to the name
        r = self.ref_at(s0, s1)
        if r is not None and not r.is_person and r.start >= s0 and r.end <= s1:
            sp = speaker_of(r)
            sp.start, sp.end = cs, s1
            return sp
        return Speaker(self.text[s0:s1], None, None, "group", "name", cs, s1)

    @staticmethod
    def _member_or_title(name: Token, head: Token, titled: bool) -> bool:
        """Does a name after a preposition name the subject: one of a set ("Proponents like
        Mr. Eisenbrey", "critics including Paul Krugman"), the author of a work ("''The
        Trumps,'' by Gwenda Blair"), the end of a title ("the head of
        Gallup"), or the doer of the participle right after it ("the spectacle of Mr.
        Netanyahu denouncing …", "50 years of Trump's talking about …"); not a person the
        subject is related to ("a spokesman for Hillary Clinton", "aides to Mr. Sanders",
        "friends of Mr. Clinton", "the confrontation between Mr. Trump and …")?"""
        prep = name.head.lower_
        if prep in ("like", "including", "as", "by") or (titled and prep == "of"):
            return True
        k = name.i + 1
        if k < len(name.doc) and name.doc[k].text in ("'s", "’s", "'", "’"):
            k += 1
        return prep == "of" and k < len(name.doc) and name.doc[k].tag_ == "VBG" and name.doc[k].head.i == head.i

    def _name_on_name(self, c: Token, base: int) -> bool:
        """Is ``c`` a person's name the parser hung in apposition on another person's name
        inside a participle ("One pastor supporting Mr. Cruz, Darran Whiting of Liberty
        Baptist Church, said"): a name does not describe another name, so it names the
        subject."""
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.head.pos_ != "PROPN" or c.head.i > c.i:
            return False
        a = self.ref_at(base + c.head.idx, base + c.head.idx + len(c.head.text))
        b = self.ref_at(base + c.idx, base + c.idx + len(c.text))
        if b is None:  # an untagged name of two or three capitalised words
            words = [t for t in c.doc[c.left_edge.i:c.i + 1]]
            return a is not None and a.is_person and 2 <= len(words) <= 3 and not c.ent_type_ and all(
                t.pos_ == "PROPN" and re.fullmatch(r"[A-Z][a-z]+", t.text) for t in words)
        return a is not None and a.is_person and b.is_person and a.start != b.start \
            and a.text.split()[-1] != b.text.split()[-1]

    def _nationality(self, head: Token, base: int) -> tuple[str | None, str] | None:
        """(country code or None, word) of a nationality modifying ``head`` ("Cuban", "Cuba's")."""
        for c in head.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < head.i:
                r = self.ref_at(base + c.idx, base + c.idx + len(c.text))
                if r is not None and r.label in ("NORP", "GPE") or (r is not None and r.kind == "state"):
                    assert r is not None
                    return (r.country, c.text)
                if c.ent_type_ in ("NORP", "GPE"):
                    return (None, c.text)
        return None

    def _backref(self, i: int, kind: str, char: int, exclude: tuple[int, int] | None,
                 word: str = "", noun: str = "") -> Speaker | None:
        """The antecedent of a pronoun of ``kind`` (person, group, organisation, government)
        standing at ``char``: the last speaker of that kind in the paragraph (or the ones
        before), else the nearest earlier reference of that kind. "he"/"she" (``word``) skip
        persons of the other gender (:mod:`foreigndesk.extract.name_gender`); "they" takes a
        group, an organisation, two people named together ("Ruiz and Ito") or a plural noun
        for people ("economists"), never one person. ``noun`` is the head of a definite
        organisation noun ("league" of "the league"): an antecedent whose own noun is another
        ("the union") is skipped (:meth:`CueLexicon.organisation_clash`)."""
        para = self.paragraph[i]
        want = PRONOUN_GENDER.get(word)
        turn = turn_at(self.pd, char) if want else None
        holder = turn.speaker.actor.id if turn is not None and turn.speaker is not None \
            and not turn.question and char >= turn.body else None  # "MR. KIRBY: He did. He
        # said …": the one who holds the turn says "I"; his "he" is someone else
        for si, sp in reversed(self.history):
            if si < i - BACK_SENTENCES or self.paragraph[si] < para - BACK_PARAGRAPHS:
                again = self._named_again(sp, i, para) if want and kind == "person" and sp.is_person else None
                if again is None:
                    break
                si = again  # "Tiegen said … ¶ … Gadhafi … ¶ Tiegen was also troubled … ¶ '…,' he
                # wondered": a speaker named again inside the window is as near as that mention
            if sp.via == "author":  # the writer is "I"/"we", never "he" or "they" ("When I
                continue  # asked him …, he said …": he is the one asked)
            if holder is not None and sp.actor_id == holder:
                continue
            if kind == "person" and want and self._misread_speaker(sp) \
                    and not self._agreeing_after(si, char, want, exclude):
                # "Kirby said … “…,” he said": a one-word name the recogniser took for an
                # organisation, which no dictionary knows, spoke just before; "he" is its person
                return Speaker(sp.text, None, None, "person", "pronoun", gender=want)
            if kind == "person" and sp.is_person:
                if want and not agrees(word, self._speaker_gender(sp)):
                    namesake = self._namesake(sp.text, sp.actor_id, word, char)
                    if namesake is not None:  # "Bill Clinton … Clinton said … she": Hillary
                        return namesake
                    continue
                if want and self._agreeing_after(si, char, want, exclude):
                    break  # a person of that gender named since is nearer
                out = Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "pronoun", gender=want or sp.gender)
                self._learn(out, want)
                return out
            if kind != "person" and sp.kind == "group":
                if noun and not self._noun_fits(noun, sp.text, sp.code):
                    continue
                since = self._named_since(kind, si + 1, char, exclude, noun) if si < i else None
                if since is not None and not (since.actor_id and since.actor_id == sp.actor_id):
                    # "Republicans said … Senate Democrats met. They said", "the White House
                    # said … Beijing summoned the envoy. It said": a body named since is nearer
                    return since
                return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "pronoun")
        first = next((k for k in range(i, -1, -1)
                      if self.paragraph[k] < para - BACK_PARAGRAPHS or k < i - BACK_SENTENCES), -1) + 1
        if kind == "group":
            return self._plural(first, char, exclude)
        refs = self.refs_before(char, first)
        for n, r in enumerate(refs):
            if exclude and exclude[0] <= r.start < exclude[1]:
                continue
            if holder is not None and r.actor_id == holder:
                continue
            if kind == "person" and r.is_person:
                if want and not agrees(word, self._ref_gender(r)):
                    namesake = self._namesake(r.name or r.text, r.actor_id, word, char)
                    if namesake is not None:
                        return namesake
                    continue
                if r.sentence < i and want:
                    later = self._role_subject_after(i, r, char, want, exclude)
                    if later is not None:  # "Foreign Minister Wang Yi met reporters. The
                        # ambassador raised the issue with him. He said …": the ambassador
                        return later
                if r.sentence < i:
                    r = self._sentence_subject(r, refs[n + 1:], word, exclude)
                sp = speaker_of(r, "pronoun")
                sp.gender = want
                self._learn(sp, want)
                return sp
            if kind == "organisation" and not (noun and not self._noun_fits(noun, r.text, r.code)) and (
                    r.label == "ORG" or (
                    (r.sector == "GOV" or r.kind in ("government", "igo")) and r.label != "NORP"
                    and (r.text[:1].isupper() or self.text[max(0, r.start - 4):r.start].lower() == "the ")
                    and not self._modifier(r))):  # "the government", not "a crisis of leadership"
                # "the government will return …, more than it expects to collect": a body
                return speaker_of(r, "pronoun")
            if kind == "government" and (r.sector == "GOV" or r.kind in ("government", "state")):
                return speaker_of(r, "pronoun")
        if want and exclude and exclude[1] <= char:
            # "Ms. Nwanguma was shocked by the reaction, she said": the content comes before
            # the pronoun, and no one outside it is of that gender; its person of that gender
            for r in self.refs_before(char, i):
                if r.is_person and exclude[0] <= r.start < exclude[1] and self._ref_gender(r) == want:
                    sp = speaker_of(r, "pronoun")
                    sp.gender = want
                    return sp
        if want:
            described = self._described_person(i, first, char, want, exclude)
            if described is not None:
                return described
        if want:  # past the window: the last person known to be of that gender, anywhere
            # before (a profile names its subject once and says "she" for pages), else the last
            # person of no known gender within FAR_SENTENCES ("Ngozi Okonjo-Iweala arrived …"
            # four paragraphs before "She said": a name the lists do not know is compatible)
            unknown: Ref | None = None
            for r in self.refs_before(char, 0):
                if not r.is_person or (exclude and exclude[0] <= r.start < exclude[1]):
                    continue
                g = self._ref_gender(r)
                if g == want:
                    sp = speaker_of(r, "pronoun")
                    sp.gender = want
                    return sp
                if g is None and unknown is None and r.sentence >= i - FAR_SENTENCES:
                    unknown = r
            if unknown is not None:
                sp = speaker_of(unknown, "pronoun")
                sp.gender = want
                self._learn(sp, want)
                return sp
        return None

    @staticmethod
    def _misread_speaker(sp: Speaker) -> bool:
        """Is ``sp`` a one-word name of no kind and no actor that spoke ("Kirby said", tagged
        ORG by the small model)?"""
        return sp.kind in (None, "group") and sp.actor_id is None and sp.via == "name" and sp.agent \
            and len(sp.text.split()) == 1 and _bare_surname(sp.text)

    def _role_subject_after(self, i: int, named: Ref, char: int, want: str,
                            exclude: tuple[int, int] | None) -> Speaker | None:
        """The subject of a clause between the person ``named`` (in an earlier sentence) and
        the pronoun at ``char`` that is a definite title or noun for one person of a
        compatible gender ("The ambassador raised the issue with him. He said …"): the
        subject carries the discourse, and the named person is now an object. Resolved as a
        speaker would be ("the senator" is the senator named before, "the admiral" Admiral
        Harris). A description that names no one of its own counts only when its clause names
        the person as someone else ("with him") or the person was no subject where named ("…
        two bosses, the president and the defense secretary. The admiral has added …"): after
        a subject it may be an epithet of the named person ("Donald Trump spoke … The real
        estate mogul then attacked …"), and the parse cannot tell. None when there is no such
        subject.
        """
        for k, base, tok in self._person_subjects(i, named.sentence, char, want, exclude, named.end):
            definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
            if not definite or not (self.lex.one_person(tok) or (
                    tok.tag_ == "NNP" and self.lex.role(tok) == "person")):
                continue
            sp = self._resolve(k, tok, base, exclude, 2)
            if sp.actor_id and sp.actor_id == named.actor_id:
                return None  # the title is the named person's ("Sen. Smith … The senator")
            if sp.is_person and sp.agent and sp.actor_id:
                # "… the president and the defense secretary. The admiral has added …; he
                # wrote": the title names a person of its own (Admiral Harris)
                out = Speaker(sp.text, sp.actor_id, sp.code, "person", "pronoun", gender=want)
                self._learn(out, want)
                return out
            if not self._names_other(tok.head, named, want) and self._is_subject(named):
                return None
            return self._noun_speaker(tok, base, want)
        return None

    def _person_subjects(self, i: int, first: int, char: int, want: str,
                         exclude: tuple[int, int] | None, after: int = 0
                         ) -> Iterator[tuple[int, int, Token]]:
        """(sentence, its start, token) of each subject standing in [``after``, ``char``),
        outside ``exclude``, whose noun's gender does not clash with ``want``: nearest first,
        from sentence ``i`` back to ``first`` (parsed on demand)."""
        for k in range(i, first - 1, -1):
            base = self.pd.sents[k].start_char
            for tok in reversed(self.pd.parsed(k)):
                at = base + tok.idx
                if at >= char or at < after or tok.dep_ not in ("nsubj", "nsubjpass") \
                        or (exclude and exclude[0] <= at < exclude[1]):
                    continue
                g = noun_gender(tok.lemma_)
                if g is None or g == want:
                    yield k, base, tok

    def _noun_speaker(self, tok: Token, base: int, want: str) -> Speaker:
        """An unknown person named by the noun phrase of ``tok`` ("the ambassador")."""
        left, right = _core(tok)
        s0, s1 = base + left.idx, base + right.idx + len(right.text)
        return Speaker(self.text[s0:s1], None, None, "person", "pronoun", s0, s1, gender=want)

    def _is_subject(self, r: Ref) -> bool:
        """Is the reference ``r`` the subject of a clause (through its name's compounds)?"""
        base = self.pd.sents[r.sentence].start_char
        d = self.pd.parsed(r.sentence)
        tok = next((t for t in d if base + t.idx <= r.end - 1 < base + t.idx + len(t.text)), None)
        while tok is not None and tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
            tok = tok.head
        return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")

    def _names_other(self, verb: Token, named: Ref, want: str) -> bool:
        """Does the clause of ``verb`` hold the person ``named`` as someone else than its
        subject: an object pronoun of their gender ("raised the issue with him") or their name?"""
        pron = {"m": ("him",), "f": ("her",)}.get(want, ())
        last = (named.name or named.text).split()[-1:]
        return any((t.lower_ in pron and t.dep_ in ("dobj", "pobj", "dative"))
                   or (t.pos_ == "PROPN" and [t.text] == last) for t in verb.subtree)

    def _described_person(self, i: int, first: int, char: int, want: str,
                          exclude: tuple[int, int] | None) -> Speaker | None:
        """The antecedent of "he"/"she" (gender ``want``) when no named person fits in the
        window (sentences ``first`` to ``i``): the nearest subject before ``char`` that is a
        common noun for one person of a compatible gender ("A woman in the crowd shouted at the
        candidate. She said …", "The congresswoman spoke in Ohio. She said …", "One voter, a
        retired teacher, was undecided. She said …"). Earlier sentences are parsed only here,
        when a pronoun found no one else."""
        for _k, base, tok in self._person_subjects(i, first, char, want, exclude):
            if self.lex.one_person(tok):
                return self._noun_speaker(tok, base, want)
        return None

    def _same_head(self, i: int, noun: str, char: int, exclude: tuple[int, int] | None) -> Speaker | None:
        """The nearest body before ``char``, a speaker or a named reference, whose own words end
        in ``noun`` ("China's foreign ministry", "the State Department" for "the ministry", "the
        department"; a definite noun said again stands for the body named with it however far
        back), else None."""
        def ends_in(text: str) -> bool:
            words = text.lower().replace("’", "'").split()
            return bool(words) and words[-1] in (noun, noun + "s") and text[:1].isupper()

        spoke = next((sp for _, sp in reversed(self.history)
                      if sp.kind == "group" and 0 <= sp.start < char and ends_in(sp.text)), None)
        named = next((r for r in self.refs_before(char, 0) if r.is_group and ends_in(r.text)
                      and not (exclude and exclude[0] <= r.start < exclude[1])), None)
        if named is not None and (spoke is None or named.start > spoke.start):
            return speaker_of(named, "pronoun")
        if spoke is not None:
            return Speaker(spoke.text, spoke.actor_id, spoke.code, spoke.kind, "pronoun")
        return None

    def _noun_fits(self, noun: str, text: str, code: str | None) -> bool:
        """Can a definite organisation noun ("the league", "the company") stand for an
        antecedent with this text and actor code? Not when the antecedent's own noun is another
        (:meth:`CueLexicon.organisation_clash`), nor when a private body's noun (data
        ``private_organisations``) meets a state or a state's body."""
        if self.lex.organisation_clash(noun, text):
            return False
        return not (noun in self.lex.private_organisations and _official(code))

    def _sentence_subject(self, nearest: Ref, further: list[Ref], word: str,
                          exclude: tuple[int, int] | None) -> Ref:
        """The antecedent of a person pronoun whose nearest compatible person ``nearest`` stands
        in an earlier sentence: the subject of that sentence's main clause when it is another
        compatible person named before ``nearest`` ("Fox News' Bret Baier noticed that none of
        the networks cut away for Clinton. He commented …": Baier, as the subject carries the
        discourse), else ``nearest``. The sentence is parsed only when such a rival exists."""
        rivals = [r for r in further if r.sentence == nearest.sentence and r.is_person
                  and r.key != nearest.key and not (exclude and exclude[0] <= r.start < exclude[1])
                  and (not PRONOUN_GENDER.get(word) or agrees(word, self._ref_gender(r)))]
        if not rivals:
            return nearest
        base = self.pd.sents[nearest.sentence].start_char
        d = self.pd.parsed(nearest.sentence)
        for r in rivals:
            head = _head_in(d, r.start - base, r.end - base)
            if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
                return r
        return nearest

    def _named_since(self, kind: str, first: int, char: int, exclude: tuple[int, int] | None,
                     noun: str = "") -> Speaker | None:
        """A body a non-person pronoun may stand for, named from sentence ``first`` on before
        ``char``: for "they" a plural agent (:meth:`_plural`, names only), for "it" an
        organisation, a government or a state; for a definite organisation noun (``noun``)
        one it can stand for (:meth:`_noun_fits`)."""
        if kind == "group":
            return self._plural(first, char, exclude, nouns=False)
        for r in self.refs_before(char, first):
            if (exclude and exclude[0] <= r.start < exclude[1]) or (noun and not self._noun_fits(noun, r.text, r.code)):
                continue
            if (r.label == "ORG" or r.sector == "GOV" or r.kind in ("organisation", "government", "state", "igo")) \
                    and r.label != "NORP" and r.text[:1].isupper() and not self._modifier(r):
                # not "a company", "Americans", "U.S. officials"
                if r.kind == "state" and re.search(r"\b(in|at|to|from|across|near|into|throughout)\s+(the\s+)?$",
                                                   self.text[max(0, r.start - 12):r.start]):
                    continue  # "a company in Texas": a place, not who speaks
                return speaker_of(r, "pronoun")
        return None

    def _modifier(self, r: Ref) -> bool:
        """Is the mention a modifier of the noun right after it ("Texas Sen. Ted Cruz", "U.S.
        officials"), not a body named on its own?"""
        k = bisect.bisect_left(self._token_starts(), r.end)
        if k >= len(self.pd.doc):
            return False
        t = self.pd.doc[k]
        return t.idx == r.end + 1 and self.text[r.end] == " " and t.tag_ in ("NN", "NNS", "NNP", "NNPS")

    def _named_again(self, sp: Speaker, i: int, para: int) -> int | None:
        """The last sentence of the pronoun's window (up to sentence ``i``, in paragraph
        ``para``) that names the earlier speaker ``sp`` again by its last word, else None."""
        last = sp.text.split()[-1] if sp.text.split() else ""
        if not _NAME_WORD.fullmatch(last):
            return None
        pattern = re.compile(r"\b" + re.escape(last) + r"\b")
        for k in range(i, max(-1, i - BACK_SENTENCES - 1), -1):
            if self.paragraph[k] < para - BACK_PARAGRAPHS:
                break
            sent = self.pd.sents[k]
            if pattern.search(self.text, sent.start_char, sent.end_char):
                return k
        return None

    def _agreeing_after(self, si: int, char: int, want: str, exclude: tuple[int, int] | None) -> bool:
        """Is a person of gender ``want`` (known, not guessed) named after sentence ``si`` and
        before ``char``?"""
        for r in self.refs_before(char, si + 1):
            if r.is_person and not (exclude and exclude[0] <= r.start < exclude[1]) \
                    and self._ref_gender(r) == want:
                return True
        return False

    def _plural(self, first: int, char: int, exclude: tuple[int, int] | None,
                nouns: bool = True) -> Speaker | None:
        """The nearest plural agent before ``char`` from sentence ``first`` on: an
        organisation, group or government mention, two people or two states joined by "and",
        or (``nouns``) a plural noun for people ("the economists", "Republican senators")."""
        best: tuple[int, Speaker] | None = None
        refs = [r for r in self.refs_before(char, first)
                if not (exclude and exclude[0] <= r.start < exclude[1])]
        for k, r in enumerate(refs):  # nearest first
            if r.is_person or r.kind == "state":  # "Ruiz and Ito", "the United States and Canada"
                prev = refs[k + 1] if k + 1 < len(refs) else None
                same = prev is not None and (prev.is_person if r.is_person else prev.kind == "state")
                if prev is not None and same and prev.key != r.key and re.fullmatch(
                        r",?\s+(and|&)\s+(the\s+)?", self.text[prev.end:r.start]):
                    best = (r.end, joint_speaker(prev, r, "pronoun", prev.start, r.end))
                    break
                continue
            if r.label in ("ORG", "NORP") or r.kind in ("organisation", "government", "igo", "group"):
                people = self._people_of(r)
                if people is not None:  # "the researchers at M.I.T. … they": the researchers
                    return people
                sp = speaker_of(r, "pronoun")
                if r.text[:1].islower():  # "economists" (a sector's mention), not the sector's name
                    sp.text = r.text
                best = (r.end, sp)
                break
        if not nouns:
            return best[1] if best is not None else None
        doc = self.pd.doc
        lo = self.pd.sents[first].start_char if first < len(self.pd.sents) else char
        k0 = bisect.bisect_left(self._token_starts(), char) - 1
        for t in (doc[j] for j in range(k0, -1, -1)):
            if t.idx < lo or (best is not None and t.idx + len(t.text) <= best[0]):
                break
            if exclude and exclude[0] <= t.idx < exclude[1]:
                continue
            if t.tag_ in ("NNS", "NNPS") and t.idx + len(t.text) <= char and (
                    t.lemma_.lower() in self.lex.agent_nouns or t.lower_ in self.lex.agent_nouns
                    or self.lex.roles.get(t.lemma_.lower()) == "person"):
                left = t
                while left.i > 0 and doc[left.i - 1].pos_ in ("PROPN", "ADJ") and doc[left.i - 1].idx >= lo:
                    left = doc[left.i - 1]
                s0, s1 = left.idx, t.idx + len(t.text)
                return Speaker(self.text[s0:s1], None, None, "group", "pronoun", s0, s1)
        if best is None:
            best = self._met_pair(refs, char)
        return best[1] if best is not None else None

    def _met_pair(self, refs: list[Ref], char: int) -> tuple[int, Speaker] | None:
        """ "The Secretary spoke with Foreign Minister Jaishankar. They discussed …": when no
        group is named, "they" are the two people the sentence before (or its own) names
        last, two different persons and nobody else between."""
        here = self.pd.sentence_index(char)
        people = [r for r in refs if r.is_person and r.sentence >= here - 1][:2]
        if len(people) < 2 or people[0].key == people[1].key:
            return None
        b, a = people
        if a.sentence != b.sentence:
            return None
        return (b.end, joint_speaker(a, b, "pronoun", a.start, b.end))

    def _people_of(self, r: Ref) -> Speaker | None:
        """A plural noun for people that an organisation's mention hangs on ("researchers at
        M.I.T.", "economists from the World Bank", "members of the Senate"), as a group
        speaker, else None."""
        doc = self.pd.doc
        k = bisect.bisect_left(self._token_starts(), r.start) - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 1 or doc[k].lower_ not in ("at", "from", "of", "with", "for", "in"):
            return None
        t = doc[k - 1]
        if t.tag_ not in ("NNS", "NNPS") or not (t.lemma_.lower() in self.lex.agent_nouns
                                                 or t.lower_ in self.lex.agent_nouns
                                                 or self.lex.roles.get(t.lemma_.lower()) == "person"):
            return None
        left = t
        while left.i > 0 and doc[left.i - 1].pos_ in ("PROPN", "ADJ") and doc[left.i - 1].idx >= t.sent.start_char:
            left = doc[left.i - 1]
        return Speaker(self.text[left.idx:r.end], None, None, "group", "pronoun", left.idx, r.end)

    def _token_starts(self) -> list[int]:
        if self._tok_starts is None:
            self._tok_starts = [t.idx for t in self.pd.doc]
        return self._tok_starts

    def _namesake(self, name: str, actor_id: str | None, word: str, char: int) -> Speaker | None:
        """Another person with the surname of ``name`` named before ``char`` whose gender is
        known to agree with ``word`` ("Bill Clinton" named, "Clinton" linked to him, then "she
        said": Hillary Clinton, named in full before), else None."""
        words = name.split()
        if not words:
            return None
        last = words[-1].lower()
        want = PRONOUN_GENDER.get(word)
        for r in self.refs_before(char, 0):
            if not r.is_person or (actor_id and r.actor_id == actor_id):
                continue
            rw = (r.name or r.text).split()
            if len(rw) > 1 and rw[-1].lower() == last and self._ref_gender(r) == want:
                sp = speaker_of(r, "pronoun")
                sp.gender = want
                return sp
        return None

    def _learn(self, sp: Speaker, want: str | None) -> None:
        """Remember that a he/she (``want``) was resolved to the person ``sp``, whose gender
        nothing in the text showed; the two pronouns disagreeing leave it unknown."""
        if not want or not sp.is_person:
            return
        key = sp.actor_id or (sp.text.split()[-1].lower() if sp.text.split() else "")
        if not key:
            return
        if key in self._learned and self._learned[key] != want:
            self._learned[key] = None
        else:
            self._learned.setdefault(key, want)

    def _learned_gender(self, actor_id: str | None, text: str) -> str | None:
        words = text.split()
        for key in (actor_id, words[-1].lower() if words else None):
            if key and self._learned.get(key):
                return self._learned[key]
        return None

    def _ref_gender(self, r: Ref) -> str | None:
        g = self._text_gender(r)
        return g if g is not None else self._learned_gender(r.actor_id, r.name or r.text)

    def _text_gender(self, r: Ref) -> str | None:
        """The gender of a person reference: evidence at the mention, in its resolved name,
        or at another mention with the same surname in the document."""
        g = gender_of(self.text, r.start, r.end)
        if g is None and len(r.text.split()) == 1:
            # a bare surname is the person named in full with it last before it ("Carly
            # Fiorina … Fiorina"), whatever name a later full mention gives the actor
            last = r.text.lower()
            full = next((o for o in reversed(self.refs[:bisect.bisect_left(self.starts, r.start)])
                         if o.is_person and len(o.text.split()) > 1 and o.text.lower().split()[-1] == last),
                        None)
            if full is not None:
                return gender_of(self.text, full.start, full.end) or self._surname_genders().get(last)
        if g is None and r.name:
            g = gender_of(r.name, 0, len(r.name))
        if g is None:
            words = (r.name or r.text).split()
            g = self._surname_genders().get(words[-1].lower()) if words else None
        return g

    def _speaker_gender(self, sp: Speaker) -> str | None:
        if sp.gender:
            return sp.gender
        g = gender_of(sp.text, 0, len(sp.text))
        if g is None and 0 <= sp.start < sp.end and self.text[sp.start:sp.end].lower() not in PRONOUN_GENDER:
            g = gender_of(self.text, sp.start, sp.end)
        if g is None:
            words = sp.text.split()
            g = self._surname_genders().get(words[-1].lower()) if words else None
        if g is None and sp.actor_id and sp.is_person:  # "Clinton" linked to Bill Clinton
            actor = self.pd.extraction.actors.get(sp.actor_id)
            g = gender_of(actor.name, 0, len(actor.name)) if actor is not None else None
        return g if g is not None else self._learned_gender(sp.actor_id, sp.text)

    def _surname_genders(self) -> dict[str, str]:
        """Surname -> gender, from the document's mentions that show it ("Mrs. Clinton",
        "Hillary Clinton"); a surname seen with both genders is left out."""
        if self._surnames is None:
            seen: dict[str, set[str]] = {}
            for r in self.refs:
                if not r.is_person:
                    continue
                g = gender_of(self.text, r.start, r.end)
                words = r.text.split()
                if g and words:
                    seen.setdefault(words[-1].lower(), set()).add(g)
            self._surnames = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
        return self._surnames

    def _elided_noun(self, i: int, char: int) -> str | None:
        """The noun an elliptical "another"/"one" subject leaves out: the agent noun after the
        "a" that introduced the first of the series in this sentence or the one before, or
        after a "one"/"another" up to three sentences back, past the quotation it introduced
        ("While one company says …, another says …", "added another New Hampshire
        Republican. Yet another said …", "'…,' one user wrote. '…' ¶ Another said …"); ""
        when that "one"/"another" names a thing ("One ad shows …"); None when none stands there."""
        doc = self.pd.doc
        near = self.pd.sents[max(0, i - 1)].start_char
        lo = self.pd.sents[max(0, i - 3)].start_char
        k0 = bisect.bisect_left(self._token_starts(), char) - 1
        for k in range(k0, -1, -1):
            t = doc[k]
            if t.idx < lo:
                break
            if t.lower_ not in ("one", "another", "a", "an") or (t.lower_ in ("a", "an") and t.idx < near):
                continue
            words = []
            for j in range(k + 1, min(k + 5, len(doc))):
                w = doc[j]
                if w.tag_ in ("NN", "NNP") and (w.lemma_.lower() in self.lex.agent_nouns or w.lower_ in self.lex.agent_nouns
                                                or self.lex.roles.get(w.lemma_.lower()) == "person"):
                    words.append(w.text)
                    return " ".join(words)
                if w.tag_ in ("NN", "NNS") and t.lower_ in ("one", "another"):
                    return ""  # "One ad shows …. Another claims …": a series of things
                if w.tag_ not in ("NNP", "JJ", "NN") or w.ent_type_ in _NOT_AGENT_ENTS:
                    break
                words.append(w.text)
        return None

    def _pair(self, i: int, char: int, exclude: tuple[int, int] | None) -> Speaker | None:
        """ "Both": two bodies named last, joined by "and" ("Verizon and Comcast … Both have
        shown interest"), else the two different people named last before ``char`` (within
        the pronoun window)."""
        para = self.paragraph[i]
        first = next((k for k in range(i, -1, -1)
                      if self.paragraph[k] < para - BACK_PARAGRAPHS or k < i - BACK_SENTENCES), -1) + 1
        bodies = [r for r in self.refs_before(char, first) if not (exclude and exclude[0] <= r.start < exclude[1])
                  and (r.label == "ORG" or r.kind in ("organisation", "state")) and r.text[:1].isupper()]
        for b, a in zip(bodies, bodies[1:], strict=False):  # nearest first: a before b
            if a.key != b.key and re.fullmatch(r",?\s+(and|&)\s+(the\s+)?", self.text[a.end:b.start]):
                return joint_speaker(a, b, "pronoun")
        seen: list[Ref] = []
        for r in self.refs_before(char, first):
            if r.is_person and not (exclude and exclude[0] <= r.start < exclude[1]) \
                    and all(r.key != o.key for o in seen):
                seen.append(r)
                if len(seen) == 2:
                    b, a = seen
                    return joint_speaker(a, b, "pronoun")
        return None

    def _role_person(self, i: int, role: str, nat: tuple[str | None, str] | None, char: int,
                     exclude: tuple[int, int] | None) -> Speaker | None:
        """The person a role noun refers to: the nearest earlier person named near that role
        word (and of that nationality), else the last person who spoke just before."""
        para = self.paragraph[i]
        sent_start = self.pd.sents[i].start_char
        cands = [r for r in self.refs_before(char, max(0, i - 10)) if r.is_person
                 and not (exclude and exclude[0] <= r.start < exclude[1])]
        text_low = self.text.lower()
        role_keys: set[str] = set()
        for r in self.refs:
            if r.start >= sent_start:
                break
            if r.is_person and (titled(text_low, r.start, min(r.end, sent_start), role, self.text)
                                or _role_in(text_low[r.start:r.end].split(), role)):  # "Secretary Blinken"
                role_keys.add(r.key)
        best: tuple[int, int, Ref] | None = None
        for rank, r in enumerate(cands):
            score = 2 * (r.key in role_keys)
            if nat is not None:
                score += self._nat_ok(r, nat, text_low)
            if best is None or score > best[0]:
                best = (score, -rank, r)
        if best is not None and best[0] > 0:
            return speaker_of(best[2], "role")
        # no one named with that role: the last person who spoke, when that speaker was
        # introduced by the same role word, or the role is a generic one ("the official")
        generic = role in self.lex.generic_roles
        for si, sp in reversed(self.history):
            if si < i - 4 or self.paragraph[si] < para - 1:
                break
            said_role = re.search(r"\b" + re.escape(role) + r"\b", sp.text.lower()) is not None
            if sp.is_person and (said_role or (generic and sp.actor_id is not None)):
                return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "role")
            if said_role and sp.kind == "group" and sp.code and sp.code[:3] not in FINE_SECTORS:
                # "a senior U.S. official told reporters … The official added": the same
                # unnamed official, who speaks for the government as before
                return Speaker(sp.text, sp.actor_id, sp.code, sp.kind, "role")
        return None

    def _nat_ok(self, r: Ref, nat: tuple[str | None, str], text_low: str) -> int:
        code, word = nat
        if code and r.country == code:
            return 1
        window = (max(0, r.start - ROLE_WINDOW), r.end + ROLE_WINDOW)
        if code:
            for o in self.refs_in(*window):
                if o.country == code and o is not r:
                    return 1
        stem = word.lower()[:4]
        return int(len(stem) == 4 and stem in text_low[window[0]:window[1]])

    def _surname(self, i: int, name: str, char: int) -> Ref | None:
        """The earlier person reference whose name ends with ``name`` ("Humire" -> "Joseph
        Humire"), or the same name with an actor id."""
        last = name.split()[-1].lower()
        said = gender_of(self.text, char, char + len(name)) if self.text[char:char + len(name)] == name else None
        for r in reversed(self.refs):
            if r.start >= char or not r.is_person:
                continue
            words = r.text.lower().split()
            if words and words[-1] == last and (r.actor_id or len(words) > len(name.split())):
                if said and self._ref_gender(r) not in (None, said):
                    continue  # "Laura Bush … Mr. Bush said": another person of that name
                return r
        for _, sp in reversed(self.history):
            words = sp.text.lower().split()
            if said and sp.is_person and self._speaker_gender(sp) not in (None, said):
                continue
            if sp.is_person and words and words[-1] == last and len(words) > 1:
                return Ref(sp.start, sp.end, sp.text, "PERSON", -1, sp.actor_id, kind="person",
                           country=(sp.code or "")[:3] or None, sector=(sp.code or "")[3:] or None)
        return None


def _on_place_after(name: Token, head: Token) -> bool:
    """Did the parser hang a name in apposition on the place that closes the subject's
    prepositional phrase ("Havana's top diplomat in Washington, Lianys Torres, said")? A
    person is no apposition of a place: the name describes the subject."""
    place = name.head
    return place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC", "FAC") \
        and place.head.dep_ == "prep" and place.head.head.i == head.i


def _head_in(d: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens of ``d`` within characters [start, end): the one whose
    head lies outside the span."""
    toks = [t for t in d if start <= t.idx < end]
    for t in toks:
        if not (start <= t.head.idx < end) or t.head.i == t.i:
            return t
    return None


def _antecedent(rel: Token) -> Token | None:
    """The noun a relative clause hangs on, for its subject pronoun ``rel`` ("who", "which",
    "that"): up the clause to the ``relcl`` verb, then its head when that is a noun."""
    if rel.dep_ not in ("nsubj", "nsubjpass"):
        return None
    t = rel.head
    for _ in range(4):
        if t.dep_ == "relcl":
            h = t.head
            own = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which")), None)
            if rel.lower_ == "who" and own is not None and own.i != rel.i:
                # "a president who authorized the raid that killed X and who hoped …": the
                # second "who" goes with the first, not with the clause on "the raid"
                return _noun_before_relative(rel)
            if h.dep_ == "appos" and h.head.pos_ == "PROPN" and h.head.i < h.i:
                h = h.head  # "Braynard, a South Carolina native who writes": the person named
            h = last_joined_name(h, t, rel.i)
            return h if h.pos_ in ("NOUN", "PROPN") and h.i < rel.i else None
        if t.dep_ not in ("xcomp", "conj", "ccomp") or t.head.i == t.i:
            break
        t = t.head
    return _noun_before_relative(rel)


def last_joined_name(noun: Token, verb: Token, before: int) -> Token:
    """The antecedent of a relative clause (verb ``verb``) hung on ``noun``: "Reps. Darrell
    Issa and Duncan Hunter, who was one of the earliest …" — a singular verb takes the last of
    the names joined before the relative word (at ``before``); else ``noun``."""
    last = [c for c in noun.children if c.dep_ == "conj" and c.i < before and c.pos_ == "PROPN"]
    return last[-1] if last and _singular_verb(verb) else noun


def _singular_verb(verb: Token) -> bool:
    """Is the finite verb of ``verb``'s clause (itself or its auxiliary) third person singular
    ("was", "has", "says")?"""
    finite = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb]
    for t in finite:
        if t.tag_ == "VBZ" or t.lower_ == "was":
            return True
        if t.tag_ in ("VBP", "VBD", "MD") or t.lower_ == "were":
            return False
    return False


def _relative_head(rel: Token) -> Token | None:
    """The noun a relative clause hangs on, for a relative word anywhere in its subject
    ("whose" in "whose task is …", "whom" in "all of whom have seen …"): up to the ``relcl``
    verb, then its head when that is a noun before the word."""
    for a in rel.ancestors:
        if a.dep_ == "relcl":
            h = a.head
            return h if h.pos_ in ("NOUN", "PROPN") and h.i < rel.i else None
    return None


def _noun_before_relative(rel: Token, depth: int = 0) -> Token | None:
    """The antecedent of a relative pronoun whose clause the parser did not hang on a noun
    ("said Bruce Turry, who, like several classmates, remembered …": a ``ccomp`` of "said"):
    the name or noun right before it, past a comma; after "and"/"but" ("Slayton, whom Bush
    appointed, and who is now supporting …"), the antecedent of the relative pronoun before."""
    doc = rel.doc
    k = rel.i - 1
    while k >= 0 and doc[k].text in (",", "—", "–", "-"):
        k -= 1
    if k < 0:
        return None
    prev = doc[k]
    if prev.pos_ in ("PROPN", "NOUN") and prev.tag_ != "VBG":
        return prev
    if prev.lower_ in ("and", "but") and depth == 0:
        sent_start = rel.sent.start if rel.doc.has_annotation("SENT_START") else 0
        for j in range(k - 1, max(sent_start, k - 25) - 1, -1):
            if doc[j].lower_ in ("who", "whom"):
                return _noun_before_relative(doc[j], depth + 1)
    return None


def _participle_subject(head: Token) -> Token | None:
    """The people a participle the parser took for the subject's head describes ("Many
    Republicans clamoring for less federal involvement support …", "Large majorities of
    voters in six states going to the polls said …": ``clamoring``/``going`` as a clausal
    subject): the plural noun that is the participle's own subject, or the cue's subject
    before it; None for anything else (a gerund clause: "Winning the nomination shows …")."""
    if head.tag_ != "VBG" or head.dep_ not in ("csubj", "nsubj"):
        return None
    own = next((c for c in head.children if c.dep_ in ("nsubj", "poss") and c.i < head.i), None)
    pool = [own] if own is not None else list(head.head.children)  # ("Trump's talking about …":
    # its own subject, a person, not the cue's subject "50 years")
    for c in pool:
        if c.dep_ in ("nsubj", "poss") and c.i < head.i and c.pos_ in ("NOUN", "PROPN") and c.tag_ in ("NNS", "NNPS"):
            return c
    return None


def _aged(head: Token) -> bool:
    """ "the 46-year-old", "a 21-year-old": a noun phrase naming a person by age (the tokens
    ``46 - year - old``)."""
    return head.lower_ == "old" and head.i >= 2 and head.doc[head.i - 1].text == "-" \
        and head.doc[head.i - 2].lower_ in ("year", "years")


def _core(head: Token) -> tuple[Token, Token]:
    """The name part of a noun phrase: ``head`` and its modifiers before it, without a
    leading article."""
    left = head
    for c in head.lefts:
        if c.dep_ in _CORE_DEPS:
            left = min(left, c.left_edge, key=lambda t: t.i)
    doc = head.doc
    for k in range(left.i, head.i):
        if doc[k].text in ("-", "--", "—", "–") and doc[k].whitespace_ and k > 0 and doc[k - 1].whitespace_:
            # "RANGOON, Burma - Aung San Suu Kyi's allies": a spaced dash ends a dateline or
            # an aside the parser hung on the name; the name starts after it
            left = doc[k + 1]
    while left.i < head.i and (left.is_punct or left.lower_ in ("the", "a", "an")):
        left = doc[left.i + 1]
    return left, head
