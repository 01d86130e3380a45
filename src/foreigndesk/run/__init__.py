"""Running an ingest: the service and where extraction runs.

- :func:`foreigndesk.run.ingest` (:mod:`foreigndesk.run.service`): read → extract → store →
  refresh of the store-wide analyses, with an executor and an
  :class:`~foreigndesk.config.ExtractConfig`; returns a :class:`~foreigndesk.run.service.Report`.
- :mod:`foreigndesk.run.executors`: inline, local processes, dask.distributed
  (:mod:`foreigndesk.run.distributed`).
- :mod:`foreigndesk.run.local`: the chunk function every executor runs, and the local pool.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ingest", "Report", "make_executor"]


def __getattr__(name: str) -> Any:  # imported on first use: `import foreigndesk.run.local`
    if name in ("ingest", "Report"):  # stays as light as it was
        import importlib

        return getattr(importlib.import_module("foreigndesk.run.service"), name)
    if name == "make_executor":
        from foreigndesk.run.executors import make_executor

        return make_executor
    raise AttributeError(name)
