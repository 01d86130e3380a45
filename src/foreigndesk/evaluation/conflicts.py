"""``foreigndesk eval conflicts --pairs FILE``: precision and ranking of conflicting figures on
labelled pairs of figures.

The pairs file (``eval/conflict_pairs.tsv``) holds only references and labels: for each
figure the document id (a TimeML file name without ``.tml``) and the character offsets of the
figure in the document's text, and whether the two figures conflict (1) or not (0). The
documents are the TimeBank/AQUAINT articles of ``../shared/eval/tempeval3_tbaq_cleaned`` that
mention Cuba or China (:data:`TOPIC`); their text is the text of ``<TEXT>`` with the tags
removed (:func:`foreigndesk.evaluation.timex.read_timeml`), their date the DCT.

They are ingested by the real pipeline into a temporary store and
:func:`foreigndesk.analyze.figures.conflicts` runs there. A reported conflict stands for every
pair of its figures (the representative pair and the others of its group); a stored figure is
a labelled figure when their spans overlap in one document. Printed:

- ``precision``: of the reported conflicts, the share that are right: some pair of their
  figures is labelled a conflict and none is labelled otherwise (a conflict none of whose
  pairs is labelled counts as wrong: label it);
- ``recall``: of the pairs labelled a conflict, the share some reported conflict stands for;
- ``real_first``: 1 when every reported conflict labelled a conflict ranks before every other
  reported conflict, else 0; ``average_precision`` over the ranked list.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from foreigndesk.evaluation.scratch import db_option, scratch_store

SHARED_DEFAULT = Path("../shared")
TBAQ = ("eval", "tempeval3_tbaq_cleaned")
TOPIC = re.compile(r"\b(?:Cuba|Cuban|Cubans|China|Chinese|Beijing|Havana)\b")

Figure = tuple[str, int, int]  # document id, start, end


@dataclass(frozen=True)
class Pair:
    a: Figure
    b: Figure
    conflict: bool


def read_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of a pairs file (lines starting with # are comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        fa = [int(x) for x in row["figure_a"].split("-")]
        fb = [int(x) for x in row["figure_b"].split("-")]
        out.append(Pair((row["doc_a"], fa[0], fa[1]), (row["doc_b"], fb[0], fb[1]),
                        row["conflict"].strip() == "1"))
    return out


def topic_documents(shared: Path) -> list[Any]:
    """The TBAQ articles that mention Cuba or China, as documents (title = file stem)."""
    from foreigndesk.evaluation.timex import read_timeml
    from foreigndesk.model import Document

    out = []
    for p in sorted(shared.joinpath(*TBAQ).rglob("*.tml")):
        t = read_timeml(p)
        if TOPIC.search(t.text):
            out.append(Document(text=t.text, published=t.dct, title=p.stem,
                                outlet=re.match(r"[A-Za-z]+", p.stem).group(0)  # type: ignore[union-attr]
                                if re.match(r"[A-Za-z]+", p.stem) else None,
                                source=str(p)))
    return out


def _match(labelled: Figure, stored: Figure) -> bool:
    return labelled[0] == stored[0] and labelled[1] < stored[2] and stored[1] < labelled[2]


def evaluate(pairs_path: Path, shared: Path = SHARED_DEFAULT, backend: str | None = None,
             only_paired: bool = False, db: str | None = None) -> dict[str, Any]:
    """Score the conflicts on the labelled pairs (see the module doc); ``only_paired``:
    ingest only the documents the pairs name (quicker; the figures of the other articles
    then cannot be reported); ``db``: the store to ingest into (:mod:`.scratch`)."""
    from foreigndesk.analyze.figures import conflicts
    from foreigndesk.run.local import ExtractError, run
    from foreigndesk.store.quantity_rows import quantity_spans

    pairs = read_pairs(pairs_path)
    docs = topic_documents(shared)
    named = {f[0] for p in pairs for f in (p.a, p.b)}
    if only_paired:
        docs = [d for d in docs if d.title in named]
    titles = {d.id: d.title for d in docs}
    missing = named - set(titles.values())
    if missing:
        raise click.ClickException(f"documents of the pairs not among the Cuba/China TBAQ "
                                   f"articles: {', '.join(sorted(missing))}")
    with scratch_store(db, "conflicts.db") as store:
        for r in run(docs, workers=1):
            if not isinstance(r, ExtractError):
                store.add(r)
        found = conflicts(store, backend=backend)
        spans = {q["id"]: (titles[q["doc_id"]], q["start"], q["end"])
                 for q in quantity_spans(store)}

    def label(x: Figure, y: Figure) -> bool | None:
        for p in pairs:
            if (_match(p.a, x) and _match(p.b, y)) or (_match(p.a, y) and _match(p.b, x)):
                return p.conflict
        return None

    ranked: list[bool] = []
    covered: set[int] = set()
    details = []
    for k, c in enumerate(found, 1):
        a, b = spans[c["quantity_a"]], spans[c["quantity_b"]]
        side_a = [a] + [spans[x["quantity"]] for x in c["also_a"]]
        side_b = [b] + [spans[x["quantity"]] for x in c["also_b"]]
        labels = {label(x, y) for x in side_a for y in side_b} - {None}
        got = None if not labels else (labels == {True})
        ranked.append(bool(got))
        for i, p in enumerate(pairs):
            if p.conflict and any((_match(p.a, x) and _match(p.b, y)) or
                                  (_match(p.a, y) and _match(p.b, x))
                                  for x in side_a for y in side_b):
                covered.add(i)
        verdict = {True: "conflict", False: "NOT a conflict", None: "UNLABELLED"}[got]
        details.append(f"{k}. {verdict}: {c['text_a']!r} ({a[0]} {a[1]}-{a[2]}) vs "
                       f"{c['text_b']!r} ({b[0]} {b[1]}-{b[2]}); {c['pairs']} pair(s); "
                       f"basis: {c['basis']}")
    conflicts_labelled = sum(p.conflict for p in pairs)
    right = sum(ranked)
    hits, ap = 0, 0.0
    for k, ok in enumerate(ranked, 1):
        if ok:
            hits += 1
            ap += hits / k
    first_wrong = next((k for k, ok in enumerate(ranked) if not ok), len(ranked))
    return {
        "documents": len(docs), "pairs": len(pairs), "labelled_conflicts": conflicts_labelled,
        "reported": len(found), "right": right,
        "precision": right / len(found) if found else 0.0,
        "recall": len(covered) / conflicts_labelled if conflicts_labelled else 0.0,
        "real_first": 1.0 if right and all(ranked[:right]) else 0.0,
        "first_wrong_rank": first_wrong + 1 if first_wrong < len(ranked) else None,
        "average_precision": ap / right if right else 0.0,
        "details": details,
    }


@click.command(name="conflicts")
@click.option("--pairs", "pairs_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("eval/conflict_pairs.tsv"), show_default=True,
              help="Labelled pairs of figures (document id, figure offsets, label).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path),
              default=SHARED_DEFAULT, show_default=True,
              help="Where the articles are (the ../shared folder).")
@click.option("--embed", "backend", type=click.Choice(["auto", "wordllama", "minilm", "none"]),
              default=None, help="Sentence-embedding backend for measures (default: auto).")
@click.option("--details", is_flag=True, help="List every reported conflict with its label.")
@db_option
def COMMAND(pairs_path: Path, shared: Path, backend: str | None, details: bool,
            db: str | None) -> None:
    """Score conflicting figures on labelled pairs of figures from the TimeBank/AQUAINT
    articles that mention Cuba or China: precision, recall, and whether the real conflicts
    rank first."""
    r = evaluate(pairs_path, shared, backend, db=db)
    if details:
        for line in r["details"]:
            click.echo(line)
    click.echo(f"documents {r['documents']}, pairs {r['pairs']} (conflicts "
               f"{r['labelled_conflicts']}); reported {r['reported']}, right {r['right']}: "
               f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  real first "
               f"{'yes' if r['real_first'] else 'no'}  average precision "
               f"{r['average_precision']:.3f}")
