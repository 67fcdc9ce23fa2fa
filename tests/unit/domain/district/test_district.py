"""District figures, checked against hand-computed examples."""

from __future__ import annotations

import datetime as dt
import uuid

from safety_assess.domain.district.actions import ActionFilter, cost_totals, district_actions
from safety_assess.domain.district.figures import AssessmentFigures, action_lines, figures_of
from safety_assess.domain.district.overview import RANKING_RULE, campus_lines, district_totals, ranked
from safety_assess.domain.plan.actions import DEFAULT_PHASES, Action, CostRange, Status
from safety_assess.domain.records import AssessmentStatus, AssessmentSummary, Campus, SnapshotInfo
from safety_assess.domain.scoring.coverage import Coverage
from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.scoring.risk import DEFAULT_BANDS

DISTRICT = uuid.uuid4()
SNAPSHOT = SnapshotInfo(uuid.uuid4(), "c", "1.0.0", "Checklist", "0" * 64)


def finding(key: str, likelihood: int, severity: int) -> Finding:
    return Finding(key, key, "", likelihood, severity, layer="perimeter")


def action(key: str, phase: str, low: float, high: float, status: Status = Status.OPEN) -> Action:
    return Action(key, f"fix {key}", phase, low, high, status=status, layer="perimeter")


def test_figures_count_open_findings_and_actions_not_done() -> None:
    findings = [finding("a", 5, 4), finding("b", 3, 4), finding("c", 2, 3), finding("d", 1, 2)]  # 20, 12, 6, 2
    actions = [
        action("a", "immediate", 1000, 2000),
        action("a", "short_term", 500, 500, Status.IN_PROGRESS),
        action("b", "short_term", 300, 900, Status.DONE),  # b: every action done, so closed
        action("c", "long_term", 100, 200, Status.DEFERRED),
    ]
    figures = figures_of(87.456, findings, actions, DEFAULT_BANDS, DEFAULT_PHASES)
    assert figures.compliance == 87.46
    assert figures.findings == {"Low": 1, "Moderate": 1, "High": 0, "Critical": 1}
    assert (figures.open_findings, figures.severe, figures.risk_load, figures.open_actions) == (3, 1, 28, 3)
    assert figures.cost_by_phase == {
        "immediate": CostRange(1000, 2000),
        "short_term": CostRange(500, 500),
        "long_term": CostRange(100, 200),
    }
    assert figures.cost == CostRange(1600, 2700) and figures.cost_by_layer == {"perimeter": CostRange(1600, 2700)}
    assert AssessmentFigures.from_json(figures.to_json()) == figures
    assert AssessmentFigures.from_json({**figures.to_json(), "version": 0}) is None


def summary(campus: Campus, day: int, **extra: object) -> AssessmentSummary:
    return AssessmentSummary(
        id=uuid.uuid4(),
        campus=campus,
        checklist=SNAPSHOT,
        assessors=("Ana",),
        assessed_on=dt.date(2026, 1, day),
        status=AssessmentStatus.COMPLETED,
        started_at=dt.datetime(2026, 1, day, tzinfo=dt.UTC),
        completed_at=None,
        answered=10,
        **extra,  # type: ignore[arg-type]
    )


def figures(compliance: float, severe: int, load: int, cost: float) -> AssessmentFigures:
    return AssessmentFigures(
        compliance=compliance,
        findings={"Low": 1, "High": severe},
        band_colors={"Low": "#0f0", "High": "#f00"},
        open_findings=1 + severe,
        severe=severe,
        risk_load=load,
        open_actions=2,
        cost_by_phase={"immediate": CostRange(cost, 2 * cost)},
        phase_names={"immediate": "Immediate"},
        cost_by_layer={"perimeter": CostRange(cost, 2 * cost)},
    )


def test_campuses_ranked_by_risk_with_district_totals_of_the_latest_assessments() -> None:
    north, south, east, west = (
        Campus(uuid.uuid4(), DISTRICT, name, name[0], "") for name in ("North", "South", "East", "West")
    )
    old_north, new_north = summary(north, 1), summary(north, 5)
    reopened = summary(south, 2)
    south_now = summary(south, 3, revision_of=reopened.id, revision_no=2)
    conflict = summary(south, 3, conflict_of=south_now.id)
    east_one = summary(east, 4)
    kept = {
        old_north.id: figures(50, 9, 90, 9999),  # older: not in the totals
        new_north.id: figures(80, 1, 30, 1000),
        reopened.id: figures(10, 9, 99, 9999),  # replaced by its reopened revision
        south_now.id: figures(60, 1, 40, 500),
        conflict.id: figures(0, 9, 99, 9999),  # a conflicting copy: counted apart
        east_one.id: figures(90, 2, 20, 100),
    }
    summaries = [old_north, new_north, reopened, south_now, conflict, east_one]
    lines = ranked(campus_lines([north, south, east, west], summaries, kept))
    assert [line.campus.name for line in lines] == ["East", "South", "North", "West"]  # 2 severe; 1 with load 40
    south_line = lines[1]
    assert [a.summary.id for a in south_line.history] == [south_now.id] and south_line.conflicts == 1
    assert [a.summary.id for a in lines[2].history] == [old_north.id, new_north.id] and lines[3].latest is None
    totals = district_totals(lines)
    assert (totals.campuses, totals.assessed, totals.severe, totals.open_actions) == (4, 3, 4, 6)
    assert totals.findings == {"Low": 3, "High": 4}
    assert totals.cost_by_phase == {"immediate": CostRange(1600, 3200)} and totals.cost == CostRange(1600, 3200)


def test_the_district_action_plan_filters_and_totals() -> None:
    north, south = (Campus(uuid.uuid4(), DISTRICT, name, name[0], "") for name in ("North", "South"))
    findings_n = [finding("a", 5, 5), finding("b", 2, 2)]
    actions_n = [action("a", "immediate", 100, 200), action("b", "long_term", 10, 20, Status.DONE)]
    findings_s = [finding("c", 3, 4)]
    actions_s = [action("c", "immediate", 1000, 3000, Status.IN_PROGRESS)]
    n, s = summary(north, 1), summary(south, 1)
    kept = {
        n.id: figures_of(50, findings_n, actions_n, DEFAULT_BANDS, DEFAULT_PHASES),
        s.id: figures_of(70, findings_s, actions_s, DEFAULT_BANDS, DEFAULT_PHASES),
    }
    lines = {
        n.id: action_lines(findings_n, actions_n, DEFAULT_BANDS),
        s.id: action_lines(findings_s, actions_s, DEFAULT_BANDS),
    }
    every = district_actions(campus_lines([north, south], [n, s], kept), lines)
    assert [(a.campus.name, a.line.finding, a.line.risk, a.line.band) for a in every] == [
        ("North", "a", 25, "Critical"),
        ("South", "c", 12, "High"),
        ("North", "b", 4, "Low"),
    ]
    assert cost_totals(every, "phase") == {"immediate": CostRange(1100, 3200)}
    assert cost_totals(every, "layer") == {"perimeter": CostRange(1100, 3200)}
    immediate = [a for a in every if ActionFilter(phase="immediate", campus="s").matches(a)]
    assert [a.line.finding for a in immediate] == ["c"]
    assert [a.line.finding for a in every if ActionFilter(status="done").matches(a)] == ["b"]


def test_one_critical_finding_outranks_three_high_ones_whatever_the_risk_load() -> None:
    critical_campus, high_campus = (Campus(uuid.uuid4(), DISTRICT, name, name[:3], "") for name in ("Crest", "Hill"))
    critical_one, high_three = summary(critical_campus, 1), summary(high_campus, 1)
    kept = {
        critical_one.id: figures_of(90.0, [finding("a", 5, 5)], [], DEFAULT_BANDS, DEFAULT_PHASES),  # risk 25
        high_three.id: figures_of(
            40.0, [finding(k, 3, 4) for k in "abc"], [], DEFAULT_BANDS, DEFAULT_PHASES
        ),  # 3 x 12: a larger risk load, a lower compliance, more high-and-critical findings
    }
    assert kept[high_three.id].risk_load > kept[critical_one.id].risk_load
    lines = ranked(campus_lines([high_campus, critical_campus], [high_three, critical_one], kept))
    assert [line.campus.name for line in lines] == ["Crest", "Hill"]
    assert "critical findings, then most open high findings, then the largest risk load" in RANKING_RULE


def test_with_as_many_critical_findings_high_ones_then_risk_load_then_compliance_decide() -> None:
    one, two, three = (Campus(uuid.uuid4(), DISTRICT, name, name, "") for name in ("One", "Two", "Three"))
    first, second, third = summary(one, 1), summary(two, 1), summary(three, 1)
    critical = finding("c", 5, 4)
    kept = {
        first.id: figures_of(80.0, [critical, finding("h", 3, 4)], [], DEFAULT_BANDS, DEFAULT_PHASES),
        second.id: figures_of(10.0, [critical, finding("m", 3, 3)], [], DEFAULT_BANDS, DEFAULT_PHASES),
        third.id: figures_of(5.0, [critical, finding("m", 2, 3)], [], DEFAULT_BANDS, DEFAULT_PHASES),
    }
    lines = ranked(campus_lines([three, two, one], [third, second, first], kept))
    assert [line.campus.name for line in lines] == ["One", "Two", "Three"]  # high; then load 29 over 26


def test_figures_keep_their_coverage() -> None:
    covered = Coverage(answered=13, applicable=70, not_applicable=2)
    kept = figures_of(61.5, [], [], DEFAULT_BANDS, DEFAULT_PHASES, covered)
    assert AssessmentFigures.from_json(kept.to_json()) == kept
    assert kept.compliance_text == "62% of 13 answered items; 57 not answered yet"
