"""``foreigndesk eval echoes``: clusters scored on labelled pairs, with the real clusterer on a
real store. The pairs below are written here: offsets into the dossier of gold claims
(../shared, read at test time) with labels of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from foreigndesk.evaluation.echoes import evaluate, read_pairs
from tests.conftest import SHARED, run_cli, shared_path

HEADER = "set\tdoc_a\tcontent_a\tspeaker_a\tdoc_b\tcontent_b\tspeaker_b\tsame\n"


def _pairs_file(tmp_path: Path, dossier_gold: dict, flip: bool = False) -> Path:
    text = shared_path("corpus", "china-cuba-dossier.txt").read_text(encoding="utf-8")
    gold = {g["content"]: g for g in dossier_gold["claims"]}

    def at(content: str, nth: int = 0) -> tuple[int, int]:
        p = -1
        for _ in range(nth + 1):
            p = text.index(content, p + 1)
        return p, p + len(content)

    def near(word: str, pos: int, before: bool) -> str:
        p = text.rindex(word, 0, pos) if before else text.index(word, pos)
        return f"{p}-{p + len(word)}"

    balloon = at("it was a weather balloon")
    taiwan = at("Beijing is preparing to invade Taiwan")
    platform = next(c for c in gold if c.startswith("China uses Cuba as a platform"))
    truncated = next(c for c in gold if c.startswith("China's relationship with Cuba"))
    p1, p2 = at(platform, 0), at(platform, 1)  # the introduction quotes Newsweek
    t1 = at(truncated, 0)
    rows = [
        # Beijing's claim and Havana repeating it: one proposition
        (balloon, near("Beijing", balloon[0], True), balloon, near("Havana", balloon[1], False), 1),
        # the balloon and an invasion of Taiwan: two
        (balloon, near("Beijing", balloon[0], True), taiwan, "-", 0),
        (p1, "-", p2, "-", 1),
        (p1, "-", t1, "-", 0),
    ]
    if flip:
        rows[1] = rows[1][:4] + (1,)
    lines = [HEADER] + [
        f"dossier\tchina-cuba-dossier\t{a[0]}-{a[1]}\t{sa}\tchina-cuba-dossier\t{b[0]}-{b[1]}\t"
        f"{sb}\t{same}\n" for a, sa, b, sb, same in rows]
    path = tmp_path / "pairs.tsv"
    path.write_text("# written for this test\n" + "".join(lines), encoding="utf-8")
    return path


@pytest.mark.shared
def test_scores_the_clusters_on_labelled_pairs(tmp_path, dossier_gold, db_url):
    r = evaluate(_pairs_file(tmp_path, dossier_gold), SHARED, "none", db=db_url)
    assert (r["pairs"], r["same"]) == (4, 2)
    assert (r["precision"], r["recall"]) == (1.0, 1.0), r["details"]


@pytest.mark.shared
def test_a_pair_labelled_same_that_stays_apart_costs_recall(tmp_path, dossier_gold, db_url):
    r = evaluate(_pairs_file(tmp_path, dossier_gold, flip=True), SHARED, "none", db=db_url)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["precision"] == 1.0
    assert len(r["details"]) == 1 and r["details"][0].startswith("apart, labelled same")


@pytest.mark.shared
def test_the_cli_prints_precision_and_recall(tmp_path, dossier_gold, db_url):
    path = _pairs_file(tmp_path, dossier_gold)
    out = run_cli("eval", "echoes", "--pairs", str(path), "--shared", str(SHARED),
                  "--embed", "none", "--db", db_url).output
    assert "precision 1.000  recall 1.000" in out
    assert "dossier: pairs 4 (same 2)" in out


def test_the_repository_pairs_are_labelled_and_hold_no_text():
    """eval/echo_pairs.tsv: both classes well represented, offsets only."""
    from tests.conftest import REPO

    pairs = read_pairs(REPO / "eval" / "echo_pairs.tsv")
    same = sum(p.same for p in pairs)
    assert len(pairs) >= 150 and same >= 50 and len(pairs) - same >= 50
    assert {p.a.set for p in pairs} == {"polnear", "dossier"}
    raw = (REPO / "eval" / "echo_pairs.tsv").read_text(encoding="utf-8").splitlines()
    rows = [ln for ln in raw if not ln.startswith("#")][1:]
    assert all(len(ln.split("\t")) == 8 for ln in rows)
