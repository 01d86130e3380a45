"""The command line imports a command's module only when that command runs: the table of
command names in ``foreigndesk.cli`` must list exactly the commands each module defines."""

from __future__ import annotations

import importlib
import subprocess
import sys

from click.testing import CliRunner

from foreigndesk.cli import COMMAND_MODULES, main


def test_the_table_names_the_commands_of_each_module() -> None:
    for module, names in COMMAND_MODULES.items():
        mod = importlib.import_module(f"foreigndesk.cli.{module}")
        assert sorted(c.name for c in mod.COMMANDS) == sorted(names), module


def test_help_lists_every_command() -> None:
    out = CliRunner().invoke(main, ["--help"]).output
    for names in COMMAND_MODULES.values():
        for name in names:
            assert f"\n  {name} " in out, name


def test_a_command_imports_its_module_only() -> None:
    probe = ("import sys\nfrom foreigndesk.cli import main\n"
             "try:\n    main(['docs', '--help'], standalone_mode=False)\nfinally:\n"
             "    print('LOADED:' + ','.join(sorted(m[16:] for m in sys.modules "
             "if m.startswith('foreigndesk.cli.'))), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120)
    line = [ln for ln in done.stderr.splitlines() if ln.startswith("LOADED:")][-1]
    loaded = set(line[7:].split(","))
    assert "listing" in loaded
    assert not loaded & {"ingest", "serve", "narratives", "events", "imports", "watch"}
