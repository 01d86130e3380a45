"""One meaning for a date value everywhere: bounds, order, overlap, compatibility, words."""

from __future__ import annotations

import pytest

from foreigndesk import timevalue as tv


@pytest.mark.parametrize("value,lo,hi", [
    ("2022-11-25", "2022-11-25", "2022-11-25"), ("2022-11-25T09:00", "2022-11-25", "2022-11-25"),
    ("2024-02", "2024-02-01", "2024-02-29"), ("2023-02", "2023-02-01", "2023-02-28"),
    ("2022", "2022-01-01", "2022-12-31"), ("198X", "1980-01-01", "1989-12-31"),
    ("19XX", "1900-01-01", "1999-12-31"), ("2022-W47", "2022-11-21", "2022-11-27"),
    ("2022-W47-WE", "2022-11-26", "2022-11-27"), ("2022-Q3", "2022-07-01", "2022-09-30"),
    ("2006-H2", "2006-07-01", "2006-12-31"), ("2021-SU", "2021-06-01", "2021-08-31"),
])
def test_bounds(value: str, lo: str, hi: str) -> None:
    assert tv.bounds(value) == (lo, hi)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "XXXX-11-25", "P5Y", "2023-02-30",
                                   "2022-W54", "nonsense"])
def test_values_without_a_calendar_period(value: str | None) -> None:
    assert tv.bounds(value) is None and tv.year_span(value) is None
    assert not tv.overlaps(value, "2020", None) and tv.overlaps(value, None, None)
    assert tv.sort_key(value) > tv.sort_key("2999-12-31")


def test_order_coarser_first_then_by_first_day() -> None:
    values = ["2022-11-25", "2022-W47", "2022-11", "2022", "202X", "2022-Q4", "2021-SU"]
    assert sorted(values, key=tv.sort_key) == [
        "202X", "2021-SU", "2022", "2022-Q4", "2022-11", "2022-W47", "2022-11-25"]


@pytest.mark.parametrize("value,since,until,inside", [
    ("2022-11-25", "2022-11", "2022-11", True), ("2022-11", "2022-11-30", None, True),
    ("2022-11", "2022-12", None, False), ("198X", None, "1980", True),
    ("198X", "1990", None, False), ("2022-Q3", "2022-10", None, False),
    ("2022-W47", None, "2022-11-20", False), ("2022-W47", None, "2022-11-21", True),
])
def test_overlaps_a_range(value: str, since: str | None, until: str | None, inside: bool) -> None:
    assert tv.overlaps(value, since, until) is inside


@pytest.mark.parametrize("a,b,same", [
    ("2022-11", "2022-11-25", True), ("198X", "1984", True), ("2022-W47", "2022-11-25", True),
    ("2022-W47", "2022-W48", False), ("2022-Q1", "2022-11-25", False), (None, "2022", False),
    ("2022-11-24", "2022-11-25", False),
])
def test_compatible(a: str | None, b: str | None, same: bool) -> None:
    assert tv.compatible(a, b) is same and tv.compatible(b, a) is same


def test_year_span_is_a_time_axis() -> None:
    lo, hi = tv.year_span("2022-07")  # type: ignore[misc]
    assert 2022.49 < lo < 2022.5 < hi < 2022.59
    assert tv.year_span("2022") == (2022.0, 2023.0)
    assert tv.year_span("198X") == (1980.0, 1990.0)


@pytest.mark.parametrize("value,words", [
    ("1960-09-28", "28 September 1960"), ("1960-11", "November 1960"), ("184X", "the 1840s"),
    ("19XX", "the 20th century"), ("2006-H2", "the second half of 2006"),
    ("2021-W28", "week 28 of 2021"), ("2022-SU", "summer 2022"), (None, "undated"),
    ("PRESENT_REF", "PRESENT_REF"),
])
def test_label(value: str | None, words: str) -> None:
    assert tv.label(value) == words
