"""The data flows one way: readers → documents → extractors → facts → store → analyses →
views. A module never imports from a layer after its own, and no view imports another view
(the command line is the entry point that wires them: ``serve`` hands the web the brief
renderer, ``report`` calls the report)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "foreigndesk"
LOWER = ("store", "extract", "ingest", "importers")
FORBIDDEN_BELOW = ("analyze", "web", "cli", "report")
VIEWS = ("web", "report")  # the command line may import both: it is the entry point


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
    return [(n, m) for n, m in out if m == "foreigndesk" or m.startswith("foreigndesk.")]


def _package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _modules(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


@pytest.mark.parametrize("package", LOWER)
def test_lower_layers_do_not_import_analyses_or_views(package: str) -> None:
    bad = [f"{p.relative_to(SRC)}:{n} imports {m}" for p in _modules(package)
           for n, m in _imports(p) if _package(m) in FORBIDDEN_BELOW]
    assert not bad, bad


@pytest.mark.parametrize("view", VIEWS)
def test_no_view_imports_another_view(view: str) -> None:
    others = {"web", "report", "cli"} - {view}
    bad = [f"{p.relative_to(SRC)}:{n} imports {m}" for p in _modules(view)
           for n, m in _imports(p) if _package(m) in others]
    assert not bad, bad


def test_analyses_do_not_import_views() -> None:
    bad = [f"{p.relative_to(SRC)}:{n} imports {m}" for p in _modules("analyze")
           for n, m in _imports(p) if _package(m) in ("web", "cli", "report")]
    assert not bad, bad


def test_the_check_sees_imports() -> None:
    """The checker itself finds a known import (a test that could not fail proves nothing)."""
    assert ("foreigndesk.store" in {m for _, m in _imports(SRC / "analyze" / "timeline.py")})
