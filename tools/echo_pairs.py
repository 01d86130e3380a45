"""Draw candidate pairs of claims from PolNeAR *train* for labelling (eval/echo_pairs.tsv).

Usage::

    python tools/echo_pairs.py [--shared ../shared] [--days 3] [--n 170] [--seed 9] > candidates.tsv

Reads the brat standoff attributions of ../shared/eval/polnear/train (first annotator file of
each article; never dev or test), and pairs the contents of different articles published at
most ``--days`` apart whose sentence embeddings (WordLlama) have cosine >= 0.55 or whose word
features overlap >= 0.25 (:func:`foreigndesk.analyze.clusters.lexical`). A sample stratified
by similarity (and a share of short contents) is printed as rows of the pairs file without
the label column, followed, for the labeller only, by the two sources and contents. Copy the
rows you have labelled into eval/echo_pairs.tsv with their label and without the text columns:
no corpus text goes into the repository.
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import sys
from pathlib import Path

import numpy as np

from foreigndesk.analyze import embed
from foreigndesk.analyze.clusters import content_words, features, lexical


def attributions(ann: Path, text: str) -> list[dict]:
    """Content and source spans of every attribution relation of a brat file."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:
            tid, mid, _t = line.split("\t", 2)
            _label, rng = mid.split(" ", 1)
            spans[tid] = [tuple(map(int, p.split())) for p in rng.split(";")]  # type: ignore[misc]
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for kv in line.split("\t", 1)[1].split():
                k, v = kv.split(":")
                roles.setdefault(re.sub(r"\d+$", "", k), []).append(v)
            rels.append(roles)
    out = []
    for r in rels:
        content = sorted(p for t in r.get("Content", []) for p in spans.get(t, []))
        source = sorted(p for t in r.get("Source", []) for p in spans.get(t, []))
        if content:
            out.append({"content": content, "source": source,
                        "text": " ".join(text[a:b] for a, b in content),
                        "who": " ".join(text[a:b] for a, b in source)})
    return out


def spans(ps: list[tuple[int, int]]) -> str:
    return ";".join(f"{a}-{b}" for a, b in ps) or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--n", type=int, default=170)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args()
    train = args.shared / "eval" / "polnear" / "train"
    recs = []
    for path in sorted((train / "text").glob("*.txt")):
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.stem)
        anns = sorted((train / "attributions").glob(f"{path.stem}_*.ann"))
        if not m or not anns:
            continue
        text = path.read_text(encoding="utf-8")
        for a in attributions(anns[0], text):
            if content_words(a["text"]):
                a.update(doc=path.stem, day=datetime.date.fromisoformat(m.group(1)).toordinal())
                recs.append(a)
    e = embed.load("wordllama")
    if e is None:
        sys.exit("the wordllama backend is needed (pip install 'foreigndesk[embed]')")
    emb = e.embed([r["text"] for r in recs])
    days = np.array([r["day"] for r in recs])
    docs = np.array([r["doc"] for r in recs])
    feats = [features(r["text"]) for r in recs]
    pairs = []
    for i in range(len(recs)):
        near = np.flatnonzero((np.abs(days - days[i]) <= args.days) & (docs != docs[i])
                              & (np.arange(len(recs)) > i))
        for j, c in zip(near.tolist(), (emb[near] @ emb[i]).tolist(), strict=True):
            lx = lexical(feats[i], feats[j])
            if c >= 0.55 or lx >= 0.25:
                pairs.append((max(c, lx), i, j))
    rng = random.Random(args.seed)
    bands = [(0.9, 1.01, 0.3), (0.8, 0.9, 0.3), (0.7, 0.8, 0.25), (0.6, 0.7, 0.15)]
    chosen = []
    for lo, hi, share in bands:
        pool = [p for p in pairs if lo <= p[0] < hi]
        chosen += rng.sample(pool, min(len(pool), int(args.n * share)))
    rng.shuffle(chosen)
    print("set\tdoc_a\tcontent_a\tspeaker_a\tdoc_b\tcontent_b\tspeaker_b\tsimilarity\t"
          "source_a\ttext_a\tsource_b\ttext_b")
    for s, i, j in chosen:
        a, b = recs[i], recs[j]
        print("\t".join(["polnear", a["doc"], spans(a["content"]), spans(a["source"]),
                         b["doc"], spans(b["content"]), spans(b["source"]), f"{s:.2f}",
                         a["who"], a["text"], b["who"], b["text"]]).replace("\n", " "))


if __name__ == "__main__":
    main()
