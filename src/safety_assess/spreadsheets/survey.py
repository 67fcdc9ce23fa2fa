"""The survey sheet's rows turned into the checklist's sections, groups and items, each noted with its cells."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from safety_assess.domain.checklist.issues import Path
from safety_assess.spreadsheets import fields
from safety_assess.spreadsheets.building import Builder, decode, decode_column
from safety_assess.spreadsheets.layout import BEGIN_GROUP, BY_NAME, END_GROUP, ROW_TYPES, SECTION, SURVEY
from safety_assess.spreadsheets.opening import Sheet

_NOT_A_UNIT = re.compile(r"^[\d\s.,+-]*$|[<>=|{}\[\]]")
_HEADING = {"id", "prompt", "guidance", "type"}


class _Walk:
    """Where the survey rows have got to: the sections so far and the group open, if any (and its row)."""

    def __init__(self, builder: Builder, sheet: Sheet) -> None:
        self.builder, self.sheet = builder, sheet
        self.sections: list[dict[str, Any]] = []
        self.group: dict[str, Any] | None = None
        self.group_row = 0

    def row(self, number: int, row: dict[str, Any]) -> None:
        kind = str(row.get("type", "")).strip().lower()
        cell = (SURVEY, self.sheet.cell(number, "type"))
        if not kind:
            self.builder.problem(*cell, "no type: write section, begin_group, end_group or an answer type")
        elif kind == SECTION:
            self.section(number, row, cell)
        elif not self.sections:
            self.builder.problem(*cell, "a row before any section row: start the sheet with a row of type section")
        elif kind == BEGIN_GROUP:
            self.begin_group(number, row, cell)
        elif kind == END_GROUP:
            if self.group is None:
                self.builder.problem(*cell, "end_group without a begin_group above it")
            self.group = None
        elif kind in fields.answer_models():
            self.item(number, row, kind)
        else:
            known = ", ".join([*ROW_TYPES, *fields.answer_models()])
            self.builder.problem(*cell, f"unknown type '{row.get('type')}' (types: {known})")

    def section(self, number: int, row: dict[str, Any], cell: tuple[str, str]) -> None:
        if self.group is not None:
            self.builder.problem(
                *cell, f"a section starts inside the group opened in row {self.group_row}: end it first (end_group)"
            )
            self.group = None
        path = ("sections", len(self.sections))
        self.sections.append(_heading(self.builder, self.sheet, number, row, "section", path))

    def begin_group(self, number: int, row: dict[str, Any], cell: tuple[str, str]) -> None:
        if self.group is not None:
            self.builder.problem(*cell, f"groups do not nest: the group opened in row {self.group_row} is not ended")
        entries = self.sections[-1]["items"]
        path = ("sections", len(self.sections) - 1, "items", len(entries))
        self.group = _heading(self.builder, self.sheet, number, row, "group", path)
        self.group_row = number
        entries.append(self.group)

    def item(self, number: int, row: dict[str, Any], kind: str) -> None:
        entries = self.sections[-1]["items"]
        path: Path = ("sections", len(self.sections) - 1, "items", len(entries))
        target = entries
        if self.group is not None:
            target = self.group["items"]
            path = (*path[:-1], len(entries) - 1, "items", len(target))
        target.append(_item(self.builder, self.sheet, number, row, kind, path, self.sections[-1]))


def survey(builder: Builder, sheet: Sheet) -> None:
    walk = _Walk(builder, sheet)
    for number, row in sheet.rows:
        walk.row(number, row)
    if walk.group is not None:
        builder.problem(
            SURVEY,
            sheet.cell(walk.group_row, "type"),
            "this group is never ended: add an end_group row after its items",
        )
    builder.document["sections"] = walk.sections


def _heading(builder: Builder, sheet: Sheet, number: int, row: dict[str, Any], kind: str, path: Path) -> dict[str, Any]:
    """A section or group: id, title (prompt), description (guidance), and its other fields by name."""
    names = {"id": "id" if kind == "section" else "group", "prompt": "title", "guidance": "description"}
    allowed = fields.section_fields() if kind == "section" else fields.group_fields()
    data: dict[str, Any] = {}
    builder.row_at(path, (SURVEY, sheet.cell(number, "id")))
    for column, value in row.items():
        cell = (SURVEY, sheet.cell(number, column))
        if column == "type" or (column == "section" and (kind == "group" or value == row.get("id"))):
            continue  # a section cell filled down the sheet: the row's own section
        if column == "section":
            builder.problem(*cell, f"a section row's section cell is its own id ('{row.get('id')}'), not '{value}'")
            continue
        key = names.get(column, column)
        if key not in allowed or (column in BY_NAME and column not in _HEADING and key not in ("layer", "show_if")):
            builder.problem(*cell, f"column '{column}' does not apply to a {kind} row")
            continue
        builder.put(data, key, _heading_reader(column, key, kind), value, (*path, key), cell)
    data["items"] = []
    return data


def _heading_reader(column: str, key: str, kind: str) -> Callable[[Any], Any]:
    spec = BY_NAME.get(column)
    if spec is not None:
        return lambda value: decode_column(spec, value)
    return lambda value: decode(kind, key, value)


def _item(
    builder: Builder, sheet: Sheet, number: int, row: dict[str, Any], kind: str, path: Path, section: dict[str, Any]
) -> dict[str, Any]:
    item: dict[str, Any] = {}
    answer: dict[str, Any] = {"type": kind}
    builder.row_at(path, (SURVEY, sheet.cell(number, "id")))
    builder.row_at((*path, "answer"), (SURVEY, sheet.cell(number, "type")))
    for column, value in row.items():
        cell = (SURVEY, sheet.cell(number, column))
        if column == "type":
            continue
        if column == "section":
            if str(value) != section.get("id"):
                builder.problem(
                    *cell, f"this item is under section '{section.get('id')}' (the section row above it), not '{value}'"
                )
            continue
        _item_cell(builder, item, answer, column, value, path, cell, kind)
    item["answer"] = answer
    return item


def _item_cell(
    builder: Builder,
    item: dict[str, Any],
    answer: dict[str, Any],
    column: str,
    value: Any,
    path: Path,
    cell: tuple[str, str],
    kind: str,
) -> None:
    spec = BY_NAME.get(column)
    if column == "options":
        _options(builder, answer, str(value), (*path, "answer"), cell, kind)
    elif column == "unit" and (not isinstance(value, str) or _NOT_A_UNIT.search(value)):
        builder.problem(
            *cell, f"'{value}' is not a unit: write the unit the item is measured in, e.g. ft, in, min, lux"
        )
    elif spec is not None and spec.where == "tags":
        builder.put(
            item.setdefault("tags", {}),
            spec.field,
            lambda v: decode_column(spec, v),
            value,
            (*path, "tags", spec.field),
            cell,
        )
    elif spec is not None:
        target, prefix = (item, path) if spec.where == "item" else (answer, (*path, "answer"))
        builder.put(target, spec.field, lambda v: decode_column(spec, v), value, (*prefix, spec.field), cell)
    elif column.startswith("answer.") or (column in fields.answer_fields() and column not in fields.item_fields()):
        key = column.removeprefix("answer.")
        builder.put(answer, key, lambda v: decode("answer", key, v, kind), value, (*path, "answer", key), cell)
    elif column in fields.item_fields():
        builder.put(item, column, lambda v: decode("item", column, v), value, (*path, column), cell)
    else:
        builder.problem(*cell, f"column '{column}' does not apply to an item row")


def _options(builder: Builder, answer: dict[str, Any], name: str, path: Path, cell: tuple[str, str], kind: str) -> None:
    builder.where[(*path, "options")] = builder.where[(*path, "scale")] = cell
    if kind == "scale" and name in builder.scale_names:
        builder.used.add(name)
        answer["scale"] = name
    elif name not in builder.lists:
        builder.problem(*cell, f"no list '{name}' in the choices sheet (its rows have list_name '{name}')")
    else:
        answer["options"] = builder.options_of(name, (*path, "options"))
