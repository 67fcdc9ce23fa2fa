"""Typed amounts: a number, optionally followed by its unit, read in one way or refused in plain words.

Numbers are digits with a point for decimals (6, 6.5, -2, 1e-05). Also read, because they have one meaning only:
a comma for decimals (5,5) and thousands separators that cannot be decimals (1,200,000; 1,200.5; 1.200,5). A
single comma before three digits (1,200) is one thousand two hundred in the United States and 1.2 in most of
Europe, so it is refused with both readings. Units: see ``units``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from safety_assess.domain.checklist.units import Unit, convert, known_unit, same_word, shown, spoken, units_of
from safety_assess.domain.errors import AnswerError

_PLAIN = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")
_EUROPEAN = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[-+]?\d*,\d+$")
_TOKEN = re.compile(r"(?P<number>[-+]?(?:\d[\d.,]*|[.,]\d[\d.,]*)(?:[eE][-+]?\d+)?)|(?P<word>\D+)")


@dataclass(frozen=True)
class Wanted:
    """What a numeric item takes: its unit, whether it counts things (whole numbers), whether it is a percentage."""

    unit: str | None = None
    whole: bool = False
    percent: bool = False

    def expected(self) -> str:
        """What to enter, in words: 'a number of inches (in)', 'the number of drills, as a whole number'."""
        if self.percent:
            return "a percentage from 0 to 100"
        if self.whole:
            return f"the number of {self.unit}, as a whole number" if self.unit else "a whole number"
        return f"a number of {spoken(self.unit)}" if self.unit else "a number"

    def measured(self) -> str:
        if self.percent:
            return "this item is a percentage"
        if self.whole:
            return f"this item counts {self.unit}"
        return f"this item is measured in {spoken(self.unit or '')}"


def read_number(text: str) -> float | None:
    """The number ``text`` is (see the module's note); None when it is none; AnswerError when it could be two."""
    text = text.strip().replace("−", "-")
    if _PLAIN.match(text):
        return float(text)
    if _THOUSANDS.match(text):
        if text.count(",") == 1 and "." not in text:
            whole, decimal = text.replace(",", ""), shown(float(text.replace(",", ".")))
            raise AnswerError(f"{text} could be {whole} or {decimal}: enter it without the comma")
        return float(text.replace(",", ""))
    if _EUROPEAN.match(text):
        return float(text.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.match(text):
        return float(text.replace(",", "."))
    return None


def read_amount(text: str, wanted: Wanted) -> float:
    """The amount typed, in the item's unit; AnswerError saying what to enter instead."""
    text = text.strip()
    if not text:
        raise AnswerError(f"nothing was entered: enter {wanted.expected()}, or clear the answer")
    parts = _parts(text)
    if parts is None:
        raise AnswerError(f"'{text}' is not a number: enter {wanted.expected()}")
    amounts = [(_number(number, wanted), unit) for number, unit in parts]
    if len(amounts) > 1:
        return _several(text, amounts, wanted)
    amount, unit = amounts[0]
    return _in_item_unit(amount, unit, wanted) if unit else amount


def _number(text: str, wanted: Wanted) -> float:
    number = read_number(text)
    if number is None:
        raise AnswerError(f"'{text}' is not a number: enter {wanted.expected()}")
    if not math.isfinite(number):
        raise AnswerError(f"{text} is too large a number: enter {wanted.expected()}")
    return number


def _parts(text: str) -> list[tuple[str, str]] | None:
    """The (number, unit) pairs of ``text``: '5 ft 6 in' -> [('5', 'ft'), ('6', 'in')]; None if not that shape."""
    parts: list[tuple[str, str]] = []
    for token in _TOKEN.finditer(text):
        number, word = token.group("number"), token.group("word")
        if number is not None:
            parts.append((number, ""))
        elif not parts or parts[-1][1] or not word.strip():
            return None
        else:
            parts[-1] = (parts[-1][0], word.strip())
    return parts or None


def _in_item_unit(amount: float, typed: str, wanted: Wanted) -> float:
    """The amount in the item's unit, converted from another unit of the same kind; a unit the item does not
    take is refused, naming the units it takes."""
    if wanted.unit is None:
        raise AnswerError(f"this item takes a number without a unit: enter {shown(amount)}")
    ours, theirs = known_unit(wanted.unit), known_unit(typed)
    if ours is not None and theirs is not None:
        converted = convert(amount, theirs, ours)
        if converted is not None:
            return round(converted, 6)  # 4 ft is 48 in, not 48.00000000000001
        raise AnswerError(_other_unit(theirs, ours, wanted))
    if same_word(typed, wanted.unit):
        return amount
    if theirs is not None:
        raise AnswerError(f"{wanted.measured()}, not {theirs.name}: {_units(wanted, alone=False)}")
    raise AnswerError(f"{wanted.measured()}: '{typed}' is not one of its units: {_units(wanted)}")


def _units(wanted: Wanted, alone: bool = True) -> str:
    """What to type instead: the number alone, or with one of the units that convert to the item's."""
    ours = known_unit(wanted.unit or "")
    others = [u.symbol for u in units_of(ours.kind)] if ours is not None and ours.size is not None else []
    if len(others) > 1:
        return f"enter {wanted.expected()}, or the number followed by {', '.join(others[:-1])} or {others[-1]}"
    return f"enter just the number ({wanted.expected()})" if alone else f"enter {wanted.expected()}"


def _other_unit(typed: Unit, item: Unit, wanted: Wanted) -> str:
    if typed.kind == item.kind:
        return f"{wanted.measured()}, and {typed.name} do not convert exactly: enter the number of {item.name}"
    return f"{wanted.measured()}, not {typed.name}: {_units(wanted, alone=False)}"


def _several(text: str, amounts: list[tuple[float, str]], wanted: Wanted) -> float:
    """'5 ft 6 in' on an item in feet: the sum in the item's unit (5.5); otherwise that one number is wanted."""
    item = known_unit(wanted.unit or "")
    total = 0.0
    for amount, typed in amounts:
        unit = known_unit(typed)
        converted = None if item is None or unit is None else convert(amount, unit, item)
        if converted is None:
            raise AnswerError(f"'{text}' is more than one number: enter {wanted.expected()}")
        total += converted
    return round(total, 6)


def in_another_unit(text: str, unit: str | None) -> bool:
    """Whether ``text`` gives an amount in a unit that is not ``unit`` (so it was converted: '4 ft' on inches)."""
    item = known_unit(unit or "")
    typed = [known_unit(word) for _, word in _parts(text.strip()) or [] if word]
    return item is not None and any(found is not None and found != item for found in typed)
