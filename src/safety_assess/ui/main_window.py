"""The main window: campuses and their assessments, and the commands to add them."""

from __future__ import annotations

import base64
import dataclasses
import html
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QSplitter, QTreeView, QWidget

from safety_assess.base.atomic import WriteError
from safety_assess.base.jobs import Changes
from safety_assess.base.settings import Settings
from safety_assess.domain.display import counted
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import AssessmentSummary, Campus
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.bundle import bundle_paths
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.main_actions import MAIN_ACTIONS
from safety_assess.ui.models.campus_tree import CampusTreeModel
from safety_assess.ui.operations import Operations
from safety_assess.ui.settings.host import Host
from safety_assess.ui.settings.housekeeping import Housekeeping
from safety_assess.ui.windows import Windows

if TYPE_CHECKING:
    from safety_assess.ui.live_refresh import LiveRefresh

# The windows, jobs and services a command opens are imported when it runs: only what the first paint needs is
# imported before the window shows (tests/e2e/test_startup.py).

REFRESH_DELAY_MS = 500


class MainWindow(QMainWindow):
    assessmentActivated = Signal(uuid.UUID)
    """An assessment was opened (double-click or Enter); the walkthrough connects here."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle("Safety Assess")
        self.setObjectName("MainWindow")
        self.model = CampusTreeModel(self)
        self.instance_lock: object | None = None
        self.photo_upload: object | None = None
        """On a shared server, the sending of this folder's photos the server lacks (ui.photo_upload), once started."""
        """The data folder's single-instance lock (ui.app), held while the window lives."""
        self.channel = ChangeChannel(self)
        """The app's one change channel, handed to every window opened from this one."""
        self.channel.follow(workspace.settings_store)
        self.channel.subscribe(self._follow)
        self.operations = Operations(self.channel, self)
        self.windows: Windows = Windows(workspace, self.channel, self, self.operations)
        """The other windows open: walkthroughs, plans, the district view, report previews."""
        self.housekeeping: Housekeeping = Housekeeping(
            Host(self, workspace, self.operations, self.channel, self.windows, self.select, self.use_district_key)
        )
        self.live: LiveRefresh | None = None
        """Colleagues' changes on a shared database, once ``start_live_refresh`` ran."""
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(lambda: self.refresh(select=self.selected_id()))
        self.assessmentActivated.connect(self.open_assessment)
        self.tree = self._build_tree()
        self.details = QLabel()
        self.details.setObjectName("details")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMargin(12)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self.actions_by_id = build_window_actions(self, "Main", MAIN_ACTIONS)
        self.setAcceptDrops(True)  # bundles dropped on the window are imported
        self.statusBar().showMessage(where_data_lives(workspace))
        if workspace.shared:
            self.setWindowTitle(f"Safety Assess — shared database {workspace.target}")
        self._restore_geometry()
        self.refresh()

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("campusTree")
        tree.setAccessibleName("Campuses and assessments")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 180), (3, 100), (4, 80)):
            header.resizeSection(column, width)
        tree.selectionModel().currentChanged.connect(self._show_details)
        tree.activated.connect(self._activate)
        return tree

    def refresh(self, select: uuid.UUID | None = None) -> None:
        self.model.reset(*self.workspace.overview())
        if select is not None:
            self.select(select)
        else:
            self._show_details(self.tree.currentIndex())

    def select(self, record_id: uuid.UUID) -> None:
        """Make the campus or assessment listed with this id the current one."""
        index = self.model.find(record_id)
        self.tree.expand(index.parent())
        self.tree.setCurrentIndex(index)
        self._show_details(self.tree.currentIndex())

    def refresh_soon(self) -> None:
        """Reload the list once things settle: a walkthrough reports every answer, the list need not follow each."""
        self._refresh_timer.start()

    def _follow(self, changes: Changes, _origin: object) -> None:
        """The list shows campuses and assessments with their progress: campuses or assessments added, completed or
        brought in show at once (this window's own too); answers given in a walkthrough once they settle."""
        if changes.campuses or changes.assessments:
            self.refresh(select=self.selected_id())
        elif changes.answers:
            self.refresh_soon()

    def selected_id(self) -> uuid.UUID | None:
        record = self.selected()
        return record.id if record is not None else None

    def selected(self) -> Campus | AssessmentSummary | None:
        index = self.tree.currentIndex()
        return self.model.record(index) if index.isValid() else None

    def new_campus(self) -> None:
        answer = dialogs.ask_new_campus(self)
        if answer is None:
            return
        try:
            campus = self.workspace.campuses.add(answer.name, answer.code, answer.address, answer.kind)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Campus not added", str(error))
            return
        self.channel.publish(Changes(campuses=True), self)
        self.select(campus.id)

    def new_assessment(self) -> None:
        campuses = self.workspace.campuses.list()
        if not campuses:
            dialogs.show_error(self, "No campus yet", "Add a campus first (File > New campus).")
            return
        catalog = self.workspace.catalog
        choices = [
            dialogs.ChecklistChoice(e.checklist.id, e.checklist.version, e.checklist.title, e.checklist.item_count())
            for e in catalog.newest()
        ]
        if catalog.problems:
            first = catalog.problems[0].lines()[0]
            self.statusBar().showMessage(f"{len(catalog.problems)} checklist file(s) skipped: {first}")
        current = self.selected()
        campus_code = current.code if isinstance(current, Campus) else (current.campus.code if current else None)
        answer = dialogs.ask_new_assessment(self, campuses, choices, self.workspace.settings.assessor_name, campus_code)
        if answer is None:
            return
        from safety_assess.services.assessments import start_assessment

        try:
            summary = start_assessment(
                self.workspace,
                answer.campus_code,
                answer.checklist_id,
                answer.assessors,
                answer.assessed_on,
                answer.checklist_version,
            )
        except SafetyAssessError as error:
            dialogs.show_error(self, "Assessment not started", str(error))
            return
        self.channel.publish(Changes(assessments=frozenset({summary.id})), self)
        if answer.assessors:  # the name a person sees is the name recorded from now on, in every window
            self._save_settings(dataclasses.replace(self.workspace.settings, assessor_name=", ".join(answer.assessors)))
        self.select(summary.id)
        self.open_assessment(summary.id)

    def open_selected(self) -> None:
        record = self.selected()
        if isinstance(record, AssessmentSummary):
            self.open_assessment(record.id)
        else:
            self.statusBar().showMessage("Select an assessment to open.", 4000)

    def open_assessment(self, assessment_id: uuid.UUID) -> None:
        """Show the assessment's walkthrough (bringing it forward when already open)."""
        self.windows.open_walkthrough(assessment_id)

    def open_selected_plan(self) -> None:
        record = self.selected()
        if isinstance(record, AssessmentSummary):
            self.open_plan(record.id)
        else:
            self.statusBar().showMessage("Select an assessment to see its findings and action plan.", 4000)

    def open_selected_maps(self) -> None:
        """The site plans of the selected campus (or of the selected assessment's campus)."""
        campus_id = self.selected_campus("its site plans")
        if campus_id is not None:
            self.windows.open_maps(campus_id)

    def open_selected_drills(self) -> None:
        """The drill log of the selected campus (or of the selected assessment's campus)."""
        campus_id = self.selected_campus("its drill log")
        if campus_id is not None:
            self.windows.open_drills(campus_id)

    def open_selected_spot_checks(self) -> None:
        """The spot checks of the selected campus (or of the selected assessment's campus)."""
        campus_id = self.selected_campus("its spot checks")
        if campus_id is not None:
            self.windows.open_spot_checks(campus_id)

    def selected_campus(self, to_see: str) -> uuid.UUID | None:
        """The selected campus, or the selected assessment's; None (and said how to choose one) when neither."""
        record = self.selected()
        if record is None:
            self.statusBar().showMessage(f"Select a campus to see {to_see}.", 4000)
            return None
        return record.id if isinstance(record, Campus) else record.campus.id

    def export_selected(self) -> None:
        record = self.selected()
        if not isinstance(record, AssessmentSummary):
            self.statusBar().showMessage("Select an assessment to export its action plan.", 4000)
            return
        self.windows.export_report(self, record.id, self.operations)

    def open_district(self) -> None:
        """Show the district view (brought forward and refreshed when already open)."""
        self.windows.open_district()

    def export_bundle(self) -> None:
        from safety_assess.ui.bundle.exporting import BundleExport

        BundleExport(self, self.workspace, self.operations).start(self.selected_assessment_id())

    def team_pack(self) -> None:
        from safety_assess.ui.bundle.team import TeamPackExport

        assessment_id = self.selected_assessment_id()
        if assessment_id is None:
            self.statusBar().showMessage("Select an assessment to pack it for a second laptop.", 4000)
            return
        TeamPackExport(self, self.workspace, self.operations).start(assessment_id)

    def import_bundles(self) -> None:
        self.import_bundle_files(dialogs.ask_bundle_files(self))

    def import_bundle_files(self, paths: list[Path]) -> None:
        from safety_assess.ui.bundle.importing import BundleImport

        if paths:
            BundleImport(self, self.workspace, self.operations).start(paths)

    def use_district_key(self) -> None:
        from safety_assess.ui.bundle.keys import use_district_key

        use_district_key(self, self.workspace)

    def export_district_key(self) -> None:
        from safety_assess.ui.bundle.keys import export_district_key

        export_district_key(self, self.workspace)

    def selected_assessment_id(self) -> uuid.UUID | None:
        record = self.selected()
        return record.id if isinstance(record, AssessmentSummary) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if bundle_paths(_dropped(event.mimeData())):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_paths(_dropped(event.mimeData()))
        if paths:
            event.acceptProposedAction()
            self.import_bundle_files(paths)

    def open_plan(self, assessment_id: uuid.UUID) -> None:
        """Show the assessment's findings and action plan (bringing the window forward when already open)."""
        self.windows.open_plan(assessment_id)

    def show_about(self) -> None:
        dialogs.show_about(self, where_data_lives(self.workspace), self.workspace.signing_fingerprint)

    def _activate(self, index: QModelIndex) -> None:
        record = self.model.record(index)
        if isinstance(record, AssessmentSummary):
            self.assessmentActivated.emit(record.id)

    def _show_details(self, index: QModelIndex) -> None:
        if not index.isValid():
            count = self.model.rowCount()
            self.details.setText(
                "<p>No campus yet. Add one with <b>New campus</b>, then start an assessment.</p>"
                if count == 0
                else f"<p>{count} campus{'es' if count != 1 else ''}. Select one to see its assessments.</p>"
            )
            return
        record = self.model.record(index)
        if isinstance(record, Campus):
            self.details.setText(_campus_html(record))
            return
        waiting = self.conflicts_of(record.id)
        told = f"<p><b>⚠ {counted(waiting, 'conflict')} to resolve</b> (File &gt; Resolve conflicts).</p>"
        self.details.setText(_assessment_html(record) + (told if waiting else "") + self.team_html(record.id))

    def team_html(self, assessment_id: uuid.UUID) -> str:
        """The team packs made here of the assessment, one line each with whose work came back."""
        from safety_assess.domain.team import given_line
        from safety_assess.services.team import packs

        return "".join(f"<p>{_escape(given_line(pack))}</p>" for pack in packs(self.workspace, assessment_id))

    def conflicts_of(self, assessment_id: uuid.UUID) -> int:
        """How many merge conflicts wait in the assessment."""
        from safety_assess.services.merge_conflicts import conflicts

        try:
            return len(conflicts(self.workspace, assessment_id))
        except SafetyAssessError:
            return 0

    def open_conflicts(self) -> None:
        assessment_id = self.selected_assessment_id()
        if assessment_id is None:
            self.statusBar().showMessage("Select an assessment to see its conflicts.", 4000)
            return
        self.windows.open_conflicts(assessment_id)

    def _restore_geometry(self) -> None:
        try:
            saved = base64.b64decode(self.workspace.settings.main_window_geometry, validate=True)
        except ValueError:
            saved = b""
        if not saved or not self.restoreGeometry(QByteArray(saved)):
            self.resize(1100, 700)

    def warm_up(self) -> None:
        """Open the database layer and load the checklists in the background, and tidy up after a crash."""
        from safety_assess.ui.after_crash import tidy_up_after_a_crash

        self.operations.run("Loading", lambda _progress: self.workspace.warm_up())
        tidy_up_after_a_crash(self, self.workspace, self.operations)
        if self.workspace.shared:  # this folder's photos the server lacks are sent to it
            from safety_assess.ui.photo_upload import PhotoUpload

            self.photo_upload = PhotoUpload(self, self.workspace, self.operations, self.statusBar().showMessage)
            self.photo_upload.start()

    def start_live_refresh(self) -> None:
        """On a shared database, show colleagues' changes in every window as they are committed (the app starts it
        once the window shows; closing the window, to quit or to move to another data folder, stops it)."""
        if self.workspace.shared and self.live is None:
            from safety_assess.ui.live_refresh import LiveRefresh

            self.live = LiveRefresh(self.workspace, self.channel, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.live is not None:
            self.live.stop()
        self.windows.close_all()
        self.operations.cancel_all()
        self.operations.wait_all(30_000)
        geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        self._save_settings(dataclasses.replace(self.workspace.settings, main_window_geometry=geometry))
        self._release_data_folder()
        super().closeEvent(event)

    def _release_data_folder(self) -> None:
        """Everything is closed and written: a new start may open the data folder at once."""
        if isinstance(self.instance_lock, QLockFile):
            self.instance_lock.unlock()
        self.instance_lock = None

    def _save_settings(self, settings: Settings) -> None:
        try:
            self.workspace.settings_store.save(settings)
        except WriteError as error:
            dialogs.show_error(self, "Settings not saved", str(error))


def _dropped(data: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


def _campus_html(campus: Campus) -> str:
    address = _escape(campus.address) or "<i>no address</i>"
    return f"<h2>{_escape(campus.name)}</h2><p>Code {_escape(campus.code)}<br>{address}</p>"


def _assessment_html(summary: AssessmentSummary) -> str:
    assessors = _escape(", ".join(summary.assessors)) or "<i>none named</i>"
    return (
        f"<h2>{_escape(summary.campus.name)}</h2>"
        f"<p><b>{_escape(summary.checklist.title)}</b> {_escape(summary.checklist.version)}<br>"
        f"Date: {summary.assessed_on.isoformat()}<br>Assessors: {assessors}<br>"
        f"Status: {summary.status.value.replace('_', ' ')}<br>Answers recorded: {summary.answered}</p>"
        + (
            f"<p>Imported from device <code>{_escape(summary.source_device)}</code>; read-only here.</p>"
            if summary.source_device
            else ""
        )
        + (
            "<p><b>Conflicting copy:</b> two laptops edited this assessment differently.</p>"
            if summary.conflict_of
            else ""
        )
    )


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def where_data_lives(workspace: Workspace) -> str:
    if workspace.shared:
        return f"Shared database: {workspace.target}; photos and keys in {workspace.data_dir.root}"
    return f"Data folder: {workspace.data_dir.root}"
