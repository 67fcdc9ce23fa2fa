"""Done, required and overdue per drill type, against hand-worked examples (the rule: domain/readiness/
requirements.py)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.domain.readiness.drills import CampusKind, Drill, DrillError, DrillType
from safety_assess.domain.readiness.requirements import DEFAULT_REQUIRED, DrillRules, standing
from safety_assess.domain.readiness.school_year import school_year

D = dt.date
CAMPUS = uuid.uuid4()
SCHOOL = DEFAULT_REQUIRED[CampusKind.ELEMENTARY]


def drill(kind: DrillType, day: dt.date) -> Drill:
    return Drill(CAMPUS, kind, day)


def by_type(drills: list[Drill], today: dt.date) -> dict[DrillType, tuple[int, int, int]]:
    year = school_year(today)
    return {s.type: (s.done, s.required, s.overdue) for s in standing(drills, SCHOOL, year, today)}


def test_the_first_fire_drill_is_due_on_day_37() -> None:
    # 10 x 36 / 365 = 0.99 on 5 September (day 36); 10 x 37 / 365 = 1.01 on 6 September
    assert by_type([], D(2026, 9, 5))[DrillType.FIRE] == (0, 10, 0)
    assert by_type([], D(2026, 9, 6))[DrillType.FIRE] == (0, 10, 1)
    assert by_type([drill(DrillType.FIRE, D(2026, 8, 20))], D(2026, 9, 6))[DrillType.FIRE] == (1, 10, 0)


def test_the_first_lockdown_is_due_on_30_january_and_both_on_the_last_day() -> None:
    assert by_type([], D(2027, 1, 29))[DrillType.LOCKDOWN] == (0, 2, 0)  # day 182: 2 x 182 / 365 = 0.997
    assert by_type([], D(2027, 1, 30))[DrillType.LOCKDOWN] == (0, 2, 1)
    assert by_type([], D(2027, 7, 30))[DrillType.LOCKDOWN] == (0, 2, 1)
    assert by_type([], D(2027, 7, 31))[DrillType.LOCKDOWN] == (0, 2, 2)


def test_a_drill_counts_in_the_year_containing_its_date_only() -> None:
    last_year = drill(DrillType.FIRE, D(2026, 7, 31))
    this_year = drill(DrillType.FIRE, D(2026, 8, 1))
    assert by_type([last_year, this_year], D(2026, 8, 2))[DrillType.FIRE] == (1, 10, 0)
    assert by_type([last_year], D(2026, 7, 31))[DrillType.FIRE] == (1, 10, 9)  # 10 due on the last day, 1 done


def test_a_new_year_starts_with_nothing_overdue() -> None:
    drills = [drill(DrillType.LOCKDOWN, D(2026, 3, 1))]
    assert by_type(drills, D(2026, 8, 1))[DrillType.LOCKDOWN] == (0, 2, 0)


def test_types_neither_required_nor_done_are_left_out_and_extra_ones_shown() -> None:
    shown = by_type([drill(DrillType.EARTHQUAKE, D(2026, 10, 1))], D(2026, 10, 2))
    assert shown[DrillType.EARTHQUAKE] == (1, 0, 0)
    assert DrillType.TABLETOP not in shown
    assert next(iter(shown)) == DrillType.FIRE  # in the types' order


def test_more_done_than_due_is_never_negative_overdue() -> None:
    drills = [drill(DrillType.FIRE, D(2026, 8, d)) for d in range(1, 13)]
    assert by_type(drills, D(2026, 8, 12))[DrillType.FIRE] == (12, 10, 0)


def test_an_office_requires_fewer() -> None:
    assert DEFAULT_REQUIRED[CampusKind.OFFICE] == {DrillType.FIRE: 1, DrillType.SEVERE_WEATHER: 1}


def test_rules_change_one_count_and_keep_the_rest() -> None:
    rules = DrillRules().requiring(CampusKind.HIGH, DrillType.EARTHQUAKE, 2)
    assert rules.of(CampusKind.HIGH)[DrillType.EARTHQUAKE] == 2
    assert DrillType.EARTHQUAKE not in rules.of(CampusKind.MIDDLE)
    assert DrillType.EARTHQUAKE not in DEFAULT_REQUIRED[CampusKind.HIGH]
    with pytest.raises(DrillError, match="required count -1 is out of range"):
        rules.requiring(CampusKind.HIGH, DrillType.FIRE, -1)
