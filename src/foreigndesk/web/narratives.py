"""Claims, echoes, text reuse and figures for the pages and the API, from the analyses
(:mod:`foreigndesk.analyze.clusters`, imported when first needed since it loads spaCy's
word lists; :mod:`foreigndesk.analyze.reuse` results,
``foreigndesk.analyze.figures`` when it is installed)."""

from __future__ import annotations

import difflib
import re
from typing import Any

from foreigndesk.store import Store
from foreigndesk.web import queries

_TOKENS = re.compile(r"\s+|[^\s]+")


def clusters(store: Store) -> list[dict[str, Any]]:
    """Claim clusters in order of first appearance: {id, first, repeats, members}."""
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


def echoes(store: Store) -> list[dict[str, Any]]:
    from foreigndesk.analyze.clusters import echo_rows

    return echo_rows(store)


def _shared(a: str, b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Both passages as (text, shared) parts: words the other passage has in the same order
    are shared (difflib on word tokens)."""
    ta, tb = _TOKENS.findall(a), _TOKENS.findall(b)
    wa = [t for t in ta if not t.isspace()]
    wb = [t for t in tb if not t.isspace()]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
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


def reuse(store: Store, context: int = 140) -> list[dict[str, Any]]:
    """Text-reuse passages, each side with context before and after and the passage cut into
    shared and differing parts."""
    out = []
    for r in queries.reuse_pairs(store):
        eb, es, ea = queries.context(store, r["earlier_doc"], r["earlier_start"],
                                     r["earlier_end"], context)
        lb, ls, la = queries.context(store, r["later_doc"], r["later_start"], r["later_end"],
                                     context)
        pe, pl = _shared(es, ls)
        r["earlier"] = {"before": eb, "parts": pe, "after": ea}
        r["later"] = {"before": lb, "parts": pl, "after": la}
        r["words"] = len(es.split())
        out.append(r)
    return out


def figures(store: Store) -> tuple[list[dict[str, Any]] | None, list[dict[str, Any]]]:
    """(conflicting figures from ``foreigndesk.analyze.figures``, or None when that analysis
    is not installed; every quantity with its citation, by measure)."""
    conflicts: list[dict[str, Any]] | None
    try:
        from foreigndesk.analyze import figures as fig  # type: ignore[attr-defined]
    except ImportError:
        conflicts = None
    else:
        conflicts = [_as_dict(c) for c in fig.conflicts(store)]
    rows = store.query(
        "SELECT q.*, d.outlet, d.published, d.url, d.title, s.text AS sentence_text "
        "FROM quantities q JOIN documents d ON d.id = q.doc_id "
        "LEFT JOIN sentences s ON s.doc_id = q.doc_id AND s.idx = q.sentence "
        "ORDER BY q.measure IS NULL, q.measure, q.kind, d.published, q.start")
    return conflicts, rows


def _as_dict(c: Any) -> dict[str, Any]:
    if isinstance(c, dict):
        return c
    if hasattr(c, "to_dict"):
        return dict(c.to_dict())
    import dataclasses

    if dataclasses.is_dataclass(c) and not isinstance(c, type):
        return dataclasses.asdict(c)
    return dict(vars(c))
