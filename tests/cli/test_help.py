"""Every command and every option is documented (in --help and in the README)."""

from __future__ import annotations

import click
import pytest
from tests.conftest import REPO

from foreigndesk.cli import load_all


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((prefix + (name,), cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, prefix + (name,))
    return out


COMMANDS = _commands(load_all())  # every command (they are imported lazily)


def test_there_are_commands() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"ingest", "extract", "docs", "actors", "timeline"} <= names


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_and_options_have_help(path: tuple[str, ...], cmd: click.Command) -> None:
    assert (cmd.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts} has no help text"


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_command_in_readme(path: tuple[str, ...], cmd: click.Command) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"foreigndesk {' '.join(path)}" in readme, f"README does not document {' '.join(path)}"


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_runs(path: tuple[str, ...], cmd: click.Command) -> None:
    from tests.conftest import run_cli

    result = run_cli(*path, "--help")
    assert "Usage:" in result.output
