"""Each metric against hand-computed examples, at the term's boundaries, and the district's pooled values."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.domain.readiness.drills import CampusKind, Drill, DrillType
from safety_assess.domain.readiness.facts import ActionFacts, AssessedFacts, CampusFacts, Period
from safety_assess.domain.readiness.metrics import BY_KEY, NO_DATA, PassCounts, Reading, TargetError, metric
from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.domain.readiness.school_year import school_year

D = dt.date
FALL = Period(D(2026, 8, 1), D(2026, 12, 31), school_year(D(2026, 8, 1)))
RULES = DrillRules()
CAMPUS = uuid.uuid4()


def _read(key: str, campus: CampusFacts, period: Period = FALL, checks: PassCounts | None = None) -> Reading:
    return BY_KEY[key].measure(campus, period, RULES, checks or {})


def _campus(**facts: object) -> CampusFacts:
    return CampusFacts(CAMPUS, CampusKind.HIGH, **facts)  # type: ignore[arg-type]


def test_compliance_is_the_latest_assessment_completed_by_the_terms_end() -> None:
    campus = _campus(
        assessments=(
            AssessedFacts(D(2026, 3, 1), 60.0),
            AssessedFacts(D(2026, 12, 31), 75.5),  # completed on the term's last day: counts
            AssessedFacts(D(2027, 1, 1), 90.0),  # the day after: not yet
            AssessedFacts(None, 99.0),  # in progress: never
        )
    )
    assert _read("compliance", campus) == Reading(75.5, 75.5, 1)
    assert _read("compliance", _campus()) == NO_DATA
    assert _read("compliance", _campus(assessments=(AssessedFacts(D(2026, 9, 1), None),))) == NO_DATA


def test_open_high_critical_counts_those_open_at_the_terms_end() -> None:
    closed = (None, D(2026, 12, 31), D(2027, 1, 1), D(2026, 9, 1), None)
    campus = _campus(assessments=(AssessedFacts(D(2026, 8, 20), 50.0, closed),))
    # open: never closed (2), closed after the term's end (1); closed on or before its last day: not open
    assert _read("open_high_critical", campus).value == 3
    assert _read("open_high_critical", _campus()) == NO_DATA


def test_actions_on_time_is_the_share_due_in_the_term_done_by_their_due_date() -> None:
    actions = (
        ActionFacts(D(2026, 8, 1), D(2026, 8, 1)),  # due on the first day, done that day: on time
        ActionFacts(D(2026, 10, 1), D(2026, 10, 2)),  # a day late
        ActionFacts(D(2026, 12, 31), None),  # not done
        ActionFacts(D(2026, 11, 1), D(2026, 9, 1)),  # early
        ActionFacts(D(2026, 7, 31), D(2026, 7, 1)),  # due before the term: not counted
        ActionFacts(D(2027, 1, 1), D(2026, 9, 1)),  # due after it: not counted
    )
    assert _read("actions_on_time", _campus(actions=actions)) == Reading(50.0, 2, 4)
    assert _read("actions_on_time", _campus(actions=actions[4:])) == NO_DATA


def _drill(kind: DrillType, day: dt.date) -> Drill:
    return Drill(CAMPUS, kind, day)


def test_drills_done_against_those_due_at_the_rules_pace_by_the_terms_end() -> None:
    # by 31 December (day 153 of 365): fire 10*153//365 = 4, lockdown 2*153//365 = 0, the others 0
    drills = (
        *(_drill(DrillType.FIRE, D(2026, 9, d)) for d in range(1, 7)),
        _drill(DrillType.LOCKDOWN, D(2026, 10, 1)),
        _drill(DrillType.FIRE, D(2026, 7, 31)),  # last school year
    )
    assert _read("drills_done", _campus(drills=drills)) == Reading(100.0, 4, 4)  # six fire drills count as four
    assert _read("drills_done", _campus(drills=drills[:3])) == Reading(75.0, 3, 4)
    spring = Period(D(2027, 1, 1), D(2027, 7, 31), FALL.year)  # the whole year due: 15; six fire, one lockdown held
    assert _read("drills_done", _campus(drills=drills), spring) == Reading(100 * 7 / 15, 7, 15)
    early = Period(D(2026, 8, 1), D(2026, 8, 20), FALL.year)  # nothing due yet
    assert _read("drills_done", _campus(drills=drills), early) == NO_DATA


def test_spot_check_pass_rate_reads_the_runs_given() -> None:
    assert _read("spot_check_pass_rate", _campus(), checks={CAMPUS: (3, 4)}) == Reading(75.0, 3, 4)
    assert _read("spot_check_pass_rate", _campus()) == NO_DATA


def test_cost_spent_is_done_in_the_term_against_due_in_it() -> None:
    actions = (
        ActionFacts(D(2026, 9, 1), D(2026, 9, 1), 1000.0),
        ActionFacts(D(2026, 12, 31), None, 3000.0),
        ActionFacts(D(2027, 3, 1), D(2026, 12, 31), 500.0),  # due later, done in the term: spent
        ActionFacts(D(2026, 10, 1), D(2027, 1, 1), 2000.0),  # due in the term, done after it
    )
    assert _read("cost_spent", _campus(actions=actions)) == Reading(25.0, 1500, 6000)
    assert _read("cost_spent", _campus(actions=(ActionFacts(D(2026, 9, 1), None, 0.0),))) == NO_DATA


def test_the_district_pools_shares_and_sums_counts_and_averages_compliance() -> None:
    shares = [Reading(100.0, 1, 1), Reading(10.0, 1, 10), NO_DATA]
    assert BY_KEY["actions_on_time"].district(shares) == Reading(100 * 2 / 11, 2, 11)  # not (100 + 10) / 2
    assert BY_KEY["open_high_critical"].district([Reading(3, 3, 1), Reading(0, 0, 1), NO_DATA]).value == 3
    assert BY_KEY["compliance"].district([Reading(80, 80, 1), Reading(60, 60, 1)]).value == 70
    assert BY_KEY["compliance"].district([NO_DATA]) == NO_DATA


def test_met_follows_the_metrics_direction() -> None:
    assert BY_KEY["compliance"].met(80, 80) is True and BY_KEY["compliance"].met(79.9, 80) is False
    assert BY_KEY["open_high_critical"].met(2, 2) is True and BY_KEY["open_high_critical"].met(3, 2) is False
    assert BY_KEY["compliance"].met(None, 80) is None and BY_KEY["compliance"].met(80, None) is None


def test_a_target_out_of_range_and_an_unknown_metric_are_refused_by_name() -> None:
    with pytest.raises(TargetError, match="target 101 for compliance is out of range: from 0 to 100 %"):
        BY_KEY["compliance"].check(101)
    with pytest.raises(TargetError, match="target -1 for open_high_critical is out of range"):
        BY_KEY["open_high_critical"].check(-1)
    assert metric("Actions-On-Time").key == "actions_on_time"
    with pytest.raises(TargetError, match="unknown metric 'speed': use one of compliance, open_high_critical, "):
        metric("speed")
