"""The walkthrough's date shorthand: t, y, -N and a day and month of this year in the stated order."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.dates import DateTextError
from safety_assess.domain.walk.date_shorthand import expand_date, shorthand_help

TODAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("text", "day_first", "iso"),
    [
        ("t", False, "2026-12-06"),
        (" T ", True, "2026-12-06"),
        ("y", False, "2026-12-05"),
        ("-3", False, "2026-12-03"),
        ("-10", True, "2026-11-26"),
        ("12/3", False, "2026-12-03"),
        ("12/3", True, "2026-03-12"),
        ("3.12", True, "2026-12-03"),
        ("2026-11-01", False, "2026-11-01"),
        ("soon", False, "soon"),
    ],
)
def test_shorthand_becomes_an_iso_date(text: str, day_first: bool, iso: str) -> None:
    assert expand_date(text, TODAY, day_first) == iso


def test_a_day_that_does_not_exist_is_named() -> None:
    with pytest.raises(DateTextError, match="February 2026 has 28 days"):
        expand_date("31/2", TODAY, day_first=True)


def test_the_help_states_the_order() -> None:
    assert "12/3 is December 3" in shorthand_help(day_first=False)
    assert "3/12 is 3 December" in shorthand_help(day_first=True)
