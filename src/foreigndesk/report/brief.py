"""What a brief holds, section by section, before it is rendered. Strings taken from
documents are kept as they are stored; the renderers escape them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from foreigndesk.report.citations import Reference

Part = str | int  # words of the brief, or a citation number


@dataclass
class Stmt:
    """A statement: text and citation numbers, in reading order."""

    parts: list[Part]

    @property
    def cites(self) -> list[int]:
        return [p for p in self.parts if isinstance(p, int)]


@dataclass
class TimelineItem:
    date: str          # the stored value (1960-09-28, 184X)
    label: str         # in words
    expression: str    # the words of the document that gave the date
    sentence: str
    actors: list[str]
    events: list[str]  # "Cuba → China: Grant diplomatic recognition"
    cite: int


@dataclass
class ActorRow:
    name: str
    kind: str
    code: str
    mentions: int
    documents: int
    events: int
    cite: int          # the first sentence that names the actor


@dataclass
class EventRow:
    date: str          # in words
    value: str | None  # as stored
    source: str
    name: str
    code: str
    target: str
    goldstein: float | None
    modality: str
    mentions: int
    cite: int


@dataclass
class Relations:
    a: str
    b: str
    a_name: str
    b_name: str
    statements: list[Stmt]
    years: list[dict[str, Any]]     # per year: events, cooperation, conflict, mean Goldstein
    events: list[EventRow]
    events_left_out: int
    sources: list[str]              # what the chart shows, one line each
    marks: list[str] = field(default_factory=list)  # legend of the thin and gap marks shown
    news: Any = None                # the series the chart draws (analyze.relations.Series)
    gdelt: Any = None
    votes: Any = None

    def chart(self) -> bytes | None:
        """The relations chart as one SVG document, drawn by the workbench's chart stack
        (:mod:`foreigndesk.charts`): a panel per source the brief has (news, GDELT, UN
        votes), with the same points, gaps and thin marks; None when there is nothing to
        draw."""
        from foreigndesk.charts.panels import source_panels
        from foreigndesk.charts.svg import stacked

        series = [(name, s) for name, s in (("news", self.news), ("gdelt", self.gdelt),
                                             ("unvotes", self.votes)) if s is not None]
        panels = [p["panel"] for p in source_panels(series, "year") if p["panel"] is not None]
        if not panels or all(p.empty for p in panels):
            return None
        return stacked(panels).encode("utf-8")


@dataclass
class Member:
    role: str          # "first" or "repeats"
    speaker: str
    source: str        # outlet and date in words
    content: str
    cite: int


@dataclass
class Cluster:
    content: str
    members: list[Member]


@dataclass
class Echo:
    speaker: str
    echoes: str
    content: str
    source: str
    cite: int


@dataclass
class SpeakerRow:
    speaker: str
    claims: int
    content: str
    source: str
    cite: int


@dataclass
class Conflict:
    measure: str
    kind: str
    value_a: str
    source_a: str
    where_a: str
    cite_a: int
    value_b: str
    source_b: str
    where_b: str
    cite_b: int
    ratio: float
    basis: str = ""  # why the two figures are comparable


@dataclass
class ReusePair:
    earlier: str
    cite_earlier: int
    later: str
    cite_later: int
    words: int
    score: float | None
    rule: str
    excerpt: str


@dataclass
class DocRow:
    id: str
    published: str | None
    outlet: str | None
    title: str | None
    url: str | None
    link: str | None
    words: int | None


@dataclass
class Brief:
    title: str
    scope: list[str]                       # the filters, in words
    generated: str
    store: str
    version: str
    figures: list[tuple[str, str, str]]    # key figures: label, value, note
    summary: list[Stmt] = field(default_factory=list)
    timeline: list[TimelineItem] = field(default_factory=list)
    timeline_left_out: int = 0
    actors: list[ActorRow] = field(default_factory=list)
    relations: Relations | None = None
    speakers: list[SpeakerRow] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    echoes: list[Echo] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    reuse: list[ReusePair] = field(default_factory=list)
    documents: list[DocRow] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
