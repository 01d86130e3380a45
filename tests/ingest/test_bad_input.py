"""Bad input: one line on stderr per failure, the rest ingested, non-zero exit, nothing twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from foreigndesk.ingest import ReadError, read_path
from foreigndesk.ingest.encoding import MAX_TEXT_CHARS
from foreigndesk.model import Document
from tests.conftest import FIXTURES, connect, run_cli

F = FIXTURES / "ingest"
FOREIGNDESK = Path(sys.executable).with_name("foreigndesk")
FRENCH = ("Le ministre des Affaires étrangères a déclaré mardi que la coopération entre la France "
          "et le Sénégal était très importante pour les deux pays. ") * 3


def _failure(path: Path) -> str:
    """The one reason ``path`` gives, asserting there is exactly one and no document."""
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], ReadError), items
    assert items[0].path == str(path)
    return items[0].reason


def _doc(path: Path) -> Document:
    items = list(read_path(path))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


# -- reader level -------------------------------------------------------------------------------

def test_empty_and_blank(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n   \n")
    assert _failure(tmp_path / "empty.txt") == "empty file"
    assert _failure(tmp_path / "blank.txt") == "only whitespace"


@pytest.mark.parametrize("data, reason", [
    (b"Chile\x00and\x00Peru" * 20, "binary file (contains NUL bytes)"),
    (bytes(range(1, 32)) * 40, "binary file (mostly non-text bytes)"),
    # a PDF's own reader reads it (tests/ingest/test_pdf_docx.py); this one is cut short
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not a readable PDF (damaged or truncated)"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary file (a ZIP archive (or DOCX/ODT/EPUB))"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image)"),
])
def test_binary(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "doc.txt"
    p.write_bytes(data)
    assert _failure(p) == reason


def test_other_encodings_are_detected(tmp_path: Path) -> None:
    cases = {
        "latin1.txt": FRENCH.encode("latin-1"),
        "cp1251.txt": ("Министр иностранных дел России заявил во вторник, что переговоры с "
                       "Казахстаном продолжатся в следующем месяце. " * 3).encode("cp1251"),
        "utf16.txt": "Chile and Peru met in Lima on Monday.".encode("utf-16"),
        "bom.txt": "\ufeffChile and Peru met in Lima on Monday.".encode("utf-8"),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    assert "Affaires étrangères" in _doc(tmp_path / "latin1.txt").text
    assert "Министр иностранных дел" in _doc(tmp_path / "cp1251.txt").text
    assert _doc(tmp_path / "utf16.txt").text == "Chile and Peru met in Lima on Monday."
    assert _doc(tmp_path / "bom.txt").text == "Chile and Peru met in Lima on Monday."


@pytest.mark.parametrize("data", [b"caf\xe9", bytes(range(128, 256)) * 20])
def test_undecodable(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "odd.txt"
    p.write_bytes(data)
    assert _failure(p).startswith("undecodable: not UTF-8")


def test_oversized_text(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    line = "Norway and Chile signed an agreement on Tuesday. " * 20 + "\n"
    with p.open("w") as f:
        f.write(line * (MAX_TEXT_CHARS // len(line) + 10))
    reason = _failure(p)
    assert reason.startswith("too large (") and "the limit is 5.0 MB of text" in reason


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    """A sparse 8 GB file: refused from its size alone (reading it would take minutes)."""
    for name in ("huge.txt", "huge.html", "huge.xml", "huge.bin"):
        p = tmp_path / name
        with p.open("wb") as f:
            f.write(b"Ministers met.\n")
            f.truncate(8 * 1024 ** 3)
        t = time.perf_counter()
        assert _failure(p) == "too large (8.0 GB; the limit is 5.0 MB of text)"
        assert time.perf_counter() - t < 1.0


def test_malformed_inputs() -> None:
    assert _failure(F / "no_main_text.html") == "HTML without main text"
    assert _failure(F / "not_a_feed.xml") == "not an RSS or Atom feed"
    items = list(read_path(F / "broken_feed.xml"))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert len(errors) == 1 and errors[0].reason.startswith("malformed feed (")


def test_oversized_jsonl_line_is_skipped(tmp_path: Path) -> None:
    from foreigndesk.ingest.jsonl import MAX_LINE_BYTES

    p = tmp_path / "big.jsonl"
    with p.open("w") as f:
        f.write('{"text": "' + "a" * (MAX_LINE_BYTES + 10) + '"}\n')
        f.write('{"text": "Chile and Peru met on Monday."}\n')
    items = list(read_path(p))
    assert isinstance(items[0], ReadError) and items[0].reason.startswith("line 1: too large")
    assert isinstance(items[1], Document) and items[1].source == f"{p}#2"


def test_not_regular_and_broken_link(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    assert _failure(tmp_path / "pipe.txt") == "not a regular file"
    assert _failure(tmp_path / "dangling.txt") == "cannot read: No such file or directory"


# -- the command line ---------------------------------------------------------------------------

GOOD = {
    "good1.txt": "Chile and Peru signed a fisheries accord in Lima on Monday, officials said.",
    "good2.txt": "Norway and Iceland held talks on whaling in Reykjavik on Tuesday.",
}


def _bad_batch(d: Path) -> list[str]:
    """Write good files and one of each kind of bad one into ``d``; the bad files' names."""
    for name, text in GOOD.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text("   \n\n")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (d / "odd.txt").write_bytes(bytes(range(128, 256)) * 20)
    with (d / "huge.txt").open("wb") as f:
        f.truncate(6 * 1024 ** 3)
    shutil.copy(F / "no_main_text.html", d / "menu.html")
    shutil.copy(F / "broken_feed.xml", d / "broken.xml")
    (d / "mixed.jsonl").write_text('{"text": "Benin and Togo met in Lome on Friday."}\n{oops\n')
    return ["empty.txt", "blank.txt", "binary.txt", "odd.txt", "huge.txt", "menu.html",
            "broken.xml", "mixed.jsonl"]


def test_cli_reports_each_bad_file_once_and_ingests_the_rest(db_url, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    bad = _bad_batch(src)
    db = db_url
    r = run_cli("ingest", str(src), "--db", str(db), "--workers", "1", ok=False)
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("foreigndesk: ")]
    assert len(lines) == len(bad)
    for name in bad:
        assert sum(name in ln for ln in lines) == 1, name
    assert "Traceback" not in r.stderr
    # good1, good2, the good JSON Lines line, the entry recovered from the broken feed
    assert r.stderr.strip().splitlines()[-1] == f"4 added, 0 already present, {len(bad)} failed"
    con = connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    con.close()
    r = run_cli("ingest", str(src), "--db", str(db), "--workers", "1", ok=False)
    assert r.exit_code == 1
    assert r.stderr.strip().splitlines()[-1] == f"0 added, 4 already present, {len(bad)} failed"


def test_extract_reports_bad_input_too(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00" * 50)
    (tmp_path / "good.txt").write_text(GOOD["good1.txt"])
    r = run_cli("extract", str(tmp_path), "--workers", "1", ok=False)
    assert r.exit_code == 1
    assert r.stderr.strip() == f"foreigndesk: {tmp_path / 'binary.txt'}: binary file (contains NUL bytes)"
    assert '"type": "document"' in r.stdout


@pytest.mark.shared
def test_reingesting_the_dossier_adds_nothing(dossier_path, dossier_db) -> None:
    r = run_cli("ingest", str(dossier_path), "--db", str(dossier_db), "--workers", "1")
    assert r.stderr.strip().splitlines()[-1] == "0 added, 5 already present, 0 failed"


def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission. Root reads anything, so as root the command runs with
    the capabilities that bypass file permissions dropped (setpriv). Only the unreadable file
    is given, so the model is not loaded and the subprocess stays quick."""
    cmd = [str(FOREIGNDESK), "extract", str(tmp_path), "--workers", "1", "--no-text"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv (util-linux) is absent: cannot drop "
                        "the capability to read any file")
        cmd = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *cmd]
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD["good2.txt"])
    secret.chmod(0)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    finally:
        secret.chmod(0o644)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip() == f"foreigndesk: {secret}: cannot read: Permission denied"
    assert proc.stdout == ""
