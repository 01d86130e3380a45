#!/usr/bin/env python
"""Ingest growth: the time and peak RSS to ingest the same 20 documents into stores of 1k,
10k and 100k documents (issue 11, point 4).

    python bench/ingest_growth.py [--sizes 1000 10000 100000] [--work DIR] [--repeat 2]

1. The 20 documents are the example corpus and, when ../shared is there, the dossier and
   the public-domain texts (the first 20 distinct documents); they are extracted once here
   (the real pipeline).
2. The big stores are bulk-loaded with synthetic documents made from those extractions:
   synthetic document k copies the facts of real document k mod R with every word of the
   text replaced by a corpus word of the same length (so every fact's offsets stay right and
   the words follow the corpus's frequencies); 5% of the documents repeat a 40-word passage
   of an earlier copy of the same document (text reuse), and 10% of the claims repeat the
   content of the same claim in an earlier copy (claim clusters). The store-wide analyses
   are brought up to date as the store grows (their indexes are built as an ingest builds
   them), and the store is built once, growing from the smallest size to the largest.
3. For each size, a copy of the store receives the 20 documents twice over, in fresh
   processes: ``foreigndesk ingest FILE.jsonl -j 1`` (all of it: start, model, extraction,
   writes, analyses), and the same documents already extracted, stored and refreshed
   (writes and analyses alone). Wall time and peak RSS (VmHWM of the child) are printed
   (the fastest of ``--repeat`` runs, the sizes taking turns: the machine may be shared),
   and the ratio of the largest store to the smallest, with the CPU seconds of each child
   (user + system: they move less than the wall time on a shared machine, though at load
   5-6 they still moved 2x). Each copy
   is flushed to disk before it is measured.
4. The stores measured are settled copies of the kept ones (``store-N.settled.db``, made
   once in ``--settled DIR``, default the work folder): every claim component clustered
   once by this code, as a store it built and updated would be (``--no-settle``: the kept
   stores as they are, whose first update after an upgrade clusters whole the components
   it touches).

With ``--work DIR`` the stores are kept (``store-N.db``, and ``base.db``, the largest, which
a later run with larger sizes goes on growing); a later run with the same ``--work``
measures the kept stores again without building them (delete ``store-N.db`` to build it
again; a run stopped while growing leaves ``base.size`` behind the store: delete DIR then).
``--build-only`` builds and stops.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import pickle
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from foreigndesk.model import Extraction, document_id

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
_WORD = re.compile(r"[^\W_]+")
REUSE_RATE = 0.05
CLAIM_REPEAT = 0.10
LOAD_CHUNK = 2000      # documents per bulk transaction
REFRESH_EVERY = 5000   # documents between two updates of the analyses while building


def real_extractions() -> list[Extraction]:
    from foreigndesk.ingest import ReadError, read_paths
    from foreigndesk.run.local import ExtractError, run

    paths = [str(REPO / "examples")]
    if SHARED.exists():
        paths += [str(SHARED / "corpus" / "china-cuba-dossier.txt"),
                  str(SHARED / "corpus" / "public-domain")]
    docs = [d for d in read_paths(paths) if not isinstance(d, ReadError)]
    seen: set[str] = set()
    docs = [d for d in docs if not (d.id in seen or seen.add(d.id))][:20]  # type: ignore[func-returns-value]
    return [r for r in run(docs, workers=1) if not isinstance(r, ExtractError)]


class Synth:
    """Synthetic documents from real extractions (see the module doc)."""

    def __init__(self, base: list[Extraction], seed: int = 0) -> None:
        self.base = base
        self.rnd = random.Random(seed)
        self.vocab: dict[int, list[str]] = defaultdict(list)
        for ex in base:
            for w in _WORD.findall(ex.document.text):
                self.vocab[len(w)].append(w)
        self.last: dict[int, str] = {}  # base index -> text of its last copy
        # ids taken (the real documents, the copies made): a short text can come out twice
        self.ids: set[str] = {ex.document.id for ex in base}

    def _text(self, src: Extraction, prev: str | None) -> str:
        rnd = self.rnd
        text = src.document.text
        parts, last = [], 0
        for m in _WORD.finditer(text):
            choices = self.vocab.get(len(m.group()))
            parts += [text[last:m.start()], rnd.choice(choices) if choices else m.group()]
            last = m.end()
        parts.append(text[last:])
        new = "".join(parts)
        if prev is not None:
            if rnd.random() < REUSE_RATE:
                spans = [m.span() for m in _WORD.finditer(text)]
                if len(spans) > 40:
                    i = rnd.randrange(len(spans) - 40)
                    s, e = spans[i][0], spans[i + 39][1]
                    new = new[:s] + prev[s:e] + new[e:]
            for c in src.claims:
                if c.content_start is not None and c.content_end is not None \
                        and rnd.random() < CLAIM_REPEAT:
                    s, e = c.content_start, c.content_end
                    new = new[:s] + prev[s:e] + new[e:]
        return new

    def make(self, k: int) -> Extraction:
        b = k % len(self.base)
        src = self.base[b]
        prev = self.last.get(b)
        for _attempt in range(20):
            new = self._text(src, prev)
            if document_id(new) not in self.ids:
                break
        else:  # a text with (almost) no words: mark it after every fact (offsets hold)
            new = self._text(src, prev) + f"\n\n(copy {k})"
        self.last[b] = new
        self.ids.add(document_id(new))
        doc = dataclasses.replace(src.document, text=new, id=document_id(new),
                                  title=f"synthetic {k}", url=None, urls=[])
        ex = Extraction(document=doc, actors=src.actors)

        def move(f):  # the fact on the new text
            changes = {"doc_id": doc.id, "text": new[f.start:f.end]}
            if getattr(f, "content_start", None) is not None:
                changes["content"] = new[f.content_start:f.content_end]
            return dataclasses.replace(f, **changes)

        ex.sentences = [move(f) for f in src.sentences]
        ex.mentions = [move(f) for f in src.mentions]
        ex.times = [move(f) for f in src.times]
        ex.places = [move(f) for f in src.places]
        ex.events = [move(f) for f in src.events]
        ex.claims = [move(f) for f in src.claims]
        ex.quantities = [move(f) for f in src.quantities]
        return ex


def grow(path: Path, synth: Synth, start: int, size: int) -> float:
    """Bulk-load synthetic documents start..size-1 and update the analyses; seconds."""
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.store import Store

    t0 = time.perf_counter()
    store = Store.open(path)
    c = store.conn
    k = start
    while k < size:
        stop = min(size, (k // REFRESH_EVERY + 1) * REFRESH_EVERY)
        while k < stop:
            c.execute("BEGIN IMMEDIATE")  # a bulk load: many documents per transaction
            for j in range(k, min(stop, k + LOAD_CHUNK)):
                store._write(synth.make(j))
            c.execute("COMMIT")
            k = min(stop, k + LOAD_CHUNK)
        refresh(store)
        print(f"  built {k:,} documents ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    store.close()
    return time.perf_counter() - t0


_PEAK = ("import atexit, os\n"
         "def _peak():\n"
         "    for line in open('/proc/self/status'):\n"
         "        if line.startswith('VmHWM:'):\n"
         "            open(os.environ['PEAK_FILE'], 'w').write(line.split()[1])\n"
         "atexit.register(_peak)\n")


def _copy(src: Path, dst: Path) -> None:
    """Copy a store and flush the copy to disk before it is measured: the first checkpoint
    of SQLite's WAL in the measured run fsyncs the file, which would otherwise write out
    the whole copy still in the page cache (~0.5 s a GB here), a cost of the benchmark that
    grows with the store (it looked like the COMMITs growing)."""
    shutil.copyfile(src, dst)
    fd = os.open(dst, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _run(argv: list[str], main: str) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (MB), standard output and CPU seconds (user + system, its
    worker processes included) of a child Python running ``main`` with ``argv``. The peak
    is the child's own VmHWM (ru_maxrss of a child would count the memory of this process,
    which it is forked from, before the exec). On a shared machine the CPU seconds move
    less than the wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        peak = Path(tmp) / "peak"
        t0, c0 = time.perf_counter(), _cpu()
        proc = subprocess.run([sys.executable, "-c", _PEAK + main, *argv],
                              capture_output=True, text=True,
                              env={**os.environ, "PEAK_FILE": str(peak)})
        wall, cpu = time.perf_counter() - t0, _cpu() - c0
        if proc.returncode != 0:
            raise SystemExit(f"failed: {argv}\n{proc.stderr}")
        return wall, int(peak.read_text()) / 1024, proc.stdout, cpu


def refresh_only(db: str, pickled: str) -> None:
    """Child mode: store the extracted documents and refresh; prints the timings as JSON."""
    from foreigndesk.analyze.embed import load as load_embedder
    from foreigndesk.analyze.refresh import STEPS
    from foreigndesk.config import DEFAULT
    from foreigndesk.extract.actor_data import load_index
    from foreigndesk.extract.nlp import load as load_model
    from foreigndesk.store import Store

    exs = pickle.loads(Path(pickled).read_bytes())
    load_model(), load_embedder(), load_index()  # loaded before the clock, as in an ingest
    store = Store.open(db)
    t0, c0 = time.perf_counter(), time.process_time()
    store.add_many(exs)  # one batch, as the ingest service stores 20 documents
    out = {"store": time.perf_counter() - t0, "store_cpu": time.process_time() - c0}
    for name, step in STEPS:
        t, c = time.perf_counter(), time.process_time()
        step(store, DEFAULT)
        out[name] = time.perf_counter() - t
        out[f"{name}_cpu"] = time.process_time() - c
    store.mark_analyses_fresh()
    store.close()
    print(json.dumps(out))


def settled(snap: Path, folder: Path) -> Path:
    """A copy of the kept store ``snap``, migrated and settled
    (:func:`foreigndesk.analyze.cluster_update.settle`: every claim component clustered
    once, so that the cluster roots and merge checks an update keeps are there): what a
    store built and updated by this code holds. A store built before migrations 015-016
    lacks them, and the first update that touches a component clusters it whole once;
    measured on such a copy, every run would be that first update. Made once
    (``store-N.settled.db`` in ``folder``), the kept store untouched."""
    from foreigndesk.analyze.cluster_update import settle
    from foreigndesk.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    out = folder / snap.name.replace(".db", ".settled.db")
    if out.exists():
        return out
    tmp = folder / (out.name + ".tmp")
    shutil.copyfile(snap, tmp)
    t0 = time.perf_counter()
    store = Store.open(tmp)
    n = settle(store)
    store.close()
    tmp.rename(out)
    print(f"{snap.name} settled: the {n:,} contents of its claim components clustered in "
          f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--repeat", type=int, default=2, help="runs per size (the fastest is kept)")
    ap.add_argument("--settled", type=Path, default=None,
                    help="where the settled copies of the kept stores go (default: --work)")
    ap.add_argument("--no-settle", action="store_true",
                    help="measure the kept stores as they are (the first ingest after an "
                         "upgrade pays for clustering the components it touches once)")
    ap.add_argument("--build-only", action="store_true",
                    help="build the stores (kept with --work) and stop")
    ap.add_argument("--work", type=Path, default=None,
                    help="keep the built stores here (default: a temporary directory)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ingest-growth-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    real = real_extractions()
    print(f"{len(real)} documents extracted ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    jsonl = work / "new.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for ex in real:
            d = ex.document
            f.write(json.dumps({"text": d.text, "title": d.title, "published": d.published,
                                "outlet": d.outlet}) + "\n")
    pickled = work / "new.pickle"
    pickled.write_bytes(pickle.dumps(real))
    synth = Synth(real)
    base, mark = work / "base.db", work / "base.size"
    built = int(mark.read_text()) if base.exists() and mark.exists() else 0
    if not built:
        for f in work.glob("base.db*"):
            f.unlink()
    sizes = sorted(args.sizes)
    todo = [n for n in sizes if not (work / f"store-{n}.db").exists()]
    if todo:
        for k in range(built):  # the generator's state: the copies made so far
            synth.make(k)
    for size in todo:
        if size < built:
            raise SystemExit(f"the kept store has {built:,} documents already (--sizes)")
        secs = grow(base, synth, built, size)
        built = size
        mark.write_text(str(built))
        shutil.copyfile(base, work / f"store-{size}.db")
        print(f"store of {size:,} documents built in {secs:.0f} s "
              f"({base.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
    if args.build_only:
        return
    snaps = {n: work / f"store-{n}.db" for n in sizes}
    if not args.no_settle:
        snaps = {n: settled(snaps[n], args.settled or work) for n in sizes}
    rows = {n: {"size": float(n)} for n in sizes}
    copy = work / "copy.db"
    for rep in range(args.repeat):  # the sizes take turns; the fastest run of each is kept
        for size in sizes:
            row = rows[size]
            snap = snaps[size]
            _copy(snap, copy)
            cli_s, cli_mb, _out, cli_cpu = _run(
                ["ingest", str(jsonl), "--db", str(copy), "-q", "-j", "1"],
                "import sys; sys.argv[0] = 'foreigndesk'\n"
                "from foreigndesk.cli import main; main()")
            _copy(snap, copy)
            _wall, stored_mb, out, _cpu_s = _run(
                [str(copy), str(pickled)],
                f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
                "from ingest_growth import refresh_only; refresh_only(*sys.argv[1:])")
            t = {f"{k}_s": v for k, v in json.loads(out).items()}
            t["stored_s"] = t["store_s"] + t["reuse_s"] + t["clusters_s"]
            t["stored_cpu_s"] = t["store_cpu_s"] + t["reuse_cpu_s"] + t["clusters_cpu_s"]
            if rep == 0 or cli_s < row["cli_s"]:
                row.update(cli_s=cli_s)
            if rep == 0 or cli_cpu < row["cli_cpu"]:
                row.update(cli_cpu=cli_cpu)
            if rep == 0 or t["stored_s"] < row["stored_s"]:
                row.update({k: v for k, v in t.items() if "cpu" not in k})
            if rep == 0 or t["stored_cpu_s"] < row["stored_cpu_s"]:
                row.update({k: v for k, v in t.items() if "cpu" in k})
            row["cli_mb"] = max(row.get("cli_mb", 0.0), cli_mb)
            row["stored_mb"] = max(row.get("stored_mb", 0.0), stored_mb)
            print(f"  run {rep + 1}, {size:,} docs: ingest {cli_s:.2f} s ({cli_cpu:.2f} s CPU), "
                  f"store+analyses "
                  f"{t['stored_s']:.2f} s ({t['stored_cpu_s']:.2f} s CPU) "
                  f"(load {os.getloadavg()[0]:.1f})", file=sys.stderr)
    copy.unlink()
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} now (the machine may be "
          "shared: fastest of the runs)")
    for size in sizes:
        row = rows[size]
        print(f"{size:>8,} docs  ingest (CLI, 20 docs) {row['cli_s']:6.2f} s "
              f"({row['cli_cpu']:.2f} s CPU)  peak RSS "
              f"{row['cli_mb']:6.0f} MB  |  stored {row['store_s']:.2f} s  reuse "
              f"{row['reuse_s']:.2f} s  clusters {row['clusters_s']:.2f} s  = "
              f"{row['stored_s']:.2f} s ({row['stored_cpu_s']:.2f} s CPU: clusters "
              f"{row['clusters_cpu_s']:.2f})  (peak RSS {row['stored_mb']:.0f} MB)", flush=True)
    small, big = rows[sizes[0]], rows[sizes[-1]]
    print(f"ratio {big['size']:,}/{small['size']:,}: ingest time "
          f"{big['cli_s'] / small['cli_s']:.2f} (target <= 1.3; CPU "
          f"{big['cli_cpu'] / small['cli_cpu']:.2f}), store+analyses "
          f"{big['stored_s'] / small['stored_s']:.2f} (CPU "
          f"{big['stored_cpu_s'] / small['stored_cpu_s']:.2f}); peak RSS {big['cli_mb']:.0f} MB "
          f"(target < 1500)")
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
