"""CAMEO events in Spanish and Chinese text, from the patterns of ``data/<lang>/events.yaml``.

A token whose lemma or text is a listed verb (or a listed noun) is an event trigger; its
source is the actor nearest before it in the sentence and its target the actor nearest
after it (both needed, and different). The event takes the date of a day-precise time
expression of its sentence, else the publication date. A negation right before the trigger
("no", "不", "没有", "未") makes it ``negated``.

Limits (no dependency rules here, the same for both languages): the nearest actor is not
always the subject or object (relative clauses, passives "fue criticado por", "被"), one
event per trigger, and a trigger jieba segments differently is not found.
"""

from __future__ import annotations

import functools

from foreigndesk.extract.event_codes import info as code_info
from foreigndesk.extract.intl_data import LANGUAGES, raw
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Event

_NEG = {"no", "nunca", "jamás", "不", "没有", "没", "未"}


@functools.lru_cache(maxsize=8)
def patterns(language: str) -> dict[str, str]:
    d = raw(language, "events")
    out = {str(k).lower(): str(v) for k, v in (d.get("nouns") or {}).items()}
    out.update({str(k).lower(): str(v) for k, v in (d.get("verbs") or {}).items()})
    return out


@functools.lru_cache(maxsize=8)
def target_markers(language: str) -> frozenset[str]:
    """Characters that mark the actor after them as the target ("向", "对")."""
    return frozenset(str(x) for x in raw(language, "events").get("target_markers") or [])


class IntlEventExtractor:
    name = "intl_events"
    version = "1"
    languages = LANGUAGES

    def __call__(self, pd: ParsedDoc) -> None:
        lang = pd.document.language or ""
        pats = patterns(lang)
        markers = target_markers(lang)
        actors = [m for m in pd.extraction.mentions if m.actor_id]
        for i, s in enumerate(pd.sents):
            inside = [m for m in actors if m.sentence == i]
            if len(inside) < 2:
                continue
            for tok in s:
                code = pats.get(tok.lemma_.lower()) or pats.get(tok.text.lower())
                if code is None:
                    continue
                at = tok.idx
                if any(m.start <= at < m.end for m in inside):
                    continue
                src = [m for m in inside if m.end <= at]
                tgt = [m for m in inside if m.start >= at + len(tok.text)]
                joined = len(src) >= 2 and pd.doc.text[src[-2].end:src[-1].start].strip() in ("y", "和", "与", "同")
                if not src or (not tgt and not joined and not (len(src) >= 2 and pd.doc.text[
                        max(0, src[-1].start - 1):src[-1].start] in markers)):
                    continue
                if not tgt and joined:  # "Rusia y Cuba firmaron": one with the other
                    tgt = src[-1:]
                    src = src[:-1]
                tgt = tgt or src[-1:]
                # a place ("en Pekín") is no target when another actor follows
                placed = [m for m in tgt if pd.doc.text[max(0, m.start - 3):m.start].lower() == "en "]
                if len(tgt) > 1 and placed and placed[0] is tgt[0]:
                    tgt = tgt[1:]
                a, b = src[-1], tgt[0]
                # "X向Y捐赠", "X a Y le donó": a marked actor before the verb is its target
                marked = [m for m in src if pd.doc.text[max(0, m.start - 1):m.start] in markers]
                if marked and len(src) >= 2 and marked[-1] is src[-1]:
                    a, b = src[-2], src[-1]
                if a.code == b.code and a.actor_id == b.actor_id:
                    continue
                prev = pd.doc[tok.i - 1].text.lower() if tok.i > s.start else ""
                days = [t for t in pd.extraction.times if t.sentence == i and t.precision == "day"]
                # the day nearest before the trigger ("1月19日电 2023年1月18日，中国向古巴捐赠"), else the first
                times = [t for t in days if t.end <= at][-1:] or days
                info = code_info(code)
                pd.extraction.events.append(Event(
                    pd.doc_id, i, s.start_char, s.end_char, s.text.strip(), self.name,
                    self.version, 0.6, source_actor=a.actor_id, source_code=a.code,
                    target_actor=b.actor_id, target_code=b.code, code=code, root=code[:2],
                    quad_class=info.quad_class, goldstein=info.goldstein,
                    date=times[0].value if times else pd.document.published,
                    date_precision="day" if times else None,
                    date_source="text" if times else "document",
                    modality="negated" if prev in _NEG else "asserted", trigger=tok.text))


EXTRACTOR = IntlEventExtractor()
