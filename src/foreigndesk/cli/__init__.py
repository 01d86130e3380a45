"""The ``foreigndesk`` command line: one click group; each command lives in a module of this
package and documents every option in ``--help``."""

from __future__ import annotations

import click

from foreigndesk import __version__
from foreigndesk.plugins import optional_module

# modules of foreigndesk.cli that define COMMANDS (a list of click commands)
COMMAND_MODULES = (
    "ingest",     # ingest, extract
    "listing",    # docs, actors, timeline
    "events",     # events, relations
    "imports",    # import gdelt|unvotes
    "narratives",  # claims, echoes, reuse, figures
    "evaluate",   # eval timex|events|dossier
    "serve",      # serve
    "report",     # report
    "export",     # export FORMAT
    "watch",      # watch
    "alerts",     # alert add|list|remove, alerts [check]
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="foreigndesk")
def main() -> None:
    """foreigndesk: a sourced picture of relations between states from news and dossiers.

    Ingest articles into a SQLite store, then list documents, actors, a dated timeline and
    the facts behind it; every fact cites the sentence it came from.
    """


for _name in COMMAND_MODULES:
    _mod = optional_module(f"foreigndesk.cli.{_name}")
    for _cmd in _mod.COMMANDS if _mod else ():
        main.add_command(_cmd)
