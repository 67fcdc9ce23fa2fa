"""The school year: it starts on the same day each year (a district setting, 1 August unless changed) and a drill
belongs to the year containing its date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safety_assess.domain.errors import SafetyAssessError

DEFAULT_START = (8, 1)
"""1 August: before the first school day in most US districts, after the last one of the year before."""


@dataclass(frozen=True)
class SchoolYear:
    start: dt.date
    end: dt.date
    """The last day (inclusive): the day before the next year starts."""

    @property
    def label(self) -> str:
        if self.end.year == self.start.year:  # a year starting on 1 January
            return str(self.start.year)
        return f"{self.start.year}-{self.end.year % 100:02d}"

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def days_gone(self, today: dt.date) -> int:
        """Days of the year up to and including ``today`` (0 before it starts, all of them after it ends)."""
        return max(0, min(self.days, (today - self.start).days + 1))


def check_start(month: int, day: int) -> tuple[int, int]:
    """A school year's start as (month, day); refused when that day is not in every year (29 February)."""
    try:
        dt.date(2001, month, day)
    except ValueError:
        raise SafetyAssessError(
            f"school year start {month:02d}-{day:02d} is not a day of every year: choose another (MM-DD)"
        ) from None
    return month, day


def school_year(day: dt.date, start: tuple[int, int] = DEFAULT_START) -> SchoolYear:
    """The school year containing ``day``."""
    month, first = check_start(*start)
    begins = dt.date(day.year, month, first)
    if day < begins:
        begins = dt.date(day.year - 1, month, first)
    return SchoolYear(begins, dt.date(begins.year + 1, month, first) - dt.timedelta(days=1))
