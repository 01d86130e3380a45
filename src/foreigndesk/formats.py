"""Rows as files for programs: JSON, JSON Lines and CSV, the same from the command line's
``--format`` and the web's ``/api/export`` (neither imports the other)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import Any, TextIO

ROW_FORMATS = ("json", "jsonl", "csv")


def cell(v: Any) -> str:
    """A value as one CSV cell: lists and objects as JSON, no line breaks."""
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v).replace("\n", " ")


def write_rows(rows: Sequence[dict[str, Any]], fmt: str, out: TextIO,
               columns: Sequence[str] | None = None) -> None:
    """Write ``rows`` as ``fmt`` (json, jsonl or csv); ``columns`` picks and orders the CSV
    columns (JSON keeps every key)."""
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        cols = list(columns or (rows[0].keys() if rows else []))
        writer = csv.writer(out)
        writer.writerow(cols)
        for r in rows:
            writer.writerow([cell(r.get(c)) for c in cols])
    else:
        raise ValueError(f"not a row format: {fmt!r} (one of {', '.join(ROW_FORMATS)})")
