"""Ours beside HeidelTime on news nobody annotated for time: where the two differ.

No gold here: the two systems' disagreements are candidates for a class to fix (read them,
decide by hand which side is right, write the class with sentences of your own), and the
listing of our expressions (``--ours``) diffed before and after a change shows every value it
moved. Two sources, both training or development material that may be read:

- ``polnear``: PolNeAR *train* texts (political news, 2015-16), dated by metadata.tsv;
  ``polnear-dev``: its *dev* texts (84, Sept.-Oct. 2016), the same way;
- ``conll``: CoNLL-2003 ``eng.testa`` (Reuters, Aug. 1996; NER development data), one
  document per -DOCSTART-, dated by its dateline ("LONDON 1996-08-30"). Its text is
  tokenised ("Thursday 's"), so some misses are artefacts of the spacing.

    python tools/timex_unlabelled.py polnear --offset 0 --limit 40 --cache /tmp/ht_pn.json
    python tools/timex_unlabelled.py conll --limit 110 --ours > /tmp/after.txt

HeidelTime's output is cached per document in ``--cache`` (JSON).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import click

from foreigndesk.evaluation.timex import TimeMLDoc, _overlap

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timex_side_by_side import _T, _ours_per_doc, heideltime_cached  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"


def polnear_docs(root: Path, split: str = "train") -> list[TimeMLDoc]:
    meta_path = root / "metadata.tsv"
    with meta_path.open(encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    docs = []
    for f in sorted((root / split / "text").glob("*.txt")):
        dct = (meta.get(f.stem) or {}).get("publication_date")
        docs.append(TimeMLDoc(path=f, text=f.read_text(encoding="utf-8"), dct=dct))
    return docs


def conll_docs(path: Path) -> list[TimeMLDoc]:
    raw = path.read_text(encoding="utf-8").replace("\r", "")
    docs = []
    for i, block in enumerate(raw.split("-DOCSTART- -X- -X- O")[1:]):
        sents = []
        for s in block.strip().split("\n\n"):
            toks = [ln.split(" ")[0] for ln in s.split("\n") if ln.strip()]
            if toks:
                sents.append(" ".join(toks))
        text = "\n".join(sents)
        m = re.search(r"\b(1\d{3}-\d\d-\d\d)\b", text)
        if m:
            docs.append(TimeMLDoc(path=Path(f"conll{i:03d}"), text=text, dct=m.group(1)))
    return docs


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 70):end + 40].replace("\n", " | ")


@click.command()
@click.argument("source", type=click.Choice(["polnear", "polnear-dev", "conll"]))
@click.option("--offset", type=int, default=0)
@click.option("--limit", type=int, default=40)
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON file of HeidelTime's output per document (read, and written when new).")
@click.option("--ours", "ours_only", is_flag=True,
              help="List our expressions only (no HeidelTime), one line each, for diffs.")
def main(source: str, offset: int, limit: int, cache: Path | None, ours_only: bool) -> None:
    if source.startswith("polnear"):
        docs = polnear_docs(SHARED / "polnear", "dev" if source == "polnear-dev" else "train")
    else:
        docs = conll_docs(SHARED / "conll2003_english" / "eng.testa")
    docs = docs[offset:offset + limit]
    _, ours = _ours_per_doc(docs)
    if ours_only:
        for d, mine in zip(docs, ours, strict=True):
            for o in mine:
                click.echo(f"{d.path.stem[:45]} dct {d.dct} @{o.start}: {o.text!r} {o.type} "
                           f"{o.value} || ...{_context(d.text, o.start, o.end)}...")
        return
    theirs_by_doc = heideltime_cached(docs, cache)
    agree = differ = 0
    for d, mine in zip(docs, ours, strict=True):
        used: set[int] = set()
        for h in (_T(x) for x in theirs_by_doc[str(d.path)]):
            o = max(mine, key=lambda s: _overlap(s.start, s.end, h.start, h.end), default=None)
            where = f"{d.path.stem[:40]} dct {d.dct}"
            if o is None or _overlap(o.start, o.end, h.start, h.end) <= 0:
                click.echo(f"HT-only {where}: {h.text!r} {h.type} {h.value}\n"
                           f"    ...{_context(d.text, h.start, h.end)}...")
                continue
            used.add(id(o))
            if (o.value or "") != (h.value or ""):
                differ += 1
                click.echo(f"DIFF {where}: ours {o.text!r} {o.value} | HT {h.text!r} {h.value}\n"
                           f"    ...{_context(d.text, h.start, h.end)}...")
            else:
                agree += 1
        for o in mine:
            if id(o) not in used:
                click.echo(f"OURS-only {d.path.stem[:40]} dct {d.dct}: {o.text!r} {o.value}\n"
                           f"    ...{_context(d.text, o.start, o.end)}...")
    click.echo(f"same value {agree}, different value {differ}")


if __name__ == "__main__":
    main()
