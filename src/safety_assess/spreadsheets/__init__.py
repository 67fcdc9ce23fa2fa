"""Checklists as spreadsheets, in the spirit of XLSForm: a ``survey`` sheet with one row per section, group or
item, ``choices`` with the options of each list, ``scales`` naming the checklist's shared scales, ``settings``
with the checklist's own fields. Layout and rules: docs/checklist-spreadsheets.md."""

from __future__ import annotations

from safety_assess.domain.checklist.model import Checklist
from safety_assess.spreadsheets.book import workbook_bytes
from safety_assess.spreadsheets.importing import read_workbook
from safety_assess.spreadsheets.problems import CellIssue, WorkbookInvalid
from safety_assess.spreadsheets.writing import sheets_of

__all__ = ["CellIssue", "WorkbookInvalid", "checklist_workbook", "read_workbook"]


def checklist_workbook(checklist: Checklist) -> bytes:
    """The checklist as .xlsx bytes (the same checklist always gives the same bytes)."""
    document = checklist.model_dump(mode="json", exclude_defaults=True)
    document = {"schema_version": checklist.schema_version, **document}
    return workbook_bytes(sheets_of(document))
