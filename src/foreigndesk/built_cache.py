"""Built dictionaries and indexes cached on disk, keyed by the hashes of their data files.

Building the actor index, the gazetteer, the CAMEO dictionaries and the time lexicon from
their data files takes seconds, at every start of an ingest. :func:`cached` builds such an
object once, pickles it, and later loads the pickle instead, as long as the key is the same:
the SHA-256 of the name, of every data file the object is built from (their bytes), of the
source of the package that builds it (``extract/``), and of the Python version. A changed data
file (or code) gives another key, so the object is built again; older pickles of the same
name are removed.

Where: ``$FOREIGNDESK_CACHE`` if set (``off`` turns the cache off), else
``$XDG_CACHE_HOME/foreigndesk``, else ``~/.cache/foreigndesk``. A cache that cannot be
written (read-only home) or a pickle that cannot be read is skipped: the object is built.
Pickles are only ever read from this directory, which is the user's own.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
ENV = "FOREIGNDESK_CACHE"
FORMAT = "1"


def cache_dir() -> Path | None:
    """The cache directory (None: the cache is off)."""
    env = os.environ.get(ENV)
    if env:
        return None if env.lower() in ("off", "0", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "foreigndesk"


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    """Hash of the sources that build the cached objects (a code change rebuilds them)."""
    h = hashlib.sha256()
    root = Path(__file__).parent
    for p in sorted((root / "extract").glob("*.py")) + [Path(__file__)]:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def key(name: str, inputs: Iterable[Any]) -> str:
    """The cache key of ``name`` built from ``inputs`` (paths or importlib resources)."""
    h = hashlib.sha256()
    h.update(f"{name}\0{FORMAT}\0{sys.version_info[:2]}\0{_code_hash()}".encode())
    for f in inputs:
        h.update(b"\0" + str(getattr(f, "name", f)).encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def cached(name: str, inputs: Iterable[Any], build: Callable[[], T]) -> T:
    """The object ``build()`` returns, from the cache when its key (see the module doc) is
    there, else built and stored."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key(name, inputs)[:24]}.pickle"
    enabled = gc.isenabled()
    gc.disable()  # unpickling creates many objects: collecting meanwhile doubles the time
    try:
        with path.open("rb") as f:
            obj = pickle.load(f)
        gc.freeze()
        return obj  # type: ignore[no-any-return,unused-ignore]
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a truncated or stale pickle: build again
        pass
    finally:
        if enabled:
            gc.enable()
    obj = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
    return obj


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's C parser when PyYAML has it (several times faster;
    the same safe types)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
