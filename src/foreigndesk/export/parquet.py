"""Parquet of a listing (``--listing events|documents|actors|claims|figures|places|timeline``),
with typed columns (integers, floats, booleans, strings; dates stay ISO strings because many
are a month or a year only, with ``date_precision`` or ``precision`` beside them).

Rows are written in row groups of :data:`BATCH` as they stream from the store. An event's
citation columns are those of its first report (``doc_id``, ``sentence_index``, ``page``,
``sentence``, ``outlet``, ``published``, ``url``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from foreigndesk.analyze.events import code_name
from foreigndesk.export.base import Exporter, need
from foreigndesk.export.common import first_mention, quad_name, side

BATCH = 5000
S, I, F, B = "string", "int64", "float64", "bool"  # noqa: E741
SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "events": [("id", I), ("origin", S), ("date", S), ("date_precision", S),
               ("date_source", S), ("source", S), ("source_actor", S), ("source_code", S),
               ("source_country", S), ("code", S), ("name", S), ("root", S),
               ("target", S), ("target_actor", S), ("target_code", S), ("target_country", S),
               ("quad_class", I), ("quad_name", S), ("goldstein", F), ("modality", S),
               ("mentions", I), ("documents", I), ("place", S), ("place_country", S),
               ("lat", F), ("lon", F), ("doc_id", S), ("sentence_index", I), ("page", I),
               ("sentence", S), ("outlet", S), ("published", S), ("url", S),
               ("external_id", S)],
    "documents": [("id", S), ("published", S), ("outlet", S), ("title", S), ("author", S),
                  ("url", S), ("language", S), ("n_chars", I), ("n_words", I),
                  ("source", S), ("reader", S), ("ingested_at", S), ("paged", B)],
    "actors": [("id", S), ("name", S), ("kind", S), ("country", S), ("sector", S),
               ("mentions", I), ("documents", I), ("aliases", S)],
    "claims": [("id", I), ("doc_id", S), ("sentence", I), ("page", I), ("start", I),
               ("end", I), ("speaker", S), ("speaker_actor", S), ("speaker_code", S),
               ("cue", S), ("stance", S), ("kind", S), ("direct", B), ("content", S),
               ("date", S), ("outlet", S), ("published", S), ("url", S), ("title", S),
               ("sentence_text", S)],
    "figures": [("id", I), ("doc_id", S), ("sentence", I), ("page", I), ("start", I),
                ("end", I), ("text", S), ("kind", S), ("value", F), ("unit", S), ("usd", F),
                ("usd_year", I), ("low", F), ("high", F), ("approx", S), ("measure", S),
                ("stated_by", S), ("outlet", S), ("published", S), ("url", S), ("title", S),
                ("sentence_text", S)],
    "timeline": [("date", S), ("precision", S), ("kind", S), ("expression", S), ("event", S),
                 ("dated_by", S), ("anchored", B), ("sentence", S), ("actors", S),
                 ("events", S), ("doc_id", S), ("sentence_index", I), ("outlet", S),
                 ("published", S), ("url", S), ("title", S)],
    "places": [("name", S), ("country", S), ("feature", S), ("lat", F), ("lon", F),
               ("gazetteer_id", S), ("mentions", I), ("documents", I), ("doc_id", S),
               ("sentence", I)],
}


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """An event row flattened to the ``events`` columns."""
    s, t = side(row, "source"), side(row, "target")
    first = first_mention(row) or {}
    ms = row.get("mentions") or []
    return {
        **{k: row.get(k) for k in ("id", "origin", "date", "date_precision", "date_source",
                                   "source_actor", "source_code", "source_country", "code",
                                   "root", "target_actor", "target_code", "target_country",
                                   "quad_class", "goldstein", "modality", "place",
                                   "place_country", "lat", "lon", "external_id")},
        "source": s["name"] if s else None, "target": t["name"] if t else None,
        "name": code_name(row["code"]), "quad_name": quad_name(row.get("quad_class")),
        "mentions": row.get("n_mentions"), "documents": len({m["doc_id"] for m in ms}),
        "doc_id": first.get("doc_id"), "sentence_index": first.get("sentence"),
        "page": first.get("page"), "sentence": first.get("text"),
        "outlet": first.get("outlet"), "published": first.get("published"),
        "url": first.get("url") or row.get("source_url"),
    }


class ParquetExporter(Exporter):
    name = "parquet"
    extension = "parquet"
    media_type = "application/vnd.apache.parquet"
    description = "a listing as Parquet with typed columns"
    sources: ClassVar[tuple[str, ...]] = ("listing",)

    def __init__(self, out: Any, **options: Any) -> None:
        super().__init__(out, **options)
        self.pa = need("pyarrow")
        need("pyarrow.parquet")
        import pyarrow.parquet as pq

        self.listing = options.get("listing", "events")
        types = {S: self.pa.string(), I: self.pa.int64(), F: self.pa.float64(),
                 B: self.pa.bool_()}
        self.schema = self.pa.schema([(n, types[t]) for n, t in SCHEMAS[self.listing]])
        self.writer = pq.ParquetWriter(self.out, self.schema)
        self.batch: list[dict[str, Any]] = []

    def write(self, source: str, row: dict[str, Any]) -> None:
        rec = event_record(row) if source == "events" else row
        self.batch.append({n: _typed(rec.get(n), t) for n, t in SCHEMAS[self.listing]})
        if len(self.batch) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.batch:
            self.writer.write_table(self.pa.Table.from_pylist(self.batch, schema=self.schema))
            self.count += len(self.batch)
            self.batch = []

    def finalize(self) -> None:
        self._flush()
        self.writer.close()


def _typed(v: Any, t: str) -> Any:
    if v is None:
        return None
    if t == B:
        return bool(v)
    if t == I:
        return int(v)
    if t == F:
        return float(v)
    return str(v)
