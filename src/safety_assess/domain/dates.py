"""Dates and clock times as people type them: read in exactly one way, or refused with what to type instead.

Dates are written year first: ``2026-03-05``, also ``2026-3-5``, ``2026/03/05``, ``2026.03.05`` or ``20260305``.
A date written day or month first (``03/05/2026``) is 5 March in the United States and 3 May in most other
places, so it is never guessed: the message gives the date in the form to type, or both readings when there are
two. Times are on the 24-hour clock (``07:30``, ``7:30``, ``19.30``); ``7:30 pm`` and ``7pm`` are read too,
since they have one reading only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$")
_TIME_24 = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
DATE_FORM = "YYYY-MM-DD"
TIME_FORM = "HH:MM on the 24-hour clock"


class DateTextError(ValueError):
    """Typed text is not a date or a time; the message says why and what to type."""


def parse_date(text: str) -> dt.date:
    """The date ``text`` means; DateTextError saying what to type when it is not one, or could be two."""
    text = text.strip()
    found = _YEAR_FIRST.match(text)
    if found:
        return calendar_date(text, int(found.group(1)), int(found.group(3)), int(found.group(4)))
    found = _COMPACT.match(text)
    if found:
        return calendar_date(text, *(int(part) for part in found.groups()))
    found = _YEAR_LAST.match(text)
    if found:
        raise DateTextError(_year_last(text, int(found.group(1)), int(found.group(3)), int(found.group(4))))
    shown = f"'{text}' is not a date" if text else "nothing was entered"
    raise DateTextError(f"{shown}: enter the date as {DATE_FORM}, e.g. 2026-03-05")


def calendar_date(text: str, year: int, month: int, day: int) -> dt.date:
    """The date of these numbers; DateTextError naming what does not exist ("February 2026 has 28 days")."""
    if year < 1:
        raise DateTextError(f"{text} is not a date: there is no year 0")
    if not 1 <= month <= 12:
        raise DateTextError(f"{text} is not a date: there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise DateTextError(f"{text} is not a date: {calendar.month_name[month]} {year} has {days} days")
    return dt.date(year, month, day)


def _year_last(text: str, first: int, second: int, year: int) -> str:
    readings = []
    for month, day in ((first, second), (second, first)):
        try:
            readings.append(calendar_date(text, year, month, day).isoformat())
        except DateTextError:
            continue
    readings = sorted(set(readings))
    if not readings:
        return f"{text} is not a date: enter it as {DATE_FORM}"
    if len(readings) == 1:
        return f"write dates year first, as {DATE_FORM}: {readings[0]}"
    return f"{text} could be {readings[0]} or {readings[1]}: write it year first, as {DATE_FORM}"


def parse_time(text: str, may_be_empty: bool = False) -> str:
    """``text`` as ``HH:MM`` (24 h), or "" for nothing when ``may_be_empty``; DateTextError saying what is wrong."""
    text = text.strip()
    if not text and may_be_empty:
        return ""
    found = _TIME_24.match(text)
    if found:
        return _clock(text, int(found.group(1)), int(found.group(2)))
    found = _TIME_12.match(text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if not 1 <= hour <= 12:
            raise DateTextError(f"{text} is not a time: with am or pm the hour is from 1 to 12")
        return _clock(text, hour % 12 + (12 if found.group(3).lower() == "p" else 0), minute)
    shown = f"'{text}' is not a time" if text else "nothing was entered"
    empty = ", or leave it empty" if may_be_empty else ""
    raise DateTextError(f"{shown}: enter it as {TIME_FORM}, e.g. 07:30 or 15:45{empty}")


def _clock(text: str, hour: int, minute: int) -> str:
    if hour > 23:
        raise DateTextError(f"{text} is not a time of day: hours go from 00 to 23")
    if minute > 59:
        raise DateTextError(f"{text} is not a time of day: minutes go from 00 to 59")
    return f"{hour:02d}:{minute:02d}"
