"""Import UN General Assembly roll-call votes in the layout of the R package ``unvotes``
(Voeten's data): a directory holding

* ``un_roll_calls.csv``: rcid, session, importantvote, date (YYYY-MM-DD), unres, amend, para,
  short, descr;
* ``un_votes.csv``: rcid, country, country_code (ISO 3166 alpha-2 or a former code; empty for
  a few former states, which are then known by name), vote (yes / abstain / no, or Voeten's
  1 / 2 / 3; 8 absent and 9 not a member are skipped);
* optionally ``un_roll_call_issues.csv``: rcid, short_name, issue.

Each may be gzipped (``.csv.gz``) or zipped. Countries are stored as 3-letter codes
(data/countries: ISO 3166-1, former states by ISO 3166-3). Rows are parsed into
:mod:`foreigndesk.records` and handed to the store
(:func:`foreigndesk.store.bulk_imports.unvotes_load`), which writes everything in one
transaction; re-importing replaces the same rows (roll call id + country), so it is idempotent.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from foreigndesk.ingest.country_codes import country_iso3
from foreigndesk.ingest.tabular import (
    BadRowHandler,
    DataFileError,
    Progress,
    TextPart,
    bounded_lines,
    open_parts,
)
from foreigndesk.records import RollCall, RollCallIssue, Vote
from foreigndesk.store import Store
from foreigndesk.store.bulk_imports import UnvotesLoad, unvotes_load

VOTE_CODES = {"yes": 1, "abstain": 2, "no": 3, "1": 1, "2": 2, "3": 3}
SKIPPED_VOTES = {"8", "9", "absent", "not a member", "non-member"}  # not votes cast
_BLANK = {"", "NA"}


class BadDirectory(ValueError):
    """The directory lacks a file the layout needs."""


@dataclass
class UnvotesStats:
    roll_calls: int = 0
    issues: int = 0
    votes: int = 0         # votes imported
    new_votes: int = 0     # of which not in the store before
    skipped: int = 0       # absent / not a member
    bad: int = 0
    without_roll_call: int = 0  # votes whose rcid is not in the roll calls file
    files: list[str] = field(default_factory=list)


def find_file(directory: Path, stem: str) -> Path | None:
    for suffix in (".csv", ".csv.gz", ".csv.zip", ".zip", ".gz"):
        p = directory / f"{stem}{suffix}"
        if p.is_file():
            return p
    return None


def _header(part: TextPart, reader: Iterator[list[str]], columns: tuple[str, ...],
            ) -> dict[str, int] | None:
    header = next(reader, None)
    if header is None:
        return None
    names = [h.strip().lstrip("\ufeff").strip('"').lower() for h in header]
    missing = [c for c in columns if c not in names]
    if missing:
        raise BadDirectory(f"{part.label}: missing column(s) {', '.join(missing)}")
    return {n: i for i, n in enumerate(names)}


def _records(part: TextPart, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(bounded_lines(part.stream, part.label))
    index = _header(part, reader, columns)
    if index is None:
        return
    for cells in reader:
        if cells:
            yield reader.line_num, {n: cells[i] for n, i in index.items() if i < len(cells)}


def _opt_int(v: str | None) -> int | None:
    v = (v or "").strip()
    if v in _BLANK:
        return None
    return int(float(v))


@contextmanager
def _named(path: Path) -> Iterator[None]:
    """A file that cannot be read is reported with its name and the reason."""
    try:
        yield
    except (DataFileError, EOFError) as e:
        raise BadDirectory(f"{path}: {e or type(e).__name__}") from None
    except csv.Error as e:
        raise BadDirectory(f"{path}: not readable as CSV: {e}") from None


def import_directory(store: Store, directory: str | Path, on_bad: BadRowHandler,
                     progress: Progress | None = None, copy: bool = True) -> UnvotesStats:
    """Import an unvotes directory into ``roll_calls``, ``roll_call_issues`` and ``votes``.
    Raises BadDirectory when a required file or column is missing, OSError when unreadable.
    ``copy``: on PostgreSQL, load the votes by ``COPY`` (False: row by row upserts)."""
    d = Path(directory)
    if not d.is_dir():
        raise BadDirectory(f"{d}: not a directory")
    roll_calls = find_file(d, "un_roll_calls")
    votes = find_file(d, "un_votes")
    issues = find_file(d, "un_roll_call_issues")
    for name, p in (("un_roll_calls.csv", roll_calls), ("un_votes.csv", votes)):
        if p is None:
            raise BadDirectory(f"{d}: no {name} (or .csv.gz) here")
    assert roll_calls is not None and votes is not None
    progress = progress or Progress()
    stats = UnvotesStats()
    with unvotes_load(store, copy) as load:
        before = load.vote_count()
        with _named(roll_calls):
            rcids = _import_roll_calls(load, roll_calls, on_bad, stats)
        if issues is not None:
            with _named(issues):
                _import_issues(load, issues, on_bad, stats)
        if not stats.roll_calls:
            raise BadDirectory(f"{roll_calls}: no roll calls (an empty file?); nothing imported")
        with _named(votes):
            _import_votes(load, votes, rcids, on_bad, progress, stats)
        if not stats.votes and not stats.skipped:
            raise BadDirectory(f"{votes}: no votes (an empty file?); nothing imported")
        stats.new_votes = load.vote_count() - before
    store.refresh_statistics()  # the planner's statistics after a bulk load (ANALYZE)
    return stats


def _import_roll_calls(load: UnvotesLoad, path: Path, on_bad: BadRowHandler,
                       stats: UnvotesStats) -> set[int]:
    rows: list[RollCall] = []
    rcids: set[int] = set()
    for part in open_parts(path):
        stats.files.append(part.label)
        for line, r in _records(part, ("rcid", "date")):
            try:
                rcid = int(r["rcid"])
                date = r["date"].strip()
                if len(date) < 10 or date[4] != "-" or date[7] != "-":
                    raise ValueError(f"date is not YYYY-MM-DD: {date!r}")
                rows.append(RollCall(
                    rcid, _opt_int(r.get("session")), date[:10], r.get("unres") or None,
                    _opt_int(r.get("importantvote")), _opt_int(r.get("amend")),
                    _opt_int(r.get("para")), r.get("short") or None, r.get("descr") or None))
                rcids.add(rcid)
            except ValueError as e:
                stats.bad += 1
                on_bad(part.label, line, str(e))
    load.roll_calls(rows)
    stats.roll_calls = len(rows)
    return rcids


def _import_issues(load: UnvotesLoad, path: Path, on_bad: BadRowHandler,
                   stats: UnvotesStats) -> None:
    rows: list[RollCallIssue] = []
    for part in open_parts(path):
        stats.files.append(part.label)
        for line, r in _records(part, ("rcid", "issue")):
            try:
                rows.append(RollCallIssue(int(r["rcid"]), r.get("short_name") or None,
                                          r["issue"].strip()))
            except ValueError as e:
                stats.bad += 1
                on_bad(part.label, line, str(e))
    load.roll_call_issues(rows)
    stats.issues = len(rows)


def _import_votes(load: UnvotesLoad, path: Path, rcids: set[int],
                  on_bad: BadRowHandler, progress: Progress, stats: UnvotesStats) -> None:
    codes: dict[tuple[str, str], str | None] = {}

    def iso3(code: str, name: str) -> str | None:
        key = (code, name)
        if key not in codes:
            codes[key] = country_iso3(code, name)
        return codes[key]

    batch: list[Vote] = []

    def flush() -> None:
        load.votes(batch)
        batch.clear()

    for part in open_parts(path):
        stats.files.append(part.label)
        progress.start(part.label, part.total)
        try:
            reader = csv.reader(part.stream)
            index = _header(part, reader, ("rcid", "vote"))
            if index is None:
                continue
            i_rcid, i_vote = index["rcid"], index["vote"]
            i_code, i_name = index.get("country_code"), index.get("country")
            width = max(index.values()) + 1
            for cells in reader:
                if len(cells) < width:
                    if cells:
                        stats.bad += 1
                        on_bad(part.label, reader.line_num,
                               f"{len(cells)} columns where the header has {width}")
                    continue
                raw = cells[i_vote]
                vote = VOTE_CODES.get(raw) or VOTE_CODES.get(raw.strip().lower())
                if vote is None:
                    if raw.strip().lower() in SKIPPED_VOTES:
                        stats.skipped += 1
                        continue
                    stats.bad += 1
                    on_bad(part.label, reader.line_num, f"vote is not yes/abstain/no: {raw!r}")
                    continue
                try:
                    rcid = int(cells[i_rcid])
                except ValueError:
                    stats.bad += 1
                    on_bad(part.label, reader.line_num,
                           f"rcid is not a number: {cells[i_rcid]!r}")
                    continue
                code = cells[i_code] if i_code is not None else ""
                name = cells[i_name] if i_name is not None else ""
                country = iso3(code, name)
                if country is None:
                    stats.bad += 1
                    on_bad(part.label, reader.line_num,
                           f"unknown country: {name!r} (code {code!r})")
                    continue
                if rcid not in rcids:
                    stats.without_roll_call += 1
                batch.append(Vote(rcid, country, vote))
                stats.votes += 1
                if len(batch) >= 50000:
                    flush()
                    progress.update(part.done)
            flush()
        finally:
            progress.finish()
