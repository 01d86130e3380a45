"""Read commands never import spaCy, numpy or scipy: loading them costs seconds that a listing
does not need (they are for computing analyses, not for listing them). Each command runs in a
fresh interpreter against a real store: an empty (migrated) one, and the dossier's (every
kind of row present, so every listing's rendering runs). The time they take is measured by
bench/startup.py, not here."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import copy_of_store

from foreigndesk.store import Store

READ_COMMANDS = [["actors"], ["claims"], ["docs"], ["echoes"], ["events"], ["figures"],
                 ["relations", "USA", "CHN"], ["reuse"], ["timeline"]]

PROBE = """
import sys
from foreigndesk.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "numpy", "scipy"))
    print("HEAVY:" + ",".join(heavy[:3]), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def store_path(module_db_url: str) -> str:
    """An empty (migrated) store on each backend."""
    Store.open(module_db_url).close()
    return module_db_url


@pytest.fixture(scope="module")
def dossier_copy(dossier_db: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the dossier's store on each backend: a command that wrote would not touch
    the shared one."""
    return str(copy_of_store(dossier_db, tmp_path_factory.mktemp("read")))


def _heavy_imports(args: list[str], db: str) -> str:
    done = subprocess.run([sys.executable, "-c", PROBE, *args, "--db", db],
                          capture_output=True, text=True, timeout=120)
    marker = [ln for ln in done.stderr.splitlines() if ln.startswith("HEAVY:")]
    assert marker, done.stderr
    return marker[-1][6:]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[a[0] for a in READ_COMMANDS])
def test_read_command_does_not_import_heavy_modules(args: list[str], store_path: str) -> None:
    heavy = _heavy_imports(args, store_path)
    assert heavy == "", f"{args[0]} imported {heavy}"


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[a[0] for a in READ_COMMANDS])
def test_read_command_on_a_full_store_does_not_import_heavy_modules(
        args: list[str], dossier_copy: str) -> None:
    heavy = _heavy_imports(args, dossier_copy)
    assert heavy == "", f"{args[0]} imported {heavy}"
