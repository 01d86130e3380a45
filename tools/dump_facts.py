#!/usr/bin/env python
"""Every fact extracted from a set of texts, as canonical JSON (one line per document, sorted
keys), to check that a speed change changes no fact (compare two dumps byte for byte).

    python tools/dump_facts.py OUT.jsonl [--limit 80] [--tbaq DIR] [DIR ...]

Defaults: the first 80 TempEval-3 TBAQ texts (as ``bench/throughput.py`` reads them) plus
every document under ``examples/``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import load_documents  # noqa: E402

from foreigndesk.extract.pipeline import extract  # noqa: E402
from foreigndesk.ingest import ReadError, read_paths  # noqa: E402
from foreigndesk.model import to_json  # noqa: E402

TBAQ = ROOT.parent / "shared" / "eval" / "tempeval3_tbaq_cleaned"  # beside the checkout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("dirs", type=Path, nargs="*")
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--tbaq", type=Path, default=TBAQ, help="the TBAQ directory")
    args = ap.parse_args()
    docs = load_documents(args.tbaq, args.limit) if not args.dirs else []
    for root in args.dirs or [ROOT / "examples"]:
        docs += [d for d in read_paths([root]) if not isinstance(d, ReadError)]
    with args.out.open("w", encoding="utf-8") as f:
        for ex in extract(docs):
            row = {"doc": ex.document.id, "facts": [to_json(x) for x in ex.facts()],
                   "actors": {k: dataclasses.asdict(v) for k, v in ex.actors.items()}}
            f.write(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) + "\n")
    print(f"{len(docs)} documents -> {args.out}")


if __name__ == "__main__":
    main()
