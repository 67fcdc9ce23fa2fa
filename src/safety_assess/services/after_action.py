"""After-action to plan: what went wrong in a drill made, in one step, a finding with its corrective actions in the
campus's current assessment, so it enters the campus's plan and budget like any other finding."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.errors import ConflictError, SafetyAssessError
from safety_assess.domain.plan.actions import Action, Phase, check_action, due_date, phase_for_risk
from safety_assess.domain.readiness.drills import Drill
from safety_assess.domain.records import AssessmentSummary, Campus, FindingRecord
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.services.workspace import Workspace
from safety_assess.storage import drills as stored


@dataclass(frozen=True)
class AfterAction:
    """A corrective action asked for with the finding; no phase: the phase the finding's risk calls for."""

    description: str
    phase: str | None = None
    cost_low: float = 0.0
    cost_high: float = 0.0
    owner: str = ""


@dataclass(frozen=True)
class MadeFinding:
    finding: FindingRecord
    actions: list[Action]
    assessment: AssessmentSummary


def current_assessment(workspace: Workspace, campus: Campus) -> AssessmentSummary:
    """The campus's newest assessment that can take a finding: in progress, made here (or a team's), not a
    conflict copy. ConflictError saying what to do when there is none."""
    for summary in workspace.assessments.list(campus.id):
        if not summary.read_only and summary.conflict_of is None:
            return summary
    raise ConflictError(
        f"{campus.name} has no assessment in progress to take the finding: start one "
        f"(safety-assess assessment new --campus {campus.code}) or reopen the last"
    )


def phases_for(workspace: Workspace, campus_id: uuid.UUID) -> tuple[Phase, ...]:
    """The phases of the campus's current assessment's plan (ConflictError when it has none in progress)."""
    summary = current_assessment(workspace, workspace.campuses.get(campus_id))
    return workspace.snapshots.checklist(summary.checklist.id).plan_phases()


def make_finding(
    workspace: Workspace,
    drill_id: uuid.UUID,
    title: str,
    likelihood: int,
    severity: int,
    actions: Sequence[AfterAction] = (),
) -> MadeFinding:
    """A finding in the campus's current assessment from the drill's issue, naming the drill as its source, with its
    actions planned; the drill remembers it. All or nothing: a drill that already became a finding, a risk out of
    range or an action that cannot be planned is refused before anything is stored."""
    from safety_assess.services.plan import PlanEditor  # the plan's services load only when a finding is made

    drill = stored.drill(workspace.database, drill_id)
    if drill.finding_id is not None:
        raise ConflictError(f"the {drill.title.lower()} already became finding {drill.finding_id}")
    if not title.strip():
        raise SafetyAssessError("finding title must not be empty")
    summary = current_assessment(workspace, workspace.campuses.get(drill.campus_id))
    phases = workspace.snapshots.checklist(summary.checklist.id).plan_phases()
    planned = [_planned(asked, likelihood * severity, summary, phases) for asked in actions]
    editor = PlanEditor(workspace, summary.id)
    edit = FindingEdit(likelihood=likelihood, severity=severity, description=source_line(drill))
    record = editor.add_finding(title, edit)
    try:
        added = [
            workspace.findings.add_action(dataclasses.replace(a, finding_id=record.id), editor.by) for a in planned
        ]
        stored.save_drill(workspace.database, dataclasses.replace(drill, finding_id=record.id))
    except Exception:
        workspace.findings.delete(record.id)  # its actions go with it
        raise
    return MadeFinding(record, added, summary)


def _planned(asked: AfterAction, risk: int, summary: AssessmentSummary, phases: tuple[Phase, ...]) -> Action:
    phase = phase_for_risk(risk, phases) if asked.phase is None else _phase(asked.phase, phases)
    action = Action(
        finding_key="",
        description=" ".join(asked.description.split()),
        phase=phase.id,
        cost_low=asked.cost_low,
        cost_high=asked.cost_high,
        owner=asked.owner.strip(),
        due=due_date(summary.assessed_on, phase),
    )
    return check_action(action, summary.assessed_on, phases)


def _phase(wanted: str, phases: tuple[Phase, ...]) -> Phase:
    for phase in phases:
        if phase.id == wanted:
            return phase
    raise SafetyAssessError(f"unknown phase '{wanted}' (phases: {', '.join(p.id for p in phases)})")


def default_action(drill: Drill, title: str) -> str:
    """The action planned when none is given: to correct what the drill showed."""
    return f"Correct what the {drill.type.label.lower()} drill showed: {' '.join(title.split())}"


def source_line(drill: Drill) -> str:
    """How a finding names the drill it came from, with what went wrong."""
    said = f"From the {drill.title.lower()} (drill {drill.id})."
    return f"{said} {drill.issues}" if drill.issues else said
