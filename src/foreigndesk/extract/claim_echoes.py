"""Explicit echoes: sentences saying that B repeats A's claim.

Two shapes:

- a 'repeats' cue whose object is A's claim or A itself: "Havana is repeating Communist
  China's claim", "Moscow echoed Beijing, saying …", "parroting the Chinese line that …".
  The echoed content is the object's that-clause, else the nearest earlier claim by A in
  the document, else the object phrase itself;
- "As A pointed out, <content>" inside B's claim (or on its own): B's claim repeats A's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from foreigndesk.extract.claim_content import token_span, trim
from foreigndesk.extract.claim_cues import Cue, CueLexicon
from foreigndesk.model import Claim

LOOKBACK_SENTENCES = 30


@dataclass
class EchoObject:
    owner: Token | None  # who is echoed (possessor of the claim noun, or the object itself)
    content_start: int
    content_end: int
    content: str
    from_claim: Claim | None = None


def claim_noun(tok: Token, lex: CueLexicon) -> bool:
    low = tok.lower_
    if low in lex.claim_nouns or tok.lemma_.lower() in lex.claim_nouns:
        return True
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return f"{prev} {low}" in lex.claim_nouns


def echo_object(cue: Cue, lex: CueLexicon, base: int, text: str) -> tuple[Token | None, Token | None, tuple[int, int] | None]:
    """(owner token, object token, span of a that-clause) of a 'repeats' cue, if its object is
    a claim noun or an actor."""
    obj = next((c for c in cue.token.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None, None, None
    if claim_noun(obj, lex):
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is None:
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                    owner = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if owner is not None:
                        break
        if owner is None:
            owner = next((c for c in obj.children if c.dep_ in ("amod", "compound")
                          and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")), None)
        clause = next((c for c in obj.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        span = trim(text, *token_span(list(clause.subtree), base)) if clause is not None else None
        return owner, obj, span
    if obj.pos_ == "PROPN" or obj.ent_type_ in ("GPE", "ORG", "PERSON", "NORP"):
        # "X echoed Beijing, saying …": what was said is in the saying-clause
        saying = next((c for c in cue.token.children if c.dep_ in ("advcl", "xcomp")
                       and c.lemma_.lower() in lex.verbs), None)
        span = None
        if saying is not None:
            comp = next((c for c in saying.children if c.dep_ == "ccomp"), None)
            if comp is not None:
                span = trim(text, *token_span(list(comp.subtree), base))
        return obj, obj, span
    return None, None, None


def same_actor(a_id: str | None, a_code: str | None, b_id: str | None, b_code: str | None) -> bool:
    if a_id and b_id and a_id == b_id:
        return True
    if a_code and b_code:
        if a_code == b_code:
            return True
        return a_code[:3] == b_code[:3] and (len(a_code) == 3 or len(b_code) == 3
                                             or a_code[3:6] == b_code[3:6])
    return False


def earlier_claim(claims: list[Claim], sentence: int, actor_id: str | None, code: str | None) -> Claim | None:
    """The nearest earlier claim in the document by this actor (not itself an echo)."""
    for c in reversed(claims):
        if c.sentence < sentence - LOOKBACK_SENTENCES:
            break
        if c.sentence <= sentence and c.stance != "repeats" and same_actor(
                c.speaker_actor, c.speaker_code, actor_id, code):
            return c
    return None


# what fills a verb's object: "as Trump seeks the nomination", "as companies continue to …"
# say their own thing; "as X noted", "as Rubio has said", "as Clinton put it" leave it to the clause
_FILLED = ("dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "dative")


def as_clause_remainder(cue: Cue, base: int, text: str, content: tuple[int, int],
                        saying: frozenset[str] = frozenset()) -> tuple[int, int, str] | None:
    """For "As X pointed out, <rest>" inside [content): the span of <rest> and its words. The
    clause may also close the content ("<rest>, as X noted in a column.": the words before it)
    or stand inside it ("The tax plan - as Rubio has said - would cut rates …": the words on
    both sides, the span running over the clause), when the verb is one of ``saying`` (or a
    phrase: "as X pointed out", "as X put it") and nothing fills its object there ("…, as
    Trump seeks the nomination", "as opposed to", "as the nation decides", "as it commented on
    the rules" say nothing; "as reported by X" names a channel, not an echo). None when fewer than three words remain."""
    tok = cue.token
    clause_start, clause_end = token_span(list(tok.subtree), base)
    if not (content[0] <= clause_end <= content[1]):
        return None
    after = trim(text, clause_end, content[1])
    after = (after[0], after[0] + len(text[after[0]:after[1]].rstrip(".")))
    head = tok.head
    if head.i < tok.i and head.dep_ in ("nsubj", "nsubjpass") and head.head.i > tok.right_edge.i:
        head = head.head  # "The tax plan - as Rubio has said - would …": hung on the subject
    own = {t.i for t in cue.tokens}
    gap = not any(c.dep_ in _FILLED and c.i not in own for c in tok.children) \
        and not any(c.dep_ in ("pobj", "pcomp") for t in cue.tokens[1:] for c in t.children) \
        and not any(c.dep_ in ("agent", "auxpass") for c in tok.children) \
        and cue.kind == "statement" and (cue.lemma in saying or len(cue.tokens) > 1)
    if tok.dep_ == "advcl" and head.i != tok.i and content[0] < clause_start and gap:
        lead = trim(text, max(content[0], base + head.left_edge.idx), clause_start)
        if head.i < tok.i and len(text[after[0]:after[1]].split()) < 1 and len(text[lead[0]:lead[1]].split()) >= 3:
            return lead[0], lead[1], text[lead[0]:lead[1]]  # "<rest>, as X noted."
        if head.i > tok.left_edge.i and base + head.idx >= clause_end and lead[1] > lead[0] \
                and len(text[after[0]:after[1]].split()) >= 2:
            body = f"{text[lead[0]:lead[1]]} {text[after[0]:after[1]]}"  # "X - as Y said - would …"
            return lead[0], after[1], body
    if len(text[after[0]:after[1]].split()) < 3:
        return None
    return after[0], after[1], text[after[0]:after[1]]
