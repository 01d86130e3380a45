"""SQL of the text-reuse index (tables of migration 009; the logic is
:mod:`foreigndesk.analyze.reuse_update`). Documents are referred to by ``documents.rowid``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foreigndesk.store.db import Store

CHUNK = 900  # parameters per IN (...) list
SETTINGS_KEY = "reuse_index"
_SIDES = ("doc", "start", "end", "text")
REUSE_COLUMNS = ("earlier_doc", "earlier_start", "earlier_end", "later_doc", "later_start",
                 "later_end", "earlier_text", "later_text", "score", "direction_rule",
                 "extractor", "version")


def _chunks(xs: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(xs), CHUNK):
        yield xs[i:i + CHUNK]


def _marks(xs: Sequence[Any]) -> str:
    return ",".join("?" * len(xs))


class ReuseIndex:
    """The shingle index and the ``reuse`` rows it maintains, inside the caller's
    transaction."""

    def __init__(self, store: Store) -> None:
        self.c = store.conn

    # -- state -------------------------------------------------------------------------------
    def settings(self) -> str | None:
        row = self.c.execute("SELECT value FROM meta WHERE key=?", (SETTINGS_KEY,)).fetchone()
        return row[0] if row else None

    def consistent(self) -> bool:
        """True when the indexed documents are the stored ones up to the last indexed one
        (documents are only ever appended; a deleted one makes the index rebuild)."""
        last, n = self.c.execute("SELECT coalesce(max(doc), 0), count(*) FROM reuse_docs"
                                 ).fetchone()
        stored = self.c.execute("SELECT count(*) FROM documents").fetchone()[0]
        after = self.c.execute("SELECT count(*) FROM documents WHERE rowid > ?",
                               (last,)).fetchone()[0]
        return bool(stored == n + after)

    def reset(self, settings: str) -> None:
        """Empty the index and the reuse rows; record the settings it will be built with."""
        for table in ("reuse_docs", "reuse_shingles", "reuse_boilerplate", "reuse"):
            self.c.execute(f"DELETE FROM {table}")
        self.c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                       (SETTINGS_KEY, settings))

    def new_documents(self, limit: int) -> list[tuple[int, str, str, str | None]]:
        """(rowid, id, text, published) of up to ``limit`` documents not indexed yet, in
        ingest order."""
        last = self.c.execute("SELECT coalesce(max(doc), 0) FROM reuse_docs").fetchone()[0]
        return [tuple(r) for r in self.c.execute(
            "SELECT rowid, id, text, published FROM documents WHERE rowid > ? "
            "ORDER BY rowid LIMIT ?", (last, limit))]

    def documents(self, rowids: Iterable[int]) -> dict[int, tuple[str, str, str | None]]:
        """rowid -> (id, text, published)."""
        ids = sorted(set(rowids))
        out: dict[int, tuple[str, str, str | None]] = {}
        for ch in _chunks(ids):
            for r in self.c.execute(f"SELECT rowid, id, text, published FROM documents "
                                    f"WHERE rowid IN ({_marks(ch)})", ch):
                out[r[0]] = (r[1], r[2], r[3])
        return out

    def document_keys(self, doc_ids: Iterable[str]) -> dict[str, tuple[int, str | None]]:
        """document id -> (rowid, published)."""
        ids = sorted(set(doc_ids))
        out: dict[str, tuple[int, str | None]] = {}
        for ch in _chunks(ids):
            for r in self.c.execute(f"SELECT id, rowid, published FROM documents "
                                    f"WHERE id IN ({_marks(ch)})", ch):
                out[r[0]] = (r[1], r[2])
        return out

    # -- shingles ----------------------------------------------------------------------------
    def boilerplate(self, hashes: Sequence[int]) -> set[int]:
        out: set[int] = set()
        for ch in _chunks(hashes):
            out.update(r[0] for r in self.c.execute(
                f"SELECT hash FROM reuse_boilerplate WHERE hash IN ({_marks(ch)})", ch))
        return out

    def postings(self, hashes: Sequence[int]) -> list[tuple[int, int, int]]:
        """(hash, doc, n) of every posting of these shingles."""
        out: list[tuple[int, int, int]] = []
        for ch in _chunks(hashes):
            out.extend(tuple(r) for r in self.c.execute(
                f"SELECT hash, doc, n FROM reuse_shingles WHERE hash IN ({_marks(ch)})", ch))
        return out

    def add(self, docs: Sequence[int], postings: Iterable[tuple[int, int, int]],
            boilerplate: Sequence[int]) -> None:
        """Index documents: their postings, and shingles that became boilerplate (whose
        postings are dropped)."""
        self.c.executemany("INSERT INTO reuse_shingles(hash, doc, n) VALUES (?,?,?)", postings)
        for ch in _chunks(boilerplate):
            self.c.execute(f"DELETE FROM reuse_shingles WHERE hash IN ({_marks(ch)})", ch)
        self.c.executemany("INSERT INTO reuse_boilerplate(hash) VALUES (?)",
                           ((h,) for h in boilerplate))
        self.c.executemany("INSERT INTO reuse_docs(doc) VALUES (?)", ((d,) for d in docs))

    # -- passages ----------------------------------------------------------------------------
    def delete_between(self, doc_ids: Sequence[str]) -> None:
        """Delete the passages whose two documents are both among ``doc_ids``."""
        ids = list(doc_ids)
        if not ids:
            return
        self.c.execute("CREATE TEMP TABLE IF NOT EXISTS _reuse_between (id TEXT PRIMARY KEY)")
        self.c.execute("DELETE FROM _reuse_between")
        self.c.executemany("INSERT OR IGNORE INTO _reuse_between VALUES (?)", ((i,) for i in ids))
        self.c.execute("DELETE FROM reuse WHERE earlier_doc IN (SELECT id FROM _reuse_between) "
                       "AND later_doc IN (SELECT id FROM _reuse_between)")

    def insert(self, rows: Iterable[Sequence[Any]]) -> None:
        """Insert passages: tuples in the order of :data:`REUSE_COLUMNS`."""
        self.c.executemany(f"INSERT INTO reuse({','.join(REUSE_COLUMNS)}) "
                           f"VALUES ({_marks(REUSE_COLUMNS)})", rows)

    def passages_of(self, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
        """Every passage one of whose documents is among ``doc_ids`` (with its id)."""
        out: dict[int, dict[str, Any]] = {}
        for ch in _chunks(sorted(set(doc_ids))):
            m = _marks(ch)
            for r in self.c.execute(f"SELECT * FROM reuse WHERE earlier_doc IN ({m}) "
                                    f"UNION ALL SELECT * FROM reuse WHERE later_doc IN ({m})",
                                    [*ch, *ch]):
                out[r["id"]] = dict(r)
        return [out[k] for k in sorted(out)]

    def partners(self, doc_ids: Sequence[str]) -> dict[str, set[str]]:
        """The documents each of ``doc_ids`` shares a passage with."""
        out: dict[str, set[str]] = {d: set() for d in doc_ids}
        for ch in _chunks(sorted(set(doc_ids))):
            m = _marks(ch)
            for a, b in self.c.execute(
                    f"SELECT earlier_doc, later_doc FROM reuse WHERE earlier_doc IN ({m}) "
                    f"UNION SELECT later_doc, earlier_doc FROM reuse WHERE later_doc IN ({m})",
                    [*ch, *ch]):
                out[a].add(b)
        return out

    def rewrite(self, rows: Iterable[dict[str, Any]]) -> None:
        """Store these passages' sides and direction rule again (by id)."""
        cols = [c for c in REUSE_COLUMNS if c not in ("score", "extractor", "version")]
        self.c.executemany(
            f"UPDATE reuse SET {', '.join(f'{c}=?' for c in cols)} WHERE id=?",
            [[r[c] for c in cols] + [r["id"]] for r in rows])
