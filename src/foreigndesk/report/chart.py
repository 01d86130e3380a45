"""The relations chart of a brief (matplotlib, Agg backend): coded news events per year
between two states, split into cooperation and conflict, with their number and mean
Goldstein score; below, when the store has them, UN General Assembly vote agreement and the
GDELT mean Goldstein score by year. Thin years and gaps are marked as on the workbench's
chart (:mod:`foreigndesk.web.charts`), from the same rows (:func:`analyze.relations.mark`)."""

from __future__ import annotations

import io
import math
from typing import Any

from foreigndesk.analyze.relations import MARK_SHORT, THIN, Series, mark

COOP, CONFLICT, TONE, VOTES, GDELT = "#2f7d63", "#b4493b", "#1f3a5f", "#c28a1c", "#6b7280"
GAP = "#ecebe6"


def _year_values(s: Series, key: str) -> dict[int, Any]:
    return {int(r["period"]): r.get(key) for r in s.rows}


def _marks(s: Series, years: list[int]) -> dict[int, str | None]:
    """Every shown year's mark in ``s`` ("gap" outside its rows too: no item there)."""
    counts = {int(p): n for p, n in s.counts().items()}
    return {y: mark(counts.get(y, 0)) for y in years}


def _points(ax: Any, s: Series, key: str, years: list[int], colour: str, name: str,
            scale: float = 1.0, **style: Any) -> Any:
    """The line of ``key`` by year, broken at gaps (no value there, not a zero), and a marker
    per year with a value: filled, or hollow when the year is thin. Each marker carries the
    SVG id ``{name}-point-YEAR[-thin]`` so that what the chart shows can be read back."""
    values = _year_values(s, key)
    marks = _marks(s, years)
    ys = [math.nan if values.get(y) is None else values[y] * scale for y in years]
    (line,) = ax.plot(years, ys, color=colour, **style)
    for y, v in zip(years, ys, strict=True):
        if math.isnan(v):
            continue
        thin = marks[y] == "thin"
        ax.plot([y], [v], linestyle="none", marker=style.get("marker") or "o",
                markersize=4.5 if thin else 3.5, markeredgewidth=1.2 if thin else 0.5,
                markerfacecolor="white" if thin else colour, markeredgecolor=colour,
                gid=f"{name}-point-{y}{'-thin' if thin else ''}", zorder=3)
    return line


def _gaps(ax: Any, s: Series, years: list[int], name: str, label: bool) -> bool:
    """Shade every shown year without any item in ``s``; True when there is one."""
    any_gap = False
    for y, m in _marks(s, years).items():
        if m != "gap":
            continue
        any_gap = True
        ax.axvspan(y - 0.5, y + 0.5, color=GAP, linewidth=0, zorder=0, gid=f"{name}-gap-{y}")
        if label:
            ax.text(y, 0.02, "gap", transform=ax.get_xaxis_transform(), ha="center",
                    va="bottom", fontsize=6, color="#6b7280", gid=f"{name}-gaplabel-{y}")
    return any_gap


def _legend_marks(thin: bool, gap: bool, unit: str) -> tuple[list[Any], list[str]]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    labels: list[str] = []
    if thin:
        handles.append(Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
                              markeredgecolor="#374151", markersize=4.5))
        labels.append(MARK_SHORT["thin"].format(unit=unit, thin=THIN))
    if gap:
        handles.append(Patch(facecolor=GAP, edgecolor="#d1d5db"))
        labels.append(MARK_SHORT["gap"].format(unit=unit, thin=THIN))
    return handles, labels


def relations_chart(news: Series | None, gdelt: Series | None, votes: Series | None,
                    a_name: str, b_name: str, fmt: str = "svg") -> bytes | None:
    """The chart as SVG or PNG bytes; None when no series has a value.

    Like the workbench's relations chart, it says what each year rests on: the number of
    events above each bar, a hollow point for a thin year (fewer than THIN events or roll
    calls), a shaded band and a broken line for a year without any (a gap, not a zero), and
    a legend line for each mark shown."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    has_news = bool(news and any(r["events"] for r in news.rows))
    lower = [s for s in (votes, gdelt) if s is not None and s.rows]
    if not has_news and not lower:
        return None
    shown: list[int] = []
    for s in ([news] if has_news and news else []) + lower:
        shown += [int(r["period"]) for r in s.rows]
    lo, hi = min(shown), max(shown)
    years = list(range(lo, hi + 1))
    panels = int(has_news) + int(bool(lower))
    rc: Any = {"font.size": 8, "axes.titlesize": 9, "axes.titleweight": "bold",
          "axes.titlelocation": "left", "axes.spines.top": False, "axes.spines.right": False,
          "axes.edgecolor": "#9ca3af", "xtick.color": "#374151", "ytick.color": "#374151",
          "svg.hashsalt": "foreigndesk", "svg.fonttype": "path"}
    with plt.rc_context(rc):
        fig, axes = plt.subplots(panels, 1, figsize=(7.2, 3.1 * panels), sharex=True,
                                 squeeze=False, layout="constrained")
        row = 0
        if has_news and news:
            ax = axes[row][0]
            row += 1
            q = {k: _year_values(news, k) for k in ("q1", "q2", "q3", "q4", "events")}
            c = [(q["q1"].get(x) or 0) + (q["q2"].get(x) or 0) for x in years]
            k = [(q["q3"].get(x) or 0) + (q["q4"].get(x) or 0) for x in years]
            n = [q["events"].get(x) or 0 for x in years]
            width = 0.8 if hi - lo < 60 else 1.0
            ax.bar(years, c, width=width, color=COOP, label="cooperation (events)")
            ax.bar(years, k, width=width, bottom=c, color=CONFLICT, label="conflict (events)")
            top = max((ci + ki for ci, ki in zip(c, k, strict=True)), default=1)
            for x, ci, ki, ni in zip(years, c, k, n, strict=True):
                if ni:  # how many events the year rests on (some may have no QuadClass)
                    ax.text(x, ci + ki + max(1, top) * 0.02, f"n={ni}", ha="center",
                            va="bottom", fontsize=6, color="#374151", gid=f"news-n-{x}")
            gap = _gaps(ax, news, years, "news", label=len(years) <= 40)
            ax.set_ylabel("events")
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_title(f"{a_name} – {b_name}: coded news events per year")
            tone = ax.twinx()
            tone.spines["right"].set_visible(True)
            _points(tone, news, "goldstein_mean", years, TONE, "news", linewidth=1,
                    label="mean Goldstein (right)")
            tone.axhline(0, color=TONE, linewidth=0.5, linestyle=":")
            tone.set_ylim(-10.5, 10.5)
            tone.set_ylabel("mean Goldstein score")
            handles = ax.get_legend_handles_labels()
            th = tone.get_legend_handles_labels()
            thin = any(m == "thin" for m in _marks(news, years).values())
            mh, ml = _legend_marks(thin, gap, "events")
            ax.legend(handles[0] + th[0] + mh, handles[1] + th[1] + ml, loc="upper left",
                      bbox_to_anchor=(0, -0.12), frameon=False, fontsize=7, ncols=3)
            ax.set_ylim(0, max(1, top) * 1.25)
        if lower:
            ax = axes[row][0]
            ax.set_title(f"{a_name} – {b_name}: " + " and ".join(
                "UN General Assembly vote agreement" if s is votes else "GDELT mean Goldstein"
                for s in lower) + " by year")
            handles, labels = [], []
            thin = gap = False
            if votes is not None and votes in lower:
                h = _points(ax, votes, "agreement", years, VOTES, "votes", scale=100,
                            linewidth=1.4)
                ax.set_ylim(0, 105)
                ax.set_ylabel("same vote, % of roll calls")
                handles.append(h)
                labels.append("UN vote agreement")
                marks = _marks(votes, years).values()
                thin = thin or "thin" in marks
                gap = gap or "gap" in marks
            if gdelt is not None and gdelt in lower:
                target = ax.twinx() if votes is not None and votes in lower else ax
                if target is not ax:
                    target.spines["right"].set_visible(True)
                h = _points(target, gdelt, "goldstein_mean", years, GDELT, "gdelt",
                            linewidth=1.2, linestyle="--", marker="s")
                target.set_ylim(-10.5, 10.5)
                target.set_ylabel("GDELT mean Goldstein")
                handles.append(h)
                labels.append("GDELT mean Goldstein" + (" (right)" if target is not ax else ""))
                marks = _marks(gdelt, years).values()
                thin = thin or "thin" in marks
                gap = gap or "gap" in marks
            unit = "roll calls" if votes is not None and votes in lower else "events"
            if gdelt is not None and gdelt in lower and unit == "roll calls":
                unit = "roll calls or events"
            mh, ml = _legend_marks(thin, gap, unit)
            ax.legend(handles + mh, labels + ml, loc="upper left", bbox_to_anchor=(0, -0.12),
                      frameon=False, fontsize=7, ncols=2)
        for row_axes in axes[:-1]:  # year labels under every panel
            row_axes[0].tick_params(labelbottom=True)
        last = axes[-1][0]
        last.set_xlim(lo - 1, hi + 1)
        last.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10))
        buf = io.BytesIO()
        if fmt == "png":
            fig.savefig(buf, format="png", dpi=200, metadata={"Software": None})
        else:
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return buf.getvalue()
