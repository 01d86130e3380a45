#!/usr/bin/env python
"""The same corpus inline, with 2 local processes, and on a 2-worker dask LocalCluster
(issue 11, point 3): words/s of each and the speed-ups against inline, in one run.

    python bench/dask.py [DIR ...] [--copies N] [--workers 2]

The corpus is the documents under DIR (default: ``examples/`` and, when ../shared is there,
its public-domain texts and the dossier), repeated ``--copies`` times (each copy made
distinct). Each executor runs the ingest service (:func:`foreigndesk.run.service.ingest`:
extraction, one store transaction per batch of documents, the store-wide analyses) into a fresh
temporary store. Starting the executor (the pool's fork after the model is loaded, the
cluster and its workers' model load) is timed apart and printed, as bench/throughput.py
prints the model's load apart. Target: dask within 15% of local processes.

The machine may be shared: the executors run in ``--rounds`` rounds (inline, processes, dask;
a cluster is started for each round, after the pool), each figure is the best round (and
the ratio of the two runs next to each other is printed for each round), and the load average
is printed beside each run. CPU seconds (this process and its workers) are printed too: they
move less with the load than wall time does.

The cluster runs the corpus twice, into two fresh stores: its first run, and a warm run, the
figure compared with the pool's. The pool's workers are forked from this process after its
inline run over the same corpus, so they start with every word's lemma, lexeme and tokenizer
entry and the other languages' models in memory; the cluster's workers start from the
warm-up sentences only (measured, one worker: 0.5-1 s more CPU in its first pass over this
corpus than in its second). Both figures are printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

# this file is called dask.py: its folder on sys.path would shadow the dask package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

import argparse  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
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


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu(executor) -> float:
    """CPU seconds so far of this process, its reaped children (the pool's workers, after
    the pool is joined) and the dask workers' processes."""
    self, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    total = self.ru_utime + self.ru_stime + children.ru_utime + children.ru_stime
    client = getattr(executor, "client", None)
    if client is not None:
        total += sum(client.run(time.process_time).values())
    return total


def timed(name: str, executor, docs: list, config) -> tuple[float, float, int]:
    """Wall and CPU seconds of the ingest of ``docs`` into a fresh store, and the documents
    added."""
    from foreigndesk.run.service import ingest
    from foreigndesk.store import Store

    load = _load()
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "bench.db") as store:
            c0 = _cpu(executor)
            t0 = time.perf_counter()
            report = ingest(docs, store, executor, config)
            elapsed = time.perf_counter() - t0
            cpu = _cpu(executor) - c0
    print(f"  {name:<10} {elapsed:7.2f} s wall {cpu:7.2f} s CPU  (load average {load} -> "
          f"{_load()})")
    if report.failed:
        print(f"  {name}: {len(report.failed)} failed: {report.errors[:3]}", file=sys.stderr)
    return elapsed, cpu, report.added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, nargs="*")
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
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
    names = ["inline", f"{args.workers} local processes",
             f"dask LocalCluster ({args.workers} workers)", "dask, the cluster's first run"]
    best: dict[str, tuple[float, float]] = {}
    n = 0
    for k in range(args.rounds):
        print(f"round {k + 1}:")
        for name, ex in zip(names[:2], [Inline(), Processes(args.workers)], strict=True):
            wall, cpu, n = timed(name.split()[0], ex, docs, config)
            if name not in best or wall < best[name][0]:
                best[name] = (wall, cpu)
        proc_wall = wall
        # a cluster per round, started after the pool (a fork beside the client's threads
        # could inherit a held lock)
        t0 = time.perf_counter()
        with Dask(workers=args.workers) as dask:
            dask.prepare(config)  # the cluster's start and its workers' model load
            print(f"  (dask LocalCluster of {args.workers} workers started, model loaded on "
                  f"each: {time.perf_counter() - t0:.2f} s, not in the figures)")
            cold, cold_cpu, n = timed("dask", dask, docs, config)
            # the same corpus again on the same workers: the pool above forked from this
            # process, warm from the inline run (every word's lemma, lexeme and tokenizer
            # entry, the other languages' models), while the cluster's workers start from
            # the warm-up sentences; their second run is the like-for-like one
            wall, cpu, n = timed("dask warm", dask, docs, config)
        print(f"  round {k + 1}: dask / local processes {proc_wall / wall:.2f} of their "
              f"words/s warm, {proc_wall / cold:.2f} on the cluster's first run (runs next "
              f"to each other)")
        if names[2] not in best or wall < best[names[2]][0]:
            best[names[2]] = (wall, cpu)
        if names[3] not in best or cold < best[names[3]][0]:
            best[names[3]] = (cold, cold_cpu)
    print(f"{n} documents stored by each; best of {args.rounds} rounds:")
    inline_s = best[names[0]][0]
    for name in names:
        s, cpu = best[name]
        print(f"  {name:<32} {s:7.2f} s  {words / s:8.0f} words/s  speed-up {inline_s / s:4.2f}"
              f"  ({cpu:.1f} s CPU)")
    proc_s, dask_s = best[names[1]][0], best[names[2]][0]
    print(f"dask / local processes: {proc_s / dask_s:.2f} of their words/s "
          f"(target >= 0.85; {proc_s / best[names[3]][0]:.2f} on the cluster's first run); "
          f"load average now {_load()}")


if __name__ == "__main__":
    main()
