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
