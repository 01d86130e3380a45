#!/usr/bin/env python
"""Read queries at scale: a GDELT-shaped store of N events, served by the real server.

    nice -n 10 python bench/scale.py --events 1000000      # the issue's figure (~10+ min)
    nice -n 10 python bench/scale.py --events 100000       # a quick run

1. Generates a GDELT 2.0 event export (61 tab-separated columns, the layout
   :mod:`foreigndesk.importers.gdelt` reads) of N rows: 200 states over 10 years (2014-2023),
   skewed as real data is (state k is an actor of a row with weight 1/k: the first few states
   are in most rows), 20 action places per state.
2. Adds ``--docs`` short news documents (states, events, places; written through
   ``Store.add``, the path every ingest takes) so that the actor list, the documents and the
   reader have something to show, then imports the file with ``foreigndesk import gdelt``
   (a subprocess, timed: rows/s) and refreshes the query planner's statistics. With
   ``--bulk`` the file is imported in this process inside ``Store.bulk_events()`` (the
   secondary indexes built once at the end: minutes instead of most of an hour at 1M on a
   loaded machine; the rate printed is then not the CLI's). ``--build-only`` stops here.
3. Starts ``foreigndesk serve`` on a free port and times complete HTTP GETs (request sent to
   last byte read), ``--runs`` times each after one warm-up request, for every HTML page and
   API endpoint; then the command line's read commands (a fresh process each run). Prints
   p50/p95 per query, the first (cold) run, the HTTP status and the response size, and the
   server's peak RSS (VmHWM). Target: p95 < 200 ms each, server RSS < 1 GB.

``--db`` takes a file (default: a fresh one in a temporary directory) or, once a PostgreSQL
backend exists, a ``postgresql://`` URL: the store is then opened through
``foreigndesk.store.open_store`` when that exists. ``--reuse`` skips steps 1-2 when the store
already holds the events. The machine may be loaded by other sessions: figures are wall times.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

TARGET_MS = 200.0
TARGET_RSS_MB = 1024.0
YEARS = (2014, 2023)
ROOT_QUAD = {**dict.fromkeys(["01", "02", "03", "04", "05"], 1), **dict.fromkeys(["06", "07", "08"], 2),
             **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
             **dict.fromkeys(["14", "15", "16", "17", "18", "19", "20"], 4)}
GOLDSTEIN = {1: (0.0, 4.0), 2: (4.0, 10.0), 3: (-6.0, -0.5), 4: (-10.0, -5.0)}
SECTORS = ["", "", "", "GOV", "GOV", "MIL", "MED", "BUS", "OPP"]
FIRST = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "JPN", "ISR", "IRN", "UKR", "TUR",
         "PAK", "SYR", "KOR", "PRK", "AFG", "IRQ", "SAU", "CUB"]


def _cli() -> list[str]:
    return [sys.executable, "-c", "from foreigndesk.cli import main; main()"]


# -- the data -------------------------------------------------------------------------------

def states() -> list[tuple[str, str]]:
    """200 (ISO3, FIPS) pairs, the most frequent first."""
    from foreigndesk.ingest.country_codes import fips_to_iso3

    fips_of: dict[str, str] = {}
    for fips, iso in sorted(fips_to_iso3().items()):
        fips_of.setdefault(iso, fips)
    order = [c for c in FIRST if c in fips_of] + sorted(c for c in fips_of if c not in FIRST)
    return [(c, fips_of[c]) for c in order[:200]]


def gdelt_rows(n: int, seed: int = 11) -> Iterator[str]:
    """N tab-separated GDELT 2.0 event rows."""
    from foreigndesk.importers.gdelt import GDELT2_COLUMNS

    rnd = random.Random(seed)
    st = states()
    weights = [1.0 / (k + 1) for k in range(len(st))]
    cum = list(_accumulate(weights))
    col = {c: i for i, c in enumerate(GDELT2_COLUMNS)}
    day0 = _ordinal(YEARS[0], 1, 1)
    days = _ordinal(YEARS[1] + 1, 1, 1) - day0
    import datetime as dt

    places = {iso: [(f"Place {j} of {iso}", (_h(iso + "lat") % 120) - 60 + j * 0.37,
                     (_h(iso + "lon") % 340) - 170 + j * 0.53) for j in range(20)]
              for iso, _ in st}
    for i in range(n):
        a = st[_pick(rnd, cum)]
        b = st[_pick(rnd, cum)]
        while b == a:
            b = st[_pick(rnd, cum)]
        root = f"{rnd.randint(1, 20):02d}"
        quad = ROOT_QUAD[root]
        code = root + (str(rnd.randint(0, 9)) if rnd.random() < 0.6 else "")
        lo, hi = GOLDSTEIN[quad]
        d = dt.date.fromordinal(day0 + rnd.randrange(days))
        cells = [""] * len(GDELT2_COLUMNS)
        s1, s2 = rnd.choice(SECTORS), rnd.choice(SECTORS)
        side = a if rnd.random() < 0.7 else b
        name, lat, lon = places[side[0]][rnd.randrange(20)]
        fips = side[1]
        for k, v in (
                ("GLOBALEVENTID", str(1_000_000_000 + i)), ("SQLDATE", d.strftime("%Y%m%d")),
                ("MonthYear", d.strftime("%Y%m")), ("Year", str(d.year)),
                ("FractionDate", f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"),
                ("Actor1Code", a[0] + s1), ("Actor1Name", a[0]), ("Actor1CountryCode", a[0]),
                ("Actor2Code", b[0] + s2), ("Actor2Name", b[0]), ("Actor2CountryCode", b[0]),
                ("IsRootEvent", "1" if rnd.random() < 0.5 else "0"), ("EventCode", code),
                ("EventBaseCode", code[:3]), ("EventRootCode", root), ("QuadClass", str(quad)),
                ("GoldsteinScale", f"{rnd.uniform(lo, hi):.1f}"),
                ("NumMentions", str(rnd.randint(1, 30))), ("NumSources", str(rnd.randint(1, 5))),
                ("NumArticles", str(rnd.randint(1, 20))), ("AvgTone", f"{rnd.uniform(-8, 5):.3f}"),
                ("ActionGeo_Type", "4"), ("ActionGeo_FullName", name),
                ("ActionGeo_CountryCode", fips), ("ActionGeo_Lat", f"{lat:.4f}"),
                ("ActionGeo_Long", f"{lon:.4f}"), ("ActionGeo_FeatureID", f"F{_h(name) % 99999}"),
                ("DATEADDED", d.strftime("%Y%m%d") + "120000"),
                ("SOURCEURL", f"https://news.example/{i}")):
            cells[col[k]] = v
        yield "\t".join(cells)


def _h(text: str) -> int:
    return zlib.crc32(text.encode())


def _accumulate(ws: list[float]) -> Iterator[float]:
    total = 0.0
    for w in ws:
        total += w
        yield total


def _pick(rnd: random.Random, cum: list[float]) -> int:
    import bisect

    return min(bisect.bisect(cum, rnd.random() * cum[-1]), len(cum) - 1)


def _ordinal(y: int, m: int, d: int) -> int:
    import datetime as dt

    return dt.date(y, m, d).toordinal()


def news_extractions(n: int, seed: int = 5) -> Iterator[Any]:
    """N short news documents, each with two states, an event between them and a place."""
    from foreigndesk.model import Actor, Document, Event, Extraction, Mention, Place, Sentence

    rnd = random.Random(seed)
    st = [c for c, _ in states()][:40]
    for i in range(n):
        a, b = rnd.sample(st[:12], 1)[0], rnd.choice(st)
        while b == a:
            b = rnd.choice(st)
        y, m = rnd.randint(*YEARS), rnd.randint(1, 12)
        text = (f"The government of {a} signed an agreement with {b} in the capital. "
                f"Officials of {b} praised the talks on trade and security number {i}.")
        doc = Document(text=text, title=f"{a} and {b} agree, item {i}", outlet=f"Outlet {i % 7}",
                       published=f"{y}-{m:02d}-{rnd.randint(1, 28):02d}", id=f"bench{i:06d}")
        s1 = text.index(". ") + 1
        sents = [Sentence(doc.id, 0, 0, s1, text[:s1]), Sentence(doc.id, 1, s1 + 1, len(text), text[s1 + 1:])]
        ia, ib = text.index(a), text.index(b)
        actors = {a: Actor(a, f"State {a}", "state", a), b: Actor(b, f"State {b}", "state", b)}
        mentions = [Mention(doc.id, 0, ia, ia + 3, a, label="GPE", actor_id=a, country=a),
                    Mention(doc.id, 0, ib, ib + 3, b, label="GPE", actor_id=b, country=b),
                    Mention(doc.id, 1, text.index(b, s1), text.index(b, s1) + 3, b, label="GPE",
                            actor_id=b, country=b)]
        ev = Event(doc.id, 0, 0, s1, text[:s1], source_actor=a, source_code=a + "GOV",
                   target_actor=b, target_code=b, code="057", root="05", quad_class=1,
                   goldstein=8.0, date=doc.published, date_precision="day", trigger="signed")
        place = Place(doc.id, 0, text.index("capital"), text.index("capital") + 7, "capital",
                      name=f"Capital of {a}", country=a, lat=float(_h(a) % 100 - 50),
                      lon=float(_h(a) % 300 - 150), feature="city")
        yield Extraction(document=doc, sentences=sents, mentions=mentions, events=[ev],
                         places=[place], actors=actors)


# -- building the store ---------------------------------------------------------------------

def open_store(db: str) -> Any:
    import foreigndesk.store as store_mod

    opener = getattr(store_mod, "open_store", None)
    if opener is not None:
        return opener(db)
    return store_mod.Store.open(db)


def build(db: str, n_events: int, n_docs: int, work: Path, bulk: bool = False
          ) -> dict[str, float]:
    out: dict[str, float] = {}
    t = time.perf_counter()
    with open_store(db) as s:
        for ex in news_extractions(n_docs):
            s.add(ex)
    out["news_docs_per_s"] = n_docs / (time.perf_counter() - t)
    path = work / "events.export.CSV"
    t = time.perf_counter()
    with path.open("w", encoding="utf-8") as f:
        for line in gdelt_rows(n_events):
            f.write(line + "\n")
    out["generate_s"] = time.perf_counter() - t
    t = time.perf_counter()
    if bulk:  # the secondary indexes dropped during the load and built once at the end
        from foreigndesk.importers.gdelt import import_files

        def on_bad(*_args: Any) -> None:
            raise RuntimeError(f"bad generated row: {_args}")

        with open_store(db) as s, s.bulk_events():
            import_files(s, [path], on_bad)
    else:
        subprocess.run([*_cli(), "import", "gdelt", str(path), "--db", db, "--quiet"],
                       check=True)
    took = time.perf_counter() - t
    out["import_s"] = took
    out["import_rows_per_s"] = n_events / took
    t = time.perf_counter()
    with open_store(db) as s:
        refresh = getattr(s, "refresh_statistics", None)
        if refresh is not None:
            refresh()
            out["analyze_s"] = time.perf_counter() - t
    path.unlink()
    return out


# -- timing ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as so:
        so.bind(("127.0.0.1", 0))
        return int(so.getsockname()[1])


def peak_rss_mb(pid: int) -> float:
    """VmHWM of the process and of its children (MB)."""
    total = 0.0
    pids = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total = max(total, int(line.split()[1]) / 1024)
        except OSError:
            pass
    return total


def get(url: str) -> tuple[int, int]:
    try:
        with urllib.request.urlopen(url, timeout=300) as r:
            return r.status, len(r.read())
    except urllib.error.HTTPError as e:
        return e.code, len(e.read())


def measure(run: Callable[[], tuple[int, int]], runs: int) -> dict[str, Any]:
    t = time.perf_counter()
    status, size = run()
    cold = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        status, size = run()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"cold": cold, "p50": statistics.median(times),
            "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
            "status": status, "bytes": size}


def http_queries(doc_id: str) -> list[tuple[str, str]]:
    """(label, path) of every page and API endpoint timed."""
    return [
        ("page /documents", "/documents"),
        ("page /documents?q=agreement", "/documents?q=agreement"),
        ("page /documents/{id}", f"/documents/{doc_id}"),
        ("page /timeline", "/timeline"),
        ("page /timeline?actor=CHN", "/timeline?actor=CHN"),
        ("page /actors", "/actors"),
        ("page /map", "/map"),
        ("page /relations USA-CHN month", "/relations?a=USA&b=CHN&by=month"),
        ("page /claims", "/claims"),
        ("page /figures", "/figures"),
        ("page /alerts", "/alerts"),
        ("api stats", "/api/stats"),
        ("api documents", "/api/documents"),
        ("api documents/{id}", f"/api/documents/{doc_id}"),
        ("api actors", "/api/actors"),
        ("api graph (network)", "/api/graph"),
        ("api places (map)", "/api/places"),
        ("api timeline?actor=CHN", "/api/timeline?actor=CHN"),
        ("api events (default page)", "/api/events"),
        ("api events dyad USA-CHN", "/api/events?dyad=USA-CHN&source=gdelt"),
        ("api events actor CUB 2018-01..06", "/api/events?actor=CUB&since=2018-01&until=2018-06"),
        ("api relations USA-CHN gdelt month",
         "/api/relations?a=USA&b=CHN&source=gdelt&by=month"),
        ("api relations USA-CHN news year", "/api/relations?a=USA&b=CHN"),
        ("api claims", "/api/claims"),
        ("api echoes", "/api/echoes"),
        ("api reuse", "/api/reuse"),
        ("api figures", "/api/figures"),
        ("api alerts", "/api/alerts"),
    ]


def cli_queries(db: str) -> list[tuple[str, list[str]]]:
    return [
        ("cli events --dyad USA-CHN --limit 100",
         ["events", "--dyad", "USA-CHN", "--source", "gdelt", "--limit", "100", "--db", db]),
        ("cli events --actor CUB --since --until",
         ["events", "--actor", "CUB", "--since", "2018-01", "--until", "2018-06", "--db", db]),
        ("cli relations USA CHN month gdelt",
         ["relations", "USA", "CHN", "--by", "month", "--source", "gdelt", "--db", db]),
        ("cli actors", ["actors", "--db", db]),
        ("cli docs", ["docs", "--db", db]),
        ("cli timeline --actor CUB", ["timeline", "--actor", "CUB", "--db", db]),
    ]


def serve(db: str) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    proc = subprocess.Popen([*_cli(), "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "FOREIGNDESK_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"serve exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            get(base + "/api/stats")
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("serve did not answer in 180 s")


def row(label: str, m: dict[str, Any]) -> str:
    ok = "ok" if m["p95"] < TARGET_MS else "SLOW"
    return (f"{label:<40} {m['p50']:>9.1f} {m['p95']:>9.1f} {m['cold']:>9.1f} "
            f"{m['status']:>4} {m['bytes']:>10,} {ok}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=2000, help="news documents added first")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--cli-runs", type=int, default=None, help="runs of each CLI command "
                    "(default: --runs)")
    ap.add_argument("--db", help="store file or postgresql:// URL (default: a fresh temp file)")
    ap.add_argument("--reuse", action="store_true", help="the store is built: skip the import")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--bulk", action="store_true", help="import in this process inside "
                    "Store.bulk_events() (indexes built once at the end) instead of through "
                    "`foreigndesk import gdelt`; the import rate is then not the CLI's")
    ap.add_argument("--build-only", action="store_true", help="build the store and stop")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="fd-scale-"))
    db = args.db or str(work / "scale.db")
    print(f"store {db}; {args.events:,} GDELT-shaped events, {args.docs:,} news documents; "
          f"{os.cpu_count()} cores, machine shared with other sessions (wall times)")
    if not args.reuse:
        b = build(db, args.events, args.docs, work, args.bulk)
        print(f"news documents through Store.add: {b['news_docs_per_s']:,.0f} docs/s")
        print(f"generated the file in {b['generate_s']:.1f} s")
        print(f"import gdelt: {b['import_s']:.1f} s, {b['import_rows_per_s']:,.0f} rows/s")
        if "analyze_s" in b:
            print(f"refresh_statistics (ANALYZE): {b['analyze_s']:.1f} s")
    if args.build_only:
        return
    doc_id = "bench000000"
    print(f"\n{'query':<40} {'p50 ms':>9} {'p95 ms':>9} {'cold ms':>9} {'code':>4} "
          f"{'bytes':>10}   (runs: {args.runs})")
    proc, base = serve(db)
    slow = 0
    try:
        # the server computes the views that read every event at start (web/warm.py);
        # these wait for them, so that the timings below do not share the CPU with it
        t = time.perf_counter()
        for path in ("/api/graph", "/map", "/relations"):
            get(base + path)
        print(f"server warm-up (network, map, busiest dyads) done "
              f"{time.perf_counter() - t:.1f} s after the server answered")
        for label, path in http_queries(doc_id):
            m = measure(lambda p=path: get(base + p), args.runs)
            slow += m["p95"] >= TARGET_MS or m["status"] >= 400
            print(row(label, m), flush=True)
        rss = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(30)
    print(f"server peak RSS {rss:,.0f} MB ({'ok' if rss < TARGET_RSS_MB else 'OVER'} "
          f"the {TARGET_RSS_MB:,.0f} MB target)")
    if not args.no_cli:
        for label, argv in cli_queries(db):
            def run(a: list[str] = argv) -> tuple[int, int]:
                p = subprocess.run([*_cli(), *a], capture_output=True)
                return p.returncode, len(p.stdout)
            m = measure(run, args.cli_runs or args.runs)
            print(row(label, m) + "  (CLI start included)", flush=True)
    print(f"\n{slow} HTTP queries at or over {TARGET_MS:.0f} ms p95 (or failed)")


if __name__ == "__main__":
    main()
