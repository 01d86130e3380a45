"""Dossier gold: coded events (who did what to whom, when).

A gold event names its article, a text snippet, the source and target actor codes, the
accepted CAMEO root codes and a date (see the gold file's conventions). Its sentences are the
stored sentences of that article holding the snippet. A coded event (an event mention in the
store) matches it when it lies in one of those sentences and

- its root code is one of the accepted ones;
- its source and target match the gold's by the gold's rule: a country-and-sector code
  ("CHNGOV") needs that country and sector, a bare country ("CHN") accepts any sector of it,
  "IGO" needs an intergovernmental actor;
- its date equals the gold date at the gold's precision ("2022-11" accepts 2022-11-25;
  "198X" any year of the 1980s).

Only events coded as having happened count (modality asserted or reported): the gold lists
what happened, and so does the relations index by default; negated, hypothetical and future
events are left out (their number is reported).

Recall is over the gold events (optional ones excluded). The gold is not exhaustive, so
precision is counted over the sentences the gold annotates: every event coded in them is a
prediction, right when it matches a gold event of its sentence (an event with one side only
is right when its root, date and known side match: incomplete, not wrong; it never counts
toward recall). An event coded in both
directions from one trigger (a mutual act: "A and B signed", "relations between A and B")
is one prediction.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from foreigndesk.evaluation.textmatch import contains, date_matches
from foreigndesk.store import Store

COUNTED = ("asserted", "reported")
SECTORS = ("GOV", "MIL", "MED", "BUS", "NGO", "OPP", "CVL", "EDU", "LEG", "IGO", "COP", "JUD",
           "REB", "SPY")


def actor_matches(got: str | None, gold: Any) -> bool:
    """``got`` (a CAMEO actor code) satisfies the gold code by the gold's rule."""
    if not got or gold is None:
        return False
    want = str(gold).upper()
    got = got.upper()
    if want == "IGO":
        return got.startswith("IGO") or got.endswith("IGO") or "IGO" in got[:6]
    if len(want) == 3:  # a bare country (or state) accepts any sector
        return got[:3] == want
    return got[:3] == want[:3] and got[3:6] == want[3:6]


def event_matches(pred: dict[str, Any], gold: dict[str, Any], partial: bool = False) -> bool:
    """Does a coded event match a gold event? With ``partial``, an event with one side only
    (the other unknown) matches when its root, its known side and its date do: it is
    incomplete, not wrong (it counts toward precision, never toward recall)."""
    roots = {str(c).zfill(2) for c in gold.get("cameo", [])}
    if not (pred["root"] in roots and date_matches(pred["date"], gold.get("date"))):
        return False
    src, tgt = pred["source_code"], pred["target_code"]
    if partial and (not src or not tgt):
        return (not src or actor_matches(src, gold.get("source"))) and (
            not tgt or actor_matches(tgt, gold.get("target"))) and bool(src or tgt)
    return actor_matches(src, gold.get("source")) and actor_matches(tgt, gold.get("target"))


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    gold_events = list(gold.get("events", []))
    wanted = [e for e in gold_events if not e.get("optional")]
    sentences: dict[str, list[dict[str, Any]]] = {}

    def sentences_of(doc_id: str) -> list[dict[str, Any]]:
        if doc_id not in sentences:
            sentences[doc_id] = store.sentences_of(doc_id)
        return sentences[doc_id]

    # gold event -> the (doc, sentence) keys holding its text
    where: list[list[tuple[str, int]]] = []
    for e in gold_events:
        doc_id = docs.get(e.get("article", ""))
        keys = []
        if doc_id:
            keys = [(doc_id, s["idx"]) for s in sentences_of(doc_id)
                    if contains(s["text"], str(e.get("text", "")))]
        where.append(keys)
    annotated = {k for keys in where for k in keys}
    gold_at: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for e, keys in zip(gold_events, where, strict=True):
        for k in keys:
            gold_at[k].append(e)

    preds: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    left_out = 0
    doc_ids = sorted({k[0] for k in annotated})
    if doc_ids:
        for r in store.event_mentions_of(doc_ids):
            key = (r["doc_id"], r["sentence"])
            if key not in annotated:
                continue
            if r["modality"] not in COUNTED:
                left_out += 1
                continue
            preds[key].append(r)

    found = 0
    details: list[str] = []
    for e, keys in zip(gold_events, where, strict=True):
        if e.get("optional"):
            continue
        hit = any(event_matches(p, e) for k in keys for p in preds.get(k, ()))
        found += hit
        if not hit:
            got = sorted({f"{p['source_code']}>{p['code']}>{p['target_code']}@{p['date']}"
                          for k in keys for p in preds.get(k, ())})
            where_note = "" if keys else " (sentence not found)"
            details.append(f"missed {e.get('article')}: {e.get('source')}>{e.get('cameo')}>"
                           f"{e.get('target')}@{e.get('date')} {str(e.get('text'))[:50]!r}"
                           f"{where_note} -> {got}")

    units = right = 0
    for key, plist in preds.items():
        groups: dict[tuple[str, str, frozenset[str]], list[dict[str, Any]]] = defaultdict(list)
        for p in plist:
            dyad = frozenset((p["source_code"] or "", p["target_code"] or ""))
            groups[(p["trigger"] or "", p["root"], dyad)].append(p)
        for (trig, _root, _dyad), members in groups.items():
            units += 1
            ok = any(event_matches(p, g, partial=True) for p in members for g in gold_at[key])
            right += ok
            if not ok:
                p = members[0]
                details.append(f"extra {key[0][:8]}#{key[1]}: {p['source_code']}>{p['code']}>"
                               f"{p['target_code']}@{p['date']} ({trig})")
    precision = right / units if units else 0.0
    recall = found / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold_events": len(wanted), "found": found, "predicted": units, "correct": right,
            "precision": precision, "recall": recall, "f1": f1, "not_asserted": left_out,
            "details": details}
