"""The district's figures: every campus's assessments with their headline figures, ranked, with totals.

Figures are kept per assessment (storage.figures) and computed again only for assessments that changed since, so
opening the district view reads a fixed number of queries whatever the number of campuses. Whether they changed is
one query over the assessments (their versions kept by database triggers, migration 0017) and one over the index of
the kept stamps (migration 0021); figures this process already read are used again while the kept row is at the
current stamp, so reopening or refreshing the view does not parse five thousand figure sets again, and listing rows
unchanged since the last read are not converted again (storage.listing.remembered).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.base.files import writing
from safety_assess.base.jobs import Progress
from safety_assess.domain.display import words
from safety_assess.domain.district.actions import DistrictAction, district_actions, latest_ids
from safety_assess.domain.district.figures import ActionLine, AssessmentFigures, action_lines, figures_of
from safety_assess.domain.district.overview import (
    CampusLine,
    DistrictTotals,
    campus_lines,
    current_assessments,
    district_totals,
    ranked,
)
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.plan.actions import Action, Status, default_phases
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.reports import ReportResult, report_options
from safety_assess.services.reviews import ReviewState, review_states
from safety_assess.services.workspace import Workspace
from safety_assess.storage import figures as kept_figures


@dataclass(frozen=True)
class DistrictOverview:
    lines: list[CampusLine]
    """One per campus, most at risk first."""
    totals: DistrictTotals
    computed: int = 0
    """How many assessments' figures had to be computed for this overview (the others were kept)."""
    reviews: dict[uuid.UUID, ReviewState] = field(default_factory=dict)
    """The review state of each campus's latest assessment, by assessment."""

    def review_stage(self, line: CampusLine) -> str:
        """How far the review of the campus's latest plan has come ('' when the campus is not assessed)."""
        if line.latest is None:
            return ""
        state = self.reviews.get(line.latest.summary.id)
        return state.stage if state is not None else "not reviewed"


def plan_figures(plan: Plan) -> AssessmentFigures:
    return figures_of(plan.scores.overall.percent, plan.findings, plan.actions, plan.bands, plan.phases, plan.coverage)


def assessment_figures(
    workspace: Workspace, assessment_ids: Iterable[uuid.UUID], *, most: bool = False
) -> tuple[dict[uuid.UUID, AssessmentFigures], int]:
    """The figures of the assessments, computed (and kept) for those whose kept figures are missing or stale;
    and how many were computed. ``most``: they are most of the district's, so every stamp is read at once rather
    than through a long list of ids. Figures this process already read under the current stamp are not read again
    (the district view opens and refreshes many times in a session)."""
    wanted = set(assessment_ids)
    current, in_database = _stamps(workspace, wanted, most)
    phases = _phases_stamp()
    remembered = _remembered.setdefault(workspace.database, {})
    result: dict[uuid.UUID, AssessmentFigures] = {}
    for assessment_id in wanted & current.keys():
        known, stamp = remembered.get(assessment_id), f"{current[assessment_id]}:{phases}"
        if known is not None and known[0] == stamp and in_database.get(assessment_id) == stamp:
            result[assessment_id] = known[1]  # the kept row is current too: its action lines as well
    unread = (wanted & current.keys()) - result.keys()
    stored = kept_figures.kept(workspace.database, None if most and len(unread) > MANY else unread) if unread else {}
    fresh = []
    for assessment_id in unread:
        stamp = f"{current[assessment_id]}:{phases}"
        kept = stored.get(assessment_id)
        figures = AssessmentFigures.from_json(kept[1]) if kept is not None and kept[0] == stamp else None
        if figures is None:
            plan = load_plan(workspace, assessment_id, compare_earlier=False)
            figures = plan_figures(plan)
            lines = action_lines(plan.findings, plan.actions, plan.bands)
            fresh.append((assessment_id, stamp, figures.to_json(), [line.to_json() for line in lines]))
        result[assessment_id] = figures
        remembered[assessment_id] = (stamp, figures)
    if fresh:
        kept_figures.keep(workspace.database, fresh)
    return result, len(fresh)


def _stamps(
    workspace: Workspace, wanted: set[uuid.UUID], most: bool
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    """The current stamps of the assessments, and those of their kept figures."""
    if not most:
        return kept_figures.stamps(workspace.database, wanted), kept_figures.kept_stamps(workspace.database, wanted)
    return kept_figures.every_stamp(workspace.database)


_remembered: weakref.WeakKeyDictionary[object, dict[uuid.UUID, tuple[str, AssessmentFigures]]] = (
    weakref.WeakKeyDictionary()
)
"""Per open database, the figures this process read or computed, with the stamp they are current at."""
MANY = 50
"""More unread assessments than this are read with the whole table rather than through a list of ids."""


def _phases_stamp() -> str:
    """The default phases' names and deadlines as the settings have them now: figures kept under other names or
    deadlines (the district renamed a phase since) are computed again."""
    described = "|".join(f"{phase.id}={phase.name}={phase.days}" for phase in default_phases())
    return hashlib.sha256(described.encode()).hexdigest()[:12]


def district_overview(workspace: Workspace) -> DistrictOverview:
    campuses, summaries = workspace.overview()
    current = current_assessments(summaries)
    figures, computed = assessment_figures(workspace, (s.id for s in current), most=True)
    lines = ranked(campus_lines(campuses, summaries, figures))
    latest = [line.latest.summary.id for line in lines if line.latest is not None]
    return DistrictOverview(lines, district_totals(lines), computed, review_states(workspace, latest))


def latest_actions(workspace: Workspace, overview: DistrictOverview) -> list[DistrictAction]:
    """Every action of each campus's latest assessment (their figures are current: the overview made sure)."""
    kept = kept_figures.kept_actions(workspace.database, latest_ids(overview.lines))
    lines = {key: [ActionLine.from_json(data) for data in found] for key, found in kept.items()}
    return district_actions(overview.lines, lines)


def follow_up(workspace: Workspace, action: DistrictAction, status: Status, by: str = "") -> Action:
    """Give a listed action ``status``, recorded with who and when, if nobody changed it since it was listed.

    Two staff on a shared database may both have the list open: the second change is refused (ConflictError)
    rather than silently replacing the first.
    """
    stored = workspace.findings.action(uuid.UUID(action.line.id))
    if stored.revision != action.line.revision:
        who = f" by {stored.status_changed_by}" if stored.status_changed_by else ""
        raise ConflictError(
            f"changed{who} since the list was loaded (now {words(stored.status.value).lower()}); reload and try again"
        )
    return PlanEditor(workspace, action.assessment_id, by).set_status(stored, status)


def export_district_report(
    workspace: Workspace, out: Path, *, clock: dt.datetime | None = None, progress: Progress | None = None
) -> ReportResult:
    """Write the district report PDF to ``out`` (whole, or not at all)."""
    # ReportLab loads when a report is written, not when the district view opens
    from safety_assess.reports.district import DistrictReportOptions, write_district_pdf
    from safety_assess.reports.pdf import page_count
    from safety_assess.services.targets import current_term
    from safety_assess.services.targets import progress as term_progress

    progress = progress or Progress()
    progress.report(0, 2, "Reading every campus's figures")
    overview = district_overview(workspace)
    base = report_options(workspace, public=False, clock=clock)
    options = DistrictReportOptions(base.district, base.marking, base.generated_at, base.app_version)
    progress.check()
    progress.report(1, 2, "Laying out the report")
    with writing(workspace.data_dir, out) as partial:
        stages = {line.campus.id: overview.review_stage(line) for line in overview.lines}
        actions = latest_actions(workspace, overview)
        measured = term_progress(workspace, current_term(workspace, options.generated_at.date()))
        write_district_pdf(overview.lines, overview.totals, actions, options, partial, stages, measured)
        pages = page_count(partial)
    progress.report(2, 2)
    return ReportResult(out, pages)
