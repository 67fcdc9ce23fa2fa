"""Sync tests reuse the reports' assessment: findings, actions, notes in several languages, photos (one redacted);
a second, empty data folder: the district's; and a second laptop working on the lead's assessment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from safety_assess.base.datadir import DataDir
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import AssessmentRow
from tests.unit.reports.conftest import reported  # noqa: F401  (a fixture)


def always(_: object) -> bool:
    """Trust every device (the tests' stand-in for a person who compared the fingerprint)."""
    return True


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(DataDir(tmp_path / "district"))
    yield opened
    opened.close()


@pytest.fixture
def second(tmp_path: Path, workspace: Workspace, reported: AssessmentSummary) -> Iterator[Workspace]:  # noqa: F811
    """A second laptop with the lead's assessment to work on (a stand-in for the team pack: imported, then made
    editable there)."""
    opened = Workspace.open(DataDir(tmp_path / "second"))
    export_bundle(workspace, [reported.id], tmp_path / "pack.sabundle")
    import_bundle(opened, tmp_path / "pack.sabundle", trust=always)
    with opened.database.session() as session:
        session.execute(update(AssessmentRow).where(AssessmentRow.id == reported.id).values(source_installation=None))
    yield opened
    opened.close()
