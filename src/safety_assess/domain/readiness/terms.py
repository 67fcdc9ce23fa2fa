"""The terms of a school year (semesters, trimesters): each starts on the same day every year (a district setting,
like the school year's start) and runs to the day before the next; the first starts with the school year.

A term is written by its name and the calendar year it starts in, ``fall-2026`` or ``spring-2027``: the same day
always falls in the same term, so the key names one stretch of days, and a year's terms read in order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.school_year import SchoolYear, check_start, school_year

TermStarts = tuple[tuple[str, tuple[int, int]], ...]
"""Each term's name and (month, day) it starts, in the order they come in the year."""

NAME = re.compile(r"[a-z][a-z0-9_]{0,23}")
MAX_TERMS = 12


class TermError(SafetyAssessError):
    """A term or a terms setting that cannot be used as given; the message says what."""


@dataclass(frozen=True)
class Term:
    name: str
    start: dt.date
    end: dt.date
    """The last day (inclusive): the day before the next term starts."""

    @property
    def key(self) -> str:
        return f"{self.name}-{self.start.year}"

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def default_terms(year_start: tuple[int, int]) -> TermStarts:
    """Two semesters: fall from the school year's start and spring from 1 January; a year that starts in the first
    half of the calendar is halved as ``first`` and ``second`` six months apart."""
    month = year_start[0]
    if month >= 7:
        return (("fall", year_start), ("spring", (1, 1)))
    return (("first", year_start), ("second", (month + 6, 1)))


def check_terms(starts: Sequence[tuple[str, tuple[int, int]]], year_start: tuple[int, int]) -> TermStarts:
    """The terms as given, checked: names lowercase words and different, at most twelve, the first starting on the
    school year's start and the others after it in the order given."""
    if not starts:
        raise TermError("give at least one term, the first starting on the school year's start")
    if len(starts) > MAX_TERMS:
        raise TermError(f"{len(starts)} terms is too many: at most {MAX_TERMS} a year")
    names = [name for name, _ in starts]
    for name in names:
        if not NAME.fullmatch(name):
            raise TermError(f"term name {name!r} must be a lowercase word (letters, digits, _), like fall or q1")
        if names.count(name) > 1:
            raise TermError(f"term name {name!r} is given twice")
    first = starts[0][1]
    if first != year_start:
        raise TermError(
            f"the first term ({starts[0][0]}) must start on the school year's start, {_day(year_start)}, "
            f"not {_day(first)}"
        )
    checked = tuple((name, check_start(*start)) for name, start in starts)
    _check_order(checked, year_start)
    return checked


def _check_order(starts: Sequence[tuple[str, tuple[int, int]]], year_start: tuple[int, int]) -> None:
    year = school_year(dt.date(2001, *year_start), year_start)
    offsets = [(_in_year(year, start) - year.start).days for _, start in starts]
    for (name, start), before, offset in zip(starts[1:], offsets, offsets[1:], strict=False):
        if offset <= before:
            raise TermError(
                f"term {name} starts {_day(start)}, not after the term before it in a school year starting "
                f"{_day(year_start)}: give the terms in order"
            )


def terms_of(year: SchoolYear, starts: TermStarts) -> list[Term]:
    """The terms of ``year``, in order, covering every day of it."""
    begins = [_in_year(year, start) for _, start in starts]
    ends = [day - dt.timedelta(days=1) for day in begins[1:]] + [year.end]
    return [Term(name, begin, end) for (name, _), begin, end in zip(starts, begins, ends, strict=True)]


def term_of(day: dt.date, year_start: tuple[int, int], starts: TermStarts) -> Term:
    """The term containing ``day``."""
    return next(term for term in terms_of(school_year(day, year_start), starts) if day in term)


def find_term(key: str, year_start: tuple[int, int], starts: TermStarts) -> Term:
    """The term a key such as ``fall-2026`` names; TermError in one line when no term has that name and year."""
    name, _, year = key.strip().lower().rpartition("-")
    if year.isdigit() and len(year) == 4 and 1900 <= int(year) <= 9998:
        for start in (dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)):
            for term in terms_of(school_year(start, year_start), starts):
                if term.name == name and term.start.year == int(year):
                    return term
    raise TermError(f"term {key!r} does not exist: terms are {_names(starts)}, written like {starts[0][0]}-2026")


def _names(starts: TermStarts) -> str:
    names = [name for name, _ in starts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _in_year(year: SchoolYear, start: tuple[int, int]) -> dt.date:
    day = dt.date(year.start.year, *start)
    return day if day >= year.start else dt.date(year.start.year + 1, *start)


def _day(start: tuple[int, int]) -> str:
    return f"{start[0]:02d}-{start[1]:02d}"
