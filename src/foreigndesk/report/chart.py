"""The relations chart of a brief (matplotlib, Agg backend): coded news events per year
between two states, split into cooperation and conflict, with their mean Goldstein score;
below, when the store has them, UN General Assembly vote agreement and the GDELT mean
Goldstein score by year."""

from __future__ import annotations

import io
import math
from typing import Any

from foreigndesk.analyze.relations import Series

COOP, CONFLICT, TONE, VOTES, GDELT = "#2f7d63", "#b4493b", "#1f3a5f", "#c28a1c", "#6b7280"


def _year_values(s: Series, key: str) -> dict[int, Any]:
    return {int(r["period"]): r.get(key) for r in s.rows}


def relations_chart(news: Series | None, gdelt: Series | None, votes: Series | None,
                    a_name: str, b_name: str, fmt: str = "svg") -> bytes | None:
    """The chart as SVG or PNG bytes; None when no series has a value."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    has_news = bool(news and any(r["events"] for r in news.rows))
    lower = [s for s in (votes, gdelt) if s is not None and s.rows]
    if not has_news and not lower:
        return None
    years: list[int] = []
    for s in ([news] if has_news and news else []) + lower:
        years += [int(r["period"]) for r in s.rows]
    lo, hi = min(years), max(years)
    panels = int(has_news) + int(bool(lower))
    rc: Any = {"font.size": 8, "axes.titlesize": 9, "axes.titleweight": "bold",
          "axes.titlelocation": "left", "axes.spines.top": False, "axes.spines.right": False,
          "axes.edgecolor": "#9ca3af", "xtick.color": "#374151", "ytick.color": "#374151",
          "svg.hashsalt": "foreigndesk", "svg.fonttype": "path"}
    with plt.rc_context(rc):
        fig, axes = plt.subplots(panels, 1, figsize=(7.2, 2.7 * panels), sharex=True,
                                 squeeze=False, layout="constrained")
        row = 0
        if has_news and news:
            ax = axes[row][0]
            row += 1
            coop = _year_values(news, "q1")
            q2 = _year_values(news, "q2")
            q3, q4 = _year_values(news, "q3"), _year_values(news, "q4")
            xs = sorted(coop)
            c = [coop[x] + q2[x] for x in xs]
            k = [q3[x] + q4[x] for x in xs]
            width = 0.8 if hi - lo < 60 else 1.0
            ax.bar(xs, c, width=width, color=COOP, label="cooperation (events)")
            ax.bar(xs, k, width=width, bottom=c, color=CONFLICT, label="conflict (events)")
            ax.set_ylabel("events")
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_title(f"{a_name} – {b_name}: coded news events per year")
            tone = ax.twinx()
            tone.spines["right"].set_visible(True)
            g = _year_values(news, "goldstein_mean")  # a gap in the line for a year without
            tone.plot(xs, [math.nan if g[x] is None else g[x] for x in xs], color=TONE,
                      marker="o", markersize=3, linewidth=1, label="mean Goldstein (right)")
            tone.axhline(0, color=TONE, linewidth=0.5, linestyle=":")
            tone.set_ylim(-10.5, 10.5)
            tone.set_ylabel("mean Goldstein score")
            handles = ax.get_legend_handles_labels()
            th = tone.get_legend_handles_labels()
            ax.legend(handles[0] + th[0], handles[1] + th[1], loc="upper left", frameon=False,
                      fontsize=7, ncols=3)
            top = max((ci + ki for ci, ki in zip(c, k, strict=True)), default=1)
            ax.set_ylim(0, max(1, top) * 1.35)
        if lower:
            ax = axes[row][0]
            ax.set_title(f"{a_name} – {b_name}: " + " and ".join(
                "UN General Assembly vote agreement" if s is votes else "GDELT mean Goldstein"
                for s in lower) + " by year")
            handles, labels = [], []
            if votes is not None and votes in lower:
                v = _year_values(votes, "agreement")
                vx = [x for x in sorted(v) if v[x] is not None]
                (h,) = ax.plot(vx, [v[x] * 100 for x in vx], color=VOTES, linewidth=1.4)
                ax.set_ylim(0, 105)
                ax.set_ylabel("same vote, % of roll calls")
                handles.append(h)
                labels.append("UN vote agreement")
            if gdelt is not None and gdelt in lower:
                target = ax.twinx() if votes is not None and votes in lower else ax
                if target is not ax:
                    target.spines["right"].set_visible(True)
                gv = _year_values(gdelt, "goldstein_mean")
                gx = [x for x in sorted(gv) if gv[x] is not None]
                (h,) = target.plot(gx, [gv[x] for x in gx], color=GDELT, linewidth=1.2,
                                   linestyle="--", marker="s", markersize=3)
                target.set_ylim(-10.5, 10.5)
                target.set_ylabel("GDELT mean Goldstein")
                handles.append(h)
                labels.append("GDELT mean Goldstein" + (" (right)" if target is not ax else ""))
            ax.legend(handles, labels, loc="lower left", frameon=False, fontsize=7, ncols=2)
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
