"""The actor dictionary: every file under ``data/actors/`` loaded once per process into an
index of phrases (a trie over word pieces, see :mod:`foreigndesk.extract.actor_names`).

Files, in order of precedence (an earlier file wins a phrase both claim):

- ``leaders.yaml`` (heads of state and government, foreign ministers, with dated offices),
  ``figures.yaml`` (other well-known political figures);
- ``states.yaml``, ``igos.yaml``, ``organisations.yaml``, ``sectors.yaml``, any other ``*.yaml``;
- ``phoenix_*.tsv``: the PETRARCH2/Phoenix CAMEO dictionaries converted by
  ``tools/convert_phoenix.py`` (MIT), the largest and least curated.

Every YAML file is a list of entries in one format (see the header of ``states.yaml``). A
phrase of an entry has a *role*: ``name`` (the actor itself), ``adjective`` ("Chinese"),
``demonym`` ("Cubans"), ``capital`` ("Beijing" as metonym of the government),
``government`` (regime phrases: "the Castro regime"), ``surname`` (a person's surname, only
trusted after a title or when the tagger says PERSON) or ``agent`` (a sector word:
"officials", "President").

Case rules: an alias piece written in capitals of at most five letters ("UN", "AP", "WHO")
must be in capitals in the text; a piece with a capital initial needs a capital initial; a
lower-case piece matches any case.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, NamedTuple

import yaml

from foreigndesk.extract.actor_names import (
    PIECE,
    SURNAME_FIRST,
    fold,
    name_pieces,
    pieces_with_case,
    same_person,
)
from foreigndesk.model import Actor

try:  # libyaml when present: several times faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

FIRST = ("leaders.yaml", "figures.yaml")
HAND = ("states.yaml", "igos.yaml", "organisations.yaml", "sectors.yaml")
LEAD_ARTICLES = frozenset({"the"})
ROLE_SECTOR = {"head_of_state": "GOV", "head_of_government": "GOV", "foreign_minister": "GOV",
               "minister": "GOV", "defence_minister": "GOV", "defense_minister": "GOV",
               "party_leader": "GOV", "vice_president": "GOV", "other": "GOV",
               "igo_head": "IGO", "igo": "IGO", "legislator": "LEG", "military": "MIL"}

# CAMEO agent codes kept as sectors of their own (the rest fall back to the coarse sector)
FINE_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU",
                          "BUS", "CRM", "CVL", "LAB", "REF", "HLH", "AGR", "LEG", "NGO", "IGO",
                          "REL", "UAF", "ELI"})

AGENT_TAIL_STOP = frozenset({"to", "of", "for", "at", "in", "on", "from", "with", "and", "the"})

# case requirement of one alias piece
ANY, CAP, UPPER = 0, 1, 2


class Entry(NamedTuple):
    """One reading of a phrase."""

    actor_id: str
    role: str  # name | adjective | demonym | capital | government | surname | agent
    case: tuple[int, ...]
    rank: int  # lower wins (file precedence)


@dataclass
class AgentInfo:
    sector: str | None
    title: bool
    role: str | None
    name: str


@dataclass
class ActorIndex:
    actors: dict[str, Actor] = field(default_factory=dict)
    trie: dict[str, Any] = field(default_factory=dict)
    agents: dict[str, AgentInfo] = field(default_factory=dict)  # agent actor id -> info
    persons_by_first: dict[tuple[str | None, str], list[str]] = field(default_factory=dict)
    persons_by_first_any: dict[str, list[str]] = field(default_factory=dict)
    persons_by_last: dict[str, list[str]] = field(default_factory=dict)
    surnames: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    person_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)
    state_dates: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    _holders: dict[tuple[str, str], list[tuple[str, str, str]]] | None = None

    # -- building -----------------------------------------------------------------------
    def add_phrase(self, phrase: str, entry_id: str, role: str, rank: int) -> None:
        parts = PIECE.findall(phrase)
        if len(parts) > 1 and parts[0].lower() in LEAD_ARTICLES:
            parts = parts[1:]
        if not parts:
            return
        if len(parts) == 1 and parts[0].islower():
            case: tuple[int, ...] = (ANY,)
        else:
            acronym = sum(map(len, parts)) <= 5 and all(o.isupper() or o.isdigit() for o in parts)
            case = tuple(UPPER if acronym and o.isalpha() else CAP if o[:1].isupper() else ANY
                         for o in parts)
        node = self.trie
        for orig in parts:
            key = fold(orig)
            nxt = node.get(key)
            if nxt is None:
                nxt = node[key] = {}
            node = nxt
        bucket: list[Entry] | None = node.get("")
        if bucket is None:
            node[""] = [Entry(entry_id, role, case, rank)]
            return
        for e in bucket:  # the same phrase written with other capitals is another reading
            if e.actor_id == entry_id and e.role == role and e.case == case:
                return
        bucket.append(Entry(entry_id, role, case, rank))
        bucket.sort(key=lambda e: e.rank)

    def lookup(self, phrase: str) -> list[Entry]:
        """The readings of exactly this phrase (no case check)."""
        node: dict[str, Any] | None = self.trie
        parts = [p for p, _, _, _ in pieces_with_case(phrase)]
        if parts and parts[0] in LEAD_ARTICLES and len(parts) > 1:
            parts = parts[1:]
        for p in parts:
            node = node.get(p) if node is not None else None
            if node is None:
                return []
        return [e for e in node.get("", []) if e.role != "blocked"] if node is not None else []

    def add_entry(self, item: dict[str, Any], rank: int) -> None:
        ident = str(item.get("id") or "").strip()
        name = str(item.get("name") or "").strip()
        if not ident or not name:
            return
        kind = item.get("kind") or "organisation"
        if kind == "blocked":  # a phrase that names no actor ("Latin America": not "America")
            for a in [name, *(item.get("aliases") or [])]:
                self.add_phrase(str(a), ident, "blocked", rank)
            return
        if kind == "agent":
            sector = item.get("sector")
            cameo = str(item.get("cameo") or "")[:3].upper()
            if cameo in FINE_SECTORS:  # Phoenix's own agent code: "police" COP, "court" JUD
                sector = cameo
            info = AgentInfo(sector, bool(item.get("title")), item.get("role"), name)
            if ident not in self.agents:
                self.agents[ident] = info
            for a in [name, *(item.get("aliases") or [])]:
                words = str(a).split()
                if words and words[-1].lower() in AGENT_TAIL_STOP:
                    continue  # "ambassador to" (Phoenix's slot for a country)
                self.add_phrase(str(a), ident, "agent", rank)
            return
        aliases = [str(a) for a in (item.get("aliases") or []) if a]
        # "UN refugee agency" is also written "U.N. refugee agency", "United Nations refugee agency"
        aliases += [v + a[3:] for a in aliases if a.startswith("UN ")
                    for v in ("U.N. ", "United Nations ")]
        if kind == "person":
            target = self._merge_person(ident, name, item, aliases)
            if target != ident:  # an earlier file knows this person: add the variants there
                for a in [name, *aliases]:
                    self.add_phrase(a, target, "name", rank)
                return
        if ident in self.actors:  # the same id again (a later file): new phrases and offices
            known = self.actors[ident]
            have = known.meta.setdefault("offices", [])
            for o in item.get("offices") or []:
                if o not in have:
                    have.append(o)
            known.aliases = sorted(set(known.aliases) | {name, *aliases})
            for a in [name, *aliases]:
                self.add_phrase(a, ident, "name", rank)
            self._holders = None
            return
        meta: dict[str, Any] = {}
        for key in ("offices", "adjectives", "demonyms", "capital", "government", "parent",
                    "from", "to", "cameo"):
            if item.get(key):
                meta[key] = item[key]
        actor = Actor(id=ident, name=name, kind=kind, country=item.get("country") or None,
                      sector=item.get("sector") or None, aliases=sorted(set([name, *aliases])),
                      meta=meta)
        self.actors[ident] = actor
        for a in [name, *aliases]:
            self.add_phrase(a, ident, "name", rank)
        if kind == "state":
            self.state_dates[ident] = (_date(item.get("from")), _date(item.get("to")))
            for role, fname in (("adjective", "adjectives"), ("demonym", "demonyms"),
                                ("capital", "capital"), ("government", "government")):
                vals = item.get(fname) or []
                for v in [vals] if isinstance(vals, str) else vals:
                    self.add_phrase(str(v), ident, role, rank)
        if kind == "person":
            pkey = name_pieces(name)
            self.person_keys[ident] = pkey
            if pkey:
                self.persons_by_first.setdefault((actor.country, pkey[0]), []).append(ident)
                self.persons_by_first_any.setdefault(pkey[0], []).append(ident)
                if len(pkey) >= 2:
                    self.persons_by_last.setdefault(pkey[-1], []).append(ident)
            if rank < 2 and len(pkey) >= 2:  # curated persons: surname back references
                surnames = {pkey[-1:], pkey[1:]}
                if actor.country in SURNAME_FIRST:  # "Xi" of "Xi Jinping"
                    surnames.add(pkey[:1])
                for sur in surnames:
                    if sur:
                        self.surnames.setdefault(sur, []).append(ident)
                        self.add_phrase(" ".join(sur).title(), ident, "surname", rank + 10)

    def _merge_person(self, ident: str, name: str, item: dict[str, Any], aliases: list[str]) -> str:
        """The id of an already known person with a compatible name and the same country,
        else ``ident``."""
        key = name_pieces(name)
        if len(key) < 2:
            return ident
        for other in self.persons_by_first.get((item.get("country") or None, key[0]), []):
            if other != ident and same_person(self.person_keys.get(other, ()), key):
                known = self.actors[other]
                offices = item.get("offices") or []
                have = known.meta.setdefault("offices", [])
                if not have and offices:
                    have.extend(offices)
                known.aliases = sorted(set(known.aliases) | {name, *aliases})
                return other
        return ident

    # -- queries ------------------------------------------------------------------------
    def actor(self, ident: str) -> Actor | None:
        return self.actors.get(ident)

    def role_holders(self) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
        """(country, role) -> [(from, to, person id)] over every dated office with a role."""
        if self._holders is None:
            out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
            for a in self.actors.values():
                if a.kind != "person":
                    continue
                for o in a.meta.get("offices") or []:
                    if not (isinstance(o, dict) and o.get("role")):
                        continue
                    # an IGO office (org set, no country) is filed under its organisation,
                    # not under the holder's nationality
                    where = o.get("country") or o.get("org") or a.country
                    if where:
                        key = (str(where), str(o["role"]))
                        out.setdefault(key, []).append(
                            (str(o.get("from") or ""), str(o.get("to") or ""), a.id))
            self._holders = out
        return self._holders

    def held_title(self, pid: str, where: str, role: str, day: str) -> str:
        """The title ("Prime Minister", "President of the Council of State") under which
        ``pid`` held ``role`` in ``where`` on ``day`` (YYYY-MM-DD), lower case; "" when the
        data gives none."""
        a = self.actors.get(pid)
        if a is None:
            return ""
        for o in a.meta.get("offices") or []:
            if not (isinstance(o, dict) and o.get("role") == role) \
                    or str(o.get("country") or o.get("org") or a.country) != where:
                continue
            if held_on(str(o.get("from") or ""), str(o.get("to") or ""), day):
                return str(o.get("title") or "").lower()
        return ""

    def title_fits(self, written: str, pid: str, where: str, role: str, day: str) -> bool:
        """Does the title as the text writes it ("the prime minister", "THE PRESIDENT") fit the
        title under which ``pid`` held ``role`` in ``where`` on ``day`` (data
        ``en/office_titles.yaml``)? "The prime minister" is never Joe Biden."""
        fits = office_title_words().get(" ".join(w for w in written.lower().split() if w != "the"))
        if not fits:
            return True
        held = self.held_title(pid, where, role, day)
        return any(w in held for w in fits)


def _plain(value: Any) -> Any:
    """YAML dates (unquoted 2013-03-14) as ISO strings, so that actors serialise to JSON."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return value


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


def _files() -> list[tuple[int, Any]]:
    folder = resources.files("foreigndesk.data").joinpath("actors")
    files = {f.name: f for f in folder.iterdir() if f.is_file()}
    ordered: list[tuple[int, Any]] = []
    for n in FIRST:
        if n in files:
            ordered.append((0, files.pop(n)))
    for n in HAND:
        if n in files:
            ordered.append((1, files.pop(n)))
    for n in sorted(files):
        if n.endswith((".yaml", ".yml")):
            ordered.append((1, files[n]))
    for n in sorted(files):
        if n.endswith(".tsv"):
            ordered.append((2, files[n]))
    return ordered


def _read_tsv(text: str) -> list[dict[str, Any]]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    out: list[dict[str, Any]] = []
    header = lines[0].split("\t") if lines else []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        item: dict[str, Any] = {k: (v or None) for k, v in row.items()}
        item["aliases"] = [a.strip() for a in (row.get("aliases") or "").split(" | ") if a.strip()]
        offices = []
        for part in (row.get("offices") or "").split(";"):
            if not part:
                continue
            cameo, country, sector, frm, to = (part.split(",") + [""] * 5)[:5]
            offices.append({"cameo": cameo, "country": country or None, "sector": sector or None,
                            "from": frm or None, "to": to or None})
        item["offices"] = offices
        out.append(item)
    return out


@functools.lru_cache(maxsize=1)
def load_index() -> ActorIndex:
    """The index of every file in ``data/actors`` (once per process; built once and then
    loaded from the on-disk cache, see :mod:`foreigndesk.built_cache`)."""
    from foreigndesk.built_cache import cached

    return cached("actors", [f for _rank, f in _files()], build_index)


def build_index() -> ActorIndex:
    """Build the index from every file in ``data/actors``."""
    index = ActorIndex()
    for rank, f in _files():
        text = f.read_text(encoding="utf-8")
        if f.name.endswith(".tsv"):
            for item in _read_tsv(text):
                index.add_entry(item, rank)
            continue
        for item in yaml.load(text, Loader=_Loader) or []:
            if isinstance(item, dict):
                index.add_entry(_plain(item), rank)
    return index


def office_at(actor: Actor, date: str | None) -> dict[str, Any] | None:
    """The office a person held at ``date`` (ISO, any precision), else the nearest one in
    time, else the last listed. None for actors without offices."""
    offices = [o for o in actor.meta.get("offices") or [] if isinstance(o, dict)]
    if not offices:
        return None
    if not date:
        current = [o for o in offices if not o.get("to")]
        return current[-1] if current else offices[-1]
    lo, hi = _day(date, False), _day(date, True)
    best: dict[str, Any] | None = None
    best_key: tuple[int, int] | None = None
    for o in offices:
        frm, to = _date(o.get("from")), _date(o.get("to"))
        start = _day(frm, False) if frm else -(10**9)
        end = _day(to, True) if to else 10**9
        gap = 0 if start <= hi and end >= lo else min(abs(start - hi), abs(lo - end))
        key = (gap, _rank_office(o))
        if best_key is None or key < best_key:
            best, best_key = o, key
    return best


def _rank_office(o: dict[str, Any] | None) -> int:
    order = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2}
    return order.get(str((o or {}).get("role")), 5)


def _day(d: str, end: bool) -> int:
    """A date of any precision as a day number (its first or last day)."""
    parts = d[:10].split("-")
    try:
        y = int(parts[0][:4].replace("X", "9" if end else "0"))
    except ValueError:
        return 0
    m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else (12 if end else 1)
    dd = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else (31 if end else 1)
    return y * 372 + m * 31 + dd


def held_on(frm: str, to: str, day: str) -> bool:
    """Was an office held from ``frm`` to ``to`` (ISO dates, any precision; empty: open) held
    on ``day`` (YYYY-MM-DD)? An end given as a month ("2019-10") runs to its end."""
    return (not frm or frm[:10] <= day) and (not to or day <= to + ("-31" if len(to) == 7 else ""))


@functools.lru_cache(maxsize=1)
def office_title_words() -> dict[str, tuple[str, ...]]:
    """Title as written -> the words one of which the holder's own title must hold
    (``data/en/office_titles.yaml``)."""
    raw = yaml.safe_load(resources.files("foreigndesk").joinpath("data/en/office_titles.yaml")
                         .read_text(encoding="utf-8")) or {}
    return {str(k).lower(): tuple(str(w).lower() for w in v) for k, v in raw.items()}


def office_sector(office: dict[str, Any] | None) -> str | None:
    if not office:
        return None
    if office.get("sector"):
        return str(office["sector"])
    return ROLE_SECTOR.get(str(office.get("role") or ""), "GOV" if office.get("role") else None)
