"""PLOVER/POLECAT-style JSON Lines of events: one JSON object per event.

Field mapping (POLECAT's column names in snake case, PLOVER's categories):

=====================  ====================================================================
``event_id``           our event id ("fd-" + origin + id)
``event_date``         the event's date (ISO; a month or year when that is all we know)
``date_precision``     day, month, year...
``event_type``         PLOVER type from the CAMEO code (``data/cameo/plover.tsv``; empty for
                       CAMEO 01, plain statements, which PLOVER does not code)
``event_mode``         PLOVER mode where the CAMEO code tells it (visit, arrest...)
``event_intensity``    the Goldstein score (-10..10)
``quad_code``          QuadClass in words (verbal cooperation ... material conflict)
``contexts``           [] (we do not code PLOVER contexts)
``actor_name``         the source: name, ``actor_country`` (ISO3), ``actor_sector`` (CAMEO
                       agent code), ``actor_code`` (CAMEO actor code)
``recipient_name``     the target, with ``recipient_country``, ``recipient_sector``,
                       ``recipient_code``
``placename``          the event's place, ``country`` (ISO3), ``latitude``, ``longitude``
``cameo_code``         the CAMEO code, ``cameo_name`` its name
``modality``           asserted, reported, negated, hypothetical, questioned, future
``story_id``           the cited document, ``sentence_number`` its sentence index, ``page``
``text``               the cited sentence, ``source`` its outlet, ``publication_date``,
                       ``url``, ``headline`` the document's title
``mentions``           how many reports cite the event
=====================  ====================================================================
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, ClassVar

from foreigndesk.analyze.events import code_name
from foreigndesk.export.base import TextExporter
from foreigndesk.export.common import first_mention, quad_name, side


@cache
def plover_table() -> dict[str, tuple[str, str]]:
    text = resources.files("foreigndesk").joinpath("data", "cameo", "plover.tsv") \
        .read_text("utf-8")
    out: dict[str, tuple[str, str]] = {}
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for ln in lines[1:]:
        cells = (ln.split("\t") + ["", ""])[:3]
        out[cells[0].strip()] = (cells[1].strip(), cells[2].strip())
    return out


def plover_of(code: str) -> tuple[str, str]:
    """(PLOVER event type, mode) of a CAMEO code: the longest prefix in the table."""
    table = plover_table()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return "", ""


def _sector(s: dict[str, Any] | None) -> str | None:
    if not s or not s["code"] or not s["country"] or not s["code"].startswith(s["country"]):
        return None
    return s["code"][len(s["country"]):] or None


class PloverExporter(TextExporter):
    name = "plover"
    extension = "plover.jsonl"
    media_type = "application/x-ndjson"
    description = "events as PLOVER/POLECAT-style JSON Lines"
    sources: ClassVar[tuple[str, ...]] = ("events",)

    def write(self, source: str, row: dict[str, Any]) -> None:
        s, t = side(row, "source"), side(row, "target")
        first = first_mention(row) or {}
        event_type, mode = plover_of(row["code"])
        rec = {
            "event_id": f"fd-{row['origin']}-{row['id']}", "event_date": row.get("date"),
            "date_precision": row.get("date_precision"), "event_type": event_type or None,
            "event_mode": mode or None, "event_intensity": row.get("goldstein"),
            "quad_code": quad_name(row.get("quad_class")) or None, "contexts": [],
            "actor_name": s["name"] if s else None, "actor_country": s["country"] if s else None,
            "actor_sector": _sector(s), "actor_code": s["code"] if s else None,
            "recipient_name": t["name"] if t else None,
            "recipient_country": t["country"] if t else None, "recipient_sector": _sector(t),
            "recipient_code": t["code"] if t else None,
            "placename": row.get("place"), "country": row.get("place_country"),
            "latitude": row.get("lat"), "longitude": row.get("lon"),
            "cameo_code": row["code"], "cameo_name": code_name(row["code"]),
            "modality": row.get("modality"), "story_id": first.get("doc_id"),
            "sentence_number": first.get("sentence"), "page": first.get("page"),
            "text": first.get("text"), "source": first.get("outlet"),
            "publication_date": first.get("published"),
            "url": first.get("url") or row.get("source_url"),
            "headline": first.get("title"), "mentions": row.get("n_mentions"),
        }
        self.emit(json.dumps(rec, ensure_ascii=False) + "\n")
        self.count += 1
