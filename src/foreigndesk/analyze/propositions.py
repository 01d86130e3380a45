"""What a claim asserts, reduced to the anchors two claims must share to state the same
proposition: the named actors, the figures, the polarity and the predicate.

Similar words are not enough ("This is my home" and "But that's his home"; "the U.S. embargo
is the root cause of Cuba's shortages" and "Washington to end its embargo of Cuba"). Each
content is read by the spaCy model (tags, lemmas, entities; no parse) into a
:class:`Proposition`; :func:`unfit` says why a content can join no other, and
:func:`disagreement` names the first anchor on which two contents differ:

- ``polarity``: one is negated and the other not;
- ``generic``: fewer than :data:`MIN_WORDS` content words (light verbs left out) and no name
  or figure ("This is my home", "I hope not");
- ``no predicate``: no finite verb, modal or infinitive and fewer than
  :data:`MIN_TOPIC_WORDS` content words outside names, a figure counting as one ("his
  support for Donald Trump", "Democratic nominee Hillary Clinton", "a poll conducted by the
  Center"): a topic, not a proposition;
- ``figures``: both state figures and share none;
- ``actors``: one names actors and the other none, or a name of the one naming fewer is not
  among the other's (names are compared through the actor dictionaries: "Beijing" and "China", "Washington" and "the
  U.S." are one actor, "Mr. Trump" and "Donald Trump" one person);
- ``predicate``: a predicate (a verb other than a light verb, see
  ``data/en/propositions.yaml``) of neither is among the other's words, as itself or as a
  word of its family ("donate" and "a donation"); when only one has a predicate, it is not
  among the other's words, they share no verb, and the other's words are not all in it ("to ban" and "a ban on" agree, and "it was a weather balloon" and "the
  object was a weather balloon that strayed off course"; "to end its embargo" and "the
  embargo is the root cause" do not).

The speaker anchor is the caller's (:func:`speaker_relative`, :func:`speaker_keys`): a line
resting on pronouns fixed by its speaker ("his support", "we signed") said by two different
named speakers is two propositions.

The rules and :data:`MIN_WORDS` / :data:`MIN_TOPIC_WORDS` were chosen on labelled pairs of
claims (``eval/echo_pairs.tsv``, scored by ``foreigndesk eval echoes``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml

MIN_WORDS = 2
MIN_TOPIC_WORDS = 4
MIN_STEM = 5
_SUFFIXES = ("ation", "ition", "ment", "ance", "ence", "ion", "al", "e")
_CLAUSE_TAGS = {"VBD", "VBZ", "VBP", "VB", "MD"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|none|nothing|without|cannot)\b|n['’]t\b",
                       re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Proposition:
    """The anchors of one claim's content."""

    lemmas: frozenset[str]           # lemmas of content words (nouns, verbs, adjectives, numbers)
    predicates: frozenset[str]       # verb lemmas other than light verbs
    verbs: frozenset[str]            # every verb lemma (light verbs too)
    topic_words: int                 # content words outside names
    names: tuple[frozenset[str], ...]  # one set of keys per name (actor ids, surnames)
    numbers: frozenset[float]
    negated: bool
    clause: bool                     # a finite verb, a modal or an infinitive: not a bare noun phrase


@dataclass(frozen=True)
class _Words:
    light_verbs: frozenset[str]
    name_labels: frozenset[str]
    titles: frozenset[str]
    context_pronouns: frozenset[str]
    unknown_speakers: frozenset[str]


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    raw: dict[str, Any] = load_yaml(resources.files("foreigndesk.data").joinpath(
        "en/propositions.yaml").read_text(encoding="utf-8"))
    return _Words(*(frozenset(str(w).lower() for w in raw[k])
                    for k in ("light_verbs", "name_labels", "titles", "context_pronouns",
                              "unknown_speakers")))


@functools.lru_cache(maxsize=1)
def _context_re() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(_words().context_pronouns)) + r")\b", re.I)


def speaker_relative(content: str) -> bool:
    """True when a content rests on personal pronouns fixed by its speaker ("my home", "his
    support", "we signed")."""
    return bool(_context_re().search(content))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c))


@functools.lru_cache(maxsize=50_000)
def name_keys(name: str) -> frozenset[str]:
    """Keys of a name: the actor ids the actor dictionaries give it (with or without a
    title), and its last word, folded ("Mr. Trump" and "Donald Trump" share ``trump``;
    "Beijing" and "China" share ``CHN``)."""
    from foreigndesk.extract.actor_data import load_index

    words = [_POSSESSIVE.sub("", w) for w in re.findall(r"[\w.'’-]+", name)]
    words = [w for w in words if w and w.strip(".")]
    plain = [w for w in words if _fold(w).strip(".") not in _words().titles]
    if not plain:
        return frozenset()  # a title alone ("the President") names no one here
    keys: set[str] = set()
    index = load_index()
    for variant in {" ".join(words), " ".join(plain)}:
        if variant:
            keys.update(e.actor_id for e in index.lookup(variant))
    keys.add(_fold(plain[-1]).strip("."))
    return frozenset(keys)


def _number(tok: Any, scales: dict[str, float], number_words: dict[str, float]) -> float | None:
    text = tok.text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        value = number_words.get(tok.lower_)  # type: ignore[assignment]
        if value is None:
            return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in scales:
        value *= scales[nxt.lower_]
    return value


def read(texts: Sequence[str]) -> list[Proposition]:
    """The propositions of ``texts``, in order (one pass of the spaCy model)."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.quantity_numbers import words as quantity_words

    nlp = load()
    w = _words()
    qw = quantity_words()
    scales = {k: v for k, v in qw.scales.items() if k not in qw.currency_only_scales}
    off = [p for p in ("senter", "foreigndesk_line_breaks") if p in nlp.pipe_names]
    out = []
    for doc in nlp.pipe(texts, disable=off, batch_size=256):
        lemmas, predicates, verbs, numbers = set(), set(), set(), set()
        names: list[frozenset[str]] = []
        in_ent: set[int] = set()  # tokens of entities (names, dates, figures)
        in_name: set[int] = set()
        for ent in doc.ents:
            in_ent.update(range(ent.start, ent.end))
            if ent.label_.lower() in w.name_labels:
                keys = name_keys(ent.text)
                if keys:
                    names.append(keys)
                in_name.update(range(ent.start, ent.end))
        clause = False
        run: list[str] = []  # consecutive proper nouns outside entities: one name
        topic = 0
        for tok in doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and tok.tag_ in _CLAUSE_TAGS:
                clause = True
            if tok.like_num or tok.pos_ == "NUM":
                v = _number(tok, scales, qw.number_words)
                if v is not None and tok.lower_ not in ("one", "a", "an"):
                    numbers.add(v)
            if tok.pos_ == "PROPN" and tok.i not in in_ent:
                run.append(tok.text)
                in_name.add(tok.i)
            elif run:
                keys = name_keys(" ".join(run))
                if keys:
                    names.append(keys)
                run = []
            if tok.pos_ in _CONTENT_POS and not tok.is_stop and tok.is_alpha:
                lemmas.add(lemma)
                if tok.i not in in_name and lemma not in w.light_verbs:
                    topic += 1
                if tok.pos_ == "VERB":
                    verbs.add(lemma)
                    if lemma not in w.light_verbs:
                        predicates.add(lemma)
        if run:
            keys = name_keys(" ".join(run))
            if keys:
                names.append(keys)
        out.append(Proposition(
            lemmas=frozenset(lemmas), predicates=frozenset(predicates), verbs=frozenset(verbs),
            topic_words=topic, names=tuple(names), numbers=frozenset(numbers),
            negated=bool(_NEGATION.search(doc.text)), clause=clause))
    return out


def _informative(p: Proposition) -> int:
    return len(p.lemmas - _words().light_verbs)


def stem(word: str) -> str:
    """A word without its derivational ending ("donation", "donate" -> "donat";
    "proposal", "propose" -> "propos")."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[:-len(suffix)]
    return word


def _among(predicates: frozenset[str], lemmas: frozenset[str]) -> bool:
    """A predicate is among the words, as itself or as a word of its family ("donate" and
    "a donation", "propose" and "the proposal")."""
    if predicates & lemmas:
        return True
    stems = {stem(p) for p in predicates}
    return any(len(st) >= MIN_STEM and w.startswith(st) for st in stems for w in lemmas)


def _names_within(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Every name of the side naming fewer actors is named by the other ("China" and
    "Cuba" within "China", "Cuba" and "the U.S."; "Russia" not within "China", "Cuba")."""
    small, big = (set(a), set(b)) if len(set(a)) <= len(set(b)) else (set(b), set(a))
    return all(any(x & y for y in big) for x in small)


def unfit(p: Proposition) -> str | None:
    """Why a content cannot join any other (``generic``, ``no predicate``), else None."""
    if _informative(p) < MIN_WORDS and not p.names and not p.numbers:
        return "generic"
    if not p.clause and p.topic_words + bool(p.numbers) < MIN_TOPIC_WORDS:
        return "no predicate"
    return None


def disagreement(a: Proposition, b: Proposition) -> str | None:
    """The first anchor on which ``a`` and ``b`` differ (see the module doc; the speaker
    anchor is the caller's, see :func:`speaker_keys`), None when they may state the same
    proposition."""
    if a.negated != b.negated:
        return "polarity"
    why = unfit(a) or unfit(b)
    if why:
        return why
    if a.numbers and b.numbers and not a.numbers & b.numbers:
        return "figures"
    if bool(a.names) != bool(b.names) or (a.names and not _names_within(a.names, b.names)):
        return "actors"
    if a.predicates and b.predicates:
        if not (_among(a.predicates, b.lemmas) or _among(b.predicates, a.lemmas)):
            return "predicate"
    elif a.predicates or b.predicates:  # one predicate against a copula or light verb
        bare = a if not a.predicates else b
        full = b if bare is a else a
        if not (_among(full.predicates, bare.lemmas) or a.verbs & b.verbs
                or bare.lemmas <= full.lemmas):  # the other says all of it and more
            return "predicate"
    return None


def speaker_keys(actor: str | None, text: str | None) -> frozenset[str]:
    """Keys of a claim's speaker for telling two speakers apart: its actor id and the keys
    of its text as a name; empty for a pronoun or no speaker (unknown: never "different")."""
    keys = {actor} if actor else set()
    folded = _fold(text or "").strip()
    w = _words()
    last = (text or "").split()[-1:] or [""]
    if (folded and folded not in w.context_pronouns and folded not in w.unknown_speakers
            and last[0][:1].isupper()):  # a name, not a description ("the front-runner")
        keys |= name_keys(text or "")
    return frozenset(keys)
