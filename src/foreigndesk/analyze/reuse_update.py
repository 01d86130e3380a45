"""Text reuse kept up to date from the new documents only.

:func:`foreigndesk.analyze.reuse.find_reuse` compares a set of documents with each other; an
ingest would have to run it over the whole store. Here the store keeps the shingle index of
:mod:`foreigndesk.analyze.reuse` (``reuse_shingles``: the documents holding each shingle and
how often; ``reuse_boilerplate``: shingles in more than ``max_df`` documents or ``2 * max_df``
times), and :func:`update_reuse` adds the documents not indexed yet:

1. their shingles are looked up in the index: pairs (new, old) and (new, new) sharing at least
   ``min_seeds`` seeds of shingles that are not boilerplate (counted over the store with the
   new documents) are candidates, and are aligned exactly as ``find_reuse`` aligns them (the
   earlier-stored document first);
2. a shingle that turns into boilerplate with the new documents no longer seeds anything:
   the pairs of the older documents that held it are aligned again (this is rare, and bounded
   by ``max_df`` documents per shingle);
3. the direction rules are applied again to every passage of a document whose set of
   partners changed (a document that now shares passages with two others is a compilation).

The passages are the facts ``find_reuse`` finds over the whole store (the same spans, scores
and directions; only the row ids differ). Work and memory grow with the new documents and
their candidates, not with the store. The index is rebuilt whole when the settings change.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

import numpy as np

from foreigndesk.analyze.reuse import (
    NAME,
    VERSION,
    ReuseConfig,
    Tokeniser,
    orient,
    pair_passages,
    shingle_hashes,
    word_spans,
)
from foreigndesk.store import Store
from foreigndesk.store.reuse_index import REUSE_COLUMNS, ReuseIndex
from foreigndesk.store.transaction import write_transaction

INDEX_VERSION = "1"
BATCH = 2000  # documents indexed per transaction

_Found = list[tuple[int, int, int, int, float]]


class _Docs:
    """Word ids and shingle hashes of documents, read from the store on demand."""

    def __init__(self, idx: ReuseIndex, n: int) -> None:
        self.idx, self.n, self.tok = idx, n, Tokeniser()
        self.meta: dict[int, tuple[str, str, str | None]] = {}
        self.words: dict[int, list[int]] = {}
        self.shingles: dict[int, np.ndarray] = {}

    def add(self, rowid: int, doc_id: str, text: str, published: str | None) -> None:
        self.meta[rowid] = (doc_id, text, published)
        ids = self.tok.ids(text)
        self.words[rowid] = ids
        self.shingles[rowid] = shingle_hashes(np.asarray(ids, dtype=np.uint64),
                                              self.n).view(np.int64)

    def load(self, rowids: Iterable[int]) -> None:
        todo = [r for r in set(rowids) if r not in self.meta]
        for rowid, (doc_id, text, published) in self.idx.documents(todo).items():
            self.add(rowid, doc_id, text, published)


def _settings(cfg: ReuseConfig) -> str:
    return json.dumps({"index": INDEX_VERSION, "reuse": VERSION, **asdict(cfg)}, sort_keys=True)


def update_reuse(store: Store, config: ReuseConfig | None = None) -> int:
    """Index the documents added since the last update and update the ``reuse`` rows; returns
    the number of documents indexed. Each batch of :data:`BATCH` documents is one transaction.
    """
    cfg = config or ReuseConfig()
    idx = ReuseIndex(store)
    settings = _settings(cfg)
    done = 0
    while True:
        with write_transaction(store):
            if idx.settings() != settings or not idx.consistent():
                idx.reset(settings)
            new = idx.new_documents(BATCH)
            if new:
                _add_batch(idx, new, cfg)
        done += len(new)
        if len(new) < BATCH:
            return done


def rebuild_reuse(store: Store, config: ReuseConfig | None = None) -> int:
    """Rebuild the index and the ``reuse`` rows from every stored document."""
    cfg = config or ReuseConfig()
    with write_transaction(store):
        ReuseIndex(store).reset(_settings(cfg))
    return update_reuse(store, cfg)


def _pair_seeds(ha: np.ndarray, hb: np.ndarray, allowed: set[int] | None,
                blocked: set[int]) -> tuple[np.ndarray, np.ndarray]:
    """Positions (pa, pb) of every shingle shared by two documents and allowed (in
    ``allowed`` when given, and not in ``blocked``), sorted by pa then pb."""
    common = [h for h in np.intersect1d(ha, hb).tolist()
              if h not in blocked and (allowed is None or h in allowed)]
    if not common:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    at_b: dict[int, list[int]] = defaultdict(list)
    keep = np.asarray(common, dtype=np.int64)
    for j in np.flatnonzero(np.isin(hb, keep)).tolist():
        at_b[int(hb[j])].append(j)
    pa: list[int] = []
    pb: list[int] = []
    for i in np.flatnonzero(np.isin(ha, keep)).tolist():
        js = at_b[int(ha[i])]
        pa.extend([i] * len(js))
        pb.extend(js)
    return np.asarray(pa, dtype=np.int64), np.asarray(pb, dtype=np.int64)


def _rows(docs: _Docs, i: int, j: int, found: _Found) -> list[tuple[Any, ...]]:
    """Reuse rows of a pair (i stored first, provisionally the earlier; see _redirect)."""
    (ii, ti, _), (ij, tj, _) = docs.meta[i], docs.meta[j]
    (si, ei), (sj, ej) = word_spans(ti), word_spans(tj)
    out = []
    for a0, a1, b0, b1, score in found:
        out.append((ii, si[a0], ei[a1 - 1], ij, sj[b0], ej[b1 - 1], ti[si[a0]:ei[a1 - 1]],
                    tj[sj[b0]:ej[b1 - 1]], round(score, 4), "ingest-order", NAME, VERSION))
    return out


def _add_batch(idx: ReuseIndex, new: list[tuple[int, str, str, str | None]],
               cfg: ReuseConfig) -> None:
    docs = _Docs(idx, cfg.n)
    for rowid, doc_id, text, published in new:
        docs.add(rowid, doc_id, text, published)
    new_set = set(docs.meta)
    # this batch's (shingle, document, count)
    mine: list[tuple[int, int, int]] = []
    for rowid in new_set:
        uniq, cnt = np.unique(docs.shingles[rowid], return_counts=True)
        mine.extend(zip(uniq.tolist(), [rowid] * len(uniq), cnt.tolist(), strict=True))
    hashes = sorted({h for h, _d, _k in mine})
    old_boiler = idx.boilerplate(hashes)
    holders: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for h, d, n in idx.postings([h for h in hashes if h not in old_boiler]):
        holders[h].append((d, n))
    old_df = {h: len(v) for h, v in holders.items()}
    for h, d, n in mine:
        if h not in old_boiler:
            holders[h].append((d, n))
    # shingles that turn into boilerplate now, and the older documents whose pairs they seeded
    new_boiler: set[int] = set()
    crossing: set[int] = set()
    seeds: dict[tuple[int, int], int] = defaultdict(int)
    for h, v in holders.items():
        if len(v) > cfg.max_df or sum(k for _d, k in v) > 2 * cfg.max_df:
            new_boiler.add(h)
            if old_df.get(h, 0) >= 2:
                crossing.update(d for d, _k in v[:old_df[h]])
            continue
        for x in range(len(v)):
            dx, kx = v[x]
            for y in range(x + 1, len(v)):
                dy, ky = v[y]
                if dx in new_set or dy in new_set:
                    seeds[(dx, dy) if dx < dy else (dy, dx)] += kx * ky
    blocked = old_boiler | new_boiler
    cand = sorted(p for p, k in seeds.items() if k >= cfg.min_seeds)
    docs.load(d for p in cand for d in p)
    touched: set[str] = set()
    for i, j in cand:  # each pair's passages are written as they come, not held
        pa, pb = _pair_seeds(docs.shingles[i], docs.shingles[j], None, blocked)
        found = pair_passages(docs.words[i], docs.words[j], pa, pb, cfg)
        if found:
            idx.insert(_rows(docs, i, j, found))
            touched.update((docs.meta[i][0], docs.meta[j][0]))
    again = sorted(crossing)
    if again:
        docs.load(again)
        moved = [docs.meta[d][0] for d in again]
        idx.delete_between(moved)
        _realign(idx, docs, again, new_boiler, cfg)
        touched.update(moved)
    idx.add(sorted(new_set),  # postings in key order: each B-tree page is visited once
            sorted((h, d, k) for h, d, k in mine if h not in blocked), sorted(new_boiler))
    _redirect(idx, sorted(touched))


def _realign(idx: ReuseIndex, docs: _Docs, older: list[int], new_boiler: set[int],
             cfg: ReuseConfig) -> None:
    """Write the passages of every pair of ``older`` documents, aligned again with the
    shingles that are boilerplate now left out."""
    docs.load(older)
    all_hashes = sorted({h for d in older for h in docs.shingles[d].tolist()})
    blocked = idx.boilerplate(all_hashes) | new_boiler
    holders: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for d in older:
        uniq, cnt = np.unique(docs.shingles[d], return_counts=True)
        for h, n in zip(uniq.tolist(), cnt.tolist(), strict=True):
            if h not in blocked:
                holders[h].append((d, n))
    seeds: dict[tuple[int, int], int] = defaultdict(int)
    for v in holders.values():
        for x in range(len(v)):
            for y in range(x + 1, len(v)):
                (dx, kx), (dy, ky) = v[x], v[y]
                seeds[(dx, dy) if dx < dy else (dy, dx)] += kx * ky
    for (i, j), n_seeds in sorted(seeds.items()):
        if n_seeds < cfg.min_seeds:
            continue
        pa, pb = _pair_seeds(docs.shingles[i], docs.shingles[j], None, blocked)
        found = pair_passages(docs.words[i], docs.words[j], pa, pb, cfg)
        if found:
            idx.insert(_rows(docs, i, j, found))


_SIDE = ("doc", "start", "end", "text")


def _redirect(idx: ReuseIndex, doc_ids: list[str]) -> None:
    """Apply the direction rules again to every passage of these documents."""
    if not doc_ids:
        return
    rows = idx.passages_of(doc_ids)
    involved = sorted({r[f"{s}_doc"] for r in rows for s in ("earlier", "later")})
    partners = idx.partners(involved)
    keys = idx.document_keys(involved)
    changed = []
    for r in rows:
        a, b = r["earlier_doc"], r["later_doc"]
        first, second = (a, b) if keys[a][0] < keys[b][0] else (b, a)
        first_earlier, rule = orient(keys[first][1], keys[second][1],
                                     len(partners[first]) >= 2, len(partners[second]) >= 2)
        earlier = first if first_earlier else second
        swap = earlier != a
        if swap:
            for f in _SIDE:
                r[f"earlier_{f}"], r[f"later_{f}"] = r[f"later_{f}"], r[f"earlier_{f}"]
        if swap or rule != r["direction_rule"]:
            r["direction_rule"] = rule
            changed.append(r)
    idx.rewrite(changed)


__all__ = ["REUSE_COLUMNS", "rebuild_reuse", "update_reuse"]
