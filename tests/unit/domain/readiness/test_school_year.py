"""School years at their boundaries, worked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.school_year import school_year

D = dt.date


def test_a_day_belongs_to_the_year_that_started_on_or_before_it() -> None:
    assert school_year(D(2026, 8, 1)).start == D(2026, 8, 1)
    assert school_year(D(2026, 7, 31)).start == D(2025, 8, 1)
    assert school_year(D(2026, 7, 31)).end == D(2026, 7, 31)
    assert school_year(D(2027, 1, 15)).label == "2026-27"


def test_the_start_is_the_districts_setting() -> None:
    year = school_year(D(2026, 9, 1), (9, 2))
    assert (year.start, year.end) == (D(2025, 9, 2), D(2026, 9, 1))
    assert school_year(D(2026, 9, 2), (9, 2)).start == D(2026, 9, 2)
    january = school_year(D(2026, 12, 31), (1, 1))
    assert (january.start, january.end, january.label) == (D(2026, 1, 1), D(2026, 12, 31), "2026")


def test_a_year_holding_29_february_has_366_days() -> None:
    assert school_year(D(2027, 9, 1)).days == 366
    assert school_year(D(2026, 9, 1)).days == 365


def test_days_gone_count_today_and_stop_at_the_ends() -> None:
    year = school_year(D(2026, 9, 1))
    assert year.days_gone(D(2026, 8, 1)) == 1
    assert year.days_gone(D(2026, 7, 31)) == 0
    assert year.days_gone(D(2027, 7, 31)) == 365
    assert year.days_gone(D(2028, 1, 1)) == 365


def test_29_february_cannot_start_a_year() -> None:
    with pytest.raises(SafetyAssessError, match="02-29 is not a day of every year"):
        school_year(D(2026, 9, 1), (2, 29))
