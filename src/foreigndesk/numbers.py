"""Numbers as a reader reads them, shared by every view (the web workbench and the briefs)."""

from __future__ import annotations

import math


def ratio_label(ratio: float | None) -> str:
    """How many times one figure is the other, without scientific notation: "7.3" below ten,
    then two significant digits with thousands separators ("54", "540", "54,000")."""
    if ratio is None or not math.isfinite(ratio) or ratio <= 0:
        return "?"
    if ratio < 10:
        return f"{ratio:.1f}".removesuffix(".0")
    digits = int(math.floor(math.log10(ratio))) - 1
    return f"{int(round(ratio, -digits)):,}"
