"""``foreigndesk serve`` itself: its options, a missing store, where it listens."""

from __future__ import annotations

import subprocess
import sys

from foreigndesk.store import Store
from tests.conftest import run_cli
from tests.web.server import Server


def test_help_documents_every_option():
    out = run_cli("serve", "--help").output
    for opt in ("--db", "--host", "--port", "--token"):
        assert opt in out
    assert "127.0.0.1" in out


def test_missing_store_is_one_clear_line(missing_db):
    r = subprocess.run([sys.executable, "-c", "from foreigndesk.cli import main; main()", "serve",
                        "--db", missing_db, "--port", "0"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    name = missing_db.rsplit("/", 1)[-1]
    assert len(lines) == 1 and name in lines[0] and "Traceback" not in r.stderr


def test_listens_on_loopback_and_prints_a_token(db_url):
    Store.open(db_url).close()
    server = Server(db_url)
    try:
        assert len(server.token) >= 20
        import httpx

        r = httpx.get(server.base + "/documents")
        assert r.status_code == 200 and "The store is empty" in r.text
        for path in ("/timeline", "/actors", "/map", "/relations", "/claims", "/figures"):
            assert httpx.get(server.base + path, timeout=60).status_code == 200, path
    finally:
        server.stop()
    # it says where it listens: the loopback address and the port it was given
    assert any(f"http://127.0.0.1:{server.port}/" in line for line in server.announced)
