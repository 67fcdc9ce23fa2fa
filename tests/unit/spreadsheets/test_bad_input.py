"""Each problem of a workbook is one line naming the file, the sheet and the cell: FILE:SHEET!CELL: message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from safety_assess.domain.checklist import Checklist
from tests.unit.spreadsheets.conftest import Edit, problems


def test_no_survey_sheet(edited: Edit) -> None:
    path = edited(lambda book: setattr(book["survey"], "title", "items"))
    assert problems(path) == [
        "F: no 'survey' sheet (the sheets are: items, choices, scales, settings); the items go in a sheet named survey"
    ]


def test_unknown_column(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].cell(1, 40, "colour"))
    assert problems(path) == [
        "F:survey!AN1: unknown column 'colour' (see docs/checklist-spreadsheets.md for the columns)"
    ]


def test_a_column_twice_and_a_value_without_a_column(edited: Edit) -> None:
    def change(book: Any) -> None:
        book["survey"].cell(1, 40, "prompt")
        book["survey"].cell(5, 41, "stray")

    assert problems(edited(change)) == [
        "F:survey!AN1: column 'prompt' appears twice",
        "F:survey!AO5: a value in a column without a name in row 1",
    ]


def test_merged_cells(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].merge_cells("D3:E3"))
    assert problems(path) == ["F:survey!D3: merged cells: unmerge them (one value per cell)"]


def test_formula_where_a_value_is_expected(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("K3", "=1+2"))
    assert problems(path) == ["F:survey!K3: a formula where a value is expected: type the value instead"]


def test_unknown_row_type(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("A4", "yesno"))
    assert problems(path)[0].startswith(
        "F:survey!A4: unknown type 'yesno' (types: section, begin_group, end_group, yes_no,"
    )


def test_a_list_never_used_and_a_list_missing(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("F12", "lock-kinds"))
    assert problems(path) == [
        "F:survey!F12: no list 'lock-kinds' in the choices sheet (its rows have list_name 'lock-kinds')",
        "F:choices!A8: list 'lock-type' is never used: no item names it in its options cell",
    ]


def test_a_condition_naming_a_missing_item(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("J12", "door-lock = no"))
    assert problems(path) == ["F:survey!J12: show_if names 'door-lock', which is not an item of this checklist"]


def test_a_circular_show_if(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("J3", "lock-type = none"))
    assert problems(path) == ["F:survey!J3: show_if forms a cycle: door-locked -> lock-type -> door-locked"]


def test_a_unit_that_is_not_a_unit(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("G8", ">= 6"))
    assert problems(path) == [
        "F:survey!G8: '>= 6' is not a unit: write the unit the item is measured in, e.g. ft, in, min, lux"
    ]


def test_model_errors_come_back_to_their_cells(edited: Edit) -> None:
    def change(book: Any) -> None:
        book["survey"]["K3"] = 9
        book["survey"]["I4"] = "maybe"
        book["survey"]["H8"] = "10..6"
        book["choices"]["E3"] = "bad"

    assert problems(edited(change)) == [
        "F:choices!E3: expected 'compliant', 'deficient', 'not_applicable', 'unknown' or 'neutral', got 'bad'",
        "F:survey!K3: must be at most 5, got 9",
        "F:survey!I4: expected 'yes' or 'no', got 'maybe'",
        "F:survey!H8: range min 10 is greater than max 6",
    ]


def test_a_range_that_is_not_one(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("H8", "at least 6"))
    assert problems(path) == [
        "F:survey!H8: 'at least 6' is not a range: write >= 6, <= 10 or 6..10 (or YAML such as {min: 6})"
    ]


def test_groups_that_do_not_close_or_open(edited: Edit) -> None:
    def change(book: Any) -> None:
        book["survey"]["A20"] = "text"
        book["survey"]["C20"] = "after"
        book["survey"]["D20"] = "After"
        book["survey"]["A21"] = "end_group"
        book["survey"]["A22"] = "end_group"

    assert problems(edited(change)) == ["F:survey!A22: end_group without a begin_group above it"]
    path = edited(lambda book: book["survey"].delete_rows(21, 2))
    assert problems(path) == ["F:survey!A17: this group is never ended: add an end_group row after its items"]


def test_an_item_under_another_section_name(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("B5", "other"))
    assert problems(path) == ["F:survey!B5: this item is under section 'main' (the section row above it), not 'other'"]


def test_an_unknown_setting(edited: Edit) -> None:
    path = edited(lambda book: book["settings"].append(["colour", "red"]))
    assert problems(path)[0].startswith("F:settings!A")
    assert "unknown setting 'colour'" in problems(path)[0]


def test_flow_text_that_is_not_yaml(edited: Edit) -> None:
    path = edited(lambda book: book["survey"].__setitem__("J12", "{item: door-locked, equals: [no"))
    assert problems(path)[0].startswith(
        "F:survey!J12: '{item: door-locked, equals: [no' is not a value written as YAML"
    )


def test_a_copy_with_an_added_item_reads(exported: Path, edited: Edit) -> None:
    """Rows added by hand, an option list shared by two items, and friendly cells read as the docs say."""
    from safety_assess.spreadsheets import read_workbook

    def change(book: Any) -> None:
        book["survey"].insert_rows(13)
        for column, value in zip(
            "ACDFJKLM",
            ["single_choice", "lock-2", "Second lock", "lock-type", "gate = fail | flag", 2, 2, "Fix"],
            strict=True,
        ):
            book["survey"][f"{column}13"] = value

    checklist, _ = read_workbook(edited(change))
    found = checklist.find_item("lock-2")
    assert found is not None
    item = found[2]
    assert item.show_if is not None and item.show_if.any_of == ["fail", "flag"]
    assert [o.value for o in getattr(item.answer, "options", [])] == ["key", "none"]


def test_a_section_cell_filled_down_to_the_section_rows_is_read(edited: Edit, every_type: Checklist) -> None:
    from safety_assess.spreadsheets import read_workbook

    path = edited(lambda book: book["survey"].__setitem__("B2", "main"))
    assert read_workbook(path)[0] == every_type
    path = edited(lambda book: book["survey"].__setitem__("B2", "other"))
    assert problems(path) == ["F:survey!B2: a section row's section cell is its own id ('main'), not 'other'"]


def test_a_missing_field_and_a_setting_are_named_at_their_cells(edited: Edit) -> None:
    def change(book: Any) -> None:
        book["survey"]["C3"] = None
        book["settings"]["B5"] = "1.0"

    assert problems(edited(change)) == [
        "F:settings!B5: expected a semantic version such as 1.2.0, got '1.0'",
        "F:survey!C3: id: required field is missing",
    ]


def test_a_yes_no_without_a_deficient_answer_is_named_at_its_row(edited: Edit) -> None:
    assert problems(edited(lambda book: book["survey"].__setitem__("I3", None))) == [
        "F:survey!A3: item 'door-locked' needs deficient_if (yes or no), or informational: true when no answer is "
        "deficient"
    ]
