"""Claims as the analyses and views read them: cited (speaker's name, outlet, date, URL,
sentence), the inputs of clustering, cluster members, and the few lookups of the evaluations.
Filters are :class:`foreigndesk.store.filters.ClaimFilter`; the SQL stays here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foreigndesk.store.db import Store
from foreigndesk.store.filters import ClaimFilter

_CITED = """SELECT c.id AS claim_id, c.doc_id, c.sentence AS sentence_index, c.start, c."end",
       coalesce(a.name, c.speaker_text, c.speaker_actor) AS speaker, c.speaker_actor,
       c.speaker_code, c.cue, c.stance, c.kind, c.direct, c.content, c.date AS claim_date,
       c.date_source, d.rowid AS doc_order,
       c.echoes_actor, coalesce(ea.name, c.echoes_text, c.echoes_actor) AS echoes,
       d.outlet, d.published, d.url, d.title, d.language, s.text AS sentence, s.page
FROM claims c
JOIN documents d ON d.id = c.doc_id
LEFT JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sentence
LEFT JOIN actors a ON a.id = c.speaker_actor
LEFT JOIN actors ea ON ea.id = c.echoes_actor"""


def cited_claim_rows(store: Store, flt: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """Claims as ``flt`` selects them, each with its speaker's name and citation, in no
    particular order (``doc_order`` and ``date_source`` let the caller order them)."""
    cond, params = (flt or ClaimFilter()).where()
    return store.query(f"{_CITED} WHERE {cond}", params)


def claims_to_cluster(store: Store) -> list[dict[str, Any]]:
    """Every claim with a content: id, content, start, date, date_source, stance,
    speaker_actor, speaker_text, and its document's published, doc_order and language."""
    return store.query(
        "SELECT c.id, c.content, c.start, c.date, c.date_source, c.stance, c.speaker_actor, "
        "c.speaker_text, d.published, d.rowid AS doc_order, d.language "
        "FROM claims c JOIN documents d ON d.id=c.doc_id WHERE c.content != ''")


def claim_contents(store: Store) -> Iterator[dict[str, Any]]:
    """(id, content) of every claim with a content."""
    yield from store.iter_query("SELECT id, content FROM claims WHERE content != ''")


def cluster_members(store: Store) -> list[dict[str, Any]]:
    """Every stored cluster member: claim_id, cluster_id, similarity."""
    return store.query("SELECT claim_id, cluster_id, similarity FROM claim_clusters")


def cluster_count(store: Store) -> int:
    """How many claim clusters are stored."""
    return int(store.conn.execute(
        "SELECT count(DISTINCT cluster_id) FROM claim_clusters").fetchone()[0])


def claims_of(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """(id, sentence) of a document's claims, in order."""
    return store.query("SELECT id, sentence FROM claims WHERE doc_id=? ORDER BY id", (doc_id,))


def claim_speakers_and_contents(store: Store) -> list[dict[str, Any]]:
    """(id, speaker_text, content) of every claim."""
    return store.query("SELECT id, speaker_text, content FROM claims")


def claims_with_speaker_actor(store: Store) -> list[dict[str, Any]]:
    """Every claim (all its columns) with its speaker actor's name, country and sector
    (``actor_name``, ``actor_country``, ``actor_sector``)."""
    return store.query(
        "SELECT c.*, a.name AS actor_name, a.country AS actor_country, a.sector AS actor_sector "
        "FROM claims c LEFT JOIN actors a ON a.id = c.speaker_actor ORDER BY c.id")


def actor_codes_in_sentence(store: Store, actor: str, doc_id: str,
                            sentence: int) -> list[tuple[str | None, str | None]]:
    """(country, sector) of an actor, and of its mentions in one sentence."""
    out = [(r[0], r[1]) for r in store.conn.execute(
        "SELECT country, sector FROM actors WHERE id=?", (actor,))]
    out += [(r[0], r[1]) for r in store.conn.execute(
        "SELECT country, sector FROM mentions WHERE doc_id=? AND sentence=? AND actor_id=?",
        (doc_id, sentence, actor))]
    return out
