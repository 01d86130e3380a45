#!/usr/bin/env python
"""Text reuse detection at scale, against baselines measured in the same run.

    python bench/reuse.py [DIR] [--docs 10000] [--seed 1] [--subset 500]

DIR holds TimeML files (default: ../shared/eval/tempeval3_tbaq_cleaned); the text of each
<TEXT> element, tags stripped, is an *original*. The corpus of ``--docs`` documents is built
from them programmatically (seeded, so every run sees the same corpus):

- the originals themselves;
- *new* documents: an original with its paragraphs shuffled, about 10% of its sentences
  dropped and every word replaced by one drawn from the corpus's word frequencies (a unigram
  model in the original's shape: paragraph and sentence lengths, punctuation, capitals), so
  it shares no passage with anything beyond chance; half of them end with one of the 20
  most frequent 6-word phrases of the originals (formulae the index must skip as
  boilerplate);
- *planted reuse*: 30% of the documents also quote a passage (2-5 consecutive sentences) of an
  earlier document, lightly rewritten (about 2% of words substituted, a sentence of three or
  more sometimes dropped, straight quotes made curly), at a paragraph boundary;
- *rewritten copies*: 5% of the documents are light rewrites of a whole earlier document
  (paragraphs shuffled, sentences dropped, 3% of words substituted).

Document i is published on day i, so the direction of every planted passage is known.

Measured, on the same machine in the same run:
1. ours: :func:`foreigndesk.analyze.reuse.find_reuse` on all documents (tokenise, shingle
   index, candidate pairs, alignment, spans, direction);
2. baseline A: only tokenising the same texts (the floor any method pays);
3. baseline B: naive all-pairs comparison (shingle-set intersection of every pair, sets
   precomputed and not timed) on a ``--subset`` of documents, extrapolated to all pairs.

Printed: documents, words, candidate pairs, passages found, recall and direction accuracy
on the planted passages, seconds, and the ratios against both baselines.
"""

from __future__ import annotations

import argparse
import html
import itertools
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from foreigndesk.analyze.reuse import ReuseConfig, Stats, Text, Tokeniser, find_reuse

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*|[^\sA-Za-z\d]+|\s+")


def timeml_texts(root: Path) -> list[str]:
    out = []
    for p in sorted(root.rglob("*.tml")):
        raw = p.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        text = html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw)).strip()
        if text:
            out.append(text)
    return out


class Corpus:
    """Builds the synthetic corpus (see the module doc) and remembers what was planted."""

    def __init__(self, originals: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.originals = [[_SENT.split(p.strip()) for p in re.split(r"\n\s*\n", o) if p.strip()]
                          for o in originals]
        freq = Counter(w.lower() for o in originals
                       for w in re.findall(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*\d|\d", o))
        self.function = {w for w, _ in freq.most_common(150)}
        words = list(freq)
        # every word, by corpus frequency (for new text); content words only (for edits)
        self.words, self.cum = words, list(itertools.accumulate(freq[w] for w in words))
        content = [w for w in words if w not in self.function]
        self.content = content
        self.content_cum = list(itertools.accumulate(freq[w] for w in content))
        self.pool: list[str] = []
        self.edits: list[str] = []
        # formulae found in many documents (boilerplate the index must skip)
        grams = Counter(tuple(ws[k:k + 6]) for o in originals
                        for ws in [o.split()] for k in range(len(ws) - 5))
        self.formulae = [" ".join(g) for g, _ in grams.most_common(20)]
        self.planted: list[tuple[int, int, str]] = []  # (earlier, later, passage as planted)

    def _word(self) -> str:
        if not self.pool:  # fresh draws, never recycled (recycling would plant reuse)
            self.pool = self.rng.choices(self.words, cum_weights=self.cum, k=100_000)
        return self.pool.pop()

    def _edit(self) -> str:
        if not self.edits:
            self.edits = self.rng.choices(self.content, cum_weights=self.content_cum, k=10_000)
        return self.edits.pop()

    def _rewrite(self, sentence: str, p_sub: float) -> str:
        """p_sub < 1: substitute that share of content words (an edit); p_sub == 1: replace
        every word, function words and numbers too (new text, same shape)."""
        rng, function = self.rng, self.function
        out = []
        for t in _TOKEN.findall(sentence):
            if p_sub >= 1.0 and t[0].isalnum():
                w = self._word()
                out.append(w.capitalize() if t[0].isupper() else w)
            elif t[0].isalpha() and t.lower() not in function and rng.random() < p_sub:
                w = self._edit()
                out.append(w.capitalize() if t[0].isupper() else w)
            else:
                out.append(t)
        return "".join(out)

    def _paragraphs(self, paras: list[list[str]], p_drop: float, p_sub: float) -> list[str]:
        paras = paras[:]
        self.rng.shuffle(paras)
        out = []
        for p in paras:
            kept = [self._rewrite(s, p_sub) for s in p if self.rng.random() >= p_drop]
            if kept:
                out.append(" ".join(kept))
        return out

    def build(self, n: int) -> list[Text]:
        rng = self.rng
        docs: list[list[str]] = []  # paragraphs of each document
        for i in range(n):
            if i < len(self.originals):
                paras = [" ".join(p) for p in self.originals[i]]
            elif rng.random() < 0.05 and docs:
                j = rng.randrange(len(docs))
                paras = self._paragraphs([_SENT.split(p) for p in docs[j]], 0.1, 0.03)
                self.planted.append((j, i, " ".join(paras)))
            else:
                paras = self._paragraphs(self.originals[i % len(self.originals)], 0.1, 1.0)
                if rng.random() < 0.5:
                    paras.append(rng.choice(self.formulae) + ".")
                if rng.random() < 0.3 and docs:
                    j = rng.randrange(max(0, i - 2000), i)
                    sents = [s for p in docs[j] for s in _SENT.split(p)]
                    if len(sents) >= 2:
                        k = rng.randint(2, min(5, len(sents)))
                        s0 = rng.randrange(len(sents) - k + 1)
                        chosen = sents[s0:s0 + k]
                        if len(chosen) >= 3 and rng.random() < 0.3:
                            del chosen[rng.randrange(1, len(chosen) - 1)]
                        passage = " ".join(self._rewrite(s, 0.02) for s in chosen)
                        passage = re.sub(r'"([^"]*)"', "“\\1”", passage)
                        paras.insert(rng.randrange(len(paras) + 1), passage)
                        self.planted.append((j, i, passage))
            docs.append(paras)
        return [Text(f"d{i:05d}", "\n\n".join(p), _day(i)) for i, p in enumerate(docs)]


def _day(i: int) -> str:
    import datetime

    return (datetime.date(1990, 1, 1) + datetime.timedelta(days=i)).isoformat()


def naive_all_pairs(texts: list[Text], n: int) -> tuple[float, int]:
    """Seconds to intersect the shingle sets of every pair (sets built beforehand, untimed)."""
    tok = Tokeniser()
    sets = []
    for t in texts:
        ids = tok.ids(t.text)
        sets.append({tuple(ids[k:k + n]) for k in range(len(ids) - n + 1)})
    t0 = time.perf_counter()
    sharing = 0
    for i in range(len(sets)):
        si = sets[i]
        for j in range(i + 1, len(sets)):
            if not si.isdisjoint(sets[j]) and len(si & sets[j]) >= 2:
                sharing += 1
    return time.perf_counter() - t0, sharing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", type=Path,
                    default=SHARED / "eval" / "tempeval3_tbaq_cleaned")
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--subset", type=int, default=500, help="documents for the naive baseline")
    args = ap.parse_args()
    if not args.dir.exists():
        print(f"bench/reuse.py: {args.dir} not found", file=sys.stderr)
        return 2
    originals = timeml_texts(args.dir)
    t0 = time.perf_counter()
    corpus = Corpus(originals, args.seed)
    texts = corpus.build(args.docs)
    build_s = time.perf_counter() - t0
    cfg = ReuseConfig()

    # baseline A: tokenising only
    t0 = time.perf_counter()
    tok = Tokeniser()
    words = sum(len(tok.ids(t.text)) for t in texts)
    tokenise_s = time.perf_counter() - t0

    # ours
    st = Stats()
    t0 = time.perf_counter()
    passages = find_reuse(texts, cfg, stats=st)
    ours_s = time.perf_counter() - t0

    # baseline B: naive all pairs on a subset, extrapolated
    sub = texts[: args.subset]
    naive_s, _ = naive_all_pairs(sub, cfg.n)
    pairs_all = args.docs * (args.docs - 1) // 2
    pairs_sub = len(sub) * (len(sub) - 1) // 2
    naive_all_s = naive_s * pairs_all / pairs_sub

    # planted passages: found when a passage of that pair covers half of the planted words
    idx = {t.id: i for i, t in enumerate(texts)}
    by_pair: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for p in passages:
        e, lt = idx[p.earlier_doc], idx[p.later_doc]
        by_pair.setdefault((min(e, lt), max(e, lt)), []).append((e, lt, p.later_text))
    found = right = 0
    for j, i, planted in corpus.planted:
        hits = by_pair.get((min(i, j), max(i, j)), [])
        want = len(planted.split())
        got = [h for h in hits if h[1] == i or h[0] == i]
        if hits and sum(len(h[2].split()) for h in hits) >= 0.5 * want:
            found += 1
            right += all(h[0] == j and h[1] == i for h in got)
    n_planted = len(corpus.planted)

    print(f"corpus        {args.docs:,} documents, {words:,} words "
          f"({len(originals)} TimeML originals; built in {build_s:.1f} s)")
    print(f"planted       {n_planted:,} reused passages or rewritten copies")
    print(f"shingles      {st.shingles:,} ({cfg.n}-word), {st.skipped_shingles:,} skipped as "
          f"boilerplate (> {cfg.max_df} documents)")
    print(f"candidates    {st.candidate_pairs:,} pairs of {pairs_all:,} "
          f"({100 * st.candidate_pairs / pairs_all:.4f}%), {st.seeds:,} seeds")
    print(f"found         {len(passages):,} passages in {st.aligned_pairs:,} pairs; planted "
          f"recall {found}/{n_planted} ({100 * found / max(1, n_planted):.1f}%), direction "
          f"correct {right}/{found}")
    print(f"ours          {ours_s:.1f} s  (tokenise {st.timings['tokenise']:.1f}, index "
          f"{st.timings['index']:.1f}, align {st.timings['align']:.1f}, spans "
          f"{st.timings['spans']:.1f}); {words / ours_s:,.0f} words/s")
    print(f"baseline A    tokenising only: {tokenise_s:.1f} s -> ours / tokenise = "
          f"{ours_s / tokenise_s:.2f}x")
    print(f"baseline B    naive all-pairs on {len(sub)} docs: {naive_s:.2f} s for "
          f"{pairs_sub:,} pairs -> {naive_all_s:,.0f} s extrapolated to {args.docs:,} docs; "
          f"ours is {naive_all_s / ours_s:,.0f}x faster")
    print(f"verdict       {'PASS' if ours_s < 120 else 'FAIL'}: under 2 minutes "
          f"({ours_s:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
