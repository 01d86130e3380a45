#!/usr/bin/env python
"""A large fuzz batch through the real ``foreigndesk ingest``, with a time and memory ceiling.

    python bench/fuzz.py [--hostile 2100] [--good 200] [--heavy 5] [--workers 1]
                         [--doc-timeout 60] [--ceiling 1800] [--keep DIR]

Writes ``--hostile`` files of the hostile shapes of ``tests/fuzz/generators.py`` (deep
nesting, lone surrogates, invalid dates, YAML aliases and alias bombs, 70,000-character
tokens with a late NUL, GDELT exports and tables, symlinks out of the tree, binary noise,
broken JSON, ...), ``--heavy`` costly ones (a one-line text of 4.9 MB, a 50,000-token
sentence, 10,000 dates, 20,000 nested divs) and ``--good`` small articles, mixed in one
directory; ingests it in a subprocess killed at ``--ceiling`` seconds; then prints:

- tracebacks: "Traceback" lines on stderr (must be 0);
- hangs: 1 when the run passed its ceiling (must be 0), and the documents stopped by their
  time budget (bounded, reported, not hangs);
- lost good files: good articles not in the store (must be 0);
- wrong reports: hostile files that should fail but got no line or several, or should be
  stored and were not;
- peak RSS of the ingest process (must be < 1 GB; with --workers > 1, of the largest one).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.fuzz import generators as g  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hostile", type=int, default=2100)
    ap.add_argument("--good", type=int, default=200)
    ap.add_argument("--heavy", type=int, default=5)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--doc-timeout", type=float, default=60)
    ap.add_argument("--ceiling", type=float, default=1800)
    ap.add_argument("--rss-ceiling-mb", type=float, default=1024)
    ap.add_argument("--keep", type=Path, default=None, help="Write the batch here and keep it.")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        src = root / "batch"
        t0 = time.perf_counter()
        verdicts, goods = g.write_batch(src, args.hostile, args.good, heavy=0, seed=1)
        rng = random.Random(2)
        for k in range(args.heavy):
            if k == 0:
                before = set(src.iterdir())
                g.one_line(src, rng, 100_000, size=4_900_000)
            else:
                before = set(src.iterdir())
                g.HEAVY[k % len(g.HEAVY)](src, rng, 100_000 + k)
            for p in set(src.iterdir()) - before:
                verdicts[p.name] = "either"
        print(f"wrote {len(verdicts)} hostile files (+{args.heavy} heavy) and {len(goods)} "
              f"good ones in {time.perf_counter() - t0:.1f} s", flush=True)

        db = root / "fuzz.db"
        cmd = [str(Path(sys.executable).with_name("foreigndesk")), "ingest", str(src), "--db",
               str(db), "--workers", str(args.workers), "--doc-timeout", str(args.doc_timeout),
               "-q"]
        t0 = time.perf_counter()
        hang = 0
        with open(root / "stderr.txt", "w+") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
            try:
                proc.wait(timeout=args.ceiling)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                hang = 1
            err.seek(0)
            stderr = err.read()
        elapsed = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        lines = [ln for ln in stderr.splitlines() if ln.startswith("foreigndesk: ")]
        per_file: dict[str, int] = {}
        for ln in lines:
            m = re.match(rf"foreigndesk: {re.escape(str(src))}/([^:#]+)", ln)
            if m:
                per_file[m.group(1)] = per_file.get(m.group(1), 0) + 1
        stored: set[str] = set()
        if db.exists():
            con = sqlite3.connect(db)
            stored = {s.split("#")[0] for (s,) in con.execute("SELECT source FROM documents")}
            con.close()
        lost = sum(1 for name in goods if str(src / name) not in stored)
        wrong = 0
        for name, verdict in verdicts.items():
            n = per_file.get(name, 0)
            if verdict.startswith("fail") and n != 1:
                wrong += 1
            if verdict in ("store", "fail+store") and str(src / name) not in stored:
                wrong += 1
        budget_stops = sum("longer than its time budget" in ln for ln in lines)
        tracebacks = stderr.count("Traceback")
        print(f"files: {len(verdicts)} hostile + {len(goods)} good; exit status "
              f"{proc.returncode}; {elapsed:.0f} s (ceiling {args.ceiling:.0f} s)")
        print(f"report lines: {len(lines)}; documents stored: {len(stored)}")
        print(f"tracebacks: {tracebacks}")
        print(f"hangs: {hang} (documents stopped by their {args.doc_timeout:g} s budget: "
              f"{budget_stops})")
        print(f"lost good files: {lost}")
        print(f"wrong reports: {wrong}")
        print(f"peak RSS: {peak_mb:.0f} MB (ceiling {args.rss_ceiling_mb:.0f} MB)")
        ok = not tracebacks and not hang and not lost and not wrong \
            and peak_mb < args.rss_ceiling_mb
        print("PASS" if ok else "FAIL")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
