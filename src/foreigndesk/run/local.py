"""In-process and local multi-process execution of the extraction pipeline.

Documents stream through: :func:`run` takes any iterable (a generator that reads files as it
goes) and yields one result per document in input order, keeping only a few chunks in
flight, so memory does not grow with the size of the batch. Each document is extracted
within its own time and memory budget (:mod:`foreigndesk.extract.budget`); a document that
exceeds it, or whose extraction raises, becomes an :class:`ExtractError` and costs nothing
but itself. A worker process that dies (killed for memory, say) costs only its chunk: the
pool is replaced and the other chunks in flight are redone.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import traceback
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from foreigndesk.config import DEFAULT, ExtractConfig
from foreigndesk.extract.budget import Budget, BudgetExceeded, budget
from foreigndesk.model import Document, Extraction


@dataclass
class ExtractError:
    """A document whose extraction failed: reported, never stored."""

    document: Document
    reason: str


Result = Extraction | ExtractError

_state: dict[str, object] = {}  # the pipeline of the last config used in this process


# One sentence that touches every extractor's lazily built index (actor dictionary, gazetteer,
# time and quantity lexicons, CAMEO dictionary, cue verbs), so it is built once.
_WARM_UP = ('Beijing said on Friday that China gave $1 million to Cuba, '
            'and the Cuban president "thanked" Xi Jinping in Havana.')


# The same for the other languages' pipelines (a model or segmenter, and their word lists),
# loaded by a long-lived worker at its start rather than by its first task in that language.
_WARM_UP_OTHER = {"es": "Pekín dijo el viernes que China dio un millón de dólares a Cuba.",
                  "zh": "北京周五表示，中国向古巴提供了100万美元的援助。"}


def _pipeline_key(config: ExtractConfig) -> tuple[str, str | None]:
    return (config.model, config.event_dictionaries)


def extractors_for(config: ExtractConfig) -> list[Any]:
    """The English extractors ``config`` asks for: foreigndesk's own, with the event
    extractor on ``config.event_dictionaries`` when it names a directory."""
    from foreigndesk.extract.pipeline import default_extractors

    out = default_extractors()
    if config.event_dictionaries:
        from foreigndesk.extract.events import EventExtractor, load_dictionary

        try:
            d = load_dictionary(config.event_dictionaries)
        except (OSError, ValueError) as e:
            raise ValueError(f"event dictionaries {config.event_dictionaries}: {e}") from e
        out = [EventExtractor(dictionary=d) if e.name == "events" else e for e in out]
    return out


def _init_worker(config: ExtractConfig = DEFAULT, warm: bool = True,
                 languages: bool = False) -> None:
    """Load the model and every extractor's data once in this process (again only when a
    config asks for another model or dictionary). ``warm`` also builds every extractor's
    lazily built indexes now (before a pool forks, or in a worker before its first task); an
    inline run leaves them to its first document, which may not need them all. ``languages``
    also loads the pipeline of every other installed language (a dask worker at its start:
    otherwise each worker loads them during its first task in that language)."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import extract

    key = _pipeline_key(config)
    if _state.get("key") != key:
        _state["nlp"] = load(config.model)
        _state["extractors"] = extractors_for(config)
        _state["key"], _state["warm"] = key, False
    if warm and not _state["warm"]:
        # language=None: the language identifier is loaded too (most readers leave the
        # language to it; else each worker loads it in its first task, 0.15-0.8 s of CPU)
        list(extract([Document(text=_WARM_UP, published="2023-01-20", language=None)],
                     _state["nlp"], _state["extractors"]))  # type: ignore[arg-type]
        _state["warm"] = True
    if languages and not _state.get("languages"):
        from foreigndesk.extract.languages import missing

        docs = [Document(text=text, published="2023-01-20", language=lang)
                for lang, text in _WARM_UP_OTHER.items() if missing(lang) is None]
        try:
            list(extract(docs, _state["nlp"], _state["extractors"]))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a warm-up only: the first such document will say
            pass
        _state["languages"] = True


def _init_pool_worker(config: ExtractConfig = DEFAULT) -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(config)


def _with_language(d: Document, config: ExtractConfig) -> Document:
    if config.language and not d.language:
        d.language = config.language
    return d


def _failure(e: BaseException) -> str:
    tb = traceback.extract_tb(e.__traceback__)
    where = f" ({os.path.basename(tb[-1].filename)}:{tb[-1].lineno})" if tb else ""
    return f"extraction failed: {type(e).__name__}: {str(e)[:300]}{where}"


def extract_one(d: Document, limits: Budget | None = None,
                config: ExtractConfig = DEFAULT) -> Result:
    """Extract one document within ``limits``; never raises (but KeyboardInterrupt)."""
    from foreigndesk.extract.pipeline import extract

    _init_worker(config, warm=False)
    _with_language(d, config)
    try:
        with budget(limits):
            out = list(extract([d], _state["nlp"], _state["extractors"]))  # type: ignore[arg-type]
        return out[0]
    except BudgetExceeded as e:
        return ExtractError(d, f"extraction stopped: the document {e}")
    except RecursionError as e:
        return ExtractError(d, _failure(e))
    except MemoryError:
        return ExtractError(d, "extraction failed: out of memory")
    except Exception as e:  # noqa: BLE001 - reported to the user with the document
        return ExtractError(d, _failure(e))


def _batchable(d: Document) -> bool:
    """A text the spaCy pass reads in one piece (see :func:`foreigndesk.extract.nlp.pipe`)."""
    from foreigndesk.extract.nlp import _LONG_RUN, SEGMENT_CHARS

    return len(d.text) <= SEGMENT_CHARS and not _LONG_RUN.search(d.text)


def _extract_chunk(docs: list[Document], limits: Budget | None = None,
                   config: ExtractConfig = DEFAULT) -> list[Result]:
    """Extract a chunk of documents. Short texts go through the spaCy pass together (its
    neural layers are much faster on a batch), within the chunk's budget (each document's,
    times their number); when anything in the batch fails or runs over, the documents are
    extracted again one at a time, each within its own budget, so the bad one fails alone and
    the others are stored."""
    from foreigndesk.extract.pipeline import extract

    if len(docs) > 1 and all(_batchable(d) for d in docs):
        _init_worker(config, warm=False)
        for d in docs:
            _with_language(d, config)
        whole = None if limits is None else Budget(limits.seconds * len(docs),
                                                   limits.memory_mb)
        try:
            with budget(whole):
                out: list[Result] = list(extract(docs, _state["nlp"],  # type: ignore[arg-type]
                                                 _state["extractors"]))  # type: ignore[arg-type]
            if len(out) == len(docs):
                return out
        except (BudgetExceeded, RecursionError, MemoryError, Exception):  # noqa: BLE001
            pass  # one at a time below: the failure is reported with its document
    return [extract_one(d, limits, config) for d in docs]


def extract_chunk(docs: list[Document], config: ExtractConfig = DEFAULT) -> list[Result]:
    """Extract a chunk of documents with ``config`` (its model, dictionaries and each
    document's budget), in this process: what every executor runs, so that inline, local
    processes and dask workers give the same facts."""
    return _extract_chunk(docs, config.budget, config)


def _chunks(docs: Iterable[Document], max_docs: int, max_chars: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for d in docs:
        chunk.append(d)
        size += len(d.text)
        if len(chunk) >= max_docs or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _new_pool(workers: int, config: ExtractConfig = DEFAULT) -> Any:
    fork = "fork" in mp.get_all_start_methods()
    if fork:
        _init_worker(config)  # built once here, shared with the forked workers (copy-on-write)
    ctx = mp.get_context("fork" if fork else "spawn")
    return ctx.Pool(workers, initializer=_init_pool_worker, initargs=(config,))


def _patience(chunk: list[Document], limits: Budget | None, queued: int, workers: int
              ) -> float | None:
    """How long to wait for a chunk before its worker is taken for dead: every document
    ahead of it and in it at its full budget, twice, plus a minute (None: no budget)."""
    if limits is None or limits.seconds == float("inf"):
        return None
    ahead = queued // workers + 1
    return 2 * (limits.seconds + 5) * len(chunk) * ahead + 60


def config_of(limits: Budget | None, chunk_docs: int = 8, chunk_chars: int = 60_000,
              config: ExtractConfig | None = None) -> ExtractConfig:
    """``config`` when given, else the default config with ``limits`` as each document's
    budget (None: unbounded) and the given chunk sizes."""
    if config is not None:
        return config
    return replace(DEFAULT, doc_seconds=limits.seconds if limits else 0,
                   doc_memory_mb=limits.memory_mb if limits else 0,
                   chunk_docs=chunk_docs, chunk_chars=chunk_chars)


def chunks_of(docs: Iterable[Document], config: ExtractConfig) -> Iterator[list[Document]]:
    """The chunks every executor hands out, cut the same way (``config.chunk_docs`` documents
    or ``config.chunk_chars`` characters)."""
    return _chunks(docs, config.chunk_docs, config.chunk_chars)


def run(docs: Iterable[Document], workers: int = 1, chunk_docs: int = 8,
        chunk_chars: int = 60_000, limits: Budget | None = None,
        config: ExtractConfig | None = None) -> Iterator[Result]:
    """Extract every document; yields results in input order.

    ``docs`` is consumed lazily. ``workers`` > 1 runs the pipeline in that many worker
    processes (fork), each loading the model once, with at most two chunks per worker in
    flight. ``config`` says how (model, dictionaries, each document's budget, chunk sizes);
    without it, ``limits`` is each document's budget (None: unbounded)."""
    config = config_of(limits, chunk_docs, chunk_chars, config)
    chunks = chunks_of(docs, config)
    first = [c for c in (next(chunks, None), next(chunks, None)) if c is not None]
    if workers <= 1 or len(first) < 2:  # one chunk: not worth a pool
        for c in itertools.chain(first, chunks):
            yield from extract_chunk(c, config)
        return
    pool = _new_pool(workers, config)
    flight: deque[tuple[list[Document], Any]] = deque()
    try:
        for c in itertools.chain(first, chunks):
            flight.append((c, pool.apply_async(extract_chunk, (c, config))))
            while len(flight) >= 2 * workers:
                pool = yield from _drain_one(flight, pool, workers, config)
        while flight:
            pool = yield from _drain_one(flight, pool, workers, config)
    finally:
        pool.terminate()
        pool.join()


def _drain_one(flight: deque[tuple[list[Document], Any]], pool: Any, workers: int,
               config: ExtractConfig) -> Generator[Result, None, Any]:
    """Yield the results of the oldest chunk in flight; returns the pool to go on with (a new
    one when a worker died: its chunk is reported, the others in flight are redone)."""
    chunk, pending = flight.popleft()
    try:
        results = pending.get(_patience(chunk, config.budget, len(flight), workers))
    except mp.TimeoutError:
        pool.terminate()
        pool.join()
        for d in chunk:
            yield ExtractError(d, "extraction failed: its worker process died or stopped "
                                  "answering (out of memory?)")
        redo = [c for c, _p in flight]
        flight.clear()
        pool = _new_pool(workers, config)
        for c in redo:
            flight.append((c, pool.apply_async(extract_chunk, (c, config))))
        return pool
    yield from results
    return pool
