"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

CHROMIUM = Path("/usr/bin/chromium")
# quiet offline: no background networking, component updates, sync or first-run pages
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared is absent here ({p} not found); CI always has it")
    return p


@pytest.fixture(scope="session")
def nlp():
    from foreigndesk.extract.nlp import load

    return load()


@pytest.fixture(scope="session")
def dossier_path() -> Path:
    return shared_path("corpus", "china-cuba-dossier.txt")


@pytest.fixture(scope="session")
def dossier_gold() -> dict:
    import yaml

    return yaml.safe_load(shared_path("corpus", "china-cuba-dossier.gold.yaml").read_text())


def run_cli(*args: str, ok: bool = True):
    """Run the real CLI in-process; assert success unless ``ok`` is False."""
    from foreigndesk.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + (result.stderr if result.stderr_bytes else "")
    return result


@pytest.fixture(scope="session")
def dossier_db(tmp_path_factory, dossier_path) -> Path:
    """A store with the dossier ingested (built once per test session)."""
    db = tmp_path_factory.mktemp("dossier") / "dossier.db"
    run_cli("ingest", str(dossier_path), "--db", str(db), "--workers", "1", "--quiet")
    return db


@pytest.fixture(scope="session")
def dossier_store(dossier_db):
    from foreigndesk.store import Store

    store = Store.open(dossier_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def unvotes_db(tmp_path_factory) -> Path:
    """A store with the full UN votes data (../shared/eval/unvotes) imported, once per session;
    the import's wall time in seconds is in ``import_seconds.txt`` next to it."""
    import time

    src = shared_path("eval", "unvotes")
    db = tmp_path_factory.mktemp("unvotes") / "unvotes.db"
    t0 = time.perf_counter()
    run_cli("import", "unvotes", str(src), "--db", str(db), "--quiet")
    (db.parent / "import_seconds.txt").write_text(f"{time.perf_counter() - t0:.3f}")
    return db


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (never a downloaded browser); skipped with
    a reason when it is absent."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium "
                    "(.ci/run installs it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()
