"""Where extraction runs: in this process, in local worker processes, or on a dask cluster.

Every executor takes the documents as an iterable and yields one result per document in
input order, cutting the same chunks (:func:`foreigndesk.run.local.chunks_of`) and running
the same chunk function (:func:`foreigndesk.run.local.extract_chunk`) with the same
:class:`~foreigndesk.config.ExtractConfig`, so every executor gives the same facts and the
store they fill is the same. The calling process alone writes to the store.

- :class:`Inline`: this process.
- :class:`Processes`: ``workers`` local processes (a multiprocessing pool, forked after the
  model is loaded once; :func:`foreigndesk.run.local.run`).
- :class:`~foreigndesk.run.distributed.Dask`: a dask.distributed cluster, a local one started
  for the run or an existing one joined by its scheduler's address
  (:mod:`foreigndesk.run.distributed`; the extra ``dask``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.model import Document
from foreigndesk.run.local import Result, default_workers, run

EXECUTORS = ("inline", "processes", "dask")


class Executor(Protocol):
    """Runs the extraction of documents; results in input order."""

    name: str

    def map(self, docs: Iterable[Document], config: ExtractConfig = DEFAULT
            ) -> Iterator[Result]: ...

    def close(self) -> None: ...


@dataclass
class Inline:
    """Extraction in this process."""

    name: str = "inline"

    def map(self, docs: Iterable[Document], config: ExtractConfig = DEFAULT
            ) -> Iterator[Result]:
        return run(docs, workers=1, config=config)

    def close(self) -> None:
        pass


@dataclass
class Processes:
    """Extraction in ``workers`` local processes, each loading the model once (one chunk
    alone runs in this process: not worth a pool)."""

    workers: int = 2
    name: str = "processes"

    def map(self, docs: Iterable[Document], config: ExtractConfig = DEFAULT
            ) -> Iterator[Result]:
        return run(docs, workers=self.workers, config=config)

    def close(self) -> None:
        pass


def make_executor(name: str = "processes", workers: int | None = None,
                  scheduler: str | None = None) -> Executor:
    """The executor called ``name`` (``inline``, ``processes``, ``dask``); ``workers`` is
    the number of local processes or local dask workers (default: one per core, at most 8);
    ``scheduler`` (``tcp://host:port``) joins an existing dask cluster instead of starting
    one (and implies ``dask``)."""
    if scheduler is not None or name == "dask":
        from foreigndesk.run.distributed import Dask

        return Dask(scheduler=scheduler, workers=workers or default_workers())
    n = workers or default_workers()
    if name == "inline" or n <= 1:
        return Inline()
    if name == "processes":
        return Processes(n)
    raise ValueError(f"unknown executor {name!r} (choose from {', '.join(EXECUTORS)})")
