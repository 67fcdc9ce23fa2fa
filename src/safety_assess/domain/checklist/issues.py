"""A problem found in a checklist document, located by its path in the document."""

from __future__ import annotations

from dataclasses import dataclass, field

from safety_assess.domain.errors import SafetyAssessError

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Issue:
    """One problem: where it is (path into the document, and line once a file is known) and what is wrong."""

    path: Path
    message: str
    line: int | None = None

    def dotted(self) -> str:
        return ".".join(str(p) for p in self.path) or "(document)"

    def format(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line is not None else source
        return f"{where}: {self.dotted()}: {self.message}"


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
