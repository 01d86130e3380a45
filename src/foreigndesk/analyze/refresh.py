"""Store-wide analyses recomputed after an ingest (derived tables: reuse, claim clusters).

Each step runs in its own transaction and replaces its table's rows whole, so a reader never
sees a half-computed analysis."""

from __future__ import annotations

from collections.abc import Callable

from foreigndesk.store import Store


def _reuse(store: Store) -> object:
    from foreigndesk.analyze.reuse_update import update_reuse

    return update_reuse(store)


def _clusters(store: Store) -> object:
    from foreigndesk.analyze.clusters import refresh_clusters

    return refresh_clusters(store)


# (name, function) pairs run in order by refresh()
STEPS: list[tuple[str, Callable[[Store], object]]] = [
    ("reuse", _reuse),
    ("clusters", _clusters),
]


def refresh(store: Store) -> None:
    """Recompute every store-wide analysis and mark them fresh."""
    for _name, step in STEPS:
        step(store)
    store.mark_analyses_fresh()
