"""Fixtures of the brief tests: briefs of the dossier store (made once per session) and a store
of hostile documents (the store of the example corpus is ``examples_db`` of tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BACKENDS, run_cli, store_location

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def dossier_briefs(dossier_db, tmp_path_factory) -> dict[str, Path]:
    """brief.html, brief.md and brief.pdf of the whole dossier store, through the CLI."""
    out = tmp_path_factory.mktemp("briefs")
    paths = {}
    for ext in ("html", "md", "pdf"):
        paths[ext] = out / f"brief.{ext}"
        run_cli("report", "--db", str(dossier_db), "-o", str(paths[ext]))
    return paths


@pytest.fixture(scope="session", params=BACKENDS)
def hostile_db(request, tmp_path_factory) -> Path | str:
    """Documents full of script tags, event handlers, javascript: URLs and Markdown links in
    their title, outlet, URL and text (tests/report/hostile.jsonl), ingested through the CLI
    on each backend."""
    db = store_location(request, tmp_path_factory.mktemp("hostile"), "hostile.db")
    run_cli("ingest", str(HERE / "hostile.jsonl"), "--db", str(db), "--workers", "1", "--quiet")
    return db
