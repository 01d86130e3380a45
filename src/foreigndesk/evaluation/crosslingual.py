"""``foreigndesk eval crosslingual``: echoes across languages on labelled pairs of claims.

The pairs file (``eval/languages/echo_pairs.{train,dev}.tsv``; columns in its header) gives
for each claim its language, publication date, speaker and content. Every distinct claim is
written as one document of its language into a temporary store (a real SQLite store), the
clusters are computed there by :func:`foreigndesk.analyze.clusters.cluster_claims` as after an
ingest (a Spanish or Chinese claim is compared on its English gloss), and each pair is
predicted *same* when both claims end up in one cluster. Printed: precision, recall, F1, and
the direction accuracy: of the pairs found, the share whose cluster puts the earlier
published claim first (pairs published the same day are left out).
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import click

from foreigndesk.evaluation.echoes import Counts
from foreigndesk.evaluation.scratch import db_option, scratch_store
from foreigndesk.model import Claim, Document, Extraction, Sentence
from foreigndesk.store.claim_rows import claims_of

REPO = Path(__file__).resolve().parents[3]
ClaimKey = tuple[str, str, str, str]  # language, published, speaker, content


def read_pairs(path: Path) -> list[tuple[ClaimKey, ClaimKey, bool]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        a = (row["lang_a"], row["published_a"], row["speaker_a"], row["content_a"])
        b = (row["lang_b"], row["published_b"], row["speaker_b"], row["content_b"])
        out.append((a, b, row["same"].strip() == "1"))
    return out


def _add_claim(store: Any, key: ClaimKey) -> int:
    lang, published, speaker, content = key
    text = f"{speaker}: {content}"
    doc = Document(text=text, published=published, language=lang, source=f"pair:{lang}")
    ex = Extraction(document=doc)
    ex.sentences.append(Sentence(doc.id, 0, 0, len(text), text))
    start = len(speaker) + 2
    ex.claims.append(Claim(doc.id, 0, 0, len(text), text, "eval-crosslingual", "0",
                           speaker_text=speaker, speaker_start=0, speaker_end=len(speaker),
                           cue=":", content=content, content_start=start, content_end=len(text),
                           date=published, date_source="document"))
    store.add(ex)
    return int(claims_of(store, doc.id)[0]["id"])


def evaluate(path: Path, backend: str | None = None, db: str | None = None) -> dict[str, Any]:
    from foreigndesk.analyze.clusters import cluster_claims

    pairs = read_pairs(path)
    with scratch_store(db, "crosslingual.db") as store:
        ids = {k: _add_claim(store, k) for k in dict.fromkeys(x for a, b, _ in pairs for x in (a, b))}
        clusters = cluster_claims(store, backend)
    where = {cid: (k, pos) for k, members in enumerate(clusters)
             for pos, (cid, _s) in enumerate(members)}
    counts = Counts()
    direction = [0, 0]
    errors = []
    for a, b, same in pairs:
        ia, ib = ids[a], ids[b]
        got = ia in where and ib in where and where[ia][0] == where[ib][0]
        counts.add(same, got)
        if got != same:
            errors.append(("joined, labelled different: " if got else "apart, labelled same: ")
                          + f"[{a[0]}] {a[3]!r} / [{b[0]}] {b[3]!r}")
        if got and same and a[1] != b[1]:
            direction[1] += 1
            first_a = where[ia][1] < where[ib][1]
            direction[0] += int(first_a == (a[1] < b[1]))
    out = counts.as_dict()
    out["direction_accuracy"] = direction[0] / direction[1] if direction[1] else 0.0
    out["directed"] = direction[1]
    out["clusters"] = len(clusters)
    out["details"] = errors
    return out


@click.command(name="crosslingual")
@click.option("--pairs", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=REPO / "eval" / "languages" / "echo_pairs.dev.tsv", show_default=True,
              help="Labelled cross-lingual pairs of claims.")
@click.option("--embed", "backend", type=click.Choice(["auto", "wordllama", "minilm", "none"]),
              default=None, help="Sentence-embedding backend of the clusters (default: auto).")
@click.option("--details", is_flag=True, help="List every pair the clusters get wrong.")
@db_option
def COMMAND(path: Path, backend: str | None, details: bool, db: str | None) -> None:
    """Score echoes across languages (Spanish, Chinese, English) on labelled pairs."""
    r = evaluate(path, backend, db=db)
    if details:
        for line in r["details"]:
            click.echo(line)
    click.echo(f"pairs {r['pairs']} (same {r['same']}), joined {r['joined']}: precision "
               f"{r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  direction "
               f"accuracy {r['direction_accuracy']:.3f} ({r['directed']} pairs)")
