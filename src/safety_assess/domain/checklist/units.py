"""Units typed after a number: which words name the same unit, and which units convert into each other.

A number typed in another unit than the item's is converted to it ("4 ft" on an item in inches is stored as 48):
what is recorded is always in the unit the checklist asks for, and the walkthrough shows both. Lengths, times,
light levels and speeds convert; months and years have no fixed number of days, so they only say which unit the
item takes. A unit the table does not know (AEDs, drills, spaces) is compared as written, singular or plural.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    symbol: str
    """How a value is shown after the number: in, ft, lux."""
    name: str
    """The unit in words: inches, feet, lux."""
    kind: str
    """What it measures: length, time, light, speed, percent."""
    size: float | None
    """Its size in the kind's base unit (metres, seconds, lux, metres per second); None: it does not convert."""


_TABLE: tuple[tuple[Unit, tuple[str, ...]], ...] = (
    (Unit("in", "inches", "length", 0.0254), ("in", "inch", "inches", '"', "″", "”")),
    (Unit("ft", "feet", "length", 0.3048), ("ft", "foot", "feet", "'", "′", "’")),
    (Unit("yd", "yards", "length", 0.9144), ("yd", "yds", "yard", "yards")),
    (Unit("mi", "miles", "length", 1609.344), ("mi", "mile", "miles")),
    (Unit("mm", "millimeters", "length", 0.001), ("mm", "millimeter", "millimeters", "millimetre", "millimetres")),
    (Unit("cm", "centimeters", "length", 0.01), ("cm", "centimeter", "centimeters", "centimetre", "centimetres")),
    (Unit("m", "meters", "length", 1.0), ("m", "meter", "meters", "metre", "metres")),
    (Unit("km", "kilometers", "length", 1000.0), ("km", "kilometer", "kilometers", "kilometre", "kilometres")),
    (Unit("s", "seconds", "time", 1.0), ("s", "sec", "secs", "second", "seconds")),
    (Unit("min", "minutes", "time", 60.0), ("min", "mins", "minute", "minutes")),
    (Unit("h", "hours", "time", 3600.0), ("h", "hr", "hrs", "hour", "hours")),
    (Unit("days", "days", "time", 86400.0), ("d", "day", "days")),
    (Unit("weeks", "weeks", "time", 604800.0), ("wk", "wks", "week", "weeks")),
    (Unit("months", "months", "time", None), ("mo", "month", "months")),
    (Unit("years", "years", "time", None), ("yr", "yrs", "year", "years")),
    (Unit("lux", "lux", "light", 1.0), ("lx", "lux")),
    (Unit("fc", "foot-candles", "light", 10.763910416709722), ("fc", "foot-candle", "foot-candles", "footcandles")),
    (Unit("mph", "miles per hour", "speed", 0.44704), ("mph", "miles per hour", "mi/h")),
    (Unit("km/h", "kilometers per hour", "speed", 1 / 3.6), ("km/h", "kph", "kmh", "kilometers per hour")),
    (Unit("%", "percent", "percent", 1.0), ("%", "percent", "per cent", "pct")),
)
_BY_WORD = {word: unit for unit, words in _TABLE for word in words}


def known_unit(text: str) -> Unit | None:
    """The unit ``text`` names (any spelling in the table, any capitals, a final dot ignored); None if unknown."""
    word = " ".join(text.strip().split())
    found = _BY_WORD.get(word) or _BY_WORD.get(word.lower())
    if found is None and word.endswith("."):
        return known_unit(word[:-1])
    return found


def units_of(kind: str) -> list[Unit]:
    """The units of a kind that convert (lengths: in, ft, yd, ...), in the table's order."""
    return [unit for unit, _ in _TABLE if unit.kind == kind and unit.size is not None]


def same_word(typed: str, unit: str) -> bool:
    """Whether ``typed`` is ``unit`` as written, ignoring capitals, a plural s and a final dot (3 AED, 3 aeds)."""

    def bare(text: str) -> str:
        return " ".join(text.lower().rstrip(".").split()).removesuffix("s")

    return bare(typed) == bare(unit)


def spoken(unit: str) -> str:
    """A unit as a message names it: 'inches (in)' for a unit the table knows by another name, else as written."""
    found = known_unit(unit)
    if found is None or found.name == unit:
        return unit
    return f"{found.name} ({unit})"


def convert(amount: float, source: Unit, target: Unit) -> float | None:
    """``amount`` of ``source`` in ``target``; None when the two do not convert (another kind, or months)."""
    if source.kind != target.kind or source.size is None or target.size is None:
        return None
    return amount * source.size / target.size


def shown(amount: float) -> str:
    """A number as a message shows it: at most 3 decimals, no trailing zeros (48, 0.333, 53.82)."""
    text = f"{amount:.3f}".rstrip("0").rstrip(".")
    if text in ("0", "-0") and amount != 0:
        return f"{amount:.3g}"
    return text
