"""Hostile data files for the importers: each fails alone, named, with its reason; bombs are
refused without being held in memory; a file without rows is an error."""

from __future__ import annotations

import gzip
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import FIXTURES, run_cli

FOREIGNDESK = Path(sys.executable).with_name("foreigndesk")
GDELT2 = FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"


def _bomb_line() -> bytes:
    return b"\t".join([b"1"] * 61) + b"\n"


def test_gzip_bomb_is_refused_in_bounded_memory(db_url, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.export.CSV.gz"
    line = _bomb_line()
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        block = line * (1024 * 1024 // len(line))
        for _ in range(300):  # 300 MB of rows
            f.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([str(FOREIGNDESK), "import", "gdelt", str(bomb), "--db",
                           str(db_url), "-q"], capture_output=True, text=True,
                          timeout=600)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert proc.returncode == 1
    assert f"foreigndesk: {bomb}: gzip file expands to more than" in proc.stderr
    assert "decompression bomb" in proc.stderr and "Traceback" not in proc.stderr
    assert peak_mb < 500 or before / 1024 >= 500, peak_mb


def test_zip_bomb_is_refused_from_its_header(db_url, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z, \
            z.open("events.CSV", "w", force_zip64=True) as member:
        block = _bomb_line() * 20000
        for _ in range(int(300 * 1024 * 1024 / len(block)) + 1):
            member.write(block)
    r = run_cli("import", "gdelt", str(bomb), "--db", str(db_url), "-q", ok=False)
    assert r.exit_code == 1
    assert f"foreigndesk: {bomb}: zip member events.CSV would expand to" in r.stderr
    assert "decompression bomb" in r.stderr


def test_truncated_gzip_and_zip_name_the_file_and_reason(db_url, tmp_path: Path) -> None:
    data = GDELT2.read_bytes()
    gz = gzip.compress(data * 20)
    (tmp_path / "cut.CSV.gz").write_bytes(gz[: len(gz) // 2])
    with zipfile.ZipFile(tmp_path / "full.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("events.CSV", data * 20)
    full = (tmp_path / "full.zip").read_bytes()
    (tmp_path / "cut.zip").write_bytes(full[: len(full) // 2])
    db = str(db_url)
    r = run_cli("import", "gdelt", str(tmp_path / "cut.CSV.gz"), "--db", db, "-q", ok=False)
    assert r.exit_code == 1
    assert (f"foreigndesk: {tmp_path / 'cut.CSV.gz'}: truncated gzip file: the compressed data "
            "ends early") in r.stderr
    assert "Aborted" not in r.stderr
    r = run_cli("import", "gdelt", str(tmp_path / "cut.zip"), "--db", db, "-q", ok=False)
    assert r.exit_code == 1
    assert (f"foreigndesk: {tmp_path / 'cut.zip'}: truncated or damaged zip archive"
            in r.stderr)


def test_endless_line_is_refused(db_url, tmp_path: Path) -> None:
    p = tmp_path / "blob.CSV"
    p.write_bytes(b"1" * (3 * 1024 * 1024))
    r = run_cli("import", "gdelt", str(p), "--db", str(db_url), "-q", ok=False)
    assert r.exit_code == 1
    assert f"foreigndesk: {p}: line 1 is longer than" in r.stderr


def test_gdelt_file_without_rows_exits_non_zero(db_url, tmp_path: Path) -> None:
    p = tmp_path / "empty.export.CSV"
    p.write_text("")
    r = run_cli("import", "gdelt", str(p), "--db", str(db_url), ok=False)
    assert r.exit_code == 1
    assert f"foreigndesk: {p}: no rows (an empty file?); nothing imported" in r.stderr


def test_unvotes_with_empty_files_exits_non_zero(db_url, tmp_path: Path) -> None:
    d = tmp_path / "un"
    d.mkdir()
    for name in ("un_roll_calls.csv", "un_votes.csv", "un_roll_call_issues.csv"):
        (d / name).write_text("")
    r = run_cli("import", "unvotes", str(d), "--db", str(db_url), ok=False)
    assert r.exit_code == 1
    assert "no roll calls (an empty file?); nothing imported" in r.stderr
    header = (FIXTURES / "unvotes" / "un_roll_calls.csv").read_text().splitlines()[0]
    (d / "un_roll_calls.csv").write_text((FIXTURES / "unvotes" / "un_roll_calls.csv").read_text())
    (d / "un_votes.csv").write_text(
        (FIXTURES / "unvotes" / "un_votes.csv").read_text().splitlines()[0] + "\n")
    r = run_cli("import", "unvotes", str(d), "--db", str(db_url), ok=False)
    assert r.exit_code == 1 and header
    assert "un_votes.csv: no votes (an empty file?); nothing imported" in r.stderr


def test_unvotes_truncated_gzip_names_the_file(db_url, tmp_path: Path) -> None:
    d = tmp_path / "un"
    d.mkdir()
    for name in ("un_roll_calls.csv", "un_roll_call_issues.csv"):
        (d / name).write_bytes((FIXTURES / "unvotes" / name).read_bytes())
    gz = gzip.compress((FIXTURES / "unvotes" / "un_votes.csv").read_bytes() * 50)
    (d / "un_votes.csv.gz").write_bytes(gz[: len(gz) // 2])
    r = run_cli("import", "unvotes", str(d), "--db", str(db_url), ok=False)
    assert r.exit_code == 1
    assert f"foreigndesk: {d / 'un_votes.csv.gz'}: truncated gzip file" in r.stderr
