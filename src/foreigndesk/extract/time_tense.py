"""The tense around a temporal expression, from the tagger's tags and lemmas only (the
dependency parser is off in the single pass and is not run for this).

The verb nearest to the expression in its sentence (within a window of tokens, left or
right) decides, except that the verb on the left wins when the expression closes its comma
segment ("Clinton, who announced a plan on Monday, plans to ...") or when a clause opens
after it ("told voters on Sunday that he would ...", "in case he wins", "about how he
would"); a gerund after before/after/while/by hands over to its clause's finite verb; an
infinitive of purpose after the expression ("by Thursday to avoid a shutdown") lends no
verb; a participle opening its segment ("Obama, opening the museum on Saturday, said ...")
takes the finite verb after the segment, a verb of saying included. The verb group (the
auxiliaries and adverbs before the verb, and in a question the subject between the
auxiliary and the verb: "Will you attend ... on Tuesday?") is read for:

- future: a modal will / shall / 'll, or "to" after a cue lemma ("due to", "plans to",
  "is going to", "scheduled to", "expected to", "set to") or after a form of *be* ("is to
  meet"); "has to" / "needs to" in the present; a modal of possibility or obligation
  (may, might, must, should, can, could) or "is likely to" when the expression follows
  the verb within :data:`MODAL_REACH` tokens and the group is not negated ("could not be
  reached Friday" reads no tense);
- past: a past-tense verb (VBD), a perfect (have + VBN), a past passive (was + VBN),
  would/could (+ not) + have + VBN, "did" + verb, a simple past whose infinitive happens
  with it ("struggled to answer", "prepared to speak", time.yaml ``same_time_before_to``),
  or a refusal ("wouldn't say Tuesday", "would not comment");
- either (the nearer occurrence): a plan in the past tense, "was scheduled to", "was
  planning to";
- present: a present-tense verb (VBZ / VBP) or progressive; ``scheduled`` when it is the
  simple present of an event ("leaves Rome on Monday"), which news uses for a timetable.

Before that, four places need no nearest verb: the "in"/"on" adjunct of a simple past verb
with at most its object between ("took office in February") is ``certain past`` (however
far back); an expression between a modal and its verb ("would on Monday inform") is
future; so is a deadline ("until Monday to raise the cash", "until 9 a.m. Tuesday to sign");
and after "due", the tense of its *be* ("are not due until October" ahead, "was due on
Monday" the nearer).
"was to" / "were to" + verb is a plan of the past.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Doc, Token

from foreigndesk.extract.time_lexicon import lexicon

MAX_REACH = 40
MODAL_REACH = 5
_VERB_TAGS = {"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_BE = {"be"}
_SUBJECT_TAGS = {"NNS", "NNPS", "PRP"}
_HAVE = {"have"}
_NOT = {"not", "n't", "n’t"}  # the negation inside a verb group, as the tokenizer splits it

# inflections to strip from a verb's form, with what to put back: the tagger's lemmatizer
# misreads a few forms ("hopes" -> "hop", "slated" -> "slat")
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("es", ""), ("ed", ""), ("ing", ""), ("ing", "e"),
                ("s", ""), ("d", ""))


def lemma_in(tok: Token, words: Collection[str]) -> bool:
    """Is the token's lemma one of ``words``? For a verb, a stem of its form counts too
    ("hopes" is *hope*, "slated" is *slate*, whatever the lemmatizer said)."""
    if tok.lemma_.lower() in words:
        return True
    if not tok.tag_.startswith("VB"):
        return False
    low = tok.lower_
    return any(low.endswith(end) and low[:len(low) - len(end)] + put in words for end, put in _INFLECTIONS)


def _past_perfect_before(doc: Doc, k: int, lo: int) -> bool:
    """Is token ``k`` in a past perfect ("had planned", "had been due"): "had" one or two
    tokens before it?"""
    for i in range(k - 1, max(lo, k - 3) - 1, -1):
        t = doc[i]
        if t.tag_ == "VBD" and t.lemma_.lower() in _HAVE:
            return True
        if not (t.tag_ == "VBN" and t.lemma_.lower() in _BE) and t.tag_ not in ("RB",):
            return False
    return False


def _past_passive_before(doc: Doc, k: int, lo: int) -> bool:
    """Is token ``k`` (a participle or "due") right after a simple past of *be*, adverbs
    aside ("was scheduled", "were originally set", "was due", "was planning")?"""
    if doc[k].tag_ not in ("VBN", "JJ", "VBG"):
        return False  # "was scheduled", "was due", "was planning (to)"
    for i in range(k - 1, max(lo, k - 3) - 1, -1):
        t = doc[i]
        if t.tag_ == "VBD" and t.lemma_.lower() in _BE:
            return True
        if t.tag_ not in ("RB",):
            return False
    return False


def _perfect_after(doc: Doc, k: int) -> bool:
    """Is the modal at ``k`` a would/could/should/might (+ not) + have + participle ("would
    have been", "could not have been"), or that perfect with its participle left out
    ("that he could have Tuesday")? Not "will have finished by Tuesday": a future
    perfect."""
    if doc[k].lower_ in ("will", "shall", "'ll", "’ll", "wo"):
        return False
    h = k + 2 if k + 1 < len(doc) and doc[k + 1].lower_ in _NOT else k + 1
    if not (h + 1 < len(doc) and doc[h].lower_ in ("have", "'ve", "’ve")):
        return False
    # an elliptic perfect closes its clause with a name ("the role of spoiler that he could
    # have Tuesday.": could have played); not "would have Tuesday off"
    return doc[h + 1].tag_ == "VBN" or (doc[h + 1].tag_ == "NNP" and h + 2 < len(doc)
                                        and doc[h + 2].is_punct)


def _modal_tense(doc: Doc, k: int, v: int, ahead: bool) -> str | None:
    """Tense of the verb group ending at ``v`` that the modal at ``k`` heads: a future (will,
    would), a past ("would have been"), or with ``ahead`` a time ahead (may, must, could:
    "the vote could come Friday"; not negated: "could not be reached Friday")."""
    lx = lexicon()
    word = doc[k].lower_
    if _perfect_after(doc, k):
        return "past"  # "Saturday would have been Reagan's birthday", "could have won"
    if word in lx.modals:
        if word in ("would", "wo") and v > k and lemma_in(doc[v], lx.refused_after_would_not) \
                and _negated(doc, k, v):
            return "past"  # "wouldn't say Tuesday whether ...", "would not comment Friday": a refusal
        if word == "would" and _after_past_report(doc, k):
            return "future in past"  # "anticipated that a session on Monday would focus
            # on": a future seen from a past moment, which may be behind the publication
        return "future"
    if ahead and word in lx.modals_ahead:
        # negated, these speak of what was or is not possible at all ("could not be reached
        # Friday", "neither he nor ... could be located Wednesday", "you can't trash us in
        # February and then ..."): no tense read
        return None if _negated(doc, k, v) else "future"
    return None


REPORT_REACH = 25  # tokens back from "would" to the verb that reports it


def _after_past_report(doc: Doc, k: int) -> bool:
    """Is the modal at ``k`` in a clause reported by a simple past verb of saying or thinking
    on its left in its sentence ("anticipated that ... would", "said it would")?"""
    lx = lexicon()
    start = doc[k].sent.start if doc.has_annotation("SENT_START") else 0
    for i in range(k - 1, max(start, k - REPORT_REACH) - 1, -1):
        t = doc[i]
        if t.tag_ == "VBD" and (lemma_in(t, lx.reporting) or lemma_in(t, lx.thinking)):
            return True
    return False


NEGATION_REACH = 6


def _negated(doc: Doc, k: int, v: int) -> bool:
    """Is the verb group from the modal at ``k`` to its verb at ``v`` negated: a negation
    inside it, or in its subject a few words before, within the segment ("No one could be
    reached")?"""
    neg = lexicon().negations

    def negation(i: int) -> bool:  # not "Not only can Cruz win in November"
        return doc[i].lower_ in neg and not (i + 1 < len(doc) and doc[i + 1].lower_ == "only")

    if any(negation(i) for i in range(k + 1, v + 1)):
        return True
    for i in range(k - 1, max(-1, k - 1 - NEGATION_REACH), -1):
        if _breaks(doc, i):
            return False
        if negation(i):
            return True
        if doc[i].is_sent_start:
            return False
    return False


def _group_tense(doc: Doc, v: int, lo: int, ahead: bool = False) -> str | None:
    """Tense of the verb group ending at token ``v`` (no earlier than ``lo``). ``ahead``:
    the expression follows the group's verb closely, so that a modal of possibility or
    obligation dates it ("could hit Florida airwaves Monday")."""
    lx = lexicon()
    tok = doc[v]
    if tok.tag_ == "MD":
        return _modal_tense(doc, v, v, ahead)
    # walk back over auxiliaries, adverbs, negation and "to"
    k = v - 1
    saw_to = False
    inverted = _inverted_subject(doc, k, lo)
    if inverted is not None:
        k = inverted  # "Will you attend ...?", "What do you expect ...?": the auxiliary
    while k >= lo and k >= v - 5:
        t = doc[k]
        if t.tag_ == "MD":
            return _modal_tense(doc, k, v, ahead)
        if t.lemma_.lower() == "do" and t.tag_ in ("VBD", "VBZ", "VBP") and tok.tag_ == "VB":
            return "past" if t.tag_ == "VBD" else "present"  # "who did win Rhode Island"
        if t.tag_ == "TO":
            saw_to = True
        elif saw_to:
            if _infinitive_of_plan(doc, k, v):
                return "future"  # "the report, to be published on Monday, says"
            if lemma_in(t, lx.present_before_to) and t.tag_ in ("VBZ", "VBP", "VB") \
                    and doc[k + 1].tag_ == "TO":
                return "future"  # "has to vote Friday", "needs to decide by Monday"
            if t.lemma_.lower() in _BE and t.tag_ == "VBD" and doc[k + 1].tag_ == "TO":
                # "was to arrive on Monday", "was to be issued on Wednesday": a plan as it
                # stood before the report, which news writes when the day has come
                return "past"
            if t.tag_ == "VBD" and lemma_in(t, lx.same_time_before_to):
                return "past"  # "struggled to answer a question on Sunday", "went to vote"
            likely = lemma_in(t, lx.likely_before_to)
            if likely and not ahead:
                break
            if lemma_in(t, lx.before_to) or likely or t.lemma_.lower() in _BE:
                # "had been due to expire Friday", "had planned to meet Monday": a plan
                # of the past (the past perfect), not a time ahead
                if _past_perfect_before(doc, k, lo):
                    return "past"
                if _past_passive_before(doc, k, lo):
                    # "was scheduled to leave late Tuesday" (said Wednesday), "was due to be
                    # presented on Sunday" (said Saturday): a plan as it stood, the day of
                    # which may have passed or not: the nearer one
                    return "either"
                return "future"
            break
        elif t.tag_ in ("VBD",) and t.lemma_.lower() in _BE | _HAVE:
            return "past"
        elif t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() in _HAVE and (
                tok.tag_ == "VBN" or (doc[k + 1].tag_ == "VBN" and doc[k + 1].lemma_.lower() in _BE)):
            return "past"  # "has won", and "have been searching since the Oct. 23 slaying"
        elif t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() in _BE:
            if tok.tag_ == "VBG" and tok.lemma_.lower() == "go":
                continue
            return "present"
        elif t.tag_ in ("VB", "VBN", "VBG") and t.lemma_.lower() in _BE | _HAVE:
            pass  # inside the verb group: "will be named", "would have been"
        elif t.tag_ not in ("RB", "RBR", "RBS") and t.lower_ not in _NOT:
            break
        k -= 1
    if saw_to:
        return None
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBN" and v > lo and doc[v - 1].tag_ in _SUBJECT_TAGS:
        return "past"  # "Talks stalled over the winter": a past tense the tagger read as VBN
    if tok.tag_ in ("VBZ", "VBP"):
        return "present"
    if tok.tag_ == "VBG" and tok.lemma_.lower() == "go" and v + 1 < len(doc) and doc[v + 1].tag_ == "TO":
        return "future"
    return None


def _infinitive_of_plan(doc: Doc, k: int, v: int) -> bool:
    """Is the verb group ending at ``v`` a passive infinitive ("to be held") right after a
    noun or a comma at ``k`` ("the report, to be published on Monday, says", "a summit to be
    held in June")? It tells what is planned. Not after an ordinal or a superlative ("the
    first president to be elected in 2008": time.yaml ``not_before_planned_infinitive``)."""
    if not (doc[k].tag_ in _NOUN_TAGS or doc[k].text == ",") or k + 3 != v \
            or doc[k + 2].lower_ != "be" or doc[v].tag_ != "VBN":
        return False
    told = lexicon().not_before_planned_infinitive
    return not any(doc[i].lower_ in told or doc[i].tag_ == "JJS" for i in range(max(0, k - 3), k + 1))


_NP_TAGS = {"PRP", "DT", "CD", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP$", "POS"}
MAX_SUBJECT = 4
_AUXILIARIES = {"be", "do", "have"}


def _inverted_subject(doc: Doc, k: int, lo: int) -> int | None:
    """In a question, the subject stands between the auxiliary and the verb ("Will you attend
    the talks on Tuesday?", "When does the minister leave?"): the auxiliary's index when the
    words ending at ``k`` are such a subject (a pronoun or a short noun phrase) after an
    auxiliary that opens the question (first in its sentence or segment, or after a
    question word)."""
    if k < lo or doc[k].tag_ not in ("PRP", "NN", "NNS", "NNP", "NNPS"):
        return None
    j = k
    while j >= lo and k - j < MAX_SUBJECT and doc[j].tag_ in _NP_TAGS:
        j -= 1
    if j < lo:
        return None
    aux = doc[j]
    if not (aux.tag_ == "MD" or (aux.tag_ in ("VBP", "VBZ", "VBD") and aux.lemma_.lower() in _AUXILIARIES)):
        return None
    opens = aux.is_sent_start or (j > 0 and (_breaks(doc, j - 1) or doc[j - 1].tag_ in ("WRB", "WP", "WDT")))
    return j if opens else None


_PUNCT = {",", ":", ";", '"', "``", "''", "“", "”", "--", "—", "-"}
def _breaks(doc: Doc, i: int) -> bool:
    """Is token ``i`` a punctuation mark that ends a segment (not the hyphen inside a word:
    "front-runner")?"""
    t = doc[i]
    if t.text not in _PUNCT:
        return False
    return not (t.text == "-" and not t.whitespace_ and i > 0 and not doc[i - 1].whitespace_)


def _opens_clause(doc: Doc, i: int) -> bool:
    """Does token ``i`` open a clause whose verb is not the expression's (time.yaml
    ``clause_openers``: "that", "in case", "about how")?"""
    t = doc[i]
    lx = lexicon()
    if t.lower_ == "case":
        return i > 0 and doc[i - 1].lower_ == "in"  # "in case"
    if t.lower_ in lx.clause_question_words and t.tag_ in ("WRB", "WP"):
        return True  # "a question on Sunday about how he would form a coalition"
    return t.lower_ in lx.clause_conjunctions and t.tag_ == "IN"


def _nearest_verb(doc: Doc, lo: int, hi: int, start_tok: int, end_tok: int) -> int | None:
    """The verb nearest to tokens ``[start_tok, end_tok)`` within ``[lo, hi)``. When the
    expression ends a clause that has a verb, a reporting verb after a comma or quotation
    mark is skipped ("to admit them in early March, an official said"): it dates the
    report, not the event."""
    lx = lexicon()
    left: tuple[int, int] | None = None
    left_in_segment = True  # no comma between the left verb and the expression
    for i in range(start_tok - 1, lo - 1, -1):
        if doc[i].tag_ in _VERB_TAGS and not _before_its_noun(doc, i, lo) and not _misread_noun(doc, i, lo):
            left = (i, start_tok - i)
            break
        if _breaks(doc, i):
            left_in_segment = False
    # a participle opening its segment ("Obama, dedicating the museum on Saturday, said ...",
    # "Speaking on Saturday, he said ..."): no tense of its own; the clause's finite verb
    # after the segment dates it, a verb of saying included
    participle = left is not None and _opens_participle_clause(doc, left[0], lo)
    right: tuple[int, int] | None = None
    crossed = False
    for i in range(end_tok, hi):
        t = doc[i]
        if _breaks(doc, i):
            crossed = True
        elif crossed and participle and t.tag_ in _FINITE_TAGS:
            return i
        elif (_opens_clause(doc, i) and left is not None
              and _group_tense(doc, left[0], lo, left[1] <= MODAL_REACH) is not None):
            break  # "told voters in Kentucky on Sunday that he would ...": the verb after
            # "that" is its clause's, and the expression belongs to the verb on its left
        elif t.tag_ in _VERB_TAGS and not _misread_noun(doc, i, end_tok):
            if crossed and left is not None and lemma_in(t, lx.reporting):
                continue
            if (crossed and left is not None and left_in_segment
                    and _group_tense(doc, left[0], lo, left[1] <= MODAL_REACH) is not None):
                break  # "Clinton, who announced a plan on Monday, plans to ...": the
                # expression closes the segment of the verb on its left
            right = (i, i - end_tok + 1)
            break
    if right and left and doc[right[0]].tag_ == "VB" and doc[right[0] - 1].tag_ == "TO" \
            and _group_tense(doc, right[0], end_tok) is None:
        right = None  # "pass the budget by Thursday to avoid a shutdown": an infinitive of
        # purpose after the expression has no tense; the verb on the left dates it
    if right and left and crossed and doc[right[0]].tag_ in ("VBN", "VBG") \
            and doc[right[0] - 1].tag_ in _NOUN_TAGS and _group_tense(doc, right[0], end_tok) is None:
        right = None  # "owed $556,000 through the end of June - the period covered by ...": a
        # participle after its noun, beyond a mark, has no tense; the verb on the left dates it
    if left and (not right or left[1] <= right[1]):
        return left[0]
    return right[0] if right else None


_PRENOMINAL_BEFORE = {"DT", "POS", "PRP$"}


def _misread_noun(doc: Doc, i: int, lo: int) -> bool:
    """Is the present verb at ``i`` a plural noun the tagger misread: right after a finite
    verb ("the businessman trounced rivals Sen. Marco Rubio ..."; two finite verbs do not
    follow each other), or after a possessive pronoun and names ("her Wall Street
    remarks"; not across ``lo``: in "his Tuesday wins" the expression is the modifier, and
    "wins" stays the event it dates)?"""
    if doc[i].tag_ not in ("VBZ", "VBP") or i <= lo:
        return False
    if doc[i - 1].tag_ in ("VBD", "VBZ", "VBP") and doc[i - 1].lemma_.lower() not in _BE | _HAVE | {"do"}:
        return True
    k = i - 1
    while k > lo and doc[k].tag_ in ("NNP", "NNPS"):
        k -= 1
    return k < i - 1 and doc[k].tag_ == "PRP$"  # "her Wall Street remarks": a possessive's noun


def _before_its_noun(doc: Doc, i: int, lo: int) -> bool:
    """Is the token at ``i`` a participle that English uses as a plain adjective (time.yaml
    ``adjective_participles``: "England's opening World Cup qualifier", "the ruling
    party"), between a determiner or possessive and its noun? It dates nothing. Not "a
    planned rally", "the looming showdown": those tell a time ahead."""
    return (doc[i].tag_ == "VBG" and doc[i].lower_ in lexicon().adjective_participles
            and i > lo and doc[i - 1].tag_ in _PRENOMINAL_BEFORE
            and i + 1 < len(doc) and doc[i + 1].tag_ in _NOUN_TAGS | {"JJ"})


def _opens_participle_clause(doc: Doc, v: int, lo: int) -> bool:
    """Is token ``v`` a present participle that opens its segment (after a comma, or first in
    the sentence), not a progressive ("was dedicating") nor a gerund after a preposition?"""
    if doc[v].tag_ != "VBG":
        return False
    return doc[v].is_sent_start or (v > lo and _breaks(doc, v - 1))


def _forward_future(doc: Doc, v: int, hi: int) -> bool:
    """``plans to``, ``is due to``, ``is expected to``, ``is going to`` starting at ``v``."""
    lx = lexicon()
    for k in range(v + 1, min(hi, v + 3)):
        t = doc[k]
        if t.tag_ == "TO":
            # "is to meet" is ahead; "were to gather" is a plan as it stood (see _group_tense)
            return lemma_in(doc[k - 1], lx.before_to) or (k - 1 == v and doc[v].lemma_.lower() in _BE
                                             and doc[v].tag_ != "VBD")
        if t.tag_ not in ("VBN", "VBG", "JJ", "RB"):
            return False
    return False


# what may stand between a past verb and the preposition of its time adjunct: the verb's
# object ("took office in February", "announced his candidacy in March")
_OBJECT_TAGS = {"DT", "PRP$", "PRP", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "RB"}
_ADJUNCT_PREPOSITIONS = {"in", "on", "between", "from"}
MAX_OBJECT = 4


def _predicate_after(doc: Doc, k: int, hi: int, reach: int = 8) -> bool:
    """Does a finite verb follow token ``k`` before a comma or ``hi`` (the sentence's end)?"""
    for i in range(k, min(hi, k + reach)):
        t = doc[i]
        if t.text in _PUNCT:
            return False
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False


def _adjunct_of_past_verb(doc: Doc, lo: int, hi: int, start_tok: int) -> bool:
    """Is the expression the "in"/"on"/"between"/"from" adjunct of a simple past verb just
    before it, with at most the verb's object between ("took office in February", "rose
    between April and June")? Then the tense dates the
    expression itself, however far back the nearest occurrence is. Not when the verb is an
    auxiliary, or when a preposition or a comma stands between (the time then belongs to a
    noun: "notified them of a cutback in its supply in September"), or when the words after a
    verb of saying are the subject of its clause. A day that is the object of a simple past
    of observance ("celebrated Christmas", "marked Earth Day") is dated so too."""
    p = start_tok - 1
    if p >= lo and doc[p].tag_ == "VBD" and lemma_in(doc[p], lexicon().observance_verbs):
        return True  # "Activists marked Earth Day", "spent Christmas with": the day is the object
    if p <= lo or doc[p].lower_ not in _ADJUNCT_PREPOSITIONS:
        return False
    v = p - 1
    while v >= lo and p - v - 1 <= MAX_OBJECT and doc[v].tag_ in _OBJECT_TAGS:
        v -= 1
    if v < lo or p - v - 1 > MAX_OBJECT:
        return False
    verb = doc[v]
    if verb.tag_ == "VBN" and p == v + 1 and _concluded_after_noun(doc, v, lo):
        return True  # "the agreement reached in June", "The treaty, signed in August,"
    if verb.tag_ != "VBD" or verb.lemma_.lower() in _BE | _HAVE:
        return False
    if lemma_in(verb, lexicon().reporting) and p != v + 1 and _predicate_after(doc, start_tok, hi):
        return False  # "said the gathering in September would be ...": a clause's subject
    return not (v > 0 and (doc[v - 1].tag_ == "MD" or doc[v - 1].lower_ in ("to", "would")))


def _concluded_after_noun(doc: Doc, v: int, lo: int) -> bool:
    """Is the participle at ``v`` a verb of concluding right after its noun, with no
    auxiliary ("the agreement reached in June expires", "The treaty, signed in August,
    bans")? The act is done. Only those verbs (time.yaml ``concluded_participles``): "ads
    reserved in December" are for December."""
    if v <= lo or not lemma_in(doc[v], lexicon().concluded_participles):
        return False
    prev = doc[v - 1]
    return prev.tag_ in _NOUN_TAGS or (prev.text == "," and v - 1 > lo and doc[v - 2].tag_ in _NOUN_TAGS)


def _inside_modal_group(doc: Doc, lo: int, hi: int, start_tok: int, end_tok: int) -> bool:
    """Does the expression stand inside a verb group between a modal of the future and its
    verb ("would on Monday inform", "will on Friday announce")?"""
    k = start_tok - 1
    if k > lo and doc[k].tag_ == "IN":
        k -= 1
    return (lo <= k and doc[k].tag_ == "MD" and doc[k].lower_ in lexicon().modals
            and end_tok < hi and doc[end_tok].tag_ == "VB")


_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}


def _finite_for_gerund(doc: Doc, lo: int, v: int, start_tok: int) -> int:
    """The verb whose tense dates an expression after "before/after/by … + gerund": the
    gerund has no tense of its own, so the finite verb of its clause (to the left, no comma
    between) decides ("Clinton quit giving paid speeches before announcing her run in
    April" is last April). So too a participle after its noun ("delivered the speech
    outlining her vision on July 15": a reduced relative clause, no tense of its own).
    Otherwise ``v`` itself."""
    if not (lo < v < start_tok and doc[v].tag_ == "VBG" and (
            (doc[v - 1].tag_ == "IN" and doc[v - 1].lower_ in lexicon().gerund_prepositions)
            or doc[v - 1].tag_ in _NOUN_TAGS)):
        return v
    for i in range(v - 2, lo - 1, -1):
        t = doc[i]
        if _breaks(doc, i):
            return v
        if t.tag_ in _FINITE_TAGS or (t.tag_ == "VBN" and i > lo and doc[i - 1].tag_ in _SUBJECT_TAGS):
            return i
    return v


_CLOCK_WORD = re.compile(r"(?:\d{1,2}(?:[:.]\d\d)?|[ap]\.?m\.?|noon|midnight|midday|o'clock|"
                         r"[ecmp][sd]t|gmt|utc|at|on)$", re.IGNORECASE)
CLOCK_REACH = 4


def _deadline(doc: Doc, lo: int, hi: int, start_tok: int, end_tok: int) -> bool:
    """Is the expression a time given to do something: "until"/"till" before it and "to" +
    verb after ("Cyprus has until Monday to raise the cash", "gave them until 9 a.m. Tuesday
    to sign", "until Friday at noon to file"; the words of a clock time may stand between)?
    A deadline reported is one still ahead."""
    i = start_tok - 1
    while i >= lo and start_tok - i <= CLOCK_REACH and _CLOCK_WORD.match(doc[i].text):
        i -= 1
    if i < lo or doc[i].lower_ not in ("until", "till"):
        return False
    j = end_tok
    while j < hi and j - end_tok < CLOCK_REACH and _CLOCK_WORD.match(doc[j].text):
        j += 1
    return j + 1 < hi and doc[j].tag_ == "TO" and doc[j + 1].tag_ == "VB"


MAX_HEADLINE = 16  # tokens
_FINAL = {".", "!", "?", '"', "”", "'", "’", ":", ";"}


def _headline(doc: Doc, start_tok: int) -> tuple[int, int] | None:
    """The tokens of the text's first line when it is a headline holding token
    ``start_tok``: at most :data:`MAX_HEADLINE` words, a line of its own, no full stop,
    question mark or quotation closing it ("EU to meet Sunday on Cyprus")."""
    if start_tok > 2 * MAX_HEADLINE:
        return None  # too far in for the first line (and no scan of a long text from its start)
    end = start_tok
    while end < len(doc) and "\n" not in doc[end].text and end - start_tok <= MAX_HEADLINE:
        end += 1
    if end >= len(doc) or "\n" not in doc[end].text:
        return None  # no line break after it: not a line of its own
    if any("\n" in doc[i].text or "\n" in doc[i].whitespace_ for i in range(0, start_tok)):
        return None  # not the first line
    words = [t for t in doc[0:end] if not t.is_space]
    if not words or len(words) > MAX_HEADLINE or words[-1].text in _FINAL:
        return None
    return 0, end


def _headline_infinitive(doc: Doc, lo: int, hi: int, start_tok: int, end_tok: int) -> bool:
    """Headlinese "to" + verb, with no finite verb before it, is what will happen ("EU to meet
    Sunday on Cyprus", "Obama to visit Israel next week")."""
    v = _nearest_verb(doc, lo, hi, start_tok, end_tok)
    return (v is not None and doc[v].tag_ == "VB" and v > lo and doc[v - 1].tag_ == "TO"
            and not any(doc[i].tag_ in _FINITE_TAGS for i in range(lo, v - 1)))


DUE_REACH = 4
_DUE_BETWEEN = {"IN", "DT", "NN", "NNP", "NNPS", "RB", "PRP$"}


def _due(doc: Doc, lo: int, start_tok: int) -> str | None:
    """The tense of "due" before the expression ("Deliveries are not due until October", "the
    report is due Friday"): a time ahead after a present or a modal of *be*; the nearer one
    after a past ("the payment was due on Monday": it may have passed or not) or right after
    its noun ("the PMI survey due on Monday")."""
    i = start_tok - 1
    if i >= lo and doc[i].lower_ in lexicon().due_prepositions:
        i -= 1
    # a place between ("is due in court on Friday", "due back in Washington Monday")
    k = i
    while k >= lo and i - k < DUE_REACH and doc[k].lower_ != "due" and doc[k].tag_ in _DUE_BETWEEN:
        k -= 1
    if k >= lo and doc[k].lower_ == "due" and k < i and doc[k + 1].tag_ in ("IN", "RB"):
        i = k
    if i < lo or doc[i].lower_ != "due":
        return None
    j = i - 1
    while j >= lo and (doc[j].tag_ in ("RB", "RBR") or doc[j].lower_ in _NOT):
        j -= 1
    if j >= lo and doc[j].tag_ in _NOUN_TAGS and j + 1 == i:
        return "either"  # "the PMI survey due on Monday": expected, just ahead or just past
    if j < lo or doc[j].lemma_.lower() not in _BE:
        return None
    if doc[j].tag_ in ("VBZ", "VBP") or (doc[j].tag_ == "VB" and j > lo and doc[j - 1].tag_ == "MD"):
        return "future"
    return "either" if doc[j].tag_ == "VBD" else None


def tense_at(doc: Doc, sent_start: int, sent_end: int, start_tok: int, end_tok: int) -> str | None:
    """``past``, ``present``, ``scheduled`` (the simple present of an event on the
    expression's left, "leaves Rome on Monday": a timetable, ahead), ``headline`` (a
    present in the text's headline, "Obama arrives in Israel Wednesday": just past or just
    ahead, the story's body decides), ``future``, ``certain past`` ("since March": no tense
    read from the tags, so no limit to how far back), ``either`` (a plan in the past tense,
    "was scheduled to": the nearer occurrence) or None for the tokens ``[start_tok,
    end_tok)`` of a sentence spanning tokens ``[sent_start, sent_end)``."""
    lx = lexicon()
    before = " ".join(t.lower_ for t in doc[max(sent_start, start_tok - 4):start_tok])
    if any(before == p or before.endswith(" " + p) for p in lx.before_expression):
        return "future"
    if any(before == p or before.endswith(" " + p) for p in lx.past_before_expression):
        return "certain past"  # not a guess from the tags: no limit to how far back
    # a sentence may be very long (a table, a list): look no further than MAX_REACH tokens
    lo, hi = max(sent_start, start_tok - MAX_REACH), min(sent_end, end_tok + MAX_REACH)
    headline = _headline(doc, start_tok)
    if headline is not None:  # a headline is a clause of its own
        lo, hi = max(lo, headline[0]), min(hi, headline[1])
        if _headline_infinitive(doc, lo, hi, start_tok, end_tok):
            return "future"
    if _deadline(doc, lo, hi, start_tok, end_tok):
        return "future"
    due = _due(doc, lo, start_tok)
    if due is not None:
        return due
    if _adjunct_of_past_verb(doc, lo, hi, start_tok):
        return "certain past"
    if _inside_modal_group(doc, lo, hi, start_tok, end_tok):
        return "future"
    v = _nearest_verb(doc, lo, hi, start_tok, end_tok)
    if v is None:
        # no verb in reach: in a sentence the tagger found no verb in at all, its verb was
        # read as a noun ("Talks resume Friday", "The House votes Thursday"): like a
        # headline, the nearer day
        return "headline" if _verbless(doc, sent_start, sent_end, start_tok, end_tok) else None
    v = _finite_for_gerund(doc, lo, v, start_tok)
    if _forward_future(doc, v, hi):
        return "future"
    if (doc[v].tag_ == "VBN" and doc[v].is_sent_start and start_tok == v + 2
            and doc[v + 1].lower_ in _ADJUNCT_PREPOSITIONS
            and not lemma_in(doc[v], lx.scheduling | lx.deferring | lx.before_to)):
        return "certain past"  # "Appointed in August, she reshaped the bank", "Founded in
        # March, the group will hold its first rally": a fronted participle with its time
        # tells what was done, however far back
    tag = doc[v].tag_
    if lemma_in(doc[v], lx.deferring) and tag != "MD":
        return "future"
    if lemma_in(doc[v], lx.deferring_to) and start_tok - 1 > v and doc[start_tok - 1].lower_ == "to":
        return "future"  # "The vote has been moved to Sunday", "pushed back to Monday"
    if lemma_in(doc[v], lx.scheduling) and tag not in ("MD", "VBD"):
        # "was expected on Monday", "were scheduled for Friday": a plan as it stood, the
        # nearer day
        return "either" if tag == "VBN" and _past_passive_before(doc, v, lo) else "future"
    # a modal of possibility dates only what follows its verb closely: not "could lead to"
    # after "a deal reached in July", nor "get a boost from the win Tuesday"
    ahead = v < start_tok and start_tok - v <= MODAL_REACH
    tense = _group_tense(doc, v, end_tok if v >= end_tok else lo, ahead)
    if tense is None and v < start_tok and _imperative(doc, v, lo) \
            and not (end_tok < len(doc) and doc[end_tok].tag_ == "POS"):
        return "future"  # "Remember in November the Democrats who filibustered", "Let's
        # defeat her in November": a bidding is for what is ahead
    if tense is None and v < start_tok and not _modifies_noun(doc, start_tok, end_tok) \
            and _trailing_participle(doc, lo, v) == "past":
        return "past"  # "has been cooperating with the inquiry, including offering in August
        # to meet", "had played nice, with Cruz ... meeting with him in July"
    if tense is None and doc[v].tag_ in ("VB", "VBG", "VBN") and not _attributive(doc, v) \
            and not _modifies_noun(doc, start_tok, end_tok) \
            and _finite_past_left(doc, lo, min(v, start_tok)):
        return "past"  # "was bold enough to tout his position ... in March", "earned $40
        # million for helping Pharmacyclics sell itself to AbbVie in March"
    if headline is not None and tense == "present":
        return "headline"  # "Obama arrives in Israel Wednesday": just past or just ahead
    if (tense == "future" and v > end_tok and end_tok < len(doc) and doc[end_tok].tag_ == "POS"
            and (start_tok == lo or _breaks(doc, start_tok - 1) or doc[start_tok - 1].tag_ == "CC")):
        return "either"  # "Monday's decision will reverberate": the day of a subject's
        # event, just past or just ahead
    if tense == "present" and _copula_predicate(doc, v, start_tok):
        return "certain future"  # "The vote is on Sunday", "The deadline is Dec. 31"
    if tense == "present" and _present_subject(doc, lo, v, start_tok, end_tok):
        return "future"  # "Friday marks the tenth anniversary"
    if tense == "present" and v < start_tok and not any(_breaks(doc, i) for i in range(v + 1, start_tok)):
        if _scheduled_present(doc, v, end_tok):
            return "certain future" if _term_adjunct(doc, v, start_tok) else "scheduled"
        if _arranged_progressive(doc, v, start_tok, end_tok):
            return "future"
    if tense == "present" and _condition_of_a_future(doc, lo, hi, v, end_tok):
        return "future"
    if tense == "future" and v < start_tok and _term_adjunct(doc, v, start_tok) \
            and not _would_before(doc, v, lo):
        return "certain future"  # "The agreement will expire in December", said in February
    if tense == "present" and start_tok > lo and doc[start_tok - 1].lower_ in lx.present_until:
        return "future"  # "The embassy remains closed until Monday": the state lasts till then
    return tense


def _finite_past_left(doc: Doc, lo: int, i: int) -> bool:
    """Is the finite verb of the clause left of token ``i`` a simple past, with only
    non-finite verbs between ("was bold enough to tout", "earned $40 million for helping
    Pharmacyclics sell")? A bare infinitive, a gerund or a participle has no tense of its
    own; it happens with its clause's verb. Not across "to" but after "enough" ("agreed to
    pay in March" may be ahead), a plan's verb ("planned"), a comma or a clause opener."""
    lx = lexicon()
    for k in range(i - 1, lo - 1, -1):
        t = doc[k]
        if _breaks(doc, k) or _opens_clause(doc, k):
            return False
        if t.tag_ == "TO" and not (k > lo and doc[k - 1].lower_ in lx.result_before_to):
            return False
        if t.tag_ in _FINITE_TAGS:
            # not a past whose form is its base ("just cut down on errors and do a good job
            # in the fall": an imperative the tagger may read as a past)
            return t.tag_ == "VBD" and t.lower_ != t.lemma_.lower() and not lemma_in(t, lx.before_to)
    return False


def _modifies_noun(doc: Doc, start_tok: int, end_tok: int) -> bool:
    """Is the expression a modifier between a determiner and its noun ("teeing up the
    November showdown")? It dates the noun's event, not the verb's."""
    return (start_tok > 0 and doc[start_tok - 1].tag_ in _PRENOMINAL_BEFORE
            and end_tok < len(doc) and doc[end_tok].tag_ in _NOUN_TAGS)


def _trailing_participle(doc: Doc, lo: int, v: int) -> str | None:
    """The tense of the main clause on the left of a gerund that opens a segment after a
    comma ("..., including offering in August", "..., meeting with him in July"): such a
    clause has no tense of its own and tells what the main clause does. None when ``v`` is
    no such gerund or no finite verb is found before a clause opener."""
    if doc[v].tag_ != "VBG" or v - 1 <= lo:
        return None
    k = v - 1
    if doc[k].lower_ in lexicon().gerund_prepositions | lexicon().participle_openers:
        k -= 1
    if doc[k].text != ",":
        return None
    for i in range(k - 1, lo - 1, -1):
        t = doc[i]
        if t.text in (";", ":") or _opens_clause(doc, i):
            return None
        if t.tag_ in _FINITE_TAGS:
            main = i
            while main + 1 < v and doc[main + 1].tag_ in _VERB_TAGS | {"RB"}:
                main += 1
            while doc[main].tag_ == "RB":
                main -= 1
            return _group_tense(doc, main, lo)
    return None


def _imperative(doc: Doc, v: int, lo: int) -> bool:
    """Is the verb at ``v`` an imperative: a base form opening its sentence, a segment after
    a colon or dash, or a quotation that opens a sentence or follows a colon or comma
    ("Remember in November ...", "Vote on Tuesday!"), after "don't" or "please", or after
    "let's"? (Not of a day in a possessive: "Take Tuesday's schedule".)"""
    if doc[v].tag_ != "VB":
        return False
    k = v - 1
    words = lexicon().imperative_lead_words
    while k >= lo and (doc[k].lower_ in words and (doc[k].lower_ != "do" or doc[k].tag_ == "VB")):
        k -= 1
    if k >= lo + 1 and doc[k].lower_ in ("'s", "’s", "us") and doc[k - 1].lower_ == "let":
        return True
    if k < lo or doc[k].text in (":", "—", "–"):
        return True
    # an opening quotation mark that itself opens the sentence or follows a colon or comma
    return doc[k].text in ("“", '"', "''", "``") and (k == lo or doc[k - 1].text in (":", ","))


def _attributive(doc: Doc, i: int) -> bool:
    """Is the participle at ``i`` an adjective before its noun ("the looming showdown in
    July", "a planned rally")? It is no verb of the clause."""
    return (doc[i].tag_ in ("VBG", "VBN") and i > 0 and doc[i - 1].tag_ in _PRENOMINAL_BEFORE
            and i + 1 < len(doc) and doc[i + 1].tag_ in _NOUN_TAGS)


def _verbless(doc: Doc, sent_start: int, sent_end: int, start_tok: int, end_tok: int) -> bool:
    """Has the sentence no verb, but a plural or singular noun right after its first noun
    that may be one ("Talks resume Friday", "The House votes Thursday on the bill")? Lists,
    datelines and table rows have no such shape."""
    if start_tok - sent_start > 8 or end_tok >= sent_end:
        return False  # (checked first: the scan of the whole sentence below runs only for an
        # expression near its start)
    words = [t for t in doc[sent_start:start_tok] if not t.is_punct]
    if not (2 <= len(words) <= 4 and words[-1].tag_ in ("NN", "NNS") and words[-2].tag_ in _NOUN_TAGS):
        return False
    return not any(t.tag_ in _VERB_TAGS for t in doc[sent_start:sent_end])


def _condition_of_a_future(doc: Doc, lo: int, hi: int, v: int, end_tok: int) -> bool:
    """Is the verb at ``v`` a present in a clause of condition or time ("Unless a deal is
    reached by Friday", "When the vote is held on Sunday") beside a main clause in the
    future ("..., the strike will start", "The strike will start unless ...")? English uses
    the present there for what is ahead."""
    lx = lexicon()

    def opener(k: int) -> bool:  # "unless", and phrases ending there: "by the time"
        return any(" ".join(t.lower_ for t in doc[max(lo, k - w.count(" ")):k + 1]) == w
                   for w in lx.future_clause_openers)

    k = v - 1
    while k >= lo and not _breaks(doc, k) and not opener(k):
        k -= 1
    if k < lo or not opener(k):
        return False
    return any(doc[i].tag_ == "MD" and doc[i].lower_ in lx.modals
               for i in (*range(lo, k), *range(end_tok, hi)))  # the main clause, either side


ARRANGEMENT_REACH = 10  # tokens from the participle to the expression: its object and a place


def _arranged_progressive(doc: Doc, v: int, start_tok: int, end_tok: int) -> bool:
    """Is the verb at ``v`` a present progressive of an event with the expression as its
    adjunct ("The envoy is meeting rebel leaders on Friday", "Voters are heading to the
    polls on Sunday")? English tells an arrangement so: the day is ahead. Not a state
    ("is living in"), not a day that only names a noun ("Monday's quake"), and not after a
    singular noun, which the day may belong to ("investigating a shooting on Monday")."""
    lx = lexicon()
    if doc[v].tag_ in ("VBZ", "VBP") and doc[v].lemma_.lower() in _BE and v + 1 < start_tok:
        v += 1  # "is meeting rebel leaders": a participle before a noun read as its modifier
    t = doc[v]
    if t.tag_ != "VBG" or lemma_in(t, lx.present_states) or t.lemma_.lower() in _BE | _HAVE:
        return False
    if start_tok - v > ARRANGEMENT_REACH or doc[start_tok - 1].lower_ not in lx.arrangement_prepositions:
        return False
    if start_tok - 2 > v and doc[start_tok - 2].tag_ == "NN":
        return False  # "are investigating a shooting on Monday": the day may be the noun's
    return not (end_tok < len(doc) and doc[end_tok].tag_ == "POS")


def _object_noun(doc: Doc, v: int, end_tok: int) -> bool:
    """Is the verb at ``v`` followed by a noun phrase, its object ("reports quarterly earnings
    on", "announces the budget on")?"""
    i = v + 1
    while i < end_tok and doc[i].tag_ in ("DT", "PRP$", "JJ", "CD", "POS", "NNP"):
        i += 1
    return i < end_tok and doc[i].tag_ in ("NN", "NNS")


def _present_subject(doc: Doc, lo: int, v: int, start_tok: int, end_tok: int) -> bool:
    """Is the expression the subject of the present verb at ``v`` right after it, opening
    its clause ("Friday marks the tenth anniversary", "Tuesday is election day", said on a
    Wednesday)? A day that is now or ahead: a day gone would take the past, or say so ("Labor
    Day is barely over")."""
    if v != end_tok or doc[v].tag_ not in ("VBZ", "VBP"):
        return False
    if any(t.lower_ in lexicon().completed_predicates for t in doc[v + 1:v + 4]):
        return False  # "Labor Day is barely over"
    return start_tok == lo or _breaks(doc, start_tok - 1) or doc[start_tok - 1].tag_ == "CC"


def _copula_predicate(doc: Doc, v: int, start_tok: int) -> bool:
    """Is the expression at ``start_tok`` the predicate of the present *be* at ``v`` ("The
    vote is on Sunday", "Elections are in October", "A vote is possible on Thursday")? A
    past time would take "was": this is a date of the calendar, today or ahead."""
    lx = lexicon()
    t = doc[v]
    if t.tag_ not in ("VBZ", "VBP") or t.lemma_.lower() not in _BE or v >= start_tok:
        return False
    words = [doc[i].lower_ for i in range(v + 1, start_tok)]
    if words and words[0] in lx.copula_time_adjectives:
        words = words[1:]
    return " ".join(words) in lx.copula_time_links


def _would_before(doc: Doc, v: int, lo: int) -> bool:
    """Is the verb at ``v`` in a group with "would" (a future seen from the past, or a
    condition), not "will"?"""
    k = v - 1
    while k >= lo and doc[k].tag_ in _VERB_TAGS | {"RB", "TO"} and doc[k].tag_ != "MD":
        k -= 1
    return k >= lo and doc[k].tag_ == "MD" and doc[k].lower_ == "would"


def _term_adjunct(doc: Doc, v: int, start_tok: int) -> bool:
    """Is the expression at ``start_tok`` the time of a term's start or end told by the verb
    at ``v`` ("expires in December", "takes effect Jan. 1", "runs out in")? A calendar's
    date: the next one, however far ahead."""
    lx = lexicon()
    return lemma_in(doc[v], lx.term_verbs) and all(
        doc[i].lower_ in lx.term_verb_words for i in range(v + 1, start_tok))


def _scheduled_present(doc: Doc, v: int, end_tok: int) -> bool:
    """Is the verb at ``v`` a simple present of an event ("He leaves Rome on Monday",
    "Duran climbs into the ring on Saturday"): news tells a timetable so. Not a state ("is",
    "has", "remains"), a verb of saying, or a day in a possessive ("Friday's purchases are")."""
    t = doc[v]
    lx = lexicon()
    if t.tag_ not in ("VBZ", "VBP") or t.lemma_.lower() in _BE | _HAVE or lemma_in(t, lx.present_states):
        return False
    if lemma_in(t, lx.reporting) and not (lemma_in(t, lx.reporting_events) and _object_noun(doc, v, end_tok)):
        return False  # "says on Monday that": the report; not "reports earnings on Thursday"
    if v > 0 and doc[v - 1].tag_ in ("POS", "PRP$", "DT", "JJ"):
        return False  # "Clinton's wins Tuesday": a noun the tagger read as a verb
    return not (end_tok < len(doc) and doc[end_tok].tag_ == "POS")
