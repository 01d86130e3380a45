"""FastAPI dependencies that build the store's filter objects
(:mod:`foreigndesk.store.filters`) from query parameters, with the command line's meaning
(``--actor``, ``--dyad``, ``--undirected``, ``--code``, ``--since``, ``--until``,
``--source``, ``--modality``, and a page of a listing). A bad value is a 422 saying why.
No SQL and no filtering here: the store's filters say which rows."""

from __future__ import annotations

import re

from fastapi import HTTPException, Query

from foreigndesk.model import MODALITIES
from foreigndesk.store.filters import DEFAULT_LIMIT, MAX_LIMIT, EventFilter, FilterError, Page
from foreigndesk.web.deps import MAX_INT

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_CODE = re.compile(r"^\d{2,4}$")
_MODALITY_HELP = f"Only events of these modalities ({', '.join(MODALITIES)})."

Filters = EventFilter
"""The pages' name for the event filter they pass around."""


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
) -> EventFilter:
    """FastAPI dependency: the shared filters, validated (a bad value is a 422 with a reason)."""
    codes = [c.strip() for c in code if c.strip()]
    for c in codes:
        if not _CODE.match(c):
            raise HTTPException(422, f"code: not a CAMEO code (2 to 4 digits): {c!r}")
    bad = [m for m in modality if m not in MODALITIES]
    if bad:
        raise HTTPException(422, f"modality: unknown {bad[0]!r} (one of {', '.join(MODALITIES)})")
    try:
        return EventFilter(actors=[a.strip() for a in actor if a.strip()],
                           dyad=dyad.strip() if dyad and dyad.strip() else None,
                           undirected=undirected, codes=codes, since=_date(since, "since"),
                           until=_date(until, "until"), origin=source,
                           modalities=list(modality))
    except FilterError as e:
        raise HTTPException(422, str(e)) from None


def page(limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT,
                            description=f"At most this many rows (default {DEFAULT_LIMIT}, "
                            f"at most {MAX_LIMIT}); the response says the total and the next "
                            "page."),
         offset: int = Query(0, ge=0, le=MAX_INT, description="Skip this many rows (paging).")
         ) -> Page:
    """FastAPI dependency: which page of a listing."""
    return Page(limit, offset)
