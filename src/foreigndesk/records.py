"""Records of imported data sets: what the importers (:mod:`foreigndesk.importers`) parse a
row into and the store (:mod:`foreigndesk.store.bulk_imports`) writes. No I/O here.

They are typed named tuples rather than dataclasses: an import writes hundreds of thousands
of them, and a tuple goes to the database driver as it is (no copy per row)."""

from __future__ import annotations

from typing import NamedTuple


class GdeltEvent(NamedTuple):
    """One GDELT event row (``events`` with origin ``gdelt``; the date is exact to the day)."""

    external_id: str          # GLOBALEVENTID
    source_code: str | None   # Actor1Code (CAMEO actor code)
    source_name: str | None
    source_country: str | None
    target_code: str | None   # Actor2Code
    target_name: str | None
    target_country: str | None
    code: str                 # CAMEO event code ("0311")
    root: str                 # its two-digit root ("03")
    quad_class: int           # 1-4
    goldstein: float          # -10..10
    date: str                 # SQLDATE as YYYY-MM-DD
    place: str | None         # ActionGeo_FullName
    place_country: str | None  # ISO3
    lat: float | None
    lon: float | None
    n_mentions: int | None
    n_sources: int | None
    n_articles: int | None
    avg_tone: float | None
    is_root: int | None
    date_added: str | None    # ISO date or date-time
    source_url: str | None


class RollCall(NamedTuple):
    """A UN General Assembly roll call (un_roll_calls.csv)."""

    rcid: int
    session: int | None
    date: str  # YYYY-MM-DD
    unres: str | None
    importantvote: int | None
    amend: int | None
    para: int | None
    short: str | None
    descr: str | None


class RollCallIssue(NamedTuple):
    """An issue label of a roll call (un_roll_call_issues.csv)."""

    rcid: int
    short_name: str | None
    issue: str


class Vote(NamedTuple):
    """A country's vote on a roll call: 1 yes, 2 abstain, 3 no."""

    rcid: int
    country: str  # ISO3 (former states by ISO 3166-3)
    vote: int
