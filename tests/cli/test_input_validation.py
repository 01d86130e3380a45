"""Command-line input is validated: dates, actors, the store to read, search words. A
refusal is one line on stderr and exit status 1, never a traceback or a silent empty answer."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.conftest import created, run_cli

from foreigndesk.cli.params import parse_cli_date

TODAY = dt.date(2024, 3, 15)


@pytest.mark.parametrize("value, iso", [
    ("2021", "2021"), ("2021-03", "2021-03"), ("2021-3", "2021-03"), ("2024-02-29", "2024-02-29"),
    ("today", "2024-03-15"), ("yesterday", "2024-03-14"), ("Last Month", "2024-02"),
    ("last year", "2023"), ("this month", "2024-03"), ("last week", "2024-03-08"),
    ("3 days ago", "2024-03-12"), ("2 months ago", "2024-01-15"), ("1 year ago", "2023"),
])
def test_dates_read(value: str, iso: str) -> None:
    assert parse_cli_date(value, TODAY) == iso


@pytest.mark.parametrize("value", ["2021-13-45", "2023-02-30", "2021-13", "20210", "soon",
                                   "last fortnight", "2021-02-29", "0000", "-1"])
def test_dates_refused(value: str) -> None:
    assert parse_cli_date(value, TODAY) is None


@pytest.fixture(scope="module")
def small_db(module_db_url, tmp_path_factory) -> str:
    d = tmp_path_factory.mktemp("cli")
    (d / "a.txt").write_text("Date: 2021-03-10\n\nChile and Peru signed a fisheries accord in "
                             "Lima on 5 March 2021, officials said.\n")
    (d / "b.txt").write_text("Date: 2023-02-06\n\nThe U.S.-China talks on the balloon were "
                             "held in Beijing on 2 February 2023.\n")
    run_cli("ingest", str(d), "--db", module_db_url, "--workers", "1", "-q")
    return module_db_url


def _one_line_error(r) -> str:
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


@pytest.mark.parametrize("value", ["2021-13-45", "2023-02-30", "next tuesday"])
def test_bad_dates_are_one_line_errors(small_db: str, value: str) -> None:
    for cmd in (["timeline"], ["events"], ["relations", "CHL", "PER"]):
        r = run_cli(*cmd, "--db", str(small_db), "--since", value, ok=False)
        assert _one_line_error(r) == (
            f"foreigndesk: --since: {value!r} is not a date (YYYY, YYYY-MM, YYYY-MM-DD, today, "
            "yesterday, this/last week|month|year, N days|weeks|months|years ago)")


def test_named_dates_filter(small_db: str) -> None:
    r = run_cli("timeline", "--db", str(small_db), "--format", "jsonl", "--since", "2021-03")
    assert "fisheries" in r.stdout
    r = run_cli("timeline", "--db", str(small_db), "--format", "jsonl", "--since", "yesterday")
    assert "fisheries" not in r.stdout and "balloon" not in r.stdout
    r = run_cli("timeline", "--db", str(small_db), "--format", "jsonl", "--until", "2022")
    assert "fisheries" in r.stdout and "balloon" not in r.stdout
    r = run_cli("timeline", "--db", str(small_db), "--format", "jsonl", "--since",
                "20 years ago")  # read as a year, not compared as the string "20 years ago"
    assert "fisheries" in r.stdout and "balloon" in r.stdout


def test_unknown_actor_suggests_close_matches(small_db: str) -> None:
    r = run_cli("events", "--db", str(small_db), "--actor", "XXX", ok=False)
    assert _one_line_error(r).startswith("foreigndesk: --actor 'XXX': no such actor in this store")
    r = run_cli("timeline", "--db", str(small_db), "--actor", "Chlie", ok=False)
    line = _one_line_error(r)
    assert "no such actor in this store (did you mean" in line and "Chile" in line
    r = run_cli("timeline", "--db", str(small_db), "--actor", "CHL", "--format", "jsonl")
    assert "fisheries" in r.stdout


def test_read_command_on_a_missing_store_does_not_create_it(missing_db: str) -> None:
    for cmd in (["docs"], ["timeline"], ["events"], ["actors"], ["claims"], ["figures"]):
        r = run_cli(*cmd, "--db", missing_db, ok=False)
        assert _one_line_error(r).startswith(f"foreigndesk: {missing_db}: no such store")
    assert not created(missing_db)


def test_search_is_the_users_words(small_db: str) -> None:
    r = run_cli("docs", "--db", str(small_db), "-s", "U.S.-China", "--format", "jsonl")
    assert "balloon" in r.stdout.lower() or "U.S.-China" in r.stdout
    assert r.stdout.count("\n") == 1
    r = run_cli("docs", "--db", str(small_db), "-s", "balloon AND (", "--format", "jsonl")
    assert r.stdout.count("\n") == 1
    r = run_cli("docs", "--db", str(small_db), "-s", "Peru OR balloon", "--format", "jsonl")
    assert r.stdout.count("\n") == 2
    r = run_cli("docs", "--db", str(small_db), "-s", "Peru -fisheries", "--format", "jsonl")
    assert r.stdout.count("\n") == 0
    r = run_cli("docs", "--db", str(small_db), "-s", "a OR " * 2000, ok=False)
    assert _one_line_error(r).startswith("foreigndesk: --search: search too long")
    r = run_cli("docs", "--db", str(small_db), "-s", "-balloon", ok=False)
    assert _one_line_error(r).startswith("foreigndesk: --search: a search cannot start by")
