"""A campus's recurring spot checks: each schedule with this period done or due and the periods missed (overdue in
the warning colour), a schedule added through a form (checklist, sections to tick, how often) or stopped, and "Start
the check", which makes the run and opens it in the walkthrough window showing only the schedule's sections. Every
write is published on the change channel; changes made elsewhere are read again."""

from __future__ import annotations

import datetime as dt
import html
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services import spot_checks
from safety_assess.services.spot_checks import CheckStanding
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.registry import Registry
from safety_assess.ui.spot_checks import form
from safety_assess.ui.spot_checks.actions import CHECK_ACTIONS
from safety_assess.ui.spot_checks.models import ChecksModel


class SpotCheckWindow(QMainWindow):
    def __init__(self, workspace: Workspace, campus_id: uuid.UUID, channel: ChangeChannel, registry: Registry) -> None:
        super().__init__()
        self.workspace, self.campus_id, self.channel, self.registry = workspace, campus_id, channel, registry
        self.campus = workspace.campuses.get(campus_id)
        self.setWindowTitle(f"Spot checks: {self.campus.name}")
        self.resize(900, 480)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.checks = ChecksModel(self)
        self.view = QTableView()
        self.view.setObjectName("spotChecks")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setModel(self.checks)
        self.view.activated.connect(lambda *_: self.start_check())
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(body)
        self.actions_by_id = build_window_actions(self, "Spot check tools", CHECK_ACTIONS)
        self.reload()
        channel.subscribe(self._follow)

    def reload(self) -> None:
        found = spot_checks.standings(self.workspace, dt.date.today(), self.campus_id)
        due = sum(1 for c in found if c.standing.due)
        overdue = sum(1 for c in found if c.standing.overdue)
        told = f"{due} due, {overdue} overdue" if found else "no spot checks yet: add one (Ctrl+N)"
        name, code = html.escape(self.campus.name), html.escape(self.campus.code)
        self.heading.setText(f"<b>{name}</b> ({code}): {told}")
        chosen = self.chosen()
        self.checks.set_rows(found)
        ids = [c.standing.schedule.id for c in found]
        if ids:
            keep = chosen.standing.schedule.id if chosen is not None else None
            self.view.selectRow(ids.index(keep) if keep in ids else 0)

    def chosen(self) -> CheckStanding | None:
        index = self.view.currentIndex()
        return self.checks.row(index) if index.isValid() and index.row() < len(self.checks.rows) else None

    def add_schedule(self) -> None:
        checklists = [entry.checklist for entry in self.workspace.catalog.newest()]
        asked = form.ask_schedule(self, checklists)
        if asked is None:
            return
        by = self.workspace.settings.assessor_name
        try:
            spot_checks.set_up(
                self.workspace, self.campus_id, asked.checklist_id, asked.every, asked.sections, asked.starts,
                dt.date.today(), by,
            )  # fmt: skip
        except SafetyAssessError as error:
            dialogs.show_error(self, "Spot check not added", str(error))
            return
        self._published(Changes(campuses=True))

    def start_check(self) -> None:
        """Open this period's run begun and not finished, else make a run dated today; in the walkthrough."""
        chosen = self.chosen()
        if chosen is None:
            self.statusBar().showMessage("Choose a spot check first.", 4000)
            return
        run = chosen.started
        if run is None:
            by = [self.workspace.settings.assessor_name]
            try:
                run = spot_checks.start_run(
                    self.workspace, chosen.standing.schedule.id, dt.date.today(), dt.date.today(), by
                )
            except SafetyAssessError as error:
                dialogs.show_error(self, "Spot check not started", str(error))
                return
            self._published(Changes(assessments=frozenset({run}), campuses=True))
        self.registry.open_walkthrough(run)

    def stop_schedule(self) -> None:
        chosen = self.chosen()
        if chosen is None or not dialogs.confirm(self, "Stop spot check", f"Stop checking {chosen.title}?"):
            return
        try:
            spot_checks.stop(self.workspace, chosen.standing.schedule.id)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Spot check not stopped", str(error))
            return
        self._published(Changes(campuses=True))

    def _published(self, changes: Changes) -> None:
        self.channel.publish(changes, self)
        self.reload()

    def _follow(self, changes: Changes, origin: object) -> None:
        if origin is not self and (changes.campuses or changes.assessments or changes.settings):
            self.reload()
