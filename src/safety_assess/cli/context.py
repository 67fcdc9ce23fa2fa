"""Opening the workspace for a command, from the global options."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from safety_assess.datadir import DataDir
from safety_assess.services.workspace import Workspace


@contextmanager
def open_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    workspace = Workspace.open(DataDir.resolve(args.data_dir))
    try:
        yield workspace
    finally:
        workspace.close()
