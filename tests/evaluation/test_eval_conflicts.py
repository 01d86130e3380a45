"""``foreigndesk eval conflicts``: conflicting figures scored on labelled pairs, with the real
pipeline on a real store. The small pairs files below are written here (offsets of figures
found in the TBAQ articles at test time, labels of our own)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foreigndesk.evaluation.conflicts import evaluate, read_pairs, topic_documents
from tests.conftest import REPO, SHARED, run_cli, shared_path

HEADER = "doc_a\tfigure_a\tdoc_b\tfigure_b\tconflict\tnote\n"


def _pairs_file(tmp_path: Path, rows: list[tuple[str, str, str, str, int]]) -> Path:
    docs = {d.title: d.text for d in topic_documents(shared_path("eval").parent)}

    def at(doc: str, figure: str) -> str:
        s = docs[doc].index(figure)
        return f"{s}-{s + len(figure)}"

    lines = [HEADER] + [f"{a}\t{at(a, fa)}\t{b}\t{at(b, fb)}\t{lab}\twritten for a test\n"
                        for a, fa, b, fb, lab in rows]
    path = tmp_path / "pairs.tsv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


# a January report counts ten dead (the mother, the stepfather and eight others); an April
# one, eleven; and two counts of Cubans that measure different populations
TEN_ELEVEN = ("APW20000107.0318", "eight other people", "APW20000403.0057", "11 people")
CUBANS = ("NYT20000106.0007", "13 Cubans", "NYT20000224.0173", "700,000 Cubans")


@pytest.mark.shared
def test_a_real_conflict_is_reported_first_and_a_false_one_not_at_all(tmp_path, db_url):
    path = _pairs_file(tmp_path, [(*TEN_ELEVEN, 1), (*CUBANS, 0)])
    r = evaluate(path, SHARED, "none", only_paired=True, db=db_url)
    assert (r["reported"], r["right"]) == (1, 1), r["details"]
    assert (r["precision"], r["recall"], r["real_first"]) == (1.0, 1.0, 1.0)


@pytest.mark.shared
def test_a_pair_labelled_otherwise_is_counted_wrong(tmp_path, db_url):
    path = _pairs_file(tmp_path, [(*TEN_ELEVEN, 0), (*CUBANS, 0)])
    r = evaluate(path, SHARED, "none", only_paired=True, db=db_url)
    assert r["precision"] == 0.0 and r["real_first"] == 0.0
    assert r["details"][0].startswith("1. NOT a conflict")


@pytest.mark.shared
def test_the_cli_prints_precision_and_ranking(tmp_path, db_url):
    path = _pairs_file(tmp_path, [(*TEN_ELEVEN, 1)])
    out = run_cli("eval", "conflicts", "--pairs", str(path), "--shared", str(SHARED),
                  "--embed", "none", "--details", "--db", db_url).output
    assert "1. conflict:" in out and "precision 1.000" in out and "real first yes" in out


def test_the_repository_pairs_hold_labels_and_offsets_only():
    pairs = read_pairs(REPO / "eval" / "conflict_pairs.tsv")
    real = sum(p.conflict for p in pairs)
    assert real >= 10 and len(pairs) - real >= 30
    assert all(f[1] < f[2] for p in pairs for f in (p.a, p.b))
