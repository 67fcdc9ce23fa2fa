"""A problem found in a checklist document, located by its path in the document."""

from __future__ import annotations

from dataclasses import dataclass, field

from safety_assess.domain.errors import SafetyAssessError

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (path into the document, and line and column once a file is known) and what is
    wrong. A problem of the file as a whole (it is not YAML, not text) has no path."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None

    def dotted(self) -> str:
        return ".".join(str(p) for p in self.path)

    def format(self, source: str) -> str:
        where = source
        for number in (self.line, self.column):
            if number is None:
                break
            where += f":{number}"
        return f"{where}: {self.dotted()}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass
class ChecklistInvalid(SafetyAssessError):
    """A checklist document has one or more problems."""

    issues: list[Issue]
    source: str = field(default="<checklist>")

    def __post_init__(self) -> None:
        super().__init__(self.lines()[0] if self.issues else "invalid checklist")

    def lines(self) -> list[str]:
        return [issue.format(self.source) for issue in self.issues]

    def __str__(self) -> str:
        return "\n".join(self.lines())
