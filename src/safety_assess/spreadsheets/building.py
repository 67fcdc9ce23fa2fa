"""Rows of the workbook's sheets turned into a checklist document (the plain data a YAML file holds), noting
which cell each part came from so a problem found later is reported at its cell."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from safety_assess.domain.checklist.issues import Path
from safety_assess.spreadsheets import cells, fields
from safety_assess.spreadsheets.layout import (
    BEGIN_GROUP,
    BY_NAME,
    CHOICES,
    END_GROUP,
    ROW_TYPES,
    SCALES,
    SECTION,
    SETTINGS,
    SURVEY,
    Column,
)
from safety_assess.spreadsheets.opening import Sheet
from safety_assess.spreadsheets.problems import CellIssue

Where = dict[Path, tuple[str, str]]
_NOT_A_UNIT = re.compile(r"^[\d\s.,+-]*$|[<>=|{}\[\]]")
_HEADING = {"id", "prompt", "guidance", "type"}


def decode(where: str, name: str, value: Any, answer_type: str | None = None) -> Any:
    """A field's value from its cell: text as typed, numbers and true/false as such, flow text read as YAML."""
    text = fields.takes_text(where, name, answer_type)
    if not isinstance(value, str):
        if text and isinstance(value, int | float) and not isinstance(value, bool):
            return cells.number(value)
        return value
    return value if text else cells.unflow(value)


def decode_column(column: Column, value: Any) -> Any:
    if column.form == "range":
        return cells.read_friendly(str(value), cells.read_range)
    if column.form == "condition":
        return cells.read_friendly(str(value), cells.read_show_if)
    if column.form == "list":
        return cells.read_friendly(str(value), cells.read_list)
    if column.form == "text" and isinstance(value, int | float) and not isinstance(value, bool):
        return cells.number(value)
    return value


class Builder:
    """Builds the document from the sheets, collecting every problem with its cell."""

    def __init__(self, choices: Sheet | None, scales: Sheet | None) -> None:
        self.issues: list[CellIssue] = []
        self.where: Where = {}
        self.rows: set[Path] = set()
        self.lists: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        self.used: set[str] = set()
        self.scale_names: set[str] = set()
        self.choices, self.scales = choices, scales
        self.document: dict[str, Any] = {}

    def row_at(self, path: Path, cell: tuple[str, str]) -> None:
        """A part written on a whole row (an item, its answer, a section, an option): a problem with a field of it
        that has no cell of its own (a missing one) is reported at ``cell``, naming the field."""
        self.where[path] = cell
        self.rows.add(path)

    def problem(self, sheet: str, cell: str, message: str) -> None:
        self.issues.append(CellIssue(sheet, cell, message))

    def settings(self, sheet: Sheet) -> None:
        allowed = fields.checklist_fields()
        for number, row in sheet.rows:
            key = str(row.get("setting", "")).strip().lower()
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.problem(SETTINGS, sheet.cell(number, "setting"), f"unknown setting '{key}' (settings: {known})")
            elif "value" in row:
                self.put(
                    self.document,
                    key,
                    lambda v, k=key: decode("checklist", k, v),
                    row["value"],
                    (key,),
                    (SETTINGS, sheet.cell(number, "value")),
                )

    def put(
        self, target: dict[str, Any], key: str, read: Any, value: Any, path: Path | None, cell: tuple[str, str]
    ) -> None:
        try:
            target[key] = read(value)
        except ValueError as error:
            self.problem(cell[0], cell[1], str(error))
            return
        if path is not None:
            self.where[path] = cell

    def read_lists(self) -> None:
        if self.choices is not None:
            for number, row in self.choices.rows:
                name = row.get("list_name")
                if name is None:
                    self.problem(
                        CHOICES,
                        self.choices.cell(number, "list_name"),
                        "no list_name: name the list this option belongs to",
                    )
                    continue
                option = self.row_fields(self.choices, number, row, "option", None)
                self.lists.setdefault(str(name), []).append((number, option))
        if self.scales is not None:
            self._read_scales(self.scales)

    def row_fields(
        self, sheet: Sheet, number: int, row: dict[str, Any], kind: str, prefix: Path | None
    ) -> dict[str, Any]:
        """The fields of a choices or scales row, its first column (the list's or the scale's name) left out."""
        found: dict[str, Any] = {}
        first = "list_name" if kind == "option" else "name"
        for key, value in row.items():
            if key != first:
                path = None if prefix is None else (*prefix, key)
                read = _field_reader(kind, key)
                self.put(found, key, read, value, path, (sheet.name, sheet.cell(number, key)))
        return found

    def _read_scales(self, sheet: Sheet) -> None:
        scales: dict[str, Any] = {}
        for number, row in sheet.rows:
            name = str(row.get("name", ""))
            cell = sheet.cell(number, "name")
            if name not in self.lists:
                self.problem(
                    SCALES, cell, f"scale '{name}' has no options: add rows with list_name '{name}' to choices"
                )
                continue
            scale = self.row_fields(sheet, number, row, "scale", ("scales", name))
            scale["options"] = self.options_of(name, ("scales", name, "options"))
            scales[name] = scale
            self.scale_names.add(name)
            self.row_at(("scales", name), (SCALES, cell))
        if scales:
            self.document["scales"] = scales

    def options_of(self, name: str, path: Path) -> list[dict[str, Any]]:
        self.used.add(name)
        assert self.choices is not None
        options = []
        for index, (number, option) in enumerate(self.lists[name]):
            self.row_at((*path, index), (CHOICES, self.choices.cell(number, "value")))
            for key in option:
                self.where[(*path, index, key)] = (CHOICES, self.choices.cell(number, key))
            options.append(dict(option))
        return options

    def unused_lists(self) -> None:
        assert self.choices is not None or not self.lists
        for name, rows in self.lists.items():
            if name not in self.used and self.choices is not None:
                self.problem(
                    CHOICES,
                    self.choices.cell(rows[0][0], "list_name"),
                    f"list '{name}' is never used: no item names it in its options cell",
                )


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


def _field_reader(kind: str, key: str) -> Callable[[Any], Any]:
    return lambda value: decode(kind, key, value)


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
