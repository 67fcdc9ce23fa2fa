"""The findings and action-plan window of one assessment."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.scoring.findings import Finding, heat_map
from safety_assess.services.plan import PlanEditor, earlier_plan, load_plan, with_comparison
from safety_assess.services.settings import DISPLAY
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.gc_pause import collection_paused
from safety_assess.ui.operations import Operations
from safety_assess.ui.plan import adoption, summary
from safety_assess.ui.plan import format as fmt
from safety_assess.ui.plan.action_columns import ActionColumns
from safety_assess.ui.plan.actions import PLAN_ACTIONS
from safety_assess.ui.plan.commands import PlanCommands
from safety_assess.ui.plan.filters import ActionsFilter, FindingsFilter
from safety_assess.ui.plan.finding_panel import FindingPanel
from safety_assess.ui.plan.heat_map import HeatMap
from safety_assess.ui.plan.models import ActionsModel, CarriedModel, FindingsModel, ScoresModel
from safety_assess.ui.plan.review import ReviewCommands, load_review
from safety_assess.ui.plan.review_columns import CONTESTED, detail_text
from safety_assess.ui.plan.selection import choose_again, chosen_action
from safety_assess.ui.registry import Registry
from safety_assess.ui.widgets.combos import refill
from safety_assess.ui.widgets.tables import WrappedRows, fit_columns
from safety_assess.ui.widgets.thumbnails import thumbnails

RELOAD_DELAY_MS = 400
FILTERS = (("phase", "Phase"), ("band", "Band"), ("layer", "Layer"), ("status", "Status"), ("group", "Group"))
EARLIER_DELAY_MS = 200


def table(name: str, model: QAbstractItemModel, sortable: bool = True) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _read_in_full(view: QTableView, column: int, wrapped: tuple[int, ...]) -> None:
    """The column takes the width the others leave: an action is read in full (it wraps, its row as tall as it
    needs), not cut off at the column's edge."""
    view.horizontalHeader().setStretchLastSection(False)
    view.model().modelReset.connect(  # the header's sections are made again with each reset
        lambda: view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    )
    WrappedRows(view, wrapped)


class PlanWindow(QMainWindow):
    def __init__(
        self,
        workspace: Workspace,
        assessment_id: uuid.UUID,
        channel: ChangeChannel,
        registry: Registry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.channel, self.registry = channel, registry
        with collection_paused():
            self._setup(workspace, assessment_id)
        channel.subscribe(self._follow)
        # Read the earlier assessment once this window has painted: a thread started now would slow the painting.
        self._earlier_timer = QTimer(self, singleShot=True, interval=EARLIER_DELAY_MS)
        self._earlier_timer.timeout.connect(self._load_earlier)
        self._earlier_timer.start()

    def _setup(self, workspace: Workspace, assessment_id: uuid.UUID) -> None:
        self.setObjectName("PlanWindow")
        self.workspace, self.assessment_id = workspace, assessment_id
        self.editor = PlanEditor(workspace, assessment_id)
        self.plan: Plan = load_plan(workspace, assessment_id, compare_earlier=False)
        self.earlier: Plan | None = None
        """The earlier assessment's plan, read once in the background; each reload compares with it."""
        self.operations = Operations(self.channel, self)
        self.commands: PlanCommands = PlanCommands(self)
        self.review: ReviewCommands = ReviewCommands(self)
        self.findings_model, self.actions_model = FindingsModel(self), ActionsModel(self)
        self.scores_model, self.carried_model = ScoresModel(self), CarriedModel(self)
        self.findings_filter = FindingsFilter(self.findings_model, self)
        self.actions_filter = ActionsFilter(self.actions_model, self)
        self.header, self.totals, self.shown_total = QLabel(), QLabel(), QLabel()
        self.review_detail = QLabel()
        """What the group said of the selected action, the response, and what changed on it since the adoption."""
        self.adopted_line = QLabel()
        """Since when the plan is adopted, how many actions changed since, the cost then and now."""
        self.heat_map = HeatMap()
        self.panel = FindingPanel(thumbnails(workspace.photo_store, self.operations, self))
        self.findings_view = table("findingsTable", self.findings_filter)
        self.actions_view = table("actionsTable", self.actions_filter)
        self.action_columns = ActionColumns(self.actions_view, self.actions_model)
        self.scores_view = table("scoresTable", self.scores_model, sortable=False)
        self.carried_view = table("carriedTable", self.carried_model, sortable=False)
        self.filters: dict[str, QComboBox] = {}
        self.tabs = QTabWidget()
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(lambda: self.reload())
        self._build()
        self.actions_by_id = build_window_actions(self, "Plan", PLAN_ACTIONS)
        self._connect()
        self._show_plan()
        self.findings_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.actions_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setAcceptDrops(True)  # filled review packets
        self.resize(1280, 800)

    def _load_earlier(self) -> None:
        summary = self.plan.summary

        def done(before: Plan | None) -> None:
            self.earlier = before
            if before is not None:
                self.reload()

        self.operations.run(
            "Comparing with the earlier assessment",
            lambda _progress: earlier_plan(self.workspace, summary),
            on_done=done,
            on_error=lambda message: self.statusBar().showMessage(f"No comparison: {message}", 8000),
        )

    # Building ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.header.setObjectName("planHeader")
        self.header.setWordWrap(True)
        self.tabs.addTab(self._findings_tab(), "Fi&ndings")
        self.tabs.addTab(self._plan_tab(), "Ac&tion plan")
        self.tabs.addTab(self.scores_view, "Sc&ores")
        self.tabs.addTab(self._since_tab(), "Since &last assessment")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _findings_tab(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.heat_map.setMaximumHeight(260)
        self.cell_label = QLabel()
        column.addWidget(self.heat_map)
        column.addWidget(self.cell_label)
        column.addWidget(self.findings_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        scroll = QScrollArea()  # the finding's fields scroll rather than make the window taller than a laptop screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        splitter.addWidget(scroll)
        splitter.setSizes([640, 620])
        return splitter

    def _plan_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for field, label in FILTERS:
            combo = QComboBox()
            combo.setAccessibleName(f"Filter by {label.lower()}")
            combo.currentIndexChanged.connect(
                lambda _i, f=field, c=combo: self.actions_filter.set_filter(f, c.currentData())
            )
            self.filters[field] = combo
            row.addWidget(QLabel(f"{label}:"))
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.shown_total)
        layout.addLayout(row)
        _read_in_full(self.actions_view, ActionsModel.ACTION_COLUMN, ActionsModel.WRAPPED_COLUMNS)
        layout.addWidget(self.actions_view, 1)
        self.review_detail.setObjectName("reviewDetail")
        self.review_detail.setWordWrap(True)
        self.review_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.review_detail)
        self.adopted_line.setObjectName("adoptedLine")
        layout.addWidget(self.adopted_line)
        self.totals.setObjectName("planTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.totals)
        return page

    def _since_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.since_label = QLabel()
        self.since_label.setWordWrap(True)
        layout.addWidget(self.since_label)
        layout.addWidget(self.carried_view, 1)
        return page

    def _connect(self) -> None:
        self.heat_map.cellChosen.connect(self._cell_chosen)
        self.findings_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.actions_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_review_detail())
        self.actions_view.doubleClicked.connect(lambda index: self.commands.edit_action(self._action_at(index)))
        self.actions_filter.layoutChanged.connect(self._show_shown_total)
        self.actions_filter.rowsInserted.connect(self._show_shown_total)
        self.actions_filter.rowsRemoved.connect(self._show_shown_total)
        self.actions_filter.modelReset.connect(self._show_shown_total)
        panel = self.panel
        panel.saveRequested.connect(self.commands.save_finding)
        panel.addActionRequested.connect(self.commands.add_action)
        panel.editActionRequested.connect(self.commands.edit_action)
        panel.deleteActionRequested.connect(self.commands.delete_action)
        panel.deleteFindingRequested.connect(self.commands.delete_finding)
        panel.addPhotosRequested.connect(self.commands.add_photos_from_files)
        panel.photosDropped.connect(self.commands.import_photos)

    # Showing ----------------------------------------------------------------------------------------------------
    def reload_soon(self) -> None:
        """Read the plan again once the changes settle (a walkthrough publishes every answer)."""
        self._reload_timer.start()

    def _follow(self, changes: Changes, origin: object) -> None:
        """The assessment changed in another window (answers raise or withdraw findings, photos show with them,
        an action's status followed up in the district view), or the money and phase wording changed. This
        window's own changes are shown already, with the finding the person works on still selected."""
        if origin is not self and (self.assessment_id in changes.touched or changes.settings & DISPLAY):
            self.reload_soon()

    def changed_here(self, select_key: str | None = None, select_id: uuid.UUID | None = None) -> None:
        """Findings or actions were changed in this window: show them, and tell the other windows."""
        self.reload(select_key=select_key, select_id=select_id)
        self.channel.publish(Changes(plans=frozenset({self.assessment_id})), self)

    def reload(self, select_key: str | None = None, select_id: uuid.UUID | None = None) -> None:
        """Read the plan again (after a change here or in the walkthrough), keeping the selected finding and
        actions."""
        current = self.current_finding()
        panel = self.panel.actions_view, self.panel.actions_model.row
        chosen = chosen_action(self.actions_view, self._action_at), chosen_action(*panel)
        with collection_paused():
            try:
                self.plan = with_comparison(load_plan(self.workspace, self.assessment_id, False), self.earlier)
            except SafetyAssessError as error:
                dialogs.show_error(self, "Cannot read the plan", str(error))
                return
            if select_id is not None:
                select_key = next((f.key for f in self.plan.findings if f.id == select_id), select_key)
            self._show_plan(select_key or (current.key if current else None))
            choose_again(self.actions_view, self._action_at, chosen[0])
            choose_again(*panel, chosen[1])

    def _show_plan(self, select_key: str | None = None) -> None:
        plan = self.plan
        self.photos = self.editor.photos_by_finding(plan.findings)  # once per read, not at every selection
        self.setWindowTitle(f"Findings and action plan - {plan.summary.campus.name} - {plan.summary.assessed_on}")
        self.header.setText(summary.header_html(plan))
        self.heat_map.set_counts(heat_map(plan.findings), plan.bands)
        self.findings_model.set_plan(plan)
        self.actions_model.set_plan(plan, load_review(self.workspace, self.assessment_id, plan))
        self.scores_model.set_plan(plan)
        self.carried_model.set_plan(plan)
        self.tabs.setTabVisible(3, plan.comparison is not None)
        self._fill_filters()
        self.totals.setText(summary.totals_html(plan))
        self._show_shown_total()
        for view, model, widest in (
            (self.findings_view, self.findings_model, 300),
            (self.scores_view, self.scores_model, 400),
            (self.carried_view, self.carried_model, 420),
        ):
            fit_columns(view, model, widest)
        reviewed = self.actions_model.review.reviewed
        for column in ActionsModel.REVIEW_COLUMNS:
            self.actions_view.setColumnHidden(column, not reviewed)
        self._show_adopted()
        self.action_columns.fit()
        self._show_review_detail()
        self.since_label.setText(summary.since_html(plan))
        self._select(select_key)

    def _fill_filters(self) -> None:
        plan = self.plan
        choices = {
            "phase": [(p.name, p.id) for p in plan.phases],
            "band": [(b.name, b.name) for b in plan.bands],
            "layer": [(fmt.words(layer), layer) for layer in sorted({a.layer or "" for a in plan.actions})],
            "status": [(fmt.words(s.value), s.value) for s in Status],
            "group": [("Wants changed or opposes", CONTESTED)],
        }
        for field, combo in self.filters.items():
            refill(combo, ("All", None), choices[field])
        self.actions_filter.set_filters({field: combo.currentData() for field, combo in self.filters.items()})

    def _show_review_detail(self) -> None:
        index = self.actions_view.currentIndex()
        action = self._action_at(index) if index.isValid() else None
        view = self.actions_model.review
        shown = (detail_text(view, action), adoption.detail(view.since, action, self.plan.phase_name))
        self.review_detail.setText("\n".join(text for text in shown if text))

    def _show_adopted(self) -> None:
        since = self.actions_model.review.since
        self.actions_view.setColumnHidden(ActionsModel.ADOPTED_COLUMN, since is None)
        self.adopted_line.setText(adoption.line(since))
        self.adopted_line.setToolTip(adoption.line_tip(since, self.plan.phase_name))
        self.adopted_line.setVisible(since is not None)

    def _show_shown_total(self, *_args: object) -> None:
        self.shown_total.setText(summary.shown_html(self.actions_filter.shown(), self.actions_model.rowCount()))

    def _select(self, key: str | None) -> None:
        rows = self.findings_filter.rowCount()
        target = 0
        for row in range(rows):
            source = self.findings_filter.mapToSource(self.findings_filter.index(row, 0))
            if self.findings_model.rows[source.row()].key == key:
                target = row
                break
        if rows:
            self.findings_view.selectRow(target)
            self.findings_view.setCurrentIndex(self.findings_filter.index(target, 0))
        self._show_current()

    def _cell_chosen(self, cell: tuple[int, int] | None) -> None:
        self.findings_filter.set_cell(cell)
        if cell is None:
            self.cell_label.setText("")
        else:
            count = self.findings_filter.rowCount()
            self.cell_label.setText(
                f"Showing the {count} finding{'s' if count != 1 else ''} with likelihood {cell[0]} and severity "
                f"{cell[1]}. Click the cell again to show all."
            )
        self._select(None)

    def _show_current(self) -> None:
        finding = self.current_finding()
        photos = self.photos.get(finding.key, []) if finding else []
        self.panel.show_finding(self.plan, finding, photos, self.plan.summary.read_only)

    # Queries ----------------------------------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        index = self.findings_view.currentIndex()
        if not index.isValid():
            return None
        return self.findings_model.row(self.findings_filter.mapToSource(index))

    def _action_at(self, index: QModelIndex) -> Action:
        return self.actions_model.row(self.actions_filter.mapToSource(index))

    def selected_action(self) -> Action | None:
        if self.tabs.currentIndex() == 1:
            index = self.actions_view.currentIndex()
            return self._action_at(index) if index.isValid() else None
        index = self.panel.actions_view.currentIndex()
        return self.panel.actions_model.row(index) if index.isValid() else None

    def export_report(self) -> None:
        self.registry.export_report(self, self.assessment_id, self.operations)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):  # any files: those not filled packets are named when dropped
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.review.import_dropped(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let a running photo import finish (it commits photo by photo) and the comparison stop."""
        self._earlier_timer.stop()
        self._reload_timer.stop()
        self.operations.wait_all(60_000)
        super().closeEvent(event)


def _local_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
