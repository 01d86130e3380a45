"""The store on both backends: migrations, one transaction per document, idempotence."""

from __future__ import annotations

import sqlite3

import pytest

from foreigndesk.model import Document, Extraction, Mention, Sentence
from foreigndesk.store import Store
from foreigndesk.store.db import migrations


def _extraction(text: str) -> Extraction:
    d = Document(text=text, title="t", outlet="o", published="2023-01-18")
    ex = Extraction(d)
    ex.sentences.append(Sentence(d.id, 0, 0, len(text), text, "sentences", "1"))
    ex.mentions.append(Mention(d.id, 0, 0, 4, text[:4], "test", "1", label="GPE"))
    return ex


def test_new_store_is_migrated(db_url) -> None:
    store = Store.open(db_url)
    assert store.version == max(v for v, _, _ in migrations())
    if store.dialect == "sqlite":
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
    else:
        tables = {r[0] for r in store.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    assert {"documents", "sentences", "mentions", "time_values", "events", "claims",
            "quantities", "reuse", "votes"} <= tables
    version = store.version
    store.close()
    # reopening applies nothing twice
    again = Store.open(db_url)
    assert again.version == version
    again.close()


def test_add_is_idempotent(db_url) -> None:
    with Store.open(db_url) as store:
        ex = _extraction("Cuba and China signed an agreement.")
        assert store.add(ex) is True
        assert store.add(ex) is False
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 1
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 1


def test_failed_write_leaves_nothing(db_url) -> None:
    with Store.open(db_url) as store:
        ex = _extraction("Havana and Beijing worked closely together.")
        # a fact that violates the schema (NOT NULL text) makes the whole document fail
        ex.mentions.append(Mention(ex.document.id, 0, 0, 4, None, "test", "1"))  # type: ignore[arg-type]
        with pytest.raises(sqlite3.IntegrityError):
            store.add(ex)
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 0
        assert store.query("SELECT count(*) AS n FROM sentences")[0]["n"] == 0
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 0


def test_full_text_search(db_url) -> None:
    from foreigndesk.store.fts import fts_query

    with Store.open(db_url) as store:
        store.add(_extraction("The balloon was shot down off the coast."))
        store.add(_extraction("A donation of 700 million yuan was formalised."))
        store.add(_extraction("Yuan-denominated loans and a balloon."))

        def ids(search: str) -> int:
            m = store.search_sql(fts_query(search))
            return len(store.query(f"SELECT d.id FROM documents d{m.join} WHERE {m.where}",
                                   m.join_params + m.where_params))

        assert ids("yuan") == 2
        assert ids("YUAN balloon") == 1
        assert ids("yuan OR coast") == 3
        assert ids("balloon -yuan") == 1
        assert ids('"million yuan"') == 1
        assert ids('"yuan million"') == 0
        assert ids("formal*") == 1


def test_migration_versions_are_unique_and_consecutive() -> None:
    """Two migrations with one number would leave a store at that version without the
    second (the runner skips versions it has reached)."""
    from foreigndesk.store.db import migrations

    versions = [v for v, _name, _sql in migrations()]
    assert versions == list(range(1, len(versions) + 1)), [n for _v, n, _s in migrations()]


def test_a_bulk_import_of_events_rebuilds_the_same_indexes_and_gathers_statistics(db_url):
    from foreigndesk.store import Store

    with Store.open(db_url) as s:
        def indexes() -> set[tuple[str, str]]:
            if s.postgres:
                return {(r[0], r[1]) for r in s.conn.execute(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")}
            return {(r[0], r[1]) for r in s.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='events' "
                "AND sql IS NOT NULL")}

        before = indexes()
        with s.bulk_events():
            during = indexes()
            s.conn.executemany("INSERT INTO events(origin, code, root, date, source_country, "
                               "target_country, external_id) VALUES ('gdelt', '010', '01', ?, "
                               "'CUB', 'USA', ?)",
                               [(f"2020-01-{d:02d}", str(d)) for d in range(1, 29)])
        assert {n for n, _ in during} < {n for n, _ in before}
        assert all(sql.startswith("CREATE UNIQUE") for _, sql in during)
        assert {n for n, _ in indexes()} == {n for n, _ in before}
        stats = s.conn.execute(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'events'" if s.postgres else
            "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'events'")
        assert stats.fetchone()[0] > 0


def _bad(text: str) -> Extraction:
    """A document whose second mention violates the schema (NOT NULL text): its document
    row and first facts are written before the error."""
    ex = _extraction(text)
    ex.mentions.append(Mention(ex.document.id, 0, 0, 4, None, "test", "1"))  # type: ignore[arg-type]
    return ex


def _count(store: Store, table: str) -> int:
    return int(store.query(f"SELECT count(*) AS n FROM {table}")[0]["n"])


def test_a_batch_keeps_its_good_documents_and_none_of_a_bad_one(db_url) -> None:
    good = [_extraction("Cuba and China signed an agreement."),
            _extraction("Norway sent a delegation to Kenya in May."),
            _extraction("Peru and Chile held talks on fishing rights.")]
    bad = _bad("Havana and Beijing worked closely together.")
    with Store.open(db_url) as store:
        assert store.add(good[1]) is True
        out = store.add_many([good[0], bad, good[1], good[2], good[0]])
        assert out[0] is True and out[2] is False and out[3] is True and out[4] is False
        assert isinstance(out[1], sqlite3.IntegrityError)
        assert not store.conn.in_transaction
        ids = {r["id"] for r in store.query("SELECT id FROM documents")}
        assert ids == {ex.document.id for ex in good}
        # the bad document's rows written before its error were rolled back with it
        assert _count(store, "sentences") == 3 and _count(store, "mentions") == 3
        assert store.analyses_stale
    # what the batch stored is committed: another connection sees it
    with Store.open(db_url) as again:
        assert _count(again, "documents") == 3


def test_a_batch_that_fails_otherwise_stores_nothing(db_url) -> None:
    docs = [_extraction("Ghana and Egypt agreed to trade grain."),
            _extraction("Japan and Brazil discussed ethanol exports.")]
    broken = _extraction("Canada and Mexico renewed a trade pact.")
    broken.claims = [object()]  # type: ignore[list-item]  # not a claim: a bug, not its data
    with Store.open(db_url) as store:
        with pytest.raises(AttributeError):
            store.add_many([docs[0], broken, docs[1]])
        assert not store.conn.in_transaction
        assert _count(store, "documents") == 0 and _count(store, "sentences") == 0
        assert not store.analyses_stale
        assert store.add_many(docs) == [True, True]
        assert _count(store, "documents") == 2
