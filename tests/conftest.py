"""Shared fixtures. Qt runs offscreen: set before anything imports Qt, or Qt aborts without a display."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SAFETY_ASSESS_DATA_DIR", None)

import pytest

from safety_assess.datadir import DataDir
from safety_assess.services.workspace import Workspace

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def workspace(data_dir: DataDir) -> Iterator[Workspace]:
    opened = Workspace.open(data_dir)
    shutil.copy(DATA / "checklists" / "every-type.yaml", data_dir.checklists / "every-type.yaml")
    yield opened
    opened.close()


@pytest.fixture
def every_type_path() -> Path:
    return DATA / "checklists" / "every-type.yaml"
