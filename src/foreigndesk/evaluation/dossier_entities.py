"""Score actor resolution against the gold ``entities`` section of a dossier.

The gold maps a CAMEO-style code to surface forms that must resolve to it::

    CHNGOV: [Beijing, Communist China, Xi Jinping, ...]   # country CHN and sector GOV
    SUN: [Soviet Union, Soviets]                          # a country alone: any sector
    IGO: [United Nations, G20, ...]                       # sector IGO
    places: {...}                                         # scored by dossier_places, not here

For every surface form, each of its occurrences in the dossier's documents is looked up in
the stored mentions: the mention overlapping it most (the name inside "Russian President
Vladimir Putin", the whole "Castro regime") must satisfy the gold code. A form all in lower
case ("protestors") is found in any case; other forms as written. A form that does not occur
in the text (the gold names "G20" where the text says "Group of 20") is looked up by name:
the mentions of the actors that have it as a name or alias count instead. A form counts as
resolved when at least half of its occurrences resolve right; a form never found, or found
with no mention on it, is a miss.

``share`` is the share of surface forms resolved (the issue's bar is 0.90);
``mention_share`` the same over every occurrence.
"""

from __future__ import annotations

import json
import re
from typing import Any

from foreigndesk.store import Store
from foreigndesk.store.actor_rows import actor_names_and_aliases, mention_spans
from foreigndesk.store.document_rows import document_ids


def code_matches(code: str, country: str | None, sector: str | None) -> bool:
    """Does a mention's country/sector satisfy a gold code ("CHNGOV", "SUN", "IGO")?"""
    code = code.upper()
    if code == "IGO":
        return sector == "IGO"
    if len(code) == 3:
        return country == code
    return country == code[:3] and sector == code[3:6]


def _occurrences(form: str, text: str) -> list[tuple[int, int]]:
    flags = re.IGNORECASE if form == form.lower() else 0
    pattern = r"(?<!\w)" + re.escape(form) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]


def _best_mention(mentions: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    best, best_key = None, None
    for m in mentions:
        overlap = min(end, m["end"]) - max(start, m["start"])
        if overlap <= 0:
            continue
        # most overlap; then the mention holding the form's last word (its head)
        key = (overlap, m["start"] < end <= m["end"] + 1, -(m["end"] - m["start"]))
        if best_key is None or key > best_key:
            best, best_key = m, key
    return best


def _alias_actor_ids(store: Store, form: str) -> set[str]:
    ids = set()
    for row in actor_names_and_aliases(store):
        names = {row["name"]} | set(json.loads(row["aliases"] or "[]"))
        if form in names:
            ids.add(row["id"])
    try:  # the actor dictionary's own aliases ("APEC" for Asia-Pacific Economic Cooperation)
        from foreigndesk.extract.actor_data import load_index

        ids |= {e.actor_id for e in load_index().lookup(form) if e.role == "name"}
    except ImportError:  # pragma: no cover
        pass
    return ids


def score(store: Store, gold: dict[str, Any], docs: dict[str, str]) -> dict[str, Any]:
    entities = gold.get("entities") or {}
    doc_ids = sorted(set(docs.values())) or document_ids(store)
    texts = {d: (store.document(d) or {}).get("text", "") for d in doc_ids}
    by_doc: dict[str, list[dict[str, Any]]] = {d: [] for d in doc_ids}
    for row in mention_spans(store, doc_ids):
        by_doc[row["doc_id"]].append(row)
    forms = resolved = occ_total = occ_right = 0
    details: list[str] = []
    for code, surfaces in entities.items():
        if code == "places" or not isinstance(surfaces, list):
            continue
        for form in surfaces:
            form = str(form)
            forms += 1
            right = total = 0
            wrong: list[str] = []
            for d in doc_ids:
                for start, end in _occurrences(form, texts[d]):
                    total += 1
                    m = _best_mention(by_doc[d], start, end)
                    if m is not None and code_matches(code, m["country"], m["sector"]):
                        right += 1
                    else:
                        got = "no mention" if m is None else \
                            f"{m['text']!r} -> {m['actor_id']} {(m['country'] or '')}{(m['sector'] or '')}"
                        wrong.append(got)
            how = "text"
            if total == 0:  # not in the text as written: the actor's other names
                how = "alias"
                ids = _alias_actor_ids(store, form)
                for d in doc_ids:
                    for m in by_doc[d]:
                        if m["actor_id"] in ids:
                            total += 1
                            if code_matches(code, m["country"], m["sector"]):
                                right += 1
                            else:
                                wrong.append(f"{m['text']!r} -> {m['actor_id']} "
                                             f"{(m['country'] or '')}{(m['sector'] or '')}")
            occ_total += total
            occ_right += right
            ok = total > 0 and right * 2 >= total
            resolved += ok
            if not ok:
                why = "not found" if total == 0 else f"{right}/{total} right; " + "; ".join(sorted(set(wrong))[:3])
                details.append(f"{code} {form!r} ({how}): {why}")
            elif wrong:
                details.append(f"(ok {right}/{total}) {code} {form!r}: " + "; ".join(sorted(set(wrong))[:3]))
    return {"forms": forms, "resolved": resolved, "share": resolved / forms if forms else 0.0,
            "occurrences": occ_total, "occurrences_right": occ_right,
            "mention_share": occ_right / occ_total if occ_total else 0.0, "details": details}
