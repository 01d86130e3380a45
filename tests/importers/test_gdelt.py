"""The GDELT importer: real sample rows, the 2.0 and 1.0 layouts, compressed input, bad rows,
idempotence."""

from __future__ import annotations

import csv
import gzip
import shutil
import zipfile
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, run_cli, shared_path

from foreigndesk.importers.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from foreigndesk.store import Store

GDELT2 = FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"
GDELT1 = FIXTURES / "gdelt" / "gdelt1_daily.export.CSV"


def _events(db: Path) -> dict[str, dict]:
    with Store.open(db) as s:
        return {r["external_id"]: r for r in s.query("SELECT * FROM events WHERE origin='gdelt'")}


@pytest.mark.shared
def test_every_sample_row_lands_with_its_goldstein(db_url, tmp_path) -> None:
    path = shared_path("eval", "gdelt1_sample_georgia_2012-11",
                       "gdelt1_events_2012-11_georgia_subset.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 5230
    db = db_url
    run_cli("import", "gdelt", str(path), "--db", str(db))
    stored = _events(db)
    assert len(stored) == len(rows)
    for r in rows:
        e = stored[r["GLOBALEVENTID"]]
        assert e["goldstein"] == float(r["GoldsteinScale"]), r["GLOBALEVENTID"]
        assert e["code"] == r["EventCode"] and e["root"] == r["EventRootCode"]
        assert e["quad_class"] == int(r["QuadClass"])
        d = r["SQLDATE"]
        assert e["date"] == f"{d[:4]}-{d[4:6]}-{d[6:]}"
        assert e["source_code"] == (None if r["Actor1Code"] == "NA" else r["Actor1Code"])
        assert e["target_country"] == (None if r["Actor2CountryCode"] == "NA"
                                       else r["Actor2CountryCode"])
        assert e["n_mentions"] == int(r["NumMentions"])
    # idempotent: a second import adds nothing and changes nothing
    result = run_cli("import", "gdelt", str(path), "--db", str(db))
    assert "0 events added, 5230 already present" in result.stderr
    assert len(_events(db)) == 5230


def test_gdelt2_layout_fields_and_bad_row(db_url, tmp_path) -> None:
    db = db_url
    result = run_cli("import", "gdelt", str(GDELT2), "--db", str(db), ok=False)
    assert result.exit_code == 0  # a bad row is reported, not fatal
    # row 5 has QuadClass 7: reported with its file and line, the rest imported
    assert f"{GDELT2}:5: QuadClass is not 1-4" in result.stderr
    assert "5 events added, 0 already present, 1 bad rows" in result.stderr
    ev = _events(db)
    assert set(ev) == {"1100000001", "1100000002", "1100000003", "1100000004", "1100000006"}
    with open(GDELT2, encoding="utf-8") as f:
        cells = {ln.split("\t")[0]: ln.rstrip("\n").split("\t") for ln in f}
    col = {c: i for i, c in enumerate(GDELT2_COLUMNS)}
    for gid, e in ev.items():
        c = cells[gid]
        assert len(c) == 61
        assert e["goldstein"] == float(c[col["GoldsteinScale"]])
        assert e["source_url"] == c[col["SOURCEURL"]]
        assert e["source_code"] == c[col["Actor1Code"]]
        assert e["source_country"] == c[col["Actor1CountryCode"]]
        assert e["target_name"] == c[col["Actor2Name"]]
        assert e["n_articles"] == int(c[col["NumArticles"]])
    first = ev["1100000001"]
    assert (first["code"], first["root"], first["quad_class"]) == ("057", "05", 1)
    assert first["date"] == "2023-02-15" and first["date_added"] == "2023-02-15T12:00:00"
    # ActionGeo: FIPS CU is Cuba, CH is China (not Switzerland)
    assert first["place_country"] == "CUB" and first["lat"] == 23.1333 and first["lon"] == -82.3667
    assert ev["1100000004"]["place_country"] == "CHN"
    # ActionGeo_Type 0: no place
    assert ev["1100000003"]["place"] is None and ev["1100000003"]["lat"] is None
    assert first["origin"] == "gdelt" and first["modality"] == "asserted"


def test_gdelt1_layouts_58_and_57_columns(db_url, tmp_path) -> None:
    db = db_url
    run_cli("import", "gdelt", str(GDELT1), "--db", str(db))
    ev = _events(db)
    assert set(ev) == {"250000001", "250000002"}
    assert ev["250000001"]["source_url"] == "https://news.example.org/2013/04/02/talks"
    assert ev["250000001"]["goldstein"] == 4.0 and ev["250000001"]["code"] == "036"
    assert ev["250000001"]["date_added"] == "2013-04-02"
    # a back-file row (57 columns: no SOURCEURL)
    line = GDELT1.read_text().splitlines()[0].split("\t")
    assert len(line) == len(GDELT1_COLUMNS) == 58
    line[0] = "250000003"
    back = tmp_path / "20120101.export.CSV"
    back.write_text("\t".join(line[:57]) + "\n")
    run_cli("import", "gdelt", str(back), "--db", str(db))
    ev = _events(db)
    assert ev["250000003"]["source_url"] is None and ev["250000003"]["code"] == "036"


def test_compressed_inputs(db_url, tmp_path) -> None:
    gz = tmp_path / "20230215120000.export.CSV.gz"
    with open(GDELT2, "rb") as f, gzip.open(gz, "wb") as g:
        shutil.copyfileobj(f, g)
    zp = tmp_path / "20130402.export.CSV.zip"
    with zipfile.ZipFile(zp, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(GDELT1, "20130402.export.CSV")
    db = db_url
    result = run_cli("import", "gdelt", str(gz), str(zp), "--db", str(db))
    assert "7 events added" in result.stderr
    assert len(_events(db)) == 7


def test_unreadable_and_foreign_files_fail_in_one_line(db_url, tmp_path) -> None:
    other = tmp_path / "notes.csv"
    other.write_text("name,value\na,1\n")
    db = db_url
    result = run_cli("import", "gdelt", str(other), str(tmp_path / "missing.CSV"), str(GDELT1),
                     "--db", str(db), ok=False)
    assert result.exit_code == 1
    assert f"{other}: not a GDELT event export" in result.stderr
    assert "missing.CSV: No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(_events(db)) == 2  # the good file is still imported


def test_dropped_leading_zero_is_repaired(db_url, tmp_path) -> None:
    """Spreadsheets and R write CAMEO codes as numbers ("30" for "030"); the root repairs it."""
    line = GDELT1.read_text().splitlines()[0].split("\t")
    col = {c: i for i, c in enumerate(GDELT1_COLUMNS)}
    line[col["EventCode"]], line[col["EventBaseCode"]], line[col["EventRootCode"]] = "36", "36", "3"
    f = tmp_path / "numeric.CSV"
    f.write_text("\t".join(line) + "\n")
    db = db_url
    run_cli("import", "gdelt", str(f), "--db", str(db))
    e = _events(db)["250000001"]
    assert (e["code"], e["root"]) == ("036", "03")


def test_a_directory_stands_for_its_data_files(db_url, tmp_path) -> None:
    db = db_url
    result = run_cli("import", "gdelt", str(GDELT2.parent), "--db", str(db))  # holds a README
    assert "7 events added, 0 already present, 1 bad rows, 0 files failed" in result.stderr
