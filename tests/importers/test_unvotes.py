"""The UN votes importer: a hand-written fixture (former states, bad rows, idempotence) and
the full data (870k votes, timed)."""

from __future__ import annotations

import csv
import gzip
from collections import Counter

import pytest
from tests.conftest import FIXTURES, run_cli, shared_path

from foreigndesk.store import Store

UNVOTES = FIXTURES / "unvotes"


def test_fixture_import(db_url, tmp_path) -> None:
    db = db_url
    result = run_cli("import", "unvotes", str(UNVOTES), "--db", str(db))
    votes_csv = UNVOTES / "un_votes.csv"
    # bad rows are reported with their line number; the rest is imported
    assert f"{votes_csv}:21: unknown country: 'Narnia'" in result.stderr
    assert f"{votes_csv}:22: vote is not yes/abstain/no: 'maybe'" in result.stderr
    assert "6 roll calls, 3 issue labels, 19 votes (19 new), 2 bad rows" in result.stderr
    with Store.open(db) as s:
        votes = {(r["rcid"], r["country"]): r["vote"] for r in s.query("SELECT * FROM votes")}
        rc = {r["rcid"]: r for r in s.query("SELECT * FROM roll_calls")}
        issues = s.query("SELECT * FROM roll_call_issues ORDER BY rcid")
    # former states by ISO 3166-3 code, or by name when the code is empty
    assert votes[(301, "CSK")] == 1 and votes[(301, "DDR")] == 1
    assert votes[(301, "DEU")] == 3 and votes[(301, "YMD")] == 2
    # 1 yes, 2 abstain, 3 no
    assert votes[(101, "CHN")] == 1 and votes[(102, "CUB")] == 2 and votes[(103, "CHN")] == 3
    assert (202, "USA") not in votes
    assert rc[101]["date"] == "2001-10-10" and rc[102]["importantvote"] == 1
    assert rc[101]["descr"] == "First 2001 roll call, quoted description"
    assert [(i["rcid"], i["issue"]) for i in issues] == [
        (101, "Human rights"), (103, "Nuclear weapons and nuclear material"), (201, "Human rights")]
    # idempotent
    result = run_cli("import", "unvotes", str(UNVOTES), "--db", str(db))
    assert "19 votes (0 new)" in result.stderr
    with Store.open(db) as s:
        assert s.query("SELECT count(*) AS n FROM votes")[0]["n"] == 19


def test_a_repeated_vote_keeps_the_last_row_and_a_new_import_replaces_it(db_url,
                                                                         tmp_path) -> None:
    (tmp_path / "un_roll_calls.csv").write_text(
        "rcid,session,date\n7001,70,2015-12-01\n7002,70,2015-12-02\n")
    votes = tmp_path / "un_votes.csv"
    # one (rcid, country) given twice in the file: the later row wins (PostgreSQL loads the
    # votes by COPY and upserts them in one statement: as row by row upserts do)
    rows = [f"{rc},{name},{code},yes" for rc in (7001, 7002)
            for code, name in (("CU", "Cuba"), ("CN", "China"), ("NO", "Norway"))]
    votes.write_text("rcid,country,country_code,vote\n" + "\n".join(
        rows + ["7001,Cuba,CU,no"]) + "\n")
    run_cli("import", "unvotes", str(tmp_path), "--db", str(db_url))
    with Store.open(db_url) as s:
        got = {(r["rcid"], r["country"]): r["vote"] for r in s.query("SELECT * FROM votes")}
    assert len(got) == 6 and got[(7001, "CUB")] == 3 and got[(7002, "CUB")] == 1
    votes.write_text("rcid,country,country_code,vote\n7002,Norway,NO,abstain\n")
    result = run_cli("import", "unvotes", str(tmp_path), "--db", str(db_url))
    assert "1 votes (0 new)" in result.stderr or "1 vote (0 new)" in result.stderr
    with Store.open(db_url) as s:
        got = {(r["rcid"], r["country"]): r["vote"] for r in s.query("SELECT * FROM votes")}
    assert len(got) == 6 and got[(7002, "NOR")] == 2 and got[(7001, "CUB")] == 3


def test_missing_file_is_one_line(db_url, tmp_path) -> None:
    (tmp_path / "un_votes.csv").write_text("rcid,country,country_code,vote\n")
    result = run_cli("import", "unvotes", str(tmp_path), "--db", str(db_url), ok=False)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"foreigndesk: {tmp_path}: no un_roll_calls.csv (or .csv.gz) here"


@pytest.mark.shared
@pytest.mark.sqlite_only("times the importer on the full data (PostgreSQL's COPY path is "
                         "measured by bench/unvotes_import.py); unvotes_db there is a copy")
def test_full_data_imports_fast_and_whole(unvotes_sqlite) -> None:
    src = shared_path("eval", "unvotes")
    db = unvotes_sqlite
    elapsed = float((db.parent / "import_seconds.txt").read_text())
    assert elapsed < 60, f"import took {elapsed:.1f} s"
    with gzip.open(src / "un_votes.csv.gz", "rt", encoding="utf-8") as f:
        reader = csv.reader(f)
        col = next(reader).index("vote")
        in_file = Counter(r[col] for r in reader)
    with Store.open(db) as s:
        by_vote = {r["vote"]: r["n"] for r in s.query(
            "SELECT vote, count(*) AS n FROM votes GROUP BY vote")}
        n_rc = s.query("SELECT count(*) AS n FROM roll_calls")[0]["n"]
        countries = {r["country"] for r in s.query("SELECT DISTINCT country FROM votes")}
    # every vote, none merged by the country mapping
    assert sum(by_vote.values()) == sum(in_file.values()) == 870109
    assert by_vote == {1: in_file["yes"], 2: in_file["abstain"], 3: in_file["no"]}
    assert n_rc == 6203
    assert {"SUN", "CSK", "DDR", "YUG", "YMD", "ZAN"} - countries == {"SUN"}  # unvotes codes the USSR as Russia
    assert all(len(c) == 3 and c.isupper() for c in countries)
