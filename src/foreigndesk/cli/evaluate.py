"""``foreigndesk eval``: scorers against annotated data. Subcommands come from modules of
:mod:`foreigndesk.evaluation` that define ``COMMAND`` (a click command)."""

from __future__ import annotations

import importlib

import click


@click.group(name="eval")
def eval_group() -> None:
    """Score extraction against annotated data and print precision / recall / F1."""


for _name in ("timex", "events", "dossier"):
    try:
        _mod = importlib.import_module(f"foreigndesk.evaluation.{_name}")
    except ModuleNotFoundError as _e:
        if _e.name == f"foreigndesk.evaluation.{_name}":
            continue
        raise
    eval_group.add_command(_mod.COMMAND)

COMMANDS = [eval_group]
