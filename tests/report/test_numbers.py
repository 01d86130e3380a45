"""Ratios read as numbers in every view: no scientific notation, separators for thousands."""

from __future__ import annotations

import pytest

from foreigndesk.numbers import ratio_label


@pytest.mark.parametrize("ratio,label", [
    (7.27, "7.3"), (2.0, "2"), (1.04, "1"), (12.4, "12"), (538.0, "540"), (53_800.0, "54,000"),
    (7_270_000.0, "7,300,000"), (None, "?"), (float("inf"), "?"), (0.0, "?"),
])
def test_ratio_label(ratio: float | None, label: str) -> None:
    assert ratio_label(ratio) == label
    assert "e+" not in ratio_label(ratio)
