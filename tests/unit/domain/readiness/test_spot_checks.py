"""Spot-check schedules: periods and where a schedule stands, at week, month, year and term boundaries, by hand."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from safety_assess.domain.readiness.spot_checks import (
    Every,
    Period,
    Schedule,
    SpotCheckError,
    check_run_day,
    check_schedule,
    every,
    period_of,
    periods,
    standing,
)

D = dt.date


def two_terms(day: dt.date) -> Period:
    """Fall from 1 August, spring from 1 January (the district's default terms)."""
    if day.month >= 8:
        return Period(D(day.year, 8, 1), D(day.year, 12, 31))
    return Period(D(day.year, 1, 1), D(day.year, 7, 31))


def schedule(how: Every, starts: dt.date) -> Schedule:
    return Schedule(uuid.uuid4(), "facility", (), how, starts, "Ana")


def test_a_week_is_monday_to_sunday_across_a_year_end() -> None:
    assert period_of(Every.WEEK, D(2026, 12, 30), two_terms) == Period(D(2026, 12, 28), D(2027, 1, 3))
    assert period_of(Every.WEEK, D(2027, 1, 3), two_terms) == Period(D(2026, 12, 28), D(2027, 1, 3))
    assert period_of(Every.WEEK, D(2027, 1, 4), two_terms).start == D(2027, 1, 4)


def test_a_month_is_a_calendar_month_february_and_december_included() -> None:
    assert period_of(Every.MONTH, D(2028, 2, 15), two_terms) == Period(D(2028, 2, 1), D(2028, 2, 29))
    assert period_of(Every.MONTH, D(2026, 12, 31), two_terms) == Period(D(2026, 12, 1), D(2026, 12, 31))


def test_a_term_is_the_districts() -> None:
    assert period_of(Every.TERM, D(2026, 12, 31), two_terms) == Period(D(2026, 8, 1), D(2026, 12, 31))
    assert period_of(Every.TERM, D(2027, 1, 1), two_terms) == Period(D(2027, 1, 1), D(2027, 7, 31))


def test_the_modules_worked_example() -> None:
    weekly = schedule(Every.WEEK, D(2026, 9, 2))
    found = standing(weekly, [D(2026, 9, 4), D(2026, 9, 21)], D(2026, 10, 1), two_terms)
    assert found.current == Period(D(2026, 9, 28), D(2026, 10, 4))
    assert (found.due, found.done, found.overdue, found.overdue_since) == (True, False, 2, D(2026, 9, 7))
    assert [p.start for p in found.missed] == [D(2026, 9, 7), D(2026, 9, 14)]


def test_a_schedule_started_mid_week_asks_for_a_run_by_that_sunday() -> None:
    weekly = schedule(Every.WEEK, D(2026, 9, 2))
    assert periods(weekly, D(2026, 9, 6), two_terms) == [Period(D(2026, 8, 31), D(2026, 9, 6))]
    on_sunday = standing(weekly, [], D(2026, 9, 6), two_terms)
    assert (on_sunday.due, on_sunday.overdue) == (True, 0)
    on_monday = standing(weekly, [], D(2026, 9, 7), two_terms)
    assert (on_monday.due, on_monday.overdue, on_monday.overdue_since) == (True, 1, D(2026, 8, 31))


def test_a_run_before_the_start_counts_for_nothing() -> None:
    weekly = schedule(Every.WEEK, D(2026, 9, 2))
    assert standing(weekly, [D(2026, 9, 1)], D(2026, 9, 3), two_terms).done is False
    assert standing(weekly, [D(2026, 9, 2)], D(2026, 9, 3), two_terms).done is True


def test_a_month_with_no_run_is_overdue_even_when_the_next_had_two() -> None:
    monthly = schedule(Every.MONTH, D(2026, 11, 20))
    runs = [D(2026, 11, 30), D(2027, 1, 5), D(2027, 1, 6)]
    found = standing(monthly, runs, D(2027, 2, 1), two_terms)
    assert [p.start for p in found.missed] == [D(2026, 12, 1)]
    assert (found.due, found.overdue_since) == (True, D(2026, 12, 1))
    assert standing(monthly, runs, D(2027, 1, 31), two_terms).done is True


def test_term_boundaries() -> None:
    termly = schedule(Every.TERM, D(2026, 8, 10))
    fall = standing(termly, [], D(2026, 12, 31), two_terms)
    assert (fall.current, fall.overdue) == (Period(D(2026, 8, 1), D(2026, 12, 31)), 0)
    spring = standing(termly, [], D(2027, 1, 1), two_terms)
    assert (spring.overdue, spring.overdue_since, spring.due) == (1, D(2026, 8, 1), True)
    caught_up = standing(termly, [D(2026, 12, 31), D(2027, 1, 1)], D(2027, 1, 1), two_terms)
    assert (caught_up.overdue, caught_up.done, caught_up.due) == (0, True, False)


def test_before_it_starts_nothing_is_due() -> None:
    found = standing(schedule(Every.WEEK, D(2026, 9, 2)), [], D(2026, 9, 1), two_terms)
    assert (found.current, found.due, found.overdue) == (None, False, 0)


def test_every_is_read_as_typed_or_refused() -> None:
    assert every(" Weekly ") == Every.WEEK
    assert every("term") == Every.TERM
    with pytest.raises(SpotCheckError, match="unknown --every 'daily': use week, month or term"):
        every("daily")


def test_days_in_the_future_or_before_the_campus_opened_are_refused() -> None:
    today = D(2026, 12, 7)
    check_schedule(schedule(Every.WEEK, today), today, D(2020, 1, 1))
    with pytest.raises(SpotCheckError, match="schedule start 2026-12-08 is in the future"):
        check_schedule(schedule(Every.WEEK, D(2026, 12, 8)), today, None)
    with pytest.raises(SpotCheckError, match=r"spot check date 2019-12-31 is before the campus opened \(2020-01-01\)"):
        check_run_day(D(2019, 12, 31), today, D(2020, 1, 1))
