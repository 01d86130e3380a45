"""CLI tables that read well: long fields give way in the middle, key columns are never cut,
one name per idea, the timeline's expression column holds time expressions only, and the
relations table shows a run of empty periods as one gap with its count."""

from __future__ import annotations

import pytest
from tests.analyze.relations_store import build
from tests.conftest import run_cli

from foreigndesk.cli.output import elide, fit_widths


def test_elide_keeps_both_ends() -> None:
    url = "https://www.example.org/2023/02/06/cuba-china-sign-accords-on-trade.html"
    short = elide(url, 30)
    assert len(short) == 30 and short.startswith("https://www.exa") and short.endswith(".html")
    assert "…" in short and elide(url, len(url)) == url


def test_key_columns_are_never_cut_when_the_terminal_is_narrow() -> None:
    cols = ["id", "date", "code", "sentence", "document"]
    cells = [["a1b2c3d4", "2023-02-06", "CHNGOV", "x" * 200, "Example Wire, 2023-02-06"]]
    w = fit_widths(cols, cells, term=100, caps={"sentence": 90})
    assert w[:3] == [8, 10, 6]  # ids, dates and codes keep their full width
    assert sum(w) + 2 * (len(w) - 1) <= 100
    assert w[3] < 90 and w[4] >= 12


@pytest.fixture(scope="module")
def db(module_db_url):
    return build(module_db_url)


def test_timeline_table_names_the_document_and_keeps_expressions_temporal(db) -> None:
    import json

    out = run_cli("timeline", "--db", str(db)).output
    header = out.splitlines()[0].split()
    assert header[-1] == "document" and "source" not in header
    rows = json.loads(run_cli("timeline", "--db", str(db), "--format", "json").output)
    assert rows
    for r in rows:
        if r["kind"] == "event":
            assert r["expression"] is None and r["event"]
        else:
            assert r["expression"] and "event" not in r


def test_relations_shows_a_run_of_empty_periods_as_one_gap(db) -> None:
    import json

    series = json.loads(run_cli("relations", "CHN", "CUB", "--by", "month", "--db", str(db),
                                "--format", "json").output)
    gaps = [p for p in series["periods"] if p["mark"] == "gap"]
    table = run_cli("relations", "CHN", "CUB", "--by", "month", "--db", str(db)).output
    lines = [ln for ln in table.splitlines() if " gap" in ln]
    assert gaps, "the fixture should have empty months between its events"
    # every gap period is covered by one line, no run of zero rows
    assert len(lines) < len(gaps) or len(gaps) == 1
    assert sum(int(ln.split("gap ×")[1].split()[0]) if "gap ×" in ln else 1 for ln in lines) \
        == len(gaps)


def test_a_run_of_gaps_collapses_with_its_count() -> None:
    from foreigndesk.cli.events import collapse_gaps

    def row(period: str, n: int) -> dict:
        return {"period": period, "events": n, "mark": "gap" if n == 0 else "", "q1": n}

    rows = [row("2019", 2), row("2020", 0), row("2021", 0), row("2022", 0), row("2023", 4),
            row("2024", 0)]
    out = collapse_gaps(rows)
    assert [(r["period"], r["mark"]) for r in out] == [
        ("2019", ""), ("2020–2022", "gap ×3"), ("2023", ""), ("2024", "gap")]
    assert out[1]["q1"] is None and out[1]["events"] == 0
