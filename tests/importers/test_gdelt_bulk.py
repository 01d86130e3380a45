"""A large GDELT file goes in bulk (the indexes of ``events`` built once, one transaction on
SQLite): the store it makes is the one a row-by-row import makes; a file damaged half-way
keeps what was read before; an interrupt keeps nothing of the file and no index is lost.
Each holds whether the file is parsed in this process or in a second one (a large file,
``background_min``)."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from foreigndesk.importers.gdelt import import_files
from foreigndesk.ingest.tabular import DataFileError
from foreigndesk.store import Store

SAMPLE = FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"
# the file parsed here, or in a second process (files of ``background_min`` bytes or more)
READERS = {"inline": 10**15, "background": 0}
pytestmark = pytest.mark.sqlite_only("the bulk path is SQLite's: on PostgreSQL a GDELT file "
                                     "always goes batch by batch (bulk_worth)")


@pytest.fixture(params=sorted(READERS))
def background_min(request: pytest.FixtureRequest) -> int:
    return READERS[request.param]


def _big_file(path: Path, copies: int, bad_at: int | None = None) -> Path:
    """The sample's rows ``copies`` times with fresh GLOBALEVENTIDs (a bad date at row
    ``bad_at``)."""
    rows = [line.split("\t") for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    out, n = [], 0
    for _ in range(copies):
        for cells in rows:
            n += 1
            new = [str(n), *cells[1:]]
            if n == bad_at:
                new[1] = "20231345"
            out.append("\t".join(new))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def _facts(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], set[str]]:
    events = [tuple(r) for r in store.conn.execute(
        "SELECT external_id, source_code, target_code, code, date, lat, lon, goldstein "
        "FROM events ORDER BY external_id")]
    months = [tuple(r) for r in store.conn.execute(
        "SELECT actor, month, n FROM actor_months ORDER BY actor, month")]
    indexes = {r[0] for r in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'")}
    return events, months, indexes


def test_bulk_import_makes_the_store_a_row_by_row_import_makes(
        tmp_path: Path, background_min: int) -> None:
    big = _big_file(tmp_path / "big.export.CSV", 60)
    got = {}
    for name, minimum in (("bulk", 1), ("rows", 10**9)):
        with Store.open(tmp_path / f"{name}.db") as s:
            statements: list[str] = []
            s.conn.set_trace_callback(statements.append)
            stats = import_files(s, [big], lambda *a: None, batch=40, bulk_min=minimum,
                                 background_min=background_min)
            s.conn.set_trace_callback(None)
            dropped = [q for q in statements if q.startswith("DROP INDEX")]
            assert bool(dropped) == (name == "bulk")
            assert stats.added == stats.rows - stats.bad > 40
            got[name] = _facts(s)
            # the planner's statistics were gathered in both cases
            assert s.conn.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events'"
                                  ).fetchone()[0] > 0
    assert got["bulk"] == got["rows"]
    assert len(got["bulk"][2]) > 5  # every index of events is there again


def test_bulk_import_into_a_larger_store_keeps_the_indexes_row_by_row(
        tmp_path: Path, background_min: int) -> None:
    with Store.open(tmp_path / "s.db") as s:
        import_files(s, [_big_file(tmp_path / "a.export.CSV", 60)], lambda *a: None, batch=40,
                     bulk_min=1)
        before = s.conn.execute("SELECT count(*) FROM events").fetchone()[0]
        small = tmp_path / "b.export.CSV"
        small.write_text("\n".join("\t".join([str(10**6 + k), *line.split("\t")[1:]])
                                   for k, line in enumerate(SAMPLE.read_text().splitlines()
                                                            * 10)) + "\n")
        statements: list[str] = []
        s.conn.set_trace_callback(statements.append)
        import_files(s, [small], lambda *a: None, batch=40, bulk_min=1,
                     background_min=background_min)
        s.conn.set_trace_callback(None)
        assert not any(str(q).startswith("DROP INDEX") for q in statements)
        assert s.conn.execute("SELECT count(*) FROM events").fetchone()[0] > before


def test_a_file_damaged_half_way_keeps_the_rows_read_before(tmp_path: Path,
        background_min: int) -> None:
    raw = _big_file(tmp_path / "big.export.CSV", 60).read_bytes()
    gz = gzip.compress(raw)
    cut = tmp_path / "cut.export.CSV.gz"
    cut.write_bytes(gz[: len(gz) * 3 // 4])
    with Store.open(tmp_path / "s.db") as s:
        full = _facts(s)[2]
        statements: list[str] = []
        s.conn.set_trace_callback(statements.append)
        with pytest.raises(DataFileError):
            import_files(s, [cut], lambda *a: None, batch=40, bulk_min=1,
                         background_min=background_min)
        s.conn.set_trace_callback(None)
        assert any(q.startswith("DROP INDEX") for q in statements)  # it went in bulk
        events, _months, indexes = _facts(s)
        assert len(events) >= 40 and indexes == full
        assert not s.conn.in_transaction


def test_an_interrupt_keeps_nothing_of_the_file_and_every_index(tmp_path: Path,
        background_min: int) -> None:
    big = _big_file(tmp_path / "big.export.CSV", 60, bad_at=500)

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    with Store.open(tmp_path / "s.db") as s:
        import_files(s, [SAMPLE], lambda *a: None)  # a few rows already there
        before = _facts(s)
        with pytest.raises(KeyboardInterrupt):
            import_files(s, [big], interrupt, batch=40, bulk_min=1,
                         background_min=background_min)
        assert _facts(s) == before
        assert not s.conn.in_transaction


def test_an_import_in_bulk_inside_a_bulk_block(tmp_path: Path,
        background_min: int) -> None:
    """``bench/scale.py --bulk`` wraps the import in ``Store.bulk_events()``; the import then
    goes in bulk itself: the inner block is a savepoint of the outer transaction."""
    big = _big_file(tmp_path / "big.export.CSV", 60)
    with Store.open(tmp_path / "plain.db") as s:
        import_files(s, [big], lambda *a: None, batch=40, bulk_min=10**9,
                     background_min=background_min)
        want = _facts(s)
    with Store.open(tmp_path / "nested.db") as s:
        with s.bulk_events():
            import_files(s, [big], lambda *a: None, batch=40, bulk_min=1,
                         background_min=background_min)
        assert _facts(s) == want
        assert not s.conn.in_transaction


def test_a_file_parsed_in_a_second_process_lands_as_one_parsed_here(tmp_path: Path) -> None:
    """Plain, gzip and a zip of two members, with bad rows and blank lines among the good
    ones: the same events, monthly counts and reports of bad rows (file, line, reason) in the
    same order, whichever process parses."""
    big = _big_file(tmp_path / "big.export.CSV", 30, bad_at=77)
    lines = big.read_text(encoding="utf-8").splitlines()
    lines[10] = "\t".join(lines[10].split("\t")[:20])  # a row cut short
    lines.insert(200, "")
    text = "\n".join(lines) + "\n"
    plain = tmp_path / "plain.export.CSV"
    plain.write_text(text, encoding="utf-8")
    gz = tmp_path / "packed.export.CSV.gz"
    gz.write_bytes(gzip.compress(text.encode()))
    archive = tmp_path / "two.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("a.export.CSV", "\n".join(lines[:400]) + "\n")
        z.writestr("b.export.CSV", "\n".join(lines[400:]) + "\n")
    for path in (plain, gz, archive):
        got = {}
        for reader, minimum in READERS.items():
            bad: list[tuple[object, ...]] = []
            with Store.open(tmp_path / f"{path.name}.{reader}.db") as s:
                stats = import_files(s, [path], lambda *a, b=bad: b.append(a), batch=40,
                                     bulk_min=1, background_min=minimum)
                got[reader] = (_facts(s), bad, stats.rows, stats.added, stats.bad,
                               stats.files)
        assert got["background"] == got["inline"], path.name
        assert got["inline"][4] >= 2 and got["inline"][3] > 100
