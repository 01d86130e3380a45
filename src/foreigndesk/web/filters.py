"""The filters the pages and the API share, with the same meaning as the command line's
options (``--actor``, ``--dyad``, ``--undirected``, ``--code``, ``--since``, ``--until``,
``--source``, ``--modality``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Query

from foreigndesk.model import MODALITIES
from foreigndesk.store.filters import EventFilter

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CODE = re.compile(r"^\d{2,4}$")
_MODALITY_HELP = f"Only events of these modalities ({', '.join(MODALITIES)})."


@dataclass
class Filters:
    actors: list[str] = field(default_factory=list)
    dyad: tuple[str, str] | None = None
    undirected: bool = False
    codes: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    origin: str = "all"
    modalities: list[str] = field(default_factory=list)

    def event_filter(self, limit: int | None = None) -> EventFilter:
        """The store's filter of the same events (its SQL is written once, in the store)."""
        return EventFilter(actors=self.actors, dyad=self.dyad, undirected=self.undirected,
                           codes=self.codes, since=self.since, until=self.until,
                           origin=self.origin, modalities=self.modalities, limit=limit)

    def params(self) -> dict[str, Any]:
        """The filters as query parameters (for links that keep them)."""
        return {"actor": self.actors, "dyad": "-".join(self.dyad) if self.dyad else None,
                "undirected": "1" if self.undirected else None, "code": self.codes,
                "since": self.since, "until": self.until,
                "source": None if self.origin == "all" else self.origin,
                "modality": self.modalities}


def _date(value: str | None, name: str) -> str | None:
    v = (value or "").strip()
    if not v:
        return None
    if not _DATE.match(v):
        raise HTTPException(422, f"{name}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {v!r}")
    return v


def filters(
    actor: list[str] = Query(default=[], description="An actor as source or target, or "
                             "mentioned in the item's sentence: a country code (CHN), a CAMEO "
                             "actor code (CUBGOV), an actor id or a name. Repeat for several."),
    dyad: str | None = Query(default=None, description="Events from A to B: two countries, "
                             "A-B (CHN-CUB or china-cuba)."),
    undirected: bool = Query(default=False, description="With dyad: both directions."),
    code: list[str] = Query(default=[], description="CAMEO code prefix (05: every 05x "
                            "code). Repeat for several."),
    since: str | None = Query(default=None, description="From this date (YYYY[-MM[-DD]])."),
    until: str | None = Query(default=None, description="Up to this date (YYYY[-MM[-DD]])."),
    source: str = Query(default="all", pattern="^(news|gdelt|all)$",
                        description="Events coded from news, imported GDELT rows, or all."),
    modality: list[str] = Query(default=[], description=_MODALITY_HELP),
) -> Filters:
    """FastAPI dependency: the shared filters, validated (a bad value is a 422 with a reason)."""
    from foreigndesk.analyze.relations import RelationsError, parse_dyad

    pair = None
    if dyad and dyad.strip():
        try:
            pair = parse_dyad(dyad)
        except RelationsError as e:
            raise HTTPException(422, str(e)) from None
    codes = [c.strip() for c in code if c.strip()]
    for c in codes:
        if not _CODE.match(c):
            raise HTTPException(422, f"code: not a CAMEO code (2 to 4 digits): {c!r}")
    bad = [m for m in modality if m not in MODALITIES]
    if bad:
        raise HTTPException(422, f"modality: unknown {bad[0]!r} (one of {', '.join(MODALITIES)})")
    return Filters(actors=[a.strip() for a in actor if a.strip()], dyad=pair,
                   undirected=undirected, codes=codes, since=_date(since, "since"),
                   until=_date(until, "until"), origin=source, modalities=list(modality))
