"""A campus's drill log: done, required and overdue per drill type this school year (overdue in the warning colour),
the drills held, added and edited in a keyboard-first form, and a drill's issue made a finding in one step. Every
write is published on the change channel (as a change of campuses); changes made elsewhere are read again."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.drills import CampusKind, Drill, check_drill
from safety_assess.services import after_action, drills
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.drills import finding, form
from safety_assess.ui.drills.actions import DRILL_ACTIONS
from safety_assess.ui.drills.models import DrillsModel, StandingModel


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DrillWindow(QMainWindow):
    def __init__(self, workspace: Workspace, campus_id: uuid.UUID, channel: ChangeChannel) -> None:
        super().__init__()
        self.workspace, self.campus_id, self.channel = workspace, campus_id, channel
        self.campus = workspace.campuses.get(campus_id)
        self.setWindowTitle(f"Drill log: {self.campus.name}")
        self.resize(900, 620)
        self._build()
        self.actions_by_id = build_window_actions(self, "Drill tools", DRILL_ACTIONS)
        self.reload()
        channel.subscribe(self._follow)

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Campus kind")
        for kind in CampusKind:
            self.kind.addItem(kind.value.capitalize(), kind.value)
        self.kind.activated.connect(self._kind_chosen)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        kind_label = QLabel("Campus &kind:")
        kind_label.setBuddy(self.kind)
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        self.standing, self.drills = StandingModel(self), DrillsModel(self)
        self.standing_view, self.drills_view = _table("drillStanding"), _table("drillList")
        self.standing_view.setModel(self.standing)
        self.standing_view.setMaximumHeight(230)
        self.drills_view.setModel(self.drills)
        self.drills_view.doubleClicked.connect(lambda *_: self.edit_drill())
        self.drills_view.activated.connect(lambda *_: self.edit_drill())
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.standing_view)
        layout.addWidget(QLabel("Drills held (newest first):"))
        layout.addWidget(self.drills_view, 1)
        self.setCentralWidget(body)

    def reload(self) -> None:
        log = drills.drill_log(self.workspace, self.campus_id, dt.date.today())
        self.campus = log.campus
        overdue = sum(s.overdue for s in log.standing)
        told = f"{overdue} overdue" if overdue else "nothing overdue"
        self.heading.setText(
            f"<b>{html.escape(log.campus.name)}</b> ({html.escape(log.campus.code)}): school year {log.year.label}"
            f" ({log.year.start.isoformat()} to {log.year.end.isoformat()}), {told}"
        )
        self.kind.setCurrentIndex(list(CampusKind).index(log.kind))
        chosen = self.chosen()
        self.standing.set_rows(log.standing)
        self.drills.set_rows(log.drills)
        rows = [d.id for d in log.drills]
        if rows:
            self.drills_view.selectRow(rows.index(chosen.id) if chosen is not None and chosen.id in rows else 0)

    def chosen(self) -> Drill | None:
        index = self.drills_view.currentIndex()
        return self.drills.row(index) if index.isValid() and index.row() < len(self.drills.rows) else None

    def _check(self, drill: Drill) -> None:
        check_drill(drill, dt.date.today(), self.campus.opened_on)

    def add_drill(self) -> None:
        drill = form.ask_drill(self, self.campus_id, None, self._check)
        if drill is not None:
            self._written(lambda: drills.add_drill(self.workspace, drill, dt.date.today()), drill.id)

    def edit_drill(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.statusBar().showMessage("Choose a drill first.", 4000)
            return
        drill = form.ask_drill(self, self.campus_id, chosen, self._check)
        if drill is not None:
            self._written(lambda: drills.save_drill(self.workspace, drill, dt.date.today()), drill.id)

    def remove_drill(self) -> None:
        chosen = self.chosen()
        if chosen is not None and dialogs.confirm(self, "Remove drill", f"Remove the {chosen.title.lower()}?"):
            self._written(lambda: drills.remove_drill(self.workspace, chosen.id), None)

    def make_finding(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            self.statusBar().showMessage("Choose a drill first.", 4000)
            return
        try:
            phases = after_action.phases_for(self.workspace, self.campus_id)
        except SafetyAssessError as error:
            dialogs.show_error(self, "No finding made", str(error))
            return
        asked = finding.ask_finding(self, chosen, phases)
        if asked is None:
            return
        try:
            made = after_action.make_finding(
                self.workspace, chosen.id, asked.title, asked.likelihood, asked.severity, [asked.action]
            )
        except SafetyAssessError as error:
            dialogs.show_error(self, "No finding made", str(error))
            return
        self.channel.publish(Changes(plans=frozenset({made.assessment.id}), campuses=True), self)
        self.reload()
        when = made.assessment.assessed_on.isoformat()
        self.statusBar().showMessage(f"Finding and its action made in the assessment of {when}.", 6000)

    def _written(self, write: Callable[[], object], chosen: uuid.UUID | None) -> None:
        try:
            write()
        except SafetyAssessError as error:
            dialogs.show_error(self, "Drill not saved", str(error))
            return
        self.channel.publish(Changes(campuses=True), self)
        self.reload()
        if chosen is not None and chosen in [d.id for d in self.drills.rows]:
            self.drills_view.selectRow([d.id for d in self.drills.rows].index(chosen))

    def _kind_chosen(self, _index: int) -> None:
        kind = str(self.kind.currentData())
        if kind != self.campus.kind:
            self._written(lambda: self.workspace.campuses.describe(self.campus_id, kind=kind), None)

    def _follow(self, changes: Changes, origin: object) -> None:
        if origin is not self and (changes.campuses or changes.settings):
            self.reload()
