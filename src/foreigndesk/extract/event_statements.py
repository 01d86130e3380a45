"""Demands made in statements: "The U.S. should fully lift its embargo on Cuba," said China's
spokesman -> China demands (CAMEO 10) of the United States.

A clause whose verb carries "should", "must" or "ought to", whose subject is an actor and
whose act the dictionary codes, is a demand by whoever says it: the speaker attributed in the
same sentence (``"...," Zhao said``, ``Zhao said the U.S. must ...``), or, for a sentence that
is wholly a quotation, the speaker of the quotation just before it (news writing gives
consecutive quotations without repeating the speaker). The demand's code comes from the act's
(``data/cameo/demands.tsv``: lifting sanctions -> 1054 demand easing of sanctions); its date is
the statement's (the time value nearest the reporting verb), else the document's. The
modals and attributing verbs are data (``data/cameo/modality.yaml``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span, Token

from foreigndesk.extract.event_modality import QUOTES, cues
from foreigndesk.model import Mention, TimeValue


@functools.lru_cache(maxsize=1)
def _demands() -> dict[str, str]:
    text = resources.files("foreigndesk.data").joinpath("cameo/demands.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("act\t"):
            continue
        act, demand = line.split("\t")[:2]
        out[act.strip()] = demand.strip()
    return out


def demand_code(act: str) -> str:
    """The CAMEO code of demanding ``act`` (longest known prefix, else 100)."""
    table = _demands()
    for n in range(len(act), 1, -1):
        if act[:n] in table:
            return table[act[:n]]
    return table.get("*", "100")


def demanded(verb: Token) -> bool:
    """Does the verb carry a modal of obligation ("should lift", "must withdraw")?"""
    modals = cues().demand_modals
    return any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)


@dataclass(frozen=True)
class Attribution:
    speaker: Mention
    verb_start: int  # document offset of the reporting verb
    sentence: int
    opens_quote: bool  # the sentence begins with a quotation mark
    has_quote: bool


def attribution(sent: Span, index: int, mentions: list[Mention]) -> Attribution | None:
    """The speaker a sentence attributes speech to, from the single pass (no parse): an
    actor right after a reporting verb ("said Chinese spokesman Zhao Lijian") or right before
    it ("Zhao said")."""
    reporting = cues().attributing_verbs
    toks = list(sent)
    has_quote = any(t.text in QUOTES or t.text in ("``", "''") for t in toks)
    opens = bool(toks) and (toks[0].text in QUOTES or toks[0].text == "``")
    persons = sorted((m for m in mentions if m.country), key=lambda m: m.start)
    for k, t in enumerate(toks):
        if not t.tag_.startswith("VB") or t.lemma_.lower() not in reporting:
            continue
        after = [m for m in persons if t.idx < m.start <= toks[min(k + 6, len(toks) - 1)].idx]
        before = [m for m in persons if toks[max(k - 6, 0)].idx <= m.end <= t.idx]
        pick = _prefer_person(after) or _prefer_person(list(reversed(before)))
        if pick is not None:
            return Attribution(pick, t.idx, index, opens, has_quote)
    return None


def _prefer_person(ms: list[Mention]) -> Mention | None:
    for m in ms:
        if m.actor_kind == "person":
            return m
    return ms[0] if ms else None


def statement_time(times: list[TimeValue], att: Attribution) -> TimeValue | None:
    """The time value of the sentence nearest its reporting verb."""
    near = [t for t in times if t.sentence == att.sentence]
    return min(near, key=lambda t: abs(t.start - att.verb_start)) if near else None
