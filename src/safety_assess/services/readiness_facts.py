"""Each campus's facts for the district's metrics (domain/readiness/facts.py), read from its assessments' plans and
its drill log.

Compliance and open high and critical findings read every completed assessment of the campus (a reopened one too:
it was the campus's latest for the terms before it reopened); actions read the campus's current assessments (each
action once). Conflicting copies count for nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from safety_assess.domain.district.figures import SEVERE_BANDS
from safety_assess.domain.district.overview import current_assessments
from safety_assess.domain.plan.actions import Action, Status, due_date
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.readiness.facts import ActionFacts, AssessedFacts, CampusFacts
from safety_assess.domain.records import AssessmentSummary, Campus
from safety_assess.domain.scoring.findings import Finding
from safety_assess.services.drills import kind_of
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage import drills as stored_drills


def campus_facts(workspace: Workspace) -> list[tuple[Campus, CampusFacts]]:
    """Every campus with its facts, in the campuses' order."""
    campuses, summaries = workspace.overview()
    current = {s.id for s in current_assessments(summaries)}
    result = []
    for campus in campuses:
        mine = [
            s
            for s in summaries
            if s.campus.id == campus.id and s.conflict_of is None and s.spot_check_id is None  # runs: their own metric
        ]
        result.append((campus, _facts(workspace, campus, mine, current)))
    return result


def _facts(
    workspace: Workspace, campus: Campus, summaries: Sequence[AssessmentSummary], current: set[uuid.UUID]
) -> CampusFacts:
    assessed: list[AssessedFacts] = []
    actions: list[ActionFacts] = []
    for summary in summaries:
        if summary.completed_at is None and summary.id not in current:
            continue
        plan = load_plan(workspace, summary.id, compare_earlier=False)
        if summary.completed_at is not None:
            assessed.append(assessed_facts(plan))
        if summary.id in current:
            actions.extend(action_facts(plan))
    drills = tuple(stored_drills.drills_of(workspace.database, campus.id))
    return CampusFacts(campus.id, kind_of(campus), tuple(assessed), tuple(actions), drills)


def assessed_facts(plan: Plan) -> AssessedFacts:
    completed = plan.summary.completed_at
    ordered = sorted(plan.bands, key=lambda b: b.low)
    severe = {b.name for b in ordered[-SEVERE_BANDS:]}
    closed = tuple(_closed_on(finding, plan) for finding in plan.findings if finding.band(ordered).name in severe)
    return AssessedFacts(completed.date() if completed else None, plan.scores.overall.percent, closed)


def _closed_on(finding: Finding, plan: Plan) -> dt.date | None:
    """The day the finding's last action was done; None while it has none or one is not done."""
    mine = [a for a in plan.actions if a.finding_key == finding.key]
    if not mine or any(a.status != Status.DONE for a in mine):
        return None
    return max(_done_on(a, plan.summary.assessed_on) or plan.summary.assessed_on for a in mine)


def action_facts(plan: Plan) -> list[ActionFacts]:
    phases = {p.id: p for p in plan.phases}
    result = []
    for action in plan.actions:
        phase = phases.get(action.phase)
        due = action.due or (due_date(plan.summary.assessed_on, phase) if phase is not None else None)
        if due is not None:
            cost = (action.cost_low + action.cost_high) / 2
            result.append(ActionFacts(due, _done_on(action, plan.summary.assessed_on), cost))
    return result


def _done_on(action: Action, assessed_on: dt.date) -> dt.date | None:
    """The day the action was marked done (one done without a record of when: the assessment's day)."""
    if action.status != Status.DONE:
        return None
    return action.status_changed_at.date() if action.status_changed_at is not None else assessed_on
