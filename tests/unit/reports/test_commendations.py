"""The Commendations chapter of the action-plan PDF, full and public, read back with pdftotext and rendered."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.test_pdf import text_of


@pytest.fixture
def reassessed(workspace: Workspace) -> AssessmentSummary:
    """Last year: the door unlocked, the gate failing, no extinguishers. This year: the door locked, the gate not
    looked at, still no extinguishers."""
    workspace.campuses.add("Lincoln High", "LHS")
    earlier = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2025, 11, 3))
    for item, value in (("door-locked", "no"), ("gate", "fail"), ("extinguishers", 0)):
        record_answer(workspace, earlier.id, item, value)
    workspace.assessments.complete(earlier.id, ["Ana"])
    later = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, later.id, "door-locked", "yes")
    record_answer(workspace, later.id, "extinguishers", 0)
    return later


def _chapter(text: str) -> str:
    start = text.index("Commendations\n")
    return " ".join(text[start : text.index("Appendix", start)].split())


def test_the_full_version_lists_what_is_in_place(
    workspace: Workspace, reassessed: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    export_report(workspace, reassessed.id, out, clock=CLOCK)
    chapter = _chapter(text_of(out))
    for expected in (
        "In place: 1 of 2 high-weight items answered.",
        "weighs every item alike, so high weight here means a severity of 4 or 5",
        "Main Is the main door locked?",
        "No practice of tier 2 or higher is in place yet.",
        "Resolved since the assessment of 2025-11-03",
        "1 earlier finding put right: answered compliant this time. 1 more no longer raised",
    ):
        assert expected in chapter, expected
    assert "Gate condition" not in chapter and "Fire extinguishers" not in chapter
    rendered = subprocess.run(["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "page")], check=False)
    assert rendered.returncode == 0


def test_the_public_version_counts_without_naming_items_or_findings(
    workspace: Workspace, reassessed: AssessmentSummary, tmp_path: Path
) -> None:
    out = tmp_path / "public.pdf"
    export_report(workspace, reassessed.id, out, public=True, clock=CLOCK)
    chapter = _chapter(text_of(out))
    assert "In place: 1 of 2 high-weight items answered." in chapter and "1 earlier finding put right" in chapter
    assert "Is the main door locked" not in chapter and "Lock" not in chapter
