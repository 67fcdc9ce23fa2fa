"""Every campus at a glance: its assessments over time with their figures, the latest one, ranking and totals."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from safety_assess.domain.district.figures import AssessmentFigures
from safety_assess.domain.plan.actions import CostRange
from safety_assess.domain.records import AssessmentSummary, Campus


@dataclass(frozen=True)
class Assessed:
    """One assessment of a campus with its figures."""

    summary: AssessmentSummary
    figures: AssessmentFigures


@dataclass(frozen=True)
class CampusLine:
    campus: Campus
    history: tuple[Assessed, ...]
    """The campus's current assessments (not superseded, not conflicting copies), oldest first."""
    conflicts: int = 0
    """Conflicting copies waiting to be resolved."""

    @property
    def latest(self) -> Assessed | None:
        return self.history[-1] if self.history else None


@dataclass(frozen=True)
class DistrictTotals:
    campuses: int
    assessed: int
    """Campuses with at least one assessment."""
    findings: dict[str, int]
    severe: int
    open_actions: int
    cost_by_phase: dict[str, CostRange]
    phase_names: dict[str, str]
    cost_by_layer: dict[str, CostRange]
    band_colors: dict[str, str]

    @property
    def cost(self) -> CostRange:
        return sum(self.cost_by_phase.values(), CostRange())


def current_assessments(summaries: Iterable[AssessmentSummary]) -> list[AssessmentSummary]:
    """Assessments that count: not replaced by a reopened revision, not a conflicting copy, not a spot check's run."""
    listed = list(summaries)
    replaced = {s.revision_of for s in listed if s.revision_of is not None}
    return [s for s in listed if s.id not in replaced and s.conflict_of is None and s.spot_check_id is None]


def campus_lines(
    campuses: Sequence[Campus],
    summaries: Sequence[AssessmentSummary],
    figures: dict[uuid.UUID, AssessmentFigures],
) -> list[CampusLine]:
    """A line per campus, in the campuses' order; assessments without figures are left out."""
    current = current_assessments(summaries)
    conflicts: dict[uuid.UUID, int] = {}
    for summary in summaries:
        if summary.conflict_of is not None:
            conflicts[summary.campus.id] = conflicts.get(summary.campus.id, 0) + 1
    by_campus: dict[uuid.UUID, list[Assessed]] = {c.id: [] for c in campuses}
    for summary in current:
        if summary.id in figures and summary.campus.id in by_campus:
            by_campus[summary.campus.id].append(Assessed(summary, figures[summary.id]))
    lines = []
    for campus in campuses:
        history = sorted(by_campus[campus.id], key=lambda a: (a.summary.assessed_on, a.summary.started_at))
        lines.append(CampusLine(campus, tuple(history), conflicts.get(campus.id, 0)))
    return lines


RANKING_RULE = (
    "Campuses are ranked most at risk first: most open critical findings, then most open high findings, then the "
    "largest risk load (the sum of the open findings' risk scores), then the lowest compliance; campuses not "
    "assessed yet come last."
)
"""The ranking rule as the district view and the district report state it (``risk_rank_key`` is the rule)."""


def risk_rank_key(line: CampusLine) -> tuple[float, ...]:
    """Most at risk first: most critical findings (the highest band), then most high ones (the next band), then
    the largest risk load, then the lowest compliance; campuses never assessed last. One critical finding outranks
    any number of high ones: a district must be able to say why a campus comes first."""
    latest = line.latest
    if latest is None:
        return (1, 0, 0, 0, 0)
    figures = latest.figures
    compliance = figures.compliance if figures.compliance is not None else 100.0
    return (0, -figures.band_count(0), -figures.band_count(1), -figures.risk_load, compliance)


def ranked(lines: Iterable[CampusLine]) -> list[CampusLine]:
    return sorted(lines, key=lambda line: (*risk_rank_key(line), line.campus.name.casefold()))


def district_totals(lines: Sequence[CampusLine]) -> DistrictTotals:
    """The sum over every campus's latest assessment."""
    findings: dict[str, int] = {}
    colors: dict[str, str] = {}
    by_phase: dict[str, CostRange] = {}
    names: dict[str, str] = {}
    by_layer: dict[str, CostRange] = {}
    severe = open_actions = assessed = 0
    for line in lines:
        if line.latest is None:
            continue
        figures = line.latest.figures
        assessed += 1
        severe += figures.severe
        open_actions += figures.open_actions
        colors.update({k: v for k, v in figures.band_colors.items() if k not in colors})
        names.update({k: v for k, v in figures.phase_names.items() if k not in names})
        for name, count in figures.findings.items():
            findings[name] = findings.get(name, 0) + count
        for key, cost in figures.cost_by_phase.items():
            by_phase[key] = by_phase.get(key, CostRange()) + cost
        for key, cost in figures.cost_by_layer.items():
            by_layer[key] = by_layer.get(key, CostRange()) + cost
    return DistrictTotals(len(lines), assessed, findings, severe, open_actions, by_phase, names, by_layer, colors)
