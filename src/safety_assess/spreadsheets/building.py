"""Rows of the workbook's sheets turned into a checklist document (the plain data a YAML file holds), noting
which cell each part came from so a problem found later is reported at its cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from safety_assess.domain.checklist.issues import Path
from safety_assess.spreadsheets import cells, fields
from safety_assess.spreadsheets.layout import (
    CHOICES,
    SCALES,
    SETTINGS,
    Column,
)
from safety_assess.spreadsheets.opening import Sheet
from safety_assess.spreadsheets.problems import CellIssue

Where = dict[Path, tuple[str, str]]


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


def _field_reader(kind: str, key: str) -> Callable[[Any], Any]:
    return lambda value: decode(kind, key, value)
