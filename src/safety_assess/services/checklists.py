"""Checklist files for the command line and the Checklists window: which checklists are in use, checking a YAML
or XLSX file, turning one into the other, and adding a checklist to the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safety_assess.base.atomic import replacing, write_text
from safety_assess.base.jobs import Changes
from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist.catalog import Catalog, checklist_files, load_catalog
from safety_assess.domain.checklist.issues import ChecklistInvalid
from safety_assess.domain.checklist.model import FORMAT_VERSION, Checklist
from safety_assess.domain.checklist.yamlfile import read_checklist_file
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.workspace import Workspace
from safety_assess.spreadsheets import WorkbookInvalid, checklist_workbook, read_workbook
from safety_assess.spreadsheets.yamltext import checklist_yaml

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".xltm")


@dataclass(frozen=True)
class Problem:
    """One problem of a checklist file: where (``survey!G12``, ``line 14``, or empty) and what."""

    where: str
    message: str


class ChecklistFileInvalid(SafetyAssessError):
    """A checklist file (YAML or XLSX) has problems; ``problems`` lists each, ``lines`` as the CLI prints them."""

    def __init__(self, problems: list[Problem], lines: list[str]) -> None:
        super().__init__(lines[0] if lines else "invalid checklist file")
        self.problems = problems
        self.lines = lines


@dataclass(frozen=True)
class InUse:
    """A checklist the app offers: built in, or in the data folder."""

    id: str
    version: str
    title: str
    items: int
    builtin: bool
    path: Path


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in WORKBOOK_SUFFIXES


def files_to_read(paths: list[Path]) -> list[Path]:
    """The files named, and the YAML and .xlsx files found (recursively) in the folders named, each folder's sorted;
    the lock files Excel leaves beside an open workbook (~$name.xlsx) are no checklists."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        workbooks = (p for p in path.rglob("*.xlsx") if p.is_file() and not p.name.startswith("~$"))
        found += sorted([*checklist_files([path]), *workbooks])
    return found


def load_file(path: Path) -> Checklist:
    """The checklist in a YAML or XLSX file; ChecklistFileInvalid listing every problem."""
    return read_file(path)[0]


def read_file(path: Path) -> tuple[Checklist, int]:
    """``load_file``, with the format version the file is written in (a workbook is read as the current one)."""
    try:
        return (read_workbook(path)[0], FORMAT_VERSION) if is_workbook(path) else read_checklist_file(path)
    except WorkbookInvalid as error:
        problems = [Problem(issue.where(), issue.message) for issue in error.issues]
        raise ChecklistFileInvalid(problems, error.lines()) from None
    except ChecklistInvalid as error:
        problems = [
            Problem(_line(i.line, i.column), f"{i.dotted()}: {i.message}" if i.path else i.message)
            for i in error.issues
        ]
        raise ChecklistFileInvalid(problems, error.lines()) from None


def _line(line: int | None, column: int | None) -> str:
    if line is None:
        return ""
    return f"line {line}" + (f", column {column}" if column is not None else "")


def in_use(catalog: Catalog) -> list[InUse]:
    return [
        InUse(e.checklist.id, e.checklist.version, e.checklist.title, e.checklist.item_count(), e.builtin, e.path)
        for e in sorted(catalog.entries, key=lambda e: (e.checklist.title.lower(), e.checklist.version))
    ]


def export_workbook(checklist: Checklist, out: Path) -> None:
    """Write the checklist as an .xlsx workbook, whole or not at all."""
    try:
        data = checklist_workbook(checklist)
    except WorkbookInvalid as error:  # a text a spreadsheet cannot hold: said for the checklist, by row
        raise WorkbookInvalid(error.issues, f"{checklist.id} {checklist.version}") from None
    with replacing(out) as partial:
        partial.write_bytes(data)


def convert_to_yaml(source: Path, out: Path) -> Checklist:
    """Read a checklist file (XLSX or YAML) and write it as YAML; nothing is written when it has a problem."""
    checklist = load_file(source)
    write_text(out, checklist_yaml(checklist, _header(source)))
    return checklist


def _header(source: Path) -> list[str]:
    return [
        f"Checklist imported from {source.name} by Safety Assess.",
        "Format: docs/checklist-format.md; spreadsheets: docs/checklist-spreadsheets.md.",
    ]


def add_to_data_folder(source: Path, folder: Path, builtin: Path) -> tuple[Checklist, Changes]:
    """Add the checklist in ``source`` (YAML or XLSX) to the data folder's checklists, as ``ID-VERSION.yaml``.

    Refused when a checklist with the same id and version is already there with other content (raise the version);
    the same checklist again changes nothing."""
    checklist = load_file(source)
    catalog = load_catalog(builtin, folder)
    for entry in catalog.entries:
        if (entry.checklist.id, entry.checklist.version) == (checklist.id, checklist.version):
            if entry.checklist == checklist:
                return checklist, Changes()
            raise SafetyAssessError(
                f"{source.name}: {checklist.id} {checklist.version} is already in use ({entry.path.name}) with other "
                "content: raise the version in the file to add it as a new version"
            )
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{checklist.id}-{checklist.version}.yaml"
    if out.exists():
        raise SafetyAssessError(f"{out} already exists and is not a valid checklist: move it away first")
    write_text(out, checklist_yaml(checklist, _header(source)))
    return checklist, Changes(catalog=True)


def add_to_workspace(workspace: Workspace, source: Path) -> Changes:
    """Add the checklist in ``source`` to the workspace's data folder and read the checklists again."""
    _, changes = add_to_data_folder(source, workspace.data_dir.checklists, builtin_checklists_dir())
    if changes:
        workspace.reload_catalog()
    return changes
