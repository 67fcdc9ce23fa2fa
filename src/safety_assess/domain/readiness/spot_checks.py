"""Recurring spot checks: a checklist, or some of its sections, run at a campus every week, month or term.

A **schedule** names the campus, the checklist, the sections to check (none: the whole checklist), how often, the
day it starts and who set it up. Each **run** is a small dated assessment of those sections; it counts for the
period containing its date once it is completed (signed off).

**Periods**: a week is Monday to Sunday; a month is a calendar month; a term is the district's term containing the
day (domain/readiness/terms.py). The first period of a schedule is the one containing its starting day, whole,
though only runs on or after the starting day count (a schedule set up on a Wednesday asks for a run by that Sunday).

**Where a schedule stands on a day**: the current period (the one containing the day) is *done* when a completed
run is dated in it, else *due*. Every earlier period since the schedule started with no completed run is *missed*;
the schedule is *overdue* when any is, by how many, since the first day of the earliest one missed. A run done
late (in a later period) does not fill an earlier period: each period asks for its own.

Worked example: a weekly check set up on Wednesday 2 September 2026, runs completed on Friday 4 September and
Monday 21 September; on Thursday 1 October the periods are the weeks starting 31 August (run on the 4th: done),
7 September (missed), 14 September (missed), 21 September (run on the 21st: done) and 28 September, the current
week, with no run: *due*, and *overdue 2 since 7 September*.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.errors import SafetyAssessError

MAX_PERIODS = 10_000
"""More periods than a schedule can have had (200 years of weeks): a guard against a starting day typed wrong."""


class SpotCheckError(SafetyAssessError):
    """A schedule or a run that cannot be stored as given; the message says what and where."""


class Every(StrEnum):
    WEEK = "week"
    MONTH = "month"
    TERM = "term"


def every(text: str) -> Every:
    """How often, as typed (``week``, ``month``, ``term``; ``weekly``, ``monthly`` too)."""
    wanted = text.strip().lower().removesuffix("ly")
    try:
        return Every(wanted)
    except ValueError:
        raise SpotCheckError(f"unknown --every '{text}': use week, month or term") from None


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    """The last day (inclusive)."""

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


TermOf = Callable[[dt.date], Period]
"""The district's term containing a day, as a period (services give it from the district's rules)."""


@dataclass(frozen=True)
class Schedule:
    campus_id: uuid.UUID
    checklist_id: str
    sections: tuple[str, ...]
    """The section ids checked; none: the whole checklist."""
    every: Every
    starts: dt.date
    set_up_by: str = ""
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    revision: int = 0


@dataclass(frozen=True)
class Run:
    """A spot check's run: the assessment made for it, its date and whether it was completed (signed off)."""

    schedule_id: uuid.UUID
    assessment_id: uuid.UUID
    campus_id: uuid.UUID
    date: dt.date
    completed: bool
    snapshot_id: uuid.UUID


def only_sections(checklist: Checklist, sections: Sequence[str]) -> Checklist:
    """The checklist a run is answered against: the schedule's sections alone, in the checklist's order (the whole
    checklist for none). A section a later version dropped is simply not there."""
    if not sections:
        return checklist
    return checklist.model_copy(update={"sections": [s for s in checklist.sections if s.id in sections]})


def period_of(how: Every, day: dt.date, term_of: TermOf) -> Period:
    """The week (Monday to Sunday), calendar month or term containing ``day``."""
    if how == Every.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return Period(monday, monday + dt.timedelta(days=6))
    if how == Every.MONTH:
        first = day.replace(day=1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return Period(first, following - dt.timedelta(days=1))
    return term_of(day)


def periods(schedule: Schedule, today: dt.date, term_of: TermOf) -> list[Period]:
    """The schedule's periods from the one containing its starting day to the one containing ``today`` (none when
    it starts later)."""
    found: list[Period] = []
    day = schedule.starts
    while day <= today and len(found) < MAX_PERIODS:
        found.append(period_of(schedule.every, day, term_of))
        day = found[-1].end + dt.timedelta(days=1)
    return found


@dataclass(frozen=True)
class Standing:
    schedule: Schedule
    current: Period | None
    """The period containing the day (None before the schedule starts)."""
    done: bool
    """A completed run is dated in the current period."""
    missed: tuple[Period, ...]
    """The earlier periods with no completed run, oldest first."""

    @property
    def due(self) -> bool:
        return self.current is not None and not self.done

    @property
    def overdue(self) -> int:
        return len(self.missed)

    @property
    def overdue_since(self) -> dt.date | None:
        return self.missed[0].start if self.missed else None


def standing(schedule: Schedule, runs: Iterable[dt.date], today: dt.date, term_of: TermOf) -> Standing:
    """Where the schedule stands on ``today`` given the dates of its completed runs (see the module's rule)."""
    counted = sorted(day for day in runs if schedule.starts <= day <= today)
    spans = periods(schedule, today, term_of)
    if not spans:
        return Standing(schedule, None, False, ())
    covered = [any(day in span for day in counted) for span in spans]
    missed = tuple(span for span, done in zip(spans[:-1], covered[:-1], strict=True) if not done)
    return Standing(schedule, spans[-1], covered[-1], missed)


def check_schedule(schedule: Schedule, today: dt.date, opened: dt.date | None) -> None:
    """SpotCheckError for a starting day in the future or before the campus opened (when known)."""
    _check_day("schedule start", schedule.starts, today, opened)


def check_run_day(day: dt.date, today: dt.date, opened: dt.date | None) -> None:
    _check_day("spot check date", day, today, opened)


def _check_day(what: str, day: dt.date, today: dt.date, opened: dt.date | None) -> None:
    if day > today:
        raise SpotCheckError(f"{what} {day.isoformat()} is in the future (today is {today.isoformat()})")
    if opened is not None and day < opened:
        raise SpotCheckError(f"{what} {day.isoformat()} is before the campus opened ({opened.isoformat()})")
