"""Dependency-parse helpers for the event coder: clause heads, passives, coordination,
clause membership, and a lazy list of tokens."""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "dative", "iobj", "obj", "attr", "oprd")
CIRCUMSTANCE_PREPS = frozenset(("after", "during", "before", "following", "since", "until",
                                "upon", "on", "at", "despite", "amid", "ahead", "prior"))


class LazyTokens(Sequence[Token]):
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


def in_clause(t: Token, verb: Token) -> bool:
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


def conjuncts(tok: Token) -> list[Token]:
    """The conjuncts of ``tok`` and theirs, depth first, in text order at each level."""
    doc = tok.doc
    kids = _conj_children(doc)
    out: list[Token] = []
    for k in kids.get(tok.i, ()):
        c = doc[k]
        out.append(c)
        out += conjuncts(c)
    return out


_CONJ_KEY = "foreigndesk.conj_children"


def _conj_children(doc: Doc) -> dict[int, list[int]]:
    """Token index -> its ``conj`` children in text order (what walking ``Token.children``
    finds, read once per parsed Doc from its arrays and kept in ``doc.user_data``)."""
    got = doc.user_data.get(_CONJ_KEY)
    if got is None:
        conj = doc.vocab.strings["conj"]
        got = {}
        heads = doc.to_array(HEAD).astype("int64").tolist()  # relative offsets
        for i, dep in enumerate(doc.to_array(DEP).tolist()):
            if dep == conj and heads[i]:
                got.setdefault(i + heads[i], []).append(i)
        doc.user_data[_CONJ_KEY] = got
    return got


def is_passive(verb: Token) -> bool:
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


def governing_verb(verb: Token) -> Token | None:
    t = verb.head
    for _ in range(40):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def circumstance_verb(noun: Token) -> Token | None:
    """The verb of "arrived ... after a visit to Moscow": a noun governed by a preposition of
    time or circumstance attached to a verb."""
    if noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ not in CIRCUMSTANCE_PREPS:
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def arguments(trigger: Token) -> list[Token]:
    """Subject and object heads of a verb; a coordinated verb without a subject of its own
    shares its first conjunct's ("relations cooled ... but warmed again")."""
    args = [c for c in trigger.children if c.dep_ in SUBJ + PASS_SUBJ + OBJ]
    if not any(c.dep_ in SUBJ + PASS_SUBJ for c in args) and trigger.dep_ == "conj":
        args += [c for c in trigger.head.children if c.dep_ in SUBJ + PASS_SUBJ]
    return args


def relational_arg(trigger: Token, relations: frozenset[str]) -> bool:
    return any(c.lemma_.lower() in relations or c.lower_ in relations
               for c in arguments(trigger))


def tree_depth(tok: Token) -> int:
    """How deep a token lies in its sentence's tree (the root is 0)."""
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
