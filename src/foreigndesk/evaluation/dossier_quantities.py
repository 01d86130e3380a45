"""Score quantities against the dossier gold's ``quantities`` items.

A gold figure ``{article, text, kind, value, [unit], [equals], [subject], [source]}`` is
*parsed* when a stored quantity overlapping an occurrence of its text in the article's
document has the gold kind, the gold value (a number, or ``{yes, no, abstain}`` for votes,
to 0.1%) and the gold unit when one is given. ``share`` is parsed / gold (the bar is 1.0).

Beside it: ``usd_agreement`` — for gold items with ``equals`` (a figure the text gives as
the same amount in dollars, "700 million yuan, equal to 100 million dollars"), whether the
stored US-dollar value is within 5% of it; ``measure_overlap`` — the mean share of the gold
``subject`` words found in the stored ``measure``; ``source_agreement`` — the stored
``stated_by`` names the gold ``source``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from foreigndesk.evaluation.textmatch import norm
from foreigndesk.store import Store
from foreigndesk.store.document_rows import document_texts
from foreigndesk.store.quantity_rows import quantities_of

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
TOLERANCE = 1e-3
USD_TOLERANCE = 0.05


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= TOLERANCE * max(1.0, abs(b))


def value_ok(q: dict[str, Any], g: dict[str, Any]) -> bool:
    want = g["value"]
    if isinstance(want, dict):
        got: dict[str, float] = json.loads(q["values"]) if q.get("values") else {}
        return bool(got) and all(_close(got.get(_vote_key(k)), float(v)) for k, v in want.items())
    return _close(q["value"], float(want))


def _vote_key(k: object) -> str:
    """YAML 1.1 reads the keys yes/no of a tally as booleans."""
    if k is True:
        return "yes"
    if k is False:
        return "no"
    return str(k)


def matches(q: dict[str, Any], g: dict[str, Any]) -> bool:
    if q["kind"] != g["kind"]:
        return False
    if not value_ok(q, g):
        return False
    return not g.get("unit") or q["unit"] == g["unit"]


def _amount(text: str) -> float | None:
    """The value of a plain amount like "100 million dollars" (for ``equals``)."""
    m = re.search(r"([\d.,]+)\s*(thousand|million|billion|trillion)?", text, re.IGNORECASE)
    if not m:
        return None
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}.get((m.group(2) or "").lower(), 1)
    return float(m.group(1).replace(",", "")) * scale


def _occurrences(text: str, snippet: str) -> list[tuple[int, int]]:
    """Where ``snippet`` occurs in ``text`` (case and quote styles folded, offsets kept)."""
    out = []
    low, want = text.translate(_FOLD).lower(), snippet.translate(_FOLD).lower()
    k = low.find(want)
    while k >= 0:
        out.append((k, k + len(want)))
        k = low.find(want, k + 1)
    return out


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    items = gold.get("quantities", []) or []
    ok = usd_ok = usd_n = src_ok = src_n = 0
    overlaps: list[float] = []
    details: list[str] = []
    texts = {d["id"]: d["text"] for d in document_texts(store)}
    for g in items:
        doc_id = docs.get(g["article"])
        pool = [doc_id] if doc_id else list(texts)
        cands: list[dict[str, Any]] = []
        for d in pool:
            spans = _occurrences(texts.get(d, ""), g["text"])
            if not spans:
                continue
            rows = quantities_of(store, d)
            cands += [q for q in rows if any(q["start"] < e and s < q["end"] for s, e in spans)]
        hit = [q for q in cands if matches(q, g)]
        label = f"{g['article']}: {g['text']!r} {g['kind']} {g['value']}"
        if hit:
            ok += 1
        elif cands:
            details.append(f"wrong: {label} -> " + "; ".join(
                f"{q['kind']} {q['values'] or q['value']} {q['unit']}" for q in cands[:3]))
        else:
            details.append(f"missed: {label}")
        best = hit[0] if hit else None
        if g.get("equals"):
            usd_n += 1
            want = _amount(str(g["equals"]))
            good = best is not None and want is not None and best["usd"] is not None \
                and abs(best["usd"] - want) <= USD_TOLERANCE * want
            usd_ok += good
            if not good:
                details.append(f"usd: {label}: want about {want}, got {best['usd'] if best else None}")
        if g.get("subject") and best is not None:
            want_w = set(norm(str(g["subject"])).split())
            have = set(norm(best["measure"] or "").split())
            overlaps.append(len(want_w & have) / len(want_w) if want_w else 0.0)
        if g.get("source"):
            src_n += 1
            good = best is not None and norm(str(g["source"])) in norm(best["stated_by"] or "")
            src_ok += good
            if not good:
                details.append(f"source: {label}: want {g['source']!r}, got {best['stated_by'] if best else None!r}")
    n = len(items)
    return {
        "gold": n, "parsed": ok, "share": ok / n if n else 0.0,
        "usd_agreement": usd_ok / usd_n if usd_n else 0.0,
        "measure_overlap": sum(overlaps) / len(overlaps) if overlaps else 0.0,
        "source_agreement": src_ok / src_n if src_n else 0.0,
        "details": details,
    }
