"""Accuracy gate: no figure of ``foreigndesk eval all`` may drop below eval/baseline.yaml."""

from __future__ import annotations

import pytest
import yaml

from foreigndesk.evaluation.all import ROWS, drops, format_table, run_rows
from tests.conftest import REPO, SHARED


@pytest.mark.shared
@pytest.mark.sqlite_only("measures the extractors over every dev set (minutes); the stores "
                         "it scores in are SQLite scratch stores, and the same scoring runs "
                         "on PostgreSQL in tests/evaluation (eval events --gold, conflicts, "
                         "echoes, the dossier sections)")
def test_every_dev_set_holds_its_baseline() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent here; CI always has it")
    baseline = yaml.safe_load((REPO / "eval" / "baseline.yaml").read_text())
    outcomes = run_rows(SHARED)
    print("\n".join(format_table(outcomes)))
    bad = drops(outcomes, baseline)
    assert not bad, "; ".join(bad)


def test_every_row_is_in_the_baseline() -> None:
    """A dev set added to ``eval all`` is gated too: its figures are in the baseline."""
    baseline = yaml.safe_load((REPO / "eval" / "baseline.yaml").read_text())
    for row in ROWS:
        figures = baseline["rows"].get(row.name)
        assert figures is not None, f"{row.name} has no baseline"
        assert set(row.gate) | set(row.lower) <= set(figures), row.name


def test_a_drop_is_reported() -> None:
    from foreigndesk.evaluation.all import Outcome

    row = ROWS[0]
    baseline = {"margin": 0.02, "rows": {row.name: {k: 0.9 for k in row.gate}}}
    low = Outcome(row, {k: 0.85 for k in row.gate})
    ok = Outcome(row, {k: 0.89 for k in row.gate})
    assert len(drops([low], baseline)) == len(row.gate)
    assert drops([ok], baseline) == []
