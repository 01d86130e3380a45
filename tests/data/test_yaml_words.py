"""Word lists in the data files are words: YAML 1.1 reads a bare ``on``, ``off``, ``yes``
or ``no`` as a boolean, which silently drops the word from a list ("due on Monday" was missed
so). Every list item and mapping key under foreigndesk/data must be read as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import foreigndesk

DATA = Path(foreigndesk.__file__).parent / "data"


def _booleans(node: Any, path: str) -> list[str]:
    found: list[str] = []
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(k, bool):
                found.append(f"{path}: key {k}")
            found += _booleans(v, f"{path}.{k}")
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, bool):
                found.append(f"{path}: item {v}")
            else:
                found += _booleans(v, path)
    return found


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_word_is_read_as_a_boolean(path: Path) -> None:
    assert _booleans(yaml.safe_load(path.read_text(encoding="utf-8")), path.name) == []
