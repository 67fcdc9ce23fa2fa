"""The workbook's sheets and columns: the friendly columns of the ``survey`` sheet and what each holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from safety_assess.spreadsheets import fields

SURVEY: Final = "survey"
CHOICES: Final = "choices"
SCALES: Final = "scales"
SETTINGS: Final = "settings"

SECTION: Final = "section"
BEGIN_GROUP: Final = "begin_group"
END_GROUP: Final = "end_group"
ROW_TYPES: Final = (SECTION, BEGIN_GROUP, END_GROUP)


@dataclass(frozen=True)
class Column:
    """A friendly survey column: where its value lives in an item (``item`` fields, ``answer`` fields or
    ``tags`` fields) and under which name, and how it is written (text, number, range, condition, list)."""

    name: str
    where: str
    field: str
    form: str = "text"
    width: int = 14


COLUMNS: Final = (
    Column("type", "answer", "type", width=16),
    Column("section", "row", "section", width=16),
    Column("id", "item", "id", width=24),
    Column("prompt", "item", "prompt", width=50),
    Column("guidance", "item", "guidance", width=50),
    Column("options", "answer", "options", width=18),
    Column("unit", "answer", "unit", width=10),
    Column("acceptable", "answer", "acceptable", "range"),
    Column("deficient_if", "answer", "deficient_if", width=12),
    Column("show_if", "item", "show_if", "condition", width=24),
    Column("likelihood", "item", "likelihood", "number", width=11),
    Column("severity", "item", "severity", "number", width=10),
    Column("recommendation", "item", "action", width=50),
    Column("cost", "item", "cost", width=11),
    Column("layer", "tags", "layer", width=18),
    Column("tier", "tags", "tier", "number", width=6),
    Column("tags", "tags", "topics", "list", width=24),
    Column("components", "tags", "components", "list", width=24),
    Column("functions", "tags", "functions", "list", width=18),
)
BY_NAME: Final = {column.name: column for column in COLUMNS}

COVERED: Final = frozenset({"action", "title", "description", "group", "answer", "scale", "items", "tags", "options"})
"""Model field names a friendly column already stands for; they are not columns of their own."""

CHOICE_COLUMNS: Final = ("list_name", "value", "label", "meaning", "outcome", "deficient")
SCALE_COLUMNS: Final = ("name", "description")
SETTING_COLUMNS: Final = ("setting", "value")
WIDE: Final = frozenset({"prompt", "guidance", "recommendation", "label", "meaning", "description", "value"})


def survey_columns() -> frozenset[str]:
    """Every column name a survey sheet may have: the friendly ones and one per other field of the format."""
    others = fields.item_fields() | fields.answer_fields() | fields.group_fields() | fields.section_fields()
    prefixed = {f"answer.{name}" for name in fields.answer_fields()}
    return frozenset(BY_NAME) | (others - COVERED) | prefixed


def choice_columns() -> frozenset[str]:
    return frozenset(CHOICE_COLUMNS) | fields.option_fields()


def scale_columns() -> frozenset[str]:
    return frozenset(SCALE_COLUMNS) | fields.scale_fields()
