"""Typed amounts: numbers with commas, units the item takes, other units refused with the number to enter."""

from __future__ import annotations

import pytest

from safety_assess.domain.checklist.amounts import Wanted, read_amount, read_number
from safety_assess.domain.checklist.units import known_unit, same_word, shown, spoken
from safety_assess.domain.errors import AnswerError

INCHES = Wanted("in")
FEET = Wanted("ft")
MINUTES = Wanted("minutes")
AEDS = Wanted("AEDs", whole=True)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("6", 6.0),
        ("-2.5", -2.5),
        (".5", 0.5),
        ("1e-05", 1e-05),
        ("1.200", 1.2),  # a point is always a decimal point
        ("5,5", 5.5),  # a comma before other than three digits can only be a decimal comma
        ("0,75", 0.75),
        ("1,200,000", 1_200_000.0),  # several groups: thousands
        ("1,200.5", 1200.5),
        ("1.200,5", 1200.5),
        ("1.200.000", 1_200_000.0),
        ("−3", -3.0),  # a typographic minus
    ],
)
def test_numbers_with_one_meaning_are_read(text: str, number: float) -> None:
    assert read_number(text) == number


@pytest.mark.parametrize("text", ["abc", "1 200", "nan", "inf", "1..2", ""])
def test_what_is_no_number_is_none(text: str) -> None:
    assert read_number(text) is None


@pytest.mark.parametrize(
    ("text", "message"), [("1,200", "1,200 could be 1200 or 1.2"), ("12,000", "12,000 could be 12000 or 12")]
)
def test_a_comma_that_could_be_either_is_refused_with_both_readings(text: str, message: str) -> None:
    with pytest.raises(AnswerError, match=f"^{message}"):
        read_number(text)
    with pytest.raises(AnswerError, match=r"enter it without the comma$"):
        read_amount(f"{text} in", INCHES)


@pytest.mark.parametrize(
    ("text", "wanted", "value"),
    [
        ("48", INCHES, 48.0),
        ("48 in", INCHES, 48.0),
        ("48in", INCHES, 48.0),
        ("48 inches", INCHES, 48.0),
        ('48"', INCHES, 48.0),
        ("6 ft.", FEET, 6.0),
        ("6 feet", FEET, 6.0),
        ("6'", FEET, 6.0),
        ("10 min", MINUTES, 10.0),
        ("10 Minutes", MINUTES, 10.0),
        ("3 AEDs", AEDS, 3.0),
        ("1 AED", AEDS, 1.0),
        ("3 aeds", AEDS, 3.0),
        ("85%", Wanted("%", percent=True), 85.0),
        ("85 percent", Wanted("%", percent=True), 85.0),
    ],
)
def test_the_items_own_unit_in_any_spelling_is_accepted(text: str, wanted: Wanted, value: float) -> None:
    assert read_amount(text, wanted) == value


@pytest.mark.parametrize(
    ("text", "wanted", "value"),
    [
        ("4 ft", INCHES, 48.0),
        ("4'", INCHES, 48.0),
        ("3 ft 6 in", INCHES, 42.0),
        ("5'6\"", FEET, 5.5),
        ("66 in", FEET, 5.5),
        ("2 m", FEET, 6.56168),  # 2 / 0.3048 = 6.561679...
        ("30 cm", INCHES, 11.811024),
        ("90 s", MINUTES, 1.5),
        ("1.5 h", MINUTES, 90.0),
        ("5 fc", Wanted("lux"), 53.819552),
    ],
)
def test_another_unit_of_the_same_kind_is_converted_to_the_items(text: str, wanted: Wanted, value: float) -> None:
    assert read_amount(text, wanted) == value


@pytest.mark.parametrize(
    ("text", "wanted", "message"),
    [
        ("10 m", MINUTES, "this item is measured in minutes, not meters: enter a number of minutes"),
        (
            "4 min",
            INCHES,
            "this item is measured in inches (in), not minutes: enter a number of inches (in), or the number "
            "followed by in, ft, yd, mi, mm, cm, m or km",
        ),
        ("2 months", Wanted("days"), "this item is measured in days, and months do not convert exactly: enter the"),
        (
            "4 kg",
            INCHES,
            "this item is measured in inches (in): 'kg' is not one of its units: enter a number of inches (in), or "
            "the number followed by in, ft, yd, mi, mm, cm, m or km",
        ),
        (
            "3 defibrillators",
            AEDS,
            "this item counts AEDs: 'defibrillators' is not one of its units: enter just the number (the number of "
            "AEDs, as a whole number)",
        ),
        ("3 ft", AEDS, "this item counts AEDs, not feet: enter the number of AEDs, as a whole number"),
        ("4 ft", Wanted(), "this item takes a number without a unit: enter 4"),
        ("85 ft", Wanted("%", percent=True), "this item is a percentage, not feet: enter a percentage from 0 to 100"),
        ("6 ft 2", FEET, "'6 ft 2' is more than one number: enter a number of feet (ft)"),
        ("tall", FEET, "'tall' is not a number: enter a number of feet (ft)"),
        ("about 6", FEET, "'about 6' is not a number: enter a number of feet (ft)"),
        ("", AEDS, "nothing was entered: enter the number of AEDs, as a whole number, or clear the answer"),
    ],
)
def test_another_unit_is_refused_naming_the_items_unit(text: str, wanted: Wanted, message: str) -> None:
    with pytest.raises(AnswerError) as raised:
        read_amount(text, wanted)
    assert str(raised.value).startswith(message)


def test_units_are_known_by_their_usual_spellings() -> None:
    assert known_unit("Feet") == known_unit("ft") == known_unit("ft.") == known_unit("'")
    assert known_unit("miles per hour") == known_unit("mph") and known_unit("AEDs") is None
    assert same_word("AED", "AEDs") and same_word("Drills.", "drills") and not same_word("drill", "rooms")
    assert spoken("in") == "inches (in)" and spoken("minutes") == "minutes" and spoken("spaces") == "spaces"
    assert [shown(n) for n in (48.0, 1 / 3, 53.819552, 0.0001, -2.0)] == ["48", "0.333", "53.82", "0.0001", "-2"]
