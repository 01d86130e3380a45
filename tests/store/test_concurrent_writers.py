"""Event grouping with two writer processes at once: every report of one real-world event
lands under one event row, whichever process stored it first (PostgreSQL: advisory locks per
event group; SQLite: one writer at a time)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from foreigndesk.store import Store

# One writer process: stores `n` documents of its own, each reporting the same two events
# (China-Cuba cooperation on one day, a US-China demand in one month) three times over.
WRITER = r"""
import json, sys, time
from foreigndesk.model import Document, Event, Extraction, Sentence
from foreigndesk.store import Store

url, name, n, start_at = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
store = Store.open(url)
while time.time() < start_at:
    time.sleep(0.005)
began = time.time()
for i in range(n):
    text = f"Report {i} of writer {name}: China and Cuba cooperate; the US demands."
    d = Document(text=text, title=f"{name}-{i}", published="2023-01-18")
    ex = Extraction(d)
    ex.sentences.append(Sentence(d.id, 0, 0, len(text), text, "test", "1"))
    for k in range(3):
        ex.events.append(Event(d.id, 0, 0, 5, "China", "test", "1", source_code="CHN",
                               target_code="CUB", code="042", root="04", date="2023-01-18",
                               date_source="text", trigger="cooperate"))
        ex.events.append(Event(d.id, 0, 0, 5, "US", "test", "1", source_code="USA",
                               target_code="CHN", code="100", root="10", date="2023-02",
                               date_source="text", trigger="demands"))
    assert store.add(ex)
print(json.dumps([began, time.time()]))
store.close()
"""


def _race(script: str, db_url: str, n: int) -> None:
    """Run writer processes "a" and "b" of ``script`` at once (each stores ``n`` items) and
    check that both succeeded and ran at the same time."""
    Store.open(db_url).close()  # migrated before the race: the race is about the writes
    start_at = time.time() + 2.0
    procs = [subprocess.Popen([sys.executable, "-c", script, db_url, name, str(n),
                               str(start_at)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for name in ("a", "b")]
    spans = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        spans.append(json.loads(out.strip().splitlines()[-1]))
    assert max(s[0] for s in spans) < min(s[1] for s in spans)


def test_two_writers_group_events_once(db_url) -> None:
    n = 25
    _race(WRITER, db_url, n)
    with Store.open(db_url) as store:
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 2 * n
        events = store.query("SELECT root, source_code, target_code, n_mentions FROM events "
                             "ORDER BY root")
        assert [(e["root"], e["source_code"], e["target_code"]) for e in events] == [
            ("04", "CHN", "CUB"), ("10", "USA", "CHN")]
        assert [e["n_mentions"] for e in events] == [2 * n * 3, 2 * n * 3]
        assert store.query("SELECT count(*) AS n FROM event_mentions")[0]["n"] == 2 * n * 6


# One writer process storing batches (Store.add_many) and single documents (Store.add) that
# upsert the same actors in its own order: writer "a" in one order, writer "b" in the reverse,
# with the same event group in every document.
ACTOR_WRITER = r"""
import json, sys, time
from foreigndesk.model import Actor, Document, Event, Extraction, Sentence
from foreigndesk.store import Store

url, name, n, start_at = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
ids = [f"person:p{k}" for k in range(12)]
if name == "b":
    ids.reverse()
store = Store.open(url)


def doc(i):
    text = f"Item {i} by {name}: the envoys met."
    d = Document(text=text, title=f"{name}-{i}", published="2023-01-18")
    ex = Extraction(d)
    ex.sentences.append(Sentence(d.id, 0, 0, len(text), text, "test", "1"))
    for a in ids:
        ex.actors[a] = Actor(a, a.split(":")[1], "person", aliases=[f"{a}-{name}-{i}"])
    ex.events.append(Event(d.id, 0, 0, 5, "met", "test", "1", source_code="CHN",
                           target_code="CUB", code="040", root="04", date="2023-01-18",
                           date_source="text", trigger="met"))
    return ex


while time.time() < start_at:
    time.sleep(0.005)
began = time.time()
for i in range(n):
    if i % 2:
        assert store.add(doc(f"{i}"))
    else:
        assert all(r is True for r in store.add_many([doc(f"{i}.{k}") for k in range(3)]))
print(json.dumps([began, time.time()]))
store.close()
"""


def test_two_writers_upserting_the_same_actors_in_opposite_orders(db_url) -> None:
    """PostgreSQL: without one lock order across writers, two transactions that upsert actor
    rows in opposite orders wait on each other (a deadlock, one of them fails); SQLite has
    one writer at a time."""
    n = 30
    _race(ACTOR_WRITER, db_url, n)
    with Store.open(db_url) as store:
        docs = store.query("SELECT count(*) AS n FROM documents")[0]["n"]
        assert docs == 2 * (n // 2 * 3 + n // 2)
        aliases = store.query("SELECT aliases FROM actors WHERE id = 'person:p0'")[0]["aliases"]
        assert len(json.loads(aliases)) == docs  # every document's alias merged in
