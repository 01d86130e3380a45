"""The panels of a dyad's relations index: one per source (coded news, GDELT, UN votes) on a
shared period grid, as the workbench's relations page and the briefs draw them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foreigndesk.analyze import relations as rel
from foreigndesk.charts import geometry

SOURCE_TITLES = {"news": "Coded news events", "gdelt": "GDELT events", "unvotes": "UN General "
                 "Assembly votes"}
COLOURS = ("#1f5f99", "#c2571a")


def source_panels(series: Sequence[tuple[str, rel.Series | None]], by: str
                  ) -> list[dict[str, Any]]:
    """For each (source, series or None when the store has no data from it): its title, its
    panel (None without data), basis note and rows."""
    present = [s for _, s in series if s is not None and s.rows]
    periods, _ = geometry.grid(present) if present else ([], by)
    out: list[dict[str, Any]] = []
    for source, s in series:
        if s is None:
            out.append({"source": source, "title": SOURCE_TITLES[source], "panel": None,
                        "note": None, "rows": []})
            continue
        label = rel.MEASURE_LABEL.get(s.measure, s.measure)
        p = geometry.panel(SOURCE_TITLES[source], f"{label}; bars and n: {s.unit} per {by}",
                           periods, [(label, COLOURS[0], s.values())], s.measure, s.counts(),
                           unit=s.unit)
        out.append({"source": source, "title": SOURCE_TITLES[source], "panel": p,
                    "note": s.note, "rows": s.rows, "measure": s.measure,
                    "skipped": s.skipped})
    return out
