"""A checklist document written out as a workbook: ``survey``, ``choices``, ``scales`` and ``settings`` rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from safety_assess.spreadsheets import cells, fields
from safety_assess.spreadsheets.layout import (
    BEGIN_GROUP,
    BY_NAME,
    COLUMNS,
    COVERED,
    END_GROUP,
    SECTION,
    Column,
)

Row = dict[str, Any]
_ITEM_COLUMNS = {(c.where, c.field): c for c in COLUMNS}


@dataclass
class Sheets:
    """The rows of each sheet, as column name to cell value; ``extra`` lists the survey's field columns."""

    survey: list[Row] = field(default_factory=list)
    choices: list[Row] = field(default_factory=list)
    scales: list[Row] = field(default_factory=list)
    settings: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def put(self, row: Row, name: str, value: Any) -> None:
        if name not in BY_NAME and name not in self.extra:
            self.extra.append(name)
        row[name] = value


def sheets_of(document: dict[str, Any]) -> Sheets:
    sheets = Sheets()
    for key, value in document.items():
        if key not in ("sections", "scales"):
            sheets.settings.append({"setting": key, "value": generic("checklist", key, value)})
    for name, scale in document.get("scales", {}).items():
        row: Row = {"name": name}
        for key, value in scale.items():
            if key != "options":
                row[key] = generic("scale", key, value)
        sheets.scales.append(row)
        _choices(sheets, name, scale["options"])
    for section in document["sections"]:
        _section(sheets, section, set(document.get("scales", {})))
    return sheets


def generic(where: str, name: str, value: Any, answer_type: str | None = None) -> Any:
    """A field without a friendly column: text as written, numbers and true/false as such, else flow text."""
    if isinstance(value, str) and fields.takes_text(where, name, answer_type):
        return value
    if isinstance(value, bool | int | float):
        return value
    return cells.flow(value)


def _section(sheets: Sheets, section: dict[str, Any], scales: set[str]) -> None:
    row: Row = {"type": SECTION}
    _heading(sheets, row, section, "section", "id")
    sheets.survey.append(row)
    for entry in section["items"]:
        if "group" in entry:
            group: Row = {"type": BEGIN_GROUP, "section": section["id"]}
            _heading(sheets, group, entry, "group", "group")
            sheets.survey.append(group)
            for item in entry["items"]:
                sheets.survey.append(_item(sheets, item, section["id"], scales))
            sheets.survey.append({"type": END_GROUP, "section": section["id"]})
        else:
            sheets.survey.append(_item(sheets, entry, section["id"], scales))


def _heading(sheets: Sheets, row: Row, data: dict[str, Any], where: str, id_key: str) -> None:
    """A section or group row: its id, title (prompt) and description (guidance); other fields by name."""
    named = {id_key: "id", "title": "prompt", "description": "guidance", "layer": "layer"}
    for key, value in data.items():
        if key == "items":
            continue
        if key in named:
            row[named[key]] = value
        elif key == "show_if":
            row["show_if"] = encode(BY_NAME["show_if"], value)
        else:
            sheets.put(row, key, generic(where, key, value))


def _item(sheets: Sheets, item: dict[str, Any], section_id: str, scales: set[str]) -> Row:
    row: Row = {"type": item["answer"]["type"], "section": section_id}
    for key, value in item.items():
        if key == "answer":
            _answer(sheets, row, item["id"], value, scales)
        elif key == "tags":
            for tag, tag_value in value.items():
                row[_ITEM_COLUMNS["tags", tag].name] = encode(_ITEM_COLUMNS["tags", tag], tag_value)
        elif ("item", key) in _ITEM_COLUMNS:
            column = _ITEM_COLUMNS["item", key]
            row[column.name] = encode(column, value)
        else:
            sheets.put(row, key, generic("item", key, value))
    return row


def _answer(sheets: Sheets, row: Row, item_id: str, answer: dict[str, Any], scales: set[str]) -> None:
    kind = answer["type"]
    for key, value in answer.items():
        if key == "type":
            continue
        if key == "scale":
            row["options"] = value
        elif key == "options":
            name = item_id if item_id not in scales else f"{item_id}.options"
            row["options"] = name
            _choices(sheets, name, value)
        elif ("answer", key) in _ITEM_COLUMNS:
            row[key] = encode(_ITEM_COLUMNS["answer", key], value)
        else:
            column = f"answer.{key}" if key in fields.item_fields() or key in COVERED else key
            sheets.put(row, column, generic("answer", key, value, kind))


def _choices(sheets: Sheets, name: str, options: list[dict[str, Any]]) -> None:
    for option in options:
        row: Row = {"list_name": name}
        for key, value in option.items():
            row[key] = generic("option", key, value)
        sheets.choices.append(row)


def encode(column: Column, value: Any) -> Any:
    if column.form == "range":
        return cells.friendly(value, cells.range_text, cells.read_range)
    if column.form == "condition":
        return cells.friendly(value, cells.show_if_text, cells.read_show_if)
    if column.form == "list":
        return cells.friendly(value, cells.list_text, cells.read_list)
    if isinstance(value, str | int | float):
        return value
    return cells.flow(value)
