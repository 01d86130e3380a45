"""Extraction on a dask.distributed cluster (the extra ``dask``).

:class:`Dask` starts a :class:`distributed.LocalCluster` of ``workers`` one-thread worker
processes for the run, or joins an existing cluster by its scheduler's address
(``tcp://host:port``; its workers need foreigndesk installed, at the same version). A
:class:`ModelPlugin` loads the model and every extractor's data once per worker, when the
worker starts or joins. Chunks of documents are submitted as tasks of
:func:`foreigndesk.run.local.extract_chunk` (the function every executor runs), at most two
per worker in flight, and their results are taken back in input order, so the store is the
one the other executors make. A chunk whose worker died (dask retries it on another worker
first) comes back as one :class:`~foreigndesk.run.local.ExtractError` per document.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.model import Document
from foreigndesk.run.local import (
    ExtractError,
    Result,
    _init_worker,
    _pipeline_key,
    chunks_of,
    extract_chunk,
)

# A worker runs its task (the extraction, pure Python holding the GIL) on one thread and its
# event loop on another; each wake-up of the loop takes the GIL from the task. The statistical
# profiler samples the task thread's stack every 10 ms (a large share of a core on the
# extractors' deep stacks, for a dashboard nobody reads here), the loop's tick every 20 ms,
# the memory monitor every 100 ms and the system monitor every 500 ms: on a loaded machine
# the task thread then waits for a GIL held by a thread the OS is not running (measured at
# load 13: the other threads took 14% of the worker's CPU and a chunk's wall time was 1.9x
# its inline time; with these settings 1%, and the chunk's CPU that of inline). Memory is
# still watched: each document's budget, and the nanny's limit. A cluster joined by
# --scheduler keeps its own settings (start its workers with the same, e.g.
# DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=2s; .ci/run does).
#
# The nanny also starts each worker with MALLOC_TRIM_THRESHOLD_=65536 (dask's default, to hand
# freed memory back to the OS at once). Setting that variable also turns off glibc's dynamic
# mmap threshold, so every allocation above 128 kB (spaCy's arrays, one per layer and batch)
# is an mmap and its pages are faulted in anew: measured on the same chunks, the worker's
# system time was 0.36-0.43 s per 2.3 s of CPU against 0.05-0.10 s without it (~13% of the
# worker's CPU). Our workers unset it (None drops it from the nanny's environment); one set
# in the environment that starts us is kept.
QUIET_WORKERS = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.system-monitor.gil.enabled": False,
                 "distributed.admin.tick.interval": "2s",
                 "distributed.admin.system-monitor.interval": "2s",
                 "distributed.worker.memory.monitor-interval": "2s",
                 "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


class ModelPlugin(WorkerPlugin):
    """Loads the pipeline of ``config`` once in each worker (on the worker's thread pool, so
    the worker keeps answering its scheduler meanwhile), with the other installed languages'
    pipelines: a worker lives for many tasks, and a Spanish or Chinese document would else
    make its first task load them (measured: ~2 s of CPU per worker under load, in the run)."""

    def __init__(self, config: ExtractConfig) -> None:
        self.config = config
        key = repr(_pipeline_key(config)).encode()
        self.name = f"foreigndesk-model-{hashlib.sha1(key).hexdigest()[:12]}"

    async def setup(self, worker: Any) -> None:
        await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(_init_worker, self.config, languages=True))


class Dask:
    """Extraction on a dask cluster: a LocalCluster of ``workers`` processes started on the
    first :meth:`map`, or the cluster of ``scheduler`` when given. Use as a context manager
    or call :meth:`close` (which stops a cluster it started)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2,
                 wait_seconds: float = 120.0) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.wait_seconds = wait_seconds
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self._plugins: set[str] = set()

    def __enter__(self) -> Dask:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> Client:
        """Connect (starting the local cluster first when there is no scheduler)."""
        if self.client is None:
            if self.scheduler is None:
                # loopback only; the scheduler's HTTP routes on a free port (its default,
                # 8787, may be taken by another cluster)
                with dask.config.set(QUIET_WORKERS):  # handed to the worker processes
                    self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                                processes=True, host="127.0.0.1",
                                                dashboard_address="127.0.0.1:0",
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.scheduler, timeout=f"{self.wait_seconds}s")
            self.client.wait_for_workers(1, timeout=self.wait_seconds)
        return self.client

    def prepare(self, config: ExtractConfig = DEFAULT) -> None:
        """Load the pipeline of ``config`` on every worker (and on workers joining later)."""
        client = self.start()
        plugin = ModelPlugin(config)
        if plugin.name not in self._plugins:
            client.register_plugin(plugin, name=plugin.name)
            self._plugins.add(plugin.name)

    def n_workers(self) -> int:
        return max(1, len(self.start().scheduler_info().get("workers", {})))

    def map(self, docs: Iterable[Document], config: ExtractConfig = DEFAULT
            ) -> Iterator[Result]:
        client = self.start()
        self.prepare(config)
        flight: deque[tuple[list[Document], Any]] = deque()
        chunks = chunks_of(docs, config)
        workers = self.n_workers()
        try:
            for k, c in enumerate(chunks):
                flight.append((c, client.submit(extract_chunk, c, config, pure=False)))
                if k % 16 == 15:  # workers may join or leave a cluster meanwhile
                    workers = self.n_workers()
                while len(flight) >= 2 * workers:
                    yield from self._take(flight)
            while flight:
                yield from self._take(flight)
        finally:
            for _c, f in flight:
                f.cancel()

    @staticmethod
    def _take(flight: deque[tuple[list[Document], Any]]) -> Iterator[Result]:
        chunk, future = flight.popleft()
        try:
            results: list[Result] = future.result()
        except Exception as e:  # noqa: BLE001 - a worker lost (KilledWorker) or the cluster
            reason = f"extraction failed on the dask cluster: {type(e).__name__}: {str(e)[:200]}"
            results = [ExtractError(d, reason) for d in chunk]
        finally:
            future.release()
        yield from results

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None
        self._plugins.clear()
