"""SQL of the claim-cluster index (tables of migration 009; the logic is
:mod:`foreigndesk.analyze.cluster_update`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.reuse_index import CHUNK

SETTINGS_KEY = "cluster_index"
LAST_KEY = "cluster_last_claim"
CENTRE_KEY = "cluster_centre"
COUNT_KEY = "cluster_contents"  # the number of rows of claim_contents, kept by the update

_CLAIM = ("SELECT c.id, c.content, c.start, c.date, c.date_source, c.stance, c.speaker_actor, "
          "c.speaker_text, d.published, d.rowid AS doc_order, d.language "
          "FROM claims c JOIN documents d ON d.id=c.doc_id ")
CONTENT_COLUMNS = ("id", "key", "first_claim", "app_when", "app_doc", "app_start",
                   "app_repeats", "n_claims", "embedding", "proposition", "matching")


def _root(r: dict[str, Any]) -> dict[str, Any]:
    """A content row with its ``root`` as the update reads it: the root's id (the content's
    own for NULL, how most are stored), or None when it is not known (0: migration 015)."""
    raw = r["root"]
    r["root"] = r["id"] if raw is None else (None if raw == 0 else raw)
    return r


def _chunks(xs: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(xs), CHUNK):
        yield xs[i:i + CHUNK]


def _marks(xs: Sequence[Any]) -> str:
    return ",".join("?" * len(xs))


class ClaimIndex:
    """The index of distinct claim contents, their features and the pairs that say the same,
    inside the caller's transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.c = store.conn

    # -- state -------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.c.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def reset(self, settings: str) -> None:
        for table in ("claim_contents", "claim_content_of", "claim_features",
                      "claim_common_features", "claim_edges", "claim_decisions",
                      "claim_checks", "claim_clusters"):
            self.c.execute(f"DELETE FROM {table}")
        self.c.execute("DELETE FROM meta WHERE key IN (?, ?, ?)", (LAST_KEY, CENTRE_KEY, COUNT_KEY))
        self.set_meta(SETTINGS_KEY, settings)

    def new_claims(self, after: int) -> list[dict[str, Any]]:
        """Claims with a content and an id above ``after``, with their appearance fields."""
        return self.store.query(_CLAIM + "WHERE c.id > ? AND c.content != '' ORDER BY c.id",
                                (after,))

    def last_claim(self) -> int:
        return int(self.c.execute("SELECT coalesce(max(id), 0) FROM claims").fetchone()[0])

    def n_contents(self) -> int:
        """The number of contents: the count the update keeps in ``meta`` (a ``count(*)``
        reads the whole table: a scan on PostgreSQL), counted once when it is not there (a
        store indexed before the count was kept)."""
        kept = self.meta(COUNT_KEY)
        if kept is not None:
            return int(kept)
        return int(self.c.execute("SELECT count(*) FROM claim_contents").fetchone()[0])

    def set_n_contents(self, n: int) -> None:
        self.set_meta(COUNT_KEY, str(n))

    # -- contents ----------------------------------------------------------------------------
    def contents_by_key(self, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for ch in _chunks(keys):
            for r in self.c.execute(f"SELECT * FROM claim_contents WHERE key IN ({_marks(ch)})",
                                    ch):
                out[r["key"]] = dict(r)
        return out

    def contents(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Content rows with the text and speaker of their first claim."""
        out: dict[int, dict[str, Any]] = {}
        for ch in _chunks(sorted(set(ids))):
            for r in self.c.execute(
                    f"SELECT k.*, c.content AS text, c.speaker_actor, c.speaker_text, d.language "
                    f"FROM claim_contents k JOIN claims c ON c.id = k.first_claim "
                    f"JOIN documents d ON d.id = c.doc_id "
                    f"WHERE k.id IN ({_marks(ch)})", ch):
                out[r["id"]] = _root(dict(r))
        return out

    def embeddings(self, ids: Iterable[int]) -> dict[int, bytes | None]:
        """The embeddings of these contents (nothing else: the centred checks need no more)."""
        out: dict[int, bytes | None] = {}
        for ch in _chunks(sorted(set(ids))):
            for r in self.c.execute(
                    f"SELECT id, embedding FROM claim_contents WHERE id IN ({_marks(ch)})", ch):
                out[int(r[0])] = r[1]
        return out

    def ranks(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """The appearance key, ``n_claims`` and ``root`` of these contents (no text, no
        embedding: what ranking a component needs)."""
        out: dict[int, dict[str, Any]] = {}
        for ch in _chunks(sorted(set(ids))):
            for r in self.c.execute(
                    f"SELECT id, first_claim, app_when, app_doc, app_start, app_repeats, "
                    f"n_claims, root FROM claim_contents WHERE id IN ({_marks(ch)})", ch):
                out[int(r["id"])] = _root(dict(r))
        return out

    def set_matching(self, rows: Iterable[tuple[str | None, int]]) -> None:
        """Keep the matching text (``(text, id)`` pairs) of contents indexed without it."""
        self.c.executemany("UPDATE claim_contents SET matching=? WHERE id=?", rows)

    def all_embeddings(self) -> list[tuple[int, bytes | None]]:
        return [(r[0], r[1]) for r in self.c.execute("SELECT id, embedding FROM claim_contents")]

    def insert_content(self, row: dict[str, Any]) -> int:
        cols = [c for c in CONTENT_COLUMNS if c != "id"]
        cur = self.c.execute(f"INSERT INTO claim_contents({','.join(cols)}) "
                             f"VALUES ({_marks(cols)})", [row[c] for c in cols])
        return int(cur.lastrowid or 0)

    def update_content(self, row: dict[str, Any]) -> None:
        cols = [c for c in CONTENT_COLUMNS if c not in ("id", "key")]
        self.c.execute(f"UPDATE claim_contents SET {', '.join(f'{c}=?' for c in cols)} "
                       f"WHERE id=?", [row[c] for c in cols] + [row["id"]])

    def set_embedding(self, content_id: int, embedding: bytes) -> None:
        self.c.execute("UPDATE claim_contents SET embedding=? WHERE id=?",
                       (embedding, content_id))

    def unrooted(self, limit: int | None = None) -> list[int]:
        """The contents (up to ``limit``) whose cluster root is not known (0)."""
        sql = "SELECT id FROM claim_contents WHERE root = 0 ORDER BY id"
        if limit is None:
            return [int(r[0]) for r in self.c.execute(sql)]
        return [int(r[0]) for r in self.c.execute(sql + " LIMIT ?", (limit,))]

    def linked(self) -> list[int]:
        """The contents with an active edge."""
        return [int(r[0]) for r in self.c.execute(
            "SELECT a FROM claim_edges WHERE active = 1 UNION "
            "SELECT b FROM claim_edges WHERE active = 1")]

    def set_roots(self, rows: Iterable[tuple[int, int]]) -> None:
        """(root, content id): the root of each content's cluster (migration 015; stored
        NULL for a content that is its own root)."""
        self.c.executemany("UPDATE claim_contents SET root=? WHERE id=?",
                           ((None if root == k else root, k) for root, k in rows))

    def set_propositions(self, rows: Iterable[tuple[str, int]]) -> None:
        self.c.executemany("UPDATE claim_contents SET proposition=? WHERE id=?", rows)

    def map_claims(self, rows: Iterable[tuple[int, int]]) -> None:
        """(claim id, content id)."""
        self.c.executemany("INSERT INTO claim_content_of(claim_id, content) VALUES (?,?)", rows)

    def claims_of(self, contents: Sequence[int]) -> list[dict[str, Any]]:
        """The claims of these contents with their appearance fields and ``content``."""
        out: list[dict[str, Any]] = []
        for ch in _chunks(sorted(set(contents))):
            out += self.store.query(
                _CLAIM.replace("SELECT ", "SELECT o.content AS content_id, ", 1)
                + f"JOIN claim_content_of o ON o.claim_id = c.id WHERE o.content IN ({_marks(ch)})",
                ch)
        return out

    # -- features ----------------------------------------------------------------------------
    def common(self, features: Sequence[int]) -> set[int]:
        out: set[int] = set()
        for ch in _chunks(features):
            out.update(r[0] for r in self.c.execute(
                f"SELECT feature FROM claim_common_features WHERE feature IN ({_marks(ch)})", ch))
        return out

    def postings(self, features: Sequence[int]) -> list[tuple[int, int]]:
        """(feature, content)."""
        out: list[tuple[int, int]] = []
        for ch in _chunks(features):
            out += [(r[0], r[1]) for r in self.c.execute(
                f"SELECT feature, content FROM claim_features WHERE feature IN ({_marks(ch)})",
                ch)]
        return out

    def add_features(self, postings: Iterable[tuple[int, int]], common: Sequence[int]) -> None:
        self.c.executemany("INSERT OR IGNORE INTO claim_features(feature, content) VALUES (?,?)",
                           postings)
        for ch in _chunks(common):
            self.c.execute(f"DELETE FROM claim_features WHERE feature IN ({_marks(ch)})", ch)
        self.c.executemany("INSERT OR IGNORE INTO claim_common_features(feature) VALUES (?)",
                           ((f,) for f in common))

    # -- edges and decisions -----------------------------------------------------------------
    def edges_of(self, contents: Sequence[int], active_only: bool = False) -> list[dict[str, Any]]:
        out: dict[tuple[int, int], dict[str, Any]] = {}
        cond = " AND active = 1" if active_only else ""
        for ch in _chunks(sorted(set(contents))):
            m = _marks(ch)
            for r in self.c.execute(f"SELECT * FROM claim_edges WHERE a IN ({m}){cond} UNION "
                                    f"SELECT * FROM claim_edges WHERE b IN ({m}){cond}",
                                    [*ch, *ch]):
                out[(r["a"], r["b"])] = dict(r)
        return list(out.values())

    def delete_edges_of(self, contents: Sequence[int]) -> None:
        for ch in _chunks(sorted(set(contents))):
            m = _marks(ch)
            self.c.execute(f"DELETE FROM claim_edges WHERE a IN ({m}) OR b IN ({m})", [*ch, *ch])

    def delete_edges(self, pairs: Iterable[tuple[int, int]]) -> None:
        self.c.executemany("DELETE FROM claim_edges WHERE a=? AND b=?", pairs)

    def put_edges(self, rows: Iterable[tuple[int, int, float, float | None, int]]) -> None:
        """(a, b, score, due, active)."""
        self.c.executemany("INSERT OR REPLACE INTO claim_edges(a, b, score, due, active) "
                           "VALUES (?,?,?,?,?)", rows)

    def due_edges(self, moved: float) -> list[dict[str, Any]]:
        return self.store.query("SELECT * FROM claim_edges WHERE due IS NOT NULL AND due <= ?",
                                (moved,))

    def all_centred_edges(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT * FROM claim_edges WHERE due IS NOT NULL")

    def due_decisions(self, moved: float | None) -> list[dict[str, Any]]:
        if moved is None:
            return self.store.query("SELECT * FROM claim_decisions")
        return self.store.query("SELECT * FROM claim_decisions WHERE due <= ?", (moved,))

    def put_decisions(self, rows: Iterable[tuple[int, int, float, int]]) -> None:
        """(a, b, due, outcome)."""
        self.c.executemany("INSERT OR REPLACE INTO claim_decisions(a, b, due, outcome) "
                           "VALUES (?,?,?,?)", rows)

    def decisions_of(self, contents: Sequence[int]) -> list[dict[str, Any]]:
        out: dict[tuple[int, int], dict[str, Any]] = {}
        for ch in _chunks(sorted(set(contents))):
            m = _marks(ch)
            for r in self.c.execute(f"SELECT * FROM claim_decisions WHERE a IN ({m}) UNION "
                                    f"SELECT * FROM claim_decisions WHERE b IN ({m})",
                                    [*ch, *ch]):
                out[(r["a"], r["b"])] = dict(r)
        return list(out.values())

    def delete_decisions(self, pairs: Iterable[tuple[int, int]]) -> None:
        self.c.executemany("DELETE FROM claim_decisions WHERE a=? AND b=?", pairs)

    def checks_of(self, contents: Sequence[int]) -> dict[tuple[int, int], int]:
        """The stored merge checks (a, b) -> outcome whose first content is one of these."""
        out: dict[tuple[int, int], int] = {}
        for ch in _chunks(sorted(set(contents))):
            for r in self.c.execute(
                    f"SELECT a, b, outcome FROM claim_checks WHERE a IN ({_marks(ch)})", ch):
                out[(int(r[0]), int(r[1]))] = int(r[2])
        return out

    def put_checks(self, rows: Iterable[tuple[int, int, int]]) -> None:
        """(a, b, outcome)."""
        self.c.executemany("INSERT OR REPLACE INTO claim_checks(a, b, outcome) VALUES (?,?,?)",
                           rows)

    def delete_checks_of(self, contents: Sequence[int]) -> None:
        for ch in _chunks(sorted(set(contents))):
            m = _marks(ch)
            self.c.execute(f"DELETE FROM claim_checks WHERE a IN ({m}) OR b IN ({m})",
                           [*ch, *ch])

    def delete_decisions_of(self, contents: Sequence[int]) -> None:
        for ch in _chunks(sorted(set(contents))):
            m = _marks(ch)
            self.c.execute(f"DELETE FROM claim_decisions WHERE a IN ({m}) OR b IN ({m})",
                           [*ch, *ch])

    # -- clusters ----------------------------------------------------------------------------
    def replace_clusters(self, contents: Sequence[int],
                         rows: Iterable[tuple[int, int, float]]) -> None:
        """Replace the cluster rows of the claims of these contents with ``rows`` (claim id,
        cluster id, similarity)."""
        for ch in _chunks(sorted(set(contents))):
            self.c.execute(f"DELETE FROM claim_clusters WHERE claim_id IN (SELECT claim_id "
                           f"FROM claim_content_of WHERE content IN ({_marks(ch)}))", ch)
        self.c.executemany("INSERT INTO claim_clusters(claim_id, cluster_id, similarity) "
                           "VALUES (?,?,?)", rows)
