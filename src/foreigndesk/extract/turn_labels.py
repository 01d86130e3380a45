"""Turn labels of transcripts, found in raw text (no model needed).

A label opens a paragraph and names who speaks until the next label:

- ``MR. KIRBY:``, ``THE PRESIDENT:``, ``SECRETARY BLINKEN:``, ``SENIOR ADMINISTRATION
  OFFICIAL:`` (capitals, then a colon);
- ``Q`` or ``Q:`` before a reporter's question, and ``A:`` before the answer of the one
  interviewed (only in a text with question labels);
- ``Mr. McDERMOTT.`` (the Congressional Record: an honorific and a surname in capitals, then
  a full stop);
- ``Wang Wenbin:`` (a capitalised name of two to four words and a colon; a quotation mark
  may open the paragraph before it, as where an article quotes a panel), only in a text that
  has at least two labels of this shape, so that "Note: ..." in an article is no turn; a
  one-word ``Matthews:`` when it names a known speaker or is the surname of such a label
  ("Chris Matthews:") in the text, and an outlet's acronym (``CCTV:``) when it names one.

The vocabulary (question labels, procedural labels, titles) is data: ``data/en/turns.yaml``.
:func:`find_labels` is used by the sentence segmenter (a label is a sentence of its own) and
by :mod:`foreigndesk.extract.turns`, which resolves each label to its speaker.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from foreigndesk.built_cache import load_yaml

_UPPER = r"[A-Z][A-Z.'’\-]*"
# "MR. KIRBY:", "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:", "AMBASSADOR THOMAS-GREENFIELD:"
UPPER_LABEL = re.compile(rf"(?m)^[ \t]*(?P<label>{_UPPER}(?:[ \t]+{_UPPER}){{0,5}})[ \t]*:[ \t]+(?=\S)")
# "Q Do you ...", "Q: Is China ...", "Q. Mr. President ..."
QUESTION_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>Q(?:UESTION)?)(?:[ \t]*[:.][ \t]*|[ \t]+)(?=[A-Z\"“‘'(—–-])")
# "QThere's no shortage …": a question label glued to its first word (only in a text with
# answer labels)
GLUED_QUESTION = re.compile(r"(?m)^[ \t]*(?P<label>Q)(?=[A-Z][a-z’'])")
# "A: It's a big mistake." (an interview's answer; only in a text with question labels)
ANSWER_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>A(?:NSWER)?)[ \t]*:[ \t]*(?=\S)")
# "Mr. McDERMOTT.", "Ms. ROS-LEHTINEN of Florida.", "The SPEAKER pro tempore."
RECORD_LABEL = re.compile(
    r"(?m)^[ \t]*(?P<label>(?:Mr|Mrs|Ms|Miss|Dr)\.[ \t]+(?:[A-Z][a-z]{0,2})?[A-Z][A-Z'’\-]+[A-Z]"
    r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)?"
    r"|The[ \t]+(?:ACTING[ \t]+)?(?:SPEAKER|PRESIDENT|PRESIDING[ \t]+OFFICER|CHAIR(?:MAN|WOMAN)?|CLERK)"
    r"(?:[ \t]+pro[ \t]+tempore)?)\.[ \t]+(?=\S)")
# "Wang Wenbin: ..." (checked against the person the actor layer finds there)
NAME_LABEL = re.compile(
    r"(?m)^[ \t]*[\"“]?(?P<label>[A-Z][\w’'\-.]+(?:[ \t]+[A-Z][\w’'\-.]+){1,3})[ \t]*:[ \t]+(?=\S)")
# "Bloomberg: ...", "Reuters: ...", "Blinken: ...": one word, kept only when it names a known
# outlet, organisation or person, in a text with other name labels
WORD_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][a-z][\w’'\-]*)[ \t]*:[ \t]+(?=\S)")
# "CCTV: …", "AFP: …": a news outlet's acronym asking, in a text with other name labels
ACRONYM_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z0-9]{1,7})[ \t]*:[ \t]+(?=\S)")


@dataclass(frozen=True)
class Label:
    """A turn label: ``start``/``end`` span the label's words, ``body`` is where the speech
    begins; ``shape`` is upper, question, answer, record or name."""

    start: int
    end: int
    body: int
    text: str
    shape: str


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The word lists of ``data/en/turns.yaml``, normalised to upper case."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/turns.yaml")
                         .read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, list):
            out[key] = frozenset(norm(str(v)) for v in value)
        elif isinstance(value, dict):
            out[key] = {norm(str(k)): v for k, v in value.items()}
        else:
            out[key] = value
    return out


def norm(label: str) -> str:
    """A label's words in capitals, without full stops: "Mr. Kirby" -> "MR KIRBY"."""
    return " ".join(label.replace(".", " ").replace("’", "'").upper().split())


def _known_upper(label: str) -> bool:
    """An upper-case label we can read: a question, procedure, anonymous official, office,
    or a title followed by a name."""
    v = vocabulary()
    n = norm(label)
    if n in v["question_labels"] or n in v["procedural_labels"] or n in v["anonymous_labels"]:
        return True
    if n in v["office_labels"]:
        return True
    return title_length(n) > 0


def title_length(label: str) -> int:
    """How many words of a label (normalised, :func:`norm`) are the longest honorific or
    title before a name ("MR. KIRBY" 1, "DEPUTY SECRETARY SHERMAN" 2; data ``title_sectors``);
    0 when it opens with none or is only a title."""
    words = label.split()
    titles = vocabulary()["title_sectors"]
    return next((k for k in range(len(words) - 1, 0, -1) if " ".join(words[:k]) in titles), 0)


@functools.lru_cache(maxsize=4096)
def _known_speaker(word: str, outlet: bool = False) -> bool:
    """Does one word name a known outlet, organisation or person ("Bloomberg", "Xinhua",
    "Blinken"), not a state ("China: …" heads a section) nor a common word ("Note")? With
    ``outlet``, a news outlet only ("CCTV", "AFP"; not "UN: …" over a section)."""
    from foreigndesk.extract.actors import resolve_name

    actor = resolve_name(word)
    if actor is None:
        return False
    if outlet:
        return actor.kind == "organisation" and actor.sector == "MED"
    return actor.kind in ("organisation", "person", "igo")


def _heading_after(text: str, m: re.Match[str]) -> bool:
    """Is the line after a label's colon written in capitals, as a heading is ("UN:
    PEACEKEEPERS PAYING …")?"""
    end = text.find("\n", m.end())
    letters = [c for c in text[m.end():end if end >= 0 else len(text)][:80] if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _names_itself(text: str, m: re.Match[str]) -> bool:
    """Does the paragraph after a name label name its own person again ("Bernie Sanders:
    Credit scores On his campaign website, Senator Bernie Sanders calls for …")? Then the
    label heads a section about that person; a speaker does not name himself as a third."""
    end = text.find("\n", m.end())
    body = text[m.end():end if end >= 0 else len(text)]
    surname = m.group("label").split()[-1]
    return re.search(rf"\b{re.escape(surname)}\b", body) is not None


def find_labels(text: str, max_chars: int = 2_000_000) -> list[Label]:
    """Every turn label of a text, in order. Upper-case labels count when they are readable
    (see :func:`_known_upper`) or when the text holds at least two upper-case labels;
    mixed-case name labels only when the text holds at least two of them."""
    if len(text) > max_chars or (":" not in text and "Q " not in text and ". " not in text):
        return []
    found: dict[int, Label] = {}
    upper = [m for m in UPPER_LABEL.finditer(text) if len(m.group("label")) > 1]
    many_upper = len(upper) >= 2
    for m in upper:
        lab = m.group("label")
        if _known_upper(lab) or (many_upper and len(lab.split()) <= 4):
            found[m.start("label")] = Label(m.start("label"), m.end("label"), m.end(), lab,
                                            "upper")
    for m in QUESTION_LABEL.finditer(text):
        found.setdefault(m.start("label"), Label(m.start("label"), m.end("label"), m.end(),
                                                 m.group("label"), "question"))
    answers = list(ANSWER_LABEL.finditer(text))
    if answers and not any(lab.shape == "question" for lab in found.values()):
        # "QThere's no shortage of causes …" (the label glued to the question by a lost
        # line break or space): a question only between answers
        for m in GLUED_QUESTION.finditer(text):
            found.setdefault(m.start("label"), Label(m.start("label"), m.end("label"), m.end(),
                                                     m.group("label"), "question"))
    if any(lab.shape == "question" for lab in found.values()):
        for m in answers:
            found.setdefault(m.start("label"), Label(m.start("label"), m.end("label"), m.end(),
                                                     m.group("label"), "answer"))
    for m in RECORD_LABEL.finditer(text):
        found.setdefault(m.start("label"), Label(m.start("label"), m.end("label"), m.end(),
                                                 m.group("label"), "record"))
    names = [m for m in NAME_LABEL.finditer(text) if m.start("label") not in found
             and not m.group("label").isupper() and not _names_itself(text, m)]
    if names:
        # "Matthews: …" after "Chris Matthews: …": the surname of a name label
        surnames = {m.group("label").split()[-1] for m in names}
        names += [m for m in WORD_LABEL.finditer(text) if m.start("label") not in found
                  and (m.group("label") in surnames or _known_speaker(m.group("label")))]
        names += [m for m in ACRONYM_LABEL.finditer(text) if m.start("label") not in found
                  and _known_speaker(m.group("label"), outlet=True) and not _heading_after(text, m)]
        names.sort(key=lambda m: m.start("label"))
    if len(names) >= 2:
        for m in names:
            found[m.start("label")] = Label(m.start("label"), m.end("label"), m.end(),
                                            m.group("label"), "name")
    labels = [found[k] for k in sorted(found)]
    # a question label only counts in a text with other turns, or with a question after it
    if labels and all(lab.shape == "question" for lab in labels):
        labels = [lab for lab in labels if "?" in text[lab.body:text.find("\n", lab.body)
                                                        if "\n" in text[lab.body:] else None]]
    return labels
