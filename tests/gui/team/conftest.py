"""Fixtures of the team tests: the second laptop's data folder beside the lead's (``workspace``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace


@pytest.fixture
def second(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(DataDir(tmp_path / "second"))
    yield opened
    opened.close()
