"""The store: schema migrations, all of a document or nothing, queries.

A store is a SQLite file (the default) or a PostgreSQL database (``postgresql://`` URL): see
:mod:`foreigndesk.store.backends`. The schema lives in ``migrations/NNN_name.sql`` (SQLite) and
``migrations/postgres/NNN_name.sql`` (the same versions for PostgreSQL); the store records the
last one applied (``PRAGMA user_version``, or the table ``schema_version``) and
:meth:`Store.open` applies the rest in order, each in its own transaction. Writes of a
document and all its facts happen in one transaction (:meth:`Store.add`), or under one
savepoint in the transaction of a batch of documents (:meth:`Store.add_many`, what the
ingest service uses), so an interrupted ingest never leaves a partial document behind.

Event grouping (:mod:`foreigndesk.store.event_groups`) is safe with concurrent writers: on
SQLite a write transaction holds the database's one write lock (``BEGIN IMMEDIATE``); on
PostgreSQL it first takes transaction-scoped advisory locks before it writes a row, always
in one order: its documents, then the (root, source code, target code) groups of their
events, then their actors, each family sorted. So two writers never both create the same
event, and never wait on each other in a cycle (the rows they share, an event group's event
and an actor, are only written by the holder of their lock).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from foreigndesk.model import Actor, Event, Extraction
from foreigndesk.store.backends import is_postgres

DEFAULT_DB = "foreigndesk.db"
# errors of a document's own data (a value the store refuses), not of the store itself
_DOCUMENT_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError,
                    ValueError, OverflowError)


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package for ``dialect``
    (``sqlite`` or ``postgres``), in order."""
    folder = resources.files("foreigndesk.store").joinpath("migrations")
    if dialect == "postgres":
        folder = folder.joinpath("postgres")
    out = []
    for f in folder.iterdir():
        if f.name.endswith(".sql"):
            out.append((int(f.name.split("_", 1)[0]), f.name, f.read_text(encoding="utf-8")))
    return sorted(out)


class _ReadonlyConnection(sqlite3.Connection):
    """A read-only SQLite connection (the only kind :class:`_ReadonlyPool` keeps)."""


class _ReadonlyPool:
    """Read-only SQLite connections kept open for the next ``Store.open(readonly=True)`` of
    the same file in this process (the web opens one per request: a new connection starts
    with an empty page cache). A connection is reused only while the file is the one it
    opened and unchanged since (device, inode and mtime: a file made again at the same path
    is not; a checkpoint just costs a new connection) and no transaction is open; its
    progress handler is removed."""

    MAX = 8

    def __init__(self) -> None:
        self._idle: dict[tuple[int, str],
                         list[tuple[tuple[int, int, int], sqlite3.Connection]]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _file(path: str) -> tuple[int, int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return st.st_dev, st.st_ino, st.st_mtime_ns

    def take(self, path: str) -> sqlite3.Connection | None:
        now = self._file(path)
        while True:
            with self._lock:
                idle = self._idle.get((os.getpid(), path))
                if not idle:
                    return None
                file, conn = idle.pop()
            if file == now:
                return conn
            conn.close()

    def keep(self, path: str, conn: Any) -> bool:
        if not isinstance(conn, _ReadonlyConnection) or conn.in_transaction:
            return False
        file = self._file(path)
        if file is None:
            return False
        conn.set_progress_handler(None, 0)
        with self._lock:
            idle = self._idle.setdefault((os.getpid(), path), [])
            if len(idle) >= self.MAX:
                return False
            idle.append((file, conn))
        return True


_readonly_pool = _ReadonlyPool()
_MIGRATE_LOCK = 0x666F7265  # advisory lock key of PostgreSQL migrations ("fore")


class Store:
    """A foreigndesk database. Use :meth:`open`."""

    def __init__(self, conn: Any, path: str, dialect: str = "sqlite") -> None:
        self.conn = conn
        self.path = path
        self.dialect = dialect

    @property
    def postgres(self) -> bool:
        return self.dialect == "postgres"

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, readonly: bool = False) -> Store:
        """The store at ``path``: a SQLite file, or a ``postgresql://`` URL."""
        path = str(path)
        if is_postgres(path):
            from foreigndesk.store.backends.postgres import PgConnection

            pg = cls(PgConnection(path, readonly=readonly), path, "postgres")
            if not readonly:
                pg.migrate()
            return pg
        if readonly:
            kept = _readonly_pool.take(path)
            if kept is not None:  # its page cache is warm (a new one reads every page again)
                kept.row_factory = sqlite3.Row
                return cls(kept, path)
            conn: sqlite3.Connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False, factory=_ReadonlyConnection)
        else:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        if not readonly:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        store = cls(conn, path)
        if not readonly:
            store.migrate()
        return store

    def close(self) -> None:
        if self.dialect == "sqlite" and _readonly_pool.keep(self.path, self.conn):
            return
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    @property
    def version(self) -> int:
        if self.postgres:
            row = self.conn.execute(
                "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 ELSE "
                "(SELECT max(version) FROM schema_version) END").fetchone()
            return int(row[0] or 0)
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        if self.postgres:
            self._migrate_postgres()
            return
        current = self.version
        for version, _name, sql in migrations():
            if version <= current:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for stmt in _split_sql(sql):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version={version}")
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def refresh_statistics(self) -> None:
        """Gather the query planner's statistics (``ANALYZE``): run after a bulk import
        (GDELT rows, UN votes), so that the planner knows, for instance, that a dyad holds a
        few thousand of a million events and reads them through ``events_dyad_cover``
        rather than walking every row of an origin by date."""
        self.conn.execute("ANALYZE")

    @contextmanager
    def bulk_events(self, analyze: bool = True) -> Iterator[None]:
        """For a bulk import of events (GDELT files of millions of rows): the secondary
        indexes of ``events`` (all but the unique ones, which the import's ``ON CONFLICT DO
        NOTHING`` relies on) are dropped, and built again at the end, then
        :meth:`refresh_statistics` (unless not ``analyze``: the caller gathers them when it
        is done). Building an index once sorts its rows; keeping a dozen of them up to date
        row by row is what made a million-row import crawl.

        On SQLite the whole block is one write transaction (the drop, the block's writes,
        which nest as savepoints, and the rebuild): readers keep seeing the store as it was,
        indexes included, until it commits; other writers wait for it. When the block raises
        an :class:`Exception` that is not a database error (a file found damaged half-way),
        what it wrote is kept: the indexes are built and the transaction commits before the
        exception goes on, as a batch-by-batch import keeps its committed batches. A database
        error or an interrupt (Ctrl-C) rolls everything back, indexes included. Inside a
        transaction already open (a bulk block around an import that goes in bulk itself),
        the block is a savepoint of it. On PostgreSQL the indexes are dropped and built
        outside any transaction (readers see no secondary index meanwhile)."""
        if self.postgres:
            indexes = self.conn.raw.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events' "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%'").fetchall()
            for name, _sql in indexes:
                self.conn.execute(f'DROP INDEX IF EXISTS "{name}"')
            try:
                yield
            finally:
                for _name, sql in indexes:
                    self.conn.execute(
                        sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
                if analyze:
                    self.refresh_statistics()
            return
        c = self.conn
        nested = c.in_transaction  # inside a transaction (another bulk block): a savepoint
        begin, commit = (("SAVEPOINT bulk_events", "RELEASE SAVEPOINT bulk_events") if nested
                         else ("BEGIN IMMEDIATE", "COMMIT"))
        c.execute(begin)
        try:
            indexes = c.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                "'events' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'").fetchall()
            for name, _sql in indexes:
                c.execute(f'DROP INDEX IF EXISTS "{name}"')
            try:
                yield
            except Exception as e:
                if isinstance(e, sqlite3.Error):
                    raise
                self._build_indexes(indexes)  # keep what was written before the failure
                c.execute(commit)
                raise
            self._build_indexes(indexes)
            c.execute(commit)
        except BaseException:
            if nested:
                c.execute("ROLLBACK TO SAVEPOINT bulk_events")
                c.execute("RELEASE SAVEPOINT bulk_events")
            elif c.in_transaction:
                c.execute("ROLLBACK")
            raise
        if analyze:
            self.refresh_statistics()

    def _build_indexes(self, indexes: list[Any]) -> None:
        """SQLite: create the dropped ``indexes`` (name, sql) again, sorting in helper threads.

        SQLite's sorter keeps up to a page cache's worth of keys in memory and only hands work
        to its helper threads (``PRAGMA threads``) when that fills: with a small cache while
        the indexes are built, the table scan goes on while helper threads sort and write
        chunks, then merge them. Measured on 1M GDELT rows (9 indexes): 7.6-7.9 s with the
        200 MB cache of the import, 4.3-5.5 s with 2 MB chunks and 2 helper threads."""
        c = self.conn
        cache = c.execute("PRAGMA cache_size").fetchone()[0]
        c.execute("PRAGMA cache_size=-2000")
        c.execute("PRAGMA threads=2")
        try:
            for _name, sql in indexes:
                c.execute(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
        finally:
            c.execute("PRAGMA threads=0")
            c.execute(f"PRAGMA cache_size={int(cache)}")

    def _migrate_postgres(self) -> None:
        """Apply the PostgreSQL migrations, one transaction each, under an advisory lock (two
        processes opening a new database migrate it once)."""
        raw = self.conn.raw
        raw.execute("SELECT pg_advisory_lock(%s)", (_MIGRATE_LOCK,))
        try:
            raw.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.version
            for version, _name, sql in migrations("postgres"):
                if version <= current:
                    continue
                with raw.transaction():
                    raw.execute(sql)  # no parameters: several statements in one call
                    raw.execute("DELETE FROM schema_version")
                    raw.execute("INSERT INTO schema_version(version) VALUES (%s)", (version,))
            self.conn.forget_catalogue()
        finally:
            raw.execute("SELECT pg_advisory_unlock(%s)", (_MIGRATE_LOCK,))

    # -- writing --------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def add(self, ex: Extraction,
            also: Callable[[Any, bool], None] | None = None) -> bool:
        """Store a document and all its facts in one transaction. False if already present.

        ``also(conn, added)`` runs inside the same transaction (committed with the document,
        or with nothing when it is already present): the watcher marks its item seen there,
        so that no kill can leave a stored document whose item is not marked, or the
        reverse."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(ex.document.id) or not self._claim_document(ex.document.id):
                if also is not None:
                    also(c, False)
                    c.execute("COMMIT")
                else:
                    c.execute("ROLLBACK")
                return False
            self._lock_shared_rows([ex])
            self._write(ex)
            if also is not None:
                also(c, True)
            c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('analyses_stale', '1')")
            c.execute("COMMIT")
            return True
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def add_many(self, exs: Sequence[Extraction]) -> list[bool | Exception]:
        """Store several documents in one transaction, each under its own SAVEPOINT: one
        result per document, in order: True (added), False (already present), or the error
        that kept it out (its data: ``sqlite3.IntegrityError``, ``DataError``,
        ``InterfaceError``, ``ValueError``, ``OverflowError``), its rows rolled back to its
        savepoint while the others stay. Any other error (the store's: a locked database, a
        full disk), or a KeyboardInterrupt, rolls the whole transaction back and is raised:
        nothing of the batch is stored. Nothing is visible to readers before the COMMIT, and
        a document counts as added only once it returns.

        One COMMIT for many documents: a commit writes every page its rows touched (in a
        large store, a leaf and the inner pages of each index per row), and the documents of
        a batch share many of them (measured: 20 documents into a 55k-document store, one
        COMMIT each, 0.71 s of 0.74 s of writes were the commits). On PostgreSQL the
        advisory locks of every document and event group of the batch are taken first, in
        sorted order (see :meth:`_claim_document`), so that two batches never wait on each
        other in a cycle."""
        c = self.conn
        out: list[bool | Exception] = []
        c.execute("BEGIN IMMEDIATE")
        try:
            if self.postgres:
                for doc_id in sorted({ex.document.id for ex in exs}):
                    c.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 1))", (doc_id,))
                self._lock_shared_rows(exs)
            for ex in exs:
                c.execute("SAVEPOINT document")
                try:
                    if self.has_document(ex.document.id):
                        out.append(False)
                    else:
                        self._write(ex)
                        out.append(True)
                    c.execute("RELEASE SAVEPOINT document")
                except _DOCUMENT_ERRORS as e:  # this document's data, not the store
                    c.execute("ROLLBACK TO SAVEPOINT document")
                    c.execute("RELEASE SAVEPOINT document")
                    out.append(e)
            if any(r is True for r in out):
                c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('analyses_stale', '1')")
            c.execute("COMMIT")
            return out
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def _claim_document(self, doc_id: str) -> bool:
        """PostgreSQL: wait for any other writer of the same document (a transaction-scoped
        advisory lock on its id), then say whether it is still absent. SQLite's BEGIN
        IMMEDIATE already serialises writers."""
        if not self.postgres:
            return True
        self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 1))", (doc_id,))
        return not self.has_document(doc_id)

    def _lock_shared_rows(self, exs: Sequence[Extraction]) -> None:
        """PostgreSQL: lock what these documents write that other documents write too, until
        the transaction ends, after their documents' own locks: the event groups (root,
        source code, target code) of their dated events, then their actors, each family in
        sorted order; see the module docstring."""
        if not self.postgres:
            return
        groups = sorted({f"{e.root}|{e.source_code or ''}|{e.target_code or ''}"
                         for ex in exs for e in ex.events if e.date})
        actors = sorted({a for ex in exs for a in ex.actors})
        for space, keys in ((0, groups), (2, actors)):
            for k in keys:
                self.conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, ?))",
                                  (k, space))

    @property
    def analyses_stale(self) -> bool:
        """True when documents were added since the store-wide analyses last ran."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='analyses_stale'").fetchone()
        return bool(row and row[0] == "1")

    def mark_analyses_fresh(self) -> None:
        self.conn.execute("DELETE FROM meta WHERE key='analyses_stale'")

    def _write(self, ex: Extraction) -> None:
        c = self.conn
        d = ex.document
        c.execute(
            "INSERT INTO documents(id,title,outlet,author,published,url,urls,language,source,reader,"
            "text,n_chars,n_words,ingested_at,pages,language_note) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (d.id, d.title, d.outlet, d.author, d.published, d.url, json.dumps(d.urls),
             d.language, d.source, d.reader, d.text, len(d.text), len(d.text.split()),
             datetime.now(UTC).isoformat(timespec="seconds"),
             json.dumps([list(p) for p in d.pages]) if d.pages else None, d.language_note),
        )
        self.upsert_actors(ex.actors.values())
        c.executemany(
            'INSERT INTO sentences(doc_id,idx,start,"end",text,page) VALUES (?,?,?,?,?,?)',
            [(s.doc_id, s.sentence, s.start, s.end, s.text, d.page_at(s.start))
             for s in ex.sentences],
        )
        c.executemany(
            'INSERT INTO mentions(doc_id,sentence,start,"end",text,label,actor_id,country,sector,'
            "extractor,version,confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(m.doc_id, m.sentence, m.start, m.end, m.text, m.label, m.actor_id, m.country,
              m.sector, m.extractor, m.version, m.confidence) for m in ex.mentions],
        )
        c.executemany(
            'INSERT INTO time_values(doc_id,sentence,start,"end",text,value,precision,type,anchored,'
            "modifier,extractor,version,confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(t.doc_id, t.sentence, t.start, t.end, t.text, t.value, t.precision, t.type,
              int(t.anchored), t.modifier, t.extractor, t.version, t.confidence) for t in ex.times],
        )
        c.executemany(
            'INSERT INTO places(doc_id,sentence,start,"end",text,name,country,lat,lon,feature,'
            "gazetteer_id,extractor,version,confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(p.doc_id, p.sentence, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon,
              p.feature, p.gazetteer_id, p.extractor, p.version, p.confidence) for p in ex.places],
        )
        for e in ex.events:
            self._write_event(e)
        c.executemany(
            'INSERT INTO claims(doc_id,sentence,start,"end",text,speaker_actor,speaker_text,'
            "speaker_code,cue,content,content_start,content_end,direct,stance,date,date_source,"
            "echoes_actor,echoes_text,extractor,version,confidence,kind,speaker_start,speaker_end) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(k.doc_id, k.sentence, k.start, k.end, k.text, k.speaker_actor, k.speaker_text,
              k.speaker_code, k.cue, k.content, k.content_start, k.content_end, int(k.direct),
              k.stance, k.date, k.date_source, k.echoes_actor, k.echoes_text, k.extractor,
              k.version, k.confidence, k.kind, k.speaker_start, k.speaker_end) for k in ex.claims],
        )
        c.executemany(
            'INSERT INTO quantities(doc_id,sentence,start,"end",text,kind,value,"values",unit,usd,'
            "usd_year,low,high,approx,measure,stated_by,extractor,version,confidence) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(q.doc_id, q.sentence, q.start, q.end, q.text, q.kind, q.value,
              json.dumps(q.values) if q.values is not None else None, q.unit, q.usd, q.usd_year,
              q.low, q.high, q.approx, q.measure, q.stated_by, q.extractor, q.version,
              q.confidence) for q in ex.quantities],
        )

    def _write_event(self, e: Event) -> None:
        """Attach an event mention to the real-world event it reports (see
        :func:`foreigndesk.store.event_groups.find_event`), creating the event if it is new."""
        from foreigndesk.store.codes import code_country
        from foreigndesk.store.event_groups import find_event

        c = self.conn
        event_id = find_event(c, e)
        if event_id is None:
            cur = c.execute(
                "INSERT INTO events(origin,source_actor,source_code,target_actor,target_code,"
                "source_country,target_country,code,root,quad_class,goldstein,date,date_precision,"
                "date_source,place,place_country,lat,lon,modality,n_mentions) "
                "VALUES ('news',?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
                (e.source_actor, e.source_code, e.target_actor, e.target_code,
                 code_country(e.source_code), code_country(e.target_code),
                 e.code, e.root, e.quad_class, e.goldstein, e.date, e.date_precision,
                 e.date_source, e.place, e.place_country, e.lat, e.lon, e.modality),
            )
            event_id = cur.lastrowid
        c.execute(
            'INSERT INTO event_mentions(event_id,doc_id,sentence,start,"end",text,trigger,'
            "source_actor,target_actor,code,date,date_precision,date_source,modality,extractor,"
            "version,confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event_id, e.doc_id, e.sentence, e.start, e.end, e.text, e.trigger, e.source_actor,
             e.target_actor, e.code, e.date, e.date_precision, e.date_source, e.modality,
             e.extractor, e.version, e.confidence),
        )
        c.execute("UPDATE events SET n_mentions=n_mentions+1 WHERE id=?", (event_id,))

    def upsert_actors(self, actors: Iterable[Actor]) -> None:
        merge = ("(SELECT json_group_array(DISTINCT value) FROM (SELECT value FROM "
                 "json_each(actors.aliases) UNION SELECT value FROM json_each(excluded.aliases)))")
        if self.postgres:
            # no alias on either side: '[]' as on SQLite (string_agg of no row is NULL)
            merge = ("(SELECT coalesce('[' || string_agg(to_json(v)::text, ',' ORDER BY v) || ']', "
                     "'[]') FROM (SELECT json_array_elements_text(actors.aliases::json) AS v "
                     "UNION SELECT json_array_elements_text(excluded.aliases::json)) AS merged)")
        self.conn.executemany(
            "INSERT INTO actors(id,name,kind,country,sector,aliases,lat,lon,meta) "
            f"VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET aliases={merge}",
            [(a.id, a.name, a.kind, a.country, a.sector, json.dumps(sorted(set(a.aliases))),
              a.lat, a.lon, json.dumps(a.meta)) for a in actors],
        )

    # -- reading --------------------------------------------------------------------------
    def search_sql(self, fts5: str, doc: str = "d") -> Any:
        """The SQL of a full-text search in this store's dialect: see
        :func:`foreigndesk.store.fts.search_sql`."""
        from foreigndesk.store.fts import search_sql

        return search_sql(self.dialect, fts5, doc)

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(sql, tuple(params))]

    def iter_query(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        for r in self.conn.execute(sql, tuple(params)):
            yield dict(r)

    def stream_query(self, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
        """As :meth:`iter_query`, for results of any size (exports): SQLite's cursor reads
        rows as they are consumed; PostgreSQL's client cursor would hold the whole result,
        so the rows come through a server-side cursor (see ``PgConnection.stream``), in a
        read transaction of their own when none is open: do not end a transaction (or write
        in one) while iterating."""
        if not self.postgres:
            yield from self.iter_query(sql, params)
            return
        for r in self.conn.stream(sql, tuple(params)):
            yield dict(r)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM documents WHERE id=?", (doc_id,))
        return rows[0] if rows else None

    def sentence(self, doc_id: str, idx: int) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM sentences WHERE doc_id=? AND idx=?", (doc_id, idx))
        return rows[0] if rows else None

    def sentence_settings(self, keys: Iterable[tuple[str, int]]
                          ) -> dict[tuple[str, int], dict[str, set[Any]]]:
        """Where and when sentences are set, for each (doc_id, sentence index): ``countries``
        (ISO3 of the places named), ``names`` (the texts of those places and of place and
        nationality mentions: "Havana", "Cuban") and ``years`` (of the dates in it)."""
        want = set(keys)
        out: dict[tuple[str, int], dict[str, set[Any]]] = {
            k: {"countries": set(), "names": set(), "years": set()} for k in want}
        docs = sorted({d for d, _ in want})
        for i in range(0, len(docs), 500):
            chunk = docs[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                    f"SELECT doc_id, sentence, text, country FROM places WHERE doc_id IN ({marks}) "
                    f"UNION ALL SELECT doc_id, sentence, text, NULL FROM mentions "
                    f"WHERE doc_id IN ({marks}) AND label IN ('GPE', 'NORP', 'LOC')",
                    chunk + chunk):
                k = (r[0], r[1])
                if k in out:
                    if r[3]:
                        out[k]["countries"].add(r[3])
                    out[k]["names"].add(r[2])
            for r in self.conn.execute(
                    f"SELECT doc_id, sentence, value FROM time_values WHERE doc_id IN ({marks}) "
                    f"AND type = 'DATE'", chunk):
                k = (r[0], r[1])
                if k in out and len(r[2]) >= 4 and r[2][:4].isdigit():
                    out[k]["years"].add(int(r[2][:4]))
        return out

    def sentences_of(self, doc_id: str) -> list[dict[str, Any]]:
        """The sentences of a document (``idx``, ``start``, ``end``, ``text``), in order."""
        return self.query('SELECT idx, start, "end", text FROM sentences WHERE doc_id=? '
                          "ORDER BY idx", (doc_id,))

    def event_mentions_of(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Every event mention of these documents with its event's codes: ``doc_id``,
        ``sentence``, ``trigger``, ``date``, ``modality``, ``mention_code`` (the mention's
        own CAMEO code), ``code``, ``root``, ``source_code``, ``target_code``."""
        ids = list(doc_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.query(
            f"SELECT em.doc_id, em.sentence, em.trigger, em.date, em.modality, "
            f"em.code AS mention_code, e.code, e.root, e.source_code, e.target_code "
            f"FROM event_mentions em JOIN events e ON e.id = em.event_id "
            f"WHERE em.doc_id IN ({marks}) ORDER BY em.doc_id, em.sentence, em.id", ids)

    # -- the relations index --------------------------------------------------------------
    def dyad_events(self, origin: str, pairs: Iterable[tuple[str, str]],
                    modalities: Iterable[str] | None = None, since: str | None = None,
                    until: str | None = None,
                    sectors: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        """(date, quad_class, goldstein, n_mentions) of the events of ``origin`` from one
        country to the other of any of ``pairs`` ((source, target) country codes); only
        those of ``modalities`` when given; only those whose two sides are the states
        themselves or one of ``sectors`` (agent codes after the country: "GOV", "MIL"; ""
        for the state itself) when given; ``since``/``until`` are inclusive ISO prefixes (an
        until of 2022-11 keeps 2022-11-30)."""
        pairs = list(pairs)
        if not pairs:
            return []
        where = " OR ".join("(source_country=? AND target_country=?)" for _ in pairs)
        sql = f"SELECT date, quad_class, goldstein, n_mentions FROM events WHERE origin=? AND ({where})"
        params: list[Any] = [origin] + [c for p in pairs for c in p]
        if sectors is not None:
            secs = list(sectors)
            marks = ",".join("?" * len(secs))
            sql += (f" AND substr(coalesce(source_code, ''), 4, 3) IN ({marks})"
                    f" AND substr(coalesce(target_code, ''), 4, 3) IN ({marks})")
            params += secs + secs
        if modalities is not None:
            mods = list(modalities)
            sql += f" AND modality IN ({','.join('?' * len(mods))})"
            params += mods
        sql, params = _date_range(sql, params, "date", since, until)
        return [tuple(r) for r in self.conn.execute(sql, params)]

    def dyad_votes(self, a: str, b: str, since: str | None = None, until: str | None = None,
                   issue: str | None = None) -> list[tuple[Any, ...]]:
        """(roll call date, a's vote, b's vote) of every UN General Assembly roll call both
        voted on (1 yes, 2 abstain, 3 no); ``issue`` keeps the roll calls whose issue contains
        it or whose short name is it."""
        sql = ("SELECT r.date, va.vote, vb.vote FROM votes va "
               "JOIN votes vb ON vb.rcid = va.rcid AND vb.country = ? "
               "JOIN roll_calls r ON r.rcid = va.rcid WHERE va.country = ?")
        params: list[Any] = [b, a]
        sql, params = _date_range(sql, params, "r.date", since, until)
        if issue:
            sql += (" AND va.rcid IN (SELECT rcid FROM roll_call_issues WHERE issue LIKE ? "
                    "OR short_name = ?)")
            params += [f"%{issue}%", issue]
        return [tuple(r) for r in self.conn.execute(sql, params)]

    def top_dyads(self, limit: int, news_modalities: Iterable[str]) -> list[tuple[str, str, int]]:
        """The pairs of distinct states with the most events either way, most first: imported
        rows, and news events of ``news_modalities``."""
        mods = list(news_modalities)
        rows = self.conn.execute(
            "SELECT min(source_country, target_country), max(source_country, target_country), "
            "count(*) AS n FROM events WHERE source_country IS NOT NULL AND target_country IS "
            "NOT NULL AND source_country != target_country AND (origin != 'news' OR modality "
            f"IN ({','.join('?' * len(mods))})) GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?",
            (*mods, limit)).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]


def _date_range(sql: str, params: list[Any], col: str, since: str | None,
                until: str | None) -> tuple[str, list[Any]]:
    if since:
        sql += f" AND {col} >= ?"
        params = [*params, since]
    if until:
        sql += f" AND substr({col}, 1, ?) <= ?"
        params = [*params, len(until), until]
    return sql, params


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements (CREATE TRIGGER bodies hold semicolons)."""
    out: list[str] = []
    buf: list[str] = []
    for line in sql.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out
