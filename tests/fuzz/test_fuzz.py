"""A mixed batch of hostile files and good ones through the real ``ingest``: one line per bad
file (or bad record), every good file stored, no traceback, exit status 1."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import connect, run_cli
from tests.fuzz.generators import HOSTILE, write_batch


def test_mixed_hostile_batch(tmp_path: Path, db_url: str) -> None:
    src = tmp_path / "in"
    verdicts, goods = write_batch(src, n_hostile=2 * len(HOSTILE), n_good=12, seed=7)
    r = run_cli("ingest", str(src), "--db", db_url, "--workers", "1", "--doc-timeout", "60",
                ok=False)
    assert "Traceback" not in r.stderr and "Error:" not in r.stderr
    assert r.exit_code == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("foreigndesk: ")]
    per_file: dict[str, int] = {}
    for ln in lines:
        m = re.match(rf"foreigndesk: {re.escape(str(src))}/([^:#]+)", ln)
        assert m, ln
        per_file[m.group(1)] = per_file.get(m.group(1), 0) + 1
    for name, verdict in verdicts.items():
        if verdict.startswith("fail"):
            assert per_file.get(name) == 1, (name, per_file.get(name), lines)
        elif verdict == "store":
            assert name not in per_file, (name, lines)
    assert set(per_file) <= set(verdicts)
    con = connect(db_url)
    stored = {src_ for (src_,) in con.execute("SELECT source FROM documents")}
    con.close()
    for name in goods:
        assert str(src / name) in stored, name
    for name, verdict in verdicts.items():
        if verdict == "store" or verdict == "fail+store":
            assert any(s.startswith(str(src / name)) for s in stored), name
    n_failed = len(lines)
    summary = r.stderr.strip().splitlines()[-1]
    assert summary.endswith(f" 0 already present, {n_failed} failed"), summary
