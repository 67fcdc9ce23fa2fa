"""Drills required per school year, by campus kind and drill type, and where a campus stands: done, required and
overdue per type.

The defaults follow the International Fire Code (section 405: an emergency evacuation drill every month a school
is in session, so 10 fire drills over a ten-month school year; a business occupancy such as a district office, one
a year) and a typical state school-safety rule for the rest (modelled on Texas's: two lockdown drills a year, one
shelter-in-place, one severe-weather and one reverse evacuation (secure) drill). Every district should check its own
state's rule: the numbers are a district setting, changed with ``safety-assess drill require``.

**Overdue** is behind pace: a type's required count is spread evenly over the days of the school year, so by today
``floor(required × days gone / days in the year)`` drills are due, the days gone counting today. The drills short of
that are overdue. With 10 fire drills in a 365-day year starting 1 August, the first is due on 6 September (day 37:
10 × 37 / 365 ≥ 1), the second on 12 October; 2 lockdown drills: the first by 30 January (day 183), both by the
year's last day, 31 July.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from safety_assess.domain.readiness.drills import CampusKind, Drill, DrillError, DrillType
from safety_assess.domain.readiness.school_year import DEFAULT_START, SchoolYear, check_start
from safety_assess.domain.readiness.terms import TermStarts, check_terms, default_terms

MAX_REQUIRED = 366
SETTINGS_VERSION = 2
"""2 added the terms."""

_SCHOOL = {
    DrillType.FIRE: 10,
    DrillType.LOCKDOWN: 2,
    DrillType.SHELTER_IN_PLACE: 1,
    DrillType.SEVERE_WEATHER: 1,
    DrillType.REVERSE_EVACUATION: 1,
}
DEFAULT_REQUIRED: Mapping[CampusKind, Mapping[DrillType, int]] = MappingProxyType(
    {
        CampusKind.ELEMENTARY: MappingProxyType(_SCHOOL),
        CampusKind.MIDDLE: MappingProxyType(_SCHOOL),
        CampusKind.HIGH: MappingProxyType(_SCHOOL),
        CampusKind.OFFICE: MappingProxyType({DrillType.FIRE: 1, DrillType.SEVERE_WEATHER: 1}),
    }
)


@dataclass(frozen=True)
class DrillRules:
    """The district's setting: when the school year starts, its terms, and the drills each kind of campus must hold
    in it."""

    year_start: tuple[int, int] = DEFAULT_START
    required: Mapping[CampusKind, Mapping[DrillType, int]] = field(default_factory=lambda: DEFAULT_REQUIRED)
    terms: TermStarts | None = None
    """The terms as the district set them; None: the default semesters (domain/readiness/terms.py)."""

    @property
    def term_starts(self) -> TermStarts:
        return self.terms if self.terms is not None else default_terms(self.year_start)

    def of(self, kind: CampusKind) -> Mapping[DrillType, int]:
        return self.required.get(kind, {})

    def requiring(self, kind: CampusKind, drill: DrillType, count: int) -> DrillRules:
        if not 0 <= count <= MAX_REQUIRED:
            raise DrillError(f"required count {count} is out of range: from 0 to {MAX_REQUIRED} a year")
        changed = {k: dict(v) for k, v in self.required.items()}
        changed.setdefault(kind, {})[drill] = count
        return DrillRules(self.year_start, frozen_counts(changed), self.terms)

    def starting(self, month: int, day: int) -> DrillRules:
        """The school year starting on another day; terms the district set keep their days, but the first moves
        with the year (TermError when the others no longer come in order after it)."""
        start = check_start(month, day)
        if self.terms is None:
            return DrillRules(start, self.required)
        moved = ((self.terms[0][0], start), *self.terms[1:])
        return DrillRules(start, self.required, check_terms(moved, start))

    def with_terms(self, starts: TermStarts) -> DrillRules:
        """The terms set (checked: TermError naming what is wrong)."""
        return DrillRules(self.year_start, self.required, check_terms(starts, self.year_start))


@dataclass(frozen=True)
class TypeStanding:
    type: DrillType
    required: int
    done: int
    due: int
    """How many should be done by today (see the module's rule)."""

    @property
    def overdue(self) -> int:
        return max(0, self.due - self.done)


def due_by(required: int, year: SchoolYear, today: dt.date) -> int:
    return required * year.days_gone(today) // year.days


def standing(
    drills: Iterable[Drill], required: Mapping[DrillType, int], year: SchoolYear, today: dt.date
) -> list[TypeStanding]:
    """Per type, in the types' order: the drills of ``year`` done, required, due by ``today``. A type neither
    required nor done is left out."""
    done: dict[DrillType, int] = {}
    for drill in drills:
        if drill.date in year:
            done[drill.type] = done.get(drill.type, 0) + 1
    return [
        TypeStanding(kind, required.get(kind, 0), done.get(kind, 0), due_by(required.get(kind, 0), year, today))
        for kind in DrillType
        if required.get(kind, 0) or done.get(kind, 0)
    ]


Counts = Mapping[CampusKind, Mapping[DrillType, int]]


def frozen_counts(required: Counts) -> Counts:
    return MappingProxyType({k: MappingProxyType(dict(v)) for k, v in required.items()})
