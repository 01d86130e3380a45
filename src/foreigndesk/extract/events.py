"""Events: who did what to whom, CAMEO coded, dated and placed.

Runs after the actor, place and time extractors and reads their facts. A sentence is
dependency-parsed only when it can hold a coded event: it has a trigger (a verb or event noun
of the dictionary, judged from the single pass's lemmas and tags) and two actor mentions, or
one and something an event can take its other side from (a pronoun, a place). Those sentences
are parsed in one batch (:meth:`ParsedDoc.parse`), then coded by
:class:`~foreigndesk.extract.event_coder.Coder`.

Each event gets:

- its CAMEO code (root, and sub-code where the dictionary knows it), QuadClass and Goldstein
  score (:mod:`~foreigndesk.extract.event_codes`);
- its modality (asserted, negated, hypothetical, future, reported;
  :mod:`~foreigndesk.extract.event_modality`);
- its date: the time value governing its clause, else one governing an enclosing clause,
  else the document's date (``date_source`` says ``text``, ``document`` or ``none``);
- demands in statements ("X should lift its embargo," said Y) as events from the speaker
  (:mod:`~foreigndesk.extract.event_statements`);
- its place: a place named where something happens ("in Hanoi", "off the coast of X") in its
  clause, else the sentence's first such place.

The dictionary is foreigndesk's own (``data/cameo``) unless the extractor is given another:
the run's :class:`~foreigndesk.config.ExtractConfig` may name a directory of verbs in
foreigndesk's TSV format or PETRARCH's format (:func:`load_dictionary`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import date as calendar_date
from importlib import resources
from pathlib import Path
from typing import TypeVar

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from foreigndesk.extract.event_actors import PAIR_NOUNS, SentenceActors, distinct, principals
from foreigndesk.extract.event_claims import cue_offset, statement_events, trigger_offset
from foreigndesk.extract.event_coder import Coder, RawEvent, instrument_words
from foreigndesk.extract.event_codes import info
from foreigndesk.extract.event_dictionary import (
    Dictionary,
    Entry,
    default,
    inflection_bases,
    load_tsv,
)
from foreigndesk.extract.event_intent import intent_code
from foreigndesk.extract.event_modality import QUOTES, cues, modality, presupposed
from foreigndesk.extract.event_petrarch import load_dir
from foreigndesk.extract.event_statements import (
    attribution,
    demand_code,
    demanded,
    statement_time,
)
from foreigndesk.extract.event_syntax import clause_head, tree_depth
from foreigndesk.extract.event_violence import by_actor
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.turns import in_question, turn_at, url_country
from foreigndesk.model import Claim, Event, Mention, Place, TimeValue

F = TypeVar("F", TimeValue, Place)

PRECISION_RANK = {"century": 1, "decade": 2, "year": 3, "month": 4, "week": 5, "day": 6}
DATE_PRECISIONS = frozenset(("day", "week", "month", "year", "decade", "century"))
PRONOUN_TAGS = frozenset(("PRP", "PRP$"))
# pronouns the coder can resolve to an actor (see event_actors.ActorResolver.pronoun)
RESOLVABLE_PRONOUNS = frozenset(("he", "she", "him", "her", "his", "its", "they", "them",
                                 "their"))


def event_date(tv: TimeValue) -> str:
    """An event's date from a time value: ISO weeks ("2023-W10", precision week) become the
    Monday of the week, so that every stored event date reads as YYYY[-MM[-DD]]."""
    v = tv.value
    m = re.match(r"^(\d{4})-W(\d{2})$", v)
    if m:
        try:
            return calendar_date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
        except ValueError:
            return m.group(1)
    return v


def date_precision(value: str) -> str:
    """Precision of an ISO-like date value: 2022-11-25 day, 2022-11 month, 2022 year,
    198X decade, 18XX century."""
    if value.endswith("XX"):
        return "century"
    if value.endswith("X"):
        return "decade"
    if "-W" in value:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(value), "day")


class EventExtractor:
    """The ``events`` extractor. ``dictionary`` defaults to foreigndesk's own (data/cameo);
    ``promote_states`` codes a state acting in an event as its government (CHN -> CHNGOV)."""

    name = "events"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas", "parse"})

    def __init__(self, dictionary: Dictionary | None = None, promote_states: bool = True,
                 require_dyad: bool = True, loose_targets: bool = False,
                 statements: bool = True) -> None:
        self._dictionary = dictionary
        self.statements = statements
        self.promote_states = promote_states
        self.require_dyad = require_dyad
        self.loose_targets = loose_targets
        self._coder: Coder | None = None

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            self._coder = Coder(self._dictionary or default(),
                                self.promote_states, self.require_dyad, self.loose_targets,
                                partial=self.statements)
        return self._coder

    # -- which sentences need a parse --------------------------------------------------------
    def candidates(self, pd: ParsedDoc, actors: dict[int, list[Mention]],
                   places: dict[int, list[Place]]) -> list[int]:
        """The sentences worth a parse, judged from the single pass's tags and lemmas: a
        trigger that can code an event here (a coded verb or noun, or one whose pattern's
        words all occur) and two different actors; or one actor and a pronoun or a bare
        title that can stand for the other, or a place where a territorial act happened
        ("shot down off the coast of ..."); or a verbless caption naming two leaders."""
        d = self.coder.d
        verbs, nouns, titles = d.verb_triggers, d.noun_triggers, self.coder.titles
        cues = cue_offsets(pd) if self.statements else {}
        lows, lemmas, tags, offsets = pd.words()  # from the arrays: no Token per word
        skip = self.discarded(pd)
        out = []
        for i, sent in enumerate(pd.sents):
            if i in skip:
                continue  # sport or entertainment ("Manchester United beat Chelsea 2-1")
            mentions = actors.get(i, ())
            if in_question(pd, sent.start_char):  # "Q" asserts nothing
                continue
            if not mentions and not (_previous(actors, i) and _refers_back(sent)):
                continue  # no actor here, and none the sentence could point back to
            two = len({(m.country, m.sector) for m in mentions}) >= 2
            cands: list[tuple[dict[str, list[Entry]], str, str]] = []
            words: set[str] = set()
            other = False
            has_verb = False
            nominal: list[tuple[str, str]] = []  # nouns that may be a headline's verb
            for k in range(sent.start, sent.end):
                low, lem, tag = lows[k], lemmas[k], tags[k]
                words.add(low)
                words.add(lem)
                if tag.startswith("VB") or (tag == "JJ" and low in verbs):
                    has_verb = has_verb or tag.startswith("VB")
                    if (low in verbs or lem in verbs or any(
                            b in verbs for b in inflection_bases(low))) and not (
                            offsets[k] in cues.get(i, ()) and _statement_only(d, low, lem)):
                        cands.append((d.verbs, low, lem))  # a claim's cue is the claim's
                elif tag.startswith("NN"):
                    if lem in nouns:
                        cands.append((d.nouns, low, lem))
                    if tag in ("NN", "NNS") and (low in verbs or any(
                            b in verbs for b in inflection_bases(low))):
                        nominal.append((low, lem))
                    if lem in titles or lem in PAIR_NOUNS:  # "the president", "both sides"
                        other = True
                elif tag in PRONOUN_TAGS and low in RESOLVABLE_PRONOUNS:
                    other = True
            if not has_verb:  # "Kenyan police arrest dozens": see event_coder.headline_verb
                cands += [(d.verbs, low, lem) for low, lem in nominal]
            entries = [e for table, low, lem in cands
                       for e in (d.verb_entries(low, lem) if table is d.verbs else
                                 table.get(low) or table.get(lem) or ())
                       if e.possible(words)]
            if not entries and self.statements and mentions and _obliges(sent) and \
                    turn_speaker(pd, sent.start_char) is not None:
                out.append(i)  # "The regime should listen to its people" (see obligations)
                continue
            if entries and (two or other or self.statements or (places.get(i) and any(
                    "territorial" in e.flags or any("territorial" in p.flags for p in e.patterns)
                    for e in entries))):
                out.append(i)
            elif two and not has_verb and len({
                    m.country for m in mentions if m.actor_kind == "person"}) >= 2:
                out.append(i)  # a caption naming people of two states
        return out

    def __call__(self, pd: ParsedDoc) -> None:
        ex = pd.extraction
        actors: dict[int, list[Mention]] = defaultdict(list)
        for m in ex.mentions:
            if m.country or m.sector or (m.actor_kind == "person" and m.actor_id):
                actors[m.sentence].append(m)
        places: dict[int, list[Place]] = defaultdict(list)
        for p in ex.places:
            places[p.sentence].append(p)
        times: dict[int, list[TimeValue]] = defaultdict(list)
        for tv in ex.times:
            if tv.type == "DATE" and tv.precision in DATE_PRECISIONS and tv.value[:1].isdigit():
                times[tv.sentence].append(tv)
        todo = self.candidates(pd, actors, places)
        if todo:
            pd.parse(todo)
            for i in todo:
                self.code(pd, i, pd.parsed(i), actors, places, times)
        if self.statements:
            said = statement_events(pd, self.coder.d, self.name, self.version,
                                    (m for ms in actors.values() for m in ms),
                                    lambda c, at: self.cue_subject(pd, c.sentence, at, actors,
                                                                   places),
                                    principals(pd))
            skip = self.discarded(pd)
            said = [e for e in said if e.sentence not in skip]
            ex.events[:] = _with_statements(ex.events, said, ex.claims)

    def discarded(self, pd: ParsedDoc) -> frozenset[int]:
        """The sentences the coder leaves alone: those holding a phrase of sport or
        entertainment news (``data/en/discards.txt``, from PETRARCH's discards) or of floor
        procedure ("I yield back the balance of my time": ``data/en/procedure.txt``) and no word
        of violence ("A bomb blast shocks the Olympic games" is coded), with foreigndesk's
        own dictionary only (a PETRARCH dictionary brings its own discards)."""
        if self._dictionary is not None:
            return frozenset()
        if "events.discarded" not in pd.cache:
            pattern, violent = discard_pattern(), _violent_words()
            out = []
            for i in range(len(pd.sents)):
                text = pd.sent_text(i).lower()
                if pattern.search(text) and violent.isdisjoint(re.findall(r"[a-z]+", text)):
                    out.append(i)
            pd.cache["events.discarded"] = frozenset(out)
        return pd.cache["events.discarded"]

    def cue_subject(self, pd: ParsedDoc, i: int, at: int, actors: dict[int, list[Mention]],
                    places: dict[int, list[Place]]) -> list[Mention]:
        """The actors the subject of the cue at character ``at`` stands for, as the coder
        reads it (mentions carrying the codes they have there), when sentence ``i`` is
        parsed: one, or two for a pair ("the two leaders"); else none."""
        if at < 0 or not pd.is_parsed(i):
            return []
        doc = pd.parsed(i)
        offset = pd.sents[i].start_char
        tok = next((t for t in doc if t.idx + offset == at), None)
        if tok is None:
            return []
        sa = _sentence_actors(pd, i, doc, actors, places)  # as the coder reads it
        refs = self.coder.subjects(tok, sa) if tok.tag_.startswith("VB") else []
        if len(refs) not in (1, 2) or (len(refs) == 2 and refs[0].country == refs[1].country):
            return []
        return [Mention(r.mention.doc_id, r.mention.sentence, r.mention.start, r.mention.end,
                        r.mention.text, r.mention.extractor, r.mention.version,
                        r.mention.confidence, label=r.mention.label,
                        actor_id=r.mention.actor_id, actor_name=r.mention.actor_name,
                        actor_kind=r.mention.actor_kind, country=r.country, sector=r.sector)
                for r in refs]

    def code(self, pd: ParsedDoc, i: int, doc: Doc, actors: dict[int, list[Mention]],
             places: dict[int, list[Place]], times: dict[int, list[TimeValue]]) -> None:
        offset = pd.sents[i].start_char
        sa = _sentence_actors(pd, i, doc, actors, places)
        cue_at = cue_offsets(pd).get(i, set())
        sa.cues = frozenset(k for k, at in enumerate(doc.to_array(IDX).tolist())
                            if at + offset in cue_at) if cue_at else frozenset()
        raw = self.coder.code_sentence(doc, sa)
        raw = [r for r in raw if not _in_time_expression(pd, i, offset + r.trigger.idx, r)]
        if self.statements:
            self.obligations(pd, i, doc, sa, raw)
        if not raw:
            return
        raw.sort(key=lambda r: (tree_depth(r.trigger), r.trigger.i))  # the main clause's first
        self.demands(pd, i, raw, actors, times)
        tspans = _spans(doc, offset, times.get(i, ()))
        pspans = [(p, sp) for p, sp in _spans(doc, offset, places.get(i, ())) if _locative(sp)]
        for r in raw:
            pd.extraction.events.append(self.event(pd, i, offset, r, tspans, pspans))

    def obligations(self, pd: ParsedDoc, i: int, doc: Doc, sa: SentenceActors,
                    raw: list[RawEvent]) -> None:
        """What the speaker of a statement or a turn says another actor "should", "must" or
        "needs to" do, when that act is no coded event ("The Cuban regime should take this
        opportunity to listen to their people", "the U.S. needs to revise its travel ban"):
        a demand (CAMEO 100) from the speaker to that actor. Acts the dictionary codes are
        demanded by :meth:`demands`; "we should" is the speaker's own side, no demand."""
        speaker_m = turn_speaker(pd, pd.sents[i].start_char)
        reporting = cues().attributing_verbs
        if speaker_m is None or any(t.tag_.startswith("VB") and t.lemma_.lower() in reporting
                                    for t in doc):
            return  # "X said Y should ...": X's demand, not the text's speaker's
        speaker = self.coder.mention_ref(speaker_m)
        if not speaker.code:
            return  # a speaker of unknown side demands nothing we can code
        coded = {r.trigger.i for r in raw}
        offset = pd.sents[i].start_char
        ci = info(OBLIGATION_CODE)
        for verb in doc:
            if verb.i in coded or not verb.tag_.startswith("VB") or not _obliged(verb):
                continue
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            holder = verb.head if verb.dep_ == "xcomp" and not subj else verb
            subj = subj or [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].lower_ in FIRST_PERSON or subj[0].tag_ in ("EX",):
                continue
            for of in self.coder.np_actors(subj[0], sa)[:2]:
                if of.mention.actor_kind == "person" or not distinct(speaker, of):
                    continue
                start = min(subj[0].left_edge.idx, verb.idx) + offset
                end = verb.idx + len(verb.text) + offset
                date = pd.document.published
                pd.extraction.events.append(Event(
                    pd.doc_id, i, start, end, pd.document.text[start:end], self.name,
                    self.version, 0.5, source_actor=speaker.mention.actor_id,
                    source_code=speaker.code, target_actor=of.mention.actor_id,
                    target_code=of.code, code=OBLIGATION_CODE, root=ci.root,
                    quad_class=ci.quad_class, goldstein=ci.goldstein, date=date,
                    date_precision=date_precision(date) if date else None,
                    date_source="document" if date else "none", modality="asserted",
                    trigger=verb.text))

    def demands(self, pd: ParsedDoc, i: int, raw: list[RawEvent],
                actors: dict[int, list[Mention]], times: dict[int, list[TimeValue]]) -> None:
        """Demands in statements ("X should lift its embargo," said Y): events from the
        speaker to the actor the demand is made of (see :mod:`event_statements`)."""
        wanted = [r for r in raw if r.kind == "verb" and demanded(r.trigger)
                  and r.source is not None]
        if not wanted:
            return
        att = attribution(pd.sents[i], i, actors.get(i, []))
        if att is None and i > 0:
            prev = attribution(pd.sents[i - 1], i - 1, actors.get(i - 1, []))
            first = pd.sents[i][0].text if len(pd.sents[i]) else ""
            opens = first in QUOTES or first == "``"
            if prev is not None and prev.has_quote and opens:
                att = prev
        speaker_m = att.speaker if att is not None else turn_speaker(pd, pd.sents[i].start_char)
        if speaker_m is None:
            return
        speaker = self.coder.mention_ref(speaker_m)
        seen: set[tuple[int, str]] = set()
        for r in wanted:
            of = r.source
            if of is None or not distinct(speaker, of) or (r.trigger.i, of.code) in seen:
                continue
            seen.add((r.trigger.i, of.code))
            code = demand_code(r.code)
            ci = info(code)
            offset = pd.sents[i].start_char
            start = min(r.trigger.idx, r.trigger.doc[of.token].idx) + offset
            end = r.trigger.idx + len(r.trigger.text) + offset
            if of.mention.sentence == i:
                start, end = min(start, of.mention.start), max(end, of.mention.end)
            tv = statement_time(times.get(att.sentence, []), att) if att is not None else None
            if tv is not None:
                date, prec, dsrc = event_date(tv), tv.precision, "text"
            elif pd.document.published:
                date, prec, dsrc = pd.document.published, date_precision(
                    pd.document.published), "document"
            else:
                date, prec, dsrc = None, None, "none"
            pd.extraction.events.append(Event(
                pd.doc_id, i, start, end, pd.document.text[start:end], self.name,
                self.version, 0.6, source_actor=speaker.mention.actor_id,
                source_code=speaker.code, target_actor=of.mention.actor_id,
                target_code=of.code, code=code, root=ci.root, quad_class=ci.quad_class,
                goldstein=ci.goldstein, date=date, date_precision=prec, date_source=dsrc,
                modality="asserted", trigger=r.trigger.text))

    def event(self, pd: ParsedDoc, i: int, offset: int, r: RawEvent,
              tspans: list[tuple[TimeValue, Span]], pspans: list[tuple[Place, Span]]) -> Event:
        code = r.code
        if self.statements:  # news conventions (PETRARCH's dictionaries code as they say)
            code = by_actor(code, r.source.code if r.source else None,
                            r.source.country if r.source else None,
                            r.target.code if r.target else None,
                            r.target.country if r.target else None)
        mod = modality(r.clause if r.kind != "verb" else r.trigger)
        if r.kind == "noun" and mod in ("negated", "hypothetical", "future") and \
                presupposed(r.trigger):
            mod = "asserted"  # "did not condemn the invasion": the invasion happened
        if self.statements:
            intent = intent_code(code, mod)  # "will visit" is an intent to meet (036) ...
            if intent != code:
                code, mod = intent, "asserted"  # ... and that intent is expressed now
        ci = info(code)
        sides = [ref for ref in (r.source, r.target) if ref is not None]
        toks = [r.trigger]
        for ref in sides:
            toks.append(r.trigger.doc[ref.token])
        start = min(t.idx for t in toks) + offset
        end = max(t.idx + len(t.text) for t in toks) + offset
        for ref in sides:  # widen to the whole actor mentions
            if ref.mention.sentence == i and ref.mention.start >= offset:
                start, end = min(start, ref.mention.start), max(end, ref.mention.end)
        text = pd.document.text[start:end]
        tv = choose(r, tspans)
        if tv is None and tspans and _past(r.clause):
            # a past act is never dated by the publication when its sentence dates it (but
            # not by the date of a relative clause about something else)
            free = [(f, sp) for f, sp in tspans if not _in_other_relative(sp.root, r.trigger)]
            if free:
                tv = min(free, key=lambda fs: abs(fs[1].root.i - r.trigger.i))[0]
        if tv is not None and mod == "asserted" and code[:2] in ("03", "13") and \
                pd.document.published and event_date(tv)[:10] > pd.document.published:
            tv = None  # an intent is dated when it is expressed, not when its act is planned
        if tv is not None:
            date, prec, dsrc = event_date(tv), tv.precision, "text"
        elif pd.document.published:
            date = pd.document.published
            prec, dsrc = date_precision(date), "document"
        else:
            date, prec, dsrc = None, None, "none"
        place = choose(r, pspans)
        if place is None and pspans:  # the sentence's place
            place = pspans[0][0]
        conf = 0.6 if r.kind in ("noun", "caption") else (0.8 if r.pattern else 0.7)
        if r.source is None or r.target is None:
            conf -= 0.2  # one side only
        return Event(
            pd.doc_id, i, start, end, text, self.name, self.version, conf,
            source_actor=r.source.mention.actor_id if r.source else None,
            source_code=(r.source.code or None) if r.source else None,
            target_actor=r.target.mention.actor_id if r.target else None,
            target_code=(r.target.code or None) if r.target else None,
            code=code, root=ci.root, quad_class=ci.quad_class, goldstein=ci.goldstein,
            date=date, date_precision=prec, date_source=dsrc,
            place=place.name if place else None,
            place_country=place.country if place else None,
            lat=place.lat if place else None, lon=place.lon if place else None,
            modality=mod, trigger=r.trigger.text,
        )


@functools.lru_cache(maxsize=1)
def _violent_words() -> frozenset[str]:
    """Words that keep a sentence of sport or entertainment coded ("a bomb blast")."""
    words = instrument_words()
    return words["violent_instruments"] | words["unnamed_attackers"]


@functools.lru_cache(maxsize=1)
def discard_pattern() -> re.Pattern[str]:
    """One pattern for the phrases of ``data/en/discards.txt`` (sport and entertainment) and
    ``data/en/procedure.txt`` (floor procedure), whole words, lower case."""
    phrases = []
    for name in ("discards.txt", "procedure.txt"):
        text = resources.files("foreigndesk").joinpath(f"data/en/{name}").read_text("utf-8")
        phrases += [line.strip().lower() for line in text.splitlines()
                    if line.strip() and not line.lstrip().startswith("#")]
    alternatives = sorted((r"\s+".join(re.escape(w) for w in p.split()) for p in phrases),
                          key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


def load_dictionary(directory: str | Path) -> Dictionary:
    """An event dictionary from a directory: foreigndesk's own format (``verbs.tsv``,
    ``nouns.tsv``) or PETRARCH's (``*verbs*.txt`` / ``CAMEO*.txt``)."""
    path = Path(directory)
    own = [path / n for n in ("verbs.tsv", "nouns.tsv") if (path / n).is_file()]
    if own:
        return load_tsv(own, name=path.name)
    return load_dir(path).verbs


def _previous(actors: dict[int, list[Mention]], i: int, back: int = 3) -> list[Mention]:
    """The actor mentions of the ``back`` sentences before ``i``, in text order: what a
    pronoun or "the two leaders" can point to."""
    out: list[Mention] = []
    for k in range(max(0, i - back), i):
        out += sorted(actors.get(k, ()), key=lambda m: m.start)
    return out


OBLIGATION_CODE = "100"  # CAMEO "Demand, not specified below"
FIRST_PERSON = frozenset(("we", "i", "us"))


def _obliges(sent: Span) -> bool:
    """Does a sentence hold a modal of obligation ("should", "must", "ought") or "need(s)
    to"? (from the single pass's tags)"""
    modals = cues().demand_modals
    prev = ""
    for t in sent:
        if (t.tag_ == "MD" and t.lower_ in modals) or (prev in ("needs", "need") and
                                                        t.lower_ == "to"):
            return True
        prev = t.lower_
    return False


def _obliged(verb: Token) -> bool:
    """Is this verb obliged: "should listen", "must withdraw", "needs to revise"?"""
    if demanded(verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "need" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.head.children)


def _statement_only(d: Dictionary, low: str, lem: str) -> bool:
    """Is this verb only a verb of saying (its entries flagged ``statement``)?"""
    entries = d.verb_entries(low, lem)
    return bool(entries) and all("statement" in e.flags for e in entries)


def _refers_back(sent: Span) -> bool:
    """Does a sentence point back to the actors of the one before ("The two leaders
    agreed", "Both sides pledged", "They signed")?"""
    prev = ""
    for t in sent:
        low = t.lower_
        if low in ("they", "he", "she") and t.tag_ == "PRP":
            return True
        if prev in ("two", "both") and t.lemma_.lower() in PAIR_NOUNS:
            return True
        prev = low
    return False


def turn_speaker(pd: ParsedDoc, char: int) -> Mention | None:
    """The speaker of the turn (or one-speaker text) holding ``char``, as a mention: who
    demands what a statement says "should" be done ("The regime should free them")."""
    t = turn_at(pd, char)
    if t is None or t.question or t.speaker is None:
        return None
    a = t.speaker.actor
    return Mention(pd.doc_id, pd.sentence_index(char), char, char, a.name, "turns", "1", 0.6,
                   label="SPEAKER", actor_id=a.id, actor_name=a.name, actor_kind=a.kind,
                   country=t.speaker.country, sector=t.speaker.sector)


def cue_offsets(pd: ParsedDoc) -> dict[int, set[int]]:
    """Where the cue words of the document's claims stand, by sentence: a verb of saying that
    is a claim's cue makes its statement event through the claim (:mod:`event_claims`)."""
    if "events.cues" not in pd.cache:
        out: dict[int, set[int]] = {}
        for c in pd.extraction.claims:
            at = cue_offset(pd, c)
            if at >= 0:
                out.setdefault(c.sentence, set()).add(at)
        pd.cache["events.cues"] = out
    return pd.cache["events.cues"]


def issuer(pd: ParsedDoc) -> Mention | None:
    """The government an official text speaks for: the group of the one speaker of a
    statement or order, else the government of the state whose address the text has
    (``.gov`` -> USA); None for news."""
    if "events.issuer" in pd.cache:
        return pd.cache["events.issuer"]
    out: Mention | None = None
    turns = pd.cache.get("turns") or []
    speakers = {t.speaker.actor.id for t in turns if t.speaker is not None and not t.question}
    if len(speakers) == 1 and all(t.speaker is not None or t.question for t in turns):
        first = next(t for t in turns if t.speaker is not None)  # one speaker throughout
    else:
        first = None
    if first is not None and first.speaker is not None and first.speaker.group is not None \
            and not any(t.question for t in turns):
        g = first.speaker.group
        out = Mention(pd.doc_id, 0, 0, 0, g.name, "turns", "1", 0.6, label="ISSUER",
                      actor_id=g.id, actor_name=g.name, actor_kind=g.kind,
                      country=g.id if g.kind == "state" else g.country,
                      sector=first.speaker.group_sector)
    else:
        c = url_country(pd.document.url)
        if c:
            out = Mention(pd.doc_id, 0, 0, 0, c, "turns", "1", 0.6, label="ISSUER",
                          actor_id=c, actor_name=c, actor_kind="state", country=c, sector="GOV")
    pd.cache["events.issuer"] = out
    return out


def _in_time_expression(pd: ParsedDoc, i: int, at: int, r: RawEvent) -> bool:
    """Is a noun trigger part of a time expression ("in March", "on 12 March": the month is
    no protest march)?"""
    if not r.trigger.tag_.startswith("NN"):
        return False
    return any(tv.sentence == i and tv.start <= at < tv.end for tv in pd.extraction.times)


def _with_statements(events: list[Event], said: list[Event], claims: list[Claim]) -> list[Event]:
    """Events in reading order of their sentence's clauses: a statement whose cue comes
    before its content ("X said Y attacked Z") first, one whose cue follows it ("Y attacked
    Z, X said") after the reported events. A statement whose content reports the speaker's
    own act as done ("X said it had deployed troops") comes after that act: the act is the
    news, the saying its source (PETRARCH codes the complement's event through "say").
    Another actor's act ("X said Y attacked Z") and the speaker's intent ("X said it would
    send troops") keep the statement first."""
    content = {(c.sentence, c.start, c.end): (c.content_start, c.content_end) for c in claims}
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        by_sentence.setdefault(e.sentence, []).append(e)
    first: dict[int, list[Event]] = {}
    last: dict[int, list[Event]] = {}
    for e in said:
        cs, ce = content.get((e.sentence, e.start, e.end), (e.end, e.end))
        cue_first = cs > e.start + (e.text.find(e.trigger) if e.trigger in e.text else 0)
        reports_act = any(cs <= trigger_offset(o) < ce and o.source_code == e.source_code
                          and o.modality in ("asserted", "reported")
                          and o.root not in ("03", "13")  # "said it would": intent
                          for o in by_sentence.get(e.sentence, ()))
        (first if cue_first and not reports_act else last).setdefault(e.sentence, []).append(e)
    out: list[Event] = []
    for i in sorted(set(by_sentence) | set(first) | set(last)):
        out += first.get(i, []) + by_sentence.get(i, []) + last.get(i, [])
    return out


def _in_other_relative(tok: Token, trigger: Token) -> bool:
    """Is ``tok`` inside a relative or participial clause that does not hold ``trigger``?"""
    t = tok
    for _ in range(12):
        if t.dep_ in ("relcl", "acl") and not (t.left_edge.i <= trigger.i <= t.right_edge.i):
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _past(verb: Token) -> bool:
    """Is this clause in a past tense ("met", "had met", "was shot down")?"""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.tag_ == "VBD" or c.lower_ in ("had", "was", "were")
                                      for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _place_mention(p: Place) -> Mention:
    return Mention(p.doc_id, p.sentence, p.start, p.end, p.text, "places", "", 1.0,
                   label="PLACE", actor_id=None, actor_name=p.name, actor_kind="place",
                   country=p.country)


def _spans(doc: Doc, offset: int, facts: Iterable[F]) -> list[tuple[F, Span]]:
    out: list[tuple[F, Span]] = []
    for f in facts:
        span = doc.char_span(f.start - offset, f.end - offset, alignment_mode="expand")
        if span is not None and len(span):
            out.append((f, span))
    return out


LOCATIVE_PREPS = frozenset(("in", "at", "near", "off", "outside", "inside", "across", "along",
                            "within", "around", "over", "throughout"))


def _locative(span: Span) -> bool:
    """A place named where something happens ("in Hanoi", "off the coast of South Carolina"),
    not a country acting or acted upon."""
    t = span.root
    for _ in range(6):
        if t.dep_ != "pobj":
            return False
        prep = t.head
        if prep.lower_ in LOCATIVE_PREPS:
            return True
        if prep.lower_ != "of" or prep.head.dep_ != "pobj" and prep.head.dep_ != "nsubj":
            return False
        t = prep.head  # "the coast of South Carolina", "the outskirts of Kyiv"
    return False


def _effective_clause(tok: Token) -> Token:
    """The clause a time or place expression dates: its own, or, for a subjectless
    adverbial participle ("Beginning in the late 1980s, X began ..."), the one it modifies."""
    c = clause_head(tok)
    for _ in range(4):
        if c.dep_ in ("advcl", "pcomp", "prep") and c.tag_ in ("VBG", "VBN") and not any(
                ch.dep_ in ("nsubj", "nsubjpass") for ch in c.children) and c.head.i != c.i:
            c = clause_head(c.head)
        else:
            break
    return c


def choose(r: RawEvent, spans: list[tuple[F, Span]]) -> F | None:
    """The fact (time value or place) governing the event: one inside a noun trigger's
    phrase, else one in the event's clause (nearest the trigger), else one in an enclosing
    clause (nearest first)."""
    if not spans:
        return None
    trig = r.trigger
    if r.kind == "noun":
        inside = [(f, s) for f, s in spans if trig.left_edge.i <= s.root.i <= trig.right_edge.i
                  and s.root.i != trig.i]
        if inside:
            return min(inside, key=lambda fs: abs(fs[1].root.i - trig.i))[0]
    heads = {id(f): _effective_clause(s.root) for f, s in spans}
    clause: Token | None = r.clause
    for _ in range(8):
        if clause is None:
            break
        here = [(f, s) for f, s in spans if heads[id(f)].i == clause.i]
        if here:  # the most precise, then the nearest
            return min(here, key=lambda fs: (-PRECISION_RANK.get(getattr(fs[0], "precision",
                                                                         ""), 0),
                                             abs(fs[1].root.i - trig.i)))[0]
        if clause.head.i == clause.i:
            break
        clause = clause_head(clause.head)
    return None


EXTRACTOR = EventExtractor()


def _sentence_actors(pd: ParsedDoc, i: int, doc: Doc, actors: dict[int, list[Mention]],
                     places: dict[int, list[Place]]) -> SentenceActors:
    """The actors of parsed sentence ``i`` as the coder reads them: its mentions, the sentence
    before, its places, the text's issuer and its two principals ("the two leaders")."""
    sa = SentenceActors.build(doc, pd.sents[i].start_char, actors.get(i, ()), _previous(actors, i),
                              [_place_mention(p) for p in places.get(i, ())])
    sa.issuer = issuer(pd)
    sa.principals = principals(pd)
    return sa
