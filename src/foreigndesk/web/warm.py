"""Heavy imports (spaCy, through the claim clusters and the extraction pipeline; SciPy for
correlations), done once in the background at start and serialised with a lock.

Two threads importing spaCy at once can fail ("partially initialized module"), so every
request that needs one of these modules calls :func:`need` first: it returns at once when
the module is loaded, and waits for the warm-up otherwise."""

from __future__ import annotations

import importlib
import sys
import threading

_LOCK = threading.Lock()
HEAVY = ("foreigndesk.analyze.clusters", "foreigndesk.analyze.figures", "scipy.stats")


def need(*modules: str) -> None:
    if all(name in sys.modules for name in modules):
        return
    with _LOCK:
        for name in modules:
            importlib.import_module(name)


def warm_up() -> None:
    try:
        need(*HEAVY)
        with _LOCK:  # the sentence-embedding backend the figures page matches measures with
            from foreigndesk.analyze import embed

            embed.load()
    except Exception:  # noqa: BLE001 - an optional part is missing or broken: the request
        pass           # that needs it says so


def start() -> None:
    threading.Thread(target=warm_up, name="foreigndesk-warm-up", daemon=True).start()


def warm_views(db_path: str) -> None:
    """Compute the views whose first request reads every event (the unfiltered network, map
    and busiest dyads), so that the cache holds them before anyone asks: on a store of
    millions of GDELT rows they take seconds, more than a request's time budget."""
    from foreigndesk.store import Store
    from foreigndesk.store.filters import EventFilter, Page
    from foreigndesk.web import graph, pages, queries, relations_view

    try:
        with Store.open(db_path, readonly=True) as s:
            everything = EventFilter()
            graph.cached_network(s, everything)
            queries.cached_event_places(s, everything, Page(pages.MAX_PLACES))
            relations_view.top_dyads(s)
            queries.cached_event_places(s, everything, Page())
    except Exception:  # noqa: BLE001 - a request computes what could not be warmed
        pass


def start_views(db_path: str) -> None:
    threading.Thread(target=warm_views, args=(db_path,), name="foreigndesk-warm-views",
                     daemon=True).start()
