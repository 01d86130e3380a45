"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent.

Both backends: a test that takes ``db_url`` (or ``store_backend``) runs once on SQLite and once on
PostgreSQL. The PostgreSQL server is the one ``FOREIGNDESK_TEST_PG`` names (an admin URL of a
throwaway cluster: ``.ci/run`` starts one and sets it); without it the PostgreSQL runs skip
with that reason. Each PostgreSQL test gets its own database, created from a template that is
migrated once per session (``CREATE DATABASE … TEMPLATE``, ~0.1 s), and dropped after it.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

CHROMIUM = Path("/usr/bin/chromium")
# quiet offline: no background networking, component updates, sync or first-run pages
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


PG_ADMIN = os.environ.get("FOREIGNDESK_TEST_PG", "")
_NO_PG = ("FOREIGNDESK_TEST_PG is not set (the admin URL of a throwaway PostgreSQL cluster; "
          ".ci/run starts one and sets it)")
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.skipif(not PG_ADMIN,
                                                                         reason=_NO_PG))]
_db_numbers = itertools.count()


def _pg_url(dbname: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(PG_ADMIN)
    return urlunsplit((parts.scheme, parts.netloc, "/" + dbname, parts.query, ""))


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _template_name() -> str:
    return f"fd_template_{os.getpid()}"


@pytest.fixture(scope="session")
def pg_template() -> str:
    """A PostgreSQL database with every migration applied, the template of each test's."""
    from foreigndesk.store import Store

    name = _template_name()
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _pg_admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' "
              f"LC_CTYPE 'C.UTF-8'")
    Store.open(_pg_url(name)).close()
    yield name
    _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def new_pg_database(template: str) -> str:
    """A new, migrated PostgreSQL database; its URL (drop it with :func:`drop_pg_database`)."""
    name = f"fd_{os.getpid()}_{next(_db_numbers)}"
    _pg_admin(f"CREATE DATABASE {name} TEMPLATE {template}")
    return _pg_url(name)


def drop_pg_database(url: str) -> None:
    _pg_admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[-1]} WITH (FORCE)")


@pytest.fixture(params=BACKENDS)
def store_backend(request) -> str:
    """``sqlite`` or ``postgres`` (skipped without FOREIGNDESK_TEST_PG)."""
    return request.param


@pytest.fixture
def db_url(store_backend, tmp_path, request) -> str:
    """Where this test's store lives, for ``--db`` and ``Store.open``: a new SQLite file, or
    a new PostgreSQL database (created for this test and dropped after it)."""
    if store_backend == "sqlite":  # (not "backend": tests parametrise that for embeddings)
        yield str(tmp_path / "store.db")
        return
    url = new_pg_database(request.getfixturevalue("pg_template"))
    yield url
    drop_pg_database(url)


@pytest.fixture
def another_db(store_backend, tmp_path, request):
    """Makes more stores on this test's backend (``another_db("name")``): files in
    ``tmp_path``, or new PostgreSQL databases dropped after the test."""
    def make(name: str) -> str:
        if store_backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        url = new_pg_database(request.getfixturevalue("pg_template"))
        request.addfinalizer(lambda: drop_pg_database(url))
        return url
    return make


def store_location(request, tmp_dir: Path, name: str = "store.db") -> str:
    """Where a fixture parametrised over :data:`BACKENDS` keeps its store: ``tmp_dir/name``
    on SQLite, a new PostgreSQL database (dropped when the fixture ends) on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_dir / name)
    url = new_pg_database(request.getfixturevalue("pg_template"))
    request.addfinalizer(lambda: drop_pg_database(url))
    return url


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request, tmp_path_factory) -> str:
    """``db_url`` shared by the tests of one module (a store a module builds once), on each
    backend."""
    return store_location(request, tmp_path_factory.mktemp("store"))


@pytest.fixture
def missing_db(store_backend, tmp_path) -> str:
    """A store name that names nothing yet, on each backend: a file that does not exist, or
    the URL of a database that does not exist (see :func:`created`)."""
    if store_backend == "sqlite":
        return str(tmp_path / "typo.db")
    return _pg_url(f"fd_missing_{os.getpid()}_{next(_db_numbers)}")


def created(db: str | Path) -> bool:
    """True when something exists at ``db``: the SQLite file, or the PostgreSQL database
    (migrated or not)."""
    from foreigndesk.store.backends import is_postgres

    if not is_postgres(str(db)):
        return Path(db).exists()
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                           (str(db).rsplit("/", 1)[-1],)).fetchone()
    return row is not None


def connect(db: str | Path, readonly: bool = False, rows: bool = False):
    """A connection to the store ``db`` on either backend (the sqlite3 interface: execute,
    fetchone, close), for tests that look at rows directly: rows are tuples, or also
    readable by column name with ``rows``. ``readonly`` neither creates nor migrates the
    store."""
    from foreigndesk.store import Store

    conn = Store.open(db, readonly=readonly).conn
    if not rows:
        conn.row_factory = None
    return conn


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared is absent here ({p} not found); CI always has it")
    return p


@pytest.fixture(scope="session")
def nlp():
    from foreigndesk.extract.nlp import load

    return load()


@pytest.fixture(scope="session")
def dossier_path() -> Path:
    return shared_path("corpus", "china-cuba-dossier.txt")


@pytest.fixture(scope="session")
def dossier_gold() -> dict:
    import yaml

    return yaml.safe_load(shared_path("corpus", "china-cuba-dossier.gold.yaml").read_text())


def run_cli(*args: str, ok: bool = True):
    """Run the real CLI in-process; assert success unless ``ok`` is False."""
    from foreigndesk.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output + (result.stderr if result.stderr_bytes else "")
    return result


def copy_of_store(db: str | Path, tmp_dir: Path, name: str = "copy.db") -> str | Path:
    """A copy of the store ``db`` that a test may change: a file copy next to ``tmp_dir``, or a
    new PostgreSQL database made from it (``CREATE DATABASE … TEMPLATE``)."""
    import shutil

    from foreigndesk.store.backends import is_postgres

    if is_postgres(str(db)):
        try:  # a template must have no other connection: fall back to copying rows
            return new_pg_database(str(db).rsplit("/", 1)[-1])
        except Exception:
            from foreigndesk.store import Store
            from foreigndesk.store.backends.copy import copy_store

            url = new_pg_database(_template_name())
            with Store.open(db) as src, Store.open(url) as dst:
                copy_store(src, dst)
            return url
    out = tmp_dir / name
    shutil.copy(db, out)
    return out


@pytest.fixture(scope="session")
def dossier_sqlite(tmp_path_factory, dossier_path) -> Path:
    """A SQLite store with the dossier ingested (built once per test session)."""
    db = tmp_path_factory.mktemp("dossier") / "dossier.db"
    run_cli("ingest", str(dossier_path), "--db", str(db), "--workers", "1", "--quiet")
    return db


def pg_copy_of(sqlite_db: Path, request) -> str:
    """A new PostgreSQL store holding every row of the SQLite store ``sqlite_db`` (made with
    :func:`foreigndesk.store.backends.copy.copy_store`; no second ingest)."""
    from foreigndesk.store import Store
    from foreigndesk.store.backends.copy import copy_store

    url = new_pg_database(request.getfixturevalue("pg_template"))
    with Store.open(sqlite_db) as src, Store.open(url) as dst:
        copy_store(src, dst)
    return url


def on_each_backend(request, sqlite_db: Path):
    """The body of a session fixture parametrised over BACKENDS: the SQLite store itself, or
    a PostgreSQL copy of its rows, dropped at the end of the session."""
    if request.param == "sqlite":
        yield sqlite_db
        return
    url = pg_copy_of(sqlite_db, request)
    yield url
    drop_pg_database(url)


@pytest.fixture(scope="session", params=BACKENDS)
def dossier_db(request, dossier_sqlite) -> Path | str:
    """A store with the dossier ingested, on each backend (PostgreSQL: a copy of the SQLite
    store's rows)."""
    yield from on_each_backend(request, dossier_sqlite)


@pytest.fixture(scope="session")
def examples_sqlite(tmp_path_factory) -> Path:
    """The example corpus (examples/) ingested through the CLI into a SQLite store."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    run_cli("ingest", str(EXAMPLES), "--db", str(db), "--workers", "1", "--quiet")
    return db


@pytest.fixture(scope="session", params=BACKENDS)
def examples_db(request, examples_sqlite) -> Path | str:
    """The example corpus on each backend (PostgreSQL: a copy of the SQLite store's rows)."""
    yield from on_each_backend(request, examples_sqlite)


@pytest.fixture(scope="session")
def dossier_store(dossier_db):
    from foreigndesk.store import Store

    store = Store.open(dossier_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def unvotes_sqlite(tmp_path_factory) -> Path:
    """A SQLite store with the full UN votes data (../shared/eval/unvotes) imported, once per
    session; the import's wall time in seconds is in ``import_seconds.txt`` next to it."""
    import time

    src = shared_path("eval", "unvotes")
    db = tmp_path_factory.mktemp("unvotes") / "unvotes.db"
    t0 = time.perf_counter()
    run_cli("import", "unvotes", str(src), "--db", str(db), "--quiet")
    (db.parent / "import_seconds.txt").write_text(f"{time.perf_counter() - t0:.3f}")
    return db


@pytest.fixture(scope="session", params=BACKENDS)
def unvotes_db(request, unvotes_sqlite) -> Path | str:
    """The full UN votes on each backend. PostgreSQL gets a copy of the SQLite store's rows
    (COPY): the importer's row-by-row upserts took minutes there for the full data set
    (tests/importers/test_unvotes.py imports its fixture on both backends)."""
    yield from on_each_backend(request, unvotes_sqlite)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright (never a downloaded browser); skipped with
    a reason when it is absent."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium "
                    "(.ci/run installs it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


def ctrl_c_enabled() -> None:
    """``preexec_fn`` for a child a test stops with SIGINT, as a user's Ctrl-C would: a suite
    started in the background of a non-interactive shell (``.ci/run &``) inherits SIGINT
    ignored, and Python then installs no KeyboardInterrupt handler in its children."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
