"""A drill's fields as people type them (the command line and the window's form): read in one way or refused with
one line naming the field."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.dates import DateTextError, parse_date, parse_time
from safety_assess.domain.readiness.drills import DrillError


def drill_date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except DateTextError as error:
        raise DrillError(f"drill date: {error}") from None


def drill_time(text: str | None) -> dt.time | None:
    """None for nothing typed."""
    if text is None or not text.strip():
        return None
    try:
        return dt.time.fromisoformat(parse_time(text))
    except DateTextError as error:
        raise DrillError(f"drill time: {error}") from None


def whole_number(text: str | None, what: str) -> int | None:
    """None for nothing typed; DrillError for anything but a whole number (its range is check_drill's)."""
    if text is None or not text.strip():
        return None
    try:
        return int(text.strip())
    except ValueError:
        raise DrillError(f"drill {what} '{text}' is not a whole number") from None


def names(text: str) -> tuple[str, ...]:
    """Observers typed as a comma-separated list."""
    return tuple(name for name in (" ".join(part.split()) for part in text.split(",")) if name)
