"""followthemoney (FtM) entities as JSON Lines, for Aleph and the FtM tools.

Mapping (one entity per line, ``id``/``schema``/``properties`` as ``EntityProxy.to_dict``):

* a document that reports an exported event -> **Article** (title, publisher = outlet,
  publishedAt, sourceUrl, author, language);
* an actor -> **Person** (people), **PublicBody** (a state or its government, military,
  courts...: the state as it acts), **Organization** (organisations, IGOs, groups);
* a state -> **Territory** (FtM 4 has no Country schema; a Territory with ``country`` set is
  how it names a country), one per state an exported actor belongs to;
* an event -> **Event**: ``name`` "source -> CAMEO name -> target", ``organizer`` the
  source, ``involved`` both sides, ``date``, ``country`` (both states), ``location`` (the
  place), ``summary`` (CAMEO code, name, QuadClass, Goldstein, modality), ``proof`` every
  Article that reports it, ``description`` the cited sentence, ``sourceUrl`` its URL, and
  ``recordId`` the sentence it cites (``doc_id:sentence``, with ``p.N`` when paged).

Ids are stable: ``fd-<kind>-<sha1 of our id>``, so a re-export updates the same entities.
Each entity is written once, when first needed, before the entities that point to it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, ClassVar

from foreigndesk.export.base import TextExporter, need
from foreigndesk.export.common import (
    country_name,
    event_label,
    first_mention,
    iso2,
    quad_name,
    side,
)

SCHEMA_OF_KIND = {"person": "Person", "state": "PublicBody", "government": "PublicBody",
                  "organisation": "Organization", "igo": "Organization",
                  "group": "Organization", "place": "Organization"}


def entity_id(kind: str, key: str) -> str:
    return f"fd-{kind}-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


class FtMExporter(TextExporter):
    name = "ftm"
    extension = "ftm.json"
    media_type = "application/x-ndjson"
    description = "followthemoney entities (JSON Lines) for Aleph"
    sources: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, out: Any, **options: Any) -> None:
        super().__init__(out, **options)
        self.model = need("followthemoney").model
        self.seen: set[str] = set()

    def _put(self, proxy: Any) -> None:
        self.emit(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        self.count += 1

    def _make(self, schema: str, eid: str) -> Any:
        proxy = self.model.make_entity(schema)
        proxy.id = eid
        return proxy

    def _territory(self, iso3: str | None) -> None:
        code = iso2(iso3)
        if not code or not iso3:
            return
        eid = entity_id("country", iso3)
        if eid in self.seen:
            return
        self.seen.add(eid)
        t = self._make("Territory", eid)
        t.add("name", country_name(iso3))
        t.add("country", code.lower())
        t.add("territoryCode", iso3)
        self._put(t)

    def _actor(self, s: dict[str, Any] | None) -> str | None:
        if s is None:
            return None
        eid = entity_id("actor", s["key"])
        if eid not in self.seen:
            self.seen.add(eid)
            self._territory(s["country"])
            a = self._make(SCHEMA_OF_KIND.get(s["kind"], "Organization"), eid)
            a.add("name", s["name"])
            if s["country"] and iso2(s["country"]):
                a.add("country", iso2(s["country"]).lower())  # type: ignore[union-attr]
            if s["code"]:
                a.add("keywords", f"CAMEO {s['code']}")
            a.add("notes", f"foreigndesk actor {s['key']}")
            self._put(a)
        return eid

    def _article(self, m: dict[str, Any]) -> str:
        eid = entity_id("doc", m["doc_id"])
        if eid not in self.seen:
            self.seen.add(eid)
            a = self._make("Article", eid)
            a.add("title", m.get("title") or m["doc_id"])
            a.add("publisher", m.get("outlet"))
            a.add("publishedAt", m.get("published"))
            a.add("sourceUrl", m.get("url"))
            a.add("notes", f"foreigndesk document {m['doc_id']}")
            self._put(a)
        return eid

    def write(self, source: str, row: dict[str, Any]) -> None:
        src, tgt = side(row, "source"), side(row, "target")
        ids = [self._actor(src), self._actor(tgt)]
        proofs = [self._article(m) for m in row.get("mentions") or []]
        ev = self._make("Event", entity_id("event", f"{row['origin']}:{row['id']}"))
        ev.add("name", event_label(row))
        ev.add("summary", f"CAMEO {row['code']}; {quad_name(row.get('quad_class'))}; "
                          f"Goldstein {row.get('goldstein')}; {row.get('modality')}")
        ev.add("date", row.get("date"))
        if ids[0]:
            ev.add("organizer", ids[0])
        ev.add("involved", [i for i in ids if i])
        for c in (row.get("source_country"), row.get("target_country")):
            if iso2(c):
                ev.add("country", iso2(c).lower())  # type: ignore[union-attr]
        ev.add("location", row.get("place"))
        ev.add("proof", list(dict.fromkeys(proofs)))
        first = first_mention(row)
        if first:
            ev.add("description", first.get("text"))
            ev.add("sourceUrl", first.get("url"))
            rec = f"{first['doc_id']}:{first['sentence']}"
            if first.get("page"):
                rec += f" p.{first['page']}"
            ev.add("recordId", rec)
        else:
            ev.add("sourceUrl", row.get("source_url"))
            ev.add("recordId", f"GDELT {row.get('external_id')}")
        self._put(ev)
