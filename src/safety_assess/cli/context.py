"""Opening the workspace for a command, from the global options."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

from safety_assess.base.datadir import DataDir
from safety_assess.base.logs import start_logging
from safety_assess.domain.dates import DateTextError, parse_date
from safety_assess.services.photo_journal import after_a_crash, forget
from safety_assess.services.workspace import Workspace

Commands: TypeAlias = "argparse._SubParsersAction[Any]"
"""The sub-command table each command module registers its parsers in."""


def date_argument(text: str) -> dt.date:
    """A date option (YYYY-MM-DD, year first); a wrong one says what is wrong and what to type."""
    try:
        return parse_date(text)
    except DateTextError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def moment_argument(text: str) -> dt.datetime:
    """A date and time option, ISO 8601 (2026-11-23T09:00, a zone such as +00:00 optional)."""
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date and time: write it as YYYY-MM-DDTHH:MM, e.g. 2026-11-23T09:00"
        ) from None


@contextmanager
def open_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    data_dir = DataDir.resolve(args.data_dir)
    if not data_dir.missing:  # a drive not connected: Workspace.open says so, and nothing is made in its place
        start_logging(data_dir.root)
    workspace = Workspace.open(data_dir, getattr(args, "database_url", None))
    try:
        tidy_up_after_a_crash(workspace)
        yield workspace
    finally:
        workspace.close()


def tidy_up_after_a_crash(workspace: Workspace) -> None:
    """Remove what writes cut off by a crash left, and tell (on stderr, once) of photo imports a crash cut off."""
    found = after_a_crash(workspace)
    for _, (told, *files) in found:
        print(f"safety-assess: {told} {', '.join(files)}", file=sys.stderr)
    forget([cut for cut, _ in found])
