"""docs/checklist-template.xlsx is the export of docs/checklist-template.yaml, and imports back to it."""

from __future__ import annotations

from pathlib import Path

from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.spreadsheets import checklist_workbook, read_workbook

DOCS = Path(__file__).resolve().parents[3] / "docs"


def test_the_template_is_up_to_date_and_reads_back() -> None:
    checklist = load_checklist_file(DOCS / "checklist-template.yaml")
    assert (DOCS / "checklist-template.xlsx").read_bytes() == checklist_workbook(checklist), (
        "run .venv/bin/python scripts/make_checklist_template.py"
    )
    assert read_workbook(DOCS / "checklist-template.xlsx")[0] == checklist
