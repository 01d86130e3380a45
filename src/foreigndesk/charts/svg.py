"""Chart panels as SVG, inline in a page or standalone (a brief, a file)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import jinja2

from foreigndesk.charts.geometry import WIDTH, Panel

# the workbench's chart rules (web/static/app.css), for SVG that carries its own style
STYLE = (".ch-title{font-size:14px;font-weight:600;fill:#1f2933}"
         ".ch-sub{font-size:11px;fill:#6b7280}"
         ".ch-grid{stroke:#edf0f3}.ch-zero{stroke:#9aa5b1;stroke-dasharray:3 3}"
         ".ch-axis{stroke:#9aa5b1}.ch-ytick,.ch-xtick{font-size:11px;fill:#6b7280}"
         ".ch-bar{fill:#dfe6ee}.ch-line{fill:none;stroke-width:2.2;stroke-linejoin:round}"
         ".ch-dot{stroke:#fff;stroke-width:1}.ch-dot.thin{stroke:currentColor;stroke-width:2}"
         ".ch-gap rect{fill:#f1f1ee}.ch-gap text,.ch-n{font-size:10px;fill:#6b7280}"
         ".ch-empty{font-size:13px;fill:#6b7280;font-style:italic}"
         ".ch-legend text{font-size:12px;fill:#1f2933}")


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("foreigndesk.charts", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("panel.svg.j2")


def render(panel: Panel, cls: str = "chart", standalone: bool = False) -> str:
    """One panel as an ``<svg>`` element; ``standalone`` adds the namespace, a size and the
    style, for use outside the workbench's pages."""
    return _template().render(p=panel, cls=cls, standalone=standalone, style=STYLE)


def stacked(panels: Sequence[Panel], gap: int = 12) -> str:
    """Panels one above the other in one standalone SVG document (a brief's chart)."""
    parts, y = [], 0
    for p in panels:
        inner = render(p, standalone=True).replace("<svg ", f'<svg x="0" y="{y}" ', 1)
        parts.append(inner)
        y += p.height + gap
    height = max(0, y - gap)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img">' + "".join(parts) + "</svg>\n")
