"""The relations index cannot mislead: each period says how many events it rests on, a
period without events is a gap (not a zero), a period on fewer than 3 events is thin, and
only events that happened (asserted, reported) count. On the hand-checked store of
tests/analyze/marks_store.py, through the CLI and the analysis on the real store."""

from __future__ import annotations

import json

import pytest

from foreigndesk.analyze import relations as rel
from foreigndesk.store import Store
from tests.analyze.marks_store import UNCOUNTED, build
from tests.conftest import run_cli

GAP_LINE = "gap: no events in the period; it has no value (not a zero)"
THIN_LINE = ("thin: fewer than 3 events in the period; its value rests on too little to read "
             "much into")


@pytest.fixture(scope="module")
def db(module_db_url):
    return build(module_db_url)


def _json(db, *args: str) -> dict:
    return json.loads(run_cli("relations", "USA", "CUB", *args, "--format", "json",
                              "--db", str(db)).output)


def _by_period(d: dict) -> dict[str, dict]:
    return {r["period"]: r for r in d["periods"]}


def test_a_gap_is_not_a_zero(db) -> None:
    d = _json(db)
    p = _by_period(d)
    assert list(p) == ["2019", "2020", "2021", "2022", "2023"]
    # 2019: +5 -3 -2 is a true zero, resting on 3 events
    assert (p["2019"]["events"], p["2019"]["mark"]) == (3, None)
    assert p["2019"]["goldstein_mean"] == pytest.approx(0.0)
    assert p["2019"]["goldstein_sum"] == pytest.approx(0.0)
    # 2020 and 2022 have no event: no value at all, and marked as gaps
    for year in ("2020", "2022"):
        r = p[year]
        assert (r["events"], r["mark"]) == (0, "gap")
        assert r["goldstein_mean"] is None and r["goldstein_sum"] is None
        assert r["coop_share"] is None
    assert d["legend"] == [THIN_LINE, GAP_LINE] and d["thin_below"] == 3


def _table(lines: list[str]) -> list[dict[str, str]]:
    """The rows of a CLI table, cut at the columns its dashes line draws."""
    dashes = lines[1]
    spans, i = [], 0
    while i < len(dashes):
        if dashes[i] == "-":
            j = i
            while j < len(dashes) and dashes[j] == "-":
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    names = [lines[0][a:b].strip() for a, b in spans]
    cut = [(a, spans[k + 1][0] if k + 1 < len(spans) else None) for k, (a, _) in enumerate(spans)]
    return [{n: line[a:b].strip() for n, (a, b) in zip(names, cut, strict=True)}
            for line in lines[2:]]


def test_cli_table_shows_the_basis_the_marks_and_their_legend(db) -> None:
    out = run_cli("relations", "USA", "CUB", "--db", str(db)).output.splitlines()
    rows = {r["period"]: r for r in _table(out[1:8])}
    assert list(rows) == ["2019", "2020", "2021", "2022", "2023"]
    assert list(rows["2019"])[:3] == ["period", "events", "mark"]
    assert {y: (r["events"], r["mark"]) for y, r in rows.items()} == {
        "2019": ("3", ""), "2020": ("0", "gap"), "2021": ("2", "thin"), "2022": ("0", "gap"),
        "2023": ("3", "")}
    # a zero has a value in the table, a gap none
    assert rows["2019"]["goldstein_mean"] == "0"
    assert rows["2020"]["goldstein_mean"] == rows["2020"]["goldstein_sum"] == ""
    # the sparkline leaves the gaps blank; the legend explains both marks
    spark = out[8]
    assert spark.startswith("goldstein_mean 2019 ")
    bars = spark[len("goldstein_mean 2019 "):][:5]
    assert bars[1] == bars[3] == " " and " " not in bars[0] + bars[2] + bars[4]
    assert out[9:] == [THIN_LINE, GAP_LINE]


def test_thin_periods(db) -> None:
    p = _by_period(_json(db))
    assert (p["2021"]["events"], p["2021"]["mark"]) == (2, "thin")
    assert p["2021"]["goldstein_mean"] == pytest.approx(-6.0)
    assert p["2023"]["mark"] is None
    # by month every month with an event has one: all thin, the rest gaps
    months = _by_period(_json(db, "--by", "month"))
    assert {m: r["mark"] for m, r in months.items() if r["events"]} == {
        m: "thin" for m in ("2019-02", "2019-05", "2019-09", "2021-07", "2023-03", "2023-04",
                            "2023-05")}
    assert months["2021-07"]["events"] == 2
    assert all(r["mark"] == "gap" for r in months.values() if not r["events"])
    assert len(months) == 11 + 3 * 12 + 5  # 2019-02 .. 2023-05, every month present
    # csv carries the mark too
    csv = run_cli("relations", "USA", "CUB", "--format", "csv", "--db", str(db)).output
    lines = csv.splitlines()
    assert lines[0].split(",")[2:5] == ["period", "events", "mark"]
    assert lines[3].startswith("USA-CUB,news,2021,2,thin,")
    assert lines[2].startswith("USA-CUB,news,2020,0,gap,")


def test_only_events_that_happened_count(db) -> None:
    p = _by_period(_json(db))
    y = p["2021"]  # the asserted sanctions and the reported criticism, nothing else
    assert (y["events"], y["q2"], y["q1"], y["q3"], y["q4"]) == (2, 0, 0, 1, 1)
    assert y["goldstein_sum"] == pytest.approx(-12.0)
    assert y["coop_share"] == pytest.approx(0.0)
    y = p["2023"]  # the reported consultation counts
    assert (y["events"], y["q1"]) == (3, 1)
    assert y["goldstein_mean"] == pytest.approx(-8 / 3, abs=1e-6)
    # each of the two counted modalities alone
    asserted = _by_period(_json(db, "--modality", "asserted"))
    reported = _by_period(_json(db, "--modality", "reported"))
    assert (asserted["2021"]["events"], reported["2021"]["events"]) == (1, 1)
    assert asserted["2021"]["goldstein_mean"] == pytest.approx(-8.0)
    assert reported["2021"]["goldstein_mean"] == pytest.approx(-4.0)
    assert list(reported) == ["2021", "2022", "2023"]
    # the others cannot be asked for, from the command line or from the analysis
    for modality in ("negated", "hypothetical", "future"):
        r = run_cli("relations", "USA", "CUB", "--modality", modality, "--db", str(db),
                    ok=False)
        assert r.exit_code == 2 and "--modality" in r.stderr
        with Store.open(db) as store, pytest.raises(rel.RelationsError):
            rel.relations(store, "USA", "CUB", modalities=("asserted", modality))
    # the stored events of those modalities are there (the listing shows them)
    listed = json.loads(run_cli("events", "--source", "news", "--format", "json",
                                "--db", str(db)).output)
    assert sum(e["modality"] not in rel.COUNTED for e in listed) == UNCOUNTED


def test_compare_uses_the_same_rule(db) -> None:
    d = json.loads(run_cli("relations", "--compare", "USA-CUB", "CUB-USA", "--source", "news",
                           "--format", "json", "--db", str(db)).output)
    rows = {r["period"]: r for r in d["series"]["USA-CUB"]}
    assert rows["2021"]["events"] == 2 and rows["2021"]["mark"] == "thin"
    assert rows["2020"]["mark"] == "gap"
    assert "not counted" in d["note"]
