"""Read GDELT event export files into :class:`~foreigndesk.records.GdeltEvent` records, handed
to the store in batches (:func:`foreigndesk.store.bulk_imports.add_gdelt_events`: the
``events`` table, ``origin = 'gdelt'``).

Layouts (the published ones):

* GDELT 1.0 daily exports (``YYYYMMDD.export.CSV``): 58 tab-separated columns, no header,
  ``SOURCEURL`` last; the historical back files (before April 2013) have the first 57.
* GDELT 2.0 event exports (``YYYYMMDDHHMMSS.export.CSV``): 61 tab-separated columns, no header
  (an ``ADM2Code`` after each ``ADM1Code``; ``DATEADDED`` is YYYYMMDDHHMMSS).
* The same with a header row (the column names), tab- or comma-separated, quoted or not, with
  ``NA`` or empty cells for blanks (as R and BigQuery write them).

Plain, ``.gz`` or ``.zip`` files. Each row becomes one event: GLOBALEVENTID as ``external_id``
(re-importing a file adds nothing), Goldstein and QuadClass exactly as in the file, the date
from SQLDATE, ActionGeo as the place (FIPS country code mapped to ISO3). GDELT counts reports,
not events: a row is stored as GDELT gives it, with its NumMentions/NumSources/NumArticles.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from foreigndesk.ingest.background import in_background
from foreigndesk.ingest.country_codes import fips_to_iso3
from foreigndesk.ingest.tabular import (
    BadRowHandler,
    Progress,
    TextPart,
    bounded_lines,
    open_parts,
)
from foreigndesk.records import GdeltEvent
from foreigndesk.store import Store
from foreigndesk.store.bulk_imports import BULK_MIN_ROWS, add_gdelt_events, bulk_worth

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
_GEO1 = ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"]
_GEO2 = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_HEAD = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]


def _layout(geo: list[str]) -> list[str]:
    return (_HEAD + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR] + _EVENT
            + [f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in geo]
            + ["DATEADDED", "SOURCEURL"])


GDELT1_COLUMNS = _layout(_GEO1)  # 58
GDELT2_COLUMNS = _layout(_GEO2)  # 61
LAYOUTS = {57: GDELT1_COLUMNS[:57], 58: GDELT1_COLUMNS, 61: GDELT2_COLUMNS}
REQUIRED = ("globaleventid", "sqldate", "eventcode", "quadclass", "goldsteinscale")
# header spellings other tools use for the same column
_ALIASES = {"day": "sqldate"}
# blank cells: tab-separated exports leave them empty; comma CSVs written by R or pandas may say NA
TAB_BLANKS = frozenset({""})
CSV_BLANKS = frozenset({"", "NA", "NaN", "NULL"})
_FIPS = fips_to_iso3()  # FIPS 10-4 country code (ActionGeo) -> ISO3
# the columns a record is made of, in the order parse_row reads them
_READ = ("globaleventid", "actor1code", "actor1name", "actor1countrycode", "actor2code",
         "actor2name", "actor2countrycode", "eventcode", "eventrootcode", "quadclass",
         "goldsteinscale", "sqldate", "actiongeo_type", "actiongeo_fullname",
         "actiongeo_countrycode", "actiongeo_lat", "actiongeo_long", "nummentions",
         "numsources", "numarticles", "avgtone", "isrootevent", "dateadded", "sourceurl")


class BadRow(ValueError):
    """A row that cannot be imported (the reason is the message)."""


class BadFile(ValueError):
    """A file that is not a GDELT event export."""


@dataclass
class ImportStats:
    rows: int = 0     # data rows read
    added: int = 0    # new events
    present: int = 0  # already in the store (same GLOBALEVENTID)
    bad: int = 0      # rows reported and skipped
    files: list[str] = field(default_factory=list)


def _int(v: str | None, what: str) -> int | None:
    if v is None:
        return None
    try:
        return int(v)
    except ValueError:
        try:
            f = float(v)
        except ValueError:
            raise BadRow(f"{what} is not a number: {v!r}") from None
        if f != int(f):
            raise BadRow(f"{what} is not a whole number: {v!r}") from None
        return int(f)


def _float(v: str | None, what: str) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except ValueError:
        raise BadRow(f"{what} is not a number: {v!r}") from None


def _date(v: str | None, what: str) -> str:
    if v is None:
        raise BadRow(f"{what} is empty")
    if "." in v:  # written as a float by some tools
        v = v.split(".", 1)[0]
    if len(v) != 8 or not v.isdigit():
        raise BadRow(f"{what} is not YYYYMMDD: {v!r}")
    y, m, d = v[:4], v[4:6], v[6:]
    if not (1 <= int(m) <= 12 and 1 <= int(d) <= 31):
        raise BadRow(f"{what} is not a valid date: {v!r}")
    return f"{y}-{m}-{d}"


def _date_added(v: str | None) -> str | None:
    if v is None:
        return None
    v = v.split(".", 1)[0]
    if len(v) == 8 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:]}"
    if len(v) == 14 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:8]}T{v[8:10]}:{v[10:12]}:{v[12:]}"
    return v


def _codes(code: str | None, root: str | None) -> tuple[str, str]:
    """CAMEO event code and root as two-digit-rooted strings; repairs codes whose leading zero
    a spreadsheet or R dropped ("30" with root "3" -> "030", "03")."""
    if code is None:
        raise BadRow("EventCode is empty")
    if not code.isdigit():
        raise BadRow(f"EventCode is not a CAMEO code: {code!r}")
    if root is not None and root.isdigit():
        root = root.zfill(2)
        if not code.startswith(root) and ("0" + code).startswith(root):
            code = "0" + code
    elif len(code) in (1, 3):
        code = "0" + code
    if len(code) == 1:
        code = "0" + code
    root = code[:2]
    if not (2 <= len(code) <= 4 and 1 <= int(root) <= 20):
        raise BadRow(f"EventCode is not a CAMEO code: {code!r}")
    return code, root


_QUADS = {"1": 1, "2": 2, "3": 3, "4": 4}
# values that repeat across a file's rows (days, codes), checked once
_DATES: dict[str, str] = {}
_DATES_ADDED: dict[str | None, str | None] = {None: None}
_CODES: dict[tuple[str, str | None], tuple[str, str]] = {}
_CACHE_MAX = 100_000

Getter = Callable[[list[str]], tuple[str, ...]]
_GETTERS: dict[tuple[int, ...], Getter] = {}


def cells_getter(index: dict[str, int]) -> Getter:
    """The cells of :data:`_READ` from a row, for a file whose columns are ``index`` (a
    missing column reads the blank cell :func:`parse_row` appends to every row: position -1)."""
    key = tuple(index.get(name, -1) for name in _READ)
    getter = _GETTERS.get(key)
    if getter is None:
        getter = _GETTERS[key] = itemgetter(*key)
    return getter


def parse_row(getter: Getter, cells: list[str],
              blanks: frozenset[str] = TAB_BLANKS) -> GdeltEvent:
    """The event of one GDELT row (``getter`` from :func:`cells_getter`); raises BadRow.
    ``cells`` gets a blank cell appended."""
    return _as_event(parse_cells(getter, cells, blanks))


_as_event = partial(tuple.__new__, GdeltEvent)


def parse_cells(getter: Getter, cells: list[str],
                blanks: frozenset[str] = TAB_BLANKS) -> tuple[Any, ...]:
    """The fields of :class:`GdeltEvent` for one row, as a plain tuple (what the store binds
    fastest); raises BadRow. ``cells`` gets a blank cell appended.

    Plain values take a fast path: the cells stripped and blanks made None by C-level maps,
    days and codes looked up among those already checked, numbers converted as they are. A
    row with anything else (a blank where a number is expected, an integer written as a
    float, a bad value) goes through :func:`_checked`, which repairs what it can and names
    the rest."""
    cells.append("")
    stripped = list(map(str.strip, getter(cells)))
    vals: list[str | None] = list(map(_blank_map(blanks).get, stripped, stripped))
    (gid, a1code, a1name, a1country, a2code, a2name, a2country, ecode, eroot, quad_s, gs_s,
     sqldate, geo_type_s, place, fips, lat_s, lon_s, mentions, sources, articles, tone,
     is_root, added, url) = vals
    try:
        if not gid.isdigit():  # type: ignore[union-attr]
            raise ValueError
        date = _DATES[sqldate]  # type: ignore[index]
        code, root = _CODES[(ecode, eroot)]  # type: ignore[index]
        quad = _QUADS[quad_s]  # type: ignore[index]
        gs = float(gs_s)  # type: ignore[arg-type]
        if not -10.0 <= gs <= 10.0:
            raise ValueError
        if geo_type_s is None or geo_type_s == "0" or not int(geo_type_s):
            place = place_country = lat = lon = None
        else:
            place_country = _FIPS.get(fips) if fips else None
            lat, lon = float(lat_s), float(lon_s)  # type: ignore[arg-type]
        return (gid, a1code, a1name, a1country, a2code, a2name, a2country, code, root, quad,
                gs, date, place, place_country, lat, lon, int(mentions),  # type: ignore[arg-type]
                int(sources), int(articles), float(tone),  # type: ignore[arg-type]
                int(is_root), _DATES_ADDED[added], url)  # type: ignore[arg-type]
    except (KeyError, ValueError, TypeError, AttributeError):
        return _checked(vals)


_BLANK_MAPS: dict[frozenset[str], dict[str, None]] = {}


def _blank_map(blanks: frozenset[str]) -> dict[str, None]:
    """Blank marker -> None (``.get(v, v)`` keeps every other value)."""
    m = _BLANK_MAPS.get(blanks)
    if m is None:
        m = _BLANK_MAPS[blanks] = dict.fromkeys(blanks)
    return m


def _checked(vals: list[str | None]) -> tuple[Any, ...]:
    """The event of a row's values, every one checked (repairs dropped leading zeros and
    integers written as floats); raises BadRow naming the first bad value."""
    (gid, a1code, a1name, a1country, a2code, a2name, a2country, ecode, eroot, quad_s, gs_s,
     sqldate, geo_type_s, place, fips, lat_s, lon_s, mentions, sources, articles, tone,
     is_root, added, url) = vals
    if gid is None or not gid.isdigit():
        raise BadRow(f"GLOBALEVENTID is not a number: {gid!r}")
    date = _date(sqldate, "SQLDATE")
    if len(_DATES) < _CACHE_MAX:
        _DATES[sqldate] = date  # type: ignore[index]
    code, root = _codes(ecode, eroot)
    _CODES[(ecode, eroot)] = (code, root)  # type: ignore[index]  # valid codes: a few hundred
    quad = _int(quad_s, "QuadClass")
    if quad not in (1, 2, 3, 4):
        raise BadRow(f"QuadClass is not 1-4: {quad_s!r}")
    gs = _float(gs_s, "GoldsteinScale")
    if gs is None or not -10.0 <= gs <= 10.0:
        raise BadRow(f"GoldsteinScale is not within -10..10: {gs_s!r}")
    if _int(geo_type_s, "ActionGeo_Type"):
        place_country = _FIPS.get(fips) if fips else None
        lat = _float(lat_s, "ActionGeo_Lat")
        lon = _float(lon_s, "ActionGeo_Long")
    else:
        place = place_country = lat = lon = None
    date_added = _date_added(added)
    if added is not None and added.split(".", 1)[0].isdigit() and len(_DATES_ADDED) < _CACHE_MAX:
        _DATES_ADDED[added] = date_added  # a date whatever the file's blanks
    return (gid, a1code, a1name, a1country, a2code, a2name, a2country, code, root, quad, gs,
            date, place, place_country, lat, lon,
            _int(mentions, "NumMentions"), _int(sources, "NumSources"),
            _int(articles, "NumArticles"), _float(tone, "AvgTone"),
            _int(is_root, "IsRootEvent"), date_added, url)


def _index(names: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, n in enumerate(names):
        key = n.strip().strip('"').lstrip("\ufeff").lower()
        out.setdefault(_ALIASES.get(key, key), i)
    return out


Rows = Iterator[tuple[int, Getter | None, list[str]]]


def _rows(part: TextPart) -> tuple[frozenset[str], Rows]:
    """The file's blank markers, and its rows as (line number, cells getter or None for a
    row that cannot be read (its cells are then [reason]), cells)."""
    lines = bounded_lines(part.stream, part.label)
    first = next(lines, "").lstrip("\ufeff")
    delimiter = "\t" if "\t" in first else ","
    return (TAB_BLANKS if delimiter == "\t" else CSV_BLANKS), _iter_rows(lines, first, delimiter)


def _split_tabs(lines: Iterable[str]) -> Iterator[list[str]]:
    """The cells of unquoted tab-separated lines (one line, one row: what ``csv`` with
    QUOTE_NONE reads, at half its cost); a NUL character is refused as ``csv`` refuses it."""
    for line in lines:
        if "\0" in line:
            raise csv.Error("line contains NUL")
        yield line.rstrip("\r\n").split("\t")


def _iter_rows(rest: Iterator[str], first: str, delimiter: str) -> Rows:
    if not first:
        return
    lines = itertools.chain([first], rest)
    records: Iterator[tuple[int, list[str]]]
    if delimiter == "\t" and not first.startswith('"'):  # GDELT's own files are unquoted
        records = enumerate(_split_tabs(lines), 1)
    else:
        reader = csv.reader(lines, delimiter=delimiter)
        records = ((reader.line_num, cells) for cells in reader)
    header: Getter | None = None
    width = 0
    layout_getter: Getter | None = None
    for line, cells in records:
        n = len(cells)
        if header is not None:
            if n == width:
                yield line, header, cells
            elif n > 1 or (n == 1 and cells[0].strip()):
                yield line, None, [f"{n} columns where the header has {width}"]
            continue
        if n == width and layout_getter is not None:  # the layout of the row before
            yield line, layout_getter, cells
            continue
        if line == 1 and cells and \
                cells[0].strip().strip('"').lstrip("\ufeff").lower() == "globaleventid":
            index = _index(cells)
            missing = [c for c in REQUIRED if c not in index]
            if missing:
                raise BadFile(f"the header lacks GDELT columns: {', '.join(missing)}")
            header, width = cells_getter(index), n
            continue
        if not cells or (n == 1 and not cells[0].strip()):
            continue
        layout = LAYOUTS.get(n)
        if layout is None:
            if line == 1 and delimiter == ",":
                raise BadFile("not a GDELT event export (no GLOBALEVENTID header, not "
                              "tab-separated)")
            yield line, None, [f"{n} columns: a GDELT event export has 57, 58 "
                               "(GDELT 1.0) or 61 (GDELT 2.0)"]
            continue
        layout_getter, width = cells_getter(_index(layout)), n
        yield line, layout_getter, cells


BACKGROUND_MIN_BYTES = 48 * 2**20
"""A file at least this large (on disk) is read and parsed in a second process while this one
writes (:func:`foreigndesk.ingest.background.in_background`). Measured on a quiet 2-core
machine, new store, wall clock: 1M rows (222 MB) 55,600 -> 68,900 rows/s, 300k rows (66 MB)
63,300 vs 54,100, 104,600 rows (36 MB) a tie (the child's start and the marshalled batches cost
what the overlap saves), so smaller files stay in one process."""


# What read_file yields: plain tuples, which cross from the reading process by marshal
PART = 0  # (PART, label, total): a file part (the file, or a zip member) of total bytes begins
ROWS = 1  # (ROWS, events, bad, rows, done): up to one batch of events (plain tuples of
#           GdeltEvent's fields), the rows refused among them as (line number, reason), how
#           many rows were read, and how many bytes of the part so far
END = 2  # (END,): the current part is read to its end
Item = tuple[Any, ...]


def read_file(path: str | Path, batch: int) -> Generator[Item, None, None]:
    """The parsed rows of a GDELT file, part by part (a zip member each), in batches of up to
    ``batch`` events. Raises OSError, :class:`BadFile` or
    :class:`~foreigndesk.ingest.tabular.DataFileError` where the file stops being readable
    (after the batches read before; the rows of the batch in progress are dropped, its bad
    rows are still yielded)."""
    for part in open_parts(path):
        yield PART, part.label, part.total
        yield from _batches(part, batch)
        yield (END,)


def _batches(part: TextPart, batch: int) -> Iterator[Item]:
    blanks, rows = _rows(part)
    events: list[tuple[Any, ...]] = []
    bad: list[tuple[int, str]] = []
    n = 0
    try:
        for line, index, cells in rows:
            n += 1
            if index is None:
                bad.append((line, cells[0]))
            else:
                try:
                    events.append(parse_cells(index, cells, blanks))
                except BadRow as e:
                    bad.append((line, str(e)))
            if len(events) >= batch or len(bad) >= batch:
                yield ROWS, events, bad, n, part.done
                events, bad, n = [], [], 0
    except Exception as e:  # the rows refused so far are still reported
        yield ROWS, [], bad, n, part.done
        if isinstance(e, csv.Error):
            raise BadFile(f"not readable as CSV: {e}") from None
        raise
    yield ROWS, events, bad, n, part.done


def import_files(store: Store, paths: Iterable[str | Path], on_bad: BadRowHandler,
                 progress: Progress | None = None, batch: int = 50_000,
                 bulk_min: int = BULK_MIN_ROWS,
                 background_min: int = BACKGROUND_MIN_BYTES) -> ImportStats:
    """Import GDELT event export files; bad rows go to ``on_bad`` and are skipped, the rest is
    handed to the store in batches of ``batch`` rows (one transaction each). Raises OSError /
    BadFile for a whole file.

    A file that fills a batch and looks (from the bytes read by then) like ``bulk_min`` rows
    or more goes in bulk when :func:`~foreigndesk.store.bulk_imports.bulk_worth` says so: its
    batches are savepoints of one transaction around :meth:`Store.bulk_events` (SQLite),
    which builds the indexes of ``events`` once at the end; a file damaged half-way still
    keeps the rows read before, an interrupt keeps none of the file. A file of
    ``background_min`` bytes or more is parsed in a second process (:func:`read_file` run
    by :func:`~foreigndesk.ingest.background.in_background`) while this one writes."""
    progress = progress or Progress()
    stats = ImportStats()
    for path in paths:
        items = (in_background(read_file, path, batch)
                 if Path(path).stat().st_size >= background_min else read_file(path, batch))
        try:
            for head in items:
                if head[0] != PART:
                    raise TypeError(f"expected the start of a file part, got {head[0]!r}")
                _, label, total = head
                stats.files.append(label)
                progress.start(label, total)
                try:
                    with ExitStack() as bulk:
                        _import_part(store, label, total, items, on_bad, progress, stats,
                                     batch, bulk_min, bulk)
                finally:
                    progress.finish()
        finally:
            items.close()
    store.refresh_statistics()  # the planner's statistics after a bulk load (ANALYZE)
    return stats


def _import_part(store: Store, label: str, total: int, items: Iterator[Item],
                 on_bad: BadRowHandler, progress: Progress, stats: ImportStats, batch: int,
                 bulk_min: int, bulk: ExitStack) -> None:
    """Write the batches of one file part, up to its END; at the first batch with events,
    decide from the bytes read so far whether the part goes in bulk."""
    read = 0
    decided = False
    for item in items:
        if item[0] == END:
            return
        _, events, bad, rows, done = item
        stats.rows += rows
        read += rows
        for line, reason in bad:
            stats.bad += 1
            on_bad(label, line, reason)
        if events:
            if not decided:
                decided = True
                if len(events) >= batch and done and \
                        bulk_worth(store, read * total // done, bulk_min):
                    bulk.enter_context(store.bulk_events(analyze=False))
            added = add_gdelt_events(store, events)
            stats.added += added
            stats.present += len(events) - added
        progress.update(done)
