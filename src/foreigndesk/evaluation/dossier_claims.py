"""Score claims against the dossier gold's ``claims`` items.

A gold claim ``{article, speaker, cue, content, [kind], [date], [echoes]}`` is *found* when a
stored claim of the article's document covers its content (at least 60% of the gold
content's words, compared normalised); it has the *right speaker* when one such claim's
speaker satisfies the gold speaker:

- a code ("CHNGOV", "CUB"): the claim's speaker code (or its actor's country and sector)
  satisfies it as in the entity scorer (a bare country accepts any sector);
- a name ("Zhao Lijian", "Díaz-Canel"): a word of the name (accents folded) is a word of the
  claim's speaker text or of its actor's name;
- a list of codes and names: any one of them.

``recall`` is the share of gold claims found with the right speaker (the bar is 0.80).
Gold items with ``echoes`` are also checked as echoes: a matching claim with the right
speaker, stance ``repeats`` and an echoed actor that satisfies the ``echoes`` code (the
actor's own code, or the code its mention carries in the claim's sentence).
``cue``, ``kind`` (direct/indirect; or ``form: direct`` where ``kind`` says statement /
belief / intention) and ``date`` agreement are reported beside.
"""

from __future__ import annotations

import re
from typing import Any

from foreigndesk.evaluation.dossier_entities import code_matches
from foreigndesk.evaluation.textmatch import norm
from foreigndesk.store import Store
from foreigndesk.store.claim_rows import actor_codes_in_sentence, claims_with_speaker_actor

COVER = 0.6
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")
_STOP = {"the", "of", "de", "del", "la", "y", "and", "mr", "ms", "dr", "president", "gen"}


def words(text: str | None) -> set[str]:
    return set(norm(text or "").split())


def covered(gold: str, content: str) -> float:
    want = words(gold)
    return len(want & words(content)) / len(want) if want else 0.0


def speaker_ok(gold: str | list[str], claim: dict[str, Any]) -> bool:
    """The claim's speaker satisfies the gold speaker (a code, a name, or a list of either)."""
    if isinstance(gold, list):
        return any(speaker_ok(str(g), claim) for g in gold)
    if _CODE.match(gold):
        codes = [(c[:3] or None, c[3:6] or None) for c in (claim.get("speaker_code") or "",) if c]
        codes.append((claim.get("actor_country"), claim.get("actor_sector")))
        if gold == "IGO":
            return any(s == "IGO" or c == "IGO" for c, s in codes)
        return any(code_matches(gold, c, s) for c, s in codes)
    want = {w for w in norm(gold).split() if w not in _STOP}
    have = words(claim.get("speaker_text")) | words(claim.get("actor_name"))
    return bool(want & have)


def quote_form(g: dict[str, Any]) -> str | None:
    """direct / indirect when the gold item says so (``form``, or ``kind`` in the dossier)."""
    form = g.get("form") or g.get("kind")
    return form if form in ("direct", "indirect") else None


def _cue_stem(cue: str | None) -> str:
    first = (cue or "").lower().split()[:1]
    return first[0][:4] if first else ""


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    items = gold.get("claims", []) or []
    rows = claims_with_speaker_actor(store)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    found = right = cue_ok = kind_ok = kinds = date_ok = dates = 0
    echo_items = echo_found = 0
    details: list[str] = []
    for g in items:
        doc_id = docs.get(g["article"])
        pool = by_doc.get(doc_id, []) if doc_id else rows
        label = f"{g['article']}: {g['speaker']} {g.get('cue', '')} {g['content'][:60]!r}"
        hits = [c for c in pool if covered(g["content"], c["content"]) >= COVER]
        want = g["speaker"] if isinstance(g["speaker"], list) else str(g["speaker"])
        good = [c for c in hits if speaker_ok(want, c)]
        if hits:
            found += 1
        if good:
            right += 1
            best = good[0]
            cue_ok += _cue_stem(best["cue"]) == _cue_stem(g.get("cue"))
            if quote_form(g):
                kinds += 1
                kind_ok += bool(best["direct"]) == (quote_form(g) == "direct")
            if g.get("date"):
                dates += 1
                date_ok += any(str(c["date"]) == str(g["date"]) for c in good)
        elif hits:
            details.append(f"wrong speaker: {label} -> "
                           + ", ".join(f"{c['speaker_text']}/{c['speaker_code']}" for c in hits[:3]))
        else:
            details.append(f"missed: {label}")
        if g.get("echoes"):
            echo_items += 1
            echoed = [c for c in good if c["stance"] == "repeats"
                      and _echo_ok(store, str(g["echoes"]), c)]
            if echoed:
                echo_found += 1
                details.append(f"echo found: {g['echoes']} -> {g['speaker']} {g['content'][:50]!r}")
            else:
                details.append(f"echo missed: {g['echoes']} -> {g['speaker']} {g['content'][:50]!r}")
    n = len(items)
    return {
        "gold": n, "found": found, "right_speaker": right,
        "recall": right / n if n else 0.0,
        "content_recall": found / n if n else 0.0,
        "cue_agreement": cue_ok / right if right else 0.0,
        "kind_agreement": kind_ok / kinds if kinds else 0.0,
        "date_agreement": date_ok / dates if dates else 0.0,
        "echoes": echo_items, "echoes_found": echo_found,
        "echo_recall": echo_found / echo_items if echo_items else 0.0,
        "claims": len(rows),
        "details": details,
    }


def _echo_ok(store: Store, want: str, claim: dict[str, Any]) -> bool:
    actor = claim.get("echoes_actor")
    if not actor:
        return False
    codes = actor_codes_in_sentence(store, actor, claim["doc_id"], claim["sentence"])
    if _CODE.match(actor):
        codes.append((actor[:3], actor[3:6] or None))
    return any(code_matches(want, c, s) for c, s in codes)
