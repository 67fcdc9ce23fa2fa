"""The map window's two tables: the campus's plans, and the coverage list (every door and zone, the cameras that
see it and how well; those no camera sees first)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.ui.models.rows import Column, RowsModel

UNSEEN_COLOR = "#b71c1c"
"""Rows no camera sees: dark red (the table writes white on it), so they stand out in grey print too."""


def plan_text(plan: SiteMap) -> str:
    scale = f"{plan.pixels_per_metre:.1f} px/m" if plan.pixels_per_metre else "no scale"
    turned = f", turned {plan.rotation}°" if plan.rotation else ""
    return f"{plan.title} ({scale}{turned})"


class PlansModel(RowsModel[SiteMap]):
    columns = (Column("Plan", plan_text, lambda plan: plan.position),)


@dataclass(frozen=True)
class CoverageRow:
    id: uuid.UUID
    what: str
    """'Exterior door 3', 'Zone: Playground'."""
    seen_by: tuple[str, ...]
    """'Camera 4 (recognition)' for each camera that sees it."""

    @property
    def covered(self) -> bool:
        return bool(self.seen_by)


def _what(item: Mapping[str, Any]) -> str:
    kind = str(item.get("kind", ""))
    label = str(item.get("label") or "")
    number = item.get("number")
    name = {"exterior-door": "Exterior door", "door": "Interior door", "zone": "Zone"}.get(kind, kind)
    if kind == "zone":
        return f"Zone: {label}"
    return " ".join(part for part in (name, str(number) if number is not None else "", label and f"({label})") if part)


def _seen(entry: Mapping[str, Any]) -> str:
    name = str(entry.get("label") or "camera")
    level = entry.get("level")
    return f"{name} ({level})" if level else name


def coverage_rows(report: Mapping[str, Any]) -> list[CoverageRow]:
    """From a coverage report (``domain.sitemap.coverage``'s JSON-ready form): unseen items first, then in order."""
    rows = [
        CoverageRow(uuid.UUID(str(item["id"])), _what(item), tuple(_seen(e) for e in item.get("covered_by", ())))
        for item in report.get("items", ())
    ]
    return sorted(rows, key=lambda row: row.covered)


class CoverageModel(RowsModel[CoverageRow]):
    columns = (
        Column(
            "Door or zone",
            lambda row: ("Not seen: " if not row.covered else "") + row.what,
            lambda r: r.what,
            background=lambda row: None if row.covered else UNSEEN_COLOR,
        ),
        Column(
            "Seen by",
            lambda row: ", ".join(row.seen_by) or "no camera",
            background=lambda row: None if row.covered else UNSEEN_COLOR,
        ),
    )
