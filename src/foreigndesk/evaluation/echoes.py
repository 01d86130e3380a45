"""``foreigndesk eval echoes --pairs FILE``: precision and recall of claim clusters on
labelled pairs of claims.

The pairs file (``eval/echo_pairs.tsv``) holds only references and labels: for each claim the
document (a text file stem), the character offsets of its content and of its source (speaker),
and whether the two claims state the same proposition (1) or not (0). The texts are read from
``../shared``: set ``polnear`` from ``eval/polnear/train/text`` (PolNeAR's training split, never
dev or test), set ``dossier`` from ``corpus``.

Every referenced claim is written once into a temporary store (a real SQLite store, one
document per text file, each claim with its content and speaker as the labels give them), the
clusters are computed there by :func:`foreigndesk.analyze.clusters.cluster_claims` as after an
ingest, and each labelled pair is scored: predicted *same* when both claims end up in one
cluster. Printed: precision (of the pairs the clusters join, the share labelled same), recall
(of the pairs labelled same, the share the clusters join), F1, and the same per set.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from foreigndesk.evaluation.scratch import db_option, scratch_store
from foreigndesk.model import Claim, Document, Extraction, Sentence
from foreigndesk.store.claim_rows import claim_speakers_and_contents, claims_of

SETS = {"polnear": ("eval", "polnear", "train", "text"), "dossier": ("corpus",)}
SHARED_DEFAULT = Path("../shared")


@dataclass(frozen=True)
class Ref:
    """One claim of a labelled pair: where its content and its source are."""

    set: str
    doc: str
    content: tuple[tuple[int, int], ...]
    speaker: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Pair:
    a: Ref
    b: Ref
    same: bool


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    if field.strip() in ("", "-"):
        return ()
    out = []
    for part in field.split(";"):
        s, e = part.split("-")
        out.append((int(s), int(e)))
    return tuple(out)


def read_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of a pairs file (lines starting with # are comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        if row["set"] not in SETS:
            raise click.UsageError(f"{path}: unknown set {row['set']!r} (known: {', '.join(SETS)})")
        a = Ref(row["set"], row["doc_a"], _spans(row["content_a"]), _spans(row["speaker_a"]))
        b = Ref(row["set"], row["doc_b"], _spans(row["content_b"]), _spans(row["speaker_b"]))
        out.append(Pair(a, b, row["same"].strip() == "1"))
    return out


def _text_path(shared: Path, ref: Ref) -> Path:
    return shared.joinpath(*SETS[ref.set]) / f"{ref.doc}.txt"


def _date(doc: str) -> str | None:
    """The publication date in a PolNeAR file name (outlet_YYYY-MM-DD_slug)."""
    parts = doc.split("_")
    return parts[1] if len(parts) > 2 and len(parts[1]) == 10 and parts[1][4] == "-" else None


def build_store(store: Any, shared: Path, refs: list[Ref]) -> dict[Ref, int]:
    """Write the referenced claims into ``store`` (one document per text file); returns the
    claim id of every reference."""
    by_doc: dict[tuple[str, str], list[Ref]] = defaultdict(list)
    for r in dict.fromkeys(refs):
        by_doc[(r.set, r.doc)].append(r)
    ids: dict[Ref, int] = {}
    for (set_name, doc_name), doc_refs in sorted(by_doc.items()):
        text = _text_path(shared, doc_refs[0]).read_text(encoding="utf-8")
        doc_id = hashlib.sha256(f"{set_name}/{doc_name}".encode()).hexdigest()[:16]
        doc = Document(text=text, title=doc_name, outlet=doc_name.split("_")[0],
                       published=_date(doc_name), id=doc_id, source=f"{set_name}/{doc_name}")
        ex = Extraction(document=doc)
        doc_refs.sort(key=lambda r: (r.content, r.speaker))
        for k, r in enumerate(doc_refs):
            content = " ".join(text[s:e] for s, e in r.content)
            speaker = " ".join(text[s:e] for s, e in r.speaker) or None
            lo = min(s for s, _ in r.content + r.speaker)
            hi = max(e for _, e in r.content + r.speaker)
            ex.sentences.append(Sentence(doc_id, k, lo, hi, text[lo:hi]))
            ex.claims.append(Claim(
                doc_id, k, lo, hi, text[lo:hi], extractor="eval-echoes", version="0",
                speaker_text=speaker, cue="said", content=content,
                content_start=r.content[0][0], content_end=r.content[-1][1],
                date=doc.published, date_source="document"))
        store.add(ex)
        rows = claims_of(store, doc_id)
        by_sentence = {row["sentence"]: row["id"] for row in rows}
        for k, r in enumerate(doc_refs):
            ids[r] = by_sentence[k]
    return ids


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, got: bool) -> None:
        if gold and got:
            self.tp += 1
        elif got:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    def as_dict(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"pairs": self.tp + self.fp + self.fn + self.tn, "same": self.tp + self.fn,
                "joined": self.tp + self.fp, "precision": p, "recall": r, "f1": f}


def evaluate(pairs_path: Path, shared: Path = SHARED_DEFAULT, backend: str | None = None,
             db: str | None = None) -> dict[str, Any]:
    """Score the clusters on the labelled pairs (see the module doc); ``db``: the store to
    ingest into (:mod:`.scratch`)."""
    from foreigndesk.analyze.clusters import cluster_claims

    pairs = read_pairs(pairs_path)
    with scratch_store(db, "echoes.db") as store:
        ids = build_store(store, shared, [r for p in pairs for r in (p.a, p.b)])
        clusters = cluster_claims(store, backend)
        texts = {r["id"]: (r["speaker_text"], r["content"])
                 for r in claim_speakers_and_contents(store)}
    cluster_of = {cid: k for k, members in enumerate(clusters) for cid, _s in members}
    total, by_set = Counts(), defaultdict[str, Counts](Counts)
    errors = []
    for p in pairs:
        a, b = ids[p.a], ids[p.b]
        got = a == b or (a in cluster_of and cluster_of.get(a) == cluster_of.get(b))
        total.add(p.same, got)
        by_set[p.a.set].add(p.same, got)
        if got != p.same:
            kind = "joined, labelled different" if got else "apart, labelled same"
            errors.append(f"{kind}: [{texts[a][0]}] {texts[a][1][:90]!r} / "
                          f"[{texts[b][0]}] {texts[b][1][:90]!r}")
    out = total.as_dict()
    out["by_set"] = {k: v.as_dict() for k, v in sorted(by_set.items())}
    out["clusters"] = len(clusters)
    out["details"] = errors
    return out


@click.command(name="echoes")
@click.option("--pairs", "pairs_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=Path("eval/echo_pairs.tsv"), show_default=True,
              help="Labelled pairs of claims (document, content and speaker offsets, label).")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path),
              default=SHARED_DEFAULT, show_default=True,
              help="Where the texts are (the ../shared folder).")
@click.option("--embed", "backend", type=click.Choice(["auto", "wordllama", "minilm", "none"]),
              default=None, help="Sentence-embedding backend of the clusters (default: auto).")
@click.option("--details", is_flag=True, help="List every pair the clusters get wrong.")
@db_option
def COMMAND(pairs_path: Path, shared: Path, backend: str | None, details: bool,
            db: str | None) -> None:
    """Score claim clusters on labelled pairs of claims: precision and recall of the pairs
    the clusters join (the same proposition said by several sources)."""
    r = evaluate(pairs_path, shared, backend, db=db)
    if details:
        for line in r["details"]:
            click.echo(line)
    click.echo(f"pairs {r['pairs']} (same {r['same']}), joined {r['joined']}, clusters "
               f"{r['clusters']}: precision {r['precision']:.3f}  recall {r['recall']:.3f}  "
               f"F1 {r['f1']:.3f}")
    for name, s in r["by_set"].items():
        click.echo(f"  {name}: pairs {s['pairs']} (same {s['same']}), joined {s['joined']}: "
                   f"precision {s['precision']:.3f}  recall {s['recall']:.3f}")
