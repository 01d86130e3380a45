"""Claim clusters kept up to date from the new claims only.

:func:`foreigndesk.analyze.clusters.cluster_claims` clusters every claim of the store. Here
the store keeps what that computation derives (migration 009), and :func:`update_clusters`
adds the claims stored since the last update:

- **contents**: claims with the same features, polarity, figures (and speaker, for a line
  on its speaker's pronouns) are one content, represented by its first claim in order of
  appearance, with that claim's embedding and anchors (read once by the spaCy model);
- **features**: the contents holding each feature (content word or word pair), up to
  ``MAX_DF`` contents (beyond, the feature is common and seeds no pair);
- **edges**: the pairs of contents that say the same (the rules of ``_edges``), found for a
  new content through the features it shares (plus, up to ``FULL_MATRIX`` contents, every
  content its embedding is close to). A pair that holds only on its embeddings also needs
  the *centred* cosine (embeddings minus the store's mean) >= ``CENTRED``; the mean moves
  with every content, so each such edge keeps ``due``: how far the mean may move from the
  reference centre before the decision can change (a bound, from the pair's centred cosine
  and the distances of its embeddings to the centre). Only edges and merge decisions whose
  ``due`` is reached are checked again;
- **clusters**: the single-link merging of ``cluster_claims`` depends only on the edges of a
  connected component, so only the components holding a new or changed content, a changed
  edge or a changed merge decision are clustered again, with the same rules and order.

The clusters are the ones ``cluster_claims`` computes over the whole store (same members,
cluster ids and similarities). A store with fewer than ``CENTRE_MIN`` contents, one that
crosses ``FULL_MATRIX`` contents, or a change of embedding backend is clustered whole again.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np

from foreigndesk.analyze import embed as embedding
from foreigndesk.analyze import propositions as prop
from foreigndesk.analyze.clusters import (
    _DIGITS,
    _NEGATION,
    CENTRE_MIN,
    CENTRED,
    FULL_MATRIX,
    LEXICAL,
    LEXICAL_LINK,
    MAX_DF,
    appearance_key,
    features,
    lexical,
    matching_text,
)
from foreigndesk.store import Store
from foreigndesk.store.claim_index import CENTRE_KEY, LAST_KEY, SETTINGS_KEY, ClaimIndex
from foreigndesk.store.transaction import write_transaction

INDEX_VERSION = "2"  # 2: claims in other languages indexed on their English gloss
RECENTRE = 5000  # decisions checked in one update beyond which the reference centre moves


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little",
                          signed=True)


class _Content:
    """A content as the update compares it. What is derived from its text (features,
    polarity, speaker keys) and its stored anchors are computed when first used: a
    component clustered again loads every content of it, and most are only ranked."""

    __slots__ = ("id", "first_claim", "app", "n_claims", "text", "emb", "root", "_raw_prop",
                 "_prop", "_speaker_row", "_feats", "_words", "_negated", "_relative",
                 "_speaker")

    def __init__(self, r: dict[str, Any]) -> None:
        self.id: int = r["id"]
        self.first_claim: int = r["first_claim"]
        self.app: tuple[Any, ...] = (r["app_when"], r["app_doc"], r["app_start"],
                                     bool(r["app_repeats"]), r["first_claim"])
        self.n_claims: int = r["n_claims"]
        self.text: str = r["text"]
        self.emb: np.ndarray | None = (np.frombuffer(r["embedding"], dtype=np.float32)
                                       if r["embedding"] is not None else None)
        self.root: int | None = r.get("root")
        self._raw_prop: str | None = r["proposition"]
        self._prop: prop.Proposition | None = None
        self._speaker_row = (r["speaker_actor"], r["speaker_text"])
        self._feats: frozenset[str] | None = None
        self._words: frozenset[str] | None = None
        self._negated: bool | None = None
        self._relative: bool | None = None
        self._speaker: frozenset[str] | None = None

    @property
    def feats(self) -> frozenset[str]:
        if self._feats is None:
            self._feats = features(self.text)
        return self._feats

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(f for f in self.feats if "_" not in f)
        return self._words

    @property
    def negated(self) -> bool:
        if self._negated is None:
            self._negated = bool(_NEGATION.search(self.text))
        return self._negated

    @property
    def relative(self) -> bool:
        if self._relative is None:
            self._relative = prop.speaker_relative(self.text)
        return self._relative

    @property
    def speaker(self) -> frozenset[str]:
        if self._speaker is None:
            self._speaker = (prop.speaker_keys(*self._speaker_row) if self.relative
                             else frozenset())
        return self._speaker

    @property
    def has_proposition(self) -> bool:
        return self._prop is not None or self._raw_prop is not None

    @property
    def proposition(self) -> prop.Proposition | None:
        if self._prop is None and self._raw_prop is not None:
            self._prop = _prop_of(self._raw_prop)
        return self._prop

    @proposition.setter
    def proposition(self, p: prop.Proposition) -> None:
        self._prop = p


def _claim_key(r: dict[str, Any]) -> tuple[tuple[Any, ...], str, frozenset[str], bool, bool,
                                            frozenset[str]]:
    """(appearance, content key, features, negated, relative, speaker) of a claim row."""
    content = r["content"]
    feats = features(content)
    negated = bool(_NEGATION.search(content))
    relative = prop.speaker_relative(content)
    speaker = (prop.speaker_keys(r["speaker_actor"], r["speaker_text"]) if relative
               else frozenset())
    key = json.dumps([sorted(feats) or [f"#{r['id']}"], negated, _DIGITS.findall(content),
                      sorted(speaker) if relative else None])
    app = (*appearance_key(r), r["id"])
    return app, hashlib.sha1(key.encode("utf-8")).hexdigest(), feats, negated, relative, speaker


def _prop_json(p: prop.Proposition) -> str:
    return json.dumps({"lemmas": sorted(p.lemmas), "predicates": sorted(p.predicates),
                       "verbs": sorted(p.verbs), "topic_words": p.topic_words,
                       "names": [sorted(n) for n in p.names], "numbers": sorted(p.numbers),
                       "negated": p.negated, "clause": p.clause})


def _prop_of(s: str) -> prop.Proposition:
    d = json.loads(s)
    return prop.Proposition(
        lemmas=frozenset(d["lemmas"]), predicates=frozenset(d["predicates"]),
        verbs=frozenset(d["verbs"]), topic_words=d["topic_words"],
        names=tuple(frozenset(n) for n in d["names"]), numbers=frozenset(d["numbers"]),
        negated=d["negated"], clause=d["clause"])


class _Centre:
    """The mean of the contents' embeddings (running sum) and the reference centre from
    which the ``due`` distances are measured."""

    def __init__(self, raw: str | None) -> None:
        d = json.loads(raw) if raw else {}
        self.n = int(d.get("n", 0))
        self.sum: np.ndarray | None = (np.asarray(d["sum"], dtype=np.float64)
                                       if d.get("sum") is not None else None)
        self.ref = np.asarray(d["ref"], dtype=np.float64) if d.get("ref") is not None else None

    def add(self, v: np.ndarray, sign: float = 1.0) -> None:
        v = v.astype(np.float64)
        self.sum = sign * v if self.sum is None else self.sum + sign * v

    def dump(self) -> str:
        return json.dumps({"n": self.n, "sum": None if self.sum is None else self.sum.tolist(),
                           "ref": None if self.ref is None else self.ref.tolist()})

    @property
    def mean(self) -> np.ndarray | None:
        return None if self.sum is None else self.sum / max(self.n, 1)


def _unit(x: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(x))
    return x / (n if n else 1.0)


class _Engine:
    def __init__(self, idx: ClaimIndex, embedder: embedding.Embedder | None) -> None:
        self.idx, self.embedder = idx, embedder
        self.cache: dict[int, _Content] = {}
        self.centre: _Centre | None = None
        self.mean: np.ndarray | None = None
        self.moved = 0.0

    # -- contents ----------------------------------------------------------------------------
    def load(self, ids: Iterable[int]) -> dict[int, _Content]:
        todo = [i for i in set(ids) if i not in self.cache]
        backfill: list[tuple[str, int]] = []
        for i, r in self.idx.contents(todo).items():
            if r.get("matching") is None:  # indexed before the matching text was kept
                r = {**r, "text": matching_text(r["text"], r["language"])}
                backfill.append((r["text"], i))
            else:
                r = {**r, "text": r["matching"]}
            self.cache[i] = _Content(r)
        if backfill:
            self.idx.set_matching(backfill)
        return {i: self.cache[i] for i in ids}

    def read(self, ids: Iterable[int]) -> None:
        """Read (and store) the propositions of these contents not read yet."""
        todo = sorted({i for i in ids if not self.cache[i].has_proposition})
        if not todo:
            return
        props = prop.read([self.cache[i].text for i in todo])
        for i, p in zip(todo, props, strict=True):
            self.cache[i].proposition = p
        self.idx.set_propositions((_prop_json(p), i) for i, p in zip(todo, props, strict=True))

    # -- the rules of clusters._Similarity ---------------------------------------------------
    def anchors(self, a: _Content, b: _Content) -> str | None:
        assert a.proposition is not None and b.proposition is not None
        why = prop.disagreement(a.proposition, b.proposition)
        if why is None and (a.relative or b.relative):
            if a.speaker and b.speaker and not a.speaker & b.speaker:
                why = "speaker"
        return why

    def centred(self, a: _Content, b: _Content, m: np.ndarray) -> float:
        assert a.emb is not None and b.emb is not None
        ua = _unit(a.emb.astype(np.float64) - m)
        ub = _unit(b.emb.astype(np.float64) - m)
        return float(np.einsum("i,i->", ua, ub))

    def due(self, a: _Content, b: _Content) -> float:
        """How far the mean may move from the reference centre before the centred decision
        on a and b can change (see :func:`_centred_checks`; at most the current distance:
        it may change already)."""
        return _centred_checks(self, [(a.emb, b.emb)])[1][0]

    def centred_ok(self, a: _Content, b: _Content) -> bool:
        assert self.mean is not None
        return self.centred(a, b, self.mean) >= CENTRED


def _settings(name: str) -> str:
    return json.dumps({"index": INDEX_VERSION, "embed": name, "max_df": MAX_DF,
                       "lexical": LEXICAL, "link": LEXICAL_LINK, "centred": CENTRED,
                       "centre_min": CENTRE_MIN, "full_matrix": FULL_MATRIX})


def _embedder(backend: str | None, fallback: bool) -> embedding.Embedder | None:
    """The embedding backend, or None (word overlap only) when it cannot load and
    ``fallback``; else :class:`embedding.EmbedUnavailable` is raised."""
    try:
        return embedding.load(backend)
    except embedding.EmbedUnavailable:
        if not fallback:
            raise
        return None


def update_clusters(store: Store, backend: str | None = None, fallback: bool = True,
                    rebuild: bool = False) -> int:
    """Add the claims stored since the last update to the cluster index and update the
    ``claim_clusters`` rows of the components they touch, in one transaction; returns the
    number of claims added. An embedding backend that cannot load falls back to word
    overlap when ``fallback``, else raises :class:`embedding.EmbedUnavailable`."""
    embedder = _embedder(backend, fallback)
    idx = ClaimIndex(store)
    with write_transaction(store):
        return _update(idx, embedder, rebuild)


def _update(idx: ClaimIndex, embedder: embedding.Embedder | None, rebuild: bool) -> int:
    settings = _settings(embedder.name if embedder else "none")
    rebuild = rebuild or idx.meta(SETTINGS_KEY) != settings
    last = 0 if rebuild else int(idx.meta(LAST_KEY) or 0)
    # a claim in another language is compared on its English gloss (clusters.matching_text)
    rows = [{**r, "content": matching_text(r["content"], r["language"])}
            for r in idx.new_claims(last)]
    top = idx.last_claim()
    if not rows and not rebuild:
        idx.set_meta(LAST_KEY, str(top))
        return 0
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        app, key, feats, negated, relative, speaker = _claim_key(r)
        groups[key].append((app, r, feats))
    n_before = 0 if rebuild else idx.n_contents()
    existing = {} if rebuild else idx.contents_by_key(sorted(groups))
    n_after = n_before + sum(1 for k in groups if k not in existing)
    if not rebuild and (n_before < CENTRE_MIN or n_before <= FULL_MATRIX < n_after):
        return _update(idx, embedder, True)
    if rebuild:
        idx.reset(settings)
    eng = _Engine(idx, embedder)
    centre_raw = idx.meta(CENTRE_KEY)

    # 1. contents: new ones, and old ones whose first claim is now a new claim
    fresh: list[int] = []       # new contents
    changed: list[int] = []     # first claim changed (new text: new embedding and anchors)
    grown: list[int] = []       # more claims
    old_emb: dict[int, bytes] = {}
    texts: dict[int, str] = {}
    for key in sorted(groups, key=lambda k: min(x[0] for x in groups[k])):
        members = sorted(groups[key], key=lambda x: x[0])
        app, r, _f = members[0]
        row = existing.get(key)
        if row is None:
            row = {"key": key, "first_claim": r["id"], "app_when": app[0], "app_doc": app[1],
                   "app_start": app[2], "app_repeats": int(app[3]), "n_claims": len(members),
                   "embedding": None, "proposition": None, "matching": r["content"]}
            row["id"] = idx.insert_content(row)
            fresh.append(row["id"])
            texts[row["id"]] = r["content"]
        else:
            row["n_claims"] += len(members)
            grown.append(row["id"])
            old_app = (row["app_when"], row["app_doc"], row["app_start"],
                       bool(row["app_repeats"]), row["first_claim"])
            if app < old_app:
                if row["embedding"] is not None:
                    old_emb[row["id"]] = row["embedding"]
                row.update(first_claim=r["id"], app_when=app[0], app_doc=app[1],
                           app_start=app[2], app_repeats=int(app[3]), embedding=None,
                           proposition=None, matching=r["content"])
                changed.append(row["id"])
                texts[row["id"]] = r["content"]
            idx.update_content(row)
        idx.map_claims((x[1]["id"], row["id"]) for x in members)
    todo = fresh + changed
    if embedder is not None and todo:
        vecs = embedder.embed([texts[i] for i in todo])
        for i, v in zip(todo, vecs, strict=True):
            idx.set_embedding(i, np.ascontiguousarray(v, dtype=np.float32).tobytes())
    seeds: set[int] = set(todo) | set(grown)
    eng.load(todo)

    # 2. the mean of the embeddings, and the distance it moved from the reference centre
    centred_on = embedder is not None and n_after >= CENTRE_MIN
    if embedder is not None:
        centre = _Centre(centre_raw)
        for i in todo:
            vec = eng.cache[i].emb
            assert vec is not None
            centre.add(vec)
            if i in old_emb:
                centre.add(np.frombuffer(old_emb[i], dtype=np.float32), -1.0)
        centre.n = n_after
        eng.centre, eng.mean = centre, centre.mean
        if centre.ref is None and eng.mean is not None:
            centre.ref = eng.mean.copy()
        if eng.mean is not None and centre.ref is not None:
            eng.moved = float(np.linalg.norm(eng.mean - centre.ref))

    # 3. old edges of changed contents go; features of new contents are indexed
    for old in idx.edges_of(changed):
        seeds.update((old["a"], old["b"]))
    idx.delete_edges_of(changed)
    idx.delete_checks_of(changed)  # the merge checks of their old text
    idx.delete_decisions_of(changed)
    feat_hash: dict[int, dict[int, str]] = {}
    for i in todo:
        feat_hash[i] = {_h64(f): f for f in eng.cache[i].feats}
    all_feats = sorted({h for i in todo for h in feat_hash[i]})
    common_old = idx.common(all_feats)
    holders: dict[int, list[int]] = defaultdict(list)
    for f, k in idx.postings([f for f in all_feats if f not in common_old]):
        holders[f].append(k)
    old_df = {f: len(v) for f, v in holders.items()}
    for i in fresh:
        for f in feat_hash[i]:
            if f not in common_old:
                holders[f].append(i)
    newly_common = sorted(f for f, v in holders.items() if len(v) > MAX_DF)
    common = common_old | set(newly_common)
    idx.add_features([(f, i) for i in fresh for f in feat_hash[i] if f not in common],
                     newly_common)

    # 4. centred edges and merge decisions the moved mean may have changed (this may move
    # the reference centre, so it comes before the new edges' due distances)
    if centred_on and not rebuild:
        seeds |= _recheck(eng)

    # 5. candidate pairs of the new and changed contents, and their edges
    todo_set = set(todo)
    pairs: set[tuple[int, int]] = set()
    for f, v in holders.items():
        if f in common or len(v) < 2:
            continue
        for x in v:
            if x in todo_set:
                pairs.update((min(x, y), max(x, y)) for y in v if y != x)
    all_emb: dict[int, np.ndarray] = {}
    if embedder is not None and n_after <= FULL_MATRIX and todo:
        ids_e = [(k, np.frombuffer(b, dtype=np.float32)) for k, b in idx.all_embeddings()
                 if b is not None]
        all_emb = dict(ids_e)
        mat = np.vstack([v for _k, v in ids_e])
        keys = [k for k, _v in ids_e]
        sims = np.vstack([all_emb[i] for i in todo]) @ mat.T
        for r_i, i in enumerate(todo):
            for col in np.flatnonzero(sims[r_i] >= embedder.high).tolist():
                if keys[col] != i:
                    pairs.add((min(i, keys[col]), max(i, keys[col])))
    eng.load({x for p in pairs for x in p})
    edges = _new_edges(eng, sorted(pairs), centred_on)
    idx.put_edges(edges)
    seeds.update(x for edge in edges for x in edge[:2])

    # 6. edges whose pair is no longer a candidate (a feature became common)
    if newly_common:
        lost = _lost_candidates(eng, holders, old_df, newly_common, common, n_after, all_emb)
        idx.delete_edges(lost)
        seeds.update(x for p in lost for x in p)
    if eng.centre is not None:
        idx.set_meta(CENTRE_KEY, eng.centre.dump())

    # 7. cluster the touched components again
    idx.set_n_contents(n_after)
    _recluster(eng, seeds, centred_on, set(todo) | set(grown))
    idx.set_meta(LAST_KEY, str(top))
    return len(rows)


def _new_edges(eng: _Engine, pairs: list[tuple[int, int]], centred_on: bool
               ) -> list[tuple[int, int, float, float | None, int]]:
    """Edges among candidate pairs (a, b): the rules of clusters._edges."""
    if not pairs:
        return []
    e = eng.embedder
    cs = eng.cache
    keep = []
    cos: np.ndarray = np.zeros(len(pairs))
    if e is not None:
        ea = np.vstack([cs[a].emb for a, _b in pairs])  # type: ignore[misc]
        eb = np.vstack([cs[b].emb for _a, b in pairs])  # type: ignore[misc]
        cos = np.einsum("ij,ij->i", ea, eb)
    shared = np.array([len(cs[a].feats & cs[b].feats) for a, b in pairs], dtype=np.float64)
    sizes = np.array([len(cs[a].feats) * len(cs[b].feats) for a, b in pairs], dtype=np.float64)
    shared_words = np.array([len(cs[a].words & cs[b].words) for a, b in pairs])
    lex = shared / np.sqrt(np.maximum(sizes, 1.0))
    by_words = (lex >= LEXICAL) & (shared_words >= 2)
    by_emb = np.zeros(len(pairs), dtype=bool)
    if e is not None:
        by_emb = (cos >= e.high) | ((cos >= e.mid) & (shared_words >= 1))
    score = np.maximum(lex, np.asarray(cos, dtype=np.float64))
    for k in np.flatnonzero(by_words | by_emb).tolist():
        a, b = pairs[k]
        if cs[a].negated == cs[b].negated:
            keep.append((a, b, float(score[k]), bool(by_words[k])))
    eng.read({x for a, b, _s, _w in keep for x in (a, b)})
    out: list[tuple[int, int, float, float | None, int]] = []
    centred: list[tuple[int, int, float]] = []
    for a, b, sc, words_only in keep:
        ca, cb = (cs[a], cs[b]) if cs[a].app < cs[b].app else (cs[b], cs[a])
        if eng.anchors(ca, cb) is not None:
            continue
        if words_only or not centred_on:
            out.append((a, b, sc, None, 1))
        else:
            centred.append((a, b, sc))
    if centred:  # the edges that rest on the centred cosine, checked at once
        ok, due = _centred_checks(eng, [(cs[a].emb, cs[b].emb) for a, b, _sc in centred])
        out += [(a, b, sc, d, o) for (a, b, sc), o, d in zip(centred, ok, due, strict=True)]
    return out


def _lost_candidates(eng: _Engine, holders: dict[int, list[int]], old_df: dict[int, int],
                     newly_common: list[int], common: set[int], n_after: int,
                     all_emb: dict[int, np.ndarray]) -> list[tuple[int, int]]:
    """Stored edges between older contents that only a now-common feature made candidates."""
    older = {k for f in newly_common for k in holders[f][:old_df.get(f, 0)]}
    if not older:
        return []
    stored = [e for e in eng.idx.edges_of(sorted(older)) if e["a"] in older and e["b"] in older]
    eng.load({x for e in stored for x in (e["a"], e["b"])})
    shared_all = {_h64(f) for e in stored
                  for f in eng.cache[e["a"]].feats & eng.cache[e["b"]].feats}
    common = common | eng.idx.common(sorted(shared_all))
    lost = []
    e_ = eng.embedder
    for e in stored:
        a, b = eng.cache[e["a"]], eng.cache[e["b"]]
        if any(_h64(f) not in common for f in a.feats & b.feats):
            continue
        if (e_ is not None and n_after <= FULL_MATRIX and a.emb is not None
                and b.emb is not None and float(a.emb @ b.emb) >= e_.high):
            continue
        lost.append((e["a"], e["b"]))
    return lost


def _recheck(eng: _Engine) -> set[int]:
    """Check again the centred edges and merge decisions whose ``due`` the mean has
    reached; returns the contents whose edges or decisions changed. The checks need the
    embeddings only, read alone and compared all at once (:func:`_centred_checks`)."""
    idx = eng.idx
    assert eng.centre is not None
    edges = idx.due_edges(eng.moved)
    decisions = idx.due_decisions(eng.moved)
    recentred = len(edges) + len(decisions) > RECENTRE
    if recentred:  # move the reference centre to the mean
        eng.centre.ref = eng.mean.copy() if eng.mean is not None else None
        eng.moved = 0.0
        edges = idx.all_centred_edges()
        decisions = idx.due_decisions(None)
    rows = edges + decisions
    if not rows:
        return set()
    ids = {x for r in rows for x in (r["a"], r["b"])}
    embs = {i: eng.cache[i].emb for i in ids if i in eng.cache}
    embs.update((i, np.frombuffer(b, dtype=np.float32) if b is not None else None)
                for i, b in idx.embeddings(ids - embs.keys()).items())
    ok, due = _centred_checks(eng, [(embs[r["a"]], embs[r["b"]]) for r in rows])
    # a row is written when its outcome changed or it is no longer due; one still due with
    # the same outcome keeps its stored due, a bound for that outcome still (unless the
    # reference centre moved: every due is measured from it)
    touched: set[int] = set()
    put_e = []
    for n, e in enumerate(edges):
        if ok[n] != e["active"]:
            touched.update((e["a"], e["b"]))
        elif due[n] <= eng.moved and not recentred:
            continue
        put_e.append((e["a"], e["b"], e["score"], due[n], ok[n]))
    idx.put_edges(put_e)
    put_d = []
    for n, d in enumerate(decisions, start=len(edges)):
        if ok[n] != d["outcome"]:
            touched.update((d["a"], d["b"]))
        elif due[n] <= eng.moved and not recentred:
            continue
        put_d.append((d["a"], d["b"], due[n], ok[n]))
    idx.put_decisions(put_d)
    return touched


def _centred_checks(eng: _Engine, pairs: list[tuple[np.ndarray | None, np.ndarray | None]]
                    ) -> tuple[list[int], list[float]]:
    """For pairs of embeddings: whether each holds centred on the mean (centred cosine >=
    ``CENTRED``) and its ``due``: how far the mean may move from the reference centre before
    that can change, computed for all the pairs at once.

    The centred cosine moves by at most ``2 d (1/|a - c| + 1/|b - c|)`` when the centre c
    moves by d, so a decision taken at c holds while the centre stays within its slack
    ``|cos_c - CENTRED| / (2 (1/|a - c| + 1/|b - c|))`` of c. Two such bounds: around the
    reference centre (while the mean is within the slack there, as long as the current mean
    is too), and around the current mean, whose slack, less the distance the mean has moved
    from the reference, is a distance from the reference too (triangle inequality); the due
    is the larger. A pair checked again thus gets a new due rather than being due at every
    update until the reference centre moves."""
    assert eng.centre is not None and eng.centre.ref is not None and eng.mean is not None
    a = np.vstack([p[0] for p in pairs]).astype(np.float64)  # type: ignore[misc]
    b = np.vstack([p[1] for p in pairs]).astype(np.float64)  # type: ignore[misc]

    def centred(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The centred cosines on m, and the slack of the decisions there (-1: none)."""
        ua, ub = a - m, b - m
        na = np.linalg.norm(ua, axis=1)
        nb = np.linalg.norm(ub, axis=1)
        ua /= np.where(na == 0, 1.0, na)[:, None]
        ub /= np.where(nb == 0, 1.0, nb)[:, None]
        cos = np.einsum("ij,ij->i", ua, ub)
        with np.errstate(divide="ignore", invalid="ignore"):
            slack = np.abs(cos - CENTRED) / (2 * (1 / na + 1 / nb))
        return cos, np.where((na == 0) | (nb == 0), -1.0, slack)

    cos, slack_mean = centred(eng.mean)
    _cos_ref, slack_ref = centred(eng.centre.ref)
    around_ref = np.where(eng.moved < slack_ref, slack_ref, -1.0)
    around_mean = np.where(slack_mean >= 0, slack_mean - eng.moved, -1.0)
    due = np.maximum(np.maximum(around_ref, around_mean), -1.0)
    return (cos >= CENTRED).astype(int).tolist(), due.tolist()


def _recluster(eng: _Engine, seeds: set[int], centred_on: bool, dirty: set[int]) -> set[int]:
    """Cluster again the connected components (active edges) holding ``seeds``, and rewrite
    the rows of the clusters that changed; ``dirty``: the contents given new claims or a new
    first claim (their rows change even in a cluster that keeps its contents). Returns the
    contents of those components."""
    idx = eng.idx
    comp: set[int] = set()
    edges: dict[tuple[int, int], float] = {}
    frontier = set(seeds)
    while frontier:
        comp |= frontier
        nxt: set[int] = set()
        for e in idx.edges_of(sorted(frontier), active_only=True):
            edges[(e["a"], e["b"])] = e["score"]
            for x in (e["a"], e["b"]):
                if x not in comp:
                    nxt.add(x)
        frontier = nxt
    if not comp:
        return comp
    info = eng.idx.ranks(k for k in comp if k not in eng.cache)
    for k in comp:
        if k in eng.cache:
            c = eng.cache[k]
            info[k] = {"app": c.app, "n_claims": c.n_claims, "root": c.root}
        else:
            r = info[k]
            r["app"] = (r["app_when"], r["app_doc"], r["app_start"], bool(r["app_repeats"]),
                        r["first_claim"])
    order = sorted(comp, key=lambda k: info[k]["app"])
    rank = {k: n for n, k in enumerate(order)}
    parent = {k: k for k in order}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # the merge checks (are the first contents of two clusters related?), kept from the
    # updates before: what rests on the contents alone in claim_checks (0: not related, 1:
    # related, 2: related if their centred cosine holds), the centred cosine's outcome in
    # claim_decisions (brought up to date by _recheck); the contents are loaded and
    # compared only for a pair not checked before
    known = idx.checks_of(sorted(comp))
    stored = {(d["a"], d["b"]): int(d["outcome"]) for d in idx.decisions_of(sorted(comp))}
    if len(known) < len(edges) // 2:  # mostly new: load them all at once
        eng.load(comp)
    else:
        eng.load(k for k in comp if k in dirty)
    new_checks: list[tuple[int, int, int]] = []
    decisions: list[tuple[int, int, float, int]] = []
    kept: set[tuple[int, int]] = set()
    emb = eng.embedder
    oriented = [((a, b) if rank[a] < rank[b] else (b, a), s) for (a, b), s in edges.items()]
    for (a, b), _s in sorted(oriented, key=lambda e: (-e[1], rank[e[0][0]], rank[e[0][1]])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        x, y = (ra, rb) if rank[ra] < rank[rb] else (rb, ra)
        code = known.get((ra, rb))
        if code is None:
            cs = eng.load((ra, rb))
            eng.read((ra, rb))
            ca, cb = cs[ra], cs[rb]  # in the order of the edge, as clusters._Similarity.related
            code = 0
            if ca.negated == cb.negated:
                lex = lexical(ca.feats, cb.feats)
                cos = float(ca.emb @ cb.emb) if (emb is not None and ca.emb is not None
                                                  and cb.emb is not None) else 0.0
                if lex >= LEXICAL_LINK or (emb is not None and cos >= emb.mid):
                    if eng.anchors(ca, cb) is None:
                        code = 2 if lex < LEXICAL_LINK and centred_on else 1
            new_checks.append((ra, rb, code))
            known[(ra, rb)] = code
        ok = code == 1
        if code == 2:
            pair = (min(x, y), max(x, y))
            kept.add(pair)
            if pair in stored:
                ok = bool(stored[pair])
            else:
                cs = eng.load((ra, rb))
                ok = eng.centred_ok(cs[ra], cs[rb])
                decisions.append((pair[0], pair[1], eng.due(cs[ra], cs[rb]), int(ok)))
                stored[pair] = int(ok)
        if ok:
            parent[y] = x
    idx.delete_decisions([p for p in stored if p not in kept])
    idx.put_decisions(decisions)
    idx.put_checks(new_checks)

    # the clusters that changed: a cluster with the same root and contents as after the
    # last update, none of them given new claims or a new first claim, keeps its rows
    members: dict[int, set[int]] = defaultdict(set)
    before: dict[int, set[int]] = defaultdict(set)
    for k in comp:
        members[find(k)].add(k)
        if info[k]["root"] is not None:
            before[info[k]["root"]].add(k)
    redo = sorted(k for rt, ks in members.items()
                  if before.get(rt) != ks or any(x in dirty or info[x]["root"] is None
                                                 for x in ks)
                  for k in ks)
    if not redo:
        return comp
    cs = eng.load(redo)
    eng.read([k for k in redo if cs[k].n_claims > 1 and find(k) == k])
    claims = idx.claims_of(redo)
    claims.sort(key=lambda r: (*appearance_key(r), r["id"]))
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in claims:
        k = r["content_id"]
        if cs[k].n_claims > 1 and find(k) == k and prop.unfit(cs[k].proposition):  # type: ignore[arg-type]
            continue
        groups[find(k)].append(r)
    out: list[tuple[int, int, float]] = []
    for rt, ms in groups.items():
        if len(ms) < 2:
            continue
        first = ms[0]["id"]
        for m in ms:
            k = m["content_id"]
            if k == rt:
                out.append((m["id"], first, 1.0))
            else:
                r_c, m_c = cs[rt], cs[k]
                cos = (float(r_c.emb @ m_c.emb) if r_c.emb is not None and m_c.emb is not None
                       else 0.0)
                out.append((m["id"], first, round(max(lexical(r_c.feats, m_c.feats), cos), 4)))
    idx.replace_clusters(redo, out)
    idx.set_roots((find(k), k) for k in redo if info[k]["root"] != find(k))
    for k in redo:
        cs[k].root = find(k)
    return comp


def settle(store: Store, backend: str | None = None, fallback: bool = True,
           chunk: int = 2000) -> int:
    """Cluster every component once more, so that the next updates find what they keep
    from the updates before: the root of each content's cluster (unknown in a store indexed
    before migration 015) and the merge checks (migration 016). An update does this for the
    components it touches; this does it for all, in one transaction (the benchmark settles
    its kept stores with it). The clusters stay the same (the rules, and the store's centre
    of the last update). Returns the number of contents of the components. A store whose
    index was built with other settings is left to the next update, which rebuilds it
    whole."""
    embedder = _embedder(backend, fallback)
    idx = ClaimIndex(store)
    seen: set[int] = set()
    with write_transaction(store):
        if idx.meta(SETTINGS_KEY) != _settings(embedder.name if embedder else "none"):
            return 0
        n = idx.n_contents()
        idx.set_n_contents(n)  # counted once here when the store did not keep it
        centre = _Centre(idx.meta(CENTRE_KEY)) if embedder is not None else None
        if centre is not None and centre.ref is not None and n >= CENTRE_MIN:
            # the due distances of the centred checks, as this code keeps them (the
            # outcomes are those of the last update: the mean has not moved since)
            eng = _Engine(idx, embedder)
            eng.centre, eng.mean = centre, centre.mean
            if eng.mean is not None:
                eng.moved = float(np.linalg.norm(eng.mean - centre.ref))
            _recheck(eng)
            idx.set_meta(CENTRE_KEY, centre.dump())
        todo = sorted(set(idx.linked()) | set(idx.unrooted(None)))
        while todo := [k for k in todo if k not in seen]:
            eng = _Engine(idx, embedder)  # a fresh cache for each chunk (memory)
            if centre is not None:
                eng.centre, eng.mean = centre, centre.mean
                if eng.mean is not None and centre.ref is not None:
                    eng.moved = float(np.linalg.norm(eng.mean - centre.ref))
            seen |= _recluster(eng, set(todo[:chunk]),
                               embedder is not None and n >= CENTRE_MIN, set())
    return len(seen)


def rebuild_clusters(store: Store, backend: str | None = None, fallback: bool = True) -> int:
    """Cluster every claim again (rebuilding the index)."""
    return update_clusters(store, backend, fallback, rebuild=True)
