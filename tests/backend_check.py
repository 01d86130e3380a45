"""Which tests touch a store without running on both backends (a pytest plugin, loaded by
``tests/conftest.py``).

While the suite runs, every store a test opens is noted against that test (its setup, call
and teardown): :meth:`foreigndesk.store.Store.open`, a :class:`PgConnection` made directly,
and ``sqlite3.connect`` called from a test module. A test *runs on both backends* when one of
its parametrised cases (same file, same function) has a parameter ``"postgres"``: it takes
``store_backend``, ``db_url``, ``module_db_url``, ``dossier_db`` or a fixture parametrised
over :data:`tests.conftest.BACKENDS`. The check works without PostgreSQL: the PostgreSQL
cases are collected (and skipped) all the same.

At the end of the session the tests that opened a store and have no PostgreSQL case are
listed in the terminal summary ("store tests not run on PostgreSQL"). ``--check-backends``
makes the session fail when there is any. A test that must stay on SQLite (it tests SQLite
itself) says so with the marker ``sqlite_only("reason")``, and is listed apart, with its
reason.

A child process (``subprocess.Popen``, the web tests' server, ``foreigndesk`` started as a
command) counts by its ``--db`` argument or its ``FOREIGNDESK_DB``; the check does not look
further into child processes.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

_TESTS = str(Path(__file__).resolve().parent)
_current: list[str] = []  # nodeid of the test being set up, run or torn down
_opened: dict[str, set[str]] = defaultdict(set)  # nodeid -> {"sqlite", "postgres"}
_items: dict[str, pytest.Item] = {}


def _note(dialect: str) -> None:
    if _current:
        _opened[_current[-1]].add(dialect)


def _install() -> None:
    from foreigndesk.store import Store
    from foreigndesk.store.backends import ENV, is_postgres
    from foreigndesk.store.backends import postgres as pg

    open_ = Store.open.__func__  # type: ignore[attr-defined]

    def open_noted(cls, path="foreigndesk.db", readonly=False):  # type: ignore[no-untyped-def]
        _note("postgres" if is_postgres(str(path)) else "sqlite")
        return open_(cls, path, readonly)

    Store.open = classmethod(open_noted)  # type: ignore[method-assign,assignment]
    pg_init = pg.PgConnection.__init__

    def pg_init_noted(self, url, readonly=False):  # type: ignore[no-untyped-def]
        _note("postgres")
        pg_init(self, url, readonly)

    pg.PgConnection.__init__ = pg_init_noted  # type: ignore[method-assign]
    connect = sqlite3.connect

    def connect_noted(*args, **kwargs):  # type: ignore[no-untyped-def]
        import sys

        caller = sys._getframe(1).f_code.co_filename
        if caller.startswith(_TESTS) and not caller.endswith("backend_check.py"):
            _note("sqlite")
        return connect(*args, **kwargs)

    sqlite3.connect = connect_noted  # type: ignore[assignment]
    popen_init = subprocess.Popen.__init__

    def popen_init_noted(self, args, *rest, **kwargs):  # type: ignore[no-untyped-def]
        words = [str(a) for a in args] if isinstance(args, list | tuple) else []
        dbs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--db"]
        dbs += [kwargs["env"][ENV]] if ENV in (kwargs.get("env") or {}) else []
        for db in dbs:
            _note("postgres" if is_postgres(db) else "sqlite")
        popen_init(self, args, *rest, **kwargs)

    subprocess.Popen.__init__ = popen_init_noted  # type: ignore[method-assign]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--check-backends", action="store_true",
                     help="fail when a test opens a store and has no PostgreSQL case")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(reason): a store test that stays on "
                            "SQLite on purpose (it tests SQLite itself)")
    _install()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        _items[item.nodeid] = item


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # type: ignore[no-untyped-def]
    _current.append(item.nodeid)
    try:
        yield
    finally:
        _current.pop()


def _group(item: pytest.Item) -> str:
    name = getattr(item, "originalname", None) or item.name.split("[", 1)[0]
    return f"{item.nodeid.split('::', 1)[0]}::{name}" if "::" in item.nodeid else item.nodeid


def _on_postgres(item: pytest.Item) -> bool:
    spec = getattr(item, "callspec", None)
    return bool(spec) and "postgres" in spec.params.values()


def findings() -> tuple[list[str], list[tuple[str, str]], int]:
    """(store tests without a PostgreSQL case, [(sqlite_only test, reason)], number of test
    cases that run a store on PostgreSQL)."""
    groups: dict[str, list[pytest.Item]] = defaultdict(list)
    for item in _items.values():
        groups[_group(item)].append(item)
    missing: list[str] = []
    allowed: list[tuple[str, str]] = []
    for name, members in sorted(groups.items()):
        if not any(_opened.get(m.nodeid) for m in members):
            continue
        if any(_on_postgres(m) for m in members):
            continue
        mark = members[0].get_closest_marker("sqlite_only")
        if mark is not None:
            allowed.append((name, str(mark.args[0]) if mark.args else ""))
        else:
            missing.append(name)
    pg_cases = sum(1 for nodeid, d in _opened.items() if "postgres" in d
                   and nodeid in _items and _on_postgres(_items[nodeid]))
    return missing, allowed, pg_cases


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:  # type: ignore[no-untyped-def]
    if not _opened:
        return
    missing, allowed, pg_cases = findings()
    tr = terminalreporter
    tr.section("store backends")
    tr.write_line(f"{pg_cases} test cases opened a PostgreSQL store; "
                  f"{len(missing)} store tests have no PostgreSQL case; "
                  f"{len(allowed)} stay on SQLite on purpose")
    for name in missing:
        tr.write_line(f"  not on PostgreSQL: {name}")
    for name, reason in allowed:
        tr.write_line(f"  sqlite_only: {name} ({reason})")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if session.config.getoption("--check-backends") and findings()[0] and exitstatus == 0:
        session.exitstatus = 1
