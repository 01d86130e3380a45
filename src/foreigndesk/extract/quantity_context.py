"""What a figure is about and who states it, read from the tagged tokens of its sentence
(no parse): the noun phrase a figure counts or belongs to ("Soviet operatives", "Cuba's long
standing debt", "deaths from COVID-19 in Cuba by August 2022") and the subject of a stating
verb before it ("Official government sources claimed", "independent estimates place") or the
object of "according to"."""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from foreigndesk.extract.quantity_numbers import QuantityWords

_NP_POS = {"NOUN", "PROPN", "ADJ", "NUM"}
_NP_TAGS = {"VBG", "VBN", "HYPH", "POS", "NNP", "NNPS"}
_SUBJ_SKIP = {"has", "have", "had", "was", "were", "is", "are", "also", "now", "reportedly",
              "officially", "previously", "recently", "publicly", "still", "will", "would", "could",
              "may", "might", "did", "do", "does"}
_CAUSE_RE = re.compile(r"\b(?:as a result of|due to|because of|caused by|died of|died from|killed by)\s+"
                       r"((?:the\s+|a\s+|an\s+)?[\w-]+)", re.IGNORECASE)
_KILLER_RE = re.compile(r"([\w-]+)\s+(?:(?:has|had|have)\s+(?:killed|claimed the lives of)\b|(?:killed|claimed the "
                        r"lives of)\s+(?:at least |more than |over |some |about |nearly |almost )?\d)")
_NOT_CAUSE = {"who", "which", "that", "were", "was", "been", "be", "being", "people", "and", "or",
              "reportedly", "also", "they", "he", "she", "it", "have", "has", "had"}


class Tokens:
    """Character-offset access to the tokens of a document (token offsets as one array,
    without making a Python object per token)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.idx = doc.to_array(IDX).astype(np.int64) if len(doc) else np.zeros(0, np.int64)

    def at_or_after(self, char: int) -> int:
        return int(np.searchsorted(self.idx, char, side="left"))

    def before(self, char: int) -> int:
        """Index of the last token starting before ``char``."""
        return int(np.searchsorted(self.idx, char, side="left")) - 1


def _np_token(doc: Doc, k: int, right_neighbour: Token | None) -> bool:
    """May token ``k`` stand in a noun phrase? Nouns, adjectives, participles, the pieces of
    a hyphenated word ("oil-for-cash"), and an adverb before an adjective ("long standing")."""
    t = doc[k]
    if t.pos_ in _NP_POS or t.tag_ in _NP_TAGS or t.text == "-":
        return True
    if k > 0 and not doc[k - 1].whitespace_ and doc[k - 1].text == "-":
        return True
    if not t.whitespace_ and k + 1 < len(doc) and doc[k + 1].text == "-":
        return True
    return t.tag_ == "RB" and right_neighbour is not None and (
        right_neighbour.pos_ == "ADJ" or right_neighbour.tag_ in ("VBG", "VBN"))


def noun_phrase_after(toks: Tokens, char: int, limit: int, qw: QuantityWords) -> tuple[list[Token], Token | None]:
    """The noun phrase right after a figure ("Soviet operatives", "cities and towns",
    "oil-for-cash scheme") and its head noun (None when no noun follows)."""
    doc = toks.doc
    k = toks.at_or_after(char)
    out: list[Token] = []
    head: Token | None = None
    conj = False
    while k < len(doc) and doc[k].idx < limit and len(out) < 9:
        t = doc[k]
        if _np_token(doc, k, doc[k + 1] if k + 1 < len(doc) else None):
            if t.pos_ == "NUM" and not out:
                break
            out.append(t)
            if (t.pos_ == "NOUN" or t.tag_ == "NNPS") and not conj:
                head = t
            k += 1
            continue
        if t.lower_ in ("and", "or") and head is not None and k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "ADJ"):
            out.append(t)
            conj = True
            k += 1
            continue
        break
    while out and out[-1].pos_ != "NOUN" and out[-1] is not head:
        out.pop()
    if head is None:
        return [], None
    return out, head


def noun_phrase_before(toks: Tokens, char: int, start_limit: int) -> list[Token]:
    """The noun phrase ending right before ``char`` ("Cuba's long standing debt" of "…debt of
    $35 billion"), without a leading article."""
    doc = toks.doc
    k = toks.before(char)
    out: list[Token] = []
    while k >= 0 and doc[k].idx >= start_limit and len(out) < 9:
        t = doc[k]
        if _np_token(doc, k, out[0] if out else None) or t.lower_ in ("'s", "’s"):
            out.insert(0, t)
            k -= 1
            continue
        break
    while out and out[0].pos_ not in ("NOUN", "PROPN", "ADJ"):
        out.pop(0)
    return out


def span_text(text: str, toks: list[Token]) -> str:
    if not toks:
        return ""
    return text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]


def stated_by(toks: Tokens, text: str, sent_start: int, sent_end: int, char: int,
              qw: QuantityWords) -> str | None:
    """Who states a figure at ``char``: "according to X" in its sentence, else the subject
    of the last stating verb before it in the sentence."""
    doc = toks.doc
    k0 = toks.at_or_after(sent_start)
    k1 = toks.before(char)
    for k in range(k0, min(len(doc), toks.at_or_after(sent_end))):
        if doc[k].lower_ == "according" and k + 1 < len(doc) and doc[k + 1].lower_ == "to":
            np: list[Token] = []
            j = k + 2
            while j < len(doc) and doc[j].idx < sent_end and not doc[j].is_punct and \
                    doc[j].pos_ not in ("VERB", "AUX", "SCONJ") and len(np) < 8:
                np.append(doc[j])
                j += 1
            if np:
                return _strip_article(span_text(text, np))
    for k in range(k1, k0 - 1, -1):
        t = doc[k]
        if t.tag_.startswith("VB") and t.lemma_.lower() in qw.stating_verbs:
            if t.tag_ == "VBN" and k > k0 and doc[k - 1].lemma_ == "be":
                continue  # passive ("Elian was found", "was put at"): its subject states nothing
            j = k - 1
            while j >= k0 and doc[j].lower_ in _SUBJ_SKIP:
                j -= 1
            np = noun_phrase_before(toks, doc[j].idx + len(doc[j].text), doc[k0].idx) if j >= k0 else []
            if np and any(x.pos_ in ("NOUN", "PROPN") for x in np):
                return _strip_article(span_text(text, np))
            if j >= k0 and doc[j].pos_ == "PRON" and doc[j].lower_ not in ("it", "this", "that"):
                return doc[j].text
            return None
    return None


def _strip_article(s: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", s.strip(), flags=re.IGNORECASE)


def death_measure(text: str, sent_start: int, sent_end: int, word: str, places: list[str],
                  time_text: str | None) -> str:
    """"deaths from <cause> in <place> <by time>": the cause is the subject of "killed"
    ("COVID-19 had killed …") or what follows "as a result of", "from", "due to"."""
    sent = text[sent_start:sent_end]
    cause = None
    m = _KILLER_RE.search(sent)
    if m and not m.group(1)[0].isdigit() and m.group(1).lower() not in _NOT_CAUSE:
        cause = m.group(1)
    if cause is None:
        cm = _CAUSE_RE.search(sent)
        if cm:
            cause = _strip_article(cm.group(1))
    out = word
    if cause:
        out += f" from {cause}"
    if places:
        out += f" in {places[0]}"
    if time_text:
        out += f" {time_text}"
    return out
