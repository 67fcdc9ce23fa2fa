"""One assessment's findings, scores and action plan, loaded together; and the changes the assessor makes to them.

Used by the findings window, the CLI and (later) the reports: every figure comes from here, so they agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from safety_assess.domain.errors import ConflictError, NotFoundError, SafetyAssessError
from safety_assess.domain.plan.actions import (
    COST_BAND_RANGES,
    Action,
    CostRange,
    Phase,
    PlanError,
    Status,
    check_action,
    due_date,
    phase_for_risk,
)
from safety_assess.domain.plan.assessment_plan import Plan, unplanned_findings
from safety_assess.domain.records import AssessmentStatus, AssessmentSummary, FindingRecord, PhotoRecord
from safety_assess.domain.scoring.adjust import UNCHANGED, FindingEdit, check_finding, merged
from safety_assess.domain.scoring.compare import compare
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import Finding, raised_findings
from safety_assess.domain.scoring.tiers import tier_attainment
from safety_assess.domain.walk.state import AssessmentState
from safety_assess.services.workspace import Workspace


def assessment_state(workspace: Workspace, assessment_id: uuid.UUID) -> AssessmentState:
    detail = workspace.assessments.detail(assessment_id)
    checklist = workspace.snapshots.checklist(detail.summary.checklist.id)
    return AssessmentState(checklist, detail.instances, detail.responses, detail.summary.assessed_on)


def findings_of(state: AssessmentState, stored: list[FindingRecord]) -> list[Finding]:
    sections = {s.id: s.title for s in state.checklist.sections}
    return merged(raised_findings(state), stored, sections)


def load_plan(workspace: Workspace, assessment_id: uuid.UUID, compare_earlier: bool = True) -> Plan:
    """The assessment's plan; with ``compare_earlier``, compared with the campus's earlier completed assessment."""
    summary = workspace.assessments.summary(assessment_id)
    state = assessment_state(workspace, assessment_id)
    findings = findings_of(state, workspace.findings.of_assessment(assessment_id))
    actions, hidden = _attach(findings, workspace.findings.actions(assessment_id))
    plan = Plan(summary, state.checklist, state, findings, actions, hidden, scores(state), tier_attainment(state))
    return with_comparison(plan, earlier_plan(workspace, summary)) if compare_earlier else plan


def earlier_plan(workspace: Workspace, summary: AssessmentSummary) -> Plan | None:
    """The plan of the campus's earlier completed assessment, if there is one (see earlier_assessment)."""
    earlier = earlier_assessment(workspace, summary)
    return None if earlier is None else load_plan(workspace, earlier.id, compare_earlier=False)


def with_comparison(plan: Plan, before: Plan | None) -> Plan:
    """The plan with what changed since ``before`` (cheap: a window keeps ``before`` and compares on each reload)."""
    if before is None:
        return plan
    comparison = compare(
        before.findings,
        plan.findings,
        (before.scores.overall, before.scores.sections),
        (plan.scores.overall, plan.scores.sections),
        before.actions,
        plan.checklist.replaced_ids(),
    )
    return dataclasses.replace(plan, earlier=before.summary, comparison=comparison)


def _attach(findings: list[Finding], actions: list[Action]) -> tuple[list[Action], int]:
    by_id: dict[uuid.UUID | None, Finding] = {f.id: f for f in findings if f.id is not None}
    listed = []
    for action in actions:
        finding = by_id.get(action.finding_id)
        if finding is not None:
            listed.append(dataclasses.replace(action, finding_key=finding.key, layer=finding.layer))
    return listed, len(actions) - len(listed)


def earlier_assessment(workspace: Workspace, summary: AssessmentSummary) -> AssessmentSummary | None:
    """The campus's latest completed assessment with the same checklist before this one (current revisions only; a
    spot check's run is not one)."""
    others = workspace.assessments.list(summary.campus.id)
    superseded = {s.revision_of for s in others if s.revision_of is not None}
    lineage = _lineage(summary, others)
    candidates = [
        s
        for s in others
        if s.status == AssessmentStatus.COMPLETED
        and s.spot_check_id is None
        and s.id not in superseded
        and s.id not in lineage
        and s.checklist.checklist_id == summary.checklist.checklist_id
        and s.assessed_on < summary.assessed_on
    ]
    return max(candidates, key=lambda s: (s.assessed_on, s.completed_at or s.started_at), default=None)


def _lineage(summary: AssessmentSummary, others: list[AssessmentSummary]) -> set[uuid.UUID]:
    """This assessment and the revisions it was reopened from."""
    by_id = {s.id: s for s in others}
    found, current = {summary.id}, summary.revision_of
    while current is not None and current not in found:
        found.add(current)
        current = by_id[current].revision_of if current in by_id else None
    return found


class PlanEditor:
    """The changes made to an assessment's findings and action plan, each checked and committed at once."""

    def __init__(self, workspace: Workspace, assessment_id: uuid.UUID, by: str = "") -> None:
        self.workspace, self.assessment_id = workspace, assessment_id
        self._by = by

    @property
    def by(self) -> str:
        """Who the changes are recorded as: the name given, else the assessor named in the settings as they stand
        when the change is made (a window stays open while the settings change)."""
        return self._by or self.workspace.settings.assessor_name

    def record_of(self, finding: Finding) -> FindingRecord:
        """The stored record behind a finding (created for a raised finding that has none yet)."""
        if finding.id is not None:
            return self.workspace.findings.get(finding.id)
        if finding.item_id is None:
            raise NotFoundError(f"finding '{finding.title}' is not stored")
        return self.workspace.findings.for_item(self.assessment_id, finding.item_id, finding.instance_id)

    def adjust(self, finding: Finding, edit: FindingEdit, expected_revision: int | None = None) -> FindingRecord:
        """Change a finding's fields (likelihood, severity, rationale, residual risk, location, description ...).

        Nothing is written unless the result passes the checks.
        """
        self._editable()
        if finding.id is not None:
            current = self.workspace.findings.get(finding.id)
        else:
            current = FindingRecord(uuid.uuid4(), self.assessment_id, finding.item_id, finding.instance_id)
        record = edit.applied_to(current)
        defaults = None
        if finding.item_id is not None:
            defaults = (finding.default_likelihood or 3, finding.default_severity or 3)
        check_finding(record, defaults)
        return self.workspace.findings.save(record, expected_revision)

    def add_finding(
        self, title: str, edit: FindingEdit = UNCHANGED, section_id: str | None = None, layer: str | None = None
    ) -> FindingRecord:
        """A finding no checklist item covers, with the fields ``edit`` gives (its title is ``title``)."""
        self._editable()
        blank = FindingRecord(uuid.uuid4(), self.assessment_id, None, section_id=section_id, layer=layer)
        record = dataclasses.replace(edit.applied_to(blank), title=" ".join(title.split()))
        if record.section_id is not None and record.section_id not in self._section_ids():
            raise NotFoundError(f"no section '{record.section_id}' in this checklist")
        check_finding(record, None)
        return self.workspace.findings.save(record)

    def delete_finding(self, finding: Finding) -> None:
        if finding.id is None or not finding.manual:
            raise ConflictError("only findings added by hand can be deleted; the others follow their answer")
        self.workspace.findings.delete(finding.id)

    def suggested_action(self, finding: Finding, phases: tuple[Phase, ...]) -> Action:
        """A new action for the finding, prefilled from its item: recommendation, cost band, phase by risk."""
        phase = phase_for_risk(finding.risk, phases)
        cost = COST_BAND_RANGES.get(finding.cost.value if finding.cost else "", CostRange())
        return Action(
            finding_key=finding.key,
            description=finding.action,
            phase=phase.id,
            cost_low=cost.low,
            cost_high=cost.high,
            due=due_date(self._assessed_on(), phase),
            layer=finding.layer,
        )

    def add_action(self, finding: Finding, action: Action, phases: tuple[Phase, ...]) -> Action:
        check_action(action, self._assessed_on(), phases)
        record = self.record_of(finding)
        return self.workspace.findings.add_action(dataclasses.replace(action, finding_id=record.id), self.by)

    def plan_suggested(self, plan: Plan) -> list[Action]:
        """Plan the suggested action (the item's recommendation, cost band, phase by risk) of every finding without
        an action, all or none: if one is refused, those added before it are removed again. The actions added."""
        added: list[Action] = []
        try:
            for finding in unplanned_findings(plan):
                added.append(self.add_action(finding, self.suggested_action(finding, plan.phases), plan.phases))
        except SafetyAssessError:
            self.remove_actions(added)
            raise
        return added

    def remove_actions(self, actions: list[Action]) -> None:
        """Remove the actions (undoing plan_suggested)."""
        for action in actions:
            self.delete_action(action)

    def update_action(self, action: Action, phases: tuple[Phase, ...]) -> Action:
        """Store the action as given, if its revision is still the stored one (else ConflictError)."""
        check_action(action, self._assessed_on(), phases)
        return self.workspace.findings.update_action(action, self.by, expected_revision=action.revision)

    def set_status(self, action: Action, status: Status, note: str | None = None) -> Action:
        changed = dataclasses.replace(action, status=status, note=action.note if note is None else note)
        return self.workspace.findings.update_action(changed, self.by, expected_revision=action.revision)

    def delete_action(self, action: Action) -> None:
        if action.id is None:
            raise PlanError("this action is not stored")
        self.workspace.findings.delete_action(action.id)

    def photos_by_finding(self, findings: list[Finding]) -> dict[str, list[PhotoRecord]]:
        """Each finding's photos (by finding key), from one read of the assessment's photos: a raised finding's
        photos are its item's; a manual finding has its own."""
        by_target: dict[object, list[PhotoRecord]] = {}
        for photo in self.workspace.photos.list(self.assessment_id):
            target = ("finding", photo.finding_id) if photo.item_id is None else (photo.item_id, photo.instance_id)
            by_target.setdefault(target, []).append(photo)
        return {
            f.key: by_target.get(("finding", f.id) if f.item_id is None else (f.item_id, f.instance_id), [])
            for f in findings
        }

    def _editable(self) -> None:
        if self.workspace.assessments.summary(self.assessment_id).read_only:
            raise ConflictError("this assessment is completed: its findings are read-only (its actions are not)")

    def _assessed_on(self) -> dt.date:
        return self.workspace.assessments.summary(self.assessment_id).assessed_on

    def _section_ids(self) -> set[str]:
        summary = self.workspace.assessments.summary(self.assessment_id)
        return {s.id for s in self.workspace.snapshots.checklist(summary.checklist.id).sections}
