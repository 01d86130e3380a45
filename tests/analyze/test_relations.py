"""The relations index: hand-checked arithmetic for news, GDELT and UN votes; periods and
sparklines; correlation at lags and its reading; the full UN votes data."""

from __future__ import annotations

import json
import math
import time

import numpy as np
import pytest

from foreigndesk.analyze.relations import reading
from foreigndesk.analyze.series import (
    LagCorrelation,
    lagged_correlations,
    ordinal,
    period_of,
    period_range,
    sparkline,
)
from foreigndesk.store import Store
from tests.analyze.relations_store import build
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def db(module_db_url):
    return build(module_db_url)


def _json(*args: str) -> dict:
    return json.loads(run_cli("relations", *args, "--format", "json").output)


def _by_period(d: dict) -> dict[str, dict]:
    return {r["period"]: r for r in d["periods"]}


# -- periods ------------------------------------------------------------------------------

def test_periods() -> None:
    assert period_of("2019-07-15", "month") == "2019-07"
    assert period_of("2019-07-15", "quarter") == "2019-Q3"
    assert period_of("2019-12", "quarter") == "2019-Q4"
    assert period_of("2019", "year") == "2019"
    assert period_of("2019", "month") is None  # too imprecise for a month
    assert period_of("2019-Q2", "quarter") == "2019-Q2" and period_of("2019-Q2", "month") is None
    assert period_of("198X", "year") is None
    assert period_of(None, "year") is None
    assert period_range("2019-Q3", "2020-Q2", "quarter") == ["2019-Q3", "2019-Q4", "2020-Q1",
                                                             "2020-Q2"]
    assert period_range("2019-11", "2020-02", "month") == ["2019-11", "2019-12", "2020-01",
                                                           "2020-02"]
    assert ordinal("2020-01", "month") - ordinal("2019-12", "month") == 1


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, None, 7]) == "▁▂▃ █"
    assert sparkline([5, 5]) == "▅▅"
    assert sparkline([None]) == " "


# -- news ---------------------------------------------------------------------------------

def test_news_index_by_year(db) -> None:
    d = _json("CHN", "CUB", "--source", "news", "--db", str(db))
    assert "asserted and reported only" in d["note"]
    p = _by_period(d)
    assert list(p) == ["2022", "2023"]
    y = p["2022"]
    # the signing reported by two documents is one event with two reports
    assert (y["events"], y["reports"], y["q1"], y["q2"], y["q3"], y["q4"]) == (2, 3, 1, 0, 1, 0)
    assert y["goldstein_sum"] == pytest.approx(6.0)
    assert y["goldstein_mean"] == pytest.approx(3.0)
    assert y["coop_share"] == pytest.approx(0.5)
    y = p["2023"]  # CUB -> CHN is not counted in the directed index
    assert (y["events"], y["q4"], y["goldstein_mean"], y["coop_share"]) == (1, 1, -10.0, 0.0)


def test_news_index_modalities_and_direction(db) -> None:
    # the negated aid never counts: the index counts only events that happened
    r = run_cli("relations", "CHN", "CUB", "--modality", "asserted", "--modality", "negated",
                "--db", str(db), ok=False)
    assert r.exit_code == 2 and "'negated' is not one of 'asserted', 'reported'" in r.stderr
    d = _json("CHN", "CUB", "--modality", "asserted", "--db", str(db))
    assert "asserted only" in d["note"]
    y = _by_period(d)["2022"]
    assert (y["events"], y["q2"]) == (2, 0)
    assert y["goldstein_sum"] == pytest.approx(6.0)
    d = _json("CHN", "CUB", "--undirected", "--db", str(db))
    y = _by_period(d)["2023"]
    assert y["events"] == 2
    assert y["goldstein_sum"] == pytest.approx(-8.1)
    assert y["goldstein_mean"] == pytest.approx(-4.05)
    assert y["coop_share"] == pytest.approx(0.5)


def test_news_index_by_quarter_fills_gaps_and_skips_imprecise_dates(db) -> None:
    d = _json("CHN", "CUB", "--by", "quarter", "--db", str(db))
    assert d["skipped_imprecise_dates"] == 1  # the event dated "2023" only
    p = _by_period(d)
    assert list(p) == ["2022-Q1", "2022-Q2"]
    assert p["2022-Q1"]["goldstein_mean"] == pytest.approx(8.0)
    assert p["2022-Q2"]["goldstein_mean"] == pytest.approx(-2.0)
    d = _json("CHN", "CUB", "--by", "month", "--db", str(db))
    p = _by_period(d)
    assert list(p) == ["2022-03", "2022-04", "2022-05"]
    assert p["2022-04"]["events"] == 0 and p["2022-04"]["goldstein_mean"] is None


def test_table_says_what_it_counts_and_ends_with_a_sparkline(db) -> None:
    out = run_cli("relations", "CHN", "CUB", "--db", str(db)).output.splitlines()
    assert "asserted and reported only" in out[0]
    spark = next(line for line in out if line.startswith("goldstein_mean "))
    assert spark.startswith("goldstein_mean 2022 ") and "(min -10, max 3)" in spark
    assert spark.split()[2] == "█▁"
    # both years rest on fewer than 3 events: the legend after the sparkline says so
    assert out[-1].startswith("thin: fewer than 3 events")


# -- GDELT --------------------------------------------------------------------------------

def test_gdelt_index_by_month(db) -> None:
    d = _json("CHN", "CUB", "--source", "gdelt", "--by", "month", "--db", str(db))
    assert "GDELT" in d["note"]
    p = _by_period(d)
    assert list(p) == ["2023-02", "2023-03", "2023-04"]
    feb = p["2023-02"]
    assert (feb["events"], feb["q1"], feb["q2"], feb["reports"]) == (2, 1, 1, 14)
    assert feb["goldstein_sum"] == pytest.approx(15.0)
    assert feb["goldstein_mean"] == pytest.approx(7.5)
    assert feb["coop_share"] == pytest.approx(1.0)
    assert p["2023-03"]["events"] == 0  # the bad row of March was not imported
    assert (p["2023-04"]["goldstein_mean"], p["2023-04"]["coop_share"]) == (-10.0, 0.0)
    d = _json("CHN", "CUB", "--source", "gdelt", "--by", "month", "--undirected", "--db", str(db))
    assert _by_period(d)["2023-03"]["events"] == 1  # CUBGOV visiting CHNGOV


# -- UN votes -----------------------------------------------------------------------------

def test_votes_index_hand_checked(db) -> None:
    d = _json("CHN", "CUB", "--source", "unvotes", "--db", str(db))
    assert "half-agreement" in d["note"]
    p = _by_period(d)
    assert list(p) == ["2001", "2002"]
    assert p["2001"]["roll_calls"] == 3
    assert p["2001"]["agreement"] == pytest.approx(1 / 3, abs=1e-6)
    assert p["2001"]["affinity"] == pytest.approx(0.5)
    assert (p["2001"]["same"], p["2001"]["one_abstained"], p["2001"]["opposed"]) == (1, 1, 1)
    assert (p["2002"]["agreement"], p["2002"]["affinity"]) == (1.0, 1.0)
    p = _by_period(_json("USA", "CHN", "--source", "unvotes", "--db", str(db)))
    assert p["2001"]["agreement"] == pytest.approx(1 / 3, abs=1e-6)
    assert p["2001"]["affinity"] == pytest.approx(1 / 3, abs=1e-6)
    assert (p["2002"]["roll_calls"], p["2002"]["agreement"], p["2002"]["affinity"]) == (1, 0.0, 0.5)
    # the issue filter (un_roll_call_issues.csv)
    p = _by_period(_json("CHN", "CUB", "--source", "unvotes", "--issue", "human rights",
                         "--db", str(db)))
    assert (p["2001"]["roll_calls"], p["2001"]["agreement"]) == (1, 1.0)
    assert (p["2002"]["roll_calls"], p["2002"]["agreement"]) == (1, 1.0)
    # ISO alpha-2 codes are accepted
    assert _by_period(_json("CN", "CU", "--source", "unvotes", "--db", str(db))) == \
        _by_period(d)


def test_votes_csv_names_its_basis(db) -> None:
    out = run_cli("relations", "CHN", "CUB", "--source", "unvotes", "--format", "csv",
                  "--db", str(db)).output.splitlines()
    assert out[0].startswith("dyad,source,period,roll_calls")
    assert out[1].startswith("CHN-CUB,unvotes,2001,3,,1,1,1,0.3333")
    assert "half-agreement" in out[1]


def test_bad_requests_are_one_line(db) -> None:
    r = run_cli("relations", "CHN", "--db", str(db), ok=False)
    assert r.exit_code == 1 and r.stderr.startswith("foreigndesk: give two country codes")
    r = run_cli("relations", "CHN", "CUB", "--measure", "agreement", "--db", str(db), ok=False)
    assert r.exit_code == 1 and "does not apply to news" in r.stderr
    r = run_cli("relations", "--compare", "USACHN", "CHN-CUB", "--db", str(db), ok=False)
    assert r.exit_code == 1 and "not a dyad" in r.stderr


# -- correlation and its reading ----------------------------------------------------------

def test_lagged_correlations_against_numpy() -> None:
    xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    x = {t: float(v) for t, v in enumerate(xs)}
    y = {t + 2: 2.0 * v + 1.0 for t, v in x.items()}  # y follows x two periods later
    by_lag = {c.lag: c for c in lagged_correlations(x, y)}
    assert sorted(by_lag) == [-3, -2, -1, 0, 1, 2, 3]
    assert by_lag[2].n == 10
    assert by_lag[2].pearson_r == pytest.approx(1.0)
    assert by_lag[2].spearman_rho == pytest.approx(1.0)
    assert by_lag[2].pearson_p < 1e-6
    pairs = [(x[t], y[t]) for t in x if t in y]  # lag 0
    assert by_lag[0].n == len(pairs) == 8
    expected = np.corrcoef([a for a, _ in pairs], [b for _, b in pairs])[0, 1]
    assert by_lag[0].pearson_r == pytest.approx(expected)


def test_too_few_or_constant_values_give_no_correlation() -> None:
    res = lagged_correlations({1: 1.0, 2: 2.0}, {1: 1.0, 2: 3.0}, [0])
    assert res[0].n == 2 and res[0].pearson_r is None
    res = lagged_correlations({1: 1.0, 2: 2.0, 3: 3.0}, {1: 5.0, 2: 5.0, 3: 5.0}, [0])
    assert res[0].pearson_r is None
    assert reading("A-B", "C-D", "agreement", "year", res).startswith("too few periods")


def _lc(lag: int, r: float, p: float, n: int = 49) -> LagCorrelation:
    return LagCorrelation(lag, n, r, p, r, p)


def test_reading_rules() -> None:
    lags = [_lc(k, 0.05, 0.7) for k in (-3, -2, -1, 1, 2, 3)]
    text = reading("USA-CHN", "CHN-CUB", "agreement", "year", lags + [_lc(0, -0.41, 0.003)])
    assert text.startswith("the higher USA-CHN vote agreement, the lower CHN-CUB vote "
                           "agreement in the same year: r=-0.41, p=0.003, n=49")
    assert "moderate" in text and "significant at p<0.05" in text and "--diff" in text
    # lag 0 not significant; lag +2 survives the correction for 7 lags (0.001 * 7 < 0.05)
    lags = [_lc(k, 0.05, 0.7) for k in (-3, -2, -1, 0, 1, 3)] + [_lc(2, 0.6, 0.001)]
    text = reading("A-B", "C-D", "affinity", "year", lags, diff=True)
    assert text.startswith("the more A-B vote affinity rose from one year to the next, the "
                           "more C-D vote affinity rose 2 years later: r=0.60")
    assert "Bonferroni" in text and "--diff" not in text
    # p=0.02 at lag 1 is not significant once 7 lags are tested
    lags = [_lc(k, 0.05, 0.7) for k in (-3, -2, -1, 0, 2, 3)] + [_lc(1, 0.33, 0.02)]
    text = reading("A-B", "C-D", "goldstein_mean", "quarter", lags)
    assert text.startswith("no significant co-movement of A-B and C-D mean Goldstein score")
    assert "at lag +1, is r=0.33, p=0.02, n=49" in text


def test_compare_on_the_fixture(db) -> None:
    d = json.loads(run_cli("relations", "--compare", "USA-CHN", "CHN-CUB", "--source",
                           "unvotes", "--format", "json", "--db", str(db)).output)
    assert [c["lag"] for c in d["lags"]] == [-3, -2, -1, 0, 1, 2, 3]
    lag0 = next(c for c in d["lags"] if c["lag"] == 0)
    assert lag0["n"] == 2 and lag0["pearson_r"] is None  # two years: too few to correlate
    assert d["reading"].startswith("too few periods")


# -- the full UN votes data ---------------------------------------------------------------

@pytest.mark.shared
def test_chn_cub_votes_cover_1971_to_2019(unvotes_db) -> None:
    t0 = time.perf_counter()
    d = _json("CHN", "CUB", "--source", "unvotes", "--by", "year", "--db", str(unvotes_db))
    elapsed = time.perf_counter() - t0
    assert elapsed < 30
    p = _by_period(d)
    years = [y for y, r in p.items() if r["roll_calls"] > 0]
    assert years[0] == "1971"  # the PRC holds China's seat from 1971
    assert set(map(str, range(1971, 2020))) <= set(years)
    assert all(0 <= r["agreement"] <= r["affinity"] <= 1 for r in p.values() if r["roll_calls"])


@pytest.mark.shared
def test_compare_full_data_lag0_matches_an_independent_computation(unvotes_db) -> None:
    d = json.loads(run_cli("relations", "--compare", "USA-CHN", "CHN-CUB", "--source",
                           "unvotes", "--format", "json", "--db", str(unvotes_db)).output)
    lag0 = next(c for c in d["lags"] if c["lag"] == 0)
    # agreement per year straight from SQL, not through the index code
    sql = ("SELECT substr(r.date,1,4) AS y, avg(CASE WHEN a.vote = b.vote THEN 1.0 ELSE 0.0 "
           "END) AS agree FROM votes a "
           "JOIN votes b ON a.rcid = b.rcid AND b.country = ? JOIN roll_calls r ON r.rcid = a.rcid "
           "WHERE a.country = ? GROUP BY y")
    with Store.open(unvotes_db) as s:
        x = {r["y"]: r["agree"] for r in s.query(sql, ("CHN", "USA"))}
        y = {r["y"]: r["agree"] for r in s.query(sql, ("CUB", "CHN"))}
    common = sorted(set(x) & set(y))
    assert lag0["n"] == len(common)
    r = np.corrcoef([x[k] for k in common], [y[k] for k in common])[0, 1]
    assert lag0["pearson_r"] == pytest.approx(r, abs=1e-6)
    assert not math.isnan(lag0["pearson_p"])
    text = d["reading"]
    assert ("the higher USA-CHN vote agreement" in text) or text.startswith("no significant")
