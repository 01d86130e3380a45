#!/usr/bin/env python
"""UN votes import rate: the full unvotes data (870k votes) into a fresh store, with the votes
loaded by COPY (PostgreSQL's path) and row by row upserts (executemany, the former path),
taking turns in this process.

    python bench/unvotes_import.py --db postgresql://postgres@127.0.0.1:5433/postgres [--runs 2]

``--db`` is an admin URL of a PostgreSQL server: a fresh database is created for each run and
dropped after it (on SQLite both paths are executemany: nothing to compare). Prints the wall time
and votes/s of each run and the ratio COPY / executemany of the best runs (the machine may be
shared: the runs take turns so that a change of load touches both).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "eval" / "unvotes"


def _fresh(admin: str, name: str) -> str:
    import psycopg

    base = admin.rsplit("/", 1)[0]
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name}")
        c.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"


def _drop(admin: str, url: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]}")


def one_run(admin: str, copy: bool, n: int) -> tuple[float, int]:
    from foreigndesk.importers.unvotes import import_directory
    from foreigndesk.store import Store

    url = _fresh(admin, f"unvotes_bench_{os.getpid()}_{n}")
    try:
        store = Store.open(url)
        t0 = time.perf_counter()
        stats = import_directory(store, DATA, on_bad=lambda *a: None, copy=copy)
        secs = time.perf_counter() - t0
        store.close()
    finally:
        _drop(admin, url)
    return secs, stats.votes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="PostgreSQL admin URL")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    if not DATA.exists():
        raise SystemExit(f"{DATA}: not found")
    print(f"PostgreSQL; {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f} (machine shared with other sessions: wall times)")
    best: dict[bool, float] = {}
    n = votes = 0
    for _ in range(args.runs):
        for copy in (False, True):
            n += 1
            secs, votes = one_run(args.db, copy, n)
            best[copy] = min(best.get(copy, secs), secs)
            print(f"  {'COPY       ' if copy else 'executemany'} {secs:6.1f} s  "
                  f"{votes / secs:9,.0f} votes/s  (load {os.getloadavg()[0]:.1f})", flush=True)
    print(f"best: executemany {votes / best[False]:,.0f} votes/s, COPY "
          f"{votes / best[True]:,.0f} votes/s: {best[False] / best[True]:.2f}x")


if __name__ == "__main__":
    main()
