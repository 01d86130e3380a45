"""What is claimed: the content span of a cue in a parsed sentence.

Tried in order:

1. a quotation right before the attribution (``"…," he said`` — with a split quote
   ``"…," he said, "…"`` both parts), or right after it (``he said: "…"``,
   ``calling on the regime "to hear …"``), running over several sentences if it does;
2. "according to X, <clause>": the sentence without the phrase;
3. the cue's complement clause ("said that …", "claims it was …");
4. the clause the cue is inserted in ("<clause>, Díaz-Canel said, …", "X, they believe, is …");
5. for call on / call for / urge / demand: what follows ("called on Washington to end …").

Offsets are document offsets; ``base`` is the parsed sentence's start in the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from foreigndesk.extract.claim_cues import Cue, lexicon
from foreigndesk.extract.claim_quotes import Quote

_GAP_OK = re.compile(r"^[\s,.:;!?\"“”„«»'’‘—–-]*$")
_PP_GAP = re.compile(r"^\s*(?:in|on|at|during|to|from|after|before|via|through|with|in an?)\s+[^\"“”,;:.]{0,60}$",
                     re.IGNORECASE)  # "said in an interview “…”": the phrase is not content
_TRIM_CHARS = " \t\n,;:—–-\"“”„«»`"
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")  # a verb with a tense: a clause, not a phrase
_CLAUSE_GAP = re.compile(r"\bthat\b|\b(?:and|but)\s+\w+(?:ed|s)\b")  # "noted that …, and added:"
_COMPLEMENT_DEPS = ("ccomp",)
_DIRECTIVE = {"call on", "call for", "urge", "demand"}
_HEARER_VERBS = {"tell", "assure", "inform", "remind", "warn", "advise", "promise", "convince",
                 "persuade", "notify", "brief", "reassure"}
_ATTACHED_PREPS = {"about", "of", "over", "for", "on", "against", "to", "that", "with", "in"}
# verbs of taking something as something ("sees the vote as a warning"): a belief
_AS_VERBS = {"see", "view", "regard", "consider"}
# verbs of asking someone: "asked a judge to block …" (a request: the speaker wants it done)
_REQUEST_VERBS = {"ask", "request", "beg", "implore", "press"}
_INFINITIVE_OK = {"agree", "decide", "offer", "refuse", "promise", "pledge", "vow", "threaten",
                  "want", "plan", "intend", "aim", "seek", "hope", "hop", "expect", "wish", "prefer",
                  "decline", "order"}
# a capitalised pronoun after an abbreviation ("the U.S. He says …") opens a new sentence
_NEW_SENTENCE_SUBJECTS = {"he", "she", "they", "we"}
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_TIME_MARKS = {"after", "before", "when", "while", "as"}
# a word opening a sentence before "according to X," that is not content ("But", "Now,")
_OPENERS = re.compile(r"^(?:|and|but|so|yet|or|now|still|then|also|however|meanwhile|indeed)[,]?$", re.IGNORECASE)


@dataclass
class Content:
    start: int
    end: int
    text: str
    direct: bool
    quotes: list[Quote] = field(default_factory=list)
    how: str = ""  # quote-before | quote-after | according | complement | inserted | directive




def token_span(tokens: list[Token], base: int) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return base + first.idx, base + last.idx + len(last.text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past spaces, commas, dashes and quote marks at either edge, and a
    leading "that" and its comma (the conjunction after a cue, in lower case: a capitalised
    "That" opens a sentence as a pronoun: "“That is not good enough,” he said")."""
    while True:
        while start < end and (text[start] in _TRIM_CHARS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _TRIM_CHARS or text[end - 1].isspace()):
            end -= 1
        if text[start:start + 4] == "that" and end - start > 5 and text[start + 4] in " ,":
            start += 4  # "that " or "that, while …,": the conjunction and its comma
            continue
        return start, end


def _set_off(tok: Token) -> bool:
    """Is the clause of ``tok`` (its subtree) inserted between commas or dashes, or after a
    comma at the end of the sentence?"""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    while left < tok.i and doc[left].is_punct:
        left += 1
    while right > tok.i and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1] if right + 1 < len(doc) else None
    if before not in (",", "—", "–", "-", "(") and not (left > 0 and doc[left - 1].text in ("''", '"', "”")):
        return False
    return after is None or after.is_punct or after.is_space


def strip_final_period(text: str, start: int, end: int) -> int:
    if end > start and text[end - 1] == "." and not text[start:end].endswith(("U.S.", "U.N.")):
        return end - 1
    return end


class ContentFinder:
    """Finds the content of cues in one document (``text``, its ``quotes``)."""

    def __init__(self, text: str, quotes: list[Quote], claim_nouns: set[str] | None = None,
                 object_verbs: set[str] | None = None) -> None:
        self.text = text
        self.quotes = quotes
        self.claim_nouns = claim_nouns or set()
        self.object_verbs = object_verbs or set()
        self.noun_preps: dict[str, set[str]] = {}
        self.light_preps: dict[str, set[str]] = {}
        self.cue_lemmas: set[str] = set()
        self.all_cue_lemmas: set[str] = set()  # any cue verb: "… and vowed to …" is a second claim
        self.clause_verbs: set[str] = set()  # say, think ...: the rest of the sentence may be content
        self.venue_nouns: set[str] = set()  # "says in a statement that …"
        self.particle_cues: set[str] = set()  # "refer to", "point out"
        self.verb_lemmas: set[str] = set()  # every cue verb, "find" and "show" too
        self.contrast_marks: set[str] = set()  # "While X boasts …, <clause>, Y says": data
        self._base = 0
        self.used: set[Quote] = set()

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start < end and start < q.end]

    def find(self, cue: Cue, subject: Token | None, base: int, sent_start: int,
             sent_end: int) -> Content | None:
        """The content of ``cue`` (``subject`` its speaker's token, ``base`` the parsed
        sentence's start), or None. A cue inside a fronted contrast clause ("While Republicans
        boast of X, <clause>, economists say") says nothing past that clause: the main clause
        is the main cue's."""
        content = self._find(cue, subject, base, sent_start, sent_end)
        clause = self._contrast_clause(cue.token)
        if content is None or clause is None:
            return content
        last = clause.right_edge
        end = base + last.idx + len(last.text)
        if content.end <= end or content.start >= end:
            return content
        s0, e0 = trim(self.text, content.start, end)
        if len(self.text[s0:e0].split()) < 2:
            return None
        return self._make(s0, e0, content.how)

    def _closing_attribution(self, cue: Cue, subject: Token | None, base: int) -> int | None:
        """The offset of the comma before "<subject> <cue> [adjuncts]." when that closes the
        sentence: the subject follows the comma (and a closing quotation mark), the cue has
        no clause or object of its own, and only its prepositions and adverbs ("in 1991", "on
        Monday") follow it; else None."""
        verb = cue.token
        if verb.lemma_.lower() not in lexicon().rest_verbs or cue.speaker_side != "subject" \
                or subject is None or subject.i > verb.i or subject.head.i != verb.i:
            return None  # a verb of saying or reporting, whose content is a clause
        doc = verb.doc
        k = subject.left_edge.i - 1
        while k >= 0 and doc[k].text in ("”", '"', "''", "’"):
            k -= 1
        closed = k < subject.left_edge.i - 1  # ',"' : the comma inside the closing quote mark
        if k <= 0 or doc[k].text != "," or (self._in_quote(base + doc[k].idx) and not closed):
            return None
        if any(t.i not in {u.i for u in subject.subtree} and t.i not in {c.i for c in cue.tokens}
               for t in doc[subject.left_edge.i:verb.i]):
            return None  # words between the subject and the cue ("…, he said the plan …")
        # only adjuncts after it, no clause of its own ("…, he said, adding that …")
        adjuncts = ("prep", "npadvmod", "advmod", "punct", "nsubj", "aux", "neg", "prt")
        if any(c.dep_ not in adjuncts for c in verb.children
               if c.i > verb.i and c.i not in {t.i for t in cue.tokens}):
            return None
        rest = [t for t in doc[verb.i + 1:] if not (t.is_punct or t.is_space)]
        sub = {t.i for c in verb.children if c.i > verb.i for t in c.subtree}
        if any(t.i not in sub and t.i not in {c.i for c in cue.tokens} for t in rest):
            return None
        # the words before the comma are a main clause, not a fronted adverbial ("As an
        # immigrant, she felt …", "In a press release, the committee said …", "Days after its
        # report was issued, the museum …"): a verb with a subject and no subordinator heads them
        seg = range(verb.sent.start, k)
        roots = [t for t in doc[verb.sent.start:k] if t.head.i not in seg or t.head.i == t.i]
        if not any(t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                   and not any(c.dep_ == "mark" for c in t.children) for t in roots):
            return None
        return base + doc[k].idx

    def _contrast_mark(self, verb: Token) -> bool:
        """Is ``verb``'s clause opened by a listed contrast conjunction ("while", "though",
        "even as": data ``contrast_marks``), as its mark or as the clause's first word (the
        parser hung "While" elsewhere: "While populists like Mr. Grillo blame …")?"""
        doc = verb.doc
        firsts = [c for c in verb.children if c.i < verb.i and c.dep_ in ("mark", "advmod")]
        edge = verb.left_edge
        if edge.lower_ == "even" and edge.i + 1 < len(doc):
            edge = doc[edge.i + 1]
        if not (edge.head.i == verb.i or (edge.head.dep_ in ("nsubj", "nsubjpass") and edge.head.head.i == verb.i)):
            edge = verb  # the first word belongs to a clause inside ("While X boasts, Y …" under Z)
        for c in firsts + [edge]:
            low = c.lower_
            if c.i > 0 and doc[c.i - 1].lower_ == "even":
                low = "even " + low
            if low in self.contrast_marks:
                return True
        return False

    def _fronted_contrast(self, t: Token) -> bool:
        """Is ``t`` the verb of a contrast clause closed before its head ("While X boasts …,
        <head> …"; the parser makes it an adverbial clause or a complement)?"""
        return t.dep_ in ("advcl", "ccomp") and t.right_edge.i < t.head.i and self._contrast_mark(t)

    def _has_own_cue(self, clause: Token) -> bool:
        """Does ``clause`` hold a cue verb with a subject of its own?"""
        return any(u.tag_.startswith("VB") and u.lemma_.lower() in self.all_cue_lemmas
                   and any(c.dep_ in ("nsubj", "nsubjpass") for c in u.children)
                   for u in clause.subtree)

    def _contrast_clause(self, tok: Token) -> Token | None:
        """The fronted contrast clause ``tok`` stands in (a clause before its head, opened by
        a contrast conjunction and closed before the head: "While he boasts …, he …"), else
        None."""
        t = tok
        while t.head.i != t.i:
            if self._fronted_contrast(t):
                return t
            t = t.head
        return None

    def _clause_before_head(self, tok: Token) -> Token | None:
        """The clause ``tok`` stands in that closes before the word it depends on: a fronted
        subordinate clause ("Just days before it was to report earnings, the company said …":
        what "report" says ends with its clause), or a clause that is the content of a cue
        closing the sentence after it ("<regulators have found dozens of complaints>, officials
        said."); else None. A cue that the parser made the clause of a later verb itself ("He
        claimed at one point, a supporter asked …", "If …, the minister warned, the farmers
        plan to …") is bound only by a cue closing the sentence."""
        t = tok
        while t.head.i != t.i:
            head = t.head
            if t.dep_ in ("advcl", "ccomp", "parataxis") and t.right_edge.i < head.i:
                if t.dep_ == "advcl":
                    return t
                if head.lemma_.lower() not in self.verb_lemmas:
                    return None
                subj = {x.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
                if all(x.is_punct or x.is_space or x.i in subj for x in head.doc[head.i + 1:]):
                    return t
                return None
            t = head
        return None

    def _without_fronted_cues(self, toks: list[Token]) -> list[Token]:
        """``toks`` less a fronted contrast clause with a speaker and a cue of its own ("While
        Republicans boast of X, wages have stagnated, economists say": the clause is the
        boast's, not the economists' words), and the comma after it."""
        ids = {t.i for t in toks}
        drop: set[int] = set()
        for t in toks:
            if t.head.i not in ids or not self._fronted_contrast(t):
                continue
            if self._has_own_cue(t):
                drop.update(u.i for u in t.subtree)
                nxt = t.right_edge.i + 1
                if nxt < len(t.doc) and t.doc[nxt].text in (",", "—", "–", "--", "-"):
                    drop.add(nxt)
        rest = [t for t in toks if t.i not in drop]
        return rest if drop and sum(1 for t in rest if t.is_alpha) >= 3 else toks

    def _find(self, cue: Cue, subject: Token | None, base: int, sent_start: int,
              sent_end: int) -> Content | None:
        text = self.text
        self._base = base
        attrib = list(cue.tokens)
        if subject is not None:
            sub = list(subject.subtree)
            # "The minister, who said …, left": the cue's clause inside the subject is not attribution
            inner = {t.i for t in cue.token.subtree} if cue.token in sub else set()
            attrib += [t for t in sub if t.i not in inner and not self._in_quote(base + t.idx)]
        if cue.speaker_side == "object":
            # "according to X": the phrase is the cue and the subtree of its object, not the
            # subtree of "according" (the parser may make it the root of the whole sentence)
            objs = [c for c in cue.tokens[-1].children if c.dep_ == "pobj"]
            for o in objs:
                # "According to the FBI summary, Mills and another aide asked …": the parser may
                # join the clause's subject to the object; the phrase ends at its comma
                comma = next((t.i for t in o.doc[o.i + 1:o.right_edge.i + 1] if t.text == ","
                              and not self._in_quote_tok(t)), None)
                if comma is not None:
                    attrib = [t for t in attrib if not o.i < t.i <= o.right_edge.i or t.i < comma]
                attrib += [t for t in o.subtree if comma is None or t.i < comma]
            if not objs:
                attrib += list(cue.token.subtree)
        a0, a1 = token_span(attrib, base)
        cue_end = token_span(list(cue.tokens), base)[1]
        sent_quotes = self.quotes_in(sent_start, sent_end)

        if cue.speaker_side == "object":
            return self._according(cue, a0, a1, sent_start, sent_end)

        # 1a. a quotation right before the attribution
        before = [q for q in sent_quotes if q.end <= a0 and q not in self.used
                  and (_GAP_OK.match(text[q.end:a0]) or self._noun_gap(cue, q.end, a0))
                  and (not self._title(q) or self._short_utterance(q, sent_start, sent_end))]
        if before:
            q = before[-1]
            if q.start >= sent_start and text[sent_start:q.start].strip() \
                    and not text[sent_start:q.start].rstrip().endswith(":"):
                start = sent_start  # (a clause and a colon before it are not its words)  # "The two will "go hand in hand …," Xi was quoted as saying"
            else:
                start = q.inner_start
            parts = [(start, q.inner_end)]
            used = [q]
            nxt = next((q2 for q2 in sent_quotes if q2.start >= a1 and q2 not in self.used), None)
            if nxt is not None and re.match(r"^[^\"“”]*[,:]\s*$", text[cue_end:nxt.start]) \
                    and len(text[cue_end:nxt.start]) < 80 and nxt.start < sent_end \
                    and not any(t.tag_.startswith("VB") and t.lemma_.lower() in self.all_cue_lemmas
                                for t in cue.token.doc if cue_end <= base + t.idx < nxt.start):
                # (not "…,” Cruz said, adding: “…”: the second quotation is the second cue's)
                parts.append((nxt.inner_start, nxt.inner_end))  # "…," he said, "…"
                used.append(nxt)
            s0, e0 = trim(text, parts[0][0], parts[-1][1])
            body = " ".join(text[a:b].strip() for a, b in parts)
            return Content(s0, e0, body.strip(_TRIM_CHARS), any(u.sentence_like for u in used), used, "quote-before")

        # 1b. a quotation after the cue
        after = [q for q in sent_quotes if q.start >= cue_end and q not in self.used
                 and (q.sentence_like or self._short_utterance(q, sent_start, sent_end))]
        if after:
            q = after[0]
            gap = text[cue_end:q.start]
            if subject is not None and base + subject.idx >= cue_end:
                gap = text[a1:q.start] if a1 <= q.start else gap
            if any(t.tag_.startswith("VB") and t.lemma_.lower() in self.all_cue_lemmas
                   and cue_end <= base + t.idx < q.start for t in cue.token.doc):
                pass  # "…, Nefzi said, adding, “…”": the quotation is the second cue's
            elif self._closed_by_cue(cue, q, sent_end):
                # "he said the city had done everything …: “We opened …,” she said": the
                # quotation is the words of the cue after it; this cue's content ends before it
                g0, g1 = trim(text, a1 if a1 <= q.start else cue_end, q.start)
                if len(text[g0:g1].split()) >= 3 and not self._in_quote(g0):
                    return self._make(g0, g1, "complement")
            elif self._title(q):
                pass  # "on Fox News's “Sunday Morning Futures,” Issa said …": a title, not words
            elif _GAP_OK.match(gap) or (gap.rstrip().endswith((":", ",")) and not _CLAUSE_GAP.search(gap)) \
                    or (_PP_GAP.match(gap) and not any(
                        t.tag_ in _FINITE_TAGS and cue_end <= base + t.idx < q.start for t in cue.token.doc)):
                # ("said in a statement that the accusations were “groundless”": a clause
                # runs up to the quotation, which is only its last words)
                s0, e0 = trim(text, q.inner_start, q.inner_end)
                return Content(s0, e0, text[s0:e0], True, [q], "quote-after")
            if cue.token.left_edge.idx + base <= q.start and base + cue.token.right_edge.idx >= q.inner_start \
                    and not self._inserted_after_clause(cue, a0, sent_start):
                start = cue_end if not (subject is not None and base + subject.idx >= cue_end) else a1
                end = max(q.inner_end, sent_end)
                run = self._after_cue(cue, attrib) if start == cue_end else []
                run_end = base + run[-1].idx + len(run[-1].text) if run else end
                if run and run_end <= q.start:
                    pass  # the quotation belongs to a second cue ("noted that …, and added: “…”")
                else:
                    if run:  # past the hearer and up to a second cue ("…,” adding …)
                        start = max(start, base + run[0].idx)
                        if run_end < sent_end:
                            end = max(q.inner_end, run_end)
                    s0, e0 = trim(text, start, end)
                    e0 = strip_final_period(text, s0, e0)
                    return Content(s0, e0, text[s0:e0], True, self.quotes_in(s0, e0), "quote-after")

        # 1c. a cue that closes its sentence with a colon, the quotation opening the next
        # sentence or paragraph ("He said:\n\n“In all the administrations …”")
        colon = self._quote_after_colon(cue_end, sent_end)
        if colon is not None:
            return colon

        if cue.part in ("adjective", "noun"):
            return self._attached(cue, base, attrib)
        if cue.part == "light":
            found = self._light(cue, base, attrib)
            if found is not None:
                return found

        # 3. the complement clause
        comp = self._complement(cue)
        if comp is not None and comp.i < cue.token.i and self._fronted_contrast(comp) and self._has_own_cue(comp):
            comp = None  # "While populists blame X, the pope points to Y": the clause is theirs
        if comp is not None:
            toks = self._cut(self._without_fronted_cues(list(comp.subtree)), cue)
            if cue.lemma in _HEARER_VERBS:  # "told Newsmax that …": the hearer is not content
                that = next((t for t in toks if t.lower_ == "that" and t.dep_ == "mark"), None)
                if that is not None and that.i > toks[0].i and not any(
                        t.tag_.startswith("VB") for t in toks if t.i < that.i):
                    toks = [t for t in toks if t.i > that.i]
            s0, e0 = trim(text, *token_span(toks, base))
            e0 = strip_final_period(text, s0, e0)
            if any(s0 <= base + t.idx < e0 for t in attrib):
                pass  # the attribution sits inside: fall through to the inserted-clause rule
            elif any(q.inner_start <= s0 and e0 <= q.inner_end for q in self.used):
                return None  # inside a quotation already attributed
            elif e0 <= a0 and re.search(r"[;:]", text[e0:a0]):
                pass  # "…; 26 percent of Democrats say they …", "… paying off: He said he …":
                # a clause before a semicolon or colon is no complement of the cue after it
            else:
                return self._make(s0, e0, "complement")

        # 3a. a directive with an infinitive after its addressee ("called on the administration
        # to release the memo", "urged Beijing to free …"): the addressee and what it is to do
        # (rule 5), not the addressee alone
        if self._directive(cue) and any(c.dep_ == "xcomp" and c.i > cue.tokens[-1].i for c in cue.token.children):
            found = self._directive_content(cue, base, cue_end)
            if found is not None:
                return found

        # 3b. what the cue governs: an infinitive of intention ("vowed to build"), the object of
        # a preposition ("talked about the border"), a noun-phrase object ("endorsed Cruz")
        governed = self._governed(cue, base, attrib)
        if governed is not None:
            return governed

        # 4. the clause the cue is inserted in, set off by commas ("<clause>, X said, …")
        if cue.token.dep_ in ("parataxis", "ccomp") and cue.token.head.i != cue.token.i and \
                (cue.token.dep_ == "parataxis" or cue.token.i > cue.token.head.i) and \
                _set_off(cue.token):
            head = cue.token.head
            inner = set(t.i for t in cue.token.subtree)
            toks = self._without_fronted_cues([t for t in head.subtree if t.i not in inner])
            # keep only the part before the attribution (what follows it is the writer's)
            before_toks = [t for t in toks if t.i < min(inner)]
            after_toks = [t for t in toks if t.i > max(inner)]
            if before_toks and after_toks and cue.token.head.i > max(inner):
                pieces = [before_toks, after_toks]  # "X, they believe, is on the line"
            else:
                pieces = [before_toks] if before_toks else []
            if pieces:
                spans = [trim(text, *token_span(p, base)) for p in pieces if p]
                spans = [(s, e) for s, e in spans if e > s]
                if spans:
                    s0, e0 = spans[0][0], spans[-1][1]
                    e0 = strip_final_period(text, s0, e0)
                    body = " ".join(text[s:e] for s, e in spans[:-1]) + (" " if len(spans) > 1 else "") + text[spans[-1][0]:e0]
                    c = self._make(s0, e0, "inserted")
                    c.text = body.strip()
                    return c

        # 4b. an inverted cue ending the sentence after the clause ("<clause>, said Christine
        # Link, director of …."), the parser having made a word of the clause a second subject:
        # the clause before it
        if subject is not None and base + subject.idx >= cue_end and cue.token.i > 0 \
                and cue.token.doc[cue.token.i - 1].text == "," and not self._in_quote(a0 - 2) \
                and all(t.is_punct or t.is_space for t in cue.token.doc[subject.right_edge.i + 1:]):
            s0, e0 = trim(text, sent_start, a0)
            if len(text[s0:e0].split()) >= 3 and not any(q in self.used for q in self.quotes_in(s0, e0)):
                return self._make(s0, e0, "inserted")

        # 4c. an attribution closing the sentence after a comma, its subject before it and only
        # adjuncts after it ("<clause>, The Washington Post reported in 1991."), which the
        # parser hung inside the clause: the clause before the comma
        closing = self._closing_attribution(cue, subject, base)
        if closing is not None:
            s0, e0 = trim(text, sent_start, closing)
            if len(text[s0:e0].split()) >= 3:
                return self._make(s0, e0, "inserted")

        # 5. directives: "called on Washington to end its embargo"
        if self._directive(cue):
            found = self._directive_content(cue, base, cue_end)
            if found is not None:
                return found

        # 5b. a quotation alone in the sentence before, which this one opens with the attribution
        # ("“Who do they think they are?” Trump said of Apple": the segmenter split them)
        if not text[sent_start:a0].strip(_TRIM_CHARS + "'’"):
            prev = [q for q in self.quotes if q.end <= sent_start and q.sentence_like and q not in self.used
                    and not text[q.end:sent_start].strip() and "\n" not in text[q.end:sent_start] and q.closed
                    and (q.start == 0 or text[:q.start].rstrip()[-1:] in ("", ".", "!", "?", "\n", "”", '"'))]
            if prev:
                q = prev[-1]
                s0, e0 = trim(text, q.inner_start, q.inner_end)
                return Content(s0, e0, text[s0:e0], True, [q], "quote-before")

        # 6. a verb of saying or thinking the parser gave no clause ("McCain says the movement
        # appeals to …" read as an object "appeals"): the words after the cue, past the hearer
        # ("told reporters") and the cue's own time and place phrases
        if cue.part == "verb" and cue.lemma in self.clause_verbs and not any(
                c.dep_ == "neg" for c in cue.token.children):
            return self._rest(cue, base, attrib)
        return None

    def _rest(self, cue: Cue, base: int, attrib: list[Token]) -> Content | None:
        t = cue.token
        if t.tag_ == "VBG" and t.dep_ in ("conj", "pcomp", "pobj", "appos") and \
                any(c.dep_ == "dobj" for c in t.children):
            return None  # "…, preventing conflict, maintaining open lines of …": an act in a list
        run = self._after_cue(cue, attrib, bounded=True)
        if run and run[0].lower_ in ("it", "them", "this", "him", "her", "so", "nothing"):
            return None  # "denying it to civilians": an object, not what was said
        if sum(1 for t in run if t.is_alpha) < 3 or not any(t.pos_ in ("NOUN", "PROPN", "VERB", "AUX", "PRON")
                                                            for t in run):
            return None
        return self._span(run, base, attrib, "rest")

    def _after_cue(self, cue: Cue, attrib: list[Token], bounded: bool = False) -> list[Token]:
        """The tokens after the cue to the sentence's end, past the hearer ("told Newsmax
        that …") and the cue's own time and place phrases right after it ("said on Monday"),
        cut where the writer takes over (:meth:`_cut`). With ``bounded``, the words of a cue
        in a fronted clause end with that clause (:meth:`_clause_before_head`; a quotation
        open there runs to its end)."""
        tok = cue.tokens[-1]
        doc = tok.doc
        lead: set[int] = set(t.i for t in attrib)
        for c in cue.token.children:
            if c.i > tok.i and (c.dep_ in ("dative", "npadvmod", "advmod", "prep", "punct", "agent")
                                or (c.dep_ == "dobj" and cue.lemma in _HEARER_VERBS)):
                lead.update(t.i for t in c.subtree)
        k = tok.i + 1
        while k < len(doc) and (k in lead or doc[k].is_punct or doc[k].lower_ == "that"):
            k += 1
        clause = self._contrast_clause(cue.token)
        before = clause or (self._clause_before_head(cue.token) if bounded else None)
        bound = before.right_edge.i if before is not None else len(doc)
        if before is not None:
            edge = self._base + doc[bound].idx
            q = next((q for q in self.quotes_in(edge, edge + 1) if q.end > edge + len(doc[bound].text)), None)
            if q is not None:  # the clause ends inside a quotation: the quotation is said whole
                bound = max([t.i for t in doc if self._base + t.idx < q.end] or [bound])
        run = [t for t in doc[k:] if t.i not in attrib and t.i <= bound]
        if clause is not None and not any(t.is_alpha for t in run):
            # "While Republicans boast of record job growth, …": within its clause, the phrase
            # after the cue is what it says
            pp = next((c for c in cue.token.children if c.dep_ == "prep" and c.i > tok.i
                       and c.lower_ in ("of", "about", "over")), None)
            run = [t for t in pp.subtree if t.i != pp.i] if pp is not None else []
        return self._cut(run, cue)

    def _cut(self, toks: list[Token], cue: Cue | None, relative: bool = False) -> list[Token]:
        """The content tokens up to where the writer takes over: a second cue of the same
        speaker ("… and said that …", "…, adding that …", "… but argues …"), a contrast
        ("…, while Sanders suggests …") or, for a noun phrase (``relative``), a relative
        clause set off by a comma ("Trump, with whom he clashed …")."""
        toks = sorted(toks, key=lambda t: t.i)
        if not toks:
            return toks
        first = toks[0].i
        keep = len(toks)
        inside = {t.i for t in toks}
        second_at = self._second_attribution(toks)
        if second_at is not None:
            keep = next(k for k, t in enumerate(toks) if t.i >= second_at)
            toks = toks[:keep]
        for k, t in enumerate(toks):
            if t.i <= first + 1 or self._in_quote_tok(t):
                continue
            prev = t.doc[t.i - 1]
            if prev.text in ("”", "''", '"', "’") and t.i >= 2:
                prev = t.doc[t.i - 2]  # "…,” adding"
            low = t.lower_
            nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
            second = t.lemma_.lower() in self.cue_lemmas or (
                t.lemma_.lower() in self.all_cue_lemmas and (
                    (t.tag_ in ("VBD", "VBZ") and prev.lower_ in ("and", "but"))
                    or (t.tag_ == "VBG" and prev.text == ","))) or (
                # "…,” referring to the party’s convention": a participle of a particle verb
                t.tag_ == "VBG" and prev.text == "," and f"{t.lemma_.lower()} {nxt}" in self.particle_cues)
            if t.tag_.startswith("VB") and second and \
                    prev.lower_ in (",", "and", "but", "—", "–", "-", "--") and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and \
                    not (cue is not None and t.i < cue.token.i):  # "<A and pledged B>, X reported":
                # a conjunct before the cue is the reported clause's, not the speaker's next act
                keep = k - 1 if prev.lower_ in ("and", "but") and k > 0 and toks[k - 1].i == prev.i else k
                while keep > 0 and (toks[keep - 1].is_punct and toks[keep - 1].text not in ("”", '"', "''")):
                    keep -= 1
                break
            if prev.text == "," and low == "even" and f"even {nxt}" in self.contrast_marks:
                # "Bivens hopes Democrats do not …, even as he understands …": the writer's contrast
                keep = k - 1 if k > 0 and toks[k - 1].i == prev.i else k
                break
            if prev.text in (",", "—", "–", "-", "--") and low in ("while", "whereas", "although", "though") \
                    and not self._fronted_in(t, inside) \
                    or (prev.text in ("—", "–", "-", "--") and low in ("but", "and") and t.dep_ == "cc"):
                # "…, while Sanders suggests …", "… at the candidate - although the photo …",
                # "… “an incredible feat” - but he said …": the writer's contrast
                keep = k - 1 if k > 0 and toks[k - 1].i == prev.i else k
                break
            if prev.text == "," and self._other_speakers_phrase(t, toks[k:]):
                # "46 percent of voters said yes, compared with 23 percent who said …": the
                # phrase after the comma holds other people's words
                keep = k - 1 if k > 0 and toks[k - 1].i == prev.i else k
                break
            if t.text == ";" and not self._in_quote_tok(t):
                keep = k  # "a note of concern for the victims; hours later, she issued …"
                break
            if t.tag_ in ("VBD", "VBZ") and t.dep_ == "conj" and t.head.i not in inside and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children):
                # "… as “just part of the campaign” and reportedly argued that …", "Sanders as a
                # superdelegate and in a statement credited him …": a second predicate of the
                # clause outside the content (the speaker's) ends it, at its "and"/"but"
                conj = next((j for j in range(k - 1, max(-1, k - 6), -1)
                             if toks[j].lower_ in ("and", "but") and toks[j].dep_ == "cc"), None)
                if conj is not None and not any(x.tag_.startswith("VB") or x.pos_ == "AUX" for x in toks[conj + 1:k]):
                    keep = conj
                    break
            if prev.text == "," and low == "which" and t.dep_ in ("nsubj", "nsubjpass") and k > 3:
                keep = k - 1 if k > 0 and toks[k - 1].i == prev.i else k
                break  # "…, which raised concerns among experts": the writer's addition
            if relative and prev.text == "," and (low in ("who", "which", "whose", "whom") or (
                    t.dep_ == "prep" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("whom", "which"))):
                keep = k - 1 if k > 0 and toks[k - 1].i == prev.i else k
                break
        out = toks[:keep]
        while out and (out[-1].is_punct or out[-1].lower_ in ("and", "but")):
            out.pop()
        lead = 0  # "said Tuesday his actions are …": the day is the cue's, not the content's
        while lead < len(out) - 2 and out[lead].ent_type_ in ("DATE", "TIME") \
                and out[lead].dep_ in ("npadvmod", "nmod", "compound") and not self._in_quote_tok(out[lead]):
            lead += 1
        out = out[lead:]
        return out or toks

    @staticmethod
    def _fronted_in(mark: Token, inside: set[int]) -> bool:
        """Does the conjunction ``mark`` open a clause fronted inside the content, closed by a
        comma or dash before the content's verb it modifies ("said that, while the deal was
        good, it was not enough")? Then the contrast is the speaker's, not the writer's."""
        clause = mark.head
        after = clause.right_edge.i + 1
        return mark.dep_ == "mark" and clause.dep_ == "advcl" and clause.head.i in inside \
            and after < clause.head.i and mark.doc[after].text in (",", "—", "–", "--")

    def _other_speakers_phrase(self, first: Token, rest: list[Token]) -> bool:
        """Does the phrase opening at ``first`` (after a comma) name people with a relative
        clause of saying of their own ("…, compared with 23 percent who said …", "…, unlike
        the governors who argued …", "…, including Kano, where officials said …")? The relative clause's noun stands in the phrase."""
        ids = {t.i for t in rest}
        for u in rest:
            if not u.tag_.startswith("VB") or u.lemma_.lower() not in self.cue_lemmas or u.dep_ != "relcl" \
                    or u.head.i not in ids or u.head.i < first.i or self._in_quote_tok(u):
                continue
            subj = next((c for c in u.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (subj.lower_ in ("who", "that", "which") or (
                    subj.pos_ != "PRON" and any(c.dep_ == "advmod" and c.lower_ in ("where", "when")
                                                for c in u.children))):
                return u.head.i > first.i or first.pos_ in ("NOUN", "PROPN", "NUM")
        return False

    def _inserted_after_clause(self, cue: Cue, a0: int, sent_start: int) -> bool:
        """Does the attribution starting at ``a0`` follow a clause and a comma that the cue
        governs or is inserted in ("Trump's “excesses” are sickening, Hollande said Tuesday,
        noting …")? Then the clause is the content, not what runs on after the cue (but "In a
        statement released after …, Cruz said he …" runs on)."""
        before = self.text[sent_start:a0].rstrip()
        if not before.endswith(",") or len(re.findall(r"\w+", before)) < 3:
            return False
        tok = cue.token
        return any(c.dep_ == "ccomp" and c.i < tok.i and not any(
            m.dep_ == "mark" and m.lower_ != "that" for m in c.children) for c in tok.children) or (
            tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i)

    def _quote_after_colon(self, cue_end: int, sent_end: int) -> Content | None:
        """The quotation right after a sentence that ends in a colon a few words after the cue
        ("went on to say:", "released the following statement:"), when nothing but space lies
        between; else None."""
        text = self.text
        tail = text[cue_end:sent_end].rstrip()
        if not tail.endswith(":") or len(tail) > 60 or re.search(r"[\"“”.;!?]", tail):
            return None
        nxt = next((q for q in self.quotes if q.start >= sent_end), None)
        if nxt is None or text[sent_end:nxt.start].strip() or nxt in self.used \
                or not nxt.sentence_like or self._title(nxt):
            return None
        s0, e0 = trim(text, nxt.inner_start, nxt.inner_end)
        return Content(s0, e0, text[s0:e0], True, [nxt], "quote-after")

    def _second_attribution(self, toks: list[Token]) -> int | None:
        """Where a second attribution with a speaker of its own starts inside ``toks`` (sorted),
        as the index of its first token (the "and" or comma before it), else None:

        - a cue verb joined to the content by "and"/"but"/";" with its own subject ("Cruz said
          the deal was a disaster, and Trump vowed to …", "… worried about the economy, and
          more than 4 in 10 said …"): the parser hangs it on the content's verb;
        - a new sentence the segmenter missed after an abbreviation, opening with a pronoun
          subject ("… attacks in the U.S. He says Americans …", "… at 7 p.m. They will …")."""
        if len(toks) < 4:
            return None
        doc = toks[0].doc
        first = toks[0].i
        ids = {t.i for t in toks}
        for t in toks:
            if t.i <= first + 2 or self._in_quote_tok(t):
                continue
            prev = doc[t.i - 1]
            if prev.text.endswith(".") and "." in prev.text[:-1] and t.text[:1].isupper() \
                    and t.lower_ in _NEW_SENTENCE_SUBJECTS and t.dep_ in ("nsubj", "nsubjpass"):
                return t.i
            if t.dep_ == "advcl" and t.tag_.startswith("VB") and t.lemma_.lower() in self.clause_verbs:
                # "… tough enough to be president after a woman in Worcester told him …": a
                # time clause with someone else's words is the writer's setting (not "came
                # hours after Trump proposed a ban", "while her opponent wants …")
                mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in _TIME_MARKS), None)
                subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
                if mark is not None and subj is not None and mark.i in ids and mark.i < subj.i \
                        and subj.pos_ != "PRON":
                    start = mark.i
                    while start - 1 > first and doc[start - 1].lower_ in (",", "even", "just", "only"):
                        start -= 1
                    if any(u.tag_ in _FINITE for u in toks if u.i < start):
                        return start
                continue
            if t.dep_ != "conj" or not t.tag_.startswith("VB") or t.lemma_.lower() not in self.all_cue_lemmas:
                continue
            if any(c.dep_ == "mark" for c in t.children):
                continue  # "complained that … and that …": a second complement of the same cue
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
            if subj is None or subj.left_edge.i not in ids or subj.lower_ in ("that", "which", "who"):
                continue
            start = subj.left_edge.i
            joined = False
            while start - 1 > first and doc[start - 1].lower_ in ("and", "but", ",", ";", "”", "''", '"'):
                joined = joined or doc[start - 1].lower_ in ("and", "but", ";")
                start -= 1
            if subj.pos_ == "PRON" and doc[start].text not in (",", ";"):
                continue  # "said it is complex and he feels he can win": his own feeling, nested
            # joined to the cue's own clause, or the first part is a clause ("two-thirds in
            # Texas, 7 in 10 in Tennessee, and nearly 8 in 10 in Alabama support …" is one
            # list of subjects)
            if joined and ((t.head.i not in ids and t.lemma_.lower() in self.clause_verbs)
                           or any(u.tag_ in _FINITE for u in toks if u.i < start)):
                return start
        return None

    def _short_utterance(self, q: Quote, sent_start: int, sent_end: int) -> bool:
        """A quotation of one or two words that is a whole utterance ("“Probably.”", "“With
        nukes?”", "“Sorry,” the minister said"): it ends with sentence punctuation or a comma
        inside the marks and opens or closes its sentence; not a quoted term or title in the
        middle of one ("called it “unacceptable” and left", "on “Meet the Press” Issa said")."""
        if q.n_words >= 3 or not q.closed:
            return False
        inner = self.text[q.inner_start:q.end].rstrip("\"”’' ")
        if not inner.endswith((".", "?", "!", ",")):
            return False
        return not self.text[sent_start:q.start].strip() or not self.text[q.end:sent_end].strip(" .")

    def _closed_by_cue(self, cue: Cue, q: Quote, sent_end: int) -> bool:
        """Is the quotation ``q`` followed, in its sentence, by an attribution of its own ("…,”
        he wrote", "…,” said Ms. Ruiz"): a verb of saying within the next six words, with only
        its subject before it or its subject right after it (not "“…,” described …", the verb
        of the clause the quotation sits in)?"""
        toks = [t for t in cue.token.doc if q.end <= self._base + t.idx < sent_end
                and not t.is_punct and not t.is_space][:6]
        for k, t in enumerate(toks):
            if t.tag_.startswith("VB") and t.lemma_.lower() in self.all_cue_lemmas and t.i != cue.token.i:
                # its subject between the quotation and it, or right after it ("said Ms. Ruiz")
                return k > 0 or any(c.dep_ == "nsubj" and c.i > t.i for c in t.children)
            if t.pos_ not in ("NOUN", "PROPN", "PRON", "DET", "ADJ"):
                return False
        return False

    def _noun_gap(self, cue: Cue, g0: int, g1: int) -> bool:
        """Are the words between a quotation and the speaker the rest of the speaker's noun
        phrase, which the parser left off it ("“…,” screenwriter Cole Haddon wrote", the
        role noun read as a clause of its own)? One to three nouns, adjectives or determiners
        (or words the tagger took for a bare verb, no cue)."""
        toks = [t for t in cue.token.doc if g0 <= self._base + t.idx < g1 and not t.is_punct and not t.is_space]
        return 0 < len(toks) <= 3 and all(
            t.pos_ in ("NOUN", "ADJ", "DET", "PROPN") or (  # "screenwriter" tagged as a verb
                t.is_alpha and t.tag_ in ("VB", "VBP", "NN") and t.lemma_.lower() not in self.all_cue_lemmas)
            for t in toks) \
            and not re.search(r"[,;:()\[\]]", self.text[g0:g1].lstrip(_TRIM_CHARS))

    def _title(self, q: Quote) -> bool:
        """A title in quotation marks ("Sunday Morning Futures", "Meet the Press"): every
        word capitalised but the small ones, no sentence punctuation."""
        words = re.findall(r"[\w’'-]+", self.text[q.inner_start:q.inner_end])
        if not words or len(words) > 8 or re.search(r"[.!?;]", self.text[q.inner_start:q.inner_end].rstrip(".,")):
            return False
        small = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"}
        return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in small or w[:1].isdigit()
                                              for w in words)

    def _in_quote_tok(self, t: Token) -> bool:
        base = self._base
        return self._in_quote(base + t.idx)

    def _span(self, toks: list[Token], base: int, attrib: list[Token], how: str) -> Content | None:
        if not toks:
            return None
        toks = self._cut(toks, None, relative=how in ("object", "prep", "light", "noun"))
        if not toks:
            return None
        s0, e0 = trim(self.text, *token_span(toks, base))
        e0 = strip_final_period(self.text, s0, e0)
        if e0 <= s0 or any(s0 <= base + t.idx < e0 for t in attrib):
            return None
        if any(q.inner_start <= s0 and e0 <= q.inner_end for q in self.used):
            return None
        if len(toks) == 1 and (toks[0].pos_ in ("PRON", "DET", "NUM") or toks[0].is_punct):
            return None  # "denied it", "said so": nothing an analyst can read
        return self._make(s0, e0, how)

    def _attached(self, cue: Cue, base: int, attrib: list[Token]) -> Content | None:
        """Content of an adjective ("confident that …", "concerned about …", "ready to …") or
        a claim noun ("X's claim that …", "his call for …")."""
        tok = cue.token
        for c in tok.children:
            if c.dep_ in ("ccomp", "acl", "xcomp") and c.i > tok.i and (
                    cue.part != "noun" or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    # "Trump's promises to deport …", "his claim to have brought new voters"
                    or (c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))):
                return self._span(list(c.subtree), base, attrib, cue.part)
        if cue.part == "noun" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "Podliska's most explosive claim is that the committee is a witch hunt"
            for c in tok.head.children:
                if c.dep_ in ("ccomp", "attr") and c.i > tok.head.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return self._span(list(c.subtree), base, attrib, "noun")
        preps = self.noun_preps.get(tok.lemma_.lower(), set()) if cue.part == "noun" else _ATTACHED_PREPS
        for c in tok.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps:
                obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if obj:
                    return self._span(list(obj[0].subtree), base, attrib, cue.part)
        return None

    def _light(self, cue: Cue, base: int, attrib: list[Token]) -> Content | None:
        """Content of a light verb and its speech noun: the noun's that-clause ("made the case
        that …") or the phrase after a preposition listed for the noun ("raised concerns about
        …"); else None (the quotation and clause rules go on)."""
        noun = cue.tokens[-1]
        preps = self.light_preps.get(noun.lemma_.lower(), set())
        for c in list(noun.children) + list(cue.token.children):
            if c.i <= noun.i:
                continue
            if c.dep_ in ("acl", "ccomp", "relcl") and "that" in preps and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return self._span(list(c.subtree), base, attrib, "light")
            if c.dep_ == "prep" and c.lower_ in preps:
                obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if obj:
                    return self._span(list(obj[0].subtree), base, attrib, "light")
        return None

    @staticmethod
    def _directive(cue: Cue) -> bool:
        """Is the cue a directive ("urge", "demand", "call on", "call for")?"""
        phrase = cue.text.lower()
        return cue.lemma in ("urge", "demand") or any(phrase.startswith(p.split()[0]) and len(cue.tokens) > 1
                                                       for p in _DIRECTIVE)

    def _directive_content(self, cue: Cue, base: int, cue_end: int) -> Content | None:
        """A directive's content: the words after the cue to the end of what it governs
        ("called on Washington to end its embargo"), three words at least."""
        text = self.text
        last = cue.tokens[-1].i
        parts = [c for c in cue.token.children if c.i > last and c.dep_ in ("dobj", "xcomp", "prep", "dative")]
        if any(c.dep_ == "xcomp" for c in parts):
            # the addressee and what it is to do, not the cue's other phrases ("urged young
            # women to vote for Clinton, saying …"; "We urge the regime to refrain …, and we
            # call on …": a second verb joined to the cue is its own attribution)
            right = max((c.right_edge for c in parts), key=lambda t: t.i)
            # nor a finite verb the parser joined to the infinitive ("called on the United
            # States to attack the oil … and proposed a safe zone": the second act is the
            # speaker's own, no part of what the addressee is to do)
            xcomp = next(c for c in parts if c.dep_ == "xcomp")
            finite = [t for t in xcomp.subtree if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and t.i > xcomp.i]
            if finite:
                cut = min(finite, key=lambda t: t.i).left_edge.i
                before = [t for t in cue.token.doc[last + 1:cut] if not (t.dep_ in ("cc", "punct") and t.i >= cut - 2)]
                if before:
                    right = before[-1]
        else:
            right = cue.token.right_edge
        if right.i <= last:
            return None
        s0, e0 = trim(text, cue_end, base + right.idx + len(right.text))
        e0 = strip_final_period(text, s0, e0)
        return self._make(s0, e0, "directive") if len(text[s0:e0].split()) >= 3 else None

    def _governed(self, cue: Cue, base: int, attrib: list[Token]) -> Content | None:
        tok = cue.token
        lemma = cue.lemma
        last = cue.tokens[-1]
        if last is not tok and last.dep_ == "prep":  # "talked about", "pointed to"
            obj = [g for g in last.children if g.dep_ in ("pobj", "pcomp")]
            if obj:
                return self._span(list(obj[0].subtree), base, attrib, "prep")
            return None
        if lemma in _AS_VERBS:  # "sees the project as a test", "views the tariff as a betrayal"
            seen = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
            as_pp = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                          and seen is not None and c.i > seen.i), None)
            if seen is not None and as_pp is not None:
                return self._span(list(seen.subtree) + list(as_pp.subtree), base, attrib, "object")
        if lemma in _REQUEST_VERBS:  # "asked a judge to block the rules", "asked him about the deal"
            asked = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i), None)
            if asked is not None:
                for c in tok.children:
                    if c.i > asked.i and c.dep_ in ("xcomp", "ccomp") and any(
                            a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        return self._span(list(asked.subtree) + list(c.subtree), base, attrib, "request")
                    if c.i > asked.i and c.dep_ == "prep" and c.lower_ in ("about", "regarding"):
                        about = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                        if about:
                            return self._span(list(about[0].subtree), base, attrib, "prep")
                    if c.i > asked.i and c.dep_ == "prep" and c.lower_ == "for" and lemma == "ask":
                        wanted = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                        if wanted:  # "asked the Supreme Court for quick action": a request
                            return self._span(list(wanted[0].subtree), base, attrib, "request")
        if cue.kind == "intention" or lemma in _INFINITIVE_OK:
            for c in tok.children:
                if c.dep_ == "xcomp" and c.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return self._span(list(c.subtree), base, attrib, "infinitive")
        if lemma in self.object_verbs:
            objs = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i]
            if objs:
                target = objs[0]
                toks = list(target.subtree)
                # what completes the object: "criticized Clinton for …", "called Trump a
                # fascist", "described the dinner as …"
                more = lexicon().object_completions.get(lemma, set())  # "likened X to Y"
                for c in tok.children:
                    if c.i > target.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (
                            c.dep_ == "prep" and (c.lower_ in ("for", "as", "over", "of") or c.lower_ in more))):
                        toks += list(c.subtree)
                return self._span(toks, base, attrib, "object")
            # a gerund as the object: "would advocate allowing federal dollars to follow
            # students", "supports expanding the program", "opposes extending the deadline"
            gerund = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > tok.i), None)
            if gerund is not None:
                return self._span(list(gerund.subtree), base, attrib, "object")
            if lemma == "call":  # "called the show “the conservative news show of record”"
                for c in tok.children:
                    if c.dep_ in ("ccomp", "oprd") and c.i > tok.i:
                        return self._span(list(c.subtree), base, attrib, "object")
        return None

    def _make(self, s0: int, e0: int, how: str) -> Content:
        qs = self.quotes_in(s0, e0)
        return Content(s0, e0, self.text[s0:e0], any(q.sentence_like for q in qs), qs, how)

    def _according(self, cue: Cue, a0: int, a1: int, sent_start: int, sent_end: int) -> Content | None:
        """ "According to X, <clause>", "<clause>, according to X", "Fundraising, according
        to the campaign, has surged …": the sentence without the phrase (both sides of it when
        it is inserted; a conjunction or a one-word adverb opening the sentence is not content:
        "But according to reports, …", "Now, according to the poll, …"; a participle or a verb
        of saying after an inserted phrase starts another clause: the words before it)."""
        text = self.text
        s_first, s_last = trim(text, sent_start, sent_end)
        b0, b1 = trim(text, s_first, a0)
        f0, f1 = trim(text, a1, sent_end)
        f1 = strip_final_period(text, f0, f1)
        before = text[b0:b1] if b1 > b0 else ""
        after = text[f0:f1] if f1 > f0 else ""
        if len(before.split()) <= 1 and _OPENERS.match(before):
            before = ""
        if before and after:
            # "…, according to the Labor Department, taking a step toward …", "… while —
            # according to emails — knowing …": a participle after the phrase, or a clause with
            # a verb of saying of its own, does not go on the clause before it
            rest = [t for t in cue.token.doc if f0 <= self._base + t.idx < f1 and not t.is_punct]
            if rest and (rest[0].tag_ in ("VBG", "VBN") or any(
                    t.tag_.startswith("VB") and t.lemma_.lower() in self.all_cue_lemmas for t in rest)):
                after = ""
        if not before:
            s0, e0, body = f0, f1, after
        elif len(after.split()) < 3:
            b1 = strip_final_period(text, b0, b1)
            s0, e0, body = b0, b1, text[b0:b1]
        else:
            s0, e0, body = b0, f1, f"{before} {after}"
        if e0 <= s0 or len(body.split()) < 3:
            return None
        c = self._make(s0, e0, "according")
        c.text = body
        return c

    def _complement(self, cue: Cue) -> Token | None:
        words = {t.i for t in cue.tokens}
        for tok in reversed(cue.tokens):
            comps = [c for c in tok.children if c.i not in words and (
                c.dep_ in _COMPLEMENT_DEPS or (tok.i != cue.token.i and c.dep_ in ("advcl", "csubj") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children)))]  # "made it clear that …",
            # "made clear that …" (the parser made the clause a subject of "clear")
            if len(comps) > 1 and comps[0].i < tok.i < comps[-1].i and (
                    any(t.text in ("—", "–", "--", "-") for t in tok.doc[comps[0].i:tok.i])
                    or any(c.dep_ == "nsubj" and comps[0].i < c.i < tok.i for c in tok.children)
                    or any(m.dep_ == "mark" and m.lower_ == "that" for m in comps[-1].children)):
                # "It wasn't a coincidence — Hart told the Times that the leaders gave …": the
                # clause before the dash is the writer's; the complement after the cue is said
                return comps[-1]
            if comps:
                return comps[0]
        venue = self._venue_clause(cue.tokens[-1], deep=cue.lemma in self.clause_verbs)
        if venue is not None:
            return venue
        if cue.stance == "denies":  # "rejected the accusation", not "denies free speech"
            for c in cue.token.children:
                if c.dep_ == "dobj" and (c.lower_ in self.claim_nouns or c.lemma_.lower() in self.claim_nouns):
                    return c
        if cue.lemma in lexicon().question_verbs:
            for c in cue.token.children:
                if c.dep_ == "advcl" and c.i > cue.token.i and any(
                        m.dep_ == "mark" and m.lower_ == "if" and m.i == c.left_edge.i for m in c.children):
                    return c  # "asked workers if they planned to attend": "if" is "whether"
        if cue.lemma in ("accuse", "charge"):
            for c in cue.token.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "with"):
                    for g in c.children:
                        if g.dep_ in ("pcomp", "pobj"):
                            return g
        return None

    def _venue_clause(self, tok: Token, deep: bool = False) -> Token | None:
        """The that-clause the parser hung on where the words were said ("says in a statement
        that the race …", "wrote in a letter that …"): the cue's complement. With ``deep`` (a
        verb of saying: data ``rest_verbs``) on any noun of a phrase after the cue ("said in
        one of a series of Twitter messages that …", "said on CNN, where he is a contributor,
        that …"): a clause opened by the conjunction "that" (not the relative pronoun) with a
        subject of its own."""
        for c in tok.children:
            if c.dep_ != "prep" or c.i < tok.i:
                continue
            if c.lower_ in ("in", "during", "on", "at", "via"):
                for g in c.children:
                    if g.dep_ != "pobj" or g.lemma_.lower() not in self.venue_nouns:
                        continue
                    for cl in g.children:
                        if cl.dep_ in ("acl", "relcl", "ccomp") and cl.i > g.i and any(
                                m.dep_ == "mark" and m.lower_ == "that" for m in cl.children):
                            return cl
            if not deep:
                continue
            for cl in c.subtree:
                if cl.dep_ in ("acl", "relcl", "ccomp") and cl.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") \
                        and cl.i > cl.head.i \
                        and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == cl.left_edge.i
                                for m in cl.children) \
                        and any(sb.dep_ in ("nsubj", "nsubjpass", "expl") and sb.i < cl.i for sb in cl.children):
                    return cl
        return None

    def _in_quote(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self.quotes_in(char, char + 1))
