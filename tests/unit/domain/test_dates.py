"""Dates and times as typed: year-first dates and 24-hour times read, the rest refused with what to type."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.dates import DateTextError, parse_date, parse_time


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2026-03-05", dt.date(2026, 3, 5)),
        (" 2026-3-5 ", dt.date(2026, 3, 5)),
        ("2026/03/05", dt.date(2026, 3, 5)),
        ("2026.3.5", dt.date(2026, 3, 5)),
        ("20260305", dt.date(2026, 3, 5)),
        ("2028-02-29", dt.date(2028, 2, 29)),
    ],
)
def test_year_first_dates_are_read(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days"),
        ("2026-04-31", "2026-04-31 is not a date: April 2026 has 30 days"),
        ("2026-13-01", "2026-13-01 is not a date: there is no month 13"),
        ("2026-00-10", "2026-00-10 is not a date: there is no month 0"),
        ("0000-01-01", "0000-01-01 is not a date: there is no year 0"),
        ("03/05/2026", "03/05/2026 could be 2026-03-05 or 2026-05-03: write it year first, as YYYY-MM-DD"),
        ("12/25/2026", "write dates year first, as YYYY-MM-DD: 2026-12-25"),
        ("25.12.2026", "write dates year first, as YYYY-MM-DD: 2026-12-25"),
        ("5/5/2026", "write dates year first, as YYYY-MM-DD: 2026-05-05"),
        ("31/02/2026", "31/02/2026 is not a date: enter it as YYYY-MM-DD"),
        ("2026-W10-4", "'2026-W10-4' is not a date: enter the date as YYYY-MM-DD, e.g. 2026-03-05"),
        ("last week", "'last week' is not a date: enter the date as YYYY-MM-DD, e.g. 2026-03-05"),
        ("", "nothing was entered: enter the date as YYYY-MM-DD, e.g. 2026-03-05"),
    ],
)
def test_impossible_and_ambiguous_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(DateTextError) as raised:
        parse_date(text)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "time"),
    [
        *[("7:05", "07:05"), ("07:05", "07:05"), ("19.30", "19:30"), ("0:00", "00:00"), ("23:59", "23:59")],
        *[("7pm", "19:00"), ("7:30 am", "07:30"), ("12 am", "00:00"), ("12:15 p.m.", "12:15"), ("11 PM", "23:00")],
    ],
)
def test_times_are_read_on_the_24_hour_clock_and_with_am_pm(text: str, time: str) -> None:
    assert parse_time(text) == time


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("25:00", "25:00 is not a time of day: hours go from 00 to 23"),
        ("24:00", "24:00 is not a time of day: hours go from 00 to 23"),
        ("7:75", "7:75 is not a time of day: minutes go from 00 to 59"),
        ("13pm", "13pm is not a time: with am or pm the hour is from 1 to 12"),
        ("noon", "'noon' is not a time: enter it as HH:MM on the 24-hour clock, e.g. 07:30 or 15:45"),
        ("", "nothing was entered: enter it as HH:MM on the 24-hour clock, e.g. 07:30 or 15:45"),
    ],
)
def test_impossible_times_say_why(text: str, message: str) -> None:
    with pytest.raises(DateTextError) as raised:
        parse_time(text)
    assert str(raised.value) == message


def test_an_empty_time_is_allowed_only_when_asked() -> None:
    assert parse_time("  ", may_be_empty=True) == ""
    with pytest.raises(DateTextError, match=r"or leave it empty$"):
        parse_time("later", may_be_empty=True)
