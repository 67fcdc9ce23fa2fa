"""Opening the workspace for a command, from the global options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

from safety_assess.datadir import DataDir
from safety_assess.logs import start_logging
from safety_assess.services.workspace import Workspace

Commands: TypeAlias = "argparse._SubParsersAction[Any]"
"""The sub-command table each command module registers its parsers in."""


@contextmanager
def open_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    data_dir = DataDir.resolve(args.data_dir)
    if not data_dir.missing:  # a drive not connected: Workspace.open says so, and nothing is made in its place
        start_logging(data_dir.root)
    workspace = Workspace.open(data_dir, getattr(args, "database_url", None))
    _ = workspace.settings  # read once: its display preferences (currency) apply to what the command prints
    try:
        tidy_up_after_a_crash(workspace)
        yield workspace
    finally:
        workspace.close()


def tidy_up_after_a_crash(workspace: Workspace) -> None:
    """Remove what writes cut off by a crash left, and tell (on stderr, once) of photo imports a crash cut off."""
    from safety_assess.services.files import tidy_up
    from safety_assess.services.photo_journal import cut_off_imports, describe, forget

    tidy_up(workspace.data_dir)
    cut_off = cut_off_imports(workspace)
    for cut in cut_off:
        print(f"safety-assess: {describe(workspace, cut)} {', '.join(map(str, cut.not_added))}", file=sys.stderr)
    forget(cut_off)
