"""Sync tests reuse the reports' assessment: findings, actions, notes in several languages, photos (one redacted);
and a second, empty data folder: the district's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import reported  # noqa: F401  (a fixture)


def always(_: object) -> bool:
    """Trust every device (the tests' stand-in for a person who compared the fingerprint)."""
    return True


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(DataDir(tmp_path / "district"))
    yield opened
    opened.close()
