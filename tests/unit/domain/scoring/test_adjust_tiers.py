"""The assessor's adjustments merged into raised findings, manual findings, residual risk, tiers, phases and
checklist-configured bands; change over time with carried-over actions. Hand-computed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.checklist.parse import ChecklistInvalid, parse_checklist
from safety_assess.domain.plan.actions import DEFAULT_PHASES, Action, Phase, Status, due_date, phase_for_risk
from safety_assess.domain.records import FindingRecord, Response
from safety_assess.domain.scoring.adjust import check_finding, manual_key, merged
from safety_assess.domain.scoring.compare import compare
from safety_assess.domain.scoring.compliance import scores
from safety_assess.domain.scoring.findings import Change, raised_findings
from safety_assess.domain.scoring.risk import RiskError
from safety_assess.domain.scoring.tiers import tier_attainment
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
DAY = dt.date(2026, 11, 23)
ASSESSMENT = uuid.UUID(int=1)


def state_of(checklist: Checklist, answers: dict[str, object]) -> AssessmentState:
    responses = [Response(item, None, value, "", NOW) for item, value in answers.items()]  # type: ignore[arg-type]
    return AssessmentState(checklist, [], responses, DAY)


def yes_no(item_id: str, tier: int | None = None, layer: str | None = None, **extra: Any) -> dict[str, Any]:
    tags: dict[str, Any] = {}
    if tier is not None:
        tags["tier"] = tier
    if layer is not None:
        tags["layer"] = layer
    return {
        "id": item_id,
        "prompt": f"{item_id}?",
        "answer": {"type": "yes_no", "deficient_if": "no", "allow_na": True},
        "likelihood": 2,
        "severity": 3,
        "action": f"Fix {item_id}.",
        "tags": tags,
        **extra,
    }


def document(**top: Any) -> dict[str, Any]:
    return {
        "id": "tiers",
        "title": "Tiers",
        "version": "1.0.0",
        **top,
        "sections": [
            {
                "id": "outside",
                "title": "Outside",
                "layer": "campus_perimeter",
                "items": [yes_no("fence", 1), yes_no("gate", 1), yes_no("cameras", 2), yes_no("lights")],
            },
            {
                "id": "inside",
                "title": "Inside",
                "layer": "interior",
                "items": [yes_no("locks", 1), yes_no("film", 2), yes_no("badge", 3, layer="district_wide")],
            },
        ],
    }


CHECKLIST = parse_checklist(document())


def test_tier_attainment_by_hand() -> None:
    state = state_of(CHECKLIST, {"fence": "yes", "gate": "na", "cameras": "no", "locks": "yes", "film": "yes"})
    tiers = tier_attainment(state)
    outside, inside = tiers["campus_perimeter"], tiers["interior"]
    # Outside: tier 1 = fence (in place), gate (N/A, left out): complete; tier 2 = cameras, deficient.
    assert (outside.tiers[1].practices, outside.tiers[1].in_place) == (1, 1)
    assert outside.tier1_in_place is True and outside.highest == 1
    # Inside: locks and film in place; 'badge' is tagged district_wide and unanswered, so not in place.
    assert inside.tier1_in_place is True and inside.highest == 2
    assert tiers["district_wide"].tier1_in_place is None and tiers["district_wide"].highest == 0
    # 'lights' has no tier: not counted anywhere.
    assert sum(t.practices for layer in tiers.values() for t in layer.tiers.values()) == 6 - 1


def test_an_unanswered_tier1_practice_means_tier1_is_not_in_place() -> None:
    tiers = tier_attainment(state_of(CHECKLIST, {"fence": "yes"}))
    assert tiers["campus_perimeter"].tier1_in_place is False and tiers["campus_perimeter"].highest == 0


def test_adjustments_replace_the_defaults_and_manual_findings_join_by_risk() -> None:
    state = state_of(CHECKLIST, {"fence": "no", "gate": "no"})
    raised = raised_findings(state)
    adjusted = FindingRecord(
        uuid.uuid4(), ASSESSMENT, "gate", likelihood=5, severity=4, rationale="Propped open", location="north"
    )
    manual = FindingRecord(
        uuid.uuid4(),
        ASSESSMENT,
        None,
        title="Roof  hatch",
        section_id="inside",
        likelihood=4,
        severity=4,
        location="gym",
    )
    withdrawn = FindingRecord(uuid.uuid4(), ASSESSMENT, "locks", likelihood=1, severity=1, rationale="x")
    found = merged(raised, [adjusted, manual, withdrawn], {"outside": "Outside", "inside": "Inside"})
    assert [(f.title, f.risk, f.location) for f in found] == [
        ("gate?", 20, "Outside / north"),
        ("Roof  hatch", 16, "Inside / gym"),
        ("fence?", 6, "Outside"),
    ]
    gate = found[0]
    assert gate.adjusted and gate.id == adjusted.id and (gate.default_likelihood, gate.default_severity) == (2, 3)
    assert found[1].manual and found[1].key == manual_key("roof hatch") == "manual:roof hatch"


def test_finding_checks() -> None:
    base = FindingRecord(uuid.uuid4(), ASSESSMENT, "gate")
    assert check_finding(base, (2, 3)) == base
    cases = [
        (FindingRecord(uuid.uuid4(), ASSESSMENT, None, title=" "), None, "needs a title"),
        (FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", likelihood=6), (2, 3), "likelihood must be a whole number"),
        (FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", severity=0), (2, 3), "severity must be a whole number"),
        (FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", likelihood=3, severity=2), (2, 3), "say why in the rationale"),
        (FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", residual_likelihood=1), (2, 3), "both a likelihood and"),
        (
            FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", residual_likelihood=3, residual_severity=3),
            (2, 3),
            "residual risk 9 is above the risk as found \\(6\\)",
        ),
        (FindingRecord(uuid.uuid4(), ASSESSMENT, None, title="x" * 301), None, "the title is 301 characters"),
    ]
    for record, defaults, message in cases:
        with pytest.raises(RiskError, match=message):
            check_finding(record, defaults)
    lowered = FindingRecord(uuid.uuid4(), ASSESSMENT, "gate", residual_likelihood=1, residual_severity=3)
    assert check_finding(lowered, (2, 3)) == lowered


def test_checklist_bands_and_phases_replace_the_defaults() -> None:
    bands = [{"name": "Green", "low": 1, "high": 9, "color": "#00aa00"}, {"name": "Red", "low": 10, "high": 25}]
    phases = [{"id": "now", "name": "Now", "days": 14}, {"id": "later", "name": "Later", "days": 400}]
    checklist = parse_checklist(document(risk_bands=bands, phases=phases))
    assert [(b.name, b.low, b.high) for b in checklist.bands()] == [("Green", 1, 9), ("Red", 10, 25)]
    assert [p.id for p in checklist.plan_phases()] == ["now", "later"]
    assert CHECKLIST.plan_phases() == DEFAULT_PHASES and CHECKLIST.bands()[0].name == "Low"


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([{"name": "A", "low": 1, "high": 8}, {"name": "B", "low": 10, "high": 25}], "risks 9-9 are in no band"),
        ([{"name": "A", "low": 1, "high": 12}, {"name": "B", "low": 10, "high": 25}], "overlaps the band before"),
        ([{"name": "A", "low": 1, "high": 20}], "risks 21-25 are in no band"),
        ([{"name": "A", "low": 1, "high": 30}], "must be at most 25, got 30"),
        ([{"name": "A", "low": 1, "high": 9}, {"name": "a", "low": 10, "high": 25}], "band name 'a' is used twice"),
        ([], "needs at least 1 entry, has 0"),
    ],
)
def test_checklist_bands_with_gaps_or_overlaps_are_refused(bands: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(ChecklistInvalid, match=message) as raised:
        parse_checklist(document(risk_bands=bands))
    assert raised.value.issues[0].path[0] == "risk_bands"


def test_new_actions_start_in_a_phase_by_risk() -> None:
    assert [phase_for_risk(r, DEFAULT_PHASES).id for r in (25, 15, 14, 10, 9, 1)] == [
        "immediate",
        "immediate",
        "short_term",
        "short_term",
        "long_term",
        "long_term",
    ]
    single = (Phase("all", "All", 90),)
    assert phase_for_risk(20, single).id == "all" and phase_for_risk(3, single).id == "all"
    assert due_date(DAY, DEFAULT_PHASES[0]) == dt.date(2026, 12, 23)


def test_change_over_time_with_scores_and_carried_over_actions() -> None:
    before_state = state_of(CHECKLIST, {"fence": "no", "gate": "no", "locks": "yes", "film": "yes"})
    now_state = state_of(CHECKLIST, {"fence": "no", "gate": "yes", "locks": "no", "film": "yes"})
    before, now = raised_findings(before_state), raised_findings(now_state)
    old_actions = [
        Action("item:fence:", "Mend fence", "long_term", 5000, 9000, status=Status.IN_PROGRESS),
        Action("item:gate:", "Lock gate", "immediate", 0, 100, status=Status.DONE),
    ]
    s_before, s_now = scores(before_state), scores(now_state)
    result = compare(before, now, (s_before.overall, s_before.sections), (s_now.overall, s_now.sections), old_actions)
    assert result.changes == {
        "item:fence:": Change.PERSISTING,
        "item:locks:": Change.NEW,
        "item:gate:": Change.RESOLVED,
    }
    assert [f.key for f in result.resolved] == ["item:gate:"]
    # Outside: 0 of 2 before, 1 of 2 now; inside: 2 of 2 before, 1 of 2 now; overall 2/4 then 2/4.
    assert (result.sections["outside"].before, result.sections["outside"].now) == (0.0, 50.0)
    assert result.sections["inside"].delta == -50.0 and result.overall.delta == 0.0
    assert [(c.action.description, c.change, c.action.status) for c in result.carried] == [
        ("Mend fence", Change.PERSISTING, Status.IN_PROGRESS),
        ("Lock gate", Change.RESOLVED, Status.DONE),
    ]


@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5))
def test_a_residual_risk_is_accepted_exactly_when_it_is_not_above_the_risk_as_found(
    likelihood: int, severity: int, residual_l: int, residual_s: int
) -> None:
    record = FindingRecord(
        uuid.uuid4(),
        ASSESSMENT,
        None,
        title="t",
        likelihood=likelihood,
        severity=severity,
        residual_likelihood=residual_l,
        residual_severity=residual_s,
    )
    if residual_l * residual_s <= likelihood * severity:
        assert check_finding(record, None) == record
    else:
        with pytest.raises(RiskError):
            check_finding(record, None)
