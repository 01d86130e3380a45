"""``foreigndesk eval``: scorers against annotated data. Subcommands come from modules of
:mod:`foreigndesk.evaluation` that define ``COMMAND`` (a click command)."""

from __future__ import annotations

import click

from foreigndesk.plugins import optional_module


@click.group(name="eval")
def eval_group() -> None:
    """Score extraction against annotated data and print precision / recall / F1."""


for _name in ("timex", "events", "polnear", "dossier", "echoes", "conflicts", "shift", "all"):
    _mod = optional_module(f"foreigndesk.evaluation.{_name}")
    if _mod is not None:
        eval_group.add_command(_mod.COMMAND)

COMMANDS = [eval_group]
