#!/usr/bin/env python
"""The same corpus inline, with 2 local processes, and on a 2-worker dask LocalCluster
(issue 11, point 3): words/s of each and the speed-ups against inline, in one run.

    python bench/dask.py [DIR ...] [--copies N] [--workers 2]

The corpus is the documents under DIR (default: ``examples/`` and, when ../shared is there,
its public-domain texts and the dossier), repeated ``--copies`` times (each copy made
distinct). Each executor runs the ingest service (:func:`foreigndesk.run.service.ingest`:
extraction, one store transaction per document, the store-wide analyses) into a fresh
temporary store. Starting the executor (the pool's fork after the model is loaded, the
cluster and its workers' model load) is timed apart and printed, as bench/throughput.py
prints the model's load apart. Target: dask within 15% of local processes.
"""

from __future__ import annotations

import sys
from pathlib import Path

# this file is called dask.py: its folder on sys.path would shadow the dask package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def corpus(dirs: list[Path], copies: int) -> list:
    from foreigndesk.ingest import ReadError, read_paths
    from foreigndesk.model import Document

    docs = [d for d in read_paths(dirs) if not isinstance(d, ReadError)]
    seen: set[str] = set()
    docs = [d for d in docs if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    if copies > 1:
        docs = [Document(text=f"{d.text}\n({k})", published=d.published, language=d.language,
                         title=d.title, outlet=d.outlet, source=f"{d.source}~{k}")
                for k in range(copies) for d in docs]
    return docs


def timed(name: str, executor, docs: list, config) -> tuple[float, int]:
    from foreigndesk.run.service import ingest
    from foreigndesk.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            report = ingest(docs, store, executor, config)
            elapsed = time.perf_counter() - t0
    if report.failed:
        print(f"  {name}: {len(report.failed)} failed: {report.errors[:3]}", file=sys.stderr)
    return elapsed, report.added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, nargs="*")
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    from foreigndesk.config import ExtractConfig
    from foreigndesk.run.distributed import Dask
    from foreigndesk.run.executors import Inline, Processes
    from foreigndesk.run.local import _init_worker

    dirs = args.dir or [REPO / "examples"] + (
        [SHARED / "corpus" / "public-domain", SHARED / "corpus" / "china-cuba-dossier.txt"]
        if SHARED.exists() else [])
    docs = corpus(dirs, args.copies)
    words = sum(len(d.text.split()) for d in docs)
    config = ExtractConfig()
    print(f"corpus: {len(docs)} documents, {words:,} words; {args.workers} workers "
          f"(the machine may be shared: figures are of this run)")
    t0 = time.perf_counter()
    _init_worker(config)  # the model, loaded once here (the pool forks after it)
    print(f"startup: model and dictionaries in this process {time.perf_counter() - t0:.2f} s")
    rows: list[tuple[str, float]] = []
    inline_s, n = timed("inline", Inline(), docs, config)
    rows.append(("inline", inline_s))
    proc_s, _n = timed("processes", Processes(args.workers), docs, config)
    rows.append((f"{args.workers} local processes", proc_s))
    t0 = time.perf_counter()
    with Dask(workers=args.workers) as dask:
        dask.prepare(config)  # the cluster's start and its workers' model load
        start = time.perf_counter() - t0
        dask_s, _n = timed("dask", dask, docs, config)
    print(f"startup: dask LocalCluster of {args.workers} workers, model loaded on each "
          f"{start:.2f} s (not in the figures below)")
    rows.append((f"dask LocalCluster ({args.workers} workers)", dask_s))
    print(f"{n} documents stored by each")
    for name, s in rows:
        print(f"  {name:<32} {s:7.2f} s  {words / s:8.0f} words/s  speed-up {inline_s / s:4.2f}")
    print(f"dask / local processes: {proc_s / dask_s:.2f} of their words/s "
          f"(target >= 0.85)")


if __name__ == "__main__":
    main()
