"""The dataclasses that travel between the stages of the pipeline.

readers -> :class:`Document` -> extractors -> facts (:class:`Sentence`, :class:`Mention`,
:class:`TimeValue`, :class:`Place`, :class:`Event`, :class:`Claim`, :class:`Quantity`) -> store.

Every fact carries its provenance: ``doc_id`` (content hash of the normalised text),
``sentence`` (index of the sentence in the document), ``start``/``end`` (character offsets into
``Document.text``), ``extractor`` and ``version`` (who made it) and ``confidence``.

Facts are plain dataclasses so that they pickle across worker processes and serialise to JSON
(:func:`to_json`) for ``foreigndesk extract``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_WS = re.compile(r"\s+")

# What an event's (or claim's) clause says of it: it happened (asserted), someone reports it
# happened (reported), or it did not or not yet: negated, hypothetical (conditional, demanded),
# questioned (asked about), future (planned, promised). Only the first two count as happening.
MODALITIES = ("asserted", "negated", "hypothetical", "questioned", "future", "reported")
HAPPENED = ("asserted", "reported")
STANCES = ("asserts", "denies", "repeats", "questions")  # a claim's stance
CLAIM_KINDS = ("statement", "belief", "intention")  # said / believes / wants
FIGURE_KINDS = ("money", "count", "deaths", "casualties", "percent", "votes")  # quantities


def normalise_text(text: str) -> str:
    """NFC-normalise, collapse every run of whitespace to one space, strip."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """A document's id: the first 16 hex digits of SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One article (or the compiler's own text of a dossier)."""

    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD (or YYYY-MM / YYYY when that is all we know)
    url: str | None = None
    urls: list[str] = field(default_factory=list)  # every URL the source gives (url is the first)
    language: str | None = "en"
    source: str | None = None  # path (and "#n" part for split files / feeds / jsonl lines)
    reader: str | None = None  # which reader made it: text, html, jsonl, rss, dossier, pdf, docx
    id: str = ""
    # where each page of the source begins: [(character offset into text, page number)],
    # ascending; None when the source has no pages (see :meth:`page_at`)
    pages: list[tuple[int, int]] | None = None

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)
        if self.url and self.url not in self.urls:
            self.urls.insert(0, self.url)
        if not self.url and self.urls:
            self.url = self.urls[0]

    def page_at(self, offset: int) -> int | None:
        """The page the character at ``offset`` stands on (None without a page map)."""
        if not self.pages:
            return None
        page = self.pages[0][1]
        for start, number in self.pages:
            if start > offset:
                break
            page = number
        return page


@dataclass
class Fact:
    """Provenance common to every extracted fact."""

    doc_id: str
    sentence: int
    start: int
    end: int
    text: str
    extractor: str = ""
    version: str = ""
    confidence: float = 1.0


@dataclass
class Sentence(Fact):
    pass


@dataclass
class Actor:
    """A canonical actor. ``id`` is stable: an ISO3 code for a state ("CHN"), a CAMEO-style
    code for a state's sector ("CHNGOV"), an IGO code ("UNO"), or ``person:slug`` /
    ``org:slug`` for named people and organisations (known or not)."""

    id: str
    name: str
    kind: str  # state | government | person | organisation | igo | group | place
    country: str | None = None  # ISO3
    sector: str | None = None  # GOV MIL MED BUS NGO EDU CVL OPP LEG IGO
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # e.g. offices with dates, wikidata id

    @property
    def code(self) -> str:
        """CAMEO-style code: country + sector ("CHNGOV"), or the id for IGOs and others."""
        if self.country:
            return self.country + (self.sector or "")
        return self.sector or self.id


@dataclass
class Mention(Fact):
    """A named entity or actor reference and what it resolved to."""

    label: str = ""  # spaCy label (PERSON, ORG, GPE, NORP, LOC, FAC ...) or RULE
    actor_id: str | None = None
    actor_name: str | None = None
    actor_kind: str | None = None
    country: str | None = None
    sector: str | None = None  # the sector in this context ("Beijing" -> GOV)

    @property
    def code(self) -> str | None:
        if self.country:
            return self.country + (self.sector or "")
        return self.sector


@dataclass
class TimeValue(Fact):
    """A temporal expression normalised TIMEX3-style.

    ``value``: 2022-11-25 (day), 2022-11 (month), 2022 (year), 198X (decade), 18XX (century),
    or P1W-style durations; ``precision``: day|month|year|decade|century|duration|time|set.
    ``anchored``: the value was resolved against the document's publication date.
    The time extractor also writes 2022-W48 / 2022-W47-WE (precision ``week``), 2022-Q3
    (``quarter``), 2022-H1 (``half``), 2022-SU (``season``), and an empty precision for a
    value that is no calendar date (PRESENT_REF, PAST_REF, FUTURE_REF, XXXX-11-25, or none);
    ``modifier`` may also be LESS_THAN / MORE_THAN ("nearly", "more than")."""

    value: str = ""
    precision: str = ""
    type: str = "DATE"  # DATE TIME DURATION SET
    anchored: bool = False
    modifier: str | None = None  # EARLY MID LATE APPROX BEFORE AFTER


@dataclass
class Place(Fact):
    """A place mentioned, geocoded offline."""

    name: str = ""
    country: str | None = None  # ISO3 (HKG and TWN are their own)
    lat: float | None = None
    lon: float | None = None
    feature: str = ""  # country | city | admin1 | region | facility
    gazetteer_id: str | None = None


@dataclass
class Event(Fact):
    """Who did what to whom (CAMEO coded)."""

    source_actor: str | None = None  # actor id
    source_code: str | None = None  # CAMEO actor code ("CHNGOV")
    target_actor: str | None = None
    target_code: str | None = None
    code: str = ""  # CAMEO event code (2-4 digits)
    root: str = ""  # two digits
    quad_class: int = 0  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float = 0.0
    date: str | None = None
    date_precision: str | None = None
    date_source: str = "document"  # text | document | none
    place: str | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    modality: str = "asserted"  # one of MODALITIES
    trigger: str = ""  # the verb or noun that carried the event
    event_key: str | None = None  # set by dedup: the id of the real-world event


@dataclass
class Claim(Fact):
    """Who says what. ``text``/``start``/``end`` span the whole attribution sentence part;
    ``content_start``/``content_end`` the content."""

    speaker_actor: str | None = None
    speaker_text: str | None = None
    speaker_code: str | None = None
    speaker_start: int | None = None  # where the speaker is named (the pronoun or role for a
    speaker_end: int | None = None  # resolved one); None for a turn label or the author
    cue: str = ""
    content: str = ""
    content_start: int = 0
    content_end: int = 0
    direct: bool = False
    stance: str = "asserts"  # asserts | denies | repeats | questions
    kind: str = "statement"  # statement | belief | intention (from the cue: said / believes / wants)
    date: str | None = None
    date_source: str = "document"
    echoes_actor: str | None = None  # for stance == repeats: whose claim is repeated
    echoes_text: str | None = None


@dataclass
class Quantity(Fact):
    """A figure: money, count, deaths, percent, votes."""

    kind: str = "count"  # money | count | deaths | casualties | percent | votes | ratio | measure
    value: float | None = None
    values: dict[str, float] | None = None  # vote tallies {yes, no, abstain}
    unit: str | None = None  # ISO 4217 currency, "%", "people" ...
    usd: float | None = None
    usd_year: int | None = None
    low: float | None = None  # ranges
    high: float | None = None
    approx: str | None = None  # over | under | about
    measure: str | None = None  # what it quantifies ("COVID-19 deaths in Cuba")
    stated_by: str | None = None  # who states it ("official government sources")


@dataclass
class Reuse:
    """A passage of one document repeated in another (``later`` repeats ``earlier``)."""

    earlier_doc: str
    earlier_start: int
    earlier_end: int
    later_doc: str
    later_start: int
    later_end: int
    earlier_text: str = ""
    later_text: str = ""
    score: float = 1.0
    direction_rule: str = "published"  # how the direction was decided
    extractor: str = "reuse"
    version: str = ""


@dataclass
class Extraction:
    """Everything extracted from one document: what a worker hands to the store."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)  # actors referenced by the facts

    def facts(self) -> list[Fact]:
        out: list[Fact] = []
        out += self.sentences
        out += self.mentions
        out += self.times
        out += self.places
        out += self.events
        out += self.claims
        out += self.quantities
        return out


def to_json(obj: Any) -> dict[str, Any]:
    """A JSON-ready dict of a dataclass, with a ``type`` key naming the fact type."""
    d = dataclasses.asdict(obj)
    d["type"] = type(obj).__name__.lower()
    if isinstance(obj, Document):
        d["doc_id"] = d["id"]
    return d
