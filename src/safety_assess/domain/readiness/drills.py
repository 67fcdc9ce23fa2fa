"""Drills: their types, the kinds of campus, one drill's record and the checks it must pass before it is stored."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from safety_assess.domain.errors import SafetyAssessError

MAX_DURATION = 24 * 60
"""Minutes: a drill longer than a day is a typing mistake."""
MAX_PARTICIPANTS = 100_000
MAX_TEXT = 4000


class DrillError(SafetyAssessError):
    """A drill that cannot be stored as given; the message says what and where."""


class DrillType(StrEnum):
    FIRE = "fire"
    LOCKDOWN = "lockdown"
    EVACUATION = "evacuation"
    REVERSE_EVACUATION = "reverse_evacuation"
    SHELTER_IN_PLACE = "shelter_in_place"
    SEVERE_WEATHER = "severe_weather"
    EARTHQUAKE = "earthquake"
    REUNIFICATION = "reunification"
    TABLETOP = "tabletop"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class CampusKind(StrEnum):
    ELEMENTARY = "elementary"
    MIDDLE = "middle"
    HIGH = "high"
    OFFICE = "office"


DEFAULT_KIND = CampusKind.ELEMENTARY
"""A campus's kind until someone sets it: most campuses of a district are elementary schools, whose required drills
are the school ones (an office requires fewer; a campus wrongly left elementary is asked for more, not fewer)."""


@dataclass(frozen=True)
class Drill:
    campus_id: uuid.UUID
    type: DrillType
    date: dt.date
    time: dt.time | None = None
    duration: int | None = None
    """Minutes."""
    participants: int | None = None
    announced: bool = True
    observers: tuple[str, ...] = ()
    issues: str = ""
    """What went wrong."""
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    finding_id: uuid.UUID | None = None
    """The finding made from this drill's issues, once one was."""
    revision: int = 0

    @property
    def title(self) -> str:
        return f"{self.type.label} drill on {self.date.isoformat()}"


def drill_type(text: str) -> DrillType:
    """The drill type typed (case and spaces or dashes aside); DrillError listing the types when unknown."""
    wanted = "_".join(text.strip().lower().replace("-", " ").split())
    try:
        return DrillType(wanted)
    except ValueError:
        raise DrillError(f"unknown drill type '{text}': use one of {', '.join(t.value for t in DrillType)}") from None


def campus_kind(text: str) -> CampusKind:
    try:
        return CampusKind(text.strip().lower())
    except ValueError:
        raise DrillError(f"unknown campus kind '{text}': use one of {', '.join(k.value for k in CampusKind)}") from None


def check_drill(drill: Drill, today: dt.date, opened: dt.date | None) -> None:
    """DrillError naming the first field that is wrong: a date in the future or before the campus opened (when
    known), a negative or absurd duration or count, text too long."""
    if drill.date > today:
        raise DrillError(f"drill date {drill.date.isoformat()} is in the future (today is {today.isoformat()})")
    if opened is not None and drill.date < opened:
        raise DrillError(f"drill date {drill.date.isoformat()} is before the campus opened ({opened.isoformat()})")
    _check_count("duration", drill.duration, 1, MAX_DURATION, " minutes")
    _check_count("participants", drill.participants, 0, MAX_PARTICIPANTS, "")
    if len(drill.issues) > MAX_TEXT or any(len(name) > 200 for name in drill.observers):
        raise DrillError(f"drill note is longer than {MAX_TEXT} characters")


def _check_count(what: str, value: int | None, low: int, high: int, unit: str) -> None:
    if value is not None and not low <= value <= high:
        raise DrillError(f"drill {what} {value} is out of range: from {low} to {high}{unit}")
