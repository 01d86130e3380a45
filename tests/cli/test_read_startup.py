"""Read commands never import spaCy, numpy or scipy: loading them costs seconds that a listing
does not need (they are for computing analyses, not for listing them). Each command runs in a
fresh interpreter against a real (empty, migrated) store."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    Store.open(module_db_url).close()
    return module_db_url


@pytest.mark.parametrize("args", READ_COMMANDS, ids=[a[0] for a in READ_COMMANDS])
def test_read_command_does_not_import_heavy_modules(args: list[str], store_path: str) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE, *args, "--db", str(store_path)],
                          capture_output=True, text=True, timeout=120)
    marker = [ln for ln in done.stderr.splitlines() if ln.startswith("HEAVY:")]
    assert marker, done.stderr
    assert marker[-1] == "HEAVY:", f"{args[0]} imported {marker[-1][6:]}"
