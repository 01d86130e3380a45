"""Claim clusters: the same claim made in several places, ordered by first appearance.

Two claims have the same content when (and the contents do not differ in negation: "was
free and fair" and "was not free and fair" never join):

- their word features overlap strongly: the content words (spaCy's English stop words
  removed, negations kept, a light plural stemmer) and the pairs of consecutive content
  words, compared by the cosine of the two feature sets (``lexical`` >= 0.6 with two shared
  words, or identical features); or
- their sentence embeddings (:mod:`foreigndesk.analyze.embed`) are close: cosine >= the
  backend's ``high`` threshold, or >= its ``mid`` threshold when they share a content word.

Candidate pairs come from an index of content words (a word in more than ``max_df`` claims
does not make pairs on its own), plus, for up to :data:`FULL_MATRIX` claims, every pair the
embeddings place above ``high``; claims are never compared all against all at scale.
With :data:`CENTRE_MIN` claims or more, an embedding match must also hold once the
embeddings are centred on their mean (cosine >= :data:`CENTRED`): in a store about one
topic (say China and Cuba) a sentence model finds every claim alike, and the centred
comparison keeps only what two claims share beyond the topic.
Clusters grow by single links in order of decreasing similarity, but two clusters merge only
when their first claims are themselves related (lexical >= 0.45, or an embedding match at
``mid``), which stops chains drifting from one topic to another.

A cluster is ordered by first appearance: the document's publication date (for an undated
document, the claim's own date when the text gives one; undated claims last), then the
order the documents were stored, then the position in the document (where a claim that
repeats another comes after it). Its id is the id of its
first claim; ``similarity`` is each claim's similarity to that first claim. Only clusters of
two or more claims are stored (table ``claim_clusters``, replaced whole on each refresh).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from foreigndesk.analyze import embed as embedding
from foreigndesk.store import Store

LEXICAL = 0.6
LEXICAL_LINK = 0.45
FULL_MATRIX = 3000
CENTRE_MIN = 20     # claims from which embeddings are also compared centred on their mean
CENTRED = 0.6       # centred cosine an embedding match needs (the topic-shared part removed)
_WORD = re.compile(r"[^\W_]+")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|none|nothing|without|cannot)\b|n['’]t\b",
                       re.I)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    keep = {"no", "not", "never", "nor", "neither", "none", "nothing", "without", "cannot"}
    return frozenset(w for w in STOP_WORDS if w not in keep)


_STOP = _stop_words()


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def content_words(text: str) -> list[str]:
    """Normalised content words of a claim, in order."""
    out = []
    for w in _WORD.findall(text):
        w = "".join(c for c in unicodedata.normalize("NFKD", w.casefold())
                    if not unicodedata.combining(c))
        if len(w) < 2 or w in _STOP:
            continue
        out.append(_stem(w))
    return out


def features(text: str) -> frozenset[str]:
    """Content words and pairs of consecutive content words."""
    ws = content_words(text)
    return frozenset(ws) | frozenset(f"{a}_{b}" for a, b in zip(ws, ws[1:], strict=False))


def lexical(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


@dataclass
class _Claim:
    id: int
    content: str
    key: tuple[str, int, int, bool]
    feats: frozenset[str]
    words: frozenset[str]
    negated: bool


class _Similarity:
    def __init__(self, claims: list[_Claim], emb: np.ndarray | None,
                 embedder: embedding.Embedder | None) -> None:
        self.claims, self.emb, self.embedder = claims, emb, embedder
        self.centred: np.ndarray | None = None
        if emb is not None and len(claims) >= CENTRE_MIN:
            c = emb - emb.mean(axis=0)
            norms = np.linalg.norm(c, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            self.centred = c / norms

    def _embedding_ok(self, i: int, j: int) -> bool:
        """Veto of the centred comparison: in a store about one topic every claim looks
        alike to a sentence model; what they share beyond the store's mean must agree."""
        return self.centred is None or float(self.centred[i] @ self.centred[j]) >= CENTRED

    def __call__(self, i: int, j: int) -> tuple[float, float, int]:
        """(lexical, cosine, shared content words); cosine 0 without embeddings."""
        a, b = self.claims[i], self.claims[j]
        cos = float(self.emb[i] @ self.emb[j]) if self.emb is not None else 0.0
        return lexical(a.feats, b.feats), cos, len(a.words & b.words)

    def same(self, i: int, j: int) -> float | None:
        """The similarity when i and j have the same content, else None."""
        a, b = self.claims[i], self.claims[j]
        if a.negated != b.negated:
            return None
        lex, cos, shared = self(i, j)
        if a.feats and a.feats == b.feats:
            return 1.0
        if lex >= LEXICAL and shared >= 2:
            return max(lex, cos)
        e = self.embedder
        if (e is not None and (cos >= e.high or (cos >= e.mid and shared >= 1))
                and self._embedding_ok(i, j)):
            return max(lex, cos)
        return None

    def related(self, i: int, j: int) -> bool:
        a, b = self.claims[i], self.claims[j]
        if a.negated != b.negated:
            return False
        lex, cos, _ = self(i, j)
        e = self.embedder
        return lex >= LEXICAL_LINK or (e is not None and cos >= e.mid and self._embedding_ok(i, j))


def appearance_key(r: dict[str, Any]) -> tuple[str, int, int, bool]:
    """Order of first appearance of a claim row (``published``, ``claim_date`` or ``date``,
    ``date_source``, ``doc_order``, ``start``, ``stance``): see the module doc. At the same
    place, a claim that repeats comes after the claim it repeats ("As the Cuban side pointed
    out, ...," said the spokesman: the Cuban side first)."""
    date = r.get("claim_date", r.get("date"))
    when = r["published"] or (date if r["date_source"] == "text" else None)
    return (when or "~", r["doc_order"], r["start"], r.get("stance") == "repeats")


def _load_claims(store: Store) -> list[_Claim]:
    rows = store.query(
        "SELECT c.id, c.content, c.start, c.date, c.date_source, c.stance, d.published, "
        "d.rowid AS doc_order "
        "FROM claims c JOIN documents d ON d.id=c.doc_id WHERE c.content != ''")
    out = []
    for r in rows:
        feats = features(r["content"])
        out.append(_Claim(
            id=r["id"], content=r["content"], key=appearance_key(r),
            feats=feats, words=frozenset(f for f in feats if "_" not in f),
            negated=bool(_NEGATION.search(r["content"]))))
    out.sort(key=lambda c: c.key)
    return out


def _candidates(claims: Sequence[_Claim], emb: np.ndarray | None,
                embedder: embedding.Embedder | None, max_df: int) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for w in c.words:
            index[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if 2 <= len(posting) <= max_df:
            for x in range(len(posting)):
                for y in range(x + 1, len(posting)):
                    pairs.add((posting[x], posting[y]))
    if emb is not None and embedder is not None and len(claims) <= FULL_MATRIX:
        sims = emb @ emb.T
        ii, jj = np.nonzero(np.triu(sims >= embedder.high, 1))
        pairs.update(zip(ii.tolist(), jj.tolist(), strict=True))
    return pairs


def cluster_claims(store: Store, backend: str | None = None
                   ) -> list[list[tuple[int, float]]]:
    """Clusters of two or more claims: [(claim id, similarity to the first claim)], each in
    order of first appearance. ``backend``: see :func:`foreigndesk.analyze.embed.load`."""
    claims = _load_claims(store)
    if len(claims) < 2:
        return []
    embedder = embedding.load(backend)
    emb = embedder.embed([c.content for c in claims]) if embedder is not None else None
    sim = _Similarity(claims, emb, embedder)
    edges = []
    for i, j in _candidates(claims, emb, embedder, max_df=max(100, len(claims) // 50)):
        s = sim.same(i, j)
        if s is not None:
            edges.append((s, i, j))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    parent = list(range(len(claims)))  # root = the cluster's first claim (lowest index)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _s, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj or not sim.related(ri, rj):
            continue
        parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        groups[find(i)].append(i)
    out = []
    for root, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        cluster = []
        for m in members:  # indices ascend: order of first appearance
            if m == root:
                cluster.append((claims[m].id, 1.0))
            else:
                lex, cos, _ = sim(root, m)
                cluster.append((claims[m].id, round(max(lex, cos), 4)))
        out.append(cluster)
    return out


def refresh_clusters(store: Store, backend: str | None = None, fallback: bool = True) -> int:
    """Recompute claim clusters over the whole store, replacing ``claim_clusters`` in one
    transaction; returns the number of clusters. An embedding backend that cannot load
    falls back to word overlap when ``fallback`` (the ingest must not fail for it), else
    raises :class:`foreigndesk.analyze.embed.EmbedUnavailable`."""
    try:
        clusters = cluster_claims(store, backend)
    except embedding.EmbedUnavailable:
        if not fallback:
            raise
        clusters = cluster_claims(store, "none")
    c = store.conn
    c.execute("BEGIN IMMEDIATE")
    try:
        c.execute("DELETE FROM claim_clusters")
        c.executemany(
            "INSERT INTO claim_clusters(claim_id, cluster_id, similarity) VALUES (?,?,?)",
            [(cid, cl[0][0], s) for cl in clusters for cid, s in cl])
        c.execute("COMMIT")
    except BaseException:
        c.execute("ROLLBACK")
        raise
    return len(clusters)


# -- reading ---------------------------------------------------------------------------------

_CITED = """SELECT c.id AS claim_id, c.doc_id, c.sentence AS sentence_index, c.start, c."end",
       coalesce(a.name, c.speaker_text, c.speaker_actor) AS speaker, c.speaker_actor,
       c.speaker_code, c.cue, c.stance, c.direct, c.content, c.date AS claim_date,
       c.date_source, d.rowid AS doc_order,
       c.echoes_actor, coalesce(ea.name, c.echoes_text, c.echoes_actor) AS echoes,
       d.outlet, d.published, d.url, d.title, s.text AS sentence
FROM claims c
JOIN documents d ON d.id = c.doc_id
LEFT JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sentence
LEFT JOIN actors a ON a.id = c.speaker_actor
LEFT JOIN actors ea ON ea.id = c.echoes_actor"""


def cited_claims(store: Store, where: str = "", params: Sequence[Any] = (),
                 order_fields: bool = False) -> list[dict[str, Any]]:
    """Claims with their speaker's name and citation (outlet, date, URL, sentence), in order
    of appearance; ``order_fields`` keeps the fields that order is computed from."""
    sql = _CITED + (f" WHERE {where}" if where else "")
    rows = store.query(sql, params)
    rows.sort(key=appearance_key)
    if not order_fields:
        for r in rows:
            del r["doc_order"], r["date_source"]
    return rows


def cluster_rows(store: Store) -> list[dict[str, Any]]:
    """Every stored cluster member, cited; clusters in order of their first appearance and
    members in order within each cluster (``order`` 1, role ``first``, is who said it first;
    the others, role ``repeats``, said it later)."""
    members = store.query("SELECT claim_id, cluster_id, similarity FROM claim_clusters")
    if not members:
        return []
    cited = {r["claim_id"]: r for r in cited_claims(
        store, f"c.id IN ({','.join('?' * len(members))})", [m["claim_id"] for m in members],
        order_fields=True)}
    rows = []
    for m in members:
        r = dict(cited[m["claim_id"]])
        r["cluster"], r["similarity"] = m["cluster_id"], m["similarity"]
        rows.append(r)
    first = {r["cluster"]: appearance_key(r) for r in rows if r["claim_id"] == r["cluster"]}
    rows.sort(key=lambda r: (first[r["cluster"]], r["cluster"], appearance_key(r)))
    k, last = 0, None
    for r in rows:
        k = k + 1 if r["cluster"] == last else 1
        last = r["cluster"]
        r["order"], r["role"] = k, ("first" if k == 1 else "repeats")
        del r["doc_order"], r["date_source"]
    return rows


def echo_rows(store: Store) -> list[dict[str, Any]]:
    """Explicit echoes: claims whose sentence says the speaker repeats someone's claim."""
    return cited_claims(store, "c.echoes_actor IS NOT NULL OR c.echoes_text IS NOT NULL "
                               "OR c.stance = 'repeats'")
