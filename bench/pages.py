#!/usr/bin/env python
"""Page load times of the web workbench over a dossier store.

    python bench/pages.py [--db STORE] [--source FILE_OR_DIR] [--runs 15] [--no-browser]

Starts ``foreigndesk serve`` (a real uvicorn server in a subprocess) over STORE, or over a
fresh store built by ingesting SOURCE (default: ../shared/corpus/china-cuba-dossier.txt, else
examples/), then reports for every page:

1. server response: the median (and 90th percentile) wall time of a complete HTTP GET
   (request sent to last byte read) over RUNS requests, after one warm-up request;
2. browser load, for the main pages: the median time from navigation start to the ``load``
   event in headless Chromium (Debian's /usr/bin/chromium through Playwright), scripts run
   and the page drawn, over 7 loads in one browser context (static files cached, as for a
   user moving between pages).

The aim is under 300 ms per page.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DOSSIER = REPO.parent / "shared" / "corpus" / "china-cuba-dossier.txt"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
AIM_MS = 300.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_store(source: Path, db: Path) -> None:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from foreigndesk.cli import main; main()", "ingest",
                    str(source), "--db", str(db), "--quiet"], check=True)
    print(f"built {db.name} from {source} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    port = _port()
    proc = subprocess.Popen([sys.executable, "-c", "from foreigndesk.cli import main; main()",
                             "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if "write token" in line:
            break
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/stats", timeout=5)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    # let the background warm-up (spaCy word lists, SciPy, the embedding model) finish,
    # so that it does not run inside the measurements
    httpx.get(base + "/claims", timeout=300)
    httpx.get(base + "/figures", timeout=300)
    return proc, base


def pages(base: str) -> list[tuple[str, str]]:
    """(label, path) of every page, the reader on the document with the most facts."""
    docs = httpx.get(base + "/api/documents", params={"limit": 1000}, timeout=60).json()
    biggest = max(docs["documents"], key=lambda d: (d["n_events"] + d["n_claims"], d["n_words"]))
    dyads = httpx.get(base + "/api/events", timeout=60).json()
    pair = next(((e["source_country"], e["target_country"]) for e in dyads
                 if e.get("source_country") and e.get("target_country")
                 and e["source_country"] != e["target_country"]), ("CHN", "CUB"))
    return [
        ("documents", "/documents"),
        ("search", "/documents?q=China"),
        ("reader (largest document)", f"/documents/{biggest['id']}"),
        ("timeline", "/timeline"),
        ("actors + graph", "/actors"),
        ("map", "/map"),
        ("relations", "/relations"),
        ("relations + compare", f"/relations?compare={pair[1]}-{pair[0]}&compare_source=news"),
        ("claims & echoes", "/claims"),
        ("figures", "/figures"),
        ("API docs", "/api/docs"),
        ("api: events", "/api/events"),
        ("api: timeline", "/api/timeline"),
    ]


def server_times(base: str, path: str, runs: int) -> list[float]:
    out = []
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get(path).raise_for_status()  # warm-up
        for _ in range(runs):
            t0 = time.perf_counter()
            r = client.get(path)
            _ = r.content
            out.append((time.perf_counter() - t0) * 1000)
            r.raise_for_status()
    return out


def browser_times(base: str, paths: list[tuple[str, str]], runs: int = 7) -> dict[str, float]:
    if not os.path.exists(CHROMIUM):
        print(f"(no {CHROMIUM}: browser loads not measured)", file=sys.stderr)
        return {}
    from playwright.sync_api import sync_playwright

    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        for label, path in paths:
            page.goto(base + path, wait_until="load")  # warm-up: static files into the cache
            times = []
            for _ in range(runs):
                page.goto(base + path, wait_until="load")
                times.append(page.evaluate(
                    "(() => { const n = performance.getEntriesByType('navigation')[0];"
                    " return n.loadEventEnd - n.startTime; })()"))
            out[label] = statistics.median(times)
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build one)")
    ap.add_argument("--source", type=Path, default=None,
                    help="what to ingest into a fresh store (default: the dossier)")
    ap.add_argument("--runs", type=int, default=15, help="timed requests per page")
    ap.add_argument("--no-browser", action="store_true", help="server response times only")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="fd-bench-pages-"))
    try:
        if args.db:
            db = tmp / "store.db"
            shutil.copy(args.db, db)
        else:
            source = args.source or (DOSSIER if DOSSIER.exists() else REPO / "examples")
            db = tmp / "store.db"
            build_store(source, db)
        proc, base = start_server(db)
        try:
            stats = httpx.get(base + "/api/stats").json()
            todo = pages(base)
            results = []
            for label, path in todo:
                t = server_times(base, path, args.runs)
                results.append((label, path, statistics.median(t),
                                sorted(t)[max(0, int(len(t) * 0.9) - 1)]))
            browser = {} if args.no_browser else browser_times(
                base, [(label, path) for label, path in todo
                       if not path.startswith("/api/") or path == "/api/docs"])
        finally:
            proc.terminate()
            proc.wait(10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"store: {stats['documents']} documents, {stats['sentences']} sentences, "
          f"{stats['events']} events, {stats['claims']} claims, {stats['quantities']} figures; "
          f"{args.runs} requests per page")
    print(f"{'page':28} {'server median':>14} {'server p90':>11} {'browser load':>13}  ok")
    worst = 0.0
    for label, _path, med, p90 in results:
        b = browser.get(label)
        worst = max(worst, med, b or 0.0)
        ok = "yes" if med < AIM_MS and (b is None or b < AIM_MS) else "NO"
        print(f"{label:28} {med:11.1f} ms {p90:8.1f} ms "
              f"{(f'{b:10.1f} ms' if b is not None else '           -')}  {ok}")
    print(f"slowest median: {worst:.1f} ms (aim: under {AIM_MS:.0f} ms per page); machine load "
          f"average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
