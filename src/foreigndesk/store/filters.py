"""The filters of the listings, written once: a plain dataclass per listing (no CLI or web
framework in it), with the SQL ``WHERE`` it stands for. The command line, the web API, the
exports and the Python API build the same filter and get the same rows.

:class:`EventFilter` is the filter of ``foreigndesk events`` (``--actor``, ``--dyad``,
``--undirected``, ``--code``, ``--since``, ``--until``, ``--source``, ``--modality``,
``--limit``). Countries may be named (``--actor cuba``, ``--dyad china-cuba``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

DEFAULT_LIMIT = 100
"""Rows a listing returns when no page size is asked for (the web's listings and API)."""
MAX_LIMIT = 1000
"""The largest page a listing returns (exports stream every row instead)."""


class FilterError(ValueError):
    """A filter value that cannot be read (the message says which and why)."""


TOP = "\U0010ffff"
"""Above every character a stored code or date holds: ``x >= p AND x < p || TOP`` is ``x``
starting with ``p``, written so that an index on ``x`` answers it (a ``LIKE`` is not)."""


def actor_terms(actor: str) -> list[tuple[str, list[Any]]]:
    """The conditions (each answered by one index, see migration 011) whose union is the
    events whose source or target is ``actor``: a country code (CHN) or name (China, cuba),
    a CAMEO actor code prefix (CUBGOV), an actor id, or an actor name."""
    from foreigndesk.countries import country_code

    raw = actor.strip()
    code = None if (raw.isupper() or ":" in raw) else country_code(raw)
    up = code or raw.upper()
    out: list[tuple[str, list[Any]]] = []
    for side in ("source", "target"):
        out += [(f"e.{side}_country = ?", [up]),
                (f"e.{side}_code >= ? AND e.{side}_code < ?", [up, up + TOP]),
                (f"e.{side}_actor = ?", [actor]),
                (f"e.{side}_actor IN (SELECT id FROM actors WHERE name = ? COLLATE NOCASE)",
                 [actor])]
    return out


def actor_clause(actor: str) -> tuple[str, list[Any]]:
    """Events whose source or target is ``actor`` (see :func:`actor_terms`), as one
    condition over ``events e``."""
    terms = actor_terms(actor)
    return ("(" + " OR ".join(f"({t})" for t, _ in terms) + ")",
            [p for _, ps in terms for p in ps])


def mention_actor_clause(actors: Sequence[str], alias: str = "m") -> tuple[str, list[Any]]:
    """Mentions (``mentions`` as ``alias``) of any of ``actors``: an actor id, a CAMEO code
    (CHN matches any Chinese actor, CHNGOV the Chinese government), a country's name (cuba:
    any Cuban actor) or a name."""
    from foreigndesk.countries import code_prefix

    clauses, params = [], []  # type: list[str], list[Any]
    for a in actors:
        prefix = code_prefix(a)
        clauses.append(
            f"({alias}.actor_id = ? OR ({alias}.country || coalesce({alias}.sector,'')) LIKE ? "
            f"OR {alias}.actor_id IN (SELECT id FROM actors WHERE name = ? COLLATE NOCASE) "
            f"OR {alias}.text = ? COLLATE NOCASE)")
        params += [a, prefix + "%" if prefix else a, a, a]
    return " OR ".join(clauses), params


def date_range_clause(since: str | None, until: str | None,
                      column: str = "e.date") -> tuple[list[str], list[Any]]:
    """SQL conditions on ``column`` for ``--since``/``--until`` (ISO prefixes, inclusive: an
    until of 2022-11 keeps 2022-11-30). Written as plain comparisons (``< until || TOP``,
    which is ``substr(column, 1, len(until)) <= until``) so that an index on the column
    answers them."""
    where: list[str] = []
    params: list[Any] = []
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} < ?")
        params.append(until + TOP)
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

    def where(self, scan: bool = False) -> tuple[str, list[Any]]:
        """The SQL condition (over ``events`` as ``e``) and its parameters. The actors are
        a union of indexed lookups (:meth:`actor_union`); with ``scan``, an OR tested on
        each row (for a walk over the events in date order)."""
        where, params = ["1=1"], []  # type: list[str], list[Any]
        if self.origin != "all":
            where.append("e.origin = ?")
            params.append(self.origin)
        if self.actors and scan:
            clauses = [actor_clause(a) for a in self.actors]
            where.append("(" + " OR ".join(c for c, _ in clauses) + ")")
            for _, p in clauses:
                params += p
        elif self.actors:
            # a union of indexed lookups (each with the date range, which the indexes on
            # country and date answer too), never an OR the planner may answer by a scan
            sub, p = self.actor_union("e.id")
            where.append(f"e.id IN ({sub})")
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

    @property
    def only_actors(self) -> bool:
        """True when the filter says only actors (and dates): :meth:`actor_union` is then
        every event it selects."""
        return bool(self.actors) and not (self._pair or self.codes or self.modalities
                                          or self.origin != "all")

    def actor_union(self, columns: str = "e.id") -> tuple[str, list[Any]]:
        """``SELECT columns`` of the events of any of ``actors`` within the dates, as a
        UNION of lookups each answered by one index (:func:`actor_terms`)."""
        dw, dp = date_range_clause(self.since, self.until)
        dates = "".join(f" AND {w}" for w in dw)
        subs, params = [], []  # type: list[str], list[Any]
        for actor in self.actors:
            for term, p in actor_terms(actor):
                if " IN (SELECT id FROM actors" in term:  # actors by name, then events
                    side = term[2:8]
                    subs.append(f"SELECT {columns} FROM actors a CROSS JOIN events e "
                                f"WHERE a.name = ? COLLATE NOCASE AND e.{side}_actor = a.id"
                                f"{dates}")
                else:
                    subs.append(f"SELECT {columns} FROM events e WHERE {term}{dates}")
                params += p + dp
        return " UNION ".join(subs), params

    def params(self) -> dict[str, Any]:
        """The filter as the web's query parameters (for links that keep it)."""
        return {"actor": list(self.actors),
                "dyad": "-".join(self._pair) if self._pair else None,
                "undirected": "1" if self.undirected else None, "code": list(self.codes),
                "since": self.since, "until": self.until,
                "source": None if self.origin == "all" else self.origin,
                "modality": list(self.modalities)}

    def matches_codes(self, event: Mapping[str, Any]) -> bool:
        """Whether an event (a mapping with ``code``, ``source_code``, ``target_code``) has
        one of ``codes`` and goes from A to B of ``dyad`` (the country prefixes of its
        actor codes; both ways when ``undirected``). The other filters are not looked at."""
        if self.codes and not any((event.get("code") or "").startswith(c) for c in self.codes):
            return False
        if self._pair:
            a, b = self._pair
            src = (event.get("source_code") or "")[:3]
            tgt = (event.get("target_code") or "")[:3]
            if (src, tgt) != (a, b) and not (self.undirected and (src, tgt) == (b, a)):
                return False
        return True

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


@dataclass(frozen=True)
class Page:
    """Which rows of a listing: ``limit`` of them (1..:data:`MAX_LIMIT`, by default
    :data:`DEFAULT_LIMIT`) after the first ``offset``."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise FilterError(f"limit: 1 to {MAX_LIMIT} (not {self.limit})")
        if self.offset < 0:
            raise FilterError(f"offset: at least 0 (not {self.offset})")

    def next_offset(self, total: int) -> int | None:
        """The offset of the page after this one, or None when this is the last."""
        return self.offset + self.limit if self.offset + self.limit < total else None


FIRST_PAGE = Page()
"""The first :data:`DEFAULT_LIMIT` rows."""


@dataclass
class Paged:
    """One page of a listing: its ``rows``, how many rows match in all (``total``) and the
    :class:`Page` asked for."""

    rows: list[dict[str, Any]]
    total: int
    page: Page | None = None  # None: every row

    @property
    def next_offset(self) -> int | None:
        return self.page.next_offset(self.total) if self.page else None


@dataclass
class DocumentFilter:
    """Which documents: the user's words ``search`` (see :mod:`foreigndesk.store.fts`) over
    title and text; of ``outlet``; published within ``since``..``until`` (inclusive ISO
    prefixes); mentioning any of ``actors`` (ids, codes, country names or names)."""

    search: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    actors: Sequence[str] = ()

    def __post_init__(self) -> None:
        if isinstance(self.actors, str):
            self.actors = (self.actors,)
        if self.search is not None and not self.search.strip():
            self.search = None


@dataclass
class ActorFilter:
    """Which actors: of any of ``kinds``; whose name, id or an alias contains ``search``."""

    kinds: Sequence[str] = ()
    search: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.kinds, str):
            self.kinds = (self.kinds,)
        if self.search is not None and not self.search.strip():
            self.search = None


def speaker_clause(speakers: Sequence[str]) -> tuple[str, list[Any]]:
    """Claims (``c``, joined to the speaker's actor ``a``) by any of ``speakers``: an actor
    id, a CAMEO code prefix (CHN, CHNGOV), a country's name (cuba: every Cuban speaker) or a
    name or part of one."""
    from foreigndesk.countries import code_prefix

    clauses, params = [], []  # type: list[str], list[Any]
    for s in speakers:
        prefix = code_prefix(s)
        code = prefix + "%" if prefix else None
        clauses.append("(c.speaker_actor = ? OR c.speaker_code LIKE ? OR a.name LIKE ? "
                       "OR c.speaker_text LIKE ?)")
        params += [s, code or s, f"%{s}%", f"%{s}%"]
    return "(" + " OR ".join(clauses) + ")", params


@dataclass
class ClaimFilter:
    """Which claims: by any of ``speakers`` (see :func:`speaker_clause`), with every word of
    ``about`` in the content, of any of ``stances`` and ``kinds`` (statement, belief,
    intention), among ``ids`` when given; ``echoes_only`` keeps the explicit echoes (the
    sentence says the speaker repeats someone, or the stance is ``repeats``)."""

    speakers: Sequence[str] = ()
    about: str | None = None
    stances: Sequence[str] = ()
    kinds: Sequence[str] = ()
    ids: Sequence[int] | None = None
    echoes_only: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (over ``claims`` as ``c`` and its speaker ``a``) and its
        parameters."""
        where, params = ["1=1"], []  # type: list[str], list[Any]
        if self.speakers:
            w, p = speaker_clause(tuple(self.speakers))
            where.append(w)
            params += p
        for word in (self.about or "").split():
            where.append("c.content LIKE ?")
            params.append(f"%{word}%")
        if self.stances:
            where.append(f"c.stance IN ({','.join('?' * len(self.stances))})")
            params += list(self.stances)
        if self.kinds:
            where.append(f"c.kind IN ({','.join('?' * len(self.kinds))})")
            params += list(self.kinds)
        if self.ids is not None:
            ids = list(self.ids)
            where.append(f"c.id IN ({','.join('?' * len(ids))})" if ids else "1=0")
            params += ids
        if self.echoes_only:
            where.append("(c.echoes_actor IS NOT NULL OR c.echoes_text IS NOT NULL "
                         "OR c.stance = 'repeats')")
        return " AND ".join(where), params
