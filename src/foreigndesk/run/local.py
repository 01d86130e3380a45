"""In-process and local multi-process execution of the extraction pipeline."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from foreigndesk.model import Document, Extraction


@dataclass
class ExtractError:
    """A document whose extraction failed: reported, never stored."""

    document: Document
    reason: str


Result = Extraction | ExtractError

_state: dict[str, object] = {}


# One sentence that touches every extractor's lazily built index (actor dictionary, gazetteer,
# time and quantity lexicons, CAMEO dictionary, cue verbs), so it is built once.
_WARM_UP = ('Beijing said on Friday that China gave $1 million to Cuba, '
            'and the Cuban president "thanked" Xi Jinping in Havana.')


def _init_worker() -> None:
    """Load the model and every extractor's data once in this process."""
    from foreigndesk.extract.nlp import load
    from foreigndesk.extract.pipeline import default_extractors, extract

    if "nlp" in _state:
        return
    _state["nlp"] = load()
    _state["extractors"] = default_extractors()
    list(extract([Document(text=_WARM_UP, published="2023-01-20")], _state["nlp"],  # type: ignore[arg-type]
                 _state["extractors"]))  # type: ignore[arg-type]


def _init_pool_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker()


def _extract_chunk(docs: list[Document]) -> list[Result]:
    from foreigndesk.extract.pipeline import extract

    if "nlp" not in _state:
        _init_worker()
    out: list[Result] = []
    try:
        out.extend(extract(docs, _state["nlp"], _state["extractors"]))  # type: ignore[arg-type]
    except Exception:
        # one bad document must not sink the chunk: redo them one by one
        for d in docs:
            try:
                out.extend(extract([d], _state["nlp"], _state["extractors"]))  # type: ignore[arg-type]
            except Exception as e:  # noqa: BLE001 - reported to the user with the document
                tb = traceback.extract_tb(e.__traceback__)[-1]
                out.append(ExtractError(d, f"extraction failed: {type(e).__name__}: {e} "
                                           f"({os.path.basename(tb.filename)}:{tb.lineno})"))
    return out


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


def run(docs: Iterable[Document], workers: int = 1, chunk_docs: int = 8,
        chunk_chars: int = 60_000) -> Iterator[Result]:
    """Extract every document; yields results in input order.

    ``workers`` > 1 runs the pipeline in that many worker processes (fork), each loading
    the model once."""
    chunks = _chunks(docs, chunk_docs, chunk_chars)
    if workers <= 1:
        for c in chunks:
            yield from _extract_chunk(c)
        return
    fork = "fork" in mp.get_all_start_methods()
    if fork:
        _init_worker()  # built once here, shared with the forked workers (copy-on-write)
    ctx = mp.get_context("fork" if fork else "spawn")
    with ctx.Pool(workers, initializer=_init_pool_worker) as pool:
        for results in pool.imap(_extract_chunk, chunks):
            yield from results
