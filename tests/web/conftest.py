"""Fixtures of the web tests: a real server over the dossier store, and headless Chromium
(Debian's /usr/bin/chromium through Playwright; skipped with a reason when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_of_store
from tests.web.server import Server

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="session")
def dossier_server(dossier_db, tmp_path_factory):
    """The workbench over a copy of the dossier store (so that nothing the tests do through
    the server can touch the session's store)."""
    db = copy_of_store(dossier_db, tmp_path_factory.mktemp("web"), "dossier.db")
    server = Server(db)
    yield server
    server.stop()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, failed requests and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.dialogs = []
    pg.on("pageerror", lambda e: pg.errors.append(f"pageerror: {e}"))
    pg.on("console", lambda m: pg.errors.append(f"console: {m.text}") if m.type == "error"
          else None)
    pg.on("requestfailed", lambda r: pg.errors.append(f"request failed: {r.url}"))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def screenshot(pg, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=full_page)
    return path
