"""Accuracy gate: the dossier scores may not drop below eval/dossier_baseline.yaml."""

from __future__ import annotations

import yaml

from foreigndesk.evaluation.dossier import run_sections
from tests.conftest import REPO


def test_dossier_scores_hold_the_baseline(dossier_store, dossier_gold) -> None:
    baseline = yaml.safe_load((REPO / "eval" / "dossier_baseline.yaml").read_text())
    margin = float(baseline.pop("margin"))
    results = run_sections(dossier_store, dossier_gold)
    drops = []
    for section, figures in baseline.items():
        for key, floor in figures.items():
            got = results[section][key]
            print(f"{section}.{key}: {got:.3f} (baseline {floor:.3f})")
            if got < float(floor) - margin:
                drops.append(f"{section}.{key} = {got:.3f} < baseline {floor:.3f} - {margin}")
    assert not drops, "; ".join(drops)
