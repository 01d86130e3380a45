"""The relations index: how relations between two states move, period by period.

Three sources, one shape (a :class:`Series` of rows, one per period):

* ``news``: events coded from the stored articles (``events.origin = 'news'``), one per
  real-world event however many documents report it; only events that happened (asserted
  and reported ones, :data:`COUNTED`), never negated, hypothetical or future ones; and only
  between the states' own apparatus (:data:`STATE_SECTORS`): US support for the Cuban
  people, or a Chinese firm's deal in Cuba, is no act of one state toward the other.
* ``gdelt``: imported GDELT rows, counted as GDELT gives them (GDELT counts reports, so one
  event can appear in several rows).
* ``unvotes``: UN General Assembly roll calls both states voted on.

Event measures per period: events by QuadClass (1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict), Goldstein sum and mean, cooperation share
(Q1+Q2 over events with a QuadClass). Vote measures: agreement (share of roll calls both voted
on where they cast the same vote: yes, no or abstain) and affinity (the same vote counts 1,
one abstaining while the other votes yes or no counts 1/2, yes against no 0; averaged).

:func:`compare` correlates the series of two dyads at lags (Pearson and Spearman, with n and
p-values) and writes a one-line reading by rule from the numbers.

So that the index cannot mislead, every period says how many events (or roll calls) it
rests on, and carries a mark (:func:`mark`): a period with none is a *gap*, with no value
(never a zero), and one resting on fewer than :data:`THIN` is *thin*. The CLI, the web
charts and the brief's chart show both marks with the same legend (:func:`legend`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from foreigndesk.analyze.series import (
    LagCorrelation,
    differences,
    lagged_correlations,
    ordinal,
    period_of,
    period_range,
    sparkline,
)
from foreigndesk.model import HAPPENED
from foreigndesk.store import Store
from foreigndesk.store.relation_rows import dyad_event_days

SOURCES = ("news", "gdelt", "unvotes")
COUNTED = HAPPENED  # the modalities of events that happened: the only ones counted
# the sides of an event that are a state acting: the state itself and its apparatus
STATE_SECTORS = ("", "GOV", "MIL", "LEG", "JUD", "COP", "SPY")
THIN = 3  # a period resting on fewer events (or roll calls) than this is marked thin
MARK_LEGEND = {
    "thin": "thin: fewer than {thin} {unit} in the period; its value rests on too little to read "
            "much into",
    "gap": "gap: no {unit} in the period; it has no value (not a zero)",
}
MARK_SHORT = {"thin": "thin: fewer than {thin} {unit}", "gap": "gap: no {unit} (no value, not a zero)"}
EVENT_MEASURES = ("goldstein_mean", "goldstein_sum", "coop_share", "events")
VOTE_MEASURES = ("agreement", "affinity")
MEASURES = EVENT_MEASURES + VOTE_MEASURES
DEFAULT_MEASURE = {"news": "goldstein_mean", "gdelt": "goldstein_mean", "unvotes": "agreement"}
MEASURE_LABEL = {
    "goldstein_mean": "mean Goldstein score",
    "goldstein_sum": "Goldstein sum",
    "coop_share": "cooperation share",
    "events": "number of events",
    "agreement": "vote agreement",
    "affinity": "vote affinity",
}
VOTE_NOTE = ("agreement = share of the roll calls both voted on where they cast the same vote "
             "(yes, no or abstain); affinity = same vote 1, one abstained 1/2, yes against no 0, "
             "averaged (abstentions count as half-agreement); absences are not counted")


class RelationsError(ValueError):
    """A request the index cannot answer (bad dyad, measure, source...)."""


@dataclass
class Series:
    """The index of one dyad from one source: one row per period, first to last with data."""

    source: str
    a: str
    b: str
    by: str
    undirected: bool
    measure: str
    note: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0  # items whose date is too imprecise for the period

    @property
    def count_key(self) -> str:
        """The row field holding how many items a period rests on."""
        return "roll_calls" if self.source == "unvotes" else "events"

    @property
    def unit(self) -> str:
        return "roll calls" if self.source == "unvotes" else "events"

    def counts(self) -> dict[str, int]:
        return {r["period"]: int(r.get(self.count_key) or 0) for r in self.rows}

    @property
    def dyad(self) -> str:
        return f"{self.a}-{self.b}"

    def values(self, measure: str | None = None) -> dict[str, float | None]:
        m = measure or self.measure
        return {r["period"]: r.get(m) for r in self.rows}

    def sparkline(self, measure: str | None = None) -> str:
        return sparkline(list(self.values(measure).values()))

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "dyad": self.dyad, "a": self.a, "b": self.b,
                "by": self.by, "undirected": self.undirected, "measure": self.measure,
                "note": self.note, "skipped_imprecise_dates": self.skipped,
                "thin_below": THIN, "legend": legend(self), "periods": self.rows}


def parse_dyad(text: str) -> tuple[str, str]:
    """"USA-CHN" (or "USA:CHN", "USA/CHN", "china-cuba") -> ("USA", "CHN"); see
    :func:`foreigndesk.countries.parse_dyad`."""
    from foreigndesk import countries

    try:
        return countries.parse_dyad(text)
    except countries.CountryError as e:
        raise RelationsError(str(e)) from None


def country(code: str) -> str:
    """A country code as the store keeps it (upper-case 3 letters) from an ISO alpha-3 or
    alpha-2 code or a country name ("cuba", "United States")."""
    from foreigndesk import countries

    try:
        return countries.country(code)
    except countries.CountryError as e:
        raise RelationsError(str(e)) from None


def mark(n: int) -> str | None:
    """How much a period's value rests on: "gap" (no event or roll call: no value, which is
    not a zero), "thin" (fewer than :data:`THIN`), None (enough)."""
    return "gap" if n <= 0 else "thin" if n < THIN else None


def legend(s: Series) -> list[str]:
    """One line per kind of mark ``s`` holds, in words (the CLI, the charts and the brief say
    the same)."""
    marks = {r.get("mark") for r in s.rows}
    unit = s.unit
    return [MARK_LEGEND[m].format(unit=unit, thin=THIN) for m in ("thin", "gap") if m in marks]


def event_series(store: Store, a: str, b: str, by: str = "year", origin: str = "news",
                 undirected: bool = False, since: str | None = None, until: str | None = None,
                 modalities: Sequence[str] = COUNTED, min_n: int = 1) -> Series:
    """Event counts by QuadClass, Goldstein sum/mean and cooperation share of a ⟶ b (or both
    ways when ``undirected``) per period, from coded news or imported GDELT rows. News counts
    only events that happened (``modalities``, a subset of :data:`COUNTED`: asserted and
    reported); negated, hypothetical and future ones never. Periods with fewer than
    ``min_n`` events keep their counts but no Goldstein or cooperation measure; every row
    says how many events it rests on (``events``) and carries its :func:`mark`."""
    modalities = tuple(dict.fromkeys(modalities)) or COUNTED
    wrong = [m for m in modalities if m not in COUNTED]
    if wrong:
        raise RelationsError(
            f"the index counts only events that happened ({' and '.join(COUNTED)}), not "
            f"{wrong[0]!r} ones: list those with `foreigndesk events --modality {wrong[0]}`")
    if origin == "news":
        kept = " and ".join(m for m in COUNTED if m in modalities)
        note = (f"coded news events, {kept} only (negated, hypothetical and future ones did "
                f"not happen and are not counted), between the states themselves (their "
                f"governments, militaries, legislatures, courts, police and intelligence; not "
                f"their citizens, media, firms or opposition); one event however many "
                f"documents report it")
    else:
        note = "GDELT rows as GDELT counts them (it counts reports: one event may fill several rows)"
    dyads = [(a, b), (b, a)] if undirected and a != b else [(a, b)]
    found = dyad_event_days(store, origin, dyads, modalities if origin == "news" else None,
                            since, until, STATE_SECTORS if origin == "news" else None)
    agg: dict[str, dict[str, Any]] = {}
    skipped = 0
    for day in found:  # summed per date in SQL; here per period
        p = period_of(day.date, by)
        if p is None:
            skipped += day.events
            continue
        r = agg.setdefault(p, _empty())
        r["events"] += day.events
        r["reports"] += day.reports
        for q in (1, 2, 3, 4):
            r[f"q{q}"] += day[2 + q]
        r["with_quad"] += day.q1 + day.q2 + day.q3 + day.q4
        r["goldstein_sum"] += day.goldstein_sum
        r["with_gs"] += day.goldstein_n
    rows = []
    for p in _grid(agg, by):
        got = agg.get(p) or _empty()
        enough = got["events"] >= min_n and got["events"] > 0
        rows.append({
            "period": p, "events": got["events"], "mark": mark(got["events"]),
            "reports": got["reports"],
            "q1": got["q1"], "q2": got["q2"], "q3": got["q3"], "q4": got["q4"],
            "goldstein_sum": round(got["goldstein_sum"], 6) if enough else None,
            "goldstein_mean": (round(got["goldstein_sum"] / got["with_gs"], 6)
                               if enough and got["with_gs"] else None),
            "coop_share": (round((got["q1"] + got["q2"]) / got["with_quad"], 6)
                           if enough and got["with_quad"] else None),
        })
    return Series(origin, a, b, by, undirected, DEFAULT_MEASURE[origin], note, rows, skipped)


def _empty() -> dict[str, Any]:
    return {"events": 0, "reports": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "with_quad": 0,
            "goldstein_sum": 0.0, "with_gs": 0}


def vote_series(store: Store, a: str, b: str, by: str = "year", since: str | None = None,
                until: str | None = None, issue: str | None = None, min_n: int = 1) -> Series:
    """Agreement and affinity of two states' UN General Assembly votes per period (by the
    roll call's date), over the roll calls both voted on; none for a period with fewer than
    ``min_n`` such roll calls. Every row says how many roll calls it rests on
    (``roll_calls``) and carries its :func:`mark`."""
    note = VOTE_NOTE
    if issue:
        note += f"; roll calls on issues matching {issue!r} only"
    value = {1: 1.0, 2: 0.5, 3: 0.0}  # yes, abstain, no
    # period -> [roll calls, same vote, one abstained, yes against no, affinity sum]
    agg: dict[str, list[float]] = {}
    skipped = 0
    for date, x, y in store.dyad_votes(a, b, since, until, issue):
        p = period_of(date, by)
        if p is None:
            skipped += 1
            continue
        r = agg.setdefault(p, [0, 0, 0, 0, 0.0])
        r[0] += 1
        if x == y:
            r[1] += 1
        elif 2 in (x, y):
            r[2] += 1
        else:
            r[3] += 1
        r[4] += 1.0 - abs(value.get(x, 0.5) - value.get(y, 0.5))
    rows = []
    for p in _grid(agg, by):
        n, same, half, opposed, affinity = agg.get(p) or [0, 0, 0, 0, 0.0]
        enough = n >= min_n and n > 0
        rows.append({"period": p, "roll_calls": int(n), "mark": mark(int(n)), "same": int(same),
                     "one_abstained": int(half), "opposed": int(opposed),
                     "agreement": round(same / n, 6) if enough else None,
                     "affinity": round(affinity / n, 6) if enough else None})
    return Series("unvotes", a, b, by, True, "agreement", note, rows, skipped)


def _grid(agg: dict[str, Any], by: str) -> list[str]:
    if not agg:
        return []
    keys = sorted(agg, key=lambda p: ordinal(p, by))
    return period_range(keys[0], keys[-1], by)


def relations(store: Store, a: str, b: str, source: str = "news", by: str = "year",
              undirected: bool = False, since: str | None = None, until: str | None = None,
              modalities: Sequence[str] = COUNTED, measure: str | None = None,
              issue: str | None = None, min_n: int = 1) -> Series:
    """The index of dyad a ⟶ b from ``source`` (news, gdelt or unvotes)."""
    if source not in SOURCES:
        raise RelationsError(f"unknown source {source!r} (one of {', '.join(SOURCES)})")
    if source == "unvotes":
        s = vote_series(store, a, b, by, since, until, issue, min_n)
    else:
        if issue:
            raise RelationsError("--issue applies to UN votes only (--source unvotes)")
        s = event_series(store, a, b, by, source, undirected, since, until, modalities, min_n)
    if measure:
        allowed = VOTE_MEASURES if source == "unvotes" else EVENT_MEASURES
        if measure not in allowed:
            raise RelationsError(f"measure {measure!r} does not apply to {source} "
                                 f"(use one of {', '.join(allowed)})")
        s.measure = measure
    return s


@dataclass
class Comparison:
    """Two dyads' series and their correlation at lags."""

    x: Series
    y: Series
    measure: str
    diff: bool
    lags: list[LagCorrelation]
    reading: str

    def to_dict(self) -> dict[str, Any]:
        return {"x": self.x.dyad, "y": self.y.dyad, "source": self.x.source, "by": self.x.by,
                "measure": self.measure, "changes": self.diff, "note": self.x.note,
                "lag_meaning": f"lag k pairs {self.x.dyad} at t with {self.y.dyad} at t+k",
                "lags": [c.to_dict() for c in self.lags], "reading": self.reading,
                "series": {self.x.dyad: self.x.rows, self.y.dyad: self.y.rows}}


def compare(store: Store, x: tuple[str, str], y: tuple[str, str], source: str = "unvotes",
            by: str = "year", measure: str | None = None, lags: Sequence[int] = range(-3, 4),
            diff: bool = False, **kw: Any) -> Comparison:
    """Do two dyads move together? Correlates their ``measure`` series at ``lags`` (of the
    levels, or of the period-to-period changes with ``diff``)."""
    sx = relations(store, *x, source=source, by=by, measure=measure, **kw)
    sy = relations(store, *y, source=source, by=by, measure=measure, **kw)
    m = sx.measure

    def numeric(s: Series) -> dict[int, float]:
        out = {ordinal(p, by): float(v) for p, v in s.values(m).items() if v is not None}
        return differences(out) if diff else out

    results = lagged_correlations(numeric(sx), numeric(sy), lags)
    return Comparison(sx, sy, m, diff, results, reading(sx.dyad, sy.dyad, m, by, results, diff))


def _strength(r: float) -> str:
    a = abs(r)
    return "negligible" if a < 0.1 else "weak" if a < 0.3 else "moderate" if a < 0.5 else "strong"


def _fmt_p(p: float) -> str:
    return f"{p:.2g}" if p >= 0.001 else f"{p:.1e}"


def _when(lag: int, by: str) -> str:
    if lag == 0:
        return f"in the same {by}"
    n = abs(lag)
    return f"{n} {by}{'s' if n > 1 else ''} {'later' if lag > 0 else 'earlier'}"


def reading(x: str, y: str, measure: str, by: str, results: Sequence[LagCorrelation],
            diff: bool = False, alpha: float = 0.05) -> str:
    """One plain-language line, written by rule from the correlations:

    * lag 0 is read when its Pearson p < alpha;
    * otherwise the lag with the smallest p, when it stays below alpha after a Bonferroni
      correction for the number of lags tested;
    * otherwise the line says there is no significant co-movement and gives the strongest.
    """
    label = MEASURE_LABEL.get(measure, measure)
    usable = [c for c in results if c.pearson_p is not None and c.pearson_r is not None]
    if not usable:
        n = max((c.n for c in results), default=0)
        return (f"too few periods with a value in both {x} and {y} to correlate their {label} "
                f"(at most {n} in common)")
    k = len(usable)
    zero = next((c for c in usable if c.lag == 0), None)
    best = min(usable, key=lambda c: c.pearson_p or 1.0)
    if zero is not None and (zero.pearson_p or 1.0) < alpha:
        pick, why = zero, f"significant at p<{alpha}"
    elif (best.pearson_p or 1.0) * k < alpha:
        pick, why = best, f"significant after a Bonferroni correction for the {k} lags tested"
    else:
        pick = None
        why = ""
    if pick is None:
        r, p = best.pearson_r or 0.0, best.pearson_p or 1.0
        what = f"changes in {label}" if diff else label
        return (f"no significant co-movement of {x} and {y} {what} at lags "
                f"{min(c.lag for c in results):+d}..{max(c.lag for c in results):+d}: the "
                f"strongest, at lag {best.lag:+d}, is r={r:.2f}, p={_fmt_p(p)}, n={best.n} "
                f"(not significant once the {k} lags tested are accounted for)")
    r, p = pick.pearson_r or 0.0, pick.pearson_p or 1.0
    if diff:
        text = (f"the more {x} {label} rose from one {by} to the next, the more {y} {label} "
                f"{'rose' if r > 0 else 'fell'} {_when(pick.lag, by)}")
    else:
        text = (f"the higher {x} {label}, the {'higher' if r > 0 else 'lower'} {y} {label} "
                f"{_when(pick.lag, by)}")
    text += f": r={r:.2f}, p={_fmt_p(p)}, n={pick.n}"
    if pick.spearman_rho is not None and pick.spearman_p is not None:
        text += f" (Spearman ρ={pick.spearman_rho:.2f}, p={_fmt_p(pick.spearman_p)})"
    text += f"; a {_strength(r)} correlation, {why}"
    if pick is zero and best is not zero and (best.pearson_p or 1.0) * k < alpha \
            and abs(best.pearson_r or 0) > abs(r):
        text += f"; strongest at lag {best.lag:+d} (r={best.pearson_r:.2f})"
    if not diff:
        text += ". It correlates levels, which shared trends alone can produce: --diff " \
                "correlates the changes"
    return text
