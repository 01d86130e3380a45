"""`foreigndesk eval shift` on the UN votes (../shared/eval/unvotes): the false-alarm rate of
the shift test falls as the threshold rises, on the real and the shuffled series, and the
command prints its table."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.shared


def test_false_alarm_rates_fall_with_the_threshold(unvotes_db):
    from foreigndesk.evaluation.shift import rates
    from foreigndesk.store import Store

    with Store.open(unvotes_db, readonly=True) as store:
        rows = rates(store, shuffles=3)
    assert [r["threshold"] for r in rows] == [2.0, 2.5, 3.0, 4.0]
    assert rows[0]["dyads"] == 45
    # every dyad-year with a full baseline is tested: more than 40 years per dyad
    assert rows[0]["tests"] > 45 * 40
    for a, b in zip(rows, rows[1:], strict=False):
        assert a["alarms"] >= b["alarms"] and a["null_alarms"] >= b["null_alarms"]
    assert 0 < rows[-1]["null_rate"] < rows[0]["null_rate"] < 0.5
    out = run_cli("eval", "shift", "--db", str(unvotes_db), "--shuffles", "2").output
    assert "45 dyads" in out and "false-alarm rate" in out
