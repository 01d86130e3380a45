"""Dossier gold: are the gold events on the timeline with the right date?

A gold event (optional ones excluded) is found when a timeline item (a dated expression, or a
coded event dated from its context or its document) of the same article has a sentence
containing the gold text and a date equal to the gold date at the gold's precision (so the
relative ones — "Friday", "on Sunday", "Last month", "on Wednesday" — must be resolved)."""

from __future__ import annotations

from typing import Any

from foreigndesk.analyze.timeline import timeline
from foreigndesk.evaluation.textmatch import contains, date_matches
from foreigndesk.store import Store


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    items = timeline(store)
    found = 0
    details = []
    wanted = [e for e in gold.get("events", []) if not e.get("optional")]
    for e in wanted:
        doc_id = docs.get(e["article"])
        hits = [i for i in items if i["doc_id"] == doc_id and contains(i["sentence"], e["text"])]
        if any(date_matches(i["date"], e["date"]) for i in hits):
            found += 1
        else:
            got = sorted({i["date"] for i in hits})
            details.append(f"{e['article']}: {e['date']} {e['text'][:60]!r} -> dates {got}")
    return {"gold_events": len(wanted), "dated_right": found,
            "recall": found / len(wanted) if wanted else 0.0, "items": len(items),
            "details": details}
