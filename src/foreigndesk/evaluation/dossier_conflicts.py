"""Score conflicting figures against the dossier gold's ``conflicts`` items.

A gold item with ``figures`` is *found* when :func:`foreigndesk.analyze.figures.conflicts`
reports a conflict whose two values are the gold figures (within 0.5%); its *sources are
correct* when each value's source contains the gold source of that figure (case
insensitive). Gold items about conflicting claims (``claims``, not figures) are counted in
``claim_items`` and not scored here."""

from __future__ import annotations

from typing import Any

from foreigndesk.analyze.figures import conflicts
from foreigndesk.store import Store


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(float(a) - b) <= 0.005 * abs(b)


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    items = [g for g in gold.get("conflicts", []) or [] if g.get("figures")]
    found_conf = conflicts(store)
    found = sources_ok = 0
    details: list[str] = []
    for g in items:
        x, y = (float(v) for v in g["figures"][:2])
        src = [str(s).casefold() for s in g.get("sources", [])]
        hit = None
        for c in found_conf:
            if _close(c["value_a"], x) and _close(c["value_b"], y):
                hit = (c, c["source_a"], c["source_b"])
            elif _close(c["value_a"], y) and _close(c["value_b"], x):
                hit = (c, c["source_b"], c["source_a"])
            if hit:
                break
        if hit is None:
            details.append(f"missed: {g['measure']}: {g['figures']}")
            continue
        found += 1
        c, sx, sy = hit
        if len(src) < 2 or (src[0] in (sx or "").casefold() and src[1] in (sy or "").casefold()):
            sources_ok += 1
        else:
            details.append(f"sources: {g['measure']}: want {g['sources']}, got {[sx, sy]}")
        details.append(f"found: {c['measure']}: {c['value_a']:g} ({c['source_a']}) vs "
                       f"{c['value_b']:g} ({c['source_b']}), ratio {c['ratio']}")
    n = len(items)
    return {"gold": n, "found": found, "sources_correct": sources_ok,
            "recall": found / n if n else 0.0, "conflicts": len(found_conf),
            "claim_items": len(gold.get("conflicts", []) or []) - n, "details": details}
