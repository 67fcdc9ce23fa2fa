"""Write docs/checklist-template.xlsx from docs/checklist-template.yaml (a test checks the two agree)."""

from __future__ import annotations

from pathlib import Path

from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.spreadsheets import checklist_workbook

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    checklist = load_checklist_file(DOCS / "checklist-template.yaml")
    (DOCS / "checklist-template.xlsx").write_bytes(checklist_workbook(checklist))


if __name__ == "__main__":
    main()
