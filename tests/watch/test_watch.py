"""`foreigndesk watch` over a real site on 127.0.0.1: a feed that gains items between cycles
stores exactly the new ones; OPML and URL lists; failing items are retried, then given up;
kill -9 and a restart store nothing twice and miss nothing; Ctrl-C stops cleanly."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from foreigndesk.store.backends import is_postgres
from tests.conftest import connect, ctrl_c_enabled, run_cli
from tests.watch.conftest import FAST
from tests.watch.site import Article

FOREIGNDESK = Path(sys.executable).with_name("foreigndesk")
STATES = ["Chile", "Peru", "Norway", "Kenya", "Japan", "Brazil", "Ghana", "Canada", "Egypt",
          "Vietnam", "Mexico", "Poland"]


def article(i: int) -> Article:
    a, b = STATES[i % len(STATES)], STATES[(i * 5 + 1) % len(STATES)]
    return Article(f"item-{i:02d}", f"Talks number {i} between {a} and {b}", [
        f"A delegation from {a} met officials of {b} on Monday for talks number {i}, the "
        f"foreign ministry of {a} said in a statement.",
        f"Both sides agreed to meet again after round {i} of the talks, officials said."],
        published=f"2023-03-{i % 28 + 1:02d}", outlet="Wire Service")


def _docs(db: Path) -> list[tuple[str, str]]:
    try:
        con = connect(db, readonly=True)
    except sqlite3.Error:
        return []
    try:
        return [tuple(r) for r in con.execute("SELECT id, url FROM documents ORDER BY url")]
    except sqlite3.Error:
        return []
    finally:
        con.close()


def _watch(db: Path, *sources: str, ok: bool = True):
    return run_cli("watch", *sources, "--db", str(db), "--once", *FAST, ok=ok)


def _line(out: str, source: str) -> str:
    lines = [ln for ln in out.splitlines() if f"· {source} " in ln or f"· {source}: " in ln]
    assert len(lines) == 1, out
    return lines[0]


def test_feed_gaining_items_stores_exactly_the_new_ones(db_url, site, tmp_path):
    db = db_url
    feed = site.base + "/feed.xml"
    for i in range(2):
        site.add(article(i))
    r = _watch(db, feed)
    assert _line(r.stdout, feed).endswith("(feed): 3 new, 0 seen, 0 failed")
    before = {u for _i, u in _docs(db)}
    for i in range(2, 5):
        site.add(article(i))
    r = _watch(db, feed)
    assert _line(r.stdout, feed).endswith("(feed): 3 new, 3 seen, 0 failed")
    after = {u for _i, u in _docs(db)}
    assert after - before == {f"{site.base}/articles/item-{i:02d}.html" for i in (2, 3, 4)}
    # nothing new: the feed is a 304 and nothing is stored
    r = _watch(db, feed)
    assert _line(r.stdout, feed).endswith("(feed): 0 new, 6 seen, 0 failed")
    assert site.not_modified["/feed.xml"] == 1
    assert len(_docs(db)) == 6
    # every article page was fetched once only
    assert all(n == 1 for p, n in site.hits.items() if p.startswith("/articles/"))
    con = connect(db)
    assert con.execute("SELECT n_new, n_seen, n_failed, n_errors, last_error FROM "
                       "watch_sources WHERE source=?", (feed,)).fetchone() == (0, 6, 0, 0, None)


def test_atom_feed_and_a_feed_in_two_places(db_url, site, tmp_path):
    """Atom entries are keyed by their id; the same articles through the RSS feed are
    recognised by URL and neither fetched nor stored again."""
    db = db_url
    for i in range(3):
        site.add(article(i))
    atom, rss = site.base + "/atom.xml", site.base + "/feed.xml"
    r = _watch(db, atom, rss)
    assert _line(r.stdout, atom).endswith("(feed): 4 new, 0 seen, 0 failed")
    assert _line(r.stdout, rss).endswith("(feed): 0 new, 4 seen, 0 failed")
    assert len(_docs(db)) == 4
    assert all(n == 1 for p, n in site.hits.items() if p.startswith("/articles/"))
    keys = {k for (k,) in connect(db).execute(
        "SELECT key FROM watch_items WHERE source=?", (atom,))}
    assert keys == {"urn:ledger:first", *(f"urn:ledger:item-{i:02d}" for i in range(3))}


def test_local_feed_file_with_entries_without_links(db_url, tmp_path):
    """A feed file whose entries carry their text and no link: each entry is a document,
    keyed by its guid; a second cycle stores nothing."""
    feed = tmp_path / "wire.xml"
    items = "".join(
        f"<item><guid isPermaLink='false'>wire-{i}</guid><title>Wire item {i}</title>"
        f"<description>The foreign minister of Peru met the ambassador of Chile in Lima on "
        f"Tuesday to discuss trade, in meeting number {i}.</description>"
        f"<pubDate>Tue, 07 Mar 2023 10:00:00 GMT</pubDate></item>" for i in range(3))
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
                    f"{items}</channel></rss>")
    db = db_url
    r = _watch(db, str(feed))
    assert _line(r.stdout, str(feed)).endswith("(feed): 3 new, 0 seen, 0 failed")
    r = _watch(db, str(feed))
    assert _line(r.stdout, str(feed)).endswith("(feed): 0 new, 3 seen, 0 failed")
    con = connect(db)
    assert sorted(r[0] for r in con.execute("SELECT key FROM watch_items")) == \
        ["wire-0", "wire-1", "wire-2"]
    assert {r for (r,) in con.execute("SELECT outlet FROM documents")} == {"Wire"}


def test_opml_and_url_lists(db_url, site, tmp_path):
    db = db_url
    site.add(article(7))
    opml = site.base + "/list.opml"
    r = _watch(db, opml)
    assert _line(r.stdout, opml).endswith("(opml): 1 feeds listed")
    assert _line(r.stdout, site.base + "/feed.xml").endswith("(feed): 2 new, 0 seen, 0 failed")
    # a local URL list: a page (stored once) and a failing page, tried three times in all
    site.add(article(8), in_feed=False)
    urls = tmp_path / "list.txt"
    urls.write_text(f"# pages\n{site.base}/articles/item-08.html\n{site.base}/missing.html\n")
    for cycle in range(1, 5):
        r = _watch(db, str(urls))
        page = _line(r.stdout, f"{site.base}/articles/item-08.html")
        missing = _line(r.stdout, f"{site.base}/missing.html")
        assert page.endswith(f"(page): {1 if cycle == 1 else 0} new, "
                             f"{0 if cycle == 1 else 1} seen, 0 failed")
        if cycle <= 3:
            assert missing.endswith("failed (HTTP 404 Not Found)"), missing
        else:
            assert missing.endswith("given up (3 failed attempts; the last: HTTP 404 Not "
                                    "Found)"), missing
    # the failed page was asked for three times, then given up; the page once
    assert site.hits["/missing.html"] == 3
    assert site.hits["/articles/item-08.html"] == 1
    assert len(_docs(db)) == 3


def test_failures_in_a_feed_are_counted_and_retried(db_url, site, tmp_path):
    db = db_url
    feed = site.base + "/feed.xml"
    site.add(article(1))
    site.feed.append("gone")  # listed in the feed, but its page is a 404
    r = _watch(db, feed)
    assert _line(r.stdout, feed).endswith("(feed): 2 new, 0 seen, 1 failed")
    assert re.search(rf"foreigndesk: {re.escape(site.base)}/articles/gone.html: HTTP 404",
                     r.stderr)
    r = _watch(db, feed)  # tried again
    assert _line(r.stdout, feed).endswith("(feed): 0 new, 2 seen, 1 failed")
    assert site.hits["/articles/gone.html"] == 2


def test_a_source_that_fails_is_one_line(db_url, site, tmp_path):
    db = db_url
    r = _watch(db, site.base + "/broken.html", ok=False)
    assert r.exit_code == 1  # --once and every source failed
    assert _line(r.stdout, site.base + "/broken.html").endswith(
        "failed (HTTP 500 Internal Server Error, after 3 attempts)")


def _spawn(db: Path, feed: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [str(FOREIGNDESK), "watch", feed, "--db", str(db), "--every", "1s", "--delay", "0.3",
         "--timeout", "2", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=ctrl_c_enabled)


def _wait_for_docs(db: Path, proc: subprocess.Popen, n: int, limit: float = 240) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        if (is_postgres(str(db)) or Path(f"{db}-wal").exists()) and len(_docs(db)) >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"watch did not store {n} documents: {proc.poll()}")


def test_kill_9_and_restart_store_nothing_twice(db_url, site, tmp_path):
    db = db_url
    feed = site.base + "/feed.xml"
    n = 10
    for i in range(n - 1):
        site.add(article(i))
    proc = _spawn(db, feed, "--max-cycles", "100")
    try:
        _wait_for_docs(db, proc, 3)
        os.kill(proc.pid, signal.SIGKILL)  # mid-cycle: 0.3 s between two articles
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    stored = len(_docs(db))
    assert 3 <= stored < n, stored
    con = connect(db)
    # every stored document's item is marked, and no item is marked without its document
    marked = con.execute("SELECT count(*) FROM watch_items WHERE status='stored'").fetchone()[0]
    assert marked == stored
    r = _watch(db, feed)
    assert _line(r.stdout, feed).endswith(f"(feed): {n - stored} new, {stored} seen, 0 failed")
    docs = _docs(db)
    assert len(docs) == n and len({u for _i, u in docs}) == n  # no gap, no duplicate
    # each page fetched once, but the one being read when the process was killed
    assert sum(c for p, c in site.hits.items() if p.startswith("/articles/")) <= n + 1


def test_ctrl_c_stops_cleanly(db_url, site, tmp_path):
    db = db_url
    feed = site.base + "/feed.xml"
    for i in range(8):
        site.add(article(i))
    proc = _spawn(db, feed, "--max-cycles", "100")
    try:
        _wait_for_docs(db, proc, 2)
        os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 130, err
    assert re.search(r"stopped during cycle 1$", out.strip()), out  # mid-cycle
    assert "Traceback" not in err
    con = connect(db)
    stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    # every stored document is whole (its sentences are there) and marked
    assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
                       "sentences s WHERE s.doc_id = d.id)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM watch_items WHERE status='stored'"
                       ).fetchone()[0] == stored


def test_sigterm_between_cycles_stops_cleanly(db_url, site, tmp_path):
    """systemd's stop (SIGTERM) while the watcher sleeps between two cycles."""
    import threading

    db = db_url
    proc = _spawn(db, site.base + "/feed.xml", "--every", "10m")
    killer = threading.Timer(180, proc.kill)  # bound the test whatever happens
    killer.start()
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "cycle 1 done:" in line:
                break
        assert "next in" in lines[-1], lines
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        killer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 130, err
    assert out.strip().endswith("stopped after cycle 1"), out
    assert len(_docs(db)) == 1
