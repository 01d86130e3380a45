"""Store-wide analyses brought up to date after an ingest (derived tables: reuse, claim
clusters).

Each step updates its table from the documents and claims added since it last ran, through
an index kept in the store (:mod:`foreigndesk.analyze.reuse_update`,
:mod:`foreigndesk.analyze.cluster_update`), in transactions that leave the table complete for
the documents they cover, so a reader never sees a half-computed analysis. The results are
those of the whole-store computations (``find_reuse``, ``cluster_claims``). The run's
:class:`~foreigndesk.config.ExtractConfig` names the embedding backend of the clusters."""

from __future__ import annotations

from collections.abc import Callable

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.store import Store


def _reuse(store: Store, config: ExtractConfig) -> object:
    from foreigndesk.analyze.reuse_update import update_reuse

    return update_reuse(store)


def _clusters(store: Store, config: ExtractConfig) -> object:
    from foreigndesk.analyze.cluster_update import update_clusters

    return update_clusters(store, backend=config.embed)


# (name, function) pairs run in order by refresh()
STEPS: list[tuple[str, Callable[[Store, ExtractConfig], object]]] = [
    ("reuse", _reuse),
    ("clusters", _clusters),
]


_WARM_CLAIM = "China said it would send aid to Cuba."


def prepare(config: ExtractConfig = DEFAULT) -> None:
    """Load ahead what :func:`refresh` loads on its first run in a process: the embedding
    model (and its first call), the claim anchors' word lists and their spaCy pass. The
    ingest service calls it once its first document is stored, while the workers are still
    extracting, so that the refresh that ends the ingest, alone on one core, does not pay
    them (measured on 80 TBAQ texts, first refresh in a process: 0.43 s CPU for the model,
    ~0.5 s for the first calls). Nothing is stored. Best effort: what fails here is left to
    the refresh, which reports it."""
    try:
        from foreigndesk.analyze import embed, propositions

        try:
            embedder = embed.load(config.embed)
        except embed.EmbedUnavailable:
            embedder = None
        if embedder is not None:
            embedder.embed([_WARM_CLAIM])
        propositions.read([_WARM_CLAIM])
    except Exception:  # noqa: BLE001 - a warm-up only
        pass


def refresh(store: Store, config: ExtractConfig = DEFAULT) -> None:
    """Bring every store-wide analysis up to date and mark them fresh."""
    for _name, step in STEPS:
        step(store, config)
    store.mark_analyses_fresh()
