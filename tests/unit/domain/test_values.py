"""Answer values for every answer type: parsing, rejection with a reason, and outcome."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_assess.domain.checklist import Checklist, Outcome
from safety_assess.domain.checklist.outcomes import can_be_deficient, outcome
from safety_assess.domain.checklist.parse import parse_checklist
from safety_assess.domain.checklist.values import (
    check_value,
    describe,
    na_answer,
    option_labels,
    parse_answer,
)
from safety_assess.domain.errors import AnswerError

ON = dt.date(2026, 11, 23)

CASES = [
    # item, typed text, canonical value, outcome
    ("door-locked", "Y", "yes", Outcome.COMPLIANT),
    ("door-locked", "no", "no", Outcome.DEFICIENT),
    ("door-locked", "N/A", "na", Outcome.NOT_APPLICABLE),
    ("door-hard", "yes", "yes", Outcome.DEFICIENT),
    ("door-hard", "no", "no", Outcome.COMPLIANT),
    ("gate", "Pass", "pass", Outcome.COMPLIANT),
    ("gate", "flag", "flag", Outcome.DEFICIENT),
    ("presence", "Don't know", "dont-know", Outcome.UNKNOWN),
    ("presence", "not-present", "not-present", Outcome.DEFICIENT),
    ("lighting-rating", "2", 2, Outcome.DEFICIENT),
    ("lighting-rating", "3", 3, Outcome.COMPLIANT),
    ("fence-height", "6", 6.0, Outcome.COMPLIANT),
    ("fence-height", "5.5 ft", 5.5, Outcome.DEFICIENT),
    ("temp", "-3.25", -3.25, Outcome.NEUTRAL),
    ("extinguishers", "0", 0, Outcome.DEFICIENT),
    ("extinguishers", "4", 4, Outcome.COMPLIANT),
    ("coverage", "85%", 85.0, Outcome.COMPLIANT),
    ("coverage", "79.5", 79.5, Outcome.DEFICIENT),
    ("lock-type", "key", "key", Outcome.COMPLIANT),
    ("lock-type", "None", "none", Outcome.DEFICIENT),
    ("signage", "weapons, visitor", ["visitor", "weapons"], Outcome.COMPLIANT),
    ("signage", "broken", ["broken"], Outcome.DEFICIENT),
    ("signage", "", [], Outcome.COMPLIANT),
    ("last-drill", "2026-10-01", "2026-10-01", Outcome.COMPLIANT),
    ("last-drill", "2026-01-15", "2026-01-15", Outcome.DEFICIENT),
    ("lock-time", "7:05", "07:05", Outcome.NEUTRAL),
    ("lock-time", "", "", Outcome.NEUTRAL),
    ("notes", "  Gate chain rusty ", "Gate chain rusty", Outcome.NEUTRAL),
    ("camera-working", "n", "no", Outcome.DEFICIENT),
]


@pytest.mark.parametrize(("item_id", "raw", "value", "expected"), CASES)
def test_every_answer_type_parses_and_scores(every_type: Checklist, item, item_id, raw, value, expected) -> None:
    parsed = parse_answer(every_type, item(item_id), raw)
    assert parsed == value
    assert type(parsed) is type(value)
    assert outcome(every_type, item(item_id), parsed, ON) == expected


REJECTED = [
    ("door-locked", "maybe", "'maybe' is not an answer here: answer yes, no or N/A"),
    ("door-locked", "", "nothing was entered: answer yes, no or N/A"),
    ("door-hard", "na", "this item cannot be answered N/A: it takes yes or no"),
    ("gate", "ok", "'ok' is not one of this item's answers: answer Pass, Flag or Fail"),
    ("gate", "n/a", "this item cannot be answered N/A: it takes Pass, Flag or Fail"),
    (
        "presence",
        "sometimes",
        "'sometimes' is not one of this item's answers: answer Not present (not-present), Extensively present "
        "(extensive) or Don't know (dont-know)",
    ),
    ("lighting-rating", "6", "6 is not a rating of this item: ratings go from 1 to 5"),
    ("lighting-rating", "two", "'two' is not a rating: enter a whole number from 1 to 5, or Poor or Excellent"),
    ("lighting-rating", "2.5", "'2.5' is not a rating: enter a whole number from 1 to 5, or Poor or Excellent"),
    ("fence-height", "tall", "'tall' is not a number: enter a number of feet (ft)"),
    ("fence-height", "nan", "'nan' is not a number: enter a number of feet (ft)"),
    ("fence-height", "1e999", "1e999 is too large a number: enter a number of feet (ft)"),
    ("fence-height", "", "nothing was entered: enter a number of feet (ft), or clear the answer"),
    ("extinguishers", "-1", "a count cannot be negative, and -1 is"),
    ("extinguishers", "1.5", "this item takes a whole number, and 1.5 is not one"),
    ("extinguishers", "lots", "'lots' is not a number: enter a whole number"),
    ("coverage", "101", "a percentage is from 0 to 100, and 101 is not"),
    ("signage", "visitor, visitor", "'Visitors report to office' is chosen twice; choose each option once"),
    ("signage", "visitor, bogus", "'bogus' is not one of this item's answers: answer Visitors report to office"),
    ("last-drill", "2026-02-30", "2026-02-30 is not a date: February 2026 has 28 days"),
    ("last-drill", "01/02/2026", "01/02/2026 could be 2026-01-02 or 2026-02-01: write it year first, as YYYY-MM-DD"),
    ("last-drill", "yesterday", "'yesterday' is not a date: enter the date as YYYY-MM-DD, e.g. 2026-03-05"),
    ("last-drill", "n/a", "this item cannot be answered N/A: it takes a date as YYYY-MM-DD"),
    ("lock-time", "25:00", "25:00 is not a time of day: hours go from 00 to 23"),
    ("lock-time", "soon", "'soon' is not a time: enter it as HH:MM on the 24-hour clock, e.g. 07:30 or 15:45, or"),
    ("temp", "na", "this item cannot be answered N/A: it takes a number"),
    ("temp", "4 ft", "this item takes a number without a unit: enter 4"),
]


@pytest.mark.parametrize(("item_id", "raw", "message"), REJECTED)
def test_a_wrong_answer_is_refused_with_the_reason(every_type: Checklist, item, item_id, raw, message) -> None:
    with pytest.raises(AnswerError) as raised:
        parse_answer(every_type, item(item_id), raw)
    assert str(raised.value).startswith(message)


def test_text_longer_than_allowed_is_refused(every_type: Checklist, item) -> None:
    with pytest.raises(AnswerError, match="at most 4000"):
        parse_answer(every_type, item("notes"), "x" * 4001)


def test_typed_values_are_checked_like_text(every_type: Checklist, item) -> None:
    assert check_value(every_type, item("signage"), ["weapons", "visitor"]) == ["visitor", "weapons"]
    assert check_value(every_type, item("extinguishers"), 3) == 3
    assert check_value(every_type, item("coverage"), 50) == 50.0
    with pytest.raises(AnswerError, match=r"^true is not an answer of this item: it takes yes, no or N/A$"):
        check_value(every_type, item("door-locked"), True)
    with pytest.raises(AnswerError, match=r"^a list is not an answer of this item: it takes Pass, Flag or Fail$"):
        check_value(every_type, item("gate"), ["pass"])
    with pytest.raises(AnswerError, match=r"^a dict is not an answer of this item"):
        check_value(every_type, item("gate"), {"a": 1})


def test_date_without_an_assessment_date_is_neutral(every_type: Checklist, item) -> None:
    assert outcome(every_type, item("last-drill"), "2000-01-01", None) == Outcome.NEUTRAL


def test_options_and_descriptions_name_what_is_accepted(every_type: Checklist, item) -> None:
    assert option_labels(every_type, item("gate")) == [("pass", "Pass"), ("flag", "Flag"), ("fail", "Fail")]
    assert option_labels(every_type, item("door-hard")) == [("yes", "Yes"), ("no", "No")]
    assert describe(every_type, item("signage")).startswith("options separated by commas: Visitors report to")
    assert describe(every_type, item("lighting-rating")) == "a rating from 1 to 5"
    assert describe(every_type, item("fence-height")) == "a number of feet (ft)"
    assert describe(every_type, item("extinguishers")) == "a whole number"
    assert describe(every_type, item("temp")) == "a number"
    assert describe(every_type, item("lock-time")) == "a time as HH:MM on the 24-hour clock, or nothing"


def test_which_items_can_be_deficient(every_type: Checklist, item) -> None:
    deficient_capable = {i.id for _, _, i in every_type.iter_items() if can_be_deficient(every_type, i)}
    assert deficient_capable == {
        "door-locked",
        "door-hard",
        "gate",
        "presence",
        "lighting-rating",
        "fence-height",
        "extinguishers",
        "coverage",
        "lock-type",
        "signage",
        "last-drill",
        "camera-working",
    }


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_number_reads_back_as_itself(every_type_checklist: Checklist, value: float) -> None:
    item = every_type_checklist.find_item("temp")
    assert item is not None
    assert parse_answer(every_type_checklist, item[2], repr(value)) == value


@given(st.floats(min_value=0, max_value=50, allow_nan=False))
def test_a_measurement_is_deficient_exactly_below_the_minimum(every_type_checklist: Checklist, value: float) -> None:
    found = every_type_checklist.find_item("fence-height")
    assert found is not None
    result = outcome(every_type_checklist, found[2], parse_answer(every_type_checklist, found[2], repr(value)))
    assert result == (Outcome.DEFICIENT if value < 6 else Outcome.COMPLIANT)


@pytest.fixture(scope="session")
def every_type_checklist(every_type: Checklist) -> Checklist:
    return every_type


def test_a_rating_can_be_given_by_its_label(every_type: Checklist, item) -> None:
    assert parse_answer(every_type, item("lighting-rating"), "excellent") == 5


def test_empty_text_is_not_an_answer(every_type: Checklist, item) -> None:
    with pytest.raises(AnswerError, match="the answer is empty"):
        parse_answer(every_type, item("notes"), "   ")


def _na_checklist() -> Checklist:
    def item(item_id: str, answer: dict[str, object]) -> dict[str, object]:
        return {"id": item_id, "prompt": item_id, "answer": answer, "required": False}

    options = [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]
    return parse_checklist(
        {
            "id": "na-everywhere",
            "title": "N/A everywhere",
            "version": "1.0.0",
            "sections": [
                {
                    "id": "s",
                    "title": "S",
                    "items": [
                        item(
                            "scale",
                            {
                                "type": "scale",
                                "options": [
                                    {"value": "ok", "label": "OK"},
                                    {"value": "does-not-apply", "label": "Skip", "outcome": "not_applicable"},
                                ],
                            },
                        ),
                        item(
                            "choice", {"type": "single_choice", "options": [*options, {"value": "na", "label": "N/A"}]}
                        ),
                        item("choice-na", {"type": "single_choice", "options": options, "allow_na": True}),
                        item("multiple", {"type": "multiple_choice", "options": options, "allow_na": True}),
                        item("rating", {"type": "rating", "allow_na": True}),
                        item("minutes", {"type": "measurement", "unit": "minutes", "allow_na": True}),
                        item("date", {"type": "date", "allow_na": True}),
                        item("time", {"type": "time", "allow_na": True}),
                        item("text", {"type": "text"}),
                    ],
                }
            ],
        }
    )


@pytest.mark.parametrize("word", ["na", "N/A", "n-a", "n.a.", "Not applicable", "NOT  APPLICABLE"])
def test_every_na_word_chooses_whatever_means_not_applicable(word: str) -> None:
    checklist = _na_checklist()
    answers = {
        item.id: parse_answer(checklist, item, word) for _, _, item in checklist.iter_items() if item.id != "text"
    }
    assert answers == {
        "scale": "does-not-apply",
        "choice": "na",
        "choice-na": "na",
        "multiple": "na",
        "rating": "na",
        "minutes": "na",
        "date": "na",
        "time": "na",
    }
    for _, _, item in checklist.iter_items():
        expected = Outcome.NEUTRAL if item.id == "text" else Outcome.NOT_APPLICABLE
        assert outcome(checklist, item, parse_answer(checklist, item, word)) == expected, item.id
    text = checklist.find_item("text")
    assert text is not None and parse_answer(checklist, text[2], word) == word.strip()  # free text stays as typed


def test_which_answer_means_not_applicable(every_type: Checklist, item) -> None:
    checklist = _na_checklist()
    found = {i.id: na_answer(checklist, i) for _, _, i in checklist.iter_items()}
    assert found["scale"] == "does-not-apply" and found["choice"] == "na" and found["text"] is None
    assert [na_answer(every_type, item(i)) for i in ("door-locked", "door-hard", "gate", "temp")] == [
        "na",
        None,
        None,
        None,
    ]
