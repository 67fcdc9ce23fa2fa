"""Short ways to type a date in the walkthrough's date field, read against today's date.

``t`` today, ``y`` yesterday, ``-3`` three days ago, and a day and month of this year (``12/3``) in the order the
field states (the locale's short-date order). Anything else is left as typed, for the full date reader.
"""

from __future__ import annotations

import datetime as dt
import re

from safety_assess.domain.dates import calendar_date

_DAYS_AGO = re.compile(r"^-(\d{1,4})$")
_DAY_AND_MONTH = re.compile(r"^(\d{1,2})[/.](\d{1,2})$")
WORDS = {"t": 0, "today": 0, "y": 1, "yesterday": 1}


def expand_date(text: str, today: dt.date, day_first: bool) -> str:
    """The ISO date a shorthand means, or ``text`` unchanged when it is none (DateTextError for 31/2)."""
    typed = text.strip().lower()
    if typed in WORDS:
        return (today - dt.timedelta(days=WORDS[typed])).isoformat()
    found = _DAYS_AGO.match(typed)
    if found:
        return (today - dt.timedelta(days=int(found.group(1)))).isoformat()
    found = _DAY_AND_MONTH.match(typed)
    if found:
        first, second = int(found.group(1)), int(found.group(2))
        day, month = (first, second) if day_first else (second, first)
        return calendar_date(typed, today.year, month, day).isoformat()
    return text


def shorthand_help(day_first: bool) -> str:
    """What the field accepts, in the order this place writes dates."""
    example = "3/12 is 3 December" if day_first else "12/3 is December 3"
    return f"t today · y yesterday · -3 three days ago · {example} (this year)"
