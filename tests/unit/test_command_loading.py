"""A command loads its own module only (each spawn of the program is quicker), yet parses as with every command."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from safety_assess.cli import main as cli_main

CLI = Path(cli_main.__file__).parent


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    [action] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(action.choices)


def test_every_command_is_in_the_table_with_its_module() -> None:
    assert _commands(cli_main.build_parser()) == set(cli_main.COMMAND_MODULES)
    registering = {p.stem for p in CLI.glob("*_cmds.py") if "commands.add_parser(" in p.read_text(encoding="utf-8")}
    assert set(cli_main.COMMAND_MODULES.values()) == registering
    for command, module in cli_main.COMMAND_MODULES.items():
        assert command in _commands(cli_main.build_parser(command)), module


def test_the_command_word_comes_after_the_options() -> None:
    word = cli_main.command_word
    assert word(["--data-dir", "d", "--database-url", "u", "campus", "list", "--data-dir", "e"]) == "campus"
    assert word(["district-key", "show"]) == "district-key"
    assert word(["--help"]) == "--help"
    assert word([]) is None
    assert _commands(cli_main.build_parser("--help")) == set(cli_main.COMMAND_MODULES)


def test_one_command_parses_as_with_every_command() -> None:
    argv = ["--data-dir", "d", "assessment", "list", "--json"]
    assert vars(cli_main.build_parser("assessment").parse_args(argv)) == vars(cli_main.build_parser().parse_args(argv))


def test_a_command_without_the_database_loads_neither_sqlalchemy_nor_other_commands(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from safety_assess.cli.main import main\n"
        f"main(['--data-dir', {str(tmp_path / 'data')!r}, 'checklist', 'list'])\n"
        "print(sorted(m for m in sys.modules if m.endswith('_cmds')), 'sqlalchemy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # the checklist command's own modules only (its spreadsheet part is a module of its own)
    expected = "['safety_assess.cli.checklist_cmds', 'safety_assess.cli.checklist_xlsx_cmds'] False"
    assert result.stdout.splitlines()[-1] == expected
