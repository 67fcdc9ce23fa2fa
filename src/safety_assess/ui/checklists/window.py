"""The checklists in use with their versions (built in, or added to the data folder), and the files behind them:
validate a YAML or XLSX file (its problems listed by line or by sheet and cell), add one to the data folder, export
the selected checklist as a workbook. File work runs off the UI thread; file dialogs are the patchable ``ask_…``
functions below."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes, Progress
from safety_assess.domain.display import counted
from safety_assess.services import checklists
from safety_assess.services.checklists import ChecklistFileInvalid, InUse, Problem
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.models.rows import Column, RowsModel
from safety_assess.ui.operations import Operations

FILE_FILTER = "Checklists (*.yaml *.yml *.xlsx)"


def ask_checklist_file(parent: QWidget | None, title: str) -> Path | None:
    """A checklist file to read (YAML or XLSX); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", FILE_FILTER)
    return Path(name) if name else None


def ask_workbook_target(parent: QWidget | None, suggested: Path) -> Path | None:
    return dialogs.ask_save_path(parent, "Export checklist as a workbook", suggested, "Workbooks (*.xlsx)")


@dataclass(frozen=True)
class Checked:
    """How checking (or adding) a file went: what it holds, or its problems; and what was changed."""

    path: Path
    summary: str
    problems: list[Problem] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


class InUseModel(RowsModel[InUse]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column[InUse]("Checklist", lambda c: c.title),
            Column[InUse]("ID", lambda c: c.id),
            Column[InUse]("Version", lambda c: c.version),
            Column[InUse]("Items", lambda c: str(c.items)),
            Column[InUse]("From", lambda c: "built in" if c.builtin else f"data folder: {c.path.name}"),
        )


class ProblemsModel(RowsModel[Problem]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = (
            Column[Problem]("Where", lambda p: p.where or "the file"),
            Column[Problem]("Problem", lambda p: p.message),
        )


def _table(model: RowsModel[InUse] | RowsModel[Problem], name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def check_file(path: Path, add_to: Workspace | None = None) -> Checked:
    """The job behind Validate and Import: the file's checklist, or its problems (never raised)."""
    try:
        if add_to is None:
            found = checklists.load_file(path)
            return Checked(
                path,
                f"{path.name}: {found.title} ({found.id} {found.version}), "
                f"{counted(found.item_count(), 'item')}: no problems",
            )
        changes = checklists.add_to_workspace(add_to, path)
        found = checklists.load_file(path)
    except ChecklistFileInvalid as error:
        added = "; nothing was added" if add_to is not None else ""
        return Checked(path, f"{path.name}: {counted(len(error.problems), 'problem')}{added}", error.problems)
    done = "added to the data folder" if changes else "already in use, unchanged"
    return Checked(path, f"{path.name}: {found.id} {found.version} {done}", changes=changes)


WAITING = "Validate or import a YAML or XLSX file: its problems are listed below, by line or by sheet and cell."
"""What the status line says before a file is read (the empty table below it would say nothing)."""


class ChecklistsWindow(QMainWindow):
    """One per app (``Windows.open_checklists``); follows checklists added elsewhere."""

    def __init__(self, workspace: Workspace, channel: ChangeChannel) -> None:
        super().__init__()
        self.workspace, self.channel = workspace, channel
        self.setObjectName("ChecklistsWindow")
        self.setWindowTitle("Checklists - Safety Assess")
        self.operations = Operations(channel, self)
        self.in_use, self.problems = InUseModel(self), ProblemsModel(self)
        self.list, self.problem_list = (
            _table(self.in_use, "checklistsInUse"),
            _table(self.problems, "checklistProblems"),
        )
        self.status = QLabel(WAITING)
        self.status.setObjectName("checklistStatus")
        self.status.setWordWrap(True)
        self.validate = QPushButton("&Validate a file…")
        self.add = QPushButton("&Import into the data folder…")
        self.export = QPushButton("&Export the selected one to XLSX…")
        self._build()
        self.validate.clicked.connect(lambda: self._check(add=False))
        self.add.clicked.connect(lambda: self._check(add=True))
        self.export.clicked.connect(self._export)
        channel.subscribe(self._follow)
        self.reload()
        self.resize(900, 560)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.validate, self.add, self.export):
            buttons.addWidget(button)
        buttons.addStretch(1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel("Checklists in use (built in, and added to the data folder):"))
        layout.addWidget(self.list, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.problem_list, 2)
        self.setCentralWidget(central)

    def reload(self) -> None:
        self.in_use.set_rows(checklists.in_use(self.workspace.catalog))
        if self.in_use.rowCount():
            self.list.selectRow(0)

    def _follow(self, changes: Changes, _origin: object) -> None:
        if changes.catalog:
            self.reload()

    def selected(self) -> InUse | None:
        rows = self.list.selectionModel().selectedRows()
        return self.in_use.row(rows[0]) if rows else None

    def _check(self, add: bool) -> None:
        path = ask_checklist_file(self, "Import a checklist" if add else "Validate a checklist file")
        if path is None:
            return
        workspace = self.workspace if add else None
        self.problems.set_rows([])
        self.status.setText(f"Reading {path.name}…")
        self.operations.run(
            f"Checking {path.name}",
            lambda _: check_file(path, workspace),
            on_done=self._checked,
            on_error=self.status.setText,
            changes=lambda checked: checked.changes,
            owner=self,
        )

    def _checked(self, checked: Checked) -> None:
        self.status.setText(checked.summary)
        self.problems.set_rows(checked.problems)

    def _export(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.status.setText("Select a checklist to export.")
            return
        out = ask_workbook_target(self, Path.home() / f"{chosen.id}-{chosen.version}.xlsx")
        if out is None:
            return
        checklist = self.workspace.catalog.get(chosen.id, chosen.version)

        def work(_: Progress) -> Path:
            checklists.export_workbook(checklist, out)
            return out

        self.problems.set_rows([])
        self.status.setText(f"Writing {out.name}…")
        self.operations.run(
            f"Exporting {chosen.id}",
            work,
            on_done=lambda path: self.status.setText(f"{path}: {chosen.id} {chosen.version} written"),
            on_error=self.status.setText,
            owner=self,
        )
