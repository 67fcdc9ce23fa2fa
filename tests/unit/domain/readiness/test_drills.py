"""A drill's checks and the types and kinds as typed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.drills import Drill, DrillError, DrillType, campus_kind, check_drill, drill_type
from safety_assess.domain.readiness.requirements import SETTINGS_VERSION, DrillRules
from safety_assess.domain.readiness.rules_doc import rules_document, rules_from

TODAY = dt.date(2026, 10, 1)
DRILL = Drill(uuid.uuid4(), DrillType.FIRE, TODAY, duration=12, participants=340)


def test_types_are_read_as_people_type_them() -> None:
    assert drill_type("Reverse-Evacuation") == DrillType.REVERSE_EVACUATION
    assert drill_type(" shelter in place") == DrillType.SHELTER_IN_PLACE
    with pytest.raises(DrillError, match="unknown drill type 'flood': use one of fire, lockdown"):
        drill_type("flood")
    with pytest.raises(DrillError, match="unknown campus kind 'college'"):
        campus_kind("college")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": dt.date(2026, 10, 2)}, "drill date 2026-10-02 is in the future"),
        ({"date": dt.date(2019, 8, 1)}, "before the campus opened \\(2020-08-01\\)"),
        ({"duration": -5}, "drill duration -5 is out of range"),
        ({"duration": 0}, "drill duration 0 is out of range"),
        ({"participants": -1}, "drill participants -1 is out of range"),
        ({"issues": "x" * 4001}, "longer than 4000"),
    ],
)
def test_a_wrong_drill_is_refused_naming_the_field(changes: dict[str, object], message: str) -> None:
    with pytest.raises(DrillError, match=message):
        check_drill(dataclasses.replace(DRILL, **changes), TODAY, dt.date(2020, 8, 1))  # type: ignore[arg-type]


def test_a_drill_today_on_the_opening_day_passes() -> None:
    check_drill(DRILL, TODAY, TODAY)
    check_drill(dataclasses.replace(DRILL, participants=0, duration=None), TODAY, None)


def test_the_rules_document_round_trips_and_refuses_damage_and_newer_versions() -> None:
    rules = DrillRules().starting(9, 1)
    assert rules_from(rules_document(rules)) == rules
    with pytest.raises(SafetyAssessError, match="newer version"):
        rules_from({**rules_document(rules), "version": SETTINGS_VERSION + 1})
    for damaged in (None, {"version": 1}, {**rules_document(rules), "year_start": "02-29"}):
        with pytest.raises(SafetyAssessError, match="damaged"):
            rules_from(damaged)
    broken = rules_document(rules)
    broken["required"]["high"]["fire"] = -3
    with pytest.raises(SafetyAssessError, match="damaged"):
        rules_from(broken)
