"""``foreigndesk export FORMAT``: the store in the formats of the analyst's other tools.

Each format is a small :class:`~foreigndesk.export.base.Exporter` class (``write`` a row,
``finalize`` at the end, like followthemoney's exporters), registered in :data:`FORMATS`
(format name -> "module:Class"; a module that needs a missing optional dependency says so
when it is used, not when foreigndesk starts). :func:`~foreigndesk.export.run.export` streams
the store's rows into one.
"""

from __future__ import annotations

FORMATS: dict[str, str] = {
    "ftm": "foreigndesk.export.ftm:FtMExporter",
    "gexf": "foreigndesk.export.network:GexfExporter",
    "graphml": "foreigndesk.export.network:GraphMLExporter",
    "parquet": "foreigndesk.export.parquet:ParquetExporter",
    "gdelt": "foreigndesk.export.gdelt:GdeltExporter",
    "gdelt1": "foreigndesk.export.gdelt:Gdelt1Exporter",
    "geojson": "foreigndesk.export.geojson:GeoJSONExporter",
    "plover": "foreigndesk.export.plover:PloverExporter",
}
