"""Text reuse: passages of one document repeated, verbatim or nearly, in another.

The method follows passim (Smith, Cordell and Mullen): shingles find candidates, alignment
finds the passages.

1. **Words.** A word is a run of letters or digits; it is compared in a normal form
   (lower case, accents stripped). Punctuation, quote characters (straight or curly),
   dashes and spacing therefore never break a match: ``states’ “core interests”`` and
   ``states' "core interests"`` are the same four words.
2. **Shingles.** Every run of ``n`` consecutive words (5 by default) is hashed (64 bits).
3. **Index.** All (shingle, document, position) triples are sorted by shingle. A shingle found
   in more than ``max_df`` documents is boilerplate (formulae, datelines) and is skipped;
   when the rest would still make more than ``max_seeds`` seeds (a corpus of near-copies),
   the most common shingles are skipped first until they fit, so memory stays bounded. Two
   documents sharing a shingle get a *seed* (position in one, position in the other); only
   pairs with at least ``min_seeds`` seeds are candidates, so documents are never compared
   all against all.
4. **Alignment.** The seeds of a candidate pair are chained along diagonals into regions
   (a changed word kills ``n`` shingles, so gaps of up to ``gap`` words are bridged, and the
   diagonal may drift by up to ``drift`` words for small insertions and deletions). Each
   region is extended word by word while both sides agree, then aligned word by word with
   :class:`difflib.SequenceMatcher` and trimmed to its first and last matching word. A
   passage is kept when both spans have at least ``min_words`` words and the share of matched
   words (``score``) is at least ``min_score``. Spans are exact character offsets into each
   document's text (from the first character of the first word to the last of the last).
5. **Direction.** The later document repeats the earlier one. Rules, in order (the rule that
   decided is stored in ``direction_rule``):

   - ``published``: both documents are dated and the dates differ (at their common
     precision: ``2023-01`` and ``2023-01-18`` do not differ);
   - ``compilation``: otherwise, when one document shares passages with two or more other
     documents and the other does not, the first is a compilation of the others and is later
     (a dossier's undated introduction that quotes three dated articles repeats each of them);
   - ``undated-later``: otherwise, when only one is dated, the undated one is later (a dated
     publication is taken as the source of an undated copy, note or compilation);
   - ``ingest-order``: otherwise (both undated or same date, no other evidence) the document
     stored first is taken as the earlier; this rule states that the direction is unknown.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


from foreigndesk.model import Reuse
from foreigndesk.store import Store

NAME = "reuse"
VERSION = "1"

_WORD = re.compile(r"[^\W_]+")
# odd 64-bit multipliers for the shingle hash (one per position in the shingle)
_MULTS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
          0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9)


@dataclass
class ReuseConfig:
    """Parameters of reuse detection (defaults suit news articles)."""

    n: int = 5               # words per shingle
    min_words: int = 8       # minimum passage length in words (each side)
    max_df: int = 100        # skip shingles found in more documents than this
    min_seeds: int = 2       # shared shingles a pair needs to be aligned
    gap: int = 12            # words without a shared shingle bridged inside a passage
    drift: int = 6           # words of insertion/deletion tolerated inside a passage
    min_score: float = 0.6   # share of matched words in a passage
    max_seeds: int = 3_000_000  # seeds held at once (memory: about 80 bytes each)

    def __post_init__(self) -> None:
        if not 1 <= self.n <= len(_MULTS):
            raise ValueError(f"shingle size must be between 1 and {len(_MULTS)} words")
        if self.min_words < 1:
            raise ValueError("minimum passage length must be at least one word")
        if self.max_df < 2:
            raise ValueError("max_df must be at least 2")


@dataclass
class Text:
    """A document as reuse detection sees it."""

    id: str
    text: str
    published: str | None = None


@dataclass
class Stats:
    """What one run did (for benches and logs)."""

    documents: int = 0
    words: int = 0
    shingles: int = 0
    skipped_shingles: int = 0  # in more than max_df documents
    seeds: int = 0
    candidate_pairs: int = 0
    aligned_pairs: int = 0
    passages: int = 0
    timings: dict[str, float] = field(default_factory=dict)


class Tokeniser:
    """Words of a text as ids of their normal forms: a 64-bit hash of the normal form, the
    same in every run, so that shingle hashes can be kept in the store's index."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}      # raw word -> id of its normal form

    def _add(self, w: str) -> int:
        norm = "".join(c for c in unicodedata.normalize("NFKD", w.casefold())
                       if not unicodedata.combining(c))
        i = int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(),
                           "little")
        self._ids[w] = i
        return i

    def ids(self, text: str) -> list[int]:
        get = self._ids.get
        out = []
        for w in _WORD.findall(text):
            i = get(w)
            out.append(i if i is not None else self._add(w))
        return out


def word_spans(text: str) -> tuple[list[int], list[int]]:
    """Start and end character offsets of the words of ``text`` (same words as Tokeniser)."""
    starts, ends = [], []
    for m in _WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _dates_differ(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return not (a.startswith(b) or b.startswith(a))


def shingle_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """64-bit hash of every run of ``n`` consecutive ids (len(ids) - n + 1 values)."""
    import numpy as np
    m = len(ids) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(m, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h ^= ids[k:k + m] * np.uint64(_MULTS[k])
            h = (h ^ (h >> np.uint64(29))) * np.uint64(_MULTS[(k + 3) % len(_MULTS)])
    return h


def _seeds(ids_list: Sequence[list[int]], cfg: ReuseConfig, stats: Stats
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(doc_a, doc_b, pos_a, pos_b) of every shingle shared by two documents (doc_a < doc_b),
    sorted by pair then pos_a; boilerplate shingles skipped."""
    import numpy as np
    n = cfg.n
    lens = np.fromiter((len(x) for x in ids_list), dtype=np.int64, count=len(ids_list))
    empty = np.zeros(0, dtype=np.int64)
    if lens.sum() == 0:
        return empty, empty, empty, empty
    flat = np.fromiter((i for x in ids_list for i in x), dtype=np.uint64, count=int(lens.sum()))
    h = shingle_hashes(flat, n)
    doc = np.repeat(np.arange(len(lens), dtype=np.int64), lens)[: len(h)]
    starts = np.concatenate(([0], np.cumsum(lens)[:-1]))
    pos = np.arange(len(h), dtype=np.int64) - starts[doc]
    valid = pos <= lens[doc] - n  # shingles that do not cross into the next document
    h, doc, pos = h[valid], doc[valid], pos[valid]
    stats.shingles = int(len(h))
    if len(h) == 0:
        return empty, empty, empty, empty
    order = np.argsort(h, kind="stable")  # stable: documents stay ascending inside a group
    h, doc, pos = h[order], doc[order], pos[order]
    new_group = np.empty(len(h), dtype=bool)
    new_group[0] = True
    new_group[1:] = h[1:] != h[:-1]
    gstart = np.flatnonzero(new_group)
    gsize = np.diff(np.append(gstart, len(h)))
    new_doc = new_group.copy()
    new_doc[1:] |= doc[1:] != doc[:-1]
    df = np.add.reduceat(new_doc.astype(np.int64), gstart)
    stats.skipped_shingles = int((df > cfg.max_df).sum())
    keep = (df >= 2) & (df <= cfg.max_df) & (gsize <= 2 * cfg.max_df)
    gstart, gsize = gstart[keep], gsize[keep]
    # bounded memory: when the shared shingles would make more than max_seeds seeds (a
    # corpus of near-copies), the most common shingles go first, as max_df would drop them
    pairs = gsize * (gsize - 1) // 2
    if pairs.sum() > cfg.max_seeds:
        by_size = np.argsort(gsize, kind="stable")
        fits = np.cumsum(pairs[by_size]) <= cfg.max_seeds
        kept = np.sort(by_size[fits])
        stats.skipped_shingles += int(len(gsize) - len(kept))
        gstart, gsize = gstart[kept], gsize[kept]
    parts_l, parts_r = [], []
    for k in np.unique(gsize):
        k = int(k)
        s = gstart[gsize == k]
        iu, ju = np.triu_indices(k, 1)
        parts_l.append((s[:, None] + iu[None, :]).ravel())
        parts_r.append((s[:, None] + ju[None, :]).ravel())
    if not parts_l:
        return empty, empty, empty, empty
    left, right = np.concatenate(parts_l), np.concatenate(parts_r)
    da, db = doc[left], doc[right]
    diff_doc = da != db
    da, db, pa, pb = da[diff_doc], db[diff_doc], pos[left][diff_doc], pos[right][diff_doc]
    order = np.lexsort((pb, pa, db, da))
    stats.seeds = int(len(da))
    return da[order], db[order], pa[order], pb[order]


def _chain(pa: np.ndarray, pb: np.ndarray, cfg: ReuseConfig) -> list[list[int]]:
    """Chain seeds (sorted by pa) along diagonals: [a0, a_last, b0, b_last, n_seeds]."""
    done: list[list[int]] = []
    open_: list[list[int]] = []
    for x, y in zip(pa.tolist(), pb.tolist(), strict=True):
        best = None
        for r in open_:
            if x - r[1] > cfg.gap:
                continue
            dy = y - r[3]
            if dy < 0 or dy > cfg.gap + cfg.drift:
                continue
            if abs((y - x) - (r[3] - r[1])) <= cfg.drift:
                best = r
                break
        if best is None:
            open_.append([x, x, y, y, 1])
        else:
            best[1], best[3] = x, y
            best[4] += 1
        # close regions that can no longer grow
        if len(open_) > 8 or any(x - r[1] > cfg.gap for r in open_):
            still: list[list[int]] = []
            for r in open_:
                (done if x - r[1] > cfg.gap else still).append(r)
            open_ = still
    return done + open_


def _align(a: list[int], b: list[int], region: list[int], cfg: ReuseConfig
           ) -> tuple[int, int, int, int, float] | None:
    """Extend and align one region; (a0, a1, b0, b1, score) in word indices, or None.

    The region grows word by word while both sides agree; then a window of ``n`` more words
    on each side (where fewer than ``n`` matching words can hide behind an edit) is aligned
    with SequenceMatcher and trimmed to its first and last matching run of two or more
    words."""
    n = cfg.n
    a0, a1, b0, b1 = region[0], region[1] + n, region[2], region[3] + n
    while a0 > 0 and b0 > 0 and a[a0 - 1] == b[b0 - 1]:
        a0 -= 1
        b0 -= 1
    while a1 < len(a) and b1 < len(b) and a[a1] == b[b1]:
        a1 += 1
        b1 += 1
    a0, b0 = max(0, a0 - n), max(0, b0 - n)
    a1, b1 = min(len(a), a1 + n), min(len(b), b1 + n)
    blocks = [m for m in difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
              .get_matching_blocks() if m.size]
    while blocks and blocks[0].size < 2:
        blocks.pop(0)
    while blocks and blocks[-1].size < 2:
        blocks.pop()
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    a0, a1, b0, b1 = (a0 + first.a, a0 + last.a + last.size, b0 + first.b,
                      b0 + last.b + last.size)
    if min(a1 - a0, b1 - b0) < cfg.min_words:
        return None
    matched = sum(m.size for m in blocks)
    score = matched / max(a1 - a0, b1 - b0)
    return (a0, a1, b0, b1, score) if score >= cfg.min_score else None


def _merge(found: list[tuple[int, int, int, int, float]]) -> list[tuple[int, int, int, int, float]]:
    """Report each stretch of text once per pair: drop a passage whose span in either
    document lies inside the span of a longer passage of the same pair (a sentence that
    a document repeats twice aligns twice)."""
    found = sorted(found, key=lambda p: -(p[1] - p[0] + p[3] - p[2]))
    out: list[tuple[int, int, int, int, float]] = []
    for p in found:
        if any((q[0] <= p[0] and p[1] <= q[1]) or (q[2] <= p[2] and p[3] <= q[3]) for q in out):
            continue
        out.append(p)
    return sorted(out)


def pair_passages(a: list[int], b: list[int], pa: np.ndarray, pb: np.ndarray,
                  cfg: ReuseConfig) -> list[tuple[int, int, int, int, float]]:
    """Passages (a0, a1, b0, b1, score), in word indices, of documents ``a`` and ``b`` (word
    ids) from their seeds (positions of shared shingles, sorted by ``pa`` then ``pb``)."""
    found = []
    for region in _chain(pa, pb, cfg):
        if region[4] < cfg.min_seeds and region[1] - region[0] + cfg.n < cfg.min_words:
            continue
        r = _align(a, b, region, cfg)
        if r is not None:
            found.append(r)
    return _merge(found) if found else []


def find_reuse(texts: Sequence[Text], config: ReuseConfig | None = None,
               stats: Stats | None = None) -> list[Reuse]:
    """Every passage shared by two of ``texts``, with both spans and the direction.

    ``texts`` are in ingest order (used only by the ``ingest-order`` fallback rule)."""
    return list(iter_reuse(texts, config, stats))


def iter_reuse(texts: Sequence[Text], config: ReuseConfig | None = None,
               stats: Stats | None = None) -> Iterator[Reuse]:
    """:func:`find_reuse` one passage at a time: many near-copies make a number of passages
    that grows with the square of their number, each holding its text, so they are written as
    they come rather than held."""
    import time

    import numpy as np

    cfg = config or ReuseConfig()
    st = stats if stats is not None else Stats()
    t0 = time.perf_counter()
    tok = Tokeniser()
    ids_list = [tok.ids(t.text) for t in texts]
    st.documents = len(texts)
    st.words = sum(len(x) for x in ids_list)
    t1 = time.perf_counter()
    da, db, pa, pb = _seeds(ids_list, cfg, st)
    t2 = time.perf_counter()
    # candidate pairs: runs of equal (da, db) with enough seeds
    raw: list[tuple[int, int, list[tuple[int, int, int, int, float]]]] = []
    if len(da):
        key = da * len(texts) + db
        bounds = np.flatnonzero(np.diff(key)) + 1
        starts = np.concatenate(([0], bounds))
        ends = np.concatenate((bounds, [len(key)]))
        cand = np.flatnonzero(ends - starts >= cfg.min_seeds)
        st.candidate_pairs = int(len(cand))
        for c in cand.tolist():
            s, e = int(starts[c]), int(ends[c])
            i, j = int(da[s]), int(db[s])
            found = pair_passages(ids_list[i], ids_list[j], pa[s:e], pb[s:e], cfg)
            if found:
                raw.append((i, j, found))
    st.aligned_pairs = len(raw)
    t3 = time.perf_counter()
    st.passages = 0
    for passage in _passages(texts, raw):
        st.passages += 1
        yield passage
    st.timings.update(tokenise=t1 - t0, index=t2 - t1, align=t3 - t2,
                      spans=time.perf_counter() - t3)


def _passages(texts: Sequence[Text],
              raw: list[tuple[int, int, list[tuple[int, int, int, int, float]]]]
              ) -> Iterator[Reuse]:
    partners: dict[int, set[int]] = defaultdict(set)
    for i, j, _ in raw:
        partners[i].add(j)
        partners[j].add(i)
    spans: dict[int, tuple[list[int], list[int]]] = {}

    def span(d: int) -> tuple[list[int], list[int]]:
        if d not in spans:
            spans[d] = word_spans(texts[d].text)
        return spans[d]

    for i, j, found in raw:
        earlier, later, rule = direction(texts, partners, i, j)
        for a0, a1, b0, b1, score in found:
            (e0, e1, l0, l1) = (a0, a1, b0, b1) if earlier == i else (b0, b1, a0, a1)
            es, ee = span(earlier)
            ls, le = span(later)
            et, lt = texts[earlier].text, texts[later].text
            yield Reuse(
                earlier_doc=texts[earlier].id, earlier_start=es[e0], earlier_end=ee[e1 - 1],
                later_doc=texts[later].id, later_start=ls[l0], later_end=le[l1 - 1],
                earlier_text=et[es[e0]:ee[e1 - 1]], later_text=lt[ls[l0]:le[l1 - 1]],
                score=round(score, 4), direction_rule=rule, extractor=NAME, version=VERSION)


def direction(texts: Sequence[Text], partners: dict[int, set[int]], i: int, j: int
              ) -> tuple[int, int, str]:
    """(earlier, later, rule) for documents i < j (indices into ``texts``); see the module doc."""
    first_earlier, rule = orient(texts[i].published, texts[j].published,
                                 len(partners.get(i, ())) >= 2, len(partners.get(j, ())) >= 2)
    return (i, j, rule) if first_earlier else (j, i, rule)


def orient(pi: str | None, pj: str | None, ci: bool, cj: bool) -> tuple[bool, str]:
    """(is the first document the earlier, rule) for two documents, the first stored first:
    their publication dates and whether each is a compilation (passages shared with two or
    more documents); see the module doc."""
    if _dates_differ(pi, pj):
        return (pi or "") < (pj or ""), "published"
    if ci != cj:
        return not ci, "compilation"
    if bool(pi) != bool(pj):
        return bool(pi), "undated-later"
    return True, "ingest-order"


def texts_of(store: Store) -> list[Text]:
    """Every stored document, in ingest order."""
    from foreigndesk.store.document_rows import document_texts

    return [Text(r["id"], r["text"], r["published"]) for r in document_texts(store)]


def write(store: Store, passages: Iterable[Reuse]) -> None:
    """Replace the ``reuse`` table's rows with ``passages`` in one transaction."""
    from foreigndesk.store.reuse_rows import replace_reuse

    replace_reuse(store, ((p.earlier_doc, p.earlier_start, p.earlier_end, p.later_doc,
                           p.later_start, p.later_end, p.earlier_text, p.later_text, p.score,
                           p.direction_rule, p.extractor, p.version)
                          for p in passages))  # streamed, never all in memory


def refresh_reuse(store: Store, config: ReuseConfig | None = None) -> int:
    """Recompute text reuse over the whole store (rebuilding its index, see
    :mod:`foreigndesk.analyze.reuse_update`); returns the number of passages."""
    from foreigndesk.analyze.reuse_update import rebuild_reuse
    from foreigndesk.store.reuse_rows import reuse_count

    rebuild_reuse(store, config)
    return reuse_count(store)
