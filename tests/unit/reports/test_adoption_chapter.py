"""The Review chapter's changes since the board adopted the plan: actions added and removed, changed fields as
was → now, and the planned cost adopted and now; the same in the public version, which names no reviewer; read
back with pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import dataclasses
import subprocess
import uuid
from pathlib import Path

import pytest

from safety_assess.domain.plan.actions import Status
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.test_pdf import text_of
from tests.unit.reports.test_review_chapter import assessment, reviewed

__all__ = ["assessment", "reviewed"]  # fixtures
HEADING = "Changes since the board adopted the plan on 2026-11-20"


@pytest.fixture
def changed(workspace: Workspace, reviewed: tuple[AssessmentSummary, uuid.UUID, uuid.UUID]) -> AssessmentSummary:
    """After the adoption: the first action moved to the immediate phase at a higher cost and done, the second deleted,
    one added."""
    summary, first, second = reviewed
    editor, plan = PlanEditor(workspace, summary.id, by="Ana"), load_plan(workspace, summary.id)
    action = next(a for a in plan.actions if a.id == first)
    moved = editor.update_action(
        dataclasses.replace(action, phase="immediate", cost_low=500, cost_high=9_500), plan.phases
    )
    editor.set_status(moved, Status.DONE)
    editor.delete_action(workspace.findings.action(second))
    finding = plan.finding(action.finding_key)
    editor.add_action(
        finding,
        dataclasses.replace(editor.suggested_action(finding, plan.phases), description="Buzzer at the door"),
        plan.phases,
    )
    return summary


def _section(text: str) -> str:
    start = text.index(HEADING)
    return " ".join(text[start : text.index("Commendations\n", start)].split())


@pytest.mark.parametrize("public", [False, True])
def test_the_changes_since_adoption_show_was_and_now_and_the_cost(
    workspace: Workspace, changed: AssessmentSummary, tmp_path: Path, public: bool
) -> None:
    out = tmp_path / "plan.pdf"
    export_report(workspace, changed.id, out, public=public, clock=CLOCK)
    text = text_of(out)
    section = _section(text)
    for expected in (
        "Change Action Was → now",
        "Added Buzzer at the door",
        "Removed",
        "deleted",
        "Changed",
        "→ Immediate (within 30 days)",
        "low cost: $0 → $500",
        "high cost: $0 → $9,500",
        "Immediate (within 30 days) $0 $500–$9,500",
        "1 action moved on in status since",
        "Planned cost, adopted and now",
        "Total",
    ):
        assert expected in section, expected
    assert ("Bruno" in text) is ("Eve Office" in text) is not public
    pages = tmp_path / ("public" if public else "full")
    assert subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(pages)], check=False).returncode == 0


def test_an_unchanged_adopted_plan_says_so(
    workspace: Workspace, reviewed: tuple[AssessmentSummary, uuid.UUID, uuid.UUID], tmp_path: Path
) -> None:
    out = tmp_path / "plan.pdf"
    export_report(workspace, reviewed[0].id, out, clock=CLOCK)
    section = _section(text_of(out))
    assert "No action was added, removed or changed since." in section and "Total" in section
