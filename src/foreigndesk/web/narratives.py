"""Claims, echoes, text reuse and figures for the pages and the API, from the analyses
(:mod:`foreigndesk.analyze.clusters`, imported when first needed since it loads spaCy's
word lists; :mod:`foreigndesk.analyze.reuse` results,
``foreigndesk.analyze.figures`` when it is installed)."""

from __future__ import annotations

import difflib
import re
from typing import Any

from foreigndesk.store import Store, document_rows
from foreigndesk.store.filters import MAX_LIMIT, Page
from foreigndesk.web.warm import need

_TOKENS = re.compile(r"\s+|[^\s]+")


def clusters(store: Store) -> list[dict[str, Any]]:
    """Claim clusters in order of first appearance: {id, first, repeats, members}."""
    need("foreigndesk.analyze.clusters")
    from foreigndesk.analyze.clusters import cluster_rows

    out: list[dict[str, Any]] = []
    for r in cluster_rows(store):
        if not out or out[-1]["id"] != r["cluster"]:
            out.append({"id": r["cluster"], "members": []})
        out[-1]["members"].append(r)
    for c in out:
        c["first"] = c["members"][0]
        c["repeats"] = c["members"][1:]
        c["speakers"] = sorted({m.get("speaker") or m.get("speaker_text") or "?"
                                for m in c["members"]})
    return out


def claims(store: Store, speakers: list[str], about: str | None, stances: list[str],
           kinds: list[str]) -> list[dict[str, Any]]:
    """Cited claims filtered as ``foreigndesk claims`` filters them."""
    need("foreigndesk.analyze.clusters")
    from foreigndesk.analyze.clusters import filtered_claims

    return filtered_claims(store, speakers, about, stances, kinds)


def echoes(store: Store) -> list[dict[str, Any]]:
    need("foreigndesk.analyze.clusters")
    from foreigndesk.analyze.clusters import echo_rows

    return echo_rows(store)


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                         "\u00ab": '"', "\u00bb": '"'})


def _key(word: str) -> str:
    """A word as compared across the two passages: case and quote style do not count."""
    return word.translate(_QUOTES).lower()


def _shared(a: str, b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both passages as (text, shared) parts: words the other passage has in the same order
    are shared (difflib on word tokens)."""
    ta, tb = _TOKENS.findall(a), _TOKENS.findall(b)
    wa = [t for t in ta if not t.isspace()]
    wb = [t for t in tb if not t.isspace()]
    sm = difflib.SequenceMatcher(None, [_key(w) for w in wa], [_key(w) for w in wb],
                                 autojunk=False)
    same_a, same_b = [False] * len(wa), [False] * len(wb)
    for blk in sm.get_matching_blocks():
        for k in range(blk.size):
            same_a[blk.a + k] = True
            same_b[blk.b + k] = True

    def parts(tokens: list[str], same: list[bool]) -> list[tuple[str, bool]]:
        out: list[tuple[str, bool]] = []
        i = 0
        for t in tokens:
            flag = out[-1][1] if t.isspace() and out else same[i] if not t.isspace() else False
            if not t.isspace():
                i += 1
            if out and out[-1][1] == flag:
                out[-1] = (out[-1][0] + t, flag)
            else:
                out.append((t, flag))
        return out

    return parts(ta, same_a), parts(tb, same_b)


def reuse(store: Store, context: int = 140, limit: int | None = None) -> list[dict[str, Any]]:
    """Text-reuse passages, each side with context before and after and the passage cut into
    shared and differing parts."""
    out = []
    page = Page(min(limit, MAX_LIMIT)) if limit else None
    for r in document_rows.reuse_pairs(store, page).rows:
        eb, es, ea = document_rows.context(store, r["earlier_doc"], r["earlier_start"],
                                     r["earlier_end"], context)
        lb, ls, la = document_rows.context(store, r["later_doc"], r["later_start"], r["later_end"],
                                     context)
        pe, pl = _shared(es, ls)
        r["earlier"] = {"before": eb, "parts": pe, "after": ea}
        r["later"] = {"before": lb, "parts": pl, "after": la}
        r["words"] = len(es.split())
        out.append(r)
    return out


def figures(store: Store, tolerance: float | None = None, kinds: list[str] | None = None
            ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(conflicting figures, largest disagreement first, each side with the sentence index of
    its quantity; every quantity with its citation) from :mod:`foreigndesk.analyze.figures`."""
    need("foreigndesk.analyze.figures")
    from foreigndesk.analyze.figures import TOLERANCE, conflicts, quantity_rows

    rows = quantity_rows(store)
    by_id = {q["id"]: q for q in rows}
    found = [c for c in conflicts(store, tolerance=tolerance or TOLERANCE)
             if not kinds or c["kind"] in kinds]
    if kinds:
        rows = [q for q in rows if q["kind"] in kinds]
    for c in found:
        for side in ("a", "b"):
            q = by_id.get(c[f"quantity_{side}"], {})
            c[f"sentence_index_{side}"] = q.get("sentence_index")
            c[f"stated_by_{side}"] = q.get("stated_by")
            c[f"title_{side}"] = q.get("title")
            c[f"page_{side}"] = q.get("page")
    return found, rows
