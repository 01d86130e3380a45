"""Places mentioned in a document, geocoded offline.

Where place names come from (all from the single spaCy pass, nothing parsed again):

1. the named entities GPE, LOC and FAC ("the Great Hall of the People in Beijing" yields the
   hall and Beijing; "Hong Kong's" yields Hong Kong);
2. actor mentions found by the actor layer whose text names a place ("Havana" used for the
   Cuban government is still a place);
3. names of countries, US states, regions, bodies of water and known sites
   (``data/places.yaml``) in capitalised text the NER left unlabelled.

Each name is looked up in the gazetteer (:mod:`foreigndesk.extract.place_gazetteer`) and, when
it has several readings, resolved with the document's context
(:mod:`foreigndesk.extract.place_resolve`). A name the gazetteer does not know, or knows only
elsewhere, that the text places relative to a known place ("the town of X, outside Havana")
takes that place's country and coordinates at a lower confidence. A single word that is also
part of a person's name in the document ("Pereira said", after "Carlos Pereira") is not a town.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from spacy.attrs import IDX, ORTH
from spacy.tokens import Span, Token

from foreigndesk.built_cache import load_yaml
from foreigndesk.extract.nlp import ParsedDoc
from foreigndesk.extract.place_gazetteer import (
    Candidate,
    Gazetteer,
    first_word,
    gazetteer,
    name_key,
)
from foreigndesk.extract.place_resolve import Context, choose, famous
from foreigndesk.model import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# labels under which the small model often files places ("Kiev" PERSON, "Hama" ORG,
# "Odesa" LANGUAGE, "Kursk" PRODUCT)
OTHER_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "LANGUAGE", "PRODUCT"}


@functools.lru_cache(maxsize=1)
def place_words() -> dict[str, frozenset[str]]:
    """The word lists of ``data/en/place_words.yaml`` (lower case)."""
    raw = load_yaml(resources.files("foreigndesk").joinpath("data/en/place_words.yaml")
                    .read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}


LOCATIVE_PREPS = place_words()["locative_preps"]
CITY_SCAN_PREPS = LOCATIVE_PREPS | {"of"}
SPEECH_VERBS = place_words()["speech_verbs"]
PLACE_NOUNS = place_words()["place_nouns"]
PLACE_VERBS = place_words()["place_verbs"]
FALLBACK_FEATURE = {"GPE": "city", "LOC": "region", "FAC": "facility"}
_TRIM_HEAD = {"the"}
_TRIM_TAIL = {"'s", "’s", "'", "’"}
_SPLIT = re.compile(r",\s+|\s+(?:in|near|outside|and)\s+")
# text between two place names that ties the first to the second ("X, just west of Y"): the
# relation must end right before the second name ("to southern Brazil" is no relation)
_RELATION = re.compile(
    r"\b(?:(?:north|south|east|west|northwest|northeast|southwest|southeast)(?:ern)?\s+(?:of|from)"
    r"|outside(?:\s+of)?|near|nearby|close\s+to|(?:on\s+the\s+)?outskirts\s+of|suburbs?\s+of"
    r"|(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from))"
    r"\s+(?:the\s+)?(?:(?:city|town|village|port)\s+of\s+)?$", re.IGNORECASE)
_MAX_RELATION_CHARS = 60


@dataclass
class _Name:
    start: int
    end: int
    text: str
    key: str
    label: str
    sentence: int
    cands: list[Candidate]
    source: str  # ner | actor | scan
    anchors: set[str] = field(default_factory=set)
    admin1: set[str] = field(default_factory=set)  # "Columbus, Ga.": the state it is in
    anchor: _Name | None = None


def _trim(span: Span) -> Span | None:
    i, j = span.start, span.end
    while i < j and span.doc[i].lower_ in _TRIM_HEAD:
        i += 1
    while j > i and span.doc[j - 1].text in _TRIM_TAIL:
        j -= 1
    return span.doc[i:j] if i < j else None


def _text(pd: ParsedDoc) -> str:
    """The document text: the Document's, which the Doc's is (``Doc.text`` would join every
    token again)."""
    return pd.document.text


class PlaceExtractor:
    name = "places"
    version = "1"
    needs = frozenset({"sentences", "entities", "tags", "lemmas"})

    def __call__(self, pd: ParsedDoc) -> None:
        gz = gazetteer()
        person_words = self._person_words(pd)
        names = self._names(pd, gz, person_words)
        if not names:
            return
        self._relate(pd, names)
        names = [n for n in names if not self._is_person(n, person_words)]
        # two rounds: the first reads the context of unambiguous names only; the second adds
        # the confident choices of the first ("Islamabad" settles "Punjab")
        ctx = self._context(pd, names)
        choice = {id(n): choose(n.cands, n.key, n.sentence, ctx, gz, n.anchors, n.admin1)
                  for n in names if n.cands}
        for n in names:
            if id(n) in choice and len({c.country for c in n.cands}) > 1:
                best, conf = choice[id(n)]
                if conf >= 0.75 and best.country:
                    ctx.add(n.sentence, best.country, n.key)
        out = pd.extraction.places
        for n in names:
            best_conf = choose(n.cands, n.key, n.sentence, ctx, gz, n.anchors, n.admin1) \
                if len({c.country for c in n.cands}) > 1 else choice.get(id(n))
            place = self._place(pd, n, best_conf, ctx, gz)
            if place is not None:
                out.append(place)
        _agents_where(pd)

    # ---- collecting names -------------------------------------------------------------

    def _names(self, pd: ParsedDoc, gz: Gazetteer, person_words: set[str]) -> list[_Name]:
        names: list[_Name] = []
        text = _text(pd)
        taken = bytearray(len(text) + 1)
        # what the actor layer resolved to an intergovernmental body is not a place ("UN",
        # "OAS" are not the towns Un or Oas)
        for m in pd.extraction.mentions:
            if m.actor_kind == "igo" and m.end <= len(text):
                taken[m.start:m.end] = b"\x01" * (m.end - m.start)

        def add(start: int, end: int, label: str, source: str) -> _Name | None:
            if start >= end or any(taken[start:end]):
                return None
            surface = text[start:end]
            key = name_key(surface)
            n = _Name(start, end, surface, key, label, pd.sentence_index(start),
                      gz.index.get(key, []), source)
            names.append(n)
            taken[start:end] = b"\x01" * (end - start)
            return n

        for ent in pd.ents:
            span = _trim(ent)
            if span is None:
                continue
            label = ent.label_
            if label in PLACE_LABELS:
                pieces = self._pieces(span, gz, text)
                if pieces is None:  # unknown as a whole and in parts: keep for the anchor rule
                    add(span.start_char, span.end_char, label, "ner")
                else:
                    for s, e in pieces:
                        add(s, e, label, "ner")
            elif label in OTHER_LABELS:
                if label == "PERSON" and span.text in person_words:
                    continue  # "Jordan" after "Michael Jordan"
                self._misread(span, gz, text, add)

        # actor mentions naming places (the actor layer runs before this extractor)
        for m in pd.extraction.mentions:
            if m.actor_kind == "person" or m.label in PLACE_LABELS:
                continue
            if name_key(m.text) in gz.index:
                add(m.start, m.end, m.label or "GPE", "actor")

        # known names the NER left unlabelled
        covered = bytearray(len(text) + 1)
        for ent in pd.ents:
            covered[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
        for s, e in self._scan(pd, gz, covered):
            add(s, e, "LOC", "scan")
        names.sort(key=lambda n: n.start)
        return names

    @staticmethod
    def _pieces(span: Span, gz: Gazetteer, text: str) -> list[tuple[int, int]] | None:
        """The known names in an entity: itself, or its parts ("the Great Hall of the People
        in Beijing", "Tampa, Florida", "Kyiv and Kharkiv"); None when none is known."""
        if name_key(span.text) in gz.index:
            return [(span.start_char, span.end_char)]
        parts = PlaceExtractor._parts(span.text, span.start_char)
        if len(parts) > 1 and any(name_key(text[s:e]) in gz.index for s, e in parts):
            return parts
        return None

    @staticmethod
    def _misread(span: Span, gz: Gazetteer, text: str,
                 add: Callable[[int, int, str, str], _Name | None]) -> None:
        """A place the NER labelled as a person, organisation or nationality ("Kiev",
        "Hama", "Odesa"): kept when the name is well known, or when the text uses it as a
        place (after "in", "near", "the town of"..., or before "facility", "base"...)."""
        doc = span.doc
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        prev2 = doc[span.start - 2].lower_ if span.start > 1 else ""
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in SPEECH_VERBS:
            return  # "Pereira said"
        locative = prev in LOCATIVE_PREPS or (prev == "of" and prev2 in PLACE_NOUNS) or (
            span.start > 0 and _place_verb(doc[span.start - 1]))
        if nxt is not None and nxt.lower_ in PLACE_NOUNS and prev == "the":
            locative = True
        pieces = PlaceExtractor._pieces(span, gz, text)
        if pieces is None:
            if prev == "of" and prev2 in PLACE_NOUNS:  # "the village of Kafr Nabl"
                add(span.start_char, span.end_char, "GPE", "ner")
            return
        for s, e in pieces:
            cands = gz.index.get(name_key(text[s:e]), [])
            if locative or any(famous(c) for c in cands):
                add(s, e, "GPE", "ner")

    @staticmethod
    def _parts(text: str, offset: int) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _SPLIT.finditer(text):
            out.append((offset + pos, offset + m.start()))
            pos = m.end()
        out.append((offset + pos, offset + len(text)))
        trimmed = []
        for s, e in out:
            seg = text[s - offset:e - offset]
            lead = len(seg) - len(seg.lstrip())
            if seg.lower().lstrip().startswith("the "):
                lead += seg.lower().lstrip().index("the ") + 4
            s2, e2 = s + lead, e - (len(seg) - len(seg.rstrip()))
            if s2 < e2:
                trimmed.append((s2, e2))
        return trimmed

    @staticmethod
    def _scan(pd: ParsedDoc, gz: Gazetteer, covered: bytearray) -> list[tuple[int, int]]:
        doc = pd.doc
        text = _text(pd)
        out: list[tuple[int, int]] = []
        n_tok = len(doc)
        skip_to = 0
        strings = doc.vocab.strings
        for i, (orth, idx) in enumerate(doc.to_array([ORTH, IDX]).tolist()):  # no Token per word
            word = strings[orth]
            if (i < skip_to or not word[:1].isupper() or covered[idx]
                    or first_word(name_key(word)) not in gz.scan_first):
                continue
            tok = doc[i]
            for n in range(min(gz.scan_max_tokens, n_tok - i), 0, -1):
                last = doc[i + n - 1]
                end = last.idx + len(last.text)
                key = name_key(text[tok.idx:end])
                if key in gz.scan_keys:
                    pass
                elif key in gz.scan_city_keys:
                    # a city name only where the text uses it as a place: "north of Donetsk"
                    if i == 0 or (doc[i - 1].lower_ not in CITY_SCAN_PREPS
                                  and not _place_verb(doc[i - 1])):
                        continue
                else:
                    continue
                if any(covered[tok.idx:end]):
                    continue
                # not part of a longer proper name ("Georgia Tech", "Atlantic Council")
                nxt = doc[i + n] if i + n < n_tok else None
                if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start:
                    continue
                prev = doc[i - 1] if i > 0 else None
                if (prev is not None and not tok.is_sent_start and prev.text[:1].isupper()
                        and prev.lower_ != "the"):
                    continue
                out.append((tok.idx, end))
                skip_to = i + n
                break
        return out

    # ---- context ----------------------------------------------------------------------

    @staticmethod
    def _context(pd: ParsedDoc, names: list[_Name]) -> Context:
        ctx = Context()
        for m in pd.extraction.mentions:
            # actors named in the text ("Chinese", "the Castro regime", "Xi Jinping"); not
            # the place names themselves (counted below) nor guesses ("protesters" -> the
            # country of a place nearby)
            if m.country and m.label not in PLACE_LABELS and m.confidence >= 0.8:
                ctx.add(m.sentence, m.country, name_key(m.text))
        for n in names:
            countries = {c.country for c in n.cands}
            if len(countries) == 1 and None not in countries:
                ctx.add(n.sentence, next(iter(countries)), n.key)  # type: ignore[arg-type]
        return ctx

    @staticmethod
    def _relate(pd: ParsedDoc, names: list[_Name]) -> None:
        """Tie a name to the next place of its sentence when the text relates them."""
        text = _text(pd)
        for a, b in zip(names, names[1:], strict=False):
            if a.sentence != b.sentence or not b.cands:
                continue
            between = text[a.end:b.start]
            if len(between) > _MAX_RELATION_CHARS or "\n" in between:
                continue
            if between.strip() == ",":
                # "Atlanta, Georgia", "Lourdes, Cuba": the second names where the first is
                if any(c.feature in ("country", "admin1") for c in b.cands):
                    a.anchors = {c.country for c in b.cands if c.country}
                    a.admin1 = {c.admin1 for c in b.cands if c.admin1 and c.feature == "admin1"}
                    a.anchor = b
                    if a.cands and all(c.feature == "city" for c in a.cands):
                        b.anchors = {c.country for c in a.cands if c.country}
            elif _RELATION.search(between):
                a.anchors = {c.country for c in b.cands if c.country}
                a.anchor = b

    @staticmethod
    def _person_words(pd: ParsedDoc) -> set[str]:
        words: set[str] = set()
        for ent in pd.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                words.update(t.text for t in ent if t.text[:1].isupper())
        return words

    # ---- resolving --------------------------------------------------------------------

    @staticmethod
    def _is_person(n: _Name, person_words: set[str]) -> bool:
        """A lone word of a person's name ("Pereira" after "Carlos Pereira") that the
        gazetteer knows only as a minor town."""
        return (n.text in person_words and bool(n.cands)
                and all(c.feature == "city" and not famous(c) for c in n.cands))

    def _place(self, pd: ParsedDoc, n: _Name, best_conf: tuple[Candidate, float] | None,
               ctx: Context, gz: Gazetteer) -> Place | None:
        best: Candidate | None = None
        conf = 0.0
        if best_conf is not None:
            best, conf = best_conf
            if n.anchors and best.country not in n.anchors and best.feature == "city" \
                    and not famous(best):
                best = None  # known only elsewhere: "the town of X, outside <a place>"
        if best is None:
            if n.anchor is None or n.source != "ner":
                return None
            anchor, _ = choose(n.anchor.cands, n.anchor.key, n.anchor.sentence, ctx, gz)
            return Place(pd.doc_id, n.sentence, n.start, n.end, n.text, self.name, self.version,
                         0.5, name=n.text, country=anchor.country, lat=anchor.lat,
                         lon=anchor.lon, feature=FALLBACK_FEATURE.get(n.label, "city"),
                         gazetteer_id=None)
        return Place(pd.doc_id, n.sentence, n.start, n.end, n.text, self.name, self.version,
                     conf, name=best.name, country=best.country, lat=best.lat, lon=best.lon,
                     feature=best.feature, gazetteer_id=best.gazetteer_id)


EXTRACTOR = PlaceExtractor()


def _place_verb(tok: Token) -> bool:
    """A verb whose object is a place, right before a name ("shelled Kherson", "captured
    Avdiivka", "visited Kyiv": ``place_verbs``)."""
    return tok.tag_.startswith("VB") and tok.lemma_.lower() in PLACE_VERBS


def _agents_where(pd: ParsedDoc) -> None:
    """Agents the actor layer found no country for ("Gunmen killed three police officers in
    Peshawar") take the country of the one country their sentence's places lie in."""
    from foreigndesk.extract.actor_data import load_index

    by_sentence: dict[int, set[str]] = {}
    for p in pd.extraction.places:
        if p.country:
            by_sentence.setdefault(p.sentence, set()).add(p.country)
    if not by_sentence:
        return
    ix = load_index()
    for m in pd.extraction.mentions:
        if m.extractor != "actors" or m.country or not m.sector or m.actor_id != m.sector \
                or m.label == "MULTINATIONAL":
            continue
        countries = by_sentence.get(m.sentence, set())
        state = ix.actors.get(next(iter(countries))) if len(countries) == 1 else None
        if state is None:
            continue
        m.country, m.actor_id, m.actor_name = state.id, state.id, state.name
        m.actor_kind = state.kind
        if state.id not in pd.extraction.actors:
            pd.extraction.actors[state.id] = state
