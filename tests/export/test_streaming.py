"""Exports of many rows (several round trips of PostgreSQL's server-side cursor; SQLite's
cursor reads as it goes): every row out once and in order, other reads on the same store
meanwhile, and a store that is still usable after an export stopped half-way."""

from __future__ import annotations

import pytest

from foreigndesk.records import GdeltEvent
from foreigndesk.store import Store
from foreigndesk.store.backends.postgres import STREAM_ROWS
from foreigndesk.store.bulk_imports import add_gdelt_events
from foreigndesk.store.event_rows import iter_events
from foreigndesk.store.exports import iter_events as export_events
from foreigndesk.store.filters import EventFilter
from foreigndesk.store.transaction import write_transaction
from tests.conftest import run_cli

N = 2 * STREAM_ROWS + 345  # three round trips and a part


def _events(n: int) -> list[GdeltEvent]:
    pairs = [("NOR", "SWE"), ("SWE", "FIN"), ("FIN", "NOR"), ("DNK", "ISL")]
    out = []
    for k in range(n):
        src, tgt = pairs[k % len(pairs)]
        out.append(GdeltEvent(
            str(900000 + k), src + "GOV", src, src, tgt, tgt, tgt, "042", "04", 1, 1.9,
            f"{2010 + k % 12}-{k % 12 + 1:02d}-{k % 28 + 1:02d}", None, None, None, None,
            k % 7 + 1, 1, 1, 0.5, 1, None, f"https://example.org/{k}"))
    return out


@pytest.fixture
def many_db(db_url):
    with Store.open(db_url) as s:
        assert add_gdelt_events(s, _events(N)) == N
    return db_url


def test_a_gdelt_export_of_many_rows_has_every_row_once(many_db, tmp_path) -> None:
    out = tmp_path / "events.tsv"
    run_cli("export", "gdelt", "--db", str(many_db), "-o", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()[1:]
    ids = [line.split("\t")[0] for line in lines]
    assert len(ids) == N
    with Store.open(many_db) as s:  # imported rows go out under their own GLOBALEVENTID
        stored = {r["external_id"] for r in s.query("SELECT external_id FROM events")}
    assert set(ids) == stored


def test_streamed_rows_come_in_order_while_other_reads_run(many_db) -> None:
    store = Store.open(many_db)
    seen = []
    for n, r in enumerate(export_events(store)):
        seen.append((r["date"], r["id"]))
        if n % 1000 == 0:  # the same connection answers other queries meanwhile
            assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == N
            if store.postgres:  # read through a server-side cursor, not held whole
                assert store.query("SELECT count(*) AS n FROM pg_cursors")[0]["n"] == 1
    assert len(seen) == N and seen == sorted(seen)
    flt = EventFilter(actors=["FIN"])
    fin = list(iter_events(store, flt))
    assert len(fin) == N // 2 + (1 if N % 4 >= 2 else 0) + (1 if N % 4 >= 3 else 0)
    assert all("FIN" in (r["source_country"], r["target_country"]) for r in fin)
    store.close()


def test_an_export_dropped_half_way_leaves_the_store_writable(many_db) -> None:
    store = Store.open(many_db)
    rows = export_events(store)
    for _ in range(STREAM_ROWS + 10):
        next(rows)
    rows.close()  # the reader stops (a client went away): its cursor and transaction end
    assert not store.conn.in_transaction
    with write_transaction(store):
        store.conn.execute("DELETE FROM events WHERE external_id = ?", ("900000",))
    assert store.query("SELECT count(*) AS n FROM events")[0]["n"] == N - 1
    store.close()
