"""Import GDELT event export files into the ``events`` table (``origin = 'gdelt'``).

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
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foreigndesk.ingest.country_codes import fips_to_iso3
from foreigndesk.ingest.tabular import (
    BadRowHandler,
    Progress,
    TextPart,
    bounded_lines,
    open_parts,
)
from foreigndesk.store import Store

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

_INSERT = (
    "INSERT OR IGNORE INTO events(origin,external_id,source_code,source_name,source_country,"
    "target_code,target_name,target_country,code,root,quad_class,goldstein,date,date_precision,"
    "date_source,place,place_country,lat,lon,modality,n_mentions,n_sources,n_articles,avg_tone,"
    "is_root,date_added,source_url) VALUES ('gdelt',?,?,?,?,?,?,?,?,?,?,?,?,'day','gdelt',?,?,?,?,"
    "'asserted',?,?,?,?,?,?,?)"
)


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


class _Row:
    """Column access by GDELT name over one row's cells."""

    __slots__ = ("blanks", "cells", "index")

    def __init__(self, index: dict[str, int], cells: list[str], blanks: frozenset[str]) -> None:
        self.index = index
        self.cells = cells
        self.blanks = blanks

    def __getitem__(self, name: str) -> str | None:
        i = self.index.get(name)
        if i is None:
            return None
        v = self.cells[i].strip()
        return None if v in self.blanks else v


def parse_row(index: dict[str, int], cells: list[str],
              blanks: frozenset[str] = TAB_BLANKS) -> tuple[Any, ...]:
    """The ``events`` insert parameters of one GDELT row (see ``_INSERT``); raises BadRow."""
    r = _Row(index, cells, blanks)
    gid = r["globaleventid"]
    if gid is None or not gid.isdigit():
        raise BadRow(f"GLOBALEVENTID is not a number: {gid!r}")
    date = _date(r["sqldate"], "SQLDATE")
    code, root = _codes(r["eventcode"], r["eventrootcode"])
    quad = _int(r["quadclass"], "QuadClass")
    if quad not in (1, 2, 3, 4):
        raise BadRow(f"QuadClass is not 1-4: {r['quadclass']!r}")
    gs = _float(r["goldsteinscale"], "GoldsteinScale")
    if gs is None or not -10.0 <= gs <= 10.0:
        raise BadRow(f"GoldsteinScale is not within -10..10: {r['goldsteinscale']!r}")
    geo_type = _int(r["actiongeo_type"], "ActionGeo_Type")
    if geo_type:
        place = r["actiongeo_fullname"]
        fips = r["actiongeo_countrycode"]
        place_country = fips_to_iso3().get(fips) if fips else None
        lat = _float(r["actiongeo_lat"], "ActionGeo_Lat")
        lon = _float(r["actiongeo_long"], "ActionGeo_Long")
    else:
        place = place_country = lat = lon = None
    return (
        gid, r["actor1code"], r["actor1name"], r["actor1countrycode"],
        r["actor2code"], r["actor2name"], r["actor2countrycode"],
        code, root, quad, gs, date, place, place_country, lat, lon,
        _int(r["nummentions"], "NumMentions"), _int(r["numsources"], "NumSources"),
        _int(r["numarticles"], "NumArticles"), _float(r["avgtone"], "AvgTone"),
        _int(r["isrootevent"], "IsRootEvent"), _date_added(r["dateadded"]), r["sourceurl"],
    )


def _index(names: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, n in enumerate(names):
        key = n.strip().strip('"').lstrip("\ufeff").lower()
        out.setdefault(_ALIASES.get(key, key), i)
    return out


Rows = Iterator[tuple[int, dict[str, int] | None, list[str]]]


def _rows(part: TextPart) -> tuple[frozenset[str], Rows]:
    """The file's blank markers, and its rows as (line number, column index or None for a
    row that cannot be read (its cells are then [reason]), cells)."""
    lines = bounded_lines(part.stream, part.label)
    first = next(lines, "").lstrip("\ufeff")
    delimiter = "\t" if "\t" in first else ","
    return (TAB_BLANKS if delimiter == "\t" else CSV_BLANKS), _iter_rows(lines, first, delimiter)


def _iter_rows(rest: Iterator[str], first: str, delimiter: str) -> Rows:
    if not first:
        return
    lines = itertools.chain([first], rest)
    if delimiter == "\t" and not first.startswith('"'):  # GDELT's own files are unquoted
        reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(lines, delimiter=delimiter)
    header: dict[str, int] | None = None
    width = 0
    for cells in reader:
        line = reader.line_num
        if header is None and line == 1 and cells and \
                cells[0].strip().strip('"').lstrip("\ufeff").lower() == "globaleventid":
            header = _index(cells)
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise BadFile(f"the header lacks GDELT columns: {', '.join(missing)}")
            width = len(cells)
            continue
        if not cells or (len(cells) == 1 and not cells[0].strip()):
            continue
        if header is not None:
            if len(cells) != width:
                yield line, None, [f"{len(cells)} columns where the header has {width}"]
                continue
            yield line, header, cells
        else:
            layout = LAYOUTS.get(len(cells))
            if layout is None:
                if line == 1 and delimiter == ",":
                    raise BadFile("not a GDELT event export (no GLOBALEVENTID header, not "
                                  "tab-separated)")
                yield line, None, [f"{len(cells)} columns: a GDELT event export has 57, 58 "
                                   "(GDELT 1.0) or 61 (GDELT 2.0)"]
                continue
            yield line, _layout_index(len(cells)), cells


_LAYOUT_INDEX: dict[int, dict[str, int]] = {}


def _layout_index(width: int) -> dict[str, int]:
    if width not in _LAYOUT_INDEX:
        _LAYOUT_INDEX[width] = _index(LAYOUTS[width])
    return _LAYOUT_INDEX[width]


def import_files(store: Store, paths: Iterable[str | Path], on_bad: BadRowHandler,
                 progress: Progress | None = None, batch: int = 5000) -> ImportStats:
    """Import GDELT event export files; bad rows go to ``on_bad`` and are skipped, the rest is
    stored in transactions of ``batch`` rows. Raises OSError / BadFile for a whole file."""
    progress = progress or Progress()
    stats = ImportStats()
    for path in paths:
        for part in open_parts(path):
            stats.files.append(part.label)
            progress.start(part.label, part.total)
            try:
                _import_part(store.conn, part, on_bad, progress, stats, batch)
            finally:
                progress.finish()
    return stats


def _import_part(conn: sqlite3.Connection, part: TextPart, on_bad: BadRowHandler,
                 progress: Progress, stats: ImportStats, batch: int) -> None:
    pending: list[tuple[Any, ...]] = []

    def flush() -> None:
        if not pending:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.executemany(_INSERT, pending)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        added = max(cur.rowcount, 0)
        stats.added += added
        stats.present += len(pending) - added
        pending.clear()
        progress.update(part.done)

    blanks, rows = _rows(part)
    try:
        for line, index, cells in rows:
            stats.rows += 1
            if index is None:
                stats.bad += 1
                on_bad(part.label, line, cells[0])
                continue
            try:
                pending.append(parse_row(index, cells, blanks))
            except BadRow as e:
                stats.bad += 1
                on_bad(part.label, line, str(e))
                continue
            if len(pending) >= batch:
                flush()
    except csv.Error as e:
        raise BadFile(f"not readable as CSV: {e}") from None
    flush()
