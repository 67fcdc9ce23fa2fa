"""A problem found in a checklist workbook, located by sheet and cell ('survey!G12')."""

from __future__ import annotations

from dataclasses import dataclass, field

from safety_assess.domain.errors import SafetyAssessError


@dataclass(frozen=True)
class CellIssue:
    """One problem: the sheet and cell it is in (None for the workbook as a whole) and what is wrong."""

    sheet: str | None
    cell: str | None
    message: str

    def where(self) -> str:
        if self.sheet is None:
            return ""
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def format(self, source: str) -> str:
        where = self.where()
        return f"{source}:{where}: {self.message}" if where else f"{source}: {self.message}"


@dataclass
class WorkbookInvalid(SafetyAssessError):
    """A checklist workbook has one or more problems; nothing was written."""

    issues: list[CellIssue]
    source: str = field(default="<workbook>")

    def __post_init__(self) -> None:
        super().__init__(self.lines()[0] if self.issues else "invalid workbook")

    def lines(self) -> list[str]:
        return [issue.format(self.source) for issue in self.issues]

    def __str__(self) -> str:
        return "\n".join(self.lines())


def refuse(message: str, sheet: str | None = None, cell: str | None = None) -> WorkbookInvalid:
    return WorkbookInvalid([CellIssue(sheet, cell, message)])
