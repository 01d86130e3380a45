"""The two backends: SQL translation, the mirrored migrations, the SQLite functions the
PostgreSQL schema defines, and store names (paths and URLs)."""

from __future__ import annotations

import sqlite3

import pytest

from foreigndesk.store import Store
from foreigndesk.store.backends import display_name, is_postgres, store_exists
from foreigndesk.store.backends.translate import to_postgres, with_conflict
from foreigndesk.store.db import migrations


def test_placeholders_and_percent_signs_outside_literals_only() -> None:
    t = to_postgres("SELECT '?', \"a?\" FROM t WHERE x = ? AND y LIKE '50%' AND z % 2 = ?")
    assert t.sql == ("SELECT '?', \"a?\" FROM t WHERE x = %s AND y ILIKE '50%%' "
                     "AND z %% 2 = %s")


def test_is_param_and_begin() -> None:
    assert to_postgres("SELECT 1 WHERE a IS ? AND b IS NOT ?").sql == (
        "SELECT 1 WHERE a IS NOT DISTINCT FROM %s AND b IS DISTINCT FROM %s")
    assert to_postgres("BEGIN IMMEDIATE").sql == "BEGIN"
    assert to_postgres("SELECT x FROM t WHERE a IS NULL LIMIT -1").sql == (
        "SELECT x FROM t WHERE a IS NULL LIMIT ALL")


def test_insert_or_replace_and_ignore() -> None:
    t = to_postgres("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
    assert with_conflict(t, ("key",), ("key", "value")) == (
        'INSERT INTO meta (key, value) VALUES (%s, %s) ON CONFLICT ("key") DO UPDATE SET '
        '"value" = excluded."value"')
    t = to_postgres("INSERT OR IGNORE INTO f(a, b) VALUES (?,?) RETURNING a")
    assert with_conflict(t, ("a", "b"), ("a", "b")) == (
        "INSERT INTO f (a, b) VALUES (%s,%s) ON CONFLICT DO NOTHING RETURNING a")


def test_insert_or_ignore_without_a_column_list() -> None:
    t = to_postgres("INSERT OR IGNORE INTO _between VALUES (?)")
    assert with_conflict(t, ("id",), ("id",)) == (
        "INSERT INTO _between VALUES (%s) ON CONFLICT DO NOTHING")


def test_store_names() -> None:
    assert is_postgres("postgresql://u:secret@host:5432/db")
    assert not is_postgres("foreigndesk.db")
    assert display_name("postgresql://u:secret@host:5432/db") == "postgresql://u@host:5432/db"
    assert display_name("/tmp/x/a.db") == "a.db"


def test_migrations_mirror_each_other() -> None:
    """Every SQLite migration has its PostgreSQL twin with the same number and name."""
    assert [n for _v, n, _s in migrations("postgres")] == [n for _v, n, _s in migrations()]


def _sqlite_columns(path: str) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'documents_fts%' "
        "AND name NOT LIKE 'sqlite_%'")]
    out = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    conn.close()
    return out


def test_same_tables_and_columns_on_both(db_url, tmp_path) -> None:
    """The PostgreSQL schema has SQLite's tables and columns, in the same order (plus
    documents.rowid and documents.fts, which SQLite keeps implicit or in FTS5)."""
    if not is_postgres(db_url):
        pytest.skip("compares a PostgreSQL store with a SQLite one")
    Store.open(tmp_path / "lite.db").close()
    lite = _sqlite_columns(str(tmp_path / "lite.db"))
    with Store.open(db_url) as store:
        rows = store.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE "
            "table_schema = current_schema() AND table_name != 'schema_version' "
            "ORDER BY table_name, ordinal_position")
    pg: dict[str, list[str]] = {}
    for r in rows:
        pg.setdefault(r["table_name"], []).append(r["column_name"])
    pg.pop("documents_fts", None)
    pg["documents"] = [c for c in pg["documents"] if c not in ("rowid", "fts")]
    assert pg == lite


def test_sqlite_functions_on_both(db_url) -> None:
    with Store.open(db_url) as store:
        store.conn.execute("INSERT INTO meta(key, value) VALUES ('Cuba', 'x'), ('b', NULL)")
        row = store.query(
            "SELECT min(2, 3) AS lo, (SELECT max(key, 'a') FROM meta WHERE key = 'b') AS hi, "
            "round(2.25, 1) AS r, "
            "instr('abc', 'c') AS i, ifnull(NULL, 4) AS f, "
            "(SELECT group_concat(key) FROM (SELECT key FROM meta ORDER BY key) k) AS g, "
            "(SELECT count(*) FROM meta WHERE key = 'CUBA' COLLATE NOCASE) AS nc, "
            "(SELECT count(*) FROM meta WHERE key LIKE 'cu%') AS lk, "
            "(SELECT sum(value IS NULL) FROM meta) AS s")[0]
        assert row == {"lo": 2, "hi": "b", "r": 2.3, "i": 3, "f": 4, "g": "Cuba,b",
                       "nc": 1, "lk": 1, "s": 1}


def test_errors_are_dbapi_errors_of_sqlite3(db_url) -> None:
    """Callers catch ``sqlite3.Error`` (and its subclasses) from either backend."""
    with Store.open(db_url) as store:
        store.conn.execute("INSERT INTO meta(key, value) VALUES ('a', '1')")
        with pytest.raises(sqlite3.IntegrityError):
            store.conn.execute("INSERT INTO meta(key, value) VALUES ('a', '2')")
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("SELECT * FROM no_such_table")


def test_store_exists(db_url, tmp_path) -> None:
    assert not store_exists(tmp_path / "absent.db")
    Store.open(db_url).close()
    assert store_exists(db_url)


def test_copy_store_keeps_every_row_and_id(db_url, tmp_path) -> None:
    from foreigndesk.model import Document, Event, Extraction, Sentence
    from foreigndesk.store.backends.copy import copy_store

    with Store.open(tmp_path / "src.db") as src:
        for i in range(3):
            text = f"Document {i}: China and Cuba cooperate."
            d = Document(text=text, title=f"t{i}", published="2023-01-18")
            ex = Extraction(d)
            ex.sentences.append(Sentence(d.id, 0, 0, len(text), text, "test", "1"))
            ex.events.append(Event(d.id, 0, 0, 5, "China", "test", "1", source_code="CHN",
                                   target_code="CUB", code="042", root="04",
                                   date=f"2023-0{i + 1}-18", date_source="text"))
            src.add(ex)
        with Store.open(db_url) as dst:
            counts = copy_store(src, dst)
            assert counts["documents"] == 3 and counts["events"] == 3
            q = "SELECT d.id, d.rowid, e.id AS event FROM documents d JOIN event_mentions m " \
                "ON m.doc_id = d.id JOIN events e ON e.id = m.event_id ORDER BY d.rowid"
            assert dst.query(q) == src.query(q)
            # a document added after the copy comes after the copied ones
            text = "A later document."
            d = Document(text=text, title="later")
            dst.add(Extraction(d))
            assert dst.query("SELECT max(rowid) AS r FROM documents")[0]["r"] == 4


def test_lastrowid_and_rowcount_of_inserts(db_url) -> None:
    """``lastrowid`` of an insert (plain or OR IGNORE) and ``rowcount`` 0 when ignored."""
    with Store.open(db_url) as store:
        sql = ("INSERT OR IGNORE INTO alerts(watch_key, kind, fingerprint, title, detail, "
               "citations, created_at) VALUES (?,?,?,?,?,?,?)")
        row = ("w", "event", "fp", "t", "{}", "[]", "2023-01-01")
        first = store.conn.execute(sql, row)
        assert first.rowcount == 1 and first.lastrowid == 1
        again = store.conn.execute(sql, row)
        assert again.rowcount == 0
        other = store.conn.execute(sql.replace("OR IGNORE ", ""), ("w", "event", "fp2", *row[3:]))
        assert other.lastrowid > first.lastrowid  # (PostgreSQL spends an id on the ignored row)


def test_nul_in_a_parameter_matches_nothing(db_url) -> None:
    with Store.open(db_url) as store:
        assert store.document("a\x00b") is None
        assert store.query("SELECT ? AS v", ["x\x00"])[0]["v"] in ("x\x00", "x\ufffd")
