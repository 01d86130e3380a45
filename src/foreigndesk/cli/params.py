"""Validated command-line input: dates, actors, the store to read.

Every refusal is one line on stderr (``foreigndesk: ...``) and exit status 1, never an empty
result that looks like an answer and never a traceback.

Dates (``--since``, ``--until``): ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a real day: not
2023-02-30, not 2021-13-45), or a named relative date: ``today``, ``yesterday``,
``this week|month|year``, ``last week|month|year``, ``N days|weeks|months|years ago``. A
named date becomes the ISO date, month or year it names, counted from today.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from foreigndesk.cli.output import fail

F = TypeVar("F", bound=Callable[..., Any])

DATE_HELP = ("YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, this/last week|month|year, "
             "N days|weeks|months|years ago")
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d{1,4}) (day|week|month|year)s? ago$")


def _month_back(d: dt.date, months: int) -> tuple[int, int]:
    n = d.year * 12 + d.month - 1 - months
    return n // 12, n % 12 + 1


def parse_cli_date(value: str, today: dt.date | None = None) -> str | None:
    """The ISO date, month or year ``value`` names, or None when it names none."""
    today = today or dt.date.today()
    v = " ".join(value.strip().lower().split())
    m = _ISO.match(v)
    if m:
        year = int(m.group(1))
        if not 1000 <= year <= 2999:
            return None
        if m.group(2) is None:
            return f"{year:04d}"
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return None
        if m.group(3) is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, int(m.group(3))).isoformat()
        except ValueError:
            return None
    if v == "today":
        return today.isoformat()
    if v == "yesterday":
        return (today - dt.timedelta(days=1)).isoformat()
    unit_back = {"this": 0, "last": 1}
    words = v.split()
    if len(words) == 2 and words[0] in unit_back:
        back = unit_back[words[0]]
        return _back(today, words[1], back)
    m = _AGO.match(v)
    if m:
        return _back(today, m.group(2), int(m.group(1)), exact=True)
    return None


def _back(today: dt.date, unit: str, n: int, exact: bool = False) -> str | None:
    if unit == "day":
        return (today - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return (today - dt.timedelta(weeks=n)).isoformat()
    if unit == "month":
        y, mo = _month_back(today, n)
        return f"{y:04d}-{mo:02d}-{today.day:02d}" if exact and today.day <= 28 else \
            f"{y:04d}-{mo:02d}"
    if unit == "year":
        return f"{today.year - n:04d}"
    return None


def _date_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    iso = parse_cli_date(value)
    if iso is None:
        fail(f"--{param.name}: {value!r} is not a date ({DATE_HELP})")
    return iso


def date_option(name: str, help: str) -> Callable[[F], F]:
    """``--since`` / ``--until``, validated (see the module docstring)."""
    return click.option(f"--{name}", default=None, callback=_date_callback,
                        help=f"{help} ({DATE_HELP}).")


def check_actors(store: Any, actors: Sequence[str], option: str = "--actor") -> None:
    """Exit with one line when an actor is unknown to the store, suggesting close matches."""
    from foreigndesk.store.lookup import actor_known, actor_vocabulary

    for a in actors:
        if not a.strip() or actor_known(store, a):
            continue
        vocab = actor_vocabulary(store)
        by_lower = {w.lower(): w for w in vocab}
        close = difflib.get_close_matches(a.lower(), list(by_lower), n=4, cutoff=0.6)
        hint = f" (did you mean {', '.join(by_lower[c] for c in close)}?)" if close else \
            " (foreigndesk actors lists them)"
        fail(f"{option} {a!r}: no such actor in this store{hint}")


def event_filter_options(since_help: str = "Only events dated on or after this date",
                         until_help: str = "Only events dated on or before this date"
                         ) -> Callable[[F], F]:
    """The options of :class:`foreigndesk.store.filters.EventFilter`, the same for every
    command that selects events (``events``, ``export``): ``--actor``, ``--dyad``,
    ``--undirected``, ``--code``, ``--since``, ``--until``, ``--source``, ``--modality``,
    ``--limit``."""
    from foreigndesk.model import MODALITIES

    options = [
        click.option("--actor", "-a", "actor_list", multiple=True,
                     help="Only events with this actor as source or target: a country code "
                          "(CHN) or name (cuba), a CAMEO actor code (CUBGOV), an actor id or a "
                          "name. Repeat for several (any)."),
        click.option("--dyad", default=None, metavar="A-B",
                     help="Only events from A to B (country codes or names, e.g. CHN-CUB or "
                          "china-cuba); add --undirected for both directions."),
        click.option("--undirected", is_flag=True,
                     help="With --dyad: events in either direction."),
        click.option("--code", "codes", multiple=True, metavar="CODE",
                     help="Only events whose CAMEO code starts with CODE (05: every 05x "
                          "code). Repeat for several."),
        date_option("since", since_help),
        date_option("until", until_help),
        click.option("--source", "origin", type=click.Choice(["news", "gdelt", "all"]),
                     default="all", show_default=True,
                     help="Events coded from the stored news, imported GDELT rows, or both."),
        click.option("--modality", "modalities", multiple=True, type=click.Choice(MODALITIES),
                     help="Only events of this modality (repeat for several; default: all). "
                          "GDELT rows are all 'asserted'."),
        click.option("--limit", type=click.IntRange(1), default=None,
                     help="At most this many events (latest first when set)."),
    ]

    def apply(f: F) -> F:
        for option in reversed(options):
            f = option(f)
        return f

    return apply
