"""The reader's highlighted text, built on the server as plain-text segments.

The document text is cut at every boundary of a sentence or a fact (mention, time
expression, place, event, claim, quantity); each piece knows its sentence and the facts that
cover it. The template writes each piece as escaped text inside a ``<span>`` whose
``data-a`` lists the covering facts' numbers; the facts themselves (what a span resolved to,
which extractor and version made it) travel as JSON in a ``<script type="application/json">``
block that the page's script reads and shows with ``textContent`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from foreigndesk.analyze.events import code_name
from foreigndesk.web.render import QUAD_NAMES

KINDS = ("mention", "time", "place", "event", "claim", "quantity")


@dataclass
class Piece:
    text: str
    kinds: list[str] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)


@dataclass
class SentenceRun:
    """One sentence (``idx`` None for the text between sentences) and its pieces."""

    idx: int | None
    pieces: list[Piece]
    page: int | None = None  # the page it starts on, when it starts a page of a PDF


def mark_pages(runs: list[SentenceRun], sentences: list[dict[str, Any]]) -> None:
    """Set ``page`` on each sentence that is the first of its page (paged sources only)."""
    page_of = {s["idx"]: s.get("page") for s in sentences}
    last = None
    for r in runs:
        page = page_of.get(r.idx) if r.idx is not None else None
        if page is not None and page != last:
            r.page = page
            last = page


def _fields(kind: str, r: dict[str, Any]) -> list[tuple[str, Any]]:
    """What a fact resolved to, as (label, value) rows for the side panel."""
    if kind == "mention":
        return [("actor", r.get("actor_name")), ("actor id", r.get("actor_id")),
                ("kind", r.get("actor_kind")),
                ("code", (r.get("country") or "") + (r.get("sector") or "")),
                ("entity label", r.get("label"))]
    if kind == "time":
        return [("value", r.get("value")), ("precision", r.get("precision")),
                ("type", r.get("type")), ("modifier", r.get("modifier")),
                ("resolved against the publication date", "yes" if r.get("anchored") else "no")]
    if kind == "place":
        return [("place", r.get("name")), ("country", r.get("country")),
                ("feature", r.get("feature")),
                ("coordinates", f"{r['lat']:.3f}, {r['lon']:.3f}"
                 if r.get("lat") is not None and r.get("lon") is not None else None),
                ("gazetteer", r.get("gazetteer_id"))]
    if kind == "event":
        code = r.get("event_code") or r.get("code")
        return [("event", f"{code} {code_name(code)}".strip()),
                ("source", r.get("source_name") or r.get("source_code") or r.get("source_actor")),
                ("target", r.get("target_name") or r.get("target_code") or r.get("target_actor")),
                ("QuadClass", QUAD_NAMES.get(r.get("quad_class") or 0)),
                ("Goldstein", r.get("goldstein")), ("trigger", r.get("trigger")),
                ("date", r.get("event_date") or r.get("date")),
                ("date from", r.get("date_source")), ("modality", r.get("modality")),
                ("place", r.get("place")), ("reports of this event", r.get("n_mentions")),
                ("event id", r.get("event_id"))]
    if kind == "claim":
        return [("speaker", r.get("speaker_name") or r.get("speaker_text")),
                ("speaker code", r.get("speaker_code")), ("cue", r.get("cue")),
                ("stance", r.get("stance")), ("content", r.get("content")),
                ("quotation", "direct" if r.get("direct") else "indirect"),
                ("echoes", r.get("echoes_name") or r.get("echoes_text")),
                ("date", r.get("date")), ("cluster", r.get("cluster_id"))]
    if kind == "quantity":
        return [("kind", r.get("kind")), ("value", r.get("value")), ("unit", r.get("unit")),
                ("US dollars", r.get("usd")), ("dollar year", r.get("usd_year")),
                ("range", f"{r['low']} – {r['high']}" if r.get("low") is not None else None),
                ("approximately", r.get("approx")), ("measure", r.get("measure")),
                ("stated by", r.get("stated_by")), ("votes", r.get("values"))]
    return []


def _label(kind: str, r: dict[str, Any]) -> str:
    if kind == "mention":
        return r.get("actor_name") or r.get("actor_id") or r.get("label") or "entity"
    if kind == "time":
        return r.get("value") or ""
    if kind == "event":
        code = r.get("event_code") or r.get("code") or ""
        return f"{code} {code_name(code)}".strip()
    if kind == "claim":
        return f"{r.get('speaker_name') or r.get('speaker_text') or '?'} {r.get('stance')}"
    if kind == "quantity":
        return f"{r.get('kind')}: {r.get('value')} {r.get('unit') or ''}".strip()
    if kind == "place":
        return r.get("name") or ""
    return kind


def notes_of(facts: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every highlightable fact as a panel entry: kind, span, label, resolved fields and
    provenance (extractor, version, confidence, sentence)."""
    source = {"mention": "mentions", "time": "times", "place": "places", "event": "events",
              "claim": "claims", "quantity": "quantities"}
    out: list[dict[str, Any]] = []
    for kind in KINDS:
        for r in facts.get(source[kind], []):
            start, end = r.get("start"), r.get("end")
            if kind == "claim" and r.get("content_start") is not None \
                    and r.get("content_end") and r["content_end"] > r["content_start"]:
                start, end = r["content_start"], r["content_end"]
            if start is None or end is None or end <= start:
                continue
            out.append({
                "id": len(out), "kind": kind, "start": start, "end": end,
                "text": r.get("text") if kind != "claim" else r.get("content"),
                "label": _label(kind, r),
                "fields": [[k, v] for k, v in _fields(kind, r) if v not in (None, "")],
                "extractor": r.get("extractor"), "version": r.get("version"),
                "confidence": r.get("confidence"), "sentence": r.get("sentence"),
            })
    return out


def runs(text: str, sentences: list[dict[str, Any]], notes: list[dict[str, Any]]
         ) -> list[SentenceRun]:
    """The text cut into sentences and pieces; every character appears exactly once."""
    n = len(text)
    cuts = {0, n}
    for s in sentences:
        cuts.update((max(0, min(n, s["start"])), max(0, min(n, s["end"]))))
    for note in notes:
        cuts.update((max(0, min(n, note["start"])), max(0, min(n, note["end"]))))
    bounds = sorted(cuts)
    # which sentence holds each position
    sent_of: list[tuple[int, int, int]] = sorted(
        (s["start"], s["end"], s["idx"]) for s in sentences if s["end"] > s["start"])
    by_start = sorted(notes, key=lambda a: a["start"])
    out: list[SentenceRun] = []
    si = 0
    active: list[dict[str, Any]] = []
    ni = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        if b <= a:
            continue
        while si < len(sent_of) and sent_of[si][1] <= a:
            si += 1
        idx = sent_of[si][2] if si < len(sent_of) and sent_of[si][0] <= a < sent_of[si][1] \
            else None
        while ni < len(by_start) and by_start[ni]["start"] <= a:
            active.append(by_start[ni])
            ni += 1
        active = [x for x in active if x["end"] > a]
        cover = [x for x in active if x["start"] <= a and x["end"] >= b]
        piece = Piece(text[a:b], sorted({x["kind"] for x in cover}, key=KINDS.index),
                      [x["id"] for x in cover])
        if out and out[-1].idx == idx:
            last = out[-1].pieces[-1]
            if not piece.ids and not last.ids:
                last.text += piece.text
                continue
            out[-1].pieces.append(piece)
        else:
            out.append(SentenceRun(idx, [piece]))
    return out
