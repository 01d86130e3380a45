"""Evaluate every watch over the store and write one alert per new piece of evidence.

An alert's *fingerprint* names its evidence; the store keeps one alert per (watch,
fingerprint), so evaluating again (the next cycle, another ``alerts check``) raises nothing
that was raised before:

- shift: the dyad, the period and the direction (``CHN-CUB|2023-03|down``): a period that
  departs raises one alert, however many more events later land in it;
- event: the event (one alert per new real-world event, citing every sentence that
  reports it);
- echo: the outlet that repeats the claim (the claim's first outlet raises nothing; each
  further outlet raises one alert);
- figures: the two figures that conflict (document, sentence, value of each).

Every alert cites the sentences it rests on (document id and sentence index, with the
sentence's text, outlet, date and URL).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from foreigndesk.alerts.definitions import Watch
from foreigndesk.alerts.shift import SD_FLOOR, series_values, shift_test
from foreigndesk.store import Store
from foreigndesk.store import alerts as db
from foreigndesk.store.transaction import write_transaction

MAX_CITATIONS = 50  # sentences cited by one alert (the evidence of a busy month is capped)


def _cite(r: dict[str, Any], text_key: str = "text") -> dict[str, Any]:
    return {"doc_id": r["doc_id"], "sentence": r["sentence"], "text": r.get(text_key),
            "outlet": r.get("outlet"), "published": r.get("published"), "url": r.get("url"),
            "title": r.get("title")}


def _cite_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One citation per sentence (in order of first appearance), with the events it reports
    (CAMEO code, Goldstein score, the words coded)."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for r in rows:
        c = out.get((r["doc_id"], r["sentence"]))
        if c is None:
            c = out[(r["doc_id"], r["sentence"])] = _cite(r, "sentence_text") | {"events": []}
        ev = {"code": r["code"], "goldstein": r["goldstein"], "date": r["date"],
              "words": r["mention_text"]}
        if ev not in c["events"]:
            c["events"].append(ev)
    return list(out.values())[:MAX_CITATIONS]


def _period_bounds(period: str, by: str) -> tuple[str, str]:
    """ISO prefixes (since, until) of a period: 2023-03 -> (2023-03, 2023-03)."""
    if by == "quarter":
        y, q = period[:4], int(period[6])
        return f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}"
    return period, period


# -- the four kinds ------------------------------------------------------------------------

def _shift(store: Store, w: Watch) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    from foreigndesk.analyze.relations import COUNTED, STATE_SECTORS, relations

    s = w.spec
    a, b = s["dyad"].split("-")
    series = relations(store, a, b, source=s["source"], by=s["by"], undirected=s["undirected"],
                       measure=s.get("measure"), min_n=s["min_events"])
    floor = s["sd_floor"] if s.get("sd_floor") is not None else SD_FLOOR.get(series.measure, 0.0)
    result = shift_test(series_values(series.rows, series.measure, series.count_key), s["by"],
                        window=s["window"], threshold=s["threshold"],
                        min_events=s["min_events"], min_baseline=s["min_baseline"],
                        sd_floor=floor)
    if result is None or not result.fired:
        return []
    since, until = _period_bounds(result.period, s["by"])
    cites: list[dict[str, Any]] = []
    if s["source"] == "news":
        pairs = [(a, b), (b, a)] if s["undirected"] and a != b else [(a, b)]
        rows = db.cited_events(store, pairs, COUNTED, STATE_SECTORS, since=since, until=until,
                               by_country=True)
        cites = _cite_events(rows)
    word = "rose" if result.z > 0 else "fell"
    title = (f"{s['dyad']}: {series.measure} {word} to {result.value:.3g} in {result.period} "
             f"(baseline {result.baseline_mean:.3g} ± {result.baseline_sd:.3g} over "
             f"{len(result.baseline_periods)} periods; z = {result.z:+.2f})")
    detail = {"method": "z-score of the latest period against the window before it "
                        "(sd floored; thin periods left out)",
              "measure": series.measure, "source": s["source"], "sd_floor": floor,
              **result.to_dict()}
    return [(f"{s['dyad']}|{result.period}|{result.direction}", title, detail, cites)]


def _event(store: Store, w: Watch) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    from foreigndesk.model import HAPPENED

    s = w.spec
    pairs = [(s["source"], s["target"])]
    if s["undirected"]:
        pairs.append((s["target"], s["source"]))
    rows = db.cited_events(store, pairs, HAPPENED, roots=s["roots"] or None)
    by_event: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_event.setdefault(r["event_id"], []).append(r)
    out = []
    for eid, mentions in by_event.items():
        r = mentions[0]
        title = (f"{r['source_code']} -> {r['target_code']}: CAMEO {r['code']} "
                 f"({r['trigger'] or 'event'}) on {r['date'] or 'an unknown date'}")
        detail = {"event_id": eid, "code": r["code"], "root": r["root"],
                  "quad_class": r["quad_class"], "goldstein": r["goldstein"], "date": r["date"],
                  "source": r["source_code"], "target": r["target_code"],
                  "reports": len(mentions)}
        out.append((f"event:{eid}", title, detail,
                    _cite_events(mentions)))
    return out


def outlet_of(r: dict[str, Any]) -> str:
    """Who published a document: its outlet, else its URL's host, else its id."""
    if r.get("outlet"):
        return " ".join(str(r["outlet"]).split())
    host = urlsplit(r.get("url") or "").hostname
    return host or f"document {r['doc_id']}"


def _echo_groups(store: Store, w: Watch) -> list[tuple[str, list[dict[str, Any]]]]:
    """(group key, cited claims in order of appearance) the watch follows."""
    from foreigndesk.analyze.clusters import (
        appearance_key,
        cited_claims,
        features,
        lexical,
    )
    from foreigndesk.store.claim_rows import claim_contents, cluster_members
    from foreigndesk.store.filters import ClaimFilter

    s = w.spec
    members = cluster_members(store)
    cluster_of = {m["claim_id"]: m["cluster_id"] for m in members}
    if s.get("claim"):
        want = features(s["claim"])
        words = {f for f in want if "_" not in f}
        ids = set()
        for r in claim_contents(store):
            f = features(r["content"])
            shared = words & {x for x in f if "_" not in x}
            if len(shared) >= min(2, len(words)) and lexical(want, f) >= s["min_similarity"]:
                ids.add(r["id"])
        clusters = {cluster_of[i] for i in ids if i in cluster_of}
        ids |= {c for c, k in cluster_of.items() if k in clusters}
        groups = {"claim": sorted(ids)}
    elif s.get("cluster") is not None:
        groups = {str(s["cluster"]): sorted(c for c, k in cluster_of.items()
                                            if k == s["cluster"])}
    else:
        grouped: dict[str, list[int]] = {}
        for c, k in cluster_of.items():
            grouped.setdefault(str(k), []).append(c)
        groups = grouped
    out = []
    for key, ids_ in groups.items():
        if not ids_:
            continue
        rows = cited_claims(store, ClaimFilter(ids=ids_), order_fields=True)
        rows.sort(key=appearance_key)
        out.append((key, rows))
    return out


def _echo(store: Store, w: Watch) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    out = []
    for key, rows in _echo_groups(store, w):
        outlets: dict[str, dict[str, Any]] = {}
        for r in rows:
            outlets.setdefault(outlet_of(r), r)
        if len(outlets) < 2:
            continue
        names = list(outlets)
        first = outlets[names[0]]
        for name in names[1:]:
            r = outlets[name]
            title = (f"{name} repeats a claim first carried by {names[0]}: "
                     f"“{r['content'][:160]}”")
            detail = {"outlet": name, "first_outlet": names[0], "claim_id": r["claim_id"],
                      "first_claim_id": first["claim_id"], "content": r["content"],
                      "first_content": first["content"], "speaker": r["speaker"],
                      "outlets": names, "group": key}
            cites = [_cite({**x, "sentence": x["sentence_index"], "text": x["sentence"]})
                     for x in (r, first)]
            group = "claim" if w.spec.get("claim") else key
            out.append((f"echo:{group}:{name.lower()}", title, detail, cites))
    return out


def _figures(store: Store, w: Watch) -> list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    from foreigndesk.analyze.figures import conflicts

    words = w.spec["topic"].lower().split()
    out = []
    for c in conflicts(store):
        cites = []
        for side in ("a", "b"):
            sent = db.quantity_citation(store, c[f"quantity_{side}"])
            if sent is not None:
                cites.append(_cite(sent))
        hay = " ".join([str(c.get(k) or "") for k in ("measure", "basis", "text_a", "text_b")]
                       + [str(x.get("text") or "") for x in cites]).lower()
        if not all(x in hay for x in words):
            continue
        where = [f"{x['doc_id']}:{x['sentence']}" for x in cites] or [c["doc_a"], c["doc_b"]]
        fp = f"figures:{where[0]}:{c['value_a']:g}|{where[-1]}:{c['value_b']:g}"
        title = (f"conflicting figures on {c['measure']}: {c['value_a']:,.6g} "
                 f"({c['source_a']}) against {c['value_b']:,.6g} ({c['source_b']})")
        detail = {k: c[k] for k in ("measure", "kind", "unit", "value_a", "value_b", "ratio",
                                    "basis", "source_a", "source_b")}
        out.append((fp, title, detail, cites))
    return out


EVALUATORS: dict[str, Callable[[Store, Watch],
                               list[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]]] = {
    "shift": _shift, "event": _event, "echo": _echo, "figures": _figures,
}


def check(store: Store, watches: list[Watch]) -> list[int]:
    """Evaluate ``watches`` (after refreshing the store-wide analyses when documents were
    added since) and store the alerts on new evidence; returns their ids, oldest first."""
    if store.analyses_stale:
        from foreigndesk.analyze.refresh import refresh

        refresh(store)
    new: list[int] = []
    for w in watches:
        found = EVALUATORS[w.kind](store, w)
        if not found:
            continue
        with write_transaction(store):
            for fp, title, detail, cites in found:
                aid = db.add_alert(store, w.key, w.kind, fp, title,
                                   {"watch": w.describe(), **detail}, cites)
                if aid is not None:
                    new.append(aid)
    return new
