"""The filters of the listings, written once: a plain dataclass per listing (no CLI or web
framework in it), with the SQL ``WHERE`` it stands for. The command line, the web API, the
exports and the Python API build the same filter and get the same rows.

:class:`EventFilter` is the filter of ``foreigndesk events`` (``--actor``, ``--dyad``,
``--undirected``, ``--code``, ``--since``, ``--until``, ``--source``, ``--modality``,
``--limit``). Countries may be named (``--actor cuba``, ``--dyad china-cuba``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class FilterError(ValueError):
    """A filter value that cannot be read (the message says which and why)."""


def actor_clause(actor: str) -> tuple[str, list[Any]]:
    """Events whose source or target is ``actor``: a country code (CHN) or name (China, cuba),
    a CAMEO actor code prefix (CUBGOV), an actor id, or an actor name."""
    from foreigndesk.countries import country_code

    raw = actor.strip()
    code = None if (raw.isupper() or ":" in raw) else country_code(raw)
    up = code or raw.upper()
    parts, params = [], []
    for side in ("source", "target"):
        parts.append(f"e.{side}_country = ? OR e.{side}_code LIKE ? OR e.{side}_actor = ? OR "
                     f"e.{side}_actor IN (SELECT id FROM actors WHERE name = ? COLLATE NOCASE)")
        params += [up, f"{up}%", actor, actor]
    return "(" + " OR ".join(f"({p})" for p in parts) + ")", params


def date_range_clause(since: str | None, until: str | None,
                      column: str = "e.date") -> tuple[list[str], list[Any]]:
    """SQL conditions on ``column`` for ``--since``/``--until`` (ISO prefixes, inclusive: an
    until of 2022-11 keeps 2022-11-30)."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({column}, 1, ?) <= ?")
        params += [len(until), until]
    return where, params


def _dyad(value: str | Sequence[str] | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    from foreigndesk.countries import country, parse_dyad

    try:
        if isinstance(value, str):
            return parse_dyad(value)
        a, b = value
        return country(a), country(b)
    except ValueError as e:
        raise FilterError(str(e)) from None


@dataclass
class EventFilter:
    """Which events: any of ``actors`` as source or target; from A to B (``dyad``, both ways
    when ``undirected``); CAMEO codes starting with any of ``codes``; dated within
    ``since``..``until`` (inclusive ISO prefixes); ``origin`` news, gdelt or all; any of
    ``modalities``; at most ``limit`` (the latest, when set).

    ``dyad`` may be given as "CHN-CUB", "china-cuba" or a pair; it is kept as a pair of ISO3
    codes (a bad one raises :class:`FilterError`)."""

    actors: Sequence[str] = ()
    dyad: tuple[str, str] | Sequence[str] | str | None = None
    undirected: bool = False
    codes: Sequence[str] = ()
    since: str | None = None
    until: str | None = None
    origin: str = "all"
    modalities: Sequence[str] = ()
    limit: int | None = None
    _pair: tuple[str, str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.actors, str):
            self.actors = (self.actors,)
        if isinstance(self.codes, str):
            self.codes = (self.codes,)
        if isinstance(self.modalities, str):
            self.modalities = (self.modalities,)
        self._pair = _dyad(self.dyad)
        self.dyad = self._pair
        if self.origin not in ("news", "gdelt", "all"):
            raise FilterError(f"origin: one of news, gdelt, all (not {self.origin!r})")
        if self.limit is not None and self.limit < 1:
            raise FilterError("limit: at least 1")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (over ``events`` as ``e``) and its parameters."""
        where, params = ["1=1"], []  # type: list[str], list[Any]
        if self.origin != "all":
            where.append("e.origin = ?")
            params.append(self.origin)
        if self.actors:
            clauses = [actor_clause(a) for a in self.actors]
            where.append("(" + " OR ".join(c for c, _ in clauses) + ")")
            for _, p in clauses:
                params += p
        if self._pair:
            a, b = self._pair
            pairs = [(a, b), (b, a)] if self.undirected else [(a, b)]
            where.append("(" + " OR ".join("(e.source_country = ? AND e.target_country = ?)"
                                           for _ in pairs) + ")")
            params += [c for pair in pairs for c in pair]
        if self.codes:
            where.append("(" + " OR ".join("e.code LIKE ?" for _ in self.codes) + ")")
            params += [f"{c.strip()}%" for c in self.codes]
        w, p = date_range_clause(self.since, self.until)
        where += w
        params += p
        if self.modalities:
            where.append(f"e.modality IN ({','.join('?' * len(self.modalities))})")
            params += list(self.modalities)
        return " AND ".join(where), params

    def select(self, columns: str = "e.*") -> tuple[str, list[Any]]:
        """The whole query: the events oldest first (undated last); with ``limit``, the
        latest ``limit`` of them, still oldest first (undated ones first, as ``foreigndesk
        events --limit`` has always shown them)."""
        cond, params = self.where()
        sql = f"SELECT {columns} FROM events e WHERE {cond}"
        if self.limit:
            return (f"SELECT * FROM ({sql} ORDER BY e.date DESC, e.id DESC "
                    f"LIMIT {int(self.limit)}) ORDER BY date, id", params)
        return sql + " ORDER BY e.date IS NULL, e.date, e.id", params
