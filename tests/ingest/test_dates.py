"""Dates as readers meet them, normalised to ISO."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from foreigndesk.ingest.dates import normalise_date, parse_date


@pytest.mark.parametrize("text, iso", [
    ("January 18, 2023", "2023-01-18"),
    ("Jan. 18, 2023", "2023-01-18"),
    ("Jan 18 2023", "2023-01-18"),
    ("Sept. 5, 2023", "2023-09-05"),
    ("18 January 2023", "2023-01-18"),
    ("18th of January, 2023", "2023-01-18"),
    ("2023-01-18", "2023-01-18"),
    ("2023/1/8", "2023-01-08"),
    ("2023-01-18T10:00:00Z", "2023-01-18"),
    ("2023-01-18T23:30:00+05:30", "2023-01-18"),
    ("Wednesday, January 18, 2023", "2023-01-18"),
    ("Wed, 18 Jan 2023 10:00:00 GMT", "2023-01-18"),
    ("June 25, 2015 at 7:30 AM EDT", "2015-06-25"),
    ("14/03/2023", "2023-03-14"),
    ("03/14/2023", "2023-03-14"),
])
def test_day_shapes(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "03/04/2023",  # day and month could be either way round
    "Feb 30, 2023",  # no such day
    "Mayor 5, 2020",  # not a month
    "Ju 5, 2020",  # too short to be a month
    "January 18, 2023, the ministry said",  # more than a date
    "2023",  # a year is not a day
    "",
])
def test_not_a_day(text: str) -> None:
    assert parse_date(text) is None


def test_partial_dates_only_when_asked() -> None:
    assert parse_date("January 2023") is None
    assert parse_date("January 2023", partial=True) == "2023-01"
    assert parse_date("2023", partial=True) == "2023"
    assert normalise_date("2023-01") == "2023-01"


def test_other_types() -> None:
    assert normalise_date(dt.date(2021, 7, 11)) == "2021-07-11"
    assert normalise_date(dt.datetime(2021, 7, 11, 23, 59)) == "2021-07-11"
    assert normalise_date(time.strptime("2022-11-25", "%Y-%m-%d")) == "2022-11-25"
    assert normalise_date(None) is None
    assert normalise_date("next Tuesday") is None
