"""The GDELT row parser's fast path gives what the full check gives: on real rows, and on the
same rows written the ways other tools write them (padded cells, integers as floats, NA and
NaN blanks, a dropped leading zero), which the fast path hands to the full check."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from tests.conftest import FIXTURES, shared_path

from foreigndesk.importers import gdelt
from foreigndesk.ingest.tabular import open_parts

GDELT2 = FIXTURES / "gdelt" / "gdelt2_sample.export.CSV"
GDELT1 = FIXTURES / "gdelt" / "gdelt1_daily.export.CSV"


def _parsed(path: Path) -> list[tuple]:
    out = []
    for part in open_parts(path):
        with part.stream:
            blanks, rows = gdelt._rows(part)
            for _line, getter, cells in rows:
                assert getter is not None
                fast = gdelt.parse_cells(getter, list(cells), blanks)
                cells = [*cells, ""]
                checked = gdelt._checked([None if (v := c.strip()) in blanks else v
                                          for c in getter(cells)])
                assert fast == checked, cells[0]
                out.append(fast)
    return out


def _rewrite(src: Path, dst: Path, change) -> None:
    with src.open(newline="", encoding="utf-8") as f:
        rows = [change(r) for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    with dst.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\").writerows(rows)


@pytest.mark.parametrize("path", [GDELT1, GDELT2], ids=["gdelt1", "gdelt2"])
def test_fast_path_equals_full_check_on_fixture_rows(path: Path, tmp_path: Path) -> None:
    good = _parsed_lenient(path)
    assert good
    # the same rows with every cell padded: the fast path must not keep the blanks
    padded = tmp_path / "padded.CSV"
    _rewrite(path, padded, lambda r: [f" {c} " if c else c for c in r])
    assert _parsed_lenient(padded) == good


def _parsed_lenient(path: Path) -> list[tuple]:
    """Like _parsed, skipping the rows the importer reports as bad (the fixtures hold one)."""
    out = []
    for part in open_parts(path):
        with part.stream:
            blanks, rows = gdelt._rows(part)
            for _line, getter, cells in rows:
                if getter is None:
                    continue
                try:
                    fast = gdelt.parse_cells(getter, list(cells), blanks)
                except gdelt.BadRow:
                    with pytest.raises(gdelt.BadRow):
                        gdelt._checked([None if (v := c.strip()) in blanks else v
                                        for c in getter([*cells, ""])])
                    continue
                checked = gdelt._checked([None if (v := c.strip()) in blanks else v
                                          for c in getter([*cells, ""])])
                assert fast == checked
                out.append(fast)
    return out


@pytest.mark.shared
def test_fast_path_equals_full_check_on_real_rows_and_their_variants(tmp_path: Path) -> None:
    src = shared_path("eval", "gdelt1_sample_georgia_2012-11",
                      "gdelt1_events_2012-11_georgia_subset.csv")
    rows = _parsed(src)
    assert len(rows) > 5000
    with src.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        cells = list(reader)
    col = {n.lower(): i for i, n in enumerate(header)}

    def variant(r: list[str], k: int) -> list[str]:
        r = list(r)
        if k % 4 == 0:  # integers written as floats (as pandas does)
            for name in ("quadclass", "nummentions", "isrootevent", "actiongeo_type"):
                r[col[name]] = f"{r[col[name]]}.0" if r[col[name]] != "NA" else "NA"
        elif k % 4 == 1:  # NaN for a blank tone
            r[col["avgtone"]] = "NaN"
        elif k % 4 == 2 and r[col["eventcode"]].startswith("0"):  # a dropped leading zero
            r[col["eventcode"]] = r[col["eventcode"]].lstrip("0")
        else:  # padded text
            r[col["actor1name"]] = f"  {r[col['actor1name']]} "
        return r

    out = tmp_path / "variants.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        for k, r in enumerate(cells):
            w.writerow(variant(r, k))
    again = _parsed(out)
    assert len(again) == len(rows)
    for k, (a, b) in enumerate(zip(rows, again, strict=True)):
        if k % 4 == 1:
            assert b[19] is None  # AvgTone: NaN is a blank, not a number
            a, b = a[:19] + a[20:], b[:19] + b[20:]
        assert a == b, k
