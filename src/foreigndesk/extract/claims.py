"""Claims: who says what, when, with which stance — and who repeats whom.

Only sentences that hold a quotation or a cue lemma (data/cues.yaml, tested on the tags of
the single spaCy pass) are dependency-parsed, in one batch. In each, every cue outside a
quotation (a reporting verb, "according to", "quoted as saying") gets

- its speaker: the cue's subject, resolved by :mod:`foreigndesk.extract.claim_speakers`
  (names, pronouns, role nouns, surnames, possessors);
- its content: by :mod:`foreigndesk.extract.claim_content` (adjacent quotation, complement
  clause, the clause the cue is inserted in); a cue without content gives no claim;
- its stance from the cue (asserts, denies, repeats, questions; a content ending in "?"
  questions); ``direct`` when the content holds a quotation of three words or more;
- its date: the time value of the sentence outside the content nearest the cue ("said …
  on Tuesday"), else the document's date.

Only the outermost attribution of a sentence counts: a claim whose cue stands inside
another claim's content is dropped ("criticized X for saying that …"), as PolNeAR's
guidelines have it. A quotation that opens a sentence (or the next paragraph) right after a
direct claim, with no cue of its own, continues that claim: its content takes it in.

Claims that no cue verb carries:

- transcript turns (:mod:`foreigndesk.extract.turns`): each sentence a labelled speaker
  says is that speaker's claim, the label its cue (:func:`turn_claims`);
- "Name: what was said" lines, headlines and "Kerry: “…”" (:func:`colon_claims`);
- headlines in title case, whose verbs the tagger reads as names ("Glenn Beck Blasts
  Drudge …", "…, Lindsey Graham Says"; :func:`headline_claims`);
- "Asked about X, …": a question with no speaker.

Echoes (:mod:`foreigndesk.extract.claim_echoes`) give claims with stance ``repeats``,
``echoes_actor`` and ``echoes_text``. Finally quantities inside a claim's content that have
no ``stated_by`` get the claim's speaker. ``tools/claims_analysis.py`` lists misses and
wrong speakers by class on PolNeAR train.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Token

from foreigndesk.extract.claim_content import (
    Content,
    ContentFinder,
    strip_final_period,
    token_span,
    trim,
)
from foreigndesk.extract.claim_cues import (
    Cue,
    CueLexicon,
    cue_positions,
    evidential_complement,
    find_cues,
    has_contracted,
    lexicon,
    passive_without_agent,
)
from foreigndesk.extract.claim_echoes import as_clause_remainder, earlier_claim, echo_object
from foreigndesk.extract.claim_quotes import Quote, find_quotes
from foreigndesk.extract.claim_speakers import (
    Ref,
    Speaker,
    SpeakerResolver,
    last_joined_name,
    speaker_of,
)
from foreigndesk.extract.name_gender import listed_given_names
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.turn_labels import norm, title_length, vocabulary
from foreigndesk.extract.turns import Turn, in_question, says_nothing
from foreigndesk.model import Claim, TimeValue

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("xcomp", "advcl", "acl", "conj", "pcomp", "prep", "dobj", "pobj", "relcl", "acomp", "oprd")
# relative words that may stand as a clause's subject ("whom" too: in "whom many progressives
# believed was …" the parser makes it a second subject beside "progressives")
_REL_PRONOUNS = {"who", "which", "that", "whom"}
# a time as the subject of a cue verb ("As the day went on, …"): no one speaks
_TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "night", "evening",
               "morning", "afternoon", "hour", "hours", "time", "season", "campaign season"}
_DATE_VALUE = re.compile(r"^\d{3}[\dX]")
DROP_WITHOUT_AGENT = False  # a claim whose subject is no agent keeps no speaker (see module doc)
_CONFIDENCE = {"name": 0.9, "surname": 0.85, "possessor": 0.8, "role": 0.75, "pronoun": 0.75,
               "author": 0.75, "phrase": 0.6}


def subject_of(tok: Token) -> Token | None:
    """The subject of a cue verb, climbing through participles, infinitives and conjuncts
    ("a statement calling on …" -> the subject of "issued")."""
    return subject_and_clause(tok)[0]


def subject_and_clause(tok: Token) -> tuple[Token | None, Token]:
    """The subject of a cue verb and the verb it was found on (whose clause holds the
    attribution: "On Monday, the president issued a statement calling on …")."""
    for_to = _for_to_subject(tok)
    if for_to is not None:
        return for_to, tok
    gerund = _gerund_subject_before(tok)
    if gerund is not None:
        return gerund, tok
    via_conj = False  # climbed from a conjunct: "X was forced to retreat and said …"
    via_xcomp = False  # climbed from an infinitive: "X is expected to argue …"
    via_participle = False  # climbed from a participle adjunct: "she's tacked left, calling for …"
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in _SUBJ:
                if c.dep_ == "nsubjpass" and via_participle and (
                        c.pos_ == "PROPN" or c.lower_ in _PERSONAL):
                    return c, tok  # "she's tacked to the left, … calling for …" (the parser's
                    # passive of a contracted "has"), "he was asked about it, saying …": the
                    # participle's subject is the clause's, whatever its voice
                if c.dep_ == "nsubjpass" and via_xcomp and c.pos_ in ("PROPN", "NOUN", "PRON"):
                    return c, tok  # "Mr. Sanders is expected to argue that …", "she was asked to
                    # explain why …", "the Fed is set to announce …": the one expected or asked
                    # speaks the infinitive
                if c.dep_ == "nsubjpass" and tok.lemma_.lower() != "quote" and not via_conj \
                        and not has_contracted(tok):  # ("He's said he …": has said)
                    return None, tok  # "no citizen should be denied …": not the speaker
                if c.dep_ == "nsubj" and c.i < tok.i and _nearer_subject(c, tok):
                    continue  # "Voters, Clinton suggested, don't …", "Speaking in Salem, New
                    # Hampshire, Trump went after Bush, calling …": the parser gave the verb two
                    # subjects; the one next to it is its own, the first a fronted word
                if c.lower_ in ("what", "whatever") and c.i < tok.i and any(
                        o.dep_ == "nsubj" and c.i < o.i < tok.i for o in tok.children):
                    continue  # "adapt to what she said is growing demand": "what" is the
                    # content's subject the parser also hung on the cue; she speaks
                if c.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl" and any(
                        o.dep_ == "nsubj" and c.i < o.i < tok.i and o.lower_ not in _REL_PRONOUNS
                        for o in tok.children):
                    continue  # "the drawdown, which they say left a vacuum": they speak, and
                    # "which" is the subject of the content the parser hung on the cue
                if c.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl":
                    noun = tok.head.lemma_.lower()
                    document = noun in lexicon().artifact_nouns or noun in lexicon().document_nouns
                    survey = any(t.lemma_.lower() in lexicon().survey_nouns
                                 for t in tok.head.subtree if t.i <= tok.head.i)
                    if c.lower_ in ("that", "which") and document and not _authored(tok.head) and not survey \
                            and tok.head.dep_ == "dobj" and tok.head.head.pos_ == "VERB":
                        # "X released a video that said …", "Greenberg released data Monday that
                        # suggest …": the one who released it (a document naming its author
                        # and a poll's results speak for themselves: "provides entrance poll
                        # results that show …"; "Russia vetoed a resolution that calls …": no one)
                        if tok.head.head.lemma_.lower() in lexicon().not_authoring:
                            return None, tok
                        issuer = next((g for g in tok.head.head.children if g.dep_ == "nsubj"), None)
                        if issuer is None and tok.head.head.tag_ == "VBG" \
                                and tok.head.head.dep_ in ("advcl", "conj", "xcomp"):
                            # "Sanders showed no sign of backing down, releasing a statement
                            # that accused …": the participle's subject released it
                            issuer = subject_of(tok.head.head)
                        if issuer is not None:
                            return issuer, tok.head.head
                    return last_joined_name(tok.head, tok, c.i), tok  # "Zhao, who said …"
                return _comma_joined_subject(_object_joined_to_subject(c, tok), tok), tok
        as_noun = _as_object(tok)
        if as_noun is not None:
            return as_noun, tok  # "As Akhil Amar, professor of law at Yale, put it, …"
        with_noun = _with_absolute(tok) or _share_before_participle(tok)
        if with_noun is not None:
            return with_noun, tok  # "The conversation ended with Maddow asking Clinton …"
        ratio = _ratio_before(tok)
        if ratio is not None:
            return ratio, tok  # "About 4 in 10 say they want …"
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.dep_ in ("dobj", "dative") and tok.head.head.lemma_.lower() in lexicon().address_verbs:
            tok = tok.head.head  # "the senator emailed supporters saying …": the one who wrote
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "to" \
                and tok.head.head.head.i != tok.head.head.i and _appeal(tok.head.head.head):
            # "Cruz is making a pitch to New York voters saying …", "sent a letter to donors
            # warning …": the participle after the ones addressed is the appeal's maker's
            tok = tok.head.head.head
            continue
        spent = _spending(tok)
        if spent is not None:
            tok = spent  # "Clinton spent much of the run-up to the Nevada caucuses portraying …"
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.lemma_.lower() not in lexicon().artifact_nouns and not (
                    tok.head.dep_ == "dobj" and tok.head.lemma_.lower() in lexicon().document_nouns
                    and tok.head.lemma_.lower() not in lexicon().survey_nouns):
            # ("released a parody website asking for …": a document someone released speaks
            # for them, further up; "a new poll showing …" still speaks for itself)
            return tok.head, tok  # "voters supporting her": the noun the participle describes
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in lexicon().artifact_nouns \
                and _authored(tok.head):
            return tok.head, tok  # "The mayor shared a NATO report saying …": the report's
            # author speaks, not the one who shares it (who issued an unsigned one does)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in lexicon().artifact_nouns and \
                tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in lexicon().not_authoring:
            return None, tok  # "Russia vetoed a resolution calling for …": the text calls (a
            # text with no author named)
        if tok.dep_ == "acl" and tok.tag_ == "VBD" and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.dep_ in ("nsubj", "ROOT") and tok.head.i < tok.i:
            # "a group of rabbis called for a boycott …, and …": a past-tense verb the parser
            # read as a reduced relative (those are past participles, VBN) has the noun as subject
            return tok.head, tok
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "PROPN" and tok.head.dep_ == "ROOT" \
                and tok.head.i < tok.i and not any(t.pos_ in ("VERB", "AUX") and t.i != tok.i and t.dep_ in (
                    "ROOT", "conj") for t in tok.sent) and not any(c.dep_ == "agent" for c in tok.children):
            # "Beruff, a Scott ally, called Florida's standards “strong.”": no verb heads the
            # sentence, the parser read its one verb as a reduced relative on the name before
            return tok.head, tok
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() != "spend" and any(c.dep_ == "dobj" for c in tok.head.children):
            return None, tok  # "urged Albright to tell …": asked to speak, not speaking
        if tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBZ", "VBP"):
            sibling = _subject_of_clause_before(tok)
            if sibling is not None:  # "when Kelly speculated about …, referred to … and
                return sibling  # considered …": the parser hung the second verb of the list
                # on the main clause; it shares the first one's subject
        joined = _subject_joined_to_object(tok)
        if joined is not None:
            return joined, tok  # "X will brand you a liar and NBC News will accuse you …"
        if tok.dep_ in _CLIMB and tok.head.i != tok.i:
            participle = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp")
            via_conj = tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
            via_xcomp = tok.dep_ == "xcomp"
            via_participle = via_participle or (participle and tok.dep_ == "advcl")
            tok = tok.head
            if participle and tok.dep_ == "ccomp" and tok.head.i != tok.i and not _bare_participle(tok) \
                    and tok.head.lemma_.lower() in lexicon().lemmas and not _inserted_attribution(tok):
                # "X told Y that Z had …, adding …": X adds, not Z; not "Ruiz went on offense
                # …, saying …, his plan is wrong …" (a list the parser hung on its last clause),
                # nor "I remember Carter going on TV …, declaring …" (Z's own act, no finite verb)
                tok = tok.head
        else:
            break
    return None, tok


def _gerund_subject_before(verb: Token) -> Token | None:
    """ "interviewed about Pope Francis calling Christmas a sham", "the conversation ended with
    Maddow asking Clinton …": a participle with no comma before it, right after a name (or
    "him", "her", "them") that the parser made the object of the clause before, has that name
    as its subject; else None."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i == 0:
        return None
    prev = verb.doc[verb.i - 1]
    if prev.head.i == verb.i or prev.dep_ not in ("pobj", "dobj") or not (
            prev.pos_ == "PROPN" or prev.lower_ in ("him", "her", "them")) \
            or prev.ent_type_ in ("DATE", "TIME"):
        return None  # ("sent the DNC a letter on Monday alleging …": the letter alleges)
    if prev.dep_ == "pobj" and prev.head.lower_ in ("on", "in", "at", "to"):
        return None  # "wrote a letter to Zucker asking …", "was on CNN talking about …": the
        # addressee or the venue does not speak
    return prev


def _time_passing(subj: Token) -> bool:
    """Is the subject a stretch of time ("As the day went on", "the week saw …", "days later
    …"), not a person so named ("Day said …": capitalised, with no determiner)?"""
    return subj.lower_ in _TIME_NOUNS and (subj.text[:1].islower() or subj.tag_ in ("NNS", "NNPS") or any(
        c.dep_ in ("det", "poss", "nummod", "amod", "prep") for c in subj.children))


def _appeal(t: Token) -> bool:
    """Is ``t`` an appeal to someone: a verb of addressing or appealing ("sent … to", "spoke
    to") or one whose object is an appeal ("making a pitch to")?"""
    low = t.lemma_.lower()
    return low in lexicon().appeal_words or low in lexicon().address_verbs or (t.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lexicon().appeal_words for c in t.children))


def _spending(part: Token) -> Token | None:
    """ "X spent much of the run-up to the caucuses portraying …", "has spent weeks arguing
    …": a participle the parser hung on a noun of the time spent is the spender's act; the
    verb "spend" above it, else None (not "spent $2 million on ads attacking …": the ads)."""
    if part.tag_ != "VBG" or part.dep_ != "acl" or part.head.lemma_.lower() in lexicon().artifact_nouns:
        return None
    t = part.head
    for _ in range(8):
        if t.lemma_.lower() == "spend" and t.pos_ == "VERB":
            return t
        if t.head.i == t.i or t.dep_ not in ("pobj", "prep", "dobj", "npadvmod", "acl"):
            return None
        t = t.head
    return None


def _for_to_subject(verb: Token) -> Token | None:
    """ "a natural opening for Clinton to highlight her experience", "time for Congress to
    say …": the object of the "for" right before the infinitive's "to" is its subject."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1), None)
    if to is None or to.i < 2:
        return None
    obj = verb.doc[to.i - 1]
    if obj.dep_ == "pobj" and obj.head.lower_ == "for" and obj.pos_ in ("PROPN", "NOUN", "PRON"):
        return obj
    return None


def _as_object(verb: Token) -> Token | None:
    """ "As Akhil Amar, professor of law at Yale, put it, …": the parser may read the name as
    the object of "as" and leave the verb of the as-clause without a subject (it would climb
    to the main clause's subject, the content's); the name, else None."""
    if verb.dep_ != "advcl" or any(c.dep_ in _SUBJ for c in verb.children):
        return None
    for c in verb.children:
        if c.lower_ == "as" and c.i < verb.i and c.dep_ in ("mark", "prep"):
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    for c in verb.head.children:
        # "Calls grew louder as Patti Davis, Ronald Reagan's daughter, attacked Trump": the
        # parser hung "as" and its name on the main verb; the as-clause's verb follows the name
        if c.lower_ == "as" and c.dep_ == "prep" and c.i < verb.i:
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if obj is not None and obj.right_edge.i < verb.i \
                    and all(t.is_punct for t in verb.doc[obj.right_edge.i + 1:verb.i]):
                return obj
    return None


_QUOTE_OPENERS = {"“", "``", '"', "‘", "'", ":"}  # what may open the words after "as saying"


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Interfax quoted a defence ministry official as saying …", "state media cited experts
    as saying …": the object of a verb of quoting (data ``quoting_verbs``) whose words the
    participle after "as" gives; the subject passes them on (it speaks, and repeats the one
    quoted, as PolNeAR annotates: the outlet is the source). That object, else None."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "as" or verb.head.dep_ != "prep":
        return None
    quoting = verb.head.head
    if quoting.lemma_.lower() not in lexicon().quoting_verbs or verb.lemma_.lower() not in lexicon().lemmas:
        return None
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if not any(c.dep_ == "ccomp" for c in verb.children) and (nxt is None or nxt.text not in _QUOTE_OPENERS):
        return None  # "cited a memo as pointing toward China": no words quoted, the memo says nothing
    return next((c for c in quoting.children if c.dep_ == "dobj" and c.i < verb.head.i), None)


def _with_absolute(verb: Token) -> Token | None:
    """ "ended with Maddow asking Clinton whether …", "with critics saying …": a participle
    right after the object of "with" (the parser hung it on the clause's verb) has that
    object for its subject; the noun, else None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.left_edge.i != verb.i \
            or verb.i < 2:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.dep_ != "pobj" \
            or noun.head.lower_ != "with":
        return None
    return noun


_PERSONAL = {"he", "she", "they", "we", "i"}


def _same_pronoun_above(subj: Token, verb: Token) -> bool:
    """Is the subject of ``verb`` (a verb of saying above the clause of ``subj``) the same
    personal pronoun, before it ("He announced that he …")?"""
    outer = subject_of(verb)
    return outer is not None and outer.i < subj.i and outer.lower_ == subj.lower_


def _inserted_attribution(verb: Token) -> bool:
    """Is ``verb`` an attribution of its own after a quotation the parser hung under the verb
    before it ('Comey cannot say that "…," Lewandowski added, saying …'): a cue verb whose
    subject follows the closing quotation mark? A participle after it is its speaker's."""
    if verb.lemma_.lower() not in lexicon().lemmas:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.left_edge.i == 0:
        return False
    before = verb.doc[subj.left_edge.i - 1]
    return before.tag_ == "''" or before.text == "\u201d"


def _bare_participle(verb: Token) -> bool:
    """Is ``verb`` a participle with no auxiliary ("remember Carter going on TV"), not the verb
    of a finite clause ("said Clinton was lying")?"""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _nearer_subject(subj: Token, verb: Token) -> bool:
    """Has ``verb`` another nominal or personal subject between ``subj`` and itself, after a
    comma that ends ``subj``'s phrase ("Voters, Clinton suggested, …"; "Berea, OH, after
    winning Ohio …, Gov. John Kasich (R-OH), said"; "A Libertarian, he backed …")? Then
    ``subj`` is a fronted word, not the verb's subject."""
    doc = verb.doc
    for o in verb.children:
        if o.dep_ == "nsubj" and subj.i < o.i < verb.i and (
                o.pos_ in ("PROPN", "NOUN") or o.lower_ in _PERSONAL) \
                and any(t.text == "," for t in doc[subj.right_edge.i + 1:o.left_edge.i]):
            return True
    return False


def _discourse_marker(tok: Token, lex: CueLexicon) -> bool:
    """Is the cue word ``tok`` part of a phrase that only joins sentences, followed by a comma
    ("That said, …", "Having said that, …", "Needless to say, …"; data ``discourse_markers``)?"""
    doc = tok.doc
    for words in lex.discourse_markers:
        for k, w in enumerate(words):
            if w != tok.lower_:
                continue
            a, b = tok.i - k, tok.i - k + len(words)
            if a >= 0 and b < len(doc) and doc[b].text == "," \
                    and [t.lower_ for t in doc[a:b]] == words \
                    and all(t.is_punct or t.is_space or t.lower_ in _MARKER_LEAD for t in doc[tok.sent.start:a]):
                return True  # opening its clause: not "a message that said, “…”"
    return False


_MARKER_LEAD = {"but", "and", "yet", "still", "so", "now", "well", "of", "course", "again"}


def _subject_of_clause_before(verb: Token) -> tuple[Token, Token] | None:
    """For a finite verb with no subject hung as an adverbial clause, the subject of the
    adverbial clause right before it on the same head, with only a comma between them ("was
    when Kelly speculated about the cost, referred to …"), and that clause's verb; else None."""
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    doc = verb.doc
    if verb.left_edge.i < 1 or doc[verb.left_edge.i - 1].text != ",":
        return None
    before = [c for c in verb.head.children if c.dep_ == "advcl" and c.i < verb.i
              and verb.left_edge.i - 2 <= c.right_edge.i <= verb.left_edge.i - 1]  # the comma may be its
    if not before:
        return None
    subj = next((c for c in before[-1].children if c.dep_ == "nsubj"), None)
    return (subj, before[-1]) if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") else None


def _subject_outside_quote(st: _DocState, tok: Token, base: int) -> Token | None:
    """The nearest subject up the heads of ``tok`` that stands outside every quotation."""
    for _ in range(5):
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not st.finder._in_quote(base + c.idx):
                return c
        if tok.head.i == tok.i or st.finder._in_quote(base + tok.head.idx):
            return None
        tok = tok.head
    return None


def _parenthetical_speaker(subj: Token, cue: Token) -> Token:
    """The speaker of a parenthetical cue the parser hung on the content's subject as an
    apposition: in "Clinton, a top aide said, “is very confident …”" the aide speaks and
    Clinton is the one spoken of (the apposition runs up to the cue, with no comma before
    the cue and one after it)."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return subj
    for ap in subj.children:
        if ap.dep_ == "appos" and ap.i > subj.i and ap.right_edge.i + 1 == cue.i \
                and any(t.text == "," for t in doc[subj.i + 1:ap.left_edge.i]) and ap.pos_ in ("NOUN", "PROPN"):
            return ap
    return subj


@dataclass
class _NearClause:
    verb: Token
    subject: Token


_CLOSING_MARKS = {"”", "''", '"', "’", "'"}


def _clause_before_participle(cue: Token, clause: Token) -> _NearClause | None:
    """For a participle adjunct (", saying …") on the way up from ``cue`` to the verb
    ``clause`` whose subject was taken: the finite clause that ends right before the
    participle's comma (a closing quotation mark may stand on either side of it) when that
    clause is not ``clause`` itself nor one of its content clauses, with its verb and its own
    nominal subject; else None."""
    doc = cue.doc
    part = cue
    for _ in range(5):
        if part.tag_ == "VBG" and part.dep_ in ("advcl", "acl", "conj"):
            break
        if part.i == clause.i or part.head.i == part.i:
            return None
        part = part.head
    else:
        return None
    k = part.left_edge.i - 1
    while k > 0 and doc[k].text in _CLOSING_MARKS:
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    k -= 1
    while k > 0 and doc[k].text in _CLOSING_MARKS:
        k -= 1
    t = doc[k]
    for _ in range(8):
        if t.i in (part.head.i, part.i, clause.i):
            return None
        if t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            break
        if t.head.i == t.i:
            return None
        t = t.head
    else:
        return None
    if t.right_edge.i < k or t.dep_ in ("ccomp", "xcomp", "ROOT") or t.head.i == t.i:
        return None  # not a clause ending at the comma; a content clause is its verb's
    subject = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i
                    and c.pos_ in ("PROPN", "NOUN") and c.lower_ not in _REL_PRONOUNS), None)
    if subject is None:
        return None
    return _NearClause(t, subject)


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` (the object's verb; for the object of a preposition,
    past the phrases it hangs in: "spent much of the run-up to the Nevada caucuses" -> spent)."""
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _share_before_participle(verb: Token) -> Token | None:
    """ "The shootings have left 62 percent of voters saying …": a participle right after
    (no comma) a share of people that is the object of the verb the parser hung it on has that
    share for its subject (a share of people does not attack or insist; the verb's subject
    did not say it); the share's head noun, else None."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp") or verb.left_edge.i != verb.i or verb.i < 2:
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1), None)
    if obj is None or obj.lower_ not in lexicon().share_nouns:
        return None
    of = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"), None)
    return obj if of is not None or obj.lower_ in ("most", "majority") else None


def _authored(document: Token) -> bool:
    """Does a document noun name its own author: a name before it ("a NATO report", "the
    White House memo", "Gallup's poll") or after "by"/"from" ("a report by the IMF")?"""
    for c in document.children:
        if c.dep_ in ("compound", "poss", "nmod") and c.i < document.i and c.ent_type_ not in ("DATE", "TIME") \
                and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and any(
                g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children):
            return True
    return False


def _document_before_participle(cue: Token, lex: CueLexicon) -> Token | None:
    """The document noun naming its author right before a participle cue that the parser
    hung on the verb whose object the document is ("Frank cites a White House memo saying
    …"): the document's author says it, not the one who cites it; else None (an unsigned
    document's words are its issuer's: "Clinton released a statement saying …")."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp") or cue.i == 0:
        return None
    prev = cue.doc[cue.i - 1]
    if prev.pos_ != "NOUN" or prev.lemma_.lower() not in lex.document_nouns or not _authored(prev):
        return None
    verb = cue.head
    if (prev.dep_ == "dobj" and prev.head.i == verb.i) or (
            prev.dep_ == "pobj" and prev.head.head.i == verb.i):
        return prev
    return None


def _participle_below(cue: Token, clause: Token) -> bool:
    """Is there a participle ("believing", "denouncing", "taking pains to emphasize") on the
    way up from the cue to the verb whose subject was taken?"""
    tok = cue
    for _ in range(5):
        if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp"):
            return True
        if tok.i == clause.i or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


@dataclass
class _DocState:
    pd: ParsedDoc
    lex: CueLexicon
    quotes: list[Quote]
    finder: ContentFinder
    speakers: SpeakerResolver
    claims: list[Claim] = field(default_factory=list)
    cue_at: dict[int, int] = field(default_factory=dict)  # id(claim) -> cue char offset
    clause: dict[int, tuple[int, int]] = field(default_factory=dict)  # id(claim) -> attribution clause
    cands: dict[int, list[int]] = field(default_factory=dict)  # candidate sentence -> cue tokens
    said: dict[int, tuple[int, Speaker]] = field(default_factory=dict)  # id(claim) -> history entry
    cue_tokens: set[int] = field(default_factory=set)  # the current sentence's cues that made claims
    echoed: set[int] = field(default_factory=set)  # id(claim) of X's claim in "As X said, …"

    def ctx_claim(self, i: int, cue: str, cue_char: int, speaker: Speaker, content: Content) -> Claim:
        """A claim made outside a cue's parse (a colon line): the sentence's span."""
        s0, s1 = sentence_bounds(self.pd, i)
        return EXTRACTOR._claim(self, i, cue, cue_char, speaker, content, "asserts", s0, s1,
                                confidence=0.7)


class ClaimExtractor:
    name = "claims"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas", "parse"})

    def __call__(self, pd: ParsedDoc) -> None:
        lex = lexicon()
        text = pd.document.text
        quotes = find_quotes(text)
        cands = {i: c for i, c in candidate_sentences(pd, lex, quotes).items()
                 if not in_question(pd, pd.sents[i].start_char)}  # "Q" asserts nothing
        # an interview's "A:" answers hold the answerer's first person (turns.py) but are no
        # claims sentence by sentence: what they claim is cued inside ("I think …")
        turns = [t for t in pd.cache.get("turns") or [] if t.label and not t.question
                 and t.speaker is not None and norm(t.label) not in vocabulary()["answer_labels"]]
        if not cands and not turns and ":" not in text and "\n" not in text.strip():
            return  # no cue, no turn, no "Name:" line, no headline line
        pd.parse(cands)
        finder = ContentFinder(text, quotes, lex.claim_nouns, lex.object_verbs)
        finder.noun_preps = lex.claim_head_nouns
        finder.light_preps = lex.speech_objects
        # a second verb of saying by the same speaker ends a content ("… and said …")
        finder.cue_lemmas = {v for v in lex.clause_only if lex.kind(v) == "statement"} - {"show", "indicate"}
        finder.clause_verbs = lex.rest_verbs
        finder.venue_nouns = lex.venue_nouns
        finder.particle_cues = set(lex.particle_verbs)
        finder.contrast_marks = lex.contrast_marks
        finder.verb_lemmas = set(lex.verbs)
        finder.all_cue_lemmas = set(lex.verbs) - {"continue", "show", "see", "find", "know", "back"}
        st = _DocState(pd, lex, quotes, finder, SpeakerResolver(pd, lex))
        st.cands = cands
        for i, cue_tokens in cands.items():
            self._sentence(st, i, cue_tokens)
        if turns:
            turn_claims(st, turns)
        colon_claims(st)
        headline_claims(st)
        _dates(st)
        pd.extraction.claims.extend(st.claims)
        _stated_by(pd, st.claims)

    # -- one sentence -----------------------------------------------------------------------
    def _sentence(self, st: _DocState, i: int, cue_tokens: list[int]) -> None:
        pd = st.pd
        sent = pd.sents[i]
        d = pd.parsed(i)
        base = sent.start_char
        stext = pd.sent_text(i)
        s_start = base + (len(stext) - len(stext.lstrip()))
        s_end = base + len(stext.rstrip())
        cues = find_cues(d, st.lex, cue_tokens)
        outside = [c for c in cues if not st.finder._in_quote(base + c.token.idx)]
        # "In a poll, 40% said …": the people polled speak; the survey only when no other cue
        # of the sentence makes a claim ("In the poll, Clinton's support has risen …")
        surveys = [c for c in outside if c.part == "survey"]
        # "appeared to suggest that …", "was reportedly critical of …": an evidential is read
        # after the other cues, and steps aside only for a cue of its clause that made a claim
        evidentials = [c for c in outside if c.part == "evidential"]
        outside = [c for c in outside if c.part not in ("survey", "evidential")]
        st.cue_tokens = set()
        made: list[Claim] = []
        # "In a CNN/ORC poll released Monday, 31% of Republicans said …": a share of the people
        # asked, under a survey that opens the sentence, is the survey's finding
        polled = [c for c in outside if any(_polled_share(c.token, s.token) for s in surveys)]
        if polled:
            outside = [c for c in outside if c not in polled]
            for cue in surveys:
                claim = self._from_cue(st, i, d, base, cue, s_start, s_end)
                if claim is not None:
                    made.append(claim)
            surveys = []
        for cue in outside:
            if cue.echo_mark is not None:
                continue
            claim = self._from_cue(st, i, d, base, cue, s_start, s_end)
            if claim is not None:
                made.append(claim)
                st.cue_tokens.update(t.i for t in cue.tokens)
        for cue in evidentials:
            claim = self._from_cue(st, i, d, base, cue, s_start, s_end)
            if claim is not None:
                made.append(claim)
        for cue in surveys if not made else []:
            claim = self._from_cue(st, i, d, base, cue, s_start, s_end)
            if claim is not None:
                made.append(claim)
        if len(made) > 1:
            _drop_nested(st, made)
        for cue in cues:
            if cue.echo_mark is not None:
                self._as_clause(st, i, base, cue, made, s_start, s_end)
        if not made:
            colon = self._colon_quote(st, i, d, base, s_start, s_end)
            if colon is not None:
                made.append(colon)
        if not made:
            cont = self._continuation(st, i, s_start, s_end)
            if cont is not None:
                made.append(cont)

    def _from_cue(self, st: _DocState, i: int, d: Doc, base: int, cue: Cue, s_start: int,
                  s_end: int) -> Claim | None:
        head = cue.token
        inverted: Token | None = None  # "The vote, said Anna Berg, …": the name after the cue
        if cue.part == "evidential":
            return self._evidential(st, i, base, cue, s_start, s_end)
        if _discourse_marker(cue.token, st.lex):
            return None  # "That said, Millennials say …": the marker says nothing, "say" does
        if cue.token.lemma_.lower() in st.lex.quoting_verbs and any(
                c.dep_ == "prep" and c.lower_ == "as" and any(_quoted_as_saying(g) is not None for g in c.children)
                for c in cue.token.children):
            return None  # "cited experts as saying …": the one quoted says it, through "saying"
        if cue.speaker_side == "object":
            subj = next((c for c in cue.tokens[-1].children if c.dep_ == "pobj"), None)
        elif cue.speaker_side == "possessor":
            subj = next((c for c in cue.token.children if c.dep_ == "poss"), None)
        else:
            subj, head = subject_and_clause(cue.token)
            late = next((c for c in cue.token.children if c.dep_ == "nsubj" and c.i > cue.token.i
                         and (c.pos_ == "PROPN" or (c.pos_ == "NOUN" and st.speakers._agent_phrase(c)))), None)
            if subj is not None and late is not None and subj.i < cue.token.i and cue.token.i > 0 \
                    and (d[cue.token.i - 1].text == "," or (
                        cue.token.i > 1 and d[cue.token.i - 1].text in _CLOSING_MARKS and d[cue.token.i - 2].text == ","
                        and subj.i < cue.token.i - 1)) \
                    and all(t.is_punct or t.is_space for t in d[late.right_edge.i + 1:]):
                # "<clause>, said Christine Link, …." ending the sentence: the parser made a
                # word of the clause a subject too; the name after the inverted cue speaks (a
                # hook for the content rule of the inverted cue in claim_content)
                subj, head = late, cue.token
            inserted = _inserted_after_phrase(cue.token, subj) or _name_after_topic(subj, cue.token) \
                or _name_ending_participle_subject(subj, cue.token) or (
                    _subject_in_fronted_phrase(cue.token) if subj is None or subj.dep_ == "csubj"
                    else None)
            if inserted is not None:
                subj, head = inserted, cue.token
            if subj is not None and _quoted_before(st, subj, cue.token, base):
                subj, head = _subject_after_quote(st, cue.token, base), cue.token
            inverted = _name_after_parenthetical_cue(cue.token)
            if inverted is not None:
                subj, head = inverted, cue.token
            document = _document_before_participle(cue.token, st.lex)
            if document is not None:
                subj, head = document, cue.token
            if subj is not None and cue.token.dep_ == "conj" and head.dep_ == "ccomp" \
                    and head.head.lemma_.lower() in st.lex.verbs and (
                        (subj.pos_ == "NOUN" and not st.speakers._agent_phrase(subj))
                        or (cue.lemma in st.finder.cue_lemmas and head.head.lemma_.lower() in st.finder.cue_lemmas)):
                # "X said the plan would fail and vowed to fight it": the parser joins the vow to
                # the content's verb; a thing cannot vow, the speaker of "said" does. A second
                # verb of saying after a first ("Kirsch told the AP her group never worked with
                # them and said …") is the first one's speaker's, as the content finder has it
                outer = subject_of(head.head)
                subj, head = (outer, head.head) if outer is not None else (subj, head)
            elif subj is not None and cue.token.dep_ == "conj" and head.dep_ == "ccomp" \
                    and _modal_clash(cue.token, head) and subject_of(head.head) is not None:
                # "Putin forecast that the economy would rebound and praised …": a past or
                # present verb cannot share the content's modal ("would … praised"), so the
                # parser joined it one clause too low; its subject is the outer one
                subj, head = subject_of(head.head), head.head
            elif subj is not None and cue.token.dep_ == "conj" and head.dep_ == "ccomp" \
                    and head.head.lemma_.lower() in st.lex.verbs and subj.lower_ in _PERSONAL \
                    and _same_pronoun_above(subj, head.head):
                # "He announced that he was undergoing therapy and vowed to …", "he did say he
                # found Trump “very charming” and called …": the same person either way; the
                # second act is the attribution's, whose subject is the outer one
                subj, head = subject_of(head.head) or subj, head.head
            elif subj is not None and head.dep_ == "relcl" and subj.i == head.head.i and subj.pos_ == "NOUN" \
                    and subj.lemma_.lower() not in st.lex.document_nouns \
                    and not st.speakers.resolve(i, subj, base).agent:
                # "in the wake of polls by Quinnipiac University that showed …": the parser hung
                # the relative clause on a thing further back; the noun right before the
                # relative pronoun, when it is an agent or a document, is what it describes
                rel = next((c for c in head.children if c.dep_ in _SUBJ and c.lower_ in _REL_PRONOUNS), None)
                prev = d[rel.i - 1] if rel is not None and rel.i > 0 else None
                if prev is not None and prev.i != subj.i and prev.pos_ in ("NOUN", "PROPN") and (
                        prev.lemma_.lower() in st.lex.document_nouns
                        or st.speakers.resolve(i, prev, base).agent):
                    subj = prev
            if subj is not None and _participle_below(cue.token, head) and subj.pos_ == "NOUN" \
                    and subj.lemma_.lower() not in st.lex.document_nouns \
                    and not st.speakers.resolve(i, subj, base).agent:
                # "Trump's campaign entered the conversation believing …", "Rubio had a strong
                # moment that could play big …, forcefully denouncing …", "X struck down
                # assertions that their show favoured Y, taking pains to emphasize …": the
                # parser hangs the participle on a thing's clause; a thing believes nothing,
                # the subject of the clause above does
                anchor = _verb_above(subj) if subj.dep_ in ("dobj", "pobj", "dative", "conj") else (
                    head.head if subj.dep_ == "nsubj" and head.dep_ in ("ccomp", "acl", "relcl", "advcl")
                    and head.head.i != head.i else None)
                outer = subject_of(anchor) if anchor is not None else None
                if anchor is not None and outer is not None and outer.i != subj.i \
                        and st.speakers.resolve(i, outer, base).agent:
                    subj, head = outer, anchor
            near = _clause_before_participle(cue.token, head)
            if subj is not None and near is not None:
                # "…, which Mr. Trump called ''a disgrace,'' blaming …", "… and Emanuel fired his
                # police chief, acknowledging …", "It was a potent punch, as Mrs. Clinton echoed
                # the criticism, saying …": the parser hung the participle on a verb further
                # back; it belongs to the clause that ends right before its comma when that
                # clause says something, is the second of two joined clauses, or has the only
                # agent of the two
                own = near.verb.lemma_.lower() in st.finder.all_cue_lemmas or near.verb.dep_ == "conj"
                if (own or not st.speakers.resolve(i, subj, base).agent) \
                        and st.speakers.resolve(i, near.subject, base).agent:
                    subj, head = near.subject, near.verb
            if subj is not None and cue.token.dep_ == "conj":
                subj = _name_after_dash(subj, cue.token) or _subject_left_as_object(subj, cue.token) or subj
                aside = _speaker_set_off_before(subj, cue.token)
                if aside is not None and st.speakers.resolve(i, aside, base).agent:
                    # "Facebook created the tool …, a spokeswoman, Anna White, said on
                    # Saturday, and …": an inserted attribution whose speaker the parser took
                    # for an object of the clause before
                    subj = aside
            elif subj is not None:
                joined = _joined_verb_above(cue.token, head)
                if joined is not None:  # "Prosecutors charged the officer and Emanuel fired his
                    # police chief, acknowledging …": the participle of the second clause, whose
                    # subject the parser joined to the first clause's object
                    subj = _subject_left_as_object(subj, joined) or subj
            if subj is not None and st.finder._in_quote(base + subj.idx) \
                    and not st.finder._in_quote(base + cue.token.idx) and not _quoted_term(st, subj, base):
                # "“We were wrong …,” Ramos, 58, told AFP", "X seemed unimpressed, telling
                # reporters, “A lot of people said …”": no speaker inside the quotation
                subj = _subject_outside_quote(st, cue.token, base)
            subj = subj or _inverted_subject(st, cue, base) or _name_after_quote(cue.token) \
                or _name_before(cue) or _first_person_before(cue)
        if subj is not None:
            subj = _past_dateline(subj, cue)
            subj = _parenthetical_speaker(subj, cue.token)
            if _time_passing(subj) and cue.speaker_side == "subject" and subj.head.i == cue.token.i:
                return None  # "As the day went on, …", "the week saw …": time passing says nothing
        if cue.lemma == "ask" and (cue.token.tag_ == "VBN" or _reduced_when(cue.token)) and len(cue.tokens) == 1 and (
                (cue.token.dep_ in ("advcl", "ROOT")
                 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.token.children))
                or passive_without_agent(cue.token) or _agent_of(cue.token) is not None):
            return self._asked(st, i, base, cue, s_start, s_end)
        if subj is None:
            return self._passive_by(st, i, base, cue, s_start, s_end)
        content = st.finder.find(cue, subj, base, s_start, s_end)
        if content is not None and cue.speaker_side == "subject" and subj is not None \
                and inverted is not None and subj.i == inverted.i:
            content = _with_fronted_words(st, cue.token, base, content)
        echo: tuple[Speaker, Claim | None] | None = None
        if cue.stance == "repeats":
            owner, echoed, span = echo_object(cue, st.lex, base, st.pd.document.text)
            if owner is not None:
                owner_sp = st.speakers.resolve(i, owner, base)
                prior = earlier_claim(st.claims, i, owner_sp.actor_id, owner_sp.code)
                echo = (owner_sp, prior)
                if content is None:
                    text = st.pd.document.text
                    if span is not None:
                        content = Content(span[0], span[1], text[span[0]:span[1]], False, [], "echo")
                    elif prior is not None and echoed is not None:
                        # the content is the earlier claim's; its span here is the phrase that
                        # names it ("Communist China's claim"), so the span stays in this sentence
                        s0, e0 = token_span(_noun_phrase(echoed), base)
                        content = Content(s0, e0, prior.content, False, [], "echo")
                    elif echoed is not None:
                        s0, e0 = token_span(list(echoed.subtree), base)
                        content = Content(s0, e0, text[s0:e0], False, [], "echo")
        if content is None or (len(content.text.split()) < 2 and content.how not in ("object", "prep")
                               and not _whole_quoted_answer(st, content)):
            return None
        speaker = st.speakers.resolve(i, subj, base, (content.start, content.end))
        if not speaker.agent and subj.lower_ == "you":
            return None  # "if you want to understand …", "You know, …": a generic "you" claims nothing
        if not speaker.agent and DROP_WITHOUT_AGENT:
            return None
        stance = cue.stance
        if stance == "asserts" and content.text.rstrip().endswith("?"):
            stance = "questions"
        if any(c.dep_ == "neg" and not content.start <= base + c.idx < content.end
               and not st.finder._in_quote(base + c.idx) for c in cue.token.children):
            # ("“Absolutely not,” he said": the parser hangs the quotation's "not" on the cue)
            if stance == "denies":
                stance = "asserts"  # "did not deny that …"
            elif cue.kind in ("belief", "intention") and cue.part == "verb" and content.how != "quote-before":
                # "Roffman doesn't want to tangle with Trump", "the governor does not think the
                # plan will pass", "has not endorsed Trump": a belief or intention held against
                # the content; the speaker denies it
                stance = "denies"
            else:
                return None  # "officials did not say whether …" claims nothing
        kind = cue.kind
        if content.how == "request":  # "asked a judge to block the rules": wanting it done
            kind, stance = "intention", "asserts"
        claim = self._claim(st, i, cue.text, base + cue.token.idx, speaker, content, stance,
                            s_start, s_end, kind=kind)
        clause = head if cue.speaker_side == "subject" else cue.token.head
        st.clause[id(claim)] = token_span([clause.left_edge, clause.right_edge], base)
        quoted = _quoted_as_saying(cue.token) if echo is None else None
        if quoted is not None:  # "Xinhua quoted Premier Li as saying …": Xinhua repeats Li
            echo = (st.speakers.resolve(i, quoted, base, (content.start, content.end)), None)
        if echo is not None:
            owner_sp, prior = echo
            claim.stance = "repeats"
            claim.echoes_actor = owner_sp.actor_id
            claim.echoes_text = prior.content if prior is not None and content.how == "echo" \
                and content.start == prior.content_start else content.text
            if claim.echoes_actor is None:
                claim.echoes_text = content.text
        st.finder.used.update(content.quotes)
        return claim

    def _passive_by(self, st: _DocState, i: int, base: int, cue: Cue, s_start: int,
                    s_end: int) -> Claim | None:
        """ "The meeting was first reported by Politico", "the measure was rejected by 64
        percent of voters", "Trump has been criticized by his rivals for …": the agent after
        "by" speaks; the passive subject (with what completes it) is the content. Only verbs
        whose noun-phrase object is their content (data/cues.yaml ``object_verbs``) and
        verbs of reporting."""
        tok = cue.token
        if cue.part != "verb" or tok.tag_ != "VBN" or not (
                cue.lemma in st.lex.object_verbs or cue.lemma in st.lex.rest_verbs):
            return None
        agent = next((g for c in tok.children if c.dep_ == "agent" and c.i > tok.i
                      for g in c.children if g.dep_ == "pobj"), None)
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
        if agent is None or patient is None or patient.pos_ == "PRON" \
                or st.finder._in_quote(base + agent.idx) or any(c.dep_ == "neg" for c in tok.children):
            return None
        text = st.pd.document.text
        pieces = [trim(text, *token_span(list(patient.subtree), base))]
        for c in tok.children:  # "criticized … for failing to …", "named … as …"
            if c.i > tok.i and (c.dep_ in ("oprd", "xcomp") or (
                    c.dep_ == "prep" and c.lower_ in ("for", "as", "over", "of"))):
                pieces.append(trim(text, *token_span(list(c.subtree), base)))
        s0, e0 = pieces[0][0], strip_final_period(text, pieces[0][0], max(e for _, e in pieces))
        body = " ".join(text[a:min(b, e0)] for a, b in pieces)
        if len(body.split()) < 2:
            return None
        content = Content(s0, e0, body, False, st.finder.quotes_in(s0, e0), "passive")
        speaker = st.speakers.resolve(i, agent, base, (s0, e0))
        return self._claim(st, i, cue.text, base + tok.idx, speaker, content, cue.stance, s_start,
                           s_end, kind=cue.kind)

    def _asked(self, st: _DocState, i: int, base: int, cue: Cue, s_start: int, s_end: int) -> Claim | None:
        """ "Asked about the wall, Trump said …", "Asked whether …", "Cruz was asked what …":
        a question someone unnamed put (the one asked answers in the main clause). Its content
        is what was asked about, with no speaker; "X has been asked to …" is a request (an
        intention) with no speaker."""
        tok = cue.token
        body: list[Token] | None = None
        stance, kind = "questions", cue.kind
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("about", "on", "regarding") and c.i > tok.i:
                obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if obj:
                    body = list(obj[0].subtree)
            elif c.dep_ in ("ccomp", "advcl") and c.i > tok.i and any(
                    m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
                body = [t for t in c.subtree if t.lower_ not in ("if", "whether") or t.i != c.left_edge.i]
            elif c.dep_ == "ccomp" and c.i > tok.i and c.left_edge.tag_ in ("WP", "WRB", "WDT", "WP$"):
                body = list(c.subtree)  # "was asked what happened to …", "how ties would fare"
                comma = next((t.i for t in body if t.text == "," and t.i < c.i), None)
                if comma is not None:  # "When asked why, Sembler responded …": the parser
                    # made the answer the question; what was asked ends at the comma
                    body = [t for t in body if t.i < comma]
                    if len(body) < 2:
                        return None  # "why" alone says nothing
            elif c.dep_ == "dobj" and c.i > tok.i and c.lemma_.lower() == "question":
                body = list(c.subtree)  # "was asked a question about …"
            elif c.dep_ == "xcomp" and c.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and any(a.dep_ == "auxpass" for a in tok.children):
                body = list(c.subtree)  # "has been asked to release the transcripts": a request
                stance, kind = "asserts", "intention"
            if body:
                break
        if not body:
            return None
        s0, e0 = trim(st.pd.document.text, *token_span(body, base))
        if e0 - s0 < 3:
            return None
        content = Content(s0, e0, st.pd.document.text[s0:e0], False, [], "asked")
        agent = _agent_of(tok) or _addressee_asking(tok)  # "was asked by host John Dickerson
        # whether …": the host asks; "X told CNN when asked …": CNN asks
        if agent is not None and not st.finder._in_quote(base + agent.idx):
            speaker = st.speakers.resolve(i, agent, base, (s0, e0))
        else:
            speaker = Speaker("", None, None, None, "none", agent=False)
        return self._claim(st, i, cue.text, base + tok.idx, speaker, content, stance, s_start,
                           s_end, confidence=0.5, kind=kind)

    def _evidential(self, st: _DocState, i: int, base: int, cue: Cue, s_start: int,
                    s_end: int) -> Claim | None:
        """ "Trump appeared to mock the rule", "It seems likely that …": something presented
        as likely with no one saying it. The content runs from the subject (unless "it"/"there")
        to the end of the complement; no speaker. A complement that holds a cue of its own
        ("appeared to suggest that …") is left to that cue."""
        tok = cue.token
        if tok.dep_ == "advmod":
            return self._evidential_adverb(st, i, base, cue, s_start, s_end)
        comp = evidential_complement(tok)
        if comp is None or (any(c.dep_ == "neg" for c in tok.children) and not passive_without_agent(tok)):
            return None  # "cannot seem to …", "does not appear to …": nothing presented as likely
            # (but "is not expected to attend" is an expectation)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        toks = list(comp.subtree)
        if subj is not None and subj.lower_ not in ("it", "there"):
            toks += list(subj.subtree) + [tok]
        if any(t.i in st.cue_tokens for t in comp.subtree):
            return None
        text = st.pd.document.text
        s0, e0 = trim(text, *token_span(toks, base))
        e0 = strip_final_period(text, s0, e0)
        if len(text[s0:e0].split()) < 3:
            return None
        content = Content(s0, e0, text[s0:e0], False, [], "evidential")
        speaker = Speaker("", None, None, None, "none", agent=False)
        if subj is not None and tok.lemma_.lower() in st.lex.evidential_verbs and subj.lower_ not in ("it", "there") \
                and comp.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in comp.children):
            # "Obama seemed to recognize …", "He appeared to make a joke about …": the attitude
            # or act shown is the subject's, when the subject is an agent ("The economy
            # appeared to slow" has no speaker) that acts ("Twitter appears to be heavily used"
            # and "he seemed to be a candidate" show nothing of his); "X is expected to …" stays
            # no one's
            own = st.speakers.resolve(i, subj, base, (s0, e0) if subj.i > tok.i else None)
            if own.agent:  # the content is then what is shown of them, without them
                speaker = own
                c0, c1 = trim(text, *token_span(list(comp.subtree), base))
                c1 = strip_final_period(text, c0, c1)
                if len(text[c0:c1].split()) >= 3:
                    content = Content(c0, c1, text[c0:c1], False, [], "evidential")
        return self._claim(st, i, cue.text, base + tok.idx, speaker, content, "asserts", s_start, s_end,
                           confidence=0.4, kind=cue.kind)

    def _evidential_adverb(self, st: _DocState, i: int, base: int, cue: Cue, s_start: int,
                           s_end: int) -> Claim | None:
        """ "X was reportedly targeted by …", "Reportedly, he made …", "has allegedly …": the
        clause the adverb modifies, reported by no one named (data ``evidential_adverbs``); a
        statement with no speaker (a negation is part of what was reported: "was reportedly not
        searched"). A clause that holds a cue of its own ("reportedly said that …") is left to
        that cue."""
        head = cue.token.head
        toks = [t for t in head.subtree if t.i != cue.token.i]
        if any(t.i in st.cue_tokens for t in toks):
            return None
        text = st.pd.document.text
        s0, e0 = trim(text, *token_span(toks, base))
        e0 = strip_final_period(text, s0, e0)
        if len(text[s0:e0].split()) < 3 or st.finder._in_quote(base + cue.token.idx):
            return None
        content = Content(s0, e0, text[s0:e0], False, [], "evidential")
        speaker = Speaker("", None, None, None, "none", agent=False)
        return self._claim(st, i, cue.text, base + cue.token.idx, speaker, content, "asserts", s_start, s_end,
                           confidence=0.4)

    def _claim(self, st: _DocState, i: int, cue_text: str, cue_char: int, speaker: Speaker,
               content: Content, stance: str, s_start: int, s_end: int,
               confidence: float | None = None, kind: str = "statement") -> Claim:
        text = st.pd.document.text
        start = min(s_start, content.start) if content.how != "echo" else s_start
        end = max(s_end, content.end) if content.how != "echo" else s_end
        conf = confidence if confidence is not None else _CONFIDENCE.get(speaker.via, 0.6) - (
            0.0 if content.direct else 0.1)
        if not speaker.agent:
            conf = min(conf, 0.4)  # no agent: a pronoun left unresolved, a poll, a thing
        agent = speaker.agent
        claim = Claim(
            st.pd.doc_id, i, start, end, text[start:end], self.name, self.version, round(conf, 2),
            speaker_actor=speaker.actor_id if agent else None,
            speaker_text=speaker.text if agent else None,
            speaker_code=speaker.code if agent else None,
            speaker_start=speaker.start if speaker.start >= 0 else None,
            speaker_end=speaker.end if speaker.start >= 0 else None,
            cue=cue_text.lower(), content=content.text, content_start=content.start,
            content_end=content.end, direct=content.direct, stance=stance, kind=kind,
        )
        st.cue_at[id(claim)] = cue_char
        st.claims.append(claim)
        if agent:
            entry = (i, speaker)
            st.speakers.history.append(entry)
            st.said[id(claim)] = entry
        return claim

    def _as_clause(self, st: _DocState, i: int, base: int, cue: Cue, made: list[Claim],
                   s_start: int, s_end: int) -> None:
        """ "As X pointed out, <rest>": inside a claim made here, that claim repeats X's;
        X's own claim is recorded too."""
        # "As reported by the Globe, …": the agent of the passive cue, not the main clause's subject
        subj = next((g for c in cue.token.children if c.dep_ == "agent"
                     for g in c.children if g.dep_ == "pobj"), None) if cue.token.tag_ == "VBN" else None
        subj = subj or subject_of(cue.token)
        if subj is None or _time_passing(subj):  # "As the day went on, …": time, no one
            return
        text = st.pd.document.text
        saying = frozenset(st.lex.rest_verbs)
        host = next((c for c in made if c.content_start <= base + cue.token.idx < c.content_end), None)
        if host is not None:
            rest = as_clause_remainder(cue, base, text, (host.content_start, host.content_end), saying)
        else:
            rest = as_clause_remainder(cue, base, text, (s_start, s_end), saying)
        if rest is None:
            return
        source = st.speakers.resolve(i, subj, base, (rest[0], rest[1]))
        if not source.agent and subj.lower_ == "you":
            return  # "As you know, …" repeats no one
        body = rest[2]
        content = Content(rest[0], rest[1], body, False, [], "as-clause")
        if host is not None:
            host.stance = "repeats"
            host.echoes_actor = source.actor_id
            host.echoes_text = body
            host.content, host.content_start, host.content_end = body, content.start, content.end
        echoed = self._claim(st, i, cue.text, base + cue.token.idx, source, content, "asserts",
                             s_start, s_end, confidence=_CONFIDENCE.get(source.via, 0.6) - 0.2)
        st.echoed.add(id(echoed))
        if host is not None and len(st.speakers.history) >= 2:  # keep the host's speaker the
            st.speakers.history.append((i, st.speakers.history[-2][1]))  # latest for "he added"

    def _colon_quote(self, st: _DocState, i: int, d: Doc, base: int, s_start: int,
                     s_end: int) -> Claim | None:
        """ "Trump went even further: “If he loses, it's the end of his career.”", "She
        addressed the supporters again: “…”", "Article 33 affirms: “…”": a clause with a
        subject and a verb, a colon, and a quotation right after it (in this sentence or
        opening the next) that no cue took. The subject speaks; the verb is the cue."""
        text = st.pd.document.text
        colon = next((t for t in d if t.text == ":" and not st.finder._in_quote(base + t.idx)), None)
        if colon is None or colon.i < 2:
            return None
        at = base + colon.idx + 1
        pre = text[s_start:at - 1]
        words = re.findall(r"[A-Za-z]{2,}", pre)
        if _DIGEST_DASH.search(pre) or sum(w.isupper() for w in words) * 2 >= len(words):
            return None  # a digest's "HEADLINE - Name: “…”" or a line in capitals: colon_claims
        q = next((q for q in st.finder.quotes if q.start >= at and not text[at:q.start].strip()), None)
        if q is None or q in st.finder.used or not q.sentence_like or st.finder._title(q) \
                or (q.start >= s_end and text[at:s_end].strip()):
            return None
        verb = colon.head
        while verb.dep_ in ("xcomp", "dobj", "prt", "advmod") and verb.head.i != verb.i and verb.head.i < colon.i:
            verb = verb.head
        if verb.i > colon.i or not verb.tag_.startswith("VB"):
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subj is None or subj.lower_ in ("it", "this", "that", "there", "which", "what") \
                or st.finder._in_quote(base + subj.idx):
            return None
        speaker = st.speakers.resolve(i, subj, base, (q.inner_start, q.inner_end))
        s0, e0 = trim(text, q.inner_start, q.inner_end)
        content = Content(s0, e0, text[s0:e0], True, [q], "colon-quote")
        st.finder.used.add(q)
        return self._claim(st, i, verb.text, base + verb.idx, speaker, content, "asserts", s_start, s_end)

    def _continuation(self, st: _DocState, i: int, s_start: int, s_end: int) -> Claim | None:
        """A quotation opening this sentence, right after a direct claim, with no cue of its
        own: the same speaker goes on, and the claim takes it in ("“…,” she said. “…”"). So
        does a paragraph that opens with a quotation right after the claim's paragraph (the
        convention for a quote running over paragraphs). A quotation the next sentence
        attributes ("“…?” Trump said") is left to that sentence."""
        if not st.claims:
            return None
        prev = st.claims[-1]
        sp = st.speakers
        if not prev.direct or prev.sentence < i - 2 or prev.sentence >= i:
            return None
        same = sp.paragraph[prev.sentence] == sp.paragraph[i]
        if not same and not (sp.paragraph[i] == sp.paragraph[prev.sentence] + 1 and prev.sentence == i - 1):
            return None
        q = next((q for q in st.finder.quotes_in(s_start, s_end)
                  if q.start <= s_start + 1 and q.sentence_like and q not in st.finder.used), None)
        if q is None or prev.content_end > q.start:
            return None
        text = st.pd.document.text
        last = sp.pd.sentence_index(max(q.start, q.end - 1))
        if any(st.cands.get(j) for j in range(i + 1, last + 1)):
            return None  # the quotation ends in a sentence with its own attribution
        if last + 1 < len(sp.pd.sents) and st.cands.get(last + 1):
            gap = text[q.end:sp.pd.sents[last + 1].start_char]
            if not gap.strip() and "\n" not in gap:
                return None  # "“…?” Trump said": the next sentence attributes it
        body = text[q.inner_start:q.inner_end]
        prev.content = f"{prev.content} … {body}"
        prev.content_end = q.inner_end
        prev.end = max(prev.end, s_end, q.end)
        prev.text = text[prev.start:prev.end]
        st.finder.used.add(q)
        return prev


_TURN_MIN_WORDS = 3


def sentence_bounds(pd: ParsedDoc, i: int) -> tuple[int, int]:
    """Sentence ``i``'s span as the sentence extractor stores it (trailing space off)."""
    sent = pd.sents[i]
    return sent.start_char, sent.start_char + len(pd.sent_text(i).rstrip())


def t_first(turns: list[Turn]) -> int:
    """Where the first turn starts (mentions before it name the speakers)."""
    return min(t.start for t in turns)


def turn_claims(st: _DocState, turns: list[Turn]) -> None:
    """Each sentence a labelled speaker says in a transcript turn ("THE PRESIDENT: We did
    the right thing.", "Mr. McDERMOTT. Our policy ... is hurting innocent people") is a claim
    of that speaker, with the label as its cue: the outermost attribution, beside any claim
    quoted inside the sentence ("when we asked China …, they didn't deny …"). Skipped:
    fragments under three words, sentences the speaker's own cue already covers ("I think
    …"), headings in capitals that name no known speaker (a given name and a surname, "JAKE
    TAPPER:", is a speaker), and, for a mixed-case label in an article ("Matthews: …"),
    whatever follows the label's paragraph. In an article the labelled line is the outermost
    attribution, so a cue inside it ("Matthews: Bernie says …") makes no claim of its own. A
    question the speaker asks questions."""
    from foreigndesk.extract.actor_data import load_index

    pd = st.pd
    text = pd.document.text
    lex = st.lex
    known = load_index().actors
    mentioned = {m.actor_id for m in pd.extraction.mentions if m.start < t_first(turns)}
    # "JAKE TAPPER:" (a given name and a surname) names a person even when no one knows him;
    # "TAPPER:" after it is the same person
    mentioned |= {t.speaker.actor.id for t in turns if t.speaker is not None
                  and len(norm(t.label).split()) > 1 and norm(t.label).split()[0].lower() in listed_given_names()}
    for t in turns:
        assert t.speaker is not None
        actor = t.speaker.actor
        label_text = text[t.start:t.body].strip()
        end = t.end
        record = label_text.endswith(".")  # "Mr. McDERMOTT." (Congressional Record)
        transcript = record or label_text.rstrip(":").isupper()
        if not transcript:
            # "Matthews: Well, …" in an article: the label's paragraph only
            nl = text.find("\n", t.body)
            end = min(end, nl) if nl >= 0 else end
        elif not record and actor.id not in known and actor.id not in mentioned and not title_length(norm(label_text.rstrip(":.").strip())):
            continue  # "DELEGATE NEWS:"-style all-capital headings: no speaker anyone knows (a
            # title before the name, "MR. PRICE:", "AMBASSADOR SMITH:", names a person)
        code = (t.speaker.country or "") + (t.speaker.sector or "") or None
        label = text[t.start:t.body].strip()
        first = pd.sentence_index(t.body)
        for i in range(first, len(pd.sents)):
            sent = pd.sents[i]
            if sent.start_char >= end:
                break
            if sent.start_char < t.body:
                continue
            s0, s1 = trim(text, sent.start_char, min(sent.end_char, end))
            body = text[s0:s1]
            if len(re.findall(r"\w+", body)) < _TURN_MIN_WORDS or (transcript and says_nothing(sent)):
                continue
            if any(c.sentence == i and c.speaker_actor == actor.id
                   and c.content_end - c.content_start >= 0.6 * (s1 - s0) for c in st.claims):
                continue  # "I think we did the right thing": already the speaker's claim
            inside = [c for c in st.claims if c.sentence == i]
            if not transcript:
                # in an article ("Matthews: Bernie says he's going to pay …"), the labelled
                # line is the outermost attribution: a cue inside it makes no claim of its
                # own, but for X's in "As X said, …" (the line repeats X) and an echo
                for c in inside:
                    if c.stance != "repeats" and id(c) not in st.echoed:
                        _forget(st, c)
            stance = "questions" if body.endswith("?") else "asserts"
            kind = "statement"
            for tok in sent:
                if tok.tag_.startswith("VB") and tok.lemma_.lower() in lex.kinds and tok.i > sent.start \
                        and sent.doc[tok.i - 1].lower_ in ("i", "we"):
                    kind = lex.kind(tok.lemma_.lower())  # "I think ...", "we want ..."
                    break
            speaker = Speaker(actor.name, actor.id, code, "person" if actor.kind == "person" else "group",
                              "turn", t.start, t.start + len(label))
            content = Content(s0, s1, body, False, [], "turn")
            claim = ClaimExtractor._claim(EXTRACTOR, st, i, label, t.start, speaker, content, stance,
                                          *sentence_bounds(pd, i), confidence=0.8, kind=kind)
            claim.speaker_start = claim.speaker_end = None  # a label, not a mention in the prose
            _echo_inside(st, claim, inside)


_COLON_LINE = re.compile(r"^(?P<src>[^:\n\"“”]{2,140}?)\s*:\s+(?P<body>\S.*\S)\s*$", re.S)
_NAME_LINKS = {"of", "at", "the", "and", "for", "on", "in", "de", "von", "van", "'s", "’s"}
_DIGEST_DASH = re.compile(r".*\s[-–—]\s")
# a digest item's dash before its source, spaced or glued to it ("… all along -More from X:")
_SOURCE_DASH = re.compile(r".*\s[-–—](?:\s+|(?=[A-Z]))")
# a place or a time opens the words before the colon ("In Iowa: …", "After the debate: …")
_PLACE_PREPS = {"in", "at", "on", "for", "with", "by", "after", "before", "about", "over",
                "into", "as", "to", "during", "since", "until", "inside", "outside"}


def _colon_source(src: str, quoted: bool, lex: CueLexicon) -> tuple[int, int, bool] | None:
    """Where the speaker stands in ``src``, the words before a line's colon: (start, end,
    after a "From" prefix). After a digest's dash ("HEADLINE - Name: “…”", only before a
    quotation) or a tag ("EXCLUSIVE – Roger Stone: …"), after "More from" ("More from Jones:
    “…”"), before a topic, an audience or a venue ("CNN President On Trump: ‘…’", "Clinton to
    Planned Parenthood: …"; data ``colon_topic_links``). None: a digest headline with no
    quotation after its source, or a source too long to be one."""
    start, end = 0, len(src)
    dash = _SOURCE_DASH.match(src)
    if dash is not None:
        tag = src[:dash.end()].strip(" -–—").lower()
        if not quoted and tag not in lex.colon_labels:
            return None
        start = dash.end()
    elif len(src) > 70:
        return None
    prefixed = False
    low = src[start:].lower()
    for p in lex.colon_source_prefixes:
        if low.startswith(p + " "):
            start += len(p) + 1
            prefixed = True
            break
    links = "|".join(sorted(lex.colon_topic_links))
    topic = re.search(rf"\s(?:{links})\s", src[start:end], re.I) if links else None
    if topic is not None and src[start:start + topic.start()].strip():
        end = start + topic.start()
    return start, end, prefixed


def _section_heading(src: str) -> bool:
    """Is the capitalised text before a line's colon a section heading, not a speaker: all in
    capitals and either holding a comma, opening with an -ING word or five words long
    ("PROMOTING A STABLE, PROSPEROUS, AND FREE CUBA:", "PROTECTING AMERICAN WORKERS:", the
    headings of a fact sheet; not "JAKE TAPPER:" or "THE PRESIDENT:")?"""
    words = src.split()
    if not words or not src.isupper():
        return False
    return "," in src or words[0].endswith("ING") or len(words) >= 5


def _mostly_names(body: str) -> bool:
    """Are four in five words of ``body`` capitalised (a list of names, not a sentence)?"""
    words = re.findall(r"[A-Za-z][\w’'.-]*", body)
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _names_again(text: str, src: str, b0: int, b1: int) -> bool:
    """Does what follows a colon name the source's person again ("Bernie Sanders: Credit
    scores On his campaign website, Senator Bernie Sanders calls for …")? Then the line
    heads a section about them, and its speaker is not speaking."""
    words = re.findall(r"[A-Z][\w’'-]+", src)
    return bool(words) and re.search(rf"\b{re.escape(words[-1])}\b", text[b0:b1]) is not None


def _echo_inside(st: _DocState, claim: Claim, inside: list[Claim]) -> None:
    """A labelled line holding "As X has said, …" repeats X (as a cue's claim does, see
    ``_as_clause``); X's own claim stays beside it."""
    x = next((c for c in inside if id(c) in st.echoed), None)
    if x is not None:
        claim.stance = "repeats"
        claim.echoes_actor = x.speaker_actor
        claim.echoes_text = x.content


def _forget(st: _DocState, c: Claim) -> None:
    """Drop a claim made earlier: its speaker is no antecedent any more."""
    st.claims.remove(c)
    entry = st.said.pop(id(c), None)
    if entry is not None:
        st.speakers.history[:] = [h for h in st.speakers.history if h is not entry]


def _nested_in_line(st: _DocState, sents: list[int], s_start: int, colon: int, b0: int,
                    b1: int) -> list[Claim] | None:
    """The claims of the line's sentences ``sents`` nested in what a labelled line says ([b0, b1) after the
    colon; the source at ``s_start``); None when a claim of the sentence is the source's own
    ("Trump Says: …": its verb before the colon) or reaches across the colon. A digest
    headline's claim before the source ("Poll shows Trump ahead - Name: “…”") stays."""
    inner: list[Claim] = []
    for c in st.claims:
        if c.sentence not in sents or c.stance == "repeats" or id(c) in st.echoed:
            continue  # an echo, and X's claim in "As X said, …", stay beside the line
        cue = st.cue_at.get(id(c), -1)
        if cue < s_start and c.content_end <= s_start + 1:
            continue
        if s_start <= cue < colon or c.content_start < b0 - 2 or c.content_end > b1 + 2:
            return None
        inner.append(c)
    return inner


def colon_claims(st: _DocState) -> None:
    """ "Paul Ryan: FBI Decision Not to Indict 'Defies Explanation'" (a headline) and
    "Kerry: “By law, the president …”": a sentence that is a name, a colon and what was said
    is a claim of that name. The words before the colon (:func:`_colon_source`) are a
    title-case phrase (at most seven words; a common noun naming people or a document may
    follow the name: "Clinton camp", "WSJ editorial") holding a named actor, a document
    ("Poll:") or people ("Insiders:"); labels ("Update:", "Watch:", data/cues.yaml
    ``colon_labels``), times, places and turn labels are not speakers.

    The line's claim is the outermost attribution: a cue inside what was said ("Darrell
    Scott: ‘You Find Me an Aberration …’", "Bill Clinton: Hillary thinks …"), or the verb of
    a digest's headline before its source ("Pollsters agree - Carl Bialik: “…”"), makes no
    claim of its own; a verb of the source's own words ("Trump Says: …") keeps its claim."""
    pd = st.pd
    text = pd.document.text
    lex = st.lex
    sp = st.speakers
    for i, sent in enumerate(pd.sents):
        line = pd.sent_text(i)
        if ":" not in line:
            continue
        sents = [i]
        if line.rstrip().endswith(":") and i + 1 < len(pd.sents) \
                and "\n" not in text[sent.start_char + len(line.rstrip()):pd.sents[i + 1].start_char]:
            # "Bernie Sanders:" cut off its line by the segmenter before a quotation
            line = text[sent.start_char:pd.sents[i + 1].start_char + len(pd.sent_text(i + 1))]
            sents.append(i + 1)
        m = _COLON_LINE.match(line)
        if m is None:
            continue
        quoted = m.group("body").startswith(("“", '"'))
        found = _colon_source(m.group("src"), quoted, lex)
        if found is None:
            continue
        a, b, prefixed = found
        src_start = m.start("src") + a
        raw = text[sent.start_char + src_start:sent.start_char + m.start("src") + b]
        src = raw.strip()
        words = src.replace("’s", " ’s").replace("'s", " 's").split()
        # "From the report: “…”": a document after the prefix, in lower case
        document = prefixed and len(words) <= 4 and words[-1].lower() in lex.document_nouns
        check = [w.capitalize() for w in words] if document else words
        if _section_heading(src):
            continue  # "PROMOTING A STABLE, PROSPEROUS, AND FREE CUBA: President Trump is …"
        if not check or len(words) > 7 or any(ch.isdigit() for ch in src) \
                or src.lower().replace("’", "'") in lex.colon_labels or not check[0][:1].isupper() \
                or check[0] in ("’s", "'s") or check[0].lower() in _PLACE_PREPS \
                or not all(w[:1].isupper() or w.lower() in _NAME_LINKS
                           or (k > 0 and w.lower() in lex.agent_nouns | lex.document_nouns)
                           for k, w in enumerate(check)):
            continue
        s_start = sent.start_char + src_start + (len(raw) - len(raw.lstrip()))
        s_end = s_start + len(src)
        colon = sent.start_char + m.end("src")
        if in_question(pd, s_start) or st.finder._in_quote(s_start) or \
                any(t.start <= s_start < t.body for t in pd.cache.get("turns") or []):
            continue
        b0, b1 = trim(text, sent.start_char + m.start("body"), sent.start_char + m.end("body"))
        opening = next((q for q in st.finder.quotes if q.start == sent.start_char + m.start("body")), None)
        if opening is not None and opening.inner_end > b1:  # the quotation runs on past the sentence
            b1 = trim(text, b0, opening.inner_end)[1]
        body = text[b0:b1]
        if len(re.findall(r"\w+", body)) < 3 or len(body.split()) < 2:
            continue  # a fragment, a web address
        inner = _nested_in_line(st, sents, s_start, colon, b0, b1)
        if inner is None:
            continue
        refs = [r for r in sp.refs_in(s_start, s_end) if r.label != "NORP"]
        if len({r.key for r in refs}) >= 2 and re.search(r"\s(?:and|&)\s", src) and not quoted:
            continue  # "Norway and Chile: salmon, science …", "Netanyahu and Obama: A tortured
            # relationship": a topic
        if body.count(",") >= 3 and _mostly_names(body):
            continue  # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, …": a list
        speaker: Speaker | None = None
        if refs:
            ref = next((r for r in refs if r.is_person), refs[-1])
            speaker = speaker_of(ref)
            if ref.is_person and len(ref.text.split()) == 1:
                full = next((r for r in sp.refs if r.start > colon and r.is_person
                             and r.text.split()[-1] == ref.text and len(r.text.split()) > 1), None)
                if full is not None:  # the headline's "Ryan" is the article's "Paul Ryan"
                    speaker = Speaker(full.name or full.text, full.actor_id, full.code, "person",
                                      "surname", ref.start, ref.end)
        elif words[-1].lower() in lex.document_nouns:
            speaker = Speaker(src, None, None, None, "phrase", s_start, s_end, agent=False)
        elif len(words) <= 3:
            full = next((r for r in sp.refs if r.start > colon and r.is_person
                         and r.text.split()[-1] == words[-1] and len(r.text.split()) > 1), None)
            if full is not None:  # "Ryan:" before the article names "Paul Ryan"
                speaker = Speaker(full.name or full.text, full.actor_id, full.code, "person",
                                  "surname", s_start, s_end)
            elif words[-1].lower() in lex.agent_nouns:  # "Insiders: Trump will rebound …"
                speaker = Speaker(src, None, None, "group", "phrase", s_start, s_end)
            else:
                # "Cecile Richards: ‘…’", "Mayor Ana Ruiz to Teachers: …" where the tagger
                # found no name: a given name (after a title) and a surname are a person
                k = next((k for k, w in enumerate(words[:2]) if w.lower() in listed_given_names()), None)
                if k is not None and k + 1 < len(words) and words[-1][:1].isupper():
                    at = s_start + src.index(words[k])
                    speaker = Speaker(text[at:s_end], None, None, "person", "name", at, s_end)
        if speaker is None and a > 0 and quoted and not prefixed:
            # a digest item's source after its dash, before a quotation ("Media shares
            # blame - HuffPollster: “…”"): a name the actor layer does not know
            speaker = Speaker(src, None, None, None, "phrase", s_start, s_end)
        after = [c for c in inner if st.cue_at.get(id(c), -1) > colon]
        if speaker is None or (after and (not speaker.agent or _names_again(text, src, b0, b1))):
            # "The result: …, a study found.", "Bernie Sanders: Credit scores On his campaign
            # website, Senator Bernie Sanders calls for …": a heading, not a labelled line;
            # the sentence's own attributions stand
            continue
        for c in inner:
            _forget(st, c)
        direct = bool(st.finder.quotes_in(b0, b1)) and text[b0 - 1:b0] in "\"“"
        content = Content(b0, b1, body, direct, st.finder.quotes_in(b0, b1), "colon")
        claim = st.ctx_claim(i, ":", colon, speaker, content)
        _echo_inside(st, claim, [c for c in st.claims if c.sentence in sents])


_TITLE_WORD = re.compile(r"[\w’'.-]+")
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
          "as", "is", "be", "but", "not", "if", "over", "after", "into", "about"}


def _verb_of(word: str, lex: CueLexicon) -> str | None:
    """The cue lemma of a headline's third-person verb ("Blasts" -> blast, "Says" -> say)."""
    low = word.lower()
    if low == "says":
        return "say"
    for cut in (1, 2):
        if low.endswith("s") and low[:-cut] in lex.verbs and (cut == 1 or low.endswith(("es", "ies"))):
            return low[:-cut]
    if low.endswith("ies") and low[:-3] + "y" in lex.verbs:
        return low[:-3] + "y"
    return None


def headline_claims(st: _DocState) -> None:
    """A headline in title case ("Glenn Beck Blasts Drudge for Mocking His Fast", "Obama
    Endorses Hillary Clinton"): the tagger reads its capitalised verbs as names, so the line
    is read by its words: a named actor, a cue verb in the third person, and what follows
    (up to a second verb after a comma)."""
    pd = st.pd
    text = pd.document.text
    lex = st.lex
    taken = {c.sentence for c in st.claims}
    for i, sent in enumerate(pd.sents):
        if i in taken:
            continue
        line = pd.sent_text(i).rstrip()
        title = i == 0 and "\n" in text[sent.start_char:sent.end_char + 2]  # a first line
        if not line or (line.endswith((".", "?", "!", ":")) and not title) or "\n" in line.strip():
            continue
        line = line.rstrip(".")
        words = list(_TITLE_WORD.finditer(line))
        caps = sum(1 for w in words if w.group()[:1].isupper() or w.group().lower() in _SMALL)
        if len(words) < 4 or caps < 0.85 * len(words) or sum(w.group()[:1].isupper() for w in words) < 3:
            continue
        last = words[-1]
        lemma = _verb_of(last.group(), lex)
        comma = line.rfind(",", 0, last.start())
        if lemma is not None and comma > 0 and lex.verbs.get(lemma) == "asserts":
            # "Trump Could Address Clean Energy, Lindsey Graham Says": the words before the comma
            w0 = sent.start_char + last.start()
            refs = [r for r in st.speakers.refs_in(sent.start_char + comma, w0 + 1) if r.start > sent.start_char + comma]
            if refs:
                ref = refs[-1]
                name = text[ref.start:min(ref.end, w0)].strip()
                sp = speaker_of(ref) if ref.end <= w0 else Speaker(name, None, None, None, "name",
                                                                   ref.start, ref.start + len(name))
                b0, b1 = trim(text, sent.start_char, sent.start_char + comma)
                content = Content(b0, b1, text[b0:b1], bool(st.finder.quotes_in(b0, b1)), [], "headline")
                claim = st.ctx_claim(i, last.group().lower(), w0, sp, content)
                claim.kind = lex.kind(lemma)
                continue
        for w in words[1:-1]:
            lemma = _verb_of(w.group(), lex)
            if lemma is None or lex.verbs.get(lemma) not in ("asserts", "denies"):
                continue
            w0 = sent.start_char + w.start()
            refs = [r for r in st.speakers.refs_in(sent.start_char, w0 + 1)
                    if (r.end <= w0 and not text[r.end:w0].strip(" ’'s")) or r.start < w0 < r.end]
            if not refs:
                break
            ref = refs[-1]
            if ref.end > w0:  # the tagger ran the name into the verb ("Glenn Beck Blasts Drudge")
                from foreigndesk.extract.actors import resolve_name

                name = text[ref.start:w0].strip()
                if len(name.split()) < 1 or not name[:1].isupper():
                    break
                a = resolve_name(name, pd.document.published)
                ref = Ref(ref.start, ref.start + len(name), name, "PERSON", i,
                          a.id if a is not None else None, a.name if a is not None else None,
                          a.kind if a is not None else None, a.country if a is not None else None,
                          a.sector if a is not None else None)
            b0 = sent.start_char + w.end()
            rest = text[b0:sent.start_char + len(line)]
            m = re.search(r",\s+([A-Z]\w+)", rest)
            if m is not None and _verb_of(m.group(1), lex):
                rest = rest[:m.start()]  # "…, Calls Trump’s Remarks Troubling": a second claim
            b0, b1 = trim(text, b0, b0 + len(rest))
            if len(text[b0:b1].split()) < 1:
                break
            content = Content(b0, b1, text[b0:b1], False, [], "headline")
            claim = st.ctx_claim(i, w.group().lower(), w0, speaker_of(ref), content)
            claim.kind = lex.kind(lemma)
            claim.stance = lex.verbs[lemma]
            break


def _drop_nested(st: _DocState, made: list[Claim]) -> None:
    """Only the outermost attribution counts: a claim whose cue stands inside another
    claim's content in the same sentence ("reaffirmed its commitment to defending its allies",
    "criticized Lamport for saying that …") is dropped, unless it repeats someone."""
    for c in list(made):
        cc = st.cue_at.get(id(c), -1)
        for o in made:
            if o is c or c.stance == "repeats":
                continue
            oc = st.cue_at.get(id(o), -1)
            # "Manafort acknowledged that …, The Washington Post reported in 1991": the parse ran
            # the inner content over the closing attribution, whose clause before holds it
            closing = o.content_end <= oc and c.content_start < o.content_end \
                and not o.cue.lower().startswith("according") and o.speaker_text != c.speaker_text
            if o.content_start <= cc < o.content_end and (not (c.content_start <= oc < c.content_end) or closing):
                made.remove(c)
                st.claims.remove(c)
                entry = st.said.pop(id(c), None)
                if entry is not None:  # a dropped claim's speaker is no antecedent
                    st.speakers.history[:] = [h for h in st.speakers.history if h is not entry]
                break


# a news dateline: a place in capitals, an optional ", state" or ", date", an optional
# "(agency)" and a dash ("MYRTLE BEACH, S.C. - ", "DES MOINES - ": a spaced hyphen as the dash
# in plain text), or a place in mixed case with the agency ("Nairobi (Reuters) -") or the
# date ("Nairobi, March 4 —"). "Senator Maria Lopez -- who clashed … -- said" is a name and an
# aside, not a dateline (any words before a dash would read as one)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ ]{1,30}(?:,[\w.' ]{1,25})?(?:\s*\([A-Za-z]{2,10}\))?\s*(?:—|–|--|-(?=\s))"
    r"|[A-Z][\w.'’ ]{1,30}(?:,[\w.' ]{1,25})?\s*\([A-Za-z]{2,10}\)\s*(?:—|–|--|-)"
    r"|[A-Z][\w.'’ ]{1,30},\s*" + _MONTH + r"\s*(?:—|–|--))\s*")
_NAME_DEPS = ("compound", "flat", "amod", "nmod", "poss", "det", "nummod", "punct", "case")


_CLOSING_QUOTES = ("”", "''", '"')


def _object_joined_to_subject(subj: Token, verb: Token) -> Token:
    """The subject itself, or its last conjunct when the parser joined the object of the verb
    just before it to the subject ("Neither Kasich nor Rubio has won a state and Cruz
    strongly suggested …", "Sanders has demonized Wall Street and Mr. Trump has disparaged
    immigrants"): the word before the subject is a verb left with no object or clause of its
    own, and not one that takes a clause or a bare infinitive ("said his aides and he …",
    "let the media and Rubio tell …": data ``verbs``, ``causative_verbs``)."""
    conj = [c for c in subj.children if c.dep_ == "conj"]
    k = subj.left_edge.i - 1
    if not conj or k < 0 or subj.pos_ not in ("NOUN", "PROPN"):
        return subj
    prev = subj.doc[k]
    lex = lexicon()
    if prev.pos_ != "VERB" or prev.dep_ in ("amod", "acl") or prev.lemma_.lower() in lex.verbs \
            or prev.lemma_.lower() in lex.causative_verbs or any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative") and c.i != verb.i
            for c in prev.children):
        return subj
    return conj[-1]


def _comma_joined_subject(subj: Token, verb: Token) -> Token:
    """The subject itself, or the name just before the verb when the parser joined it, with a
    bare comma and no "and", to the last word of the content before ("… from Fiorina to Rubio
    to, now, Cruz, Wilkin said …": Wilkin speaks)."""
    if subj.i == 0 or subj.doc[subj.left_edge.i - 1].text != "," or any(
            c.dep_ in ("cc", "preconj") for c in subj.children):
        return subj
    last = next((c for c in reversed(list(subj.children)) if c.dep_ == "conj"), None)
    if last is None or last.pos_ != "PROPN" or last.right_edge.i != verb.i - 1 or \
            subj.doc[last.left_edge.i - 1].text != ",":
        return subj
    return last


def _subject_joined_to_object(verb: Token) -> Token | None:
    """The subject of a finite conjunct verb that the parser joined to the object of the verb
    before it ("the Post will brand you a liar and NBC News will accuse you …": "NBC News" hangs
    on "liar"): the name or noun just before the verb and its auxiliaries, a conjunct after
    "and" of an object of the first verb. None when there is no such word."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in _SUBJ for c in verb.children):
        return None
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ == "aux" and c.i < verb.i for c in verb.children):
        return None  # a participle or a bare infinitive shares the first verb's subject
    first = min([c.i for c in verb.children if c.i < verb.i and c.dep_ in ("aux", "neg", "advmod")],
                default=verb.i)
    if first == 0:
        return None
    noun = verb.doc[first - 1]
    if noun.dep_ != "conj" or noun.pos_ not in ("PROPN", "NOUN") or \
            noun.head.dep_ not in ("dobj", "pobj", "dative", "attr", "oprd") or not any(
                c.dep_ == "cc" and noun.head.i < c.i < noun.i for c in noun.head.children):
        return None
    return noun


def _ratio_before(verb: Token) -> Token | None:
    """The "About 4 in 10" before a verb that has no subject: the parser reads the ratio as a
    number modifying the verb ("About 4 in 10 say …", "Six in 10 think …"); it is the share
    of people that speaks."""
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None
    return next((c for c in verb.lefts if c.dep_ in ("nummod", "npadvmod") and c.tag_ == "CD"
                 and any(g.lower_ == "in" for g in c.subtree)), None)


def _polled_share(verb: Token, survey: Token) -> bool:
    """Is ``verb`` the main verb that the sentence-opening survey phrase at ``survey`` ("In")
    hangs on, with a share of people as its subject ("In a September Post-ABC poll, 75
    percent of Republicans said …", "In a Gallup poll, most said …")? The survey then
    reports the finding: PolNeAR train takes the survey as the source in every such
    sentence (4 of 4)."""
    if not survey.is_sent_start or survey.head.i != verb.i:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lemma_.lower() in lexicon().share_nouns or subj.lower_ in lexicon().share_nouns
                                 or subj.pos_ == "NUM" or subj.like_num
                                 or any(c.dep_ == "nummod" for c in subj.children))  # "one in four voters"


def _reduced_when(verb: Token) -> bool:
    """ "X told CNN, when asked whether …": a subjectless "when"-clause of a verb the tagger
    took for a past tense; it is the passive participle ("when he was asked")."""
    return verb.tag_ == "VBD" and verb.dep_ == "advcl" and verb.i > 0 \
        and verb.doc[verb.i - 1].lower_ in lexicon().reduced_clause_marks \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _addressee_asking(asked: Token) -> Token | None:
    """ "The senator told THE WEEKLY STANDARD on Thursday when asked if …", "she said to
    reporters when asked about …": the one told is the one who asked."""
    if asked.dep_ != "advcl" or asked.head.lemma_.lower() not in lexicon().telling_verbs:
        return None
    verb = asked.head
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN") and c.i < asked.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "to" and c.i < asked.i:
            g = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if g is not None:
                return g
    return None


def _agent_of(tok: Token) -> Token | None:
    """The "by" agent of a passive participle ("asked by host John Dickerson"), or None."""
    return next((g for c in tok.children if c.dep_ == "agent" and c.i > tok.i
                 for g in c.children if g.dep_ == "pobj"), None)


def _whole_quoted_answer(st: _DocState, content: Content) -> bool:
    """Is a one-word content a whole quotation that ends like an utterance ("“Probably.”",
    "“Really?”", "“Absolutely,” he said"), not a quoted term ("called it “unacceptable”")?"""
    if content.how not in ("quote-before", "quote-after") or len(content.quotes) != 1:
        return False
    q = content.quotes[0]
    text = st.pd.document.text
    tail = text[content.end - 1:q.end]
    return bool(re.search(r"[.?!,]", tail)) and not text[q.inner_start:content.start].strip(" \"“”'‘’")


def _modal_clash(cue: Token, verb: Token) -> bool:
    """Is ``cue`` (a conjunct of ``verb``) a finite past or present verb while ``verb`` has a
    modal ("would rebound and praised", "will fail and warns"), so it cannot be ``verb``'s
    conjunct under that modal?"""
    return cue.tag_ in ("VBD", "VBZ") and any(a.dep_ == "aux" and a.tag_ == "MD" for a in verb.children) \
        and not any(a.dep_ in ("aux", "nsubj", "nsubjpass") for a in cue.children)


def _name_after_parenthetical_cue(cue: Token) -> Token | None:
    """ "The vote, said Anna Berg, a senior analyst, will be close": a cue set off by commas in
    the middle of the sentence with the speaker's name right after it; the parser takes the
    fronted words for the cue's subject and the name for the subject of the rest. The name's
    last word, else None."""
    doc = cue.doc
    if cue.tag_ not in ("VBD", "VBZ") or cue.i < 2 or doc[cue.i - 1].text != ",":
        return None
    k = cue.i + 1
    if k < len(doc) and re.fullmatch(r"[A-Z][a-z]{1,3}\.", doc[k].text):
        k += 1
    end = k
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    name_end = end
    if end < len(doc) and end > k and doc[end].lower_ == "and":
        # "…, said Doyle and others, would be clear": the first of those named speaks for them
        j = end + 1
        if j < len(doc) and doc[j].lower_ in ("others", "colleagues", "allies", "aides"):
            j += 1
        else:
            while j < len(doc) and j - end <= 4 and doc[j].pos_ == "PROPN" and doc[j].is_title:
                j += 1
        end = j if j > end + 1 else end
    if name_end == k or name_end - k > 4 or end >= len(doc) or doc[end].text != ",":
        return None
    name = doc[name_end - 1]
    if name.dep_ not in ("nsubj", "nsubjpass") or name.head.dep_ != "ccomp" or name.head.head.i != cue.i \
            or name.head.i < end:
        return None
    return name


def _with_fronted_words(st: _DocState, cue: Token, base: int, content: Content) -> Content:
    """The content of "The vote, said Anna Berg, …, will be close": the words before the cue
    (which the parser took for its subject) and the rest after the name, as one content whose
    span runs over the inserted attribution (as PolNeAR's discontinuous contents do)."""
    front = next((c for c in cue.children if c.dep_ in _SUBJ and c.i < cue.i), None)
    if front is None:
        return content
    f0, f1 = token_span(list(front.subtree), base)
    if f1 > base + cue.idx or f0 >= content.start:
        return content
    text = st.pd.document.text
    return Content(f0, content.end, text[f0:f1].rstrip(" ,") + " " + content.text, content.direct,
                   content.quotes, "inserted")


def _quoted_before(st: _DocState, subj: Token, cue: Token, base: int) -> bool:
    """Does the subject found for a cue stand inside a quotation that closes before the cue
    ("“… states we never win: Michigan, Ohio,” Mr. Kemp said", "“If he had listened, I would
    …,” Mr. Lindqvist, now 81, said")? The parser then took a word of the quoted words (or
    climbed from the cue into the quotation's verb): the speaker is named after the mark."""
    at, cue_at = base + subj.idx, base + cue.idx
    if at >= cue_at:
        return False
    # a quoted statement closes with its punctuation ("…, Ohio,” Mr. Kemp said); a quoted
    # term in the subject does not ("a ‘‘super PAC’’ supporting her")
    return any(q.start <= at < q.end <= cue_at and _closes_statement(st, q)
               for q in st.finder.quotes_in(at, at + 1))


def _closes_statement(st: _DocState, q: Quote) -> bool:
    """Does the quotation end with a statement's punctuation (",", ".", "?", a dash …) before
    its closing mark, as words said do and a quoted term does not?"""
    return st.pd.document.text[q.inner_start:q.end].rstrip("”'\" ")[-1:] in ",.!?—–-…"


def _quoted_term(st: _DocState, subj: Token, base: int) -> bool:
    """Is the subject inside a short quoted term of its own noun phrase ("a ''super PAC''
    supporting her": at most four words, no closing punctuation), not quoted words said?"""
    at = base + subj.idx
    return any(q.start <= at < q.end and q.n_words <= 4 and not _closes_statement(st, q)
               for q in st.finder.quotes_in(at, at + 1))


def _subject_after_quote(st: _DocState, cue: Token, base: int) -> Token | None:
    """The cue's own subject after the quotation (the parser gives "said" two: "Michigan" and
    "Kemp"), else the name right after the closing mark (:func:`_name_after_quote`), else
    None."""
    for c in sorted((c for c in cue.children if c.dep_ in _SUBJ and c.i < cue.i), key=lambda t: -t.i):
        if not st.finder._in_quote(base + c.idx):
            return c
    return _name_after_quote(cue)


def _name_after_quote(tok: Token) -> Token | None:
    """ "“…,” Skelly said." / "“…,” Gene Sperling, a top adviser, said at …": a cue the
    parser left without a subject right after a closing quotation mark; the capitalised name
    that follows the mark is the speaker (the parser often hangs it on the quotation's verb
    or takes an unknown surname for an adverb). Only when nothing but that name, commas and
    an apposition between commas stand between the mark and the cue ("“…,” Mr. Lindqvist,
    now 81 and retired in Maine, said")."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    mark = None
    clause = False  # a finite verb or a relative pronoun between the mark and the cue
    for j in range(tok.i - 1, max(-1, tok.i - 20), -1):
        t = doc[j]
        if t.text in _CLOSING_QUOTES:
            mark = j
            break
        if t.text in (";", ":", "(", ")"):
            return None
        if (t.tag_.startswith("VB") and t.tag_ not in ("VBN", "VBG")) or t.lower_ in ("who", "which", "that"):
            clause = True
    if mark is None or mark + 1 >= tok.i or (clause and doc[tok.i - 1].text != ","):
        return None  # a clause is only allowed inside an apposition closed by a comma
    k = mark + 1
    if doc[k].text == ",":
        k += 1
    name_end = k
    if name_end < tok.i and re.fullmatch(r"[A-Z][a-z]{1,3}\.", doc[name_end].text) and name_end + 1 < tok.i:
        k = name_end = k + 1  # "Mr.", "Gov.", "Sen." before the name
    while name_end < tok.i and doc[name_end].is_alpha and doc[name_end].is_title \
            and doc[name_end].lower_ not in ("the", "a", "an", "he", "she", "they", "it", "we", "i"):
        name_end += 1
    if name_end == k or name_end - k > 4:
        return None
    if name_end != tok.i and doc[name_end].text != ",":
        return None  # "“…,” Smith and Jones wrote": not a bare name before the cue
    if clause and name_end == tok.i:
        return None
    return doc[name_end - 1]


def _name_before(cue: Cue) -> Token | None:
    """A cue the parser left without a subject, right after a name ("…, Gov. John Kasich
    (R-OH), said, “…”"): that name, past commas and a parenthesis."""
    tok = cue.token
    if tok.dep_ not in ("ROOT", "parataxis") or tok.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = tok.doc
    k = _before_dash_aside(tok)  # "Mr. Bush - in a line aimed at Mr. Trump - declared"
    start = k
    depth = 0
    while k >= 0 and (doc[k].is_punct or depth > 0):
        if doc[k].text == ")":
            depth += 1
        elif doc[k].text == "(":
            depth = max(0, depth - 1)
        k -= 1
    if k < 0:
        return None
    described = _antecedent_of_clause_ending(doc[k])
    if described is not None and not any(t.text in _CLOSING_QUOTES for t in doc[k + 1:tok.i]):
        return described  # "Mendez, who has given money to the Democrats, said": Mendez
    if doc[k].pos_ == "PROPN" and doc[k].ent_type_ in ("PERSON", "ORG", "NORP", ""):
        return doc[k]
    # "Col. Steven H. Warren, a military spokesman in Baghdad, said": the person before the
    # apposition, with no verb between
    for j in range(start, max(-1, tok.i - 25), -1):
        t = doc[j]
        if t.tag_.startswith("VB") or t.text in (";", ":") or t.lower_ in ("who", "which", "that"):
            return None
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN":
            return t
    return None


def _antecedent_of_clause_ending(last: Token) -> Token | None:
    """The noun a relative clause describes when ``last`` is that clause's last word
    ("Mendez, who has given money to the Democrats" -> Mendez); else None."""
    t = last
    for _ in range(8):
        if t.dep_ == "relcl" and t.right_edge.i == last.i and t.head.pos_ in ("PROPN", "NOUN") \
                and t.head.i < t.i:
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _name_ending_participle_subject(subj: Token | None, cue: Token) -> Token | None:
    """ "Making her way around Chez Vachon, Clinton and husband Bill, thanked …": the parser
    took the fronted participle clause for the subject and hung the names after its comma
    inside it; the first name after the clause's last comma, else None."""
    if subj is None or subj.tag_ != "VBG" or subj.dep_ != "csubj" or subj.i > cue.i:
        return None
    doc = cue.doc
    end = subj.right_edge.i
    while end > subj.i and doc[end].is_punct:
        end -= 1
    comma = max((t.i for t in doc[subj.i:end] if t.text == ","), default=None)
    if comma is None:
        return None
    first = doc[comma + 1]
    if first.pos_ != "PROPN" or first.ent_type_ != "PERSON":
        return None
    while first.dep_ == "compound" and first.head.i <= end and first.head.i > first.i:
        first = first.head
    return first


def _subject_in_fronted_phrase(cue: Token) -> Token | None:
    """ "In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic
    candidate stated …", "Speaking at a rally with Senators Sanders and Warren, the former
    secretary of state argued …": the parser hung the subject, set off by a comma right before
    the verb, as an apposition or conjunct inside the fronted phrase and left the verb with no
    subject (or the fronted participle for one); that noun, else None."""
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ in _SUBJ]
    if any(not (c.dep_ == "csubj" and c.tag_ == "VBG" and c.i == c.left_edge.i == 0)
           for c in subjects):
        return None
    k = cue.i - 1
    while k > 0 and doc[k].head.i == cue.i and doc[k].dep_ in ("aux", "neg", "advmod"):
        k -= 1
    noun = next((t for t in reversed(doc[max(k - 8, 0):k + 1]) if t.right_edge.i == k
                 and t.dep_ in ("appos", "conj")), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.left_edge.i < 2 \
            or doc[noun.left_edge.i - 1].text != ",":
        return None
    fronted = [c for c in cue.children if c.i < noun.i and c.dep_ in (
        "prep", "advcl", "npadvmod", "csubj")]
    if not any(f.left_edge.i <= noun.i <= f.right_edge.i for f in fronted):
        return None
    return noun


def _name_after_topic(subj: Token | None, cue: Token) -> Token | None:
    """ "Of Carson, Levine, who has given money to Rubio, said, “…”": a sentence that opens
    with a topic ("Of X,", "As for X,") before the speaker; a subject the parser found in the
    topic (X, or the preposition itself) is not the speaker, the name after the comma is."""
    doc = cue.doc
    if subj is None or doc[0].lower_ not in ("of", "as") or cue.dep_ != "ROOT":
        return None
    start = 2 if doc[0].lower_ == "as" and len(doc) > 1 and doc[1].lower_ == "for" else 1
    if doc[0].lower_ == "as" and start == 1:
        return None
    comma = next((t.i for t in doc[start:cue.i] if t.text == ","), None)
    if comma is None or not subj.i < comma or comma + 1 >= cue.i:
        return None
    k = comma + 1
    while k < cue.i and doc[k].pos_ == "PROPN" and doc[k].is_title:
        k += 1
    if k == comma + 1 or k >= len(doc) or doc[k].text not in (",",) and k != cue.i:
        return None
    return doc[k - 1]


def _inserted_after_phrase(cue: Token, subj: Token | None) -> Token | None:
    """ "The source of the attraction to Mr. Trump, union members and leaders say, is …": a
    cue set off by commas whose speaker the parser joined, as a conjunct, to a noun before the
    comma (inside the subject it took, or with no subject at all); the first conjunct after
    the comma, else None."""
    doc = cue.doc
    if cue.dep_ not in ("parataxis", "ROOT") or cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.i < 3 \
            or cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    t = doc[cue.i - 1]
    if t.pos_ not in ("NOUN", "PROPN"):
        return None
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i \
            and doc[t.left_edge.i - 1].text != ",":
        t = t.head
    if t.dep_ not in ("conj", "appos") or t.head.i > t.i or doc[t.left_edge.i - 1].text != ",":
        return None
    if t.dep_ == "appos" and not (t.tag_ == "NNS" and t.head.pos_ == "PROPN"):
        return None  # ("The adviser, Kellyanne Conway, said, …": the adviser's own name)
    if subj is not None and not (subj.left_edge.i <= t.i <= subj.right_edge.i):
        return None
    return t


def _before_dash_aside(tok: Token) -> int:
    """The index of the word before ``tok``, or, when a dash right before it closes an aside
    opened by another dash ("Mr. Bush - in a line … - declared"), of the word before the aside."""
    doc = tok.doc
    k = tok.i - 1
    if k < 1 or doc[k].text not in _DASHES:
        return k
    for j in range(k - 1, max(-1, k - 40), -1):
        if doc[j].text in _DASHES:
            return j - 1
        if doc[j].text in (";", ":") or doc[j].is_sent_start:
            break
    return k


_DASHES = {"-", "—", "–", "--"}


def _subject_left_as_object(subj: Token, cue: Token) -> Token | None:
    """A conjunct cue whose own subject the parser hung on the clause before as a conjoined
    object ("Many Republicans have said they will not attend the convention and others have
    said …": "others" taken as a second thing not attended): the noun right before the cue
    (past its auxiliaries and adverbs), after "and"/"but", that is not the inherited subject."""
    doc = cue.doc
    k = cue.i - 1
    while k > subj.i and (doc[k].tag_ in ("MD", "RB") or doc[k].lemma_ in ("have", "be", "do")):
        k -= 1
    t = doc[k]
    if k <= subj.i + 1 or t.i == subj.i or t.dep_ != "conj" or t.head.i >= t.i:
        return None
    if t.pos_ not in ("NOUN", "PROPN") or doc[k - 1].lower_ not in ("and", "but", "while", "whereas"):
        return None
    return t


def _speaker_set_off_before(subj: Token, cue: Token) -> Token | None:
    """The noun phrase set off by commas right before a cue the parser joined to the clause
    before ("…, a spokeswoman, Anna White, said …", "…, the senator said, and …") and hung
    there as an object or a conjunct: its head, else None."""
    doc = cue.doc
    k = cue.i - 1
    while k > subj.i and (doc[k].tag_ in ("RB", "MD") or doc[k].lemma_ in ("have", "be", "do")):
        k -= 1
    if k <= subj.i + 2 or doc[k].text != ",":
        return None
    t = doc[k - 1]
    while t.dep_ == "appos" and t.head.i < t.i:
        t = t.head
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("dobj", "conj", "npadvmod", "appos", "attr") \
            or t.head.i > t.i or t.i == subj.i or t.left_edge.i <= subj.i + 1 \
            or doc[t.left_edge.i - 1].text != ",":
        return None
    return t


def _joined_verb_above(cue: Token, clause: Token) -> Token | None:
    """A verb with no subject of its own, joined to the verb before it, that the participle
    ``cue`` (", saying …") hangs on, on the way up to ``clause``; else None."""
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp"):
        return None
    tok = cue.head
    if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.i == clause.i \
            and not any(c.dep_ in _SUBJ for c in tok.children):
        return tok
    return None


def _name_after_dash(subj: Token, cue: Token) -> Token | None:
    """A cue the parser joined to the clause before a dash ("it wasn't an accident —
    Brendan Buck, a spokesman for Ryan, told POLITICO …"): the name that opens the clause
    after the dash, with no verb between it and the cue; else None."""
    doc = cue.doc
    dash = max((t.i for t in doc[subj.i + 1:cue.i] if t.text in ("—", "–", "--")), default=None)
    if dash is None:
        return None
    for t in doc[dash + 1:cue.i]:
        if t.tag_.startswith("VB") or t.lower_ in ("who", "which", "that"):
            return None
        if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG"):
            j = t.i
            while j + 1 < cue.i and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_type_ == t.ent_type_:
                j += 1
            return doc[j]
    return None


def _first_person_before(cue: Cue) -> Token | None:
    """ "I, JOSEPH R. BIDEN JR., President of the United States of America, find that …" (an
    order's finding): the parser may hang "I" on its apposition and leave the cue without a
    subject; an "I" or "we" before the cue with no verb between is its subject."""
    tok = cue.token
    if tok.dep_ != "ROOT" or tok.tag_ not in ("VB", "VBP"):
        return None
    doc = tok.doc
    for j in range(tok.i - 1, max(-1, tok.i - 40), -1):
        t = doc[j]
        if t.text in ("I", "We", "we") and t.pos_ in ("PRON", "PROPN"):
            return t
        if t.tag_.startswith("VB") or t.text in (";", ":") or t.lower_ in ("who", "which", "that"):
            return None
    return None


def _past_dateline(subj: Token, cue: Cue) -> Token:
    """ "NEW YORK, Nov. 19 (UPI) — Hillary Clinton is calling for …": a subject inside the
    dateline is the parser's mistake; the speaker is the name after the dash. So is a
    subject inside the parenthesis of "Gov. John Kasich (R-OH), said": the name before it."""
    doc = subj.doc
    m = _DATELINE.match(doc.text)
    if m is not None and subj.idx < m.end() <= cue.token.idx:
        for t in doc:
            if t.idx < m.end() or t.i >= cue.token.i:
                continue
            if t.pos_ in ("PROPN", "NOUN") and not t.is_punct:
                while t.dep_ in _NAME_DEPS and t.head.i < cue.token.i and t.head.idx >= m.end() \
                        and t.head.i != t.i:
                    t = t.head
                return t
    if subj.i >= 2 and doc[subj.i - 1].text in ("(", "-") and subj.i < cue.token.i:
        k = subj.i - 1
        while k > 0 and doc[k].text != "(":
            k -= 1
        if k > 0 and doc[k - 1].pos_ == "PROPN":
            return doc[k - 1]  # "Kasich (R-OH)"
    return subj


def _noun_phrase(tok: Token) -> list[Token]:
    """``tok`` with the words before it in its phrase ("Communist China's claim"), without
    what follows ("… in its official press")."""
    out = [tok]
    for c in tok.lefts:
        out += list(c.subtree)
    return out


# words that may follow an inverted cue in title case and are no name ("“…,” said Later, …")
def _inverted_subject(st: _DocState, cue: Cue, base: int) -> Token | None:
    """ "…," exclaimed Pedro Del Cueto: the parser may take the name after an inverted cue
    for its object; right after a closing quotation it is the speaker."""
    tok = cue.token
    start = base + tok.idx
    before = st.pd.document.text[max(0, start - 4):start]
    if not re.search(r"[,!?]?\s*(?:[\"”»]|'')\s*$", before):
        return None
    for c in tok.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("PERSON", "ORG")):
            return c
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i <= tok.i + 4 and tok.lemma_.lower() in st.lex.verbs \
                and st.speakers._agent_phrase(c) and not any(x.dep_ == "dobj" for x in tok.lefts):
            return c  # "“…,” tweeted a German user from Hanover": a person, however parsed
    # "…,'' said Robin Maynard, half joking": the name right after the cue, however parsed
    doc = tok.doc
    k = tok.i + 1
    if k < len(doc) and doc[k].lower_ in ("by",):
        return None
    last = None
    while k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].ent_type_ in ("PERSON", "ORG")):
        last = doc[k]
        k += 1
    if last is None and k < len(doc) and doc[k].is_alpha and doc[k].is_title and len(doc[k]) > 2 \
            and doc[k].tag_ in ("RB", "NN", "JJ", "VBN", "VBD", "UH") and doc[k].lower_ not in st.lex.not_surnames_after_cue \
            and (k + 1 == len(doc) or doc[k + 1].is_punct):
        return doc[k]  # "“…,” said Skelly, explaining …": a surname the tagger took for an adverb
    if last is None and k + 1 < len(doc) and doc[k].lower_ == "the" and doc[k + 1].pos_ == "NOUN":
        k += 1
        while k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN":
            k += 1
        last = doc[k]  # "…," said the senator
    if last is None:  # "“…,” said Oversight ranking Democrat Elijah Cummings (D-Md.)": a title
        # the parser read as a clause ("ranking" a verb) before the name
        run_start = next((j for j in range(tok.i + 2, min(tok.i + 7, len(doc)))
                          if doc[j].pos_ == "PROPN" and doc[j].is_title), None)
        run_end = run_start
        while run_end is not None and run_end + 1 < len(doc) and doc[run_end + 1].pos_ == "PROPN" \
                and doc[run_end + 1].is_title:
            run_end += 1
        if run_start is not None and run_end is not None and run_end > run_start \
                and (run_end + 1 == len(doc) or doc[run_end + 1].is_punct) and all(
                t.is_alpha and t.tag_ not in ("VBD", "VBZ", "VBP", "MD") and t.lower_ not in ("by", "to", "that")
                for t in doc[tok.i + 1:run_start]):
            last = doc[run_end]
    return last


def candidate_sentences(pd: ParsedDoc, lex: CueLexicon, quotes: list[Quote]) -> dict[int, list[int]]:
    """Sentences with a quotation (three words or more) or a cue lemma, each with the
    indices (within the sentence) of its tokens that may start a cue."""
    out: dict[int, list[int]] = {}
    pos = cue_positions(pd.doc, lex)
    qi = 0
    for i, s in enumerate(pd.sents):
        s0, s1 = s.start_char, s.end_char
        while qi < len(quotes) and quotes[qi].end <= s0:
            qi += 1
        has_q = any(q.start < s1 and s0 < q.end and q.sentence_like for q in quotes[qi:qi + 4])
        if not has_q and s.text.rstrip().endswith(":"):  # "Trump went even further:" + "“…”"
            has_q = any(q.start >= s1 and q.sentence_like and not pd.document.text[s1:q.start].strip()
                        for q in quotes[qi:qi + 2])
        lo, hi = np.searchsorted(pos, [s.start, s.end])
        if has_q or hi > lo:
            out[i] = [int(k) - s.start for k in pos[lo:hi]]
    return out


def _dates(st: _DocState) -> None:
    times: dict[int, list[TimeValue]] = {}
    for t in st.pd.extraction.times:
        if _DATE_VALUE.match(t.value or "") and t.type in ("DATE", "TIME"):
            times.setdefault(t.sentence, []).append(t)
    published = st.pd.document.published
    for c in st.claims:
        cue_char = st.cue_at.get(id(c), c.start)
        lo, hi = st.clause.get(id(c), (c.start, c.end))
        cands = [t for t in times.get(c.sentence, [])
                 if lo <= t.start < hi and not (c.content_start <= t.start < c.content_end)]
        if cands:
            best = min(cands, key=lambda t: abs(t.start - cue_char))
            c.date, c.date_source = best.value[:10], "text"
        elif published:
            c.date, c.date_source = published, "document"
        else:
            c.date, c.date_source = None, "none"


def _stated_by(pd: ParsedDoc, claims: list[Claim]) -> None:
    """A figure inside a claim's content is stated by the claim's speaker, unless the
    quantities extractor already found who states it (a pronoun there gives way)."""
    lex = lexicon()
    for q in pd.extraction.quantities:
        if q.stated_by and q.stated_by.lower() not in lex.pronouns:
            continue
        for c in claims:
            if c.content_start <= q.start and q.end <= c.content_end and c.speaker_text:
                q.stated_by = c.speaker_text
                break


EXTRACTOR = ClaimExtractor()
