"""``foreigndesk eval shift``: how often the dyad shift test (:mod:`foreigndesk.alerts.shift`)
fires on UN General Assembly vote agreement, the longest clean relations series we have.

For each dyad of :data:`STATES` (45 pairs) the yearly agreement series is tested period by
period, each year in turn taken as the latest (:func:`~foreigndesk.alerts.shift.alarm_rate`).
Two rates are printed per threshold:

- *real*: alarms per tested dyad-year on the real series. It counts true shifts too (the end
  of the Cold War, a change of government), so it is an upper bound of the false-alarm rate;
- *null*: the same on the series with their years shuffled (``--shuffles`` seeded
  permutations per dyad), which keeps each dyad's values and destroys every shift: any alarm
  there is false. This is the false-alarm rate under no change.

It needs a store with the UN votes imported (``foreigndesk import unvotes
../shared/eval/unvotes``).
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import click

from foreigndesk.alerts.shift import SD_FLOOR, alarm_rate

STATES = ("USA", "RUS", "CHN", "GBR", "FRA", "IND", "BRA", "CUB", "ISR", "ZAF")
THRESHOLDS = (2.0, 2.5, 3.0, 4.0)


def rates(store: Any, window: int = 12, min_baseline: int = 4, min_events: int = 3,
          shuffles: int = 20, seed: int = 1, thresholds: tuple[float, ...] = THRESHOLDS,
          states: tuple[str, ...] = STATES) -> list[dict[str, Any]]:
    """One row per threshold: dyads, tests and alarms on the real and the shuffled series."""
    from foreigndesk.analyze.relations import vote_series

    series = []
    for a, b in itertools.combinations(states, 2):
        s = vote_series(store, a, b, by="year", min_n=min_events)
        vals = [(r["period"], r["agreement"], r["roll_calls"]) for r in s.rows]
        if vals:
            series.append(vals)
    rng = random.Random(seed)
    nulls = []
    for vals in series:
        for _ in range(shuffles):
            shuffled = [x[1:] for x in vals]
            rng.shuffle(shuffled)
            nulls.append([(p, *x) for (p, *_rest), x in zip(vals, shuffled, strict=True)])
    params = {"window": window, "min_baseline": min_baseline, "min_events": min_events,
              "sd_floor": SD_FLOOR["agreement"]}
    out = []
    for t in thresholds:
        real = [alarm_rate(v, "year", threshold=t, **params) for v in series]
        null = [alarm_rate(v, "year", threshold=t, **params) for v in nulls]
        ra, rt = sum(x[0] for x in real), sum(x[1] for x in real)
        na, nt = sum(x[0] for x in null), sum(x[1] for x in null)
        out.append({"threshold": t, "dyads": len(series), "tests": rt, "alarms": ra,
                    "real_rate": round(ra / rt, 4) if rt else None,
                    "null_tests": nt, "null_alarms": na,
                    "null_rate": round(na / nt, 4) if nt else None})
    return out


@click.command("shift")
@click.option("--db", required=True,
              help="A store with the UN votes imported (a SQLite file or a postgresql:// URL).")
@click.option("--window", type=click.IntRange(2, 100), default=12, show_default=True,
              help="Baseline years before the tested one.")
@click.option("--min-baseline", type=click.IntRange(2, 100), default=4, show_default=True,
              help="Fewest baseline years with a value for a test.")
@click.option("--shuffles", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="Shuffled copies of each series (the null without change).")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Seed of the shuffles.")
def command(db: str, window: int, min_baseline: int, shuffles: int, seed: int) -> None:
    """False-alarm rate of the dyad shift test on UN vote agreement (yearly, 45 dyads)."""
    from foreigndesk.store import Store
    from foreigndesk.store.backends import display_name, store_exists

    if not store_exists(db):
        raise click.ClickException(f"{display_name(db)}: no such store")
    with Store.open(db, readonly=True) as store:
        rows = rates(store, window, min_baseline, shuffles=shuffles, seed=seed)
    if not rows or not rows[0]["tests"]:
        raise click.ClickException("no UN votes in this store (foreigndesk import unvotes)")
    click.echo(f"shift test on UN vote agreement by year: window {window}, baseline >= "
               f"{min_baseline} years, sd floor {SD_FLOOR['agreement']}; "
               f"{rows[0]['dyads']} dyads of {', '.join(STATES)}")
    click.echo(f"{'|z| >=':>7} {'tests':>6} {'alarms':>6} {'real':>7} {'null tests':>10} "
               f"{'null alarms':>11} {'null (false-alarm rate)':>23}")
    for r in rows:
        click.echo(f"{r['threshold']:>7g} {r['tests']:>6} {r['alarms']:>6} "
                   f"{r['real_rate']:>7.2%} {r['null_tests']:>10} {r['null_alarms']:>11} "
                   f"{r['null_rate']:>23.2%}")


COMMAND = command
