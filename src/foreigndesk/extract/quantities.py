"""Quantities: money, counts, deaths and casualties, percentages, ratios and vote tallies.

Cheap by design: regular expressions over each sentence that holds a digit or a number word,
and the tags of the single spaCy pass; no parse. For each figure:

- ``value``: the number with its scale ("700 million" -> 7e8); a range ("$3-5 billion",
  "between 3 and 5 million") keeps ``low``/``high`` and its midpoint as ``value``;
- ``kind``: money (a currency symbol, code or word: data/currencies.yaml), percent, ratio
  ("5.3 times that of"), deaths or casualties (a death or injury word next to it in its
  clause), votes (:mod:`foreigndesk.extract.quantity_votes`, ``values`` {yes, no, abstain}),
  count (a noun after it that is not a unit of time: "3000 Soviet operatives");
- ``unit``: ISO 4217 code, "%", "times", "people" or the counted noun;
- ``usd``/``usd_year``: money at the annual average rate (data/exchange_rates.tsv) of the
  year named in the sentence, else of the document's year;
- ``approx``: over | under | about, from "more than", "nearly", "some" …;
- ``measure``: what it quantifies (:mod:`foreigndesk.extract.quantity_context`);
- ``stated_by``: who gives it (the subject of a stating verb before it, "according to X";
  the claims extractor fills it later from a claim's speaker when the figure is inside the
  claim's content).

Not figures: dates, years, times, ordinals, durations ("64 years"), phone numbers, digits in
URLs and handles, numbers inside names ("Group of 20", "COVID-19", "Resolution 2231").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from spacy.tokens import Token

from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.quantity_context import (
    Tokens,
    death_measure,
    noun_phrase_after,
    noun_phrase_before,
    span_text,
    stated_by,
)
from foreigndesk.extract.quantity_money import (
    Currencies,
    Rates,
    currencies,
    currency_after,
    currency_before,
    rates,
)
from foreigndesk.extract.quantity_numbers import Number, QuantityWords, approx_before, scan, words
from foreigndesk.extract.quantity_votes import find_tallies
from foreigndesk.model import Quantity, TimeValue

# anchored at the start of a run ((?<!\S), (?<!\w)): the same leftmost matches, but linear on
# a long run of non-space characters where the unanchored form is quadratic
_URL = re.compile(r"https?://\S+|www\.\S+|(?<!\S)\S+@\S+\.\w+|(?<!\w)@\w+|(?<!\w)\w+/@\w+|#\w+")
_PHONE = re.compile(r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w.])")
_HAS_NUMBER = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                         r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
                         r"million|billion|trillion)\b", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)", re.IGNORECASE)
_RATIO = re.compile(r"\s*(?:times\b(?=\s+(?:that|those|as|more|higher|larger|greater|bigger|the|what|over|"
                    r"less|smaller|lower|faster|slower|richer|poorer))|-?fold\b)", re.IGNORECASE)
_DASH_RANGE = re.compile(r"\s*[-–—]\s*(?:[$€£¥]\s?)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\w/])")
_RANGE_GAP = re.compile(r"^\s*(?:to|and)\s*(?:[$€£¥]|US\$)?\s*$", re.IGNORECASE)
_EQUIV = re.compile(r"\b(?:equal|equivalent|equivalently|amounting|corresponding)\s+to\s*$|\b(?:or|worth|about|"
                    r"some|roughly|approximately|i\.e\.)\s*$|\(\s*$", re.IGNORECASE)
_CURRENCY_SCALE = re.compile(r"\s?(bn|mn|m|k|tn|b)\b", re.IGNORECASE)
_SKIP_ENTS = {"DATE", "TIME", "ORG", "PERSON", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "FAC", "GPE",
              "NORP", "LOC", "LANGUAGE", "ORDINAL"}
_TIME_PREP = re.compile(r"\b(by|in|since|until|through|as of|before|after|during)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})")


class QuantityExtractor:
    name = "quantities"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas"})

    def __call__(self, pd: ParsedDoc) -> None:
        text = pd.document.text
        if not _HAS_NUMBER.search(text):
            return
        qw, cur, rt = words(), currencies(), rates()
        skips = _skip_spans(pd)
        skip_starts = [s for s, _ in skips]
        toks = Tokens(pd.doc)
        times: dict[int, list[TimeValue]] = {}
        for t in pd.extraction.times:
            times.setdefault(t.sentence, []).append(t)
        m = _YEAR.match(pd.document.published or "")
        doc_year = int(m.group(1)) if m else None
        places = _places_by_sentence(pd)
        for i, sent in enumerate(pd.sents):
            st = sent.start_char
            stext = pd.sent_text(i).rstrip()
            if not _HAS_NUMBER.search(stext):
                continue
            ctx = _Sentence(pd, i, st, st + len(stext), stext, qw, cur, rt, toks, times.get(i, []),
                            doc_year, places.get(i, []))
            ctx.run(lambda a, b: _skipped(skips, skip_starts, a, b))
            pd.extraction.quantities.extend(ctx.out)


class _Sentence:
    """The figures of one sentence."""

    def __init__(self, pd: ParsedDoc, i: int, start: int, end: int, stext: str, qw: QuantityWords,
                 cur: Currencies, rt: Rates, toks: Tokens, times: list[TimeValue], doc_year: int | None,
                 places: list[tuple[int, str]]) -> None:
        self.pd, self.i, self.start, self.end, self.stext = pd, i, start, end, stext
        self.qw, self.cur, self.rt, self.toks, self.times = qw, cur, rt, toks, times
        self.doc_year, self.places = doc_year, places
        self.text = pd.document.text
        self.out: list[Quantity] = []

    def fact(self, a: int, b: int, **kw: object) -> Quantity:
        q = Quantity(self.pd.doc_id, self.i, a, b, self.text[a:b], QuantityExtractor.name,
                     QuantityExtractor.version, **kw)  # type: ignore[arg-type]
        self.out.append(q)
        return q

    def _after_name(self, char: int) -> bool:
        """Does a proper noun stand right before the number at ``char`` ("Airbus A330-200",
        "Boeing 737")? A possessive ("Cuba's 11 million") does not count."""
        k = self.toks.before(char)
        if k < 0:
            return False
        t = self.toks.doc[k]
        return t.tag_ in ("NNP", "NNPS") and t.idx + len(t.text) + 1 >= char and t.idx >= self.start

    def places_near(self, char: int) -> list[str]:
        """The sentence's country names, nearest to ``char`` first, each once."""
        out: list[str] = []
        for _, name in sorted(self.places, key=lambda p: abs(p[0] - char)):
            if name not in out:
                out.append(name)
        return out

    def by(self, char: int) -> str | None:
        """Who states the figure at ``char`` (see :func:`quantity_context.stated_by`)."""
        return stated_by(self.toks, self.text, self.start, self.end, char, self.qw)

    def run(self, skipped: Callable[[int, int], bool]) -> None:
        st, stext, qw = self.start, self.stext, self.qw
        tallies = find_tallies(stext)
        for t in tallies:
            vm = re.search(r"voted\s+to\s+(\w+)", stext[t.start:t.end], re.IGNORECASE)
            self.fact(st + t.start, st + t.end, kind="votes", values=t.values,
                      value=t.values.get("yes"), unit="votes",
                      measure=f"vote to {vm.group(1)}" if vm else "vote",
                      stated_by=self.by(st + t.start))
        nums = [n for n in scan(stext, qw, small=True)
                if not any(t.start <= n.start < t.end for t in tallies)]
        consumed_to = -1
        prev_money: Quantity | None = None
        for k, n in enumerate(nums):
            if n.start < consumed_to:
                continue
            if skipped(st + n.start, st + n.end):
                continue
            q = self.figure(n, nums[k + 1] if k + 1 < len(nums) else None, prev_money)
            if q is not None:
                consumed_to = q.end - st
                if q.kind == "money":
                    prev_money = q

    def figure(self, n: Number, nxt: Number | None, prev_money: Quantity | None) -> Quantity | None:
        st, stext, qw, text = self.start, self.stext, self.qw, self.text
        doc_text = self.pd.document.text
        a, b = n.start, n.end
        low = high = None
        value = n.value
        code = None
        cb = currency_before(stext[:a], self.cur, doc_text)
        if cb:
            code, a = cb
        # ranges: "$3-5 billion", "3 to 5 million", "between $3 billion and $5 billion"
        dm = _DASH_RANGE.match(stext, b) if not n.in_words else None
        second: tuple[float, int, bool] | None = None
        if dm:
            v2 = float(dm.group(1).replace(",", ""))
            e2 = dm.end()
            sm = qw.scale_re.match(stext, e2)
            scaled2 = sm is not None
            if sm:
                v2 *= qw.scales[sm.group(1).lower()]
                e2 = sm.end()
            second = (v2, e2, scaled2)
        elif nxt is not None and _RANGE_GAP.match(stext[b:nxt.start]):
            conn = stext[b:nxt.start].strip().lower()
            between = re.search(r"\bbetween\s*(?:[$€£¥]|US\$)?\s*$", stext[:a], re.IGNORECASE)
            if between or (conn.startswith("to") and nxt.scaled and not n.scaled):
                second = (nxt.value, nxt.end, nxt.scaled)
        if second is not None:
            v2, e2, scaled2 = second
            if scaled2 and not n.scaled:
                value *= _scale_of(stext[b:e2], qw)
            low, high = value, v2
            if high < low:
                low = high = None
            else:
                value = (low + high) / 2
                b = e2
        if code is None:
            ca = currency_after(stext[b:], self.cur, doc_text)
            if ca:
                code = ca[0]
                b += ca[1]
        if n.suffix and code is None:
            return None  # "5m" without a currency is a length, not five million
        if code is not None and not n.scaled and low is None:
            sm = _CURRENCY_SCALE.match(stext, b)  # "US$ 7.2 bn"
            if sm:
                value *= qw.scales[sm.group(1).lower()]
                b = sm.end()
        ap = approx_before(stext[:a], qw)
        approx = ap[0] if ap else None
        a_full = ap[1] if ap else a
        if _label_before(stext[:a_full], qw):
            return None
        if code is None and self._after_name(st + n.start):
            return None  # "Boeing 737", "Flight 370": a name's number
        kw: dict[str, object] = {"value": value, "low": low, "high": high, "approx": approx}
        if n.small:  # "eight other people drowned": a number word this small is a toll or nothing
            if code is not None or _PERCENT.match(stext, b) or _RATIO.match(stext, b):
                return None
            np, head = noun_phrase_after(self.toks, st + b, self.end, qw)
            return self._toll(a, a_full, b, np, head, nxt, kw)
        if code is not None:
            return self._money(a_full, b, code, kw, prev_money, n)
        pm = _PERCENT.match(stext, b)
        if pm:
            measure = self._measure_of_after(st + pm.end()) or self._np_before_of(st + a_full)
            return self.fact(st + a_full, st + pm.end(), kind="percent", unit="%", measure=measure,
                             stated_by=self.by(st + a), **kw)
        rm = _RATIO.match(stext, b)
        if rm:
            np_b = noun_phrase_before(self.toks, st + a_full, st)
            return self.fact(st + a_full, st + rm.end(), kind="ratio", unit="times",
                             measure=span_text(text, np_b) or None, stated_by=self.by(st + a), **kw)
        if _is_year(n, stext):
            return None
        np, head = noun_phrase_after(self.toks, st + b, self.end, qw)
        if head is not None and head.lower_ in qw.time_units | {"percent", "times"}:
            return None
        if head is not None and head.lemma_.lower() in qw.time_units:
            return None
        toll = self._toll(a, a_full, b, np, head, nxt, kw)
        if toll is not None:
            return toll
        if re.search(r"\bpopulation\s+of\s*$", stext[:a_full], re.IGNORECASE):
            return self.fact(st + a_full, st + b, kind="count", unit="people",
                             measure="population" + (f" of {self.places_near(st + a)[0]}" if self.places else ""),
                             stated_by=self.by(st + a), **kw)
        if head is None or n.in_words and n.value < qw.min_word_value:
            return None
        end = np[-1].idx + len(np[-1].text) - st
        if head.lower_ in qw.measure_units or head.lemma_.lower() in qw.measure_units:
            head_end = head.idx + len(head.text)  # "500 pounds (225 kilograms) of supplies"
            return self.fact(st + a_full, head_end, kind="measure", unit=head.lower_,
                             measure=self._measure_of_after(head_end), stated_by=self.by(st + a), **kw)
        if value != 1 and head.tag_ not in ("NNS", "NNPS") and head.lower_ not in qw.invariant_plurals:
            return None  # "their 737 narrowbody airliner": a model number, not a count
        unit = "people" if head.lower_ in qw.people_nouns else head.lower_
        measure = span_text(text, np)
        poss = re.search(r"([A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)*)['’]s\s*$", stext[:a_full])
        if head.lower_ in qw.people_nouns and poss:
            measure = f"population of {poss.group(1)}"
        return self.fact(st + a_full, st + end, kind="count", unit=unit, measure=measure,
                         stated_by=self.by(st + a), **kw)

    def _money(self, a: int, b: int, code: str, kw: dict[str, object], prev: Quantity | None,
               n: Number) -> Quantity:
        st = self.start
        measure = None
        if prev is not None and _EQUIV.search(self.stext[prev.end - st:a]):
            measure = prev.measure
        if measure is None:
            np, head = noun_phrase_after(self.toks, st + b, self.end, self.qw)
            if head is not None and head.lower_ not in self.qw.time_units:
                measure = span_text(self.text, np)
        if measure is None:
            measure = self._np_before_of(st + a)
        if measure is None:
            mm = re.match(r"\s+in\s+([a-z][\w-]*(?:\s+[a-z][\w-]*)?)", self.stext[b:])
            if mm:
                measure = mm.group(1)
        value = kw["value"]
        year = self._year(st + a)
        usd = None
        usd_year = None
        assert isinstance(value, float)
        conv = self.rt.to_usd(value, code, year)
        if conv is not None:
            usd, usd_year = round(conv[0], 2), conv[1]
        return self.fact(st + a, st + b, kind="money", unit=code, usd=usd, usd_year=usd_year,
                         measure=measure, stated_by=self.by(st + a),
                         **kw)

    def _np_before_of(self, char: int) -> str | None:
        """"<NP> of <figure>": the NP ("the donation of 700 million yuan" -> "donation")."""
        before = self.text[self.start:char]
        m = re.search(r"\bof\s*(?:about|some|around|over|nearly|more than|almost|up to)?\s*$", before)
        if not m:
            return None
        np = noun_phrase_before(self.toks, self.start + m.start(), self.start)
        return span_text(self.text, np) or None

    def _measure_of_after(self, char: int) -> str | None:
        m = re.match(r"\s+of\s+(?:the\s+)?", self.text[char:self.end])
        if not m:
            return None
        np, head = noun_phrase_after(self.toks, char + m.end(), self.end, self.qw)
        return span_text(self.text, np) if head is not None else None

    def _toll(self, a: int, a_full: int, b: int, np: list[Token], head: Token | None,
              nxt: Number | None, kw: dict[str, object]) -> Quantity | None:
        """The figure at [a_full, b) as deaths or casualties, when a death or injury word goes
        with it (its noun, or a word next to it in its clause: :meth:`_death_kind`)."""
        st, qw = self.start, self.qw
        if head is not None and head.lower_ in qw.deaths:
            death: tuple[str, str] | None = ("deaths", "deaths")  # "217 lives", "62,000 deaths"
        elif head is not None and head.lower_ in qw.casualties:
            death = ("casualties", "casualties")
        else:
            death = self._death_kind(a_full, b if not np else np[-1].idx + len(np[-1].text) - st, nxt)
        if death is None:
            return None
        kind, word = death
        end = b
        if np and head is not None and (head.lower_ in qw.people_nouns | qw.deaths | qw.casualties
                                        or head.tag_ == "NNS"):
            end = np[-1].idx + len(np[-1].text) - st
        measure = death_measure(self.text, st, self.end, word, self.places_near(st + a), self._time_text())
        return self.fact(st + a_full, st + end, kind=kind, unit="people", measure=measure,
                         stated_by=self.by(st + a), **kw)

    def _death_kind(self, a: int, b: int, nxt: Number | None) -> tuple[str, str] | None:
        """("deaths"|"casualties", word) when a death or injury word stands next to the figure
        in its clause with no other figure between: right after it first ("1,643 wounded",
        "62,000 deaths"), else the nearest one before it ("killed 8,529", "the number of
        Cubans killed … at 62,000")."""
        qw = self.qw
        right_end = min(len(self.stext), b + 40, nxt.start if nxt is not None and nxt.start > b else len(self.stext))
        right = re.split(r"[,;:()]|\s(?:and|or|but|while)\s", self.stext[b:right_end].lower(), maxsplit=1)[0]
        words_right = re.findall(r"[a-z]+", right)
        # a partitive takes a few more words ("Ten of those on board died")
        for w in words_right[:6 if words_right[:1] == ["of"] else 4]:
            if w in qw.casualties:
                return "casualties", "casualties"
            if w in qw.deaths:
                return "deaths", "deaths"
        left = self.stext[:a]
        cut = max(left.rfind(";"), left.rfind(":"), 0)
        prev_nums = [m.end() for m in re.finditer(r"\d", left)]
        if prev_nums:
            cut = max(cut, prev_nums[-1])
        left_words = re.findall(r"[a-z]+", left[cut:].lower())[-12:]
        left_text = " ".join(left_words)
        if any(phrase in left_text for phrase in qw.death_phrases):
            return "deaths", "deaths"
        for w in reversed(left_words):
            if w in qw.casualties:
                return "casualties", "casualties"
            if w in qw.deaths:
                return "deaths", "deaths"
        return None

    def _time_text(self) -> str | None:
        for t in self.times:
            if not _YEAR.match(t.value or ""):
                continue
            pm = _TIME_PREP.search(self.text[self.start:t.start])
            prep = pm.group(1).lower() if pm else "in"
            return f"{prep} {t.text}"
        return None

    def _year(self, char: int) -> int | None:
        cands = [t for t in self.times if _YEAR.match(t.value or "") and t.type in ("DATE", "TIME")]
        if cands:
            best = min(cands, key=lambda t: abs(t.start - char))
            m = _YEAR.match(best.value)
            assert m
            return int(m.group(1))
        return self.doc_year


def _scale_of(s: str, qw: QuantityWords) -> float:
    m = re.search(r"([a-z]+)\s*$", s.lower())
    if m and m.group(1) in qw.scales:
        return qw.scales[m.group(1)]
    return 1.0


def _is_year(n: Number, stext: str) -> bool:
    """A bare four-digit number that reads as a year ("in 1995", "2002,")."""
    raw = stext[n.start:n.end]
    if n.scaled or n.in_words or not raw.isdigit() or len(raw) != 4:
        return False
    v = int(raw)
    if not 1000 <= v <= 2100:
        return False
    nxt = stext[n.end:n.end + 2]
    return not re.match(r"\s[a-z]", nxt) or bool(re.search(r"\b(?:in|since|by|of|from|until|to|after|before|during)\s*$",
                                                             stext[:n.start], re.IGNORECASE))


def _label_before(before: str, qw: QuantityWords) -> bool:
    m = re.search(r"([A-Za-z][\w-]*\.?)\s*$", before)
    if not m:
        return False
    w = m.group(1)
    return w[0].isupper() and (w.lower() in qw.label_nouns or w.lower().rstrip(".") in qw.label_nouns)


def _skip_spans(pd: ParsedDoc) -> list[tuple[int, int]]:
    text = pd.document.text
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    spans += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    spans += [(t.start, t.end) for t in pd.extraction.times]
    for e in pd.ents:
        if e.label_ in _SKIP_ENTS:
            spans.append((e.start_char, e.end_char))
    spans.sort()
    return spans


def _skipped(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Does [a, b) start inside a skipped span (a date, a name, a URL)?"""
    k = bisect.bisect_right(starts, a)
    for j in range(max(0, k - 8), k):
        s, e = spans[j]
        if s <= a < e:
            return True
    return False


def _places_by_sentence(pd: ParsedDoc) -> dict[int, list[tuple[int, str]]]:
    """Country names per sentence with their offsets, from actor mentions (demonyms too:
    "Cubans" -> Cuba) or, without the actor layer, place entities."""
    out: dict[int, list[tuple[int, str]]] = {}
    actors = pd.extraction.actors
    for m in pd.extraction.mentions:
        if m.country and (m.label in ("GPE", "NORP") or m.actor_kind in ("state", "place")):
            a = actors.get(m.country)
            name = a.name if a else (m.text[:-2] if m.text.endswith(("'s", "’s")) else m.text)
            out.setdefault(m.sentence, []).append((m.start, name))
    if not pd.extraction.mentions:
        for e in pd.ents:
            if e.label_ == "GPE":
                name = e.text[:-2] if e.text.endswith(("'s", "’s")) else e.text
                out.setdefault(pd.sentence_index(e.start_char), []).append((e.start_char, name))
    return out


EXTRACTOR = QuantityExtractor()
