"""Score text reuse against the dossier gold's ``text_reuse`` items.

A gold item ``{from, to, passage}`` is *found* when a stored passage between the two
articles' documents covers the gold passage (compared as normalised words, so quotes and
typography do not matter; at least 90% of its words aligned); its *direction is correct*
when that passage's earlier document is the ``from`` article. ``passages`` counts every
stored passage; ``extra`` those that cover no gold item (not necessarily wrong: the gold
lists the passages the analyst noted, not every shared sentence)."""

from __future__ import annotations

import difflib
from typing import Any

from foreigndesk.analyze.reuse import Tokeniser
from foreigndesk.store import Store
from foreigndesk.store.reuse_rows import reuse_rows

COVER = 0.9


def covers(tok: Tokeniser, text: str, passage: str) -> bool:
    """True when ``text`` contains ``passage`` (normalised words, >= 90% aligned)."""
    want, have = tok.ids(passage), tok.ids(text)
    if not want:
        return False
    sm = difflib.SequenceMatcher(None, have, want, autojunk=False)
    matched = sum(m.size for m in sm.get_matching_blocks())
    return matched / len(want) >= COVER


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    items = gold.get("text_reuse", []) or []
    rows = reuse_rows(store, stored_order=True)
    tok = Tokeniser()
    found = direction_ok = 0
    used: set[int] = set()
    details: list[str] = []
    for g in items:
        a, b = docs.get(g["from"]), docs.get(g["to"])
        hits = [r for r in rows if a and b and {r["earlier_doc"], r["later_doc"]} == {a, b}
                and (covers(tok, r["later_text"] or "", g["passage"])
                     or covers(tok, r["earlier_text"] or "", g["passage"]))]
        if not hits:
            why = "articles not matched to documents" if not (a and b) else "not found"
            details.append(f"missed ({why}): {g['from']} -> {g['to']}: {g['passage']!r}")
            continue
        found += 1
        used.update(r["id"] for r in hits)
        if any(r["earlier_doc"] == a for r in hits):
            direction_ok += 1
        else:
            r = hits[0]
            details.append(f"wrong direction ({r['direction_rule']}): {g['from']} -> {g['to']}: "
                           f"{g['passage']!r}")
    extra = [r for r in rows if r["id"] not in used]
    for r in extra:
        details.append(f"extra ({r['direction_rule']}): {r['later_text'][:100]!r}")
    n = len(items)
    return {"gold": n, "found": found, "direction_correct": direction_ok,
            "recall": found / n if n else 0.0, "passages": len(rows), "extra": len(extra),
            "details": details}
