"""Claim clusters: the same proposition stated in several places, ordered by first appearance.

Two claims have the same content when their words or embeddings say the same and their
anchors agree. The words and embeddings:

- their word features overlap strongly: the content words (spaCy's English stop words
  removed, negations kept, a light plural stemmer) and the pairs of consecutive content
  words, compared by the cosine of the two feature sets (``lexical`` >= 0.6 with two shared
  words, or identical features); or
- their sentence embeddings (:mod:`foreigndesk.analyze.embed`) are close: cosine >= the
  backend's ``high`` threshold, or >= its ``mid`` threshold when they share a content word.

The anchors (:mod:`foreigndesk.analyze.propositions`): the same polarity ("was free and
fair" and "was not free and fair" never join), the same named actors, the same figures and
an agreeing predicate; a generic line ("This is my home") or a bare noun phrase ("Democratic
nominee Hillary Clinton") joins nothing, not even its own words said again; and a line
resting on its speaker's pronouns ("his support for Trump", "we signed") joins only the
same speaker's (such a line is one content per speaker). Words and embeddings propose the
pairs; the anchors, read by the spaCy model from the contents of those pairs only, decide.
``foreigndesk eval echoes`` scores the result on labelled pairs (``eval/echo_pairs.tsv``).

Claims with identical features are one content, compared once. Candidate pairs of contents
come from an index of features (a word or word pair found in more than ``max_df`` contents
makes no pairs on its own), plus, for up to :data:`FULL_MATRIX` contents, every pair the
embeddings place above ``high``; contents are never compared all against all at scale.
With :data:`CENTRE_MIN` claims or more, an embedding match must also hold once the
embeddings are centred on their mean (cosine >= :data:`CENTRED`): in a store about one
topic (say China and Cuba) a sentence model finds every claim alike, and the centred
comparison keeps only what two claims share beyond the topic.
Clusters grow by single links in order of decreasing similarity, but two clusters merge only
when their first claims are themselves related (lexical >= 0.45, or an embedding match at
``mid``, and agreeing anchors), which stops chains drifting from one topic to another.

A cluster is ordered by first appearance: the document's publication date (for an undated
document, the claim's own date when the text gives one; undated claims last), then the
order the documents were stored, then the position in the document (where a claim that
repeats another comes after it). Its id is the id of its
first claim; ``similarity`` is each claim's similarity to that first claim. Only clusters of
two or more claims are stored (table ``claim_clusters``, replaced whole on each refresh).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


from foreigndesk.analyze import embed as embedding
from foreigndesk.analyze import propositions as prop
from foreigndesk.store import Store
from foreigndesk.store.claim_rows import cited_claim_rows, cluster_members
from foreigndesk.store.filters import ClaimFilter

LEXICAL = 0.6
LEXICAL_LINK = 0.45
FULL_MATRIX = 3000
CHUNK = 100_000     # pairs whose embeddings are compared at once
MAX_DF = 50         # a feature in more distinct contents than this makes no candidate pairs
CENTRE_MIN = 20     # claims from which embeddings are also compared centred on their mean
CENTRED = 0.6       # centred cosine an embedding match needs (the topic-shared part removed)
_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|none|nothing|without|cannot)\b|n['’]t\b",
                       re.I)


def _stop_words() -> frozenset[str]:
    """English stop words (``data/en/stop_words.txt``, spaCy's list without the negations),
    read as data so that the read commands that import this module never load spaCy."""
    text = resources.files("foreigndesk").joinpath("data/en/stop_words.txt").read_text(
        encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


_STOP = _stop_words()


def _stem(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


@functools.lru_cache(maxsize=200_000)
def _norm_word(w: str) -> str | None:
    """A word's normal form (lower case, no accents, light stemming), None for stop words."""
    w = "".join(c for c in unicodedata.normalize("NFKD", w.casefold())
                if not unicodedata.combining(c))
    if len(w) < 2 or w in _STOP:
        return None
    return _stem(w)


def content_words(text: str) -> list[str]:
    """Normalised content words of a claim, in order."""
    out = []
    for w in _WORD.findall(text):
        n = _norm_word(w)
        if n is not None:
            out.append(n)
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
    speaker: frozenset[str] = frozenset()  # keys of the speaker (empty: unknown)
    relative: bool = False                 # rests on pronouns fixed by the speaker


class _Similarity:
    def __init__(self, claims: list[_Claim], emb: np.ndarray | None,
                 embedder: embedding.Embedder | None) -> None:
        import numpy as np
        self.claims, self.emb, self.embedder = claims, emb, embedder
        self.props: dict[int, prop.Proposition] = {}
        self.centred: np.ndarray | None = None
        if emb is not None and len(claims) >= CENTRE_MIN:
            e64 = emb.astype(np.float64)  # float64: the same centre however it is summed
            c = e64 - e64.mean(axis=0)
            norms = np.linalg.norm(c, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            self.centred = c / norms

    def read(self, indices: list[int]) -> None:
        """Read the propositions of these contents (those not read yet), in one pass."""
        todo = sorted({i for i in indices if i not in self.props})
        for i, p in zip(todo, prop.read([self.claims[i].content for i in todo]), strict=True):
            self.props[i] = p

    def unfit(self, i: int) -> str | None:
        self.read([i])
        return prop.unfit(self.props[i])

    def anchors(self, i: int, j: int) -> str | None:
        """The anchor on which contents i and j differ (see :mod:`propositions`), or None."""
        self.read([i, j])
        why = prop.disagreement(self.props[i], self.props[j])
        if why is None and (self.claims[i].relative or self.claims[j].relative):
            si, sj = self.claims[i].speaker, self.claims[j].speaker
            if si and sj and not si & sj:
                why = "speaker"
        return why

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
        score = self.similar(i, j)
        return score if score is not None and self.anchors(i, j) is None else None

    def similar(self, i: int, j: int) -> float | None:
        """The similarity when the words or embeddings of i and j say the same (before the
        anchors are checked), else None."""
        a, b = self.claims[i], self.claims[j]
        if a.negated != b.negated:
            return None
        lex, cos, shared = self(i, j)
        if a.feats and a.feats == b.feats and _DIGITS.findall(a.content) == _DIGITS.findall(b.content):
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
        return (lex >= LEXICAL_LINK or (e is not None and cos >= e.mid and self._embedding_ok(i, j))
                ) and self.anchors(i, j) is None


def appearance_key(r: dict[str, Any]) -> tuple[str, int, int, bool]:
    """Order of first appearance of a claim row (``published``, ``claim_date`` or ``date``,
    ``date_source``, ``doc_order``, ``start``, ``stance``): see the module doc. At the same
    place, a claim that repeats comes after the claim it repeats ("As the Cuban side pointed
    out, ...," said the spokesman: the Cuban side first)."""
    date = r.get("claim_date", r.get("date"))
    when = r["published"] or (date if r["date_source"] == "text" else None)
    return (when or "~", r["doc_order"], r["start"], r.get("stance") == "repeats")


def matching_text(content: str, language: str | None) -> str:
    """The text a claim is compared on: its content, or for a claim in another language its
    English gloss (:mod:`foreigndesk.analyze.gloss`), so that a Spanish or Chinese claim
    joins the English (or other-language) claims it repeats on shared actors, figures and
    key terms."""
    if not language or language == "en":
        return content
    from foreigndesk.analyze.gloss import gloss

    return gloss(content, language)


def _load_claims(store: Store) -> list[_Claim]:
    from foreigndesk.store.claim_rows import claims_to_cluster

    rows = claims_to_cluster(store)
    out = []
    for r in rows:
        content = matching_text(r["content"], r["language"])
        feats = features(content)
        relative = prop.speaker_relative(content)
        out.append(_Claim(
            id=r["id"], content=content, key=appearance_key(r),
            feats=feats, words=frozenset(f for f in feats if "_" not in f),
            negated=bool(_NEGATION.search(content)),
            speaker=prop.speaker_keys(r["speaker_actor"], r["speaker_text"]) if relative
            else frozenset(), relative=relative))
    out.sort(key=lambda c: (c.key, c.id))
    return out


def _edges(sim: _Similarity, max_df: int) -> list[tuple[float, int, int]]:
    """(similarity, i, j) of every pair of contents with the same content (the rules of
    :meth:`_Similarity.same`, vectorised). Candidates: pairs sharing a feature (word or word
    pair) found in at most ``max_df`` contents, plus, up to :data:`FULL_MATRIX` contents,
    pairs the embeddings place above ``high``."""
    import numpy as np
    from scipy import sparse

    claims, emb, embedder = sim.claims, sim.emb, sim.embedder
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, c in enumerate(claims):
        for f in c.feats:
            rows.append(i)
            cols.append(vocab.setdefault(f, len(vocab)))
    n = len(claims)
    shape = (n, max(1, len(vocab)))
    full = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=shape)
    is_word = np.zeros(shape[1], dtype=bool)
    for f, k in vocab.items():
        is_word[k] = "_" not in f
    words = full[:, np.flatnonzero(is_word)]
    df = np.asarray(full.sum(axis=0)).ravel()
    capped = full[:, np.flatnonzero((df >= 2) & (df <= max_df))]
    pairs = sparse.triu(capped @ capped.T, k=1).tocoo()
    ii, jj = pairs.row.astype(np.int64), pairs.col.astype(np.int64)
    if emb is not None and embedder is not None and n <= FULL_MATRIX:
        ei, ej = np.nonzero(np.triu(emb @ emb.T >= embedder.high, 1))
        if len(ei):
            key = np.unique(np.concatenate([ii * n + jj, ei * n + ej]))
            ii, jj = key // n, key % n
    if not len(ii):
        return []
    shared = np.asarray(full[ii].multiply(full[jj]).sum(axis=1)).ravel()
    shared_words = np.asarray(words[ii].multiply(words[jj]).sum(axis=1)).ravel()
    size = np.asarray(full.getnnz(axis=1), dtype=np.float64)
    lex = shared / np.sqrt(np.maximum(size[ii] * size[jj], 1.0))
    negated = np.array([c.negated for c in claims], dtype=bool)
    same = (lex >= LEXICAL) & (shared_words >= 2)
    cos = np.zeros(len(ii))
    if emb is not None and embedder is not None:
        for a in range(0, len(ii), CHUNK):  # bounded memory: CHUNK pairs at a time
            ci, cj = ii[a:a + CHUNK], jj[a:a + CHUNK]
            c = np.einsum("ij,ij->i", emb[ci], emb[cj])
            cos[a:a + CHUNK] = c
            by_emb = (c >= embedder.high) | ((c >= embedder.mid) & (shared_words[a:a + CHUNK] >= 1))
            if sim.centred is not None and by_emb.any():
                hit = np.flatnonzero(by_emb)
                by_emb[hit] &= np.einsum("ij,ij->i", sim.centred[ci[hit]],
                                         sim.centred[cj[hit]]) >= CENTRED
            same[a:a + CHUNK] |= by_emb
    same &= negated[ii] == negated[jj]
    score = np.maximum(lex, cos)
    keep = np.flatnonzero(same)
    edges = list(zip(score[keep].tolist(), ii[keep].tolist(), jj[keep].tolist(), strict=True))
    sim.read([x for _s, i, j in edges for x in (i, j)])
    return [(s, i, j) for s, i, j in edges if sim.anchors(i, j) is None]


def cluster_claims(store: Store, backend: str | None = None, max_df: int = MAX_DF
                   ) -> list[list[tuple[int, float]]]:
    """Clusters of two or more claims: [(claim id, similarity to the first claim)], each in
    order of first appearance. ``backend``: see :func:`foreigndesk.analyze.embed.load`."""
    import numpy as np
    claims = _load_claims(store)
    if len(claims) < 2:
        return []
    # claims with identical features (and polarity) are one content, compared once
    # (a line resting on the speaker's pronouns is one content per speaker)
    reps: list[int] = []      # distinct content -> its first claim (claims are in order)
    rep_of: list[int] = []    # claim -> its distinct content
    seen: dict[tuple[frozenset[str], bool, tuple[str, ...], frozenset[str] | None], int] = {}
    for i, c in enumerate(claims):
        key = (c.feats or frozenset({f"#{c.id}"}), c.negated,  # no features: never merged
               tuple(_DIGITS.findall(c.content)),  # "3 died" and "5 died" differ
               c.speaker if c.relative else None)
        k = seen.setdefault(key, len(reps))
        if k == len(reps):
            reps.append(i)
        rep_of.append(k)
    distinct = [claims[i] for i in reps]
    embedder = embedding.load(backend)
    emb = embedder.embed([c.content for c in distinct]) if embedder is not None else None
    sim = _Similarity(distinct, emb, embedder)
    edges = _edges(sim, max_df)
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    parent = list(range(len(distinct)))  # root = the cluster's first content (lowest index)

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
    size = np.bincount(np.asarray(rep_of, dtype=np.int64), minlength=len(distinct))
    sim.read([k for k in range(len(distinct)) if size[k] > 1])
    for i in range(len(claims)):
        k = rep_of[i]
        if size[k] > 1 and find(k) == k and sim.unfit(k):
            continue  # the same generic line or bare topic twice is no cluster
        groups[find(k)].append(i)
    out = []
    for root, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        cluster = []
        for m in members:  # claim indices ascend: order of first appearance
            if rep_of[m] == root:
                cluster.append((claims[m].id, 1.0))
            else:
                lex, cos, _ = sim(root, rep_of[m])
                cluster.append((claims[m].id, round(max(lex, cos), 4)))
        out.append(cluster)
    return out


def refresh_clusters(store: Store, backend: str | None = None, fallback: bool = True) -> int:
    """Cluster every claim again, rebuilding the cluster index
    (:mod:`foreigndesk.analyze.cluster_update`) and replacing ``claim_clusters`` in one
    transaction; returns the number of clusters. An embedding backend that cannot load
    falls back to word overlap when ``fallback`` (the ingest must not fail for it), else
    raises :class:`foreigndesk.analyze.embed.EmbedUnavailable`."""
    from foreigndesk.analyze.cluster_update import rebuild_clusters
    from foreigndesk.store.claim_rows import cluster_count

    rebuild_clusters(store, backend, fallback)
    return cluster_count(store)


# -- reading ---------------------------------------------------------------------------------

def cited_claims(store: Store, flt: ClaimFilter | None = None,
                 order_fields: bool = False) -> list[dict[str, Any]]:
    """Claims as ``flt`` selects them (all by default) with their speaker's name and citation
    (outlet, date, URL, sentence), in order of appearance; ``order_fields`` keeps the fields
    that order is computed from."""
    rows = cited_claim_rows(store, flt)
    rows.sort(key=appearance_key)
    if not order_fields:
        for r in rows:
            del r["doc_order"], r["date_source"]
    return rows


def filtered_claims(store: Store, speakers: Sequence[str] = (), about: str | None = None,
                    stances: Sequence[str] = (), kinds: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Cited claims filtered as ``foreigndesk claims`` and ``/api/claims`` filter them: by any
    of ``speakers`` (see :func:`foreigndesk.store.filters.speaker_clause`), every word of
    ``about`` in the content, any of ``stances``, any of ``kinds`` (statement, belief,
    intention)."""
    return cited_claims(store, ClaimFilter(speakers=tuple(speakers), about=about,
                                           stances=tuple(stances), kinds=tuple(kinds)))


def cluster_rows(store: Store) -> list[dict[str, Any]]:
    """Every stored cluster member, cited; clusters in order of their first appearance and
    members in order within each cluster (``order`` 1, role ``first``, is who said it first;
    the others, role ``repeats``, said it later)."""
    members = cluster_members(store)
    if not members:
        return []
    cited = {r["claim_id"]: r for r in cited_claims(
        store, ClaimFilter(ids=[m["claim_id"] for m in members]), order_fields=True)}
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
    return cited_claims(store, ClaimFilter(echoes_only=True))
