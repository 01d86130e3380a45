"""``store/`` is the only place that speaks SQL (issue 11): no module outside it holds an SQL
keyword (the check of ``git grep -n "SELECT\\|INSERT\\|UPDATE\\|DELETE" src/foreigndesk``,
comments and docstrings included) or runs a statement on a connection itself."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "foreigndesk"
KEYWORDS = re.compile(r"SELECT|INSERT|UPDATE|DELETE")  # case-sensitive, as the git grep
RUNS_SQL = re.compile(r"\.execute\(|\.executemany\(|\.executescript\(")

SQL_HOME = "store"
# TODO(issue 11): the web's queries move to store/ on the branch webscale; drop this exemption
# (and the test below still passes) when it lands.
def _outside_store() -> list[Path]:
    return [p for p in sorted(SRC.rglob("*.py"))
            if p.relative_to(SRC).parts[0] != SQL_HOME]


def _hits(pattern: re.Pattern[str]) -> list[str]:
    return [f"{p.relative_to(SRC)}:{n}: {line.strip()}" for p in _outside_store()
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line)]


def test_no_sql_keyword_outside_the_store() -> None:
    hits = _hits(KEYWORDS)
    assert not hits, "SQL belongs in src/foreigndesk/store/:\n" + "\n".join(hits)


def test_no_statement_run_outside_the_store() -> None:
    hits = _hits(RUNS_SQL)
    assert not hits, "run statements through the store's functions:\n" + "\n".join(hits)


def test_the_check_sees_sql() -> None:
    """The checks find what they look for (in the store, where it belongs)."""
    text = (SRC / SQL_HOME / "claim_rows.py").read_text(encoding="utf-8")
    assert KEYWORDS.search(text) and RUNS_SQL.search(text)
    assert len(_outside_store()) > 100  # the walk sees the package
