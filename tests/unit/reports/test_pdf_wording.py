"""The report's wording: an observation is said once on its finding's page, and counts read as words ('1 finding',
'2 findings')."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from safety_assess.domain.plan.actions import Action
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.test_pdf import text_of

FORMAT_2 = Path(__file__).resolve().parents[2] / "data" / "checklists" / "format-2.yaml"
SAID = "An observation: no corrective action is needed."
ROW = "recorded for the record; the checklist asks no corrective action for it"


@pytest.fixture
def observed(workspace: Workspace) -> uuid.UUID:
    """One finding, an observation (a high crime rate nearby, which the school cannot fix)."""
    (workspace.data_dir.checklists / "format-2.yaml").write_text(FORMAT_2.read_text())
    workspace.campuses.add("Quiet School", "QS")
    summary = start_assessment(workspace, "QS", "format-two", ["Sam"], None)
    record_answer(workspace, summary.id, "neighbourhood-crime", "yes")
    return summary.id


def report(workspace: Workspace, assessment_id: uuid.UUID, out: Path) -> str:
    export_report(workspace, assessment_id, out, clock=CLOCK)
    return " ".join(text_of(out).split())


def test_one_finding_is_one_finding_and_an_observation_is_said_once(
    workspace: Workspace, observed: uuid.UUID, tmp_path: Path
) -> None:
    text = report(workspace, observed, tmp_path / "one.pdf")
    assert "The assessment raised 1 finding (" in text and "1 findings" not in text
    assert "holds 0 corrective actions" in text
    assert text.count(SAID) == 1 and ROW not in text


def test_an_observation_given_an_action_anyway_says_so_in_its_facts(
    workspace: Workspace, observed: uuid.UUID, tmp_path: Path
) -> None:
    plan = load_plan(workspace, observed)
    [finding] = plan.findings
    PlanEditor(workspace, observed).add_action(
        finding, Action(finding.key, "Ask for patrols", "short_term"), plan.phases
    )
    text = report(workspace, observed, tmp_path / "acted.pdf")
    assert text.count(ROW) == 1 and SAID not in text
    assert "holds 1 corrective action with" in text
