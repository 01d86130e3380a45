"""Read commands never import spaCy, numpy or scipy: loading them costs seconds that a listing
does not need (they are for computing analyses, not for listing them). Each command runs in a
fresh interpreter against a real store: an empty (migrated) one, and the dossier's (every
kind of row present, so every listing's rendering runs). The time they take is measured by
bench/startup.py, not here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


@pytest.fixture(scope="module", params=["empty", "dossier"])
def store_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("read")
    if request.param == "dossier":  # a copy: a command that wrote would not touch the shared one
        return Path(copy_of_store(request.getfixturevalue("dossier_sqlite"), folder))
    path = folder / "store.db"
    Store.open(str(path)).close()
    return path


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[a[0] for a in READ_COMMANDS])
def test_read_command_does_not_import_heavy_modules(args: list[str], store_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, *args, "--db", str(store_path)],
                          capture_output=True, text=True, timeout=120)
    marker = [ln for ln in done.stderr.splitlines() if ln.startswith("HEAVY:")]
    assert marker, done.stderr
    assert marker[-1] == "HEAVY:", f"{args[0]} imported {marker[-1][6:]}"
