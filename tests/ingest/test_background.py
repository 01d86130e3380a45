"""A generator run in a second process (``foreigndesk.ingest.background``): its items arrive in
order, its exception after them, a dead child is an error rather than a hang, the child stops
when the parent stops reading, and it runs at most about one item ahead of the parent."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest

from foreigndesk.ingest.background import BackgroundError, in_background


class OddError(Exception):
    """An exception pickle cannot rebuild (its constructor takes two arguments)."""

    def __init__(self, a: str, b: str) -> None:
        super().__init__(f"{a}/{b}")


# the producers run in the child: module-level functions of an importable module

def squares(n: int) -> Iterator[tuple[int, int]]:
    for i in range(n):
        yield i, i * i


def mixed(n: int) -> Iterator[object]:
    for i in range(n):  # plain data (marshal), then objects that only pickle carries
        yield (i, f"row {i}", [None, 1.5]) if i % 2 else Fraction(i, 3)


def fails_after(n: int, kind: str) -> Iterator[int]:
    yield from range(n)
    if kind == "value":
        raise ValueError(f"row {n} is bad")
    if kind == "odd":
        raise OddError("x", "y")
    os._exit(3)  # the process dies without a word


def pid_then_forever() -> Iterator[int]:
    yield os.getpid()
    while True:
        yield 0


def counted(log: str, size: int) -> Iterator[bytes]:
    for i in range(1000):
        Path(log).write_text(str(i))  # the item made last
        yield bytes(size)


def test_items_arrive_in_order() -> None:
    assert list(in_background(squares, 500)) == list(squares(500))
    got = list(in_background(mixed, 50))
    assert got == list(mixed(50))
    assert [type(x) for x in got] == [type(x) for x in mixed(50)]


def test_the_generators_exception_comes_after_its_items() -> None:
    got: list[int] = []
    with pytest.raises(ValueError, match="row 7 is bad"):
        for x in in_background(fails_after, 7, "value"):
            got.append(x)
    assert got == list(range(7))


def test_an_exception_pickle_cannot_rebuild_keeps_its_message() -> None:
    with pytest.raises(BackgroundError, match="OddError: x/y"):
        list(in_background(fails_after, 2, "odd"))


def test_a_child_that_dies_is_an_error_not_a_hang() -> None:
    got: list[int] = []
    with pytest.raises(BackgroundError, match="exit code 3"):
        for x in in_background(fails_after, 3, "exit"):
            got.append(x)
    assert got == [0, 1, 2]


def test_closing_early_stops_the_child() -> None:
    items = in_background(pid_then_forever)
    pid = next(items)
    assert pid != os.getpid()
    next(items)
    items.close()
    with pytest.raises(ProcessLookupError):  # ended and reaped
        os.kill(pid, 0)


def test_the_child_runs_at_most_about_one_item_ahead(tmp_path: Path) -> None:
    log = tmp_path / "made.txt"
    items = in_background(counted, str(log), 1 << 20)  # 1 MB items: a pipe holds 64 KB
    next(items)
    time.sleep(1.0)  # ample time for the child to run ahead if nothing held it back
    made = int(log.read_text())
    items.close()
    assert made <= 2, made
