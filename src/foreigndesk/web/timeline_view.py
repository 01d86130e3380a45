"""The timeline page's items: coded events and dated statements placed on a time axis, each
linking to its sentence in the reader (``/documents/{id}#s{sentence}``)."""

from __future__ import annotations

from typing import Any

from foreigndesk.analyze.timeline import timeline
from foreigndesk.store import Store
from foreigndesk.timevalue import year_span
from foreigndesk.web import queries
from foreigndesk.web.filters import Filters

span = year_span  # a value as (start, end) in fractional years


def _href(doc_id: str, sentence: int | None) -> str:
    return f"/documents/{doc_id}" + (f"#s{int(sentence)}" if sentence is not None else "")


def _event_matches(e: dict[str, Any], f: Filters) -> bool:
    if f.codes and not any((e.get("code") or "").startswith(c) for c in f.codes):
        return False
    if f.dyad:
        a, b = f.dyad
        src, tgt = (e.get("source_code") or "")[:3], (e.get("target_code") or "")[:3]
        if (src, tgt) != (a, b) and not (f.undirected and (src, tgt) == (b, a)):
            return False
    return True


def items(store: Store, f: Filters) -> list[dict[str, Any]]:
    """Events (news events with a date, cited by their first report; GDELT rows by their URL)
    and dated statements (:func:`foreigndesk.analyze.timeline.timeline`). With a dyad or code
    filter, a dated statement is kept only when its sentence holds a matching event."""
    out: list[dict[str, Any]] = []
    for e in queries.events(store, f):
        sp = span(e.get("date"))
        if sp is None:
            continue
        cite = (e.get("citations") or [None])[0]
        out.append({
            "kind": "event", "t0": sp[0], "t1": sp[1], "date": e["date"],
            "label": f"{e['source'] or '?'} → {e['target'] or '?'}: {e['name'] or e['code']}",
            "code": e["code"], "quad": e.get("quad_class") or 0, "goldstein": e.get("goldstein"),
            "modality": e.get("modality"), "origin": e["origin"],
            "href": _href(cite["doc_id"], cite["sentence_index"]) if cite else None,
            "url": None if cite else e.get("url"),
            "sentence": (cite or {}).get("sentence") or "",
            "cite": e.get("cited") or "", "mentions": e.get("mentions"),
        })
    if f.origin != "gdelt":
        for r in timeline(store, f.actors, f.since, f.until):
            if (f.dyad or f.codes) and not any(_event_matches(e, f) for e in r["events"]):
                continue
            sp = span(r["date"])
            if sp is None:
                continue
            out.append({
                "kind": "time", "t0": sp[0], "t1": sp[1], "date": r["date"],
                "label": r["expression"], "code": None, "quad": 0, "goldstein": None,
                "modality": None, "origin": "news",
                "href": _href(r["doc_id"], r["sentence_index"]), "url": None,
                "sentence": r["sentence"],
                "cite": f"{r['outlet'] or r['title'] or r['doc_id']}, {r['published'] or 'undated'}",
                "mentions": None, "actors": r["actors"],
            })
    out.sort(key=lambda x: (x["t0"], x["kind"] != "event"))
    for i, x in enumerate(out):
        x["id"] = i
    return out
