"""The tense around a temporal expression, from the tagger's tags and lemmas only (the
dependency parser is off in the single pass and is not run for this).

The verb nearest to the expression in its sentence (within a window of tokens, left or
right) decides; its verb group (the auxiliaries and adverbs before it) is read for:

- future: a modal will / shall / 'll, or "to" after a cue lemma ("due to", "plans to",
  "is going to", "scheduled to", "expected to", "set to") or after a form of *be* ("is to
  meet");
- past: a past-tense verb (VBD), a perfect (have + VBN) or a past passive (was + VBN);
- present: a present-tense verb (VBZ / VBP) or progressive.
"""

from __future__ import annotations

from spacy.tokens import Doc

from foreigndesk.extract.time_lexicon import lexicon

WINDOW = 12
_VERB_TAGS = {"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"}
_BE = {"be"}
_HAVE = {"have"}


def _group_tense(doc: Doc, v: int, lo: int) -> str | None:
    """Tense of the verb group ending at token ``v`` (no earlier than ``lo``)."""
    lx = lexicon()
    tok = doc[v]
    if tok.tag_ == "MD":
        return "future" if tok.lower_ in lx.modals else None
    # walk back over auxiliaries, adverbs, negation and "to"
    k = v - 1
    saw_to = False
    while k >= lo and k >= v - 5:
        t = doc[k]
        if t.tag_ == "MD":
            return "future" if t.lower_ in lx.modals else None
        if t.tag_ == "TO":
            saw_to = True
        elif saw_to:
            if t.lemma_.lower() in lx.before_to or t.lemma_.lower() in _BE:
                return "future"
            break
        elif t.tag_ in ("VBD",) and t.lemma_.lower() in _BE | _HAVE:
            return "past"
        elif t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() in _HAVE and tok.tag_ == "VBN":
            return "past"
        elif t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() in _BE:
            if tok.tag_ == "VBG" and tok.lemma_.lower() == "go":
                continue
            return "present"
        elif t.tag_ not in ("RB", "RBR", "RBS") and t.lower_ not in ("not", "n't"):
            break
        k -= 1
    if saw_to:
        return None
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):
        return "present"
    if tok.tag_ == "VBG" and tok.lemma_.lower() == "go" and v + 1 < len(doc) and doc[v + 1].tag_ == "TO":
        return "future"
    return None


def tense_at(doc: Doc, sent_start: int, sent_end: int, start_tok: int, end_tok: int) -> str | None:
    """``past``, ``present``, ``future`` or None for the tokens ``[start_tok, end_tok)`` of a
    sentence spanning tokens ``[sent_start, sent_end)``."""
    best: int | None = None
    best_d = WINDOW + 1
    for i in range(start_tok - 1, max(sent_start, start_tok - WINDOW) - 1, -1):
        if doc[i].tag_ in _VERB_TAGS:
            best, best_d = i, start_tok - i
            break
    for i in range(end_tok, min(sent_end, end_tok + WINDOW)):
        if doc[i].tag_ in _VERB_TAGS:
            if i - end_tok + 1 < best_d:
                best = i
            break
    if best is None:
        return None
    # a verb right of the expression heads a group that may begin with a modal before it
    if best >= end_tok:
        # the group of a verb to the right begins after the expression
        return _group_tense(doc, best, end_tok)
    return _group_tense(doc, best, sent_start)
