"""GDELT-shaped TSV of coded events, so GDELT tooling (and ``foreigndesk import gdelt``) reads
them.

Columns: the GDELT 2.0 event table's 61 columns in order (``gdelt``), or GDELT 1.0's 58
(``gdelt1``), then ours, prefixed ``FD_``: origin, our event id, the date as we know it and
its precision, the modality, and the cited document, sentence index, page and sentence. A
header row names every column (GDELT's own files have none; tools that read by position get
the GDELT columns first, tools that read by name get the names).

Mapping: GLOBALEVENTID our event id (an imported GDELT row keeps its own); SQLDATE the event's
date, a month or year given as its first day (``FD_DatePrecision`` says so); events without a
date are left out (GDELT has no undated rows). Actor1 is the source, Actor2 the target:
``Code`` the CAMEO actor code, ``Name`` the actor's name in capitals, ``CountryCode`` its
state, ``Type1Code`` its sector. EventCode, EventBaseCode (3 digits), EventRootCode,
QuadClass and GoldsteinScale as coded; NumMentions the reports of the event, NumArticles
the documents, NumSources the outlets. ActionGeo is the event's place (FIPS country code,
type 4 when it has coordinates, 1 when only a state is known). AvgTone, IsRootEvent and
DATEADDED are GDELT's own measures and stay blank for news events.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, ClassVar

from foreigndesk.export.base import TextExporter
from foreigndesk.export.common import first_mention, side
from foreigndesk.importers.gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS

EXTRA_COLUMNS = ["FD_Origin", "FD_EventId", "FD_Date", "FD_DatePrecision", "FD_Modality",
                 "FD_DocId", "FD_Sentence", "FD_Page", "FD_SentenceText"]
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WS = re.compile(r"[\t\r\n]+")


@cache
def iso3_to_fips() -> dict[str, str]:
    from foreigndesk.ingest.country_codes import fips_to_iso3

    out: dict[str, str] = {}
    for fips, iso3 in sorted(fips_to_iso3().items()):
        out.setdefault(iso3, fips)
    return out


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return _WS.sub(" ", str(v)).strip()


class GdeltExporter(TextExporter):
    name = "gdelt"
    extension = "tsv"
    media_type = "text/tab-separated-values"
    description = "coded events as GDELT 2.0 event rows (then our columns)"
    sources: ClassVar[tuple[str, ...]] = ("events",)
    columns: ClassVar[list[str]] = GDELT2_COLUMNS

    def __init__(self, out: Any, **options: Any) -> None:
        super().__init__(out, **options)
        self.skipped_reason = "undated (GDELT rows need a date)"
        self.emit("\t".join(self.columns + EXTRA_COLUMNS) + "\n")

    def write(self, source: str, row: dict[str, Any]) -> None:
        m = _DATE.match(row.get("date") or "")
        if not m:
            self.skipped += 1
            return
        y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            self.skipped += 1
            return
        v: dict[str, Any] = {
            "GLOBALEVENTID": row["external_id"] if row["origin"] == "gdelt" and
            row.get("external_id") else row["id"],
            "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"), "Year": y,
            "FractionDate": f"{y + (day.timetuple().tm_yday - 1) / 365:.4f}",
        }
        for n, which in (("Actor1", "source"), ("Actor2", "target")):
            s = side(row, which)
            if s is None:
                continue
            code, country = s["code"] or "", s["country"] or ""
            v[f"{n}Code"] = code
            v[f"{n}Name"] = (s["name"] or "").upper()
            v[f"{n}CountryCode"] = country
            if country and code.startswith(country) and len(code) > len(country):
                v[f"{n}Type1Code"] = code[len(country):len(country) + 3]
        ms = row.get("mentions") or []
        gdelt = row["origin"] == "gdelt"
        v.update({
            "IsRootEvent": row.get("is_root") if gdelt else None,
            "EventCode": row["code"], "EventBaseCode": row["code"][:3],
            "EventRootCode": row["root"], "QuadClass": row.get("quad_class"),
            "GoldsteinScale": row.get("goldstein"), "NumMentions": row.get("n_mentions"),
            "NumSources": row.get("n_sources") if gdelt else
            len({x.get("outlet") or x["doc_id"] for x in ms}),
            "NumArticles": row.get("n_articles") if gdelt else len({x["doc_id"] for x in ms}),
            "AvgTone": row.get("avg_tone") if gdelt else None,
            "DATEADDED": (row.get("date_added") or "").replace("-", "").replace("T", "")
            .replace(":", "") if gdelt else None,
        })
        fips = iso3_to_fips().get(row.get("place_country") or "")
        if row.get("lat") is not None and row.get("lon") is not None:
            v.update({"ActionGeo_Type": 4, "ActionGeo_Lat": row["lat"],
                      "ActionGeo_Long": row["lon"]})
        elif fips:
            v["ActionGeo_Type"] = 1
        if "ActionGeo_Type" in v:
            v["ActionGeo_FullName"] = row.get("place") or row.get("place_country")
            v["ActionGeo_CountryCode"] = fips
        first = first_mention(row) or {}
        v["SOURCEURL"] = first.get("url") or row.get("source_url")
        extra = [row["origin"], row["id"], row.get("date"), row.get("date_precision"),
                 row.get("modality"), first.get("doc_id"), first.get("sentence"),
                 first.get("page"), first.get("text")]
        self.emit("\t".join([_cell(v.get(c)) for c in self.columns]
                            + [_cell(x) for x in extra]) + "\n")
        self.count += 1


class Gdelt1Exporter(GdeltExporter):
    name = "gdelt1"
    description = "coded events as GDELT 1.0 event rows (then our columns)"
    columns: ClassVar[list[str]] = GDELT1_COLUMNS
