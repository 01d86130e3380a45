"""Jinja2 rendering of the pages: one environment, autoescape on for every template (document
data is never marked safe)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup
from starlette.responses import HTMLResponse

from foreigndesk.links import safe_url
from foreigndesk.numbers import ratio_label

NAV = [
    ("documents", "/documents", "Documents"),
    ("timeline", "/timeline", "Timeline"),
    ("actors", "/actors", "Actors"),
    ("map", "/map", "Map"),
    ("relations", "/relations", "Relations"),
    ("claims", "/claims", "Claims & echoes"),
    ("figures", "/figures", "Figures"),
    ("alerts", "/alerts", "Alerts"),
    ("api", "/api/docs", "API"),
]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _num(v: Any, digits: int = 3) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if abs(v) >= 1e6:
            for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
                if abs(v) >= scale:
                    return f"{v / scale:.{digits}g} {word}"
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:.{digits}g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied (None removes a key)."""
    merged = {**params, **changes}
    pairs: list[tuple[str, Any]] = []
    for k, v in merged.items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, (list, tuple)):
            pairs += [(k, x) for x in v]
        else:
            pairs.append((k, v))
    return "?" + urlencode(pairs) if pairs else "?"


def _goldstein_colour(g: float | None) -> str:
    """Red (conflict, -10) through grey (0) to green (cooperation, +10)."""
    if g is None:
        return "#8a94a0"
    t = max(-1.0, min(1.0, g / 10.0))
    grey = (138, 148, 160)
    end = (46, 139, 87) if t > 0 else (200, 55, 55)
    a = abs(t) ** 0.6
    r, gg, b = (round(grey[i] + (end[i] - grey[i]) * a) for i in range(3))
    return f"#{r:02x}{gg:02x}{b:02x}"


def _chart(panel: Any, cls: str = "chart") -> Markup:
    """A chart panel as inline SVG, drawn by the chart stack the briefs use too."""
    from foreigndesk.charts.svg import render

    return Markup(render(panel, cls))


@cache
def environment() -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("foreigndesk.web").joinpath("templates")))
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.ChainableUndefined)
    env.filters["safe_url"] = safe_url
    env.filters["num"] = _num
    env.filters["ratio"] = ratio_label
    env.globals["chart"] = _chart
    env.filters["goldstein_colour"] = _goldstein_colour
    env.globals["nav"] = NAV
    env.globals["query"] = _query
    env.globals["quad_names"] = QUAD_NAMES
    return env


def page(template: str, active: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    html = environment().get_template(template).render(active=active, **ctx)
    return HTMLResponse(html, status_code=status_code)
