"""GeoJSON (RFC 7946) of the places mentioned and the events located, for QGIS and web maps.

One FeatureCollection, written as the rows stream by. Each feature is a Point
(``[longitude, latitude]``, WGS 84) with ``properties.kind`` "place" (name, country (ISO3),
feature, gazetteer id, mentions, documents) or "event" (id, date, CAMEO code and name,
source, target, QuadClass, Goldstein, modality, place, and the cited sentence, document and
URL). Places and events without coordinates are left out.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from foreigndesk.analyze.events import code_name
from foreigndesk.export.base import TextExporter
from foreigndesk.export.common import first_mention, side


def _point(lat: Any, lon: Any) -> dict[str, Any] | None:
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        return None
    return {"type": "Point", "coordinates": [round(lo, 5), round(la, 5)]}


class GeoJSONExporter(TextExporter):
    name = "geojson"
    extension = "geojson"
    media_type = "application/geo+json"
    description = "places and located events as GeoJSON points"
    sources: ClassVar[tuple[str, ...]] = ("places", "events")

    def __init__(self, out: Any, **options: Any) -> None:
        super().__init__(out, **options)
        self.emit('{"type": "FeatureCollection", "features": [\n')
        self.skipped_reason = "no coordinates"

    def _feature(self, geometry: dict[str, Any], props: dict[str, Any]) -> None:
        sep = ",\n" if self.count else ""
        self.emit(sep + json.dumps({"type": "Feature", "geometry": geometry,
                                    "properties": props}, ensure_ascii=False))
        self.count += 1

    def write(self, source: str, row: dict[str, Any]) -> None:
        geometry = _point(row.get("lat"), row.get("lon"))
        if geometry is None:
            if source == "events":
                self.skipped += 1
            return
        if source == "places":
            self._feature(geometry, {"kind": "place", "name": row["name"],
                                     "country": row.get("country"),
                                     "feature": row.get("feature"),
                                     "gazetteer_id": row.get("gazetteer_id"),
                                     "mentions": row["mentions"],
                                     "documents": row["documents"]})
            return
        s, t = side(row, "source"), side(row, "target")
        first = first_mention(row) or {}
        self._feature(geometry, {
            "kind": "event", "id": row["id"], "origin": row["origin"], "date": row.get("date"),
            "code": row["code"], "name": code_name(row["code"]),
            "source": s["name"] if s else None, "target": t["name"] if t else None,
            "quad_class": row.get("quad_class"), "goldstein": row.get("goldstein"),
            "modality": row.get("modality"), "place": row.get("place"),
            "place_country": row.get("place_country"),
            "sentence": first.get("text"), "doc_id": first.get("doc_id"),
            "page": first.get("page"), "url": first.get("url") or row.get("source_url")})

    def finalize(self) -> None:
        self.emit("\n]}\n")
