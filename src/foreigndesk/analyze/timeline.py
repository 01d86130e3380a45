"""The timeline: dated items ordered by the date of what happened, not of the article.

An item is a dated time expression (TIMEX type DATE) with the sentence that holds it, the
actors and events of that sentence, and the document it cites (outlet, date, URL)."""

from __future__ import annotations

from typing import Any

from foreigndesk.store import Store
from foreigndesk.store.timeline_rows import dated_items, sentence_actor_names, sentence_events
from foreigndesk.timevalue import overlaps, sort_key

_DATED = ("day", "week", "month", "quarter", "half", "season", "year", "decade", "century")


def timeline(store: Store, actors: list[str] | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """Dated items, earliest happening first. Two kinds (``kind``):

    - ``time``: a dated time expression and its sentence;
    - ``event``: an asserted (or reported) coded event whose sentence holds no dated
      expression (its date came from a neighbouring clause or from the document's
      publication date; ``date_source`` says which), so that every dated event that happened
      is on the timeline; negated, hypothetical and future events are not.
    """
    rows = dated_items(store, _DATED, actors or ())
    rows = _one_per_sentence_date(rows)
    if since or until:
        rows = [r for r in rows if overlaps(r["date"], since, until)]
    if rows:
        _attach(store, rows)
    rows.sort(key=lambda r: (sort_key(r["date"]), r["published"] or "", r["doc_id"],
                             r["sentence_index"], r["start"]))
    return rows


def _one_per_sentence_date(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Several events of one sentence with the same date make one item."""
    seen: set[tuple[str, str, int, str]] = set()
    out = []
    for r in rows:
        key = (r["kind"], r["doc_id"], r["sentence_index"], r["date"])
        if r["kind"] == "event" and key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def _attach(store: Store, rows: list[dict[str, Any]]) -> None:
    """Add the actors and events of each item's sentence."""
    docs = sorted({r["doc_id"] for r in rows})
    actors = sentence_actor_names(store, docs)
    events = sentence_events(store, docs)
    for r in rows:
        key = (r["doc_id"], r["sentence_index"])
        r["actors"] = actors.get(key, [])
        r["events"] = events.get(key, [])
        r["anchored"] = bool(r["anchored"])
