"""Team assessments: packing an assessment for a second laptop, and what the second laptop knows of its share.

A team pack is a signed bundle (bundles/export.py) whose manifest names the assessment and the sections the second
laptop is asked to do; the second laptop's import keeps it as a team assessment to work on (bundles/team_import.py),
and its ordinary bundle exports carry the work back to the lead's laptop, which merges them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path

from safety_assess.base.jobs import Progress
from safety_assess.bundles import export
from safety_assess.bundles.export import ExportResult
from safety_assess.bundles.manifest import TeamPack
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.records import AssessmentStatus, AssessmentSummary
from safety_assess.domain.team import TeamAssignment, TeamPackGiven, chosen_sections
from safety_assess.services.bundles import source
from safety_assess.services.workspace import Workspace
from safety_assess.storage.team import team_assignment
from safety_assess.storage.team_given import packs_given, record_pack_given


def assignment(workspace: Workspace, assessment_id: uuid.UUID) -> TeamAssignment | None:
    """The assessment's team assignment on this laptop; None when it is not a team assessment from a lead."""
    return team_assignment(workspace.database, assessment_id)


def section_choices(workspace: Workspace, assessment_id: uuid.UUID) -> list[tuple[str, str]]:
    """The sections of the assessment's checklist a pack may give, as (id, title), in the checklist's order."""
    summary = workspace.assessments.summary(assessment_id)
    checklist = workspace.snapshots.checklist(summary.checklist.id)
    return [(section.id, section.title) for section in checklist.sections]


def pack_problem(workspace: Workspace, summary: AssessmentSummary) -> str | None:
    """Why this assessment cannot be packed for a team, in one line; None when it can."""
    name = f"the assessment of {summary.campus.name} on {summary.assessed_on.isoformat()}"
    if summary.conflict_of is not None:
        return f"{name} is a conflicting copy kept beside another; pack the assessment it conflicts with"
    if summary.source_device is not None:
        return f"{name} was imported from the device {summary.source_device}; only the laptop that made it packs it"
    if summary.status != AssessmentStatus.IN_PROGRESS:
        return f"{name} is {summary.status.value.replace('_', ' ')}; reopen it before packing it for a team"
    lead = assignment(workspace, summary.id)
    if lead is not None:
        return f"{name} is a team assessment from {lead.lead_fingerprint}; only the lead's laptop packs it"
    return None


def team_pack(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    out: Path,
    sections: Sequence[str] | None = None,
    *,
    progress: Progress | None = None,
) -> tuple[ExportResult, tuple[str, ...]]:
    """Write a team pack of the assessment at ``out`` (signed, not sealed: it goes to a colleague's laptop), giving
    the sections named (all when none are). Refuses, before writing anything, an assessment that is not this
    laptop's to give, and sections its checklist does not have. Returns what was written and the sections given."""
    summary = workspace.assessments.summary(assessment_id)
    problem = pack_problem(workspace, summary)
    if problem is not None:
        raise ConflictError(problem)
    given = chosen_sections(workspace.snapshots.checklist(summary.checklist.id), sections)
    pack_id = uuid.uuid4()  # named by the pack, and by the work that comes back for it
    team = TeamPack(assessment=str(assessment_id), sections=list(given), pack=str(pack_id))
    made = source(workspace, to_district=False)
    result = export.export_bundle(made, [assessment_id], out, progress=progress, team=team)
    now = dt.datetime.now(dt.UTC)
    record_pack_given(workspace.database, TeamPackGiven(pack_id, assessment_id, given, now, result.path.name))
    return result, given


def packs(workspace: Workspace, assessment_id: uuid.UUID) -> list[TeamPackGiven]:
    """The team packs this laptop made of the assessment, oldest first, each with the device whose work came back."""
    return packs_given(workspace.database, assessment_id)
