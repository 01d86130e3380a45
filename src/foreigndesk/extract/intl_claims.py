"""Claims in Spanish and Chinese text, from the cues of ``data/<lang>/cues.yaml``.

- A cue verb ("afirmó", "denunció", "表示", "指出"): the speaker is the actor (or named
  person/organisation) nearest before it in its sentence, else the one right after it
  ("..., afirmó el portavoz Wang Wenbin"); the content is what follows "que" (or a colon, a
  comma in Chinese), else, when the cue comes after the content, the clause before it.
- "según X, ..." / "据X报道，...": the speaker is X, the content the rest of the sentence.
- A content inside quotation marks is direct speech.

A claim takes the date of a time expression of its sentence, else the publication date.
"""

from __future__ import annotations

import functools
import re

from foreigndesk.extract.intl_data import LANGUAGES, alternation, raw
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.model import Claim, Mention

_QUOTES = "\"“”«»「」『』'"
_TRIM = " ,，:：;；.。\"“”«»「」『』\n"


@functools.lru_cache(maxsize=8)
def cues(language: str) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str] | None,
                                 re.Pattern[str] | None, tuple[str, ...]]:
    d = raw(language, "cues")
    verbs = {k.lower(): v for k, v in (d.get("verbs") or {}).items()}
    acc = d.get("according_to") or []
    end = d.get("according_to_end") or []
    acc_re = alternation(acc, language) if acc else None
    end_re = alternation(end, language) if end else None
    return alternation(list(verbs), language), verbs, acc_re, end_re, tuple(d.get("that") or ())


def _speaker(mentions: list[Mention], lo: int, hi: int, before: bool) -> Mention | None:
    inside = [m for m in mentions if lo <= m.start and m.end <= hi]
    inside = [m for m in inside if m.actor_id] or inside  # a known actor before a bare name
    if not inside:
        return None
    return inside[-1] if before else inside[0]


class IntlClaimExtractor:
    name = "intl_claims"
    version = "1"
    languages = LANGUAGES

    def __call__(self, pd: ParsedDoc) -> None:
        lang = pd.document.language or ""
        verb_re, stances, acc_re, end_re, that = cues(lang)
        text = pd.doc.text
        mentions = pd.extraction.mentions
        for i, s in enumerate(pd.sents):
            a, b = s.start_char, s.end_char
            sent = text[a:b]
            done = False
            if acc_re is not None:
                for m in acc_re.finditer(sent):
                    stop = None
                    if end_re is not None:
                        e = end_re.search(sent, m.end())
                        stop = e.start() if e else None
                        rest = e.end() if e else None
                    else:
                        c = re.search(r"[,，:：]", sent[m.end():])
                        stop = m.end() + c.start() if c else None
                        rest = stop + 1 if stop is not None else None
                    if stop is None or rest is None:
                        continue
                    sp = _speaker(mentions, a + m.start(), a + stop, False)
                    self._add(pd, i, a + m.start(), b, sp, m.group(0), a + rest, b, "asserts")
                    done = True
                    break
            if done and lang == "zh":
                continue  # "据X报道，..." holds the sentence's only claim
            last: Mention | None = None  # the speaker of the sentence's previous cue
            for m in verb_re.finditer(sent):
                cs, ce = a + m.start(), a + m.end()
                stance = stances[m.group(0).lower()]
                before = sent[:m.start()].rstrip()
                after = sent[m.end():]
                if before.endswith((",", "，")) or before[-1:] in _QUOTES:
                    # "..., informó la agencia X" / "«...», dijo X": speaker after, content before
                    sp = _speaker(mentions, ce, min(b, ce + 80), False)
                    if sp is not None:
                        self._add(pd, i, a, b, sp, m.group(0), a, cs, stance)
                        last = sp
                        continue
                coordinated = re.search(r"(?:\by|而且|并)\s*$", before) is not None
                sp = last if coordinated and last is not None else _speaker(mentions, a, cs, True)
                if sp is None:
                    continue
                last = sp
                span = self._content(after, that, lang)
                if span is None:
                    continue
                self._add(pd, i, a, b, sp, m.group(0), ce + span[0], ce + span[1], stance)

    @staticmethod
    def _content(after: str, that: tuple[str, ...], lang: str) -> tuple[int, int] | None:
        """Where the content of a cue is in the text after it: after "que" (within a few
        words), a colon (a comma in Chinese), or the first quotation; else None (Chinese:
        all of the rest)."""
        if that:
            t = re.match(rf"[^.:;]{{0,40}}?\b(?:{'|'.join(map(re.escape, that))})\b", after, re.I)
            if t:
                return t.end(), len(after)
        t2 = re.match(r"[^:：，,]{0,40}?[:：，,]", after) if lang == "zh" else \
            re.match(r"[^:]{0,40}?:", after)
        if t2:
            return t2.end(), len(after)
        q = re.search(r"[\"“«「]([^\"”»」]{2,})[\"”»」]", after)
        if q:
            return q.start(1), q.end(1)
        return (0, len(after)) if lang == "zh" else None

    def _add(self, pd: ParsedDoc, i: int, a: int, b: int, sp: Mention | None, cue: str,
             cs: int, ce: int, stance: str) -> None:
        text = pd.doc.text
        while cs < ce and text[cs] in _TRIM:
            cs += 1
        while ce > cs and text[ce - 1] in _TRIM:
            ce -= 1
        if ce - cs < 2:
            return
        direct = cs > 0 and text[cs - 1] in _QUOTES
        times = [t for t in pd.extraction.times if t.sentence == i and t.precision == "day"]
        pd.extraction.claims.append(Claim(
            pd.doc_id, i, a, b, text[a:b].strip(), self.name, self.version, 0.7,
            speaker_actor=sp.actor_id if sp else None, speaker_text=sp.text if sp else None,
            speaker_code=sp.code if sp else None, speaker_start=sp.start if sp else None,
            speaker_end=sp.end if sp else None, cue=cue, content=text[cs:ce],
            content_start=cs, content_end=ce, direct=direct, stance=stance,
            date=times[0].value if times else pd.document.published,
            date_source="text" if times else "document"))


EXTRACTOR = IntlClaimExtractor()
