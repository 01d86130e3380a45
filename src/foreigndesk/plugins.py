"""Optional modules: the registries of extractors, commands and scorers list module names;
a listed module that does not exist (yet) is skipped, any other import error is raised."""

from __future__ import annotations

import importlib
from types import ModuleType


def optional_module(name: str) -> ModuleType | None:
    """Import ``name``; None when that very module does not exist."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as e:
        if e.name == name:
            return None
        raise
