"""The ``foreigndesk`` command line: one click group; each command lives in a module of this
package and documents every option in ``--help``."""

from __future__ import annotations

import click

from foreigndesk import __version__
from foreigndesk.plugins import optional_module

# modules of foreigndesk.cli that define COMMANDS (a list of click commands), and the names of
# those commands: a command's module is imported when that command runs (or for --help), not
# at every start (tests/cli/test_lazy_commands.py checks the names against the modules)
COMMAND_MODULES = {
    "ingest": ("ingest", "extract"),
    "listing": ("docs", "actors", "timeline"),
    "events": ("events", "relations"),
    "imports": ("import",),                      # import gdelt|unvotes
    "narratives": ("claims", "echoes", "reuse", "figures"),
    "evaluate": ("eval",),                       # eval timex|events|dossier
    "serve": ("serve",),
    "report": ("report",),
    "export": ("export",),                       # export FORMAT
    "watch": ("watch",),
    "alerts": ("alert", "alerts"),               # alert add|list|remove, alerts [check]
}
MODULE_OF = {cmd: mod for mod, cmds in COMMAND_MODULES.items() for cmd in cmds}


class LazyGroup(click.Group):
    """A group whose commands are imported from their module (:data:`COMMAND_MODULES`) when
    first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(MODULE_OF))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in MODULE_OF:
            load_commands(MODULE_OF[cmd_name])
        return super().get_command(ctx, cmd_name)


def load_all() -> click.Group:
    """Import every command (``main.commands`` then holds them all); returns :func:`main`."""
    for module in COMMAND_MODULES:
        load_commands(module)
    return main


def load_commands(module: str) -> None:
    """Add the commands of ``foreigndesk.cli.<module>`` to :func:`main`."""
    mod = optional_module(f"foreigndesk.cli.{module}")
    for cmd in mod.COMMANDS if mod else ():
        if cmd.name not in main.commands:
            main.add_command(cmd)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="foreigndesk")
def main() -> None:
    """foreigndesk: a sourced picture of relations between states from news and dossiers.

    Ingest articles into a SQLite store, then list documents, actors, a dated timeline and
    the facts behind it; every fact cites the sentence it came from.
    """
