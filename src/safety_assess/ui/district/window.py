"""The district window: every campus at a glance (ranked by risk, filterable, with district totals), a campus's
assessments over time with its trend, and the district's action plan where staff follow up actions."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.display import cost, counted, words
from safety_assess.domain.district.actions import ActionFilter, DistrictAction, cost_totals
from safety_assess.domain.district.overview import RANKING_RULE, CampusLine
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import Status
from safety_assess.services.district import DistrictOverview, district_overview, follow_up, latest_actions
from safety_assess.services.settings import DISPLAY
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.district.actions import DISTRICT_ACTIONS
from safety_assess.ui.district.exports import DistrictExports
from safety_assess.ui.district.models import (
    ActionsFilterModel,
    ActionsModel,
    CampusesModel,
    CampusFilter,
    HistoryModel,
)
from safety_assess.ui.district.progress import ProgressPage
from safety_assess.ui.district.trend import TrendChart
from safety_assess.ui.operations import Operation, Operations
from safety_assess.ui.registry import Registry
from safety_assess.ui.widgets.combos import refill
from safety_assess.ui.widgets.tables import fit_columns, squeeze_into_view

ANY = ""
ACTIONS_TAB = 1
PROGRESS_TAB = 2
WIDEST = 320
CAMPUS_COLUMN = 1
NARROWEST_CAMPUS = 110
NARROWEST_REVIEW = 100
"""As wide as the review stages but the adoption's date ("adopted on 2…", in full as a tooltip)."""
CHECKLIST_COLUMN = 2
NARROWEST_CHECKLIST = 100
HISTORY_SHARE = 100
"""The history table takes two shares of the lower half's width, the trend chart one."""
"""In the history table: the checklist's title gives way to the figures."""
RELOAD_DELAY_MS = 500
"""Changes made elsewhere are read once they settle: a walkthrough publishes every answer."""


class DistrictWindow(QMainWindow):
    loaded = Signal()
    """The campuses' figures were read and shown (after opening, refreshing or a status change)."""
    actionsLoaded = Signal()
    """The district's actions were read and listed."""

    def __init__(
        self, workspace: Workspace, channel: ChangeChannel, registry: Registry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.channel, self.registry = channel, registry
        self.overview: DistrictOverview | None = None
        self.setObjectName("DistrictWindow")
        self.setWindowTitle("District overview - Safety Assess")
        self.resize(1280, 800)
        self.campuses = CampusesModel(self)
        self.campus_filter = CampusFilter(self.campuses, self)
        self.history = HistoryModel(self)
        self.actions_model = ActionsModel(self)
        self.actions_filter = ActionsFilterModel(self.actions_model, self)
        self.operations = Operations(channel, self)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._reading: Operation | None = None
        self._read_again = False
        """Asked to read while a reading runs: one more reading follows it (never two at once)."""
        self.exports: DistrictExports = DistrictExports(self, workspace, self.operations, registry)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._campuses_page(), "&Campuses")
        self.tabs.addTab(self._actions_page(), "Action &plan")
        self.progress = ProgressPage(workspace, self.operations)
        self.tabs.addTab(self.progress, "P&rogress")
        self._actions_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.actions_by_id = build_window_actions(self, "District", DISTRICT_ACTIONS)
        self.reload()
        channel.subscribe(self._follow)

    # Building

    def _campuses_page(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("campusSearch")
        self.search.setPlaceholderText("Filter by campus name or code")
        self.search.setAccessibleName("Filter campuses")
        self.search.textChanged.connect(lambda text: self.campus_filter.set_filter(text=text))
        self.only_severe = QCheckBox("Only campuses with &high or critical findings")
        self.only_severe.toggled.connect(lambda on: self.campus_filter.set_filter(only_severe=on))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.only_severe)
        self.ranking_rule = QLabel(RANKING_RULE)
        self.ranking_rule.setObjectName("rankingRule")
        self.ranking_rule.setWordWrap(True)
        self.table = _table("campusTable", "Campuses, most at risk first")
        self.table.setModel(self.campus_filter)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by rank: most at risk first
        self.table.selectionModel().currentRowChanged.connect(self._campus_chosen)
        self.table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self._refit_campus_columns())
        self.totals = QLabel()
        self.totals.setObjectName("districtTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.history_view = _table("historyTable", "The chosen campus's assessments over time")
        self.history_view.setModel(self.history)
        self.history_view.setSortingEnabled(False)
        self.trend = TrendChart()
        self.campus_title = QLabel()
        self.campus_title.setObjectName("campusTitle")
        self.campus_title.setWordWrap(True)
        below = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.campus_title)
        left_layout.addWidget(self.history_view)
        below.addWidget(left)
        below.addWidget(self.trend)
        below.setStretchFactor(0, 2)
        below.setStretchFactor(1, 1)
        below.setSizes([2 * HISTORY_SHARE, HISTORY_SHARE])  # the history's figures in sight beside a readable trend
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.ranking_rule)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addWidget(self.totals)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    def _actions_page(self) -> QWidget:
        self.filters: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        for field, label in (("campus", "Ca&mpus"), ("phase", "P&hase"), ("layer", "&Layer"), ("status", "&Status")):
            combo = QComboBox()
            combo.setObjectName(f"{field}Filter")
            combo.setAccessibleName(f"Filter by {field}")
            combo.currentIndexChanged.connect(self._filter_actions)
            caption = QLabel(label)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo, 1)
            self.filters[field] = combo
        self.actions_view = _table("districtActions", "Every campus's actions")
        self.actions_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.actions_view.setModel(self.actions_filter)
        self.actions_view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # highest risk first
        self.action_totals = QLabel()
        self.action_totals.setObjectName("actionTotals")
        self.action_totals.setWordWrap(True)
        self.action_totals.setTextFormat(Qt.TextFormat.RichText)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.actions_view, 1)
        layout.addWidget(self.action_totals)
        return page

    # Loading

    def _follow(self, changes: Changes, origin: object) -> None:
        """Figures come from campuses, answers, findings and actions, worded with the money and phase settings; a
        photo shows nowhere here. A status changed in this window is read again already."""
        if origin is self:
            return
        if changes.campuses or changes.assessments or changes.answers or changes.plans or changes.settings & DISPLAY:
            self._reload_timer.start()

    def reload(self) -> None:
        """Read every campus's figures in the background (only assessments changed since they were last read are
        computed again: that may take a while), then show them."""
        self._reload_timer.stop()
        if self._reading is not None and self._reading.is_running():
            self._read_again = True
            return
        workspace, self._read_again = self.workspace, False
        self.statusBar().showMessage("Reading every campus's figures…")
        self._reading = self.operations.run(
            "Reading the district's figures",
            lambda progress: district_overview(workspace),
            on_done=self._show_overview,
            on_error=self._failed,
        )
        self._reading.finished.connect(lambda _overview: self._after_reading())
        self._reading.failed.connect(lambda _message: self._after_reading())

    def _after_reading(self) -> None:
        if self._read_again:
            self.reload()

    def _failed(self, message: str) -> None:
        self.statusBar().clearMessage()
        dialogs.show_error(self, "District figures not read", message)

    def _show_overview(self, overview: DistrictOverview) -> None:
        chosen = self._chosen_campus()
        self.overview = overview
        self.statusBar().clearMessage()
        stages = {line.campus.id: overview.review_stage(line) for line in overview.lines}
        self.campuses.set_overview(overview.lines, overview.totals, stages)
        self._fit_campus_columns()
        self.totals.setText(_totals_html(overview))
        self._actions_stale = True
        if self.tabs.currentIndex() == ACTIONS_TAB:
            self._show_actions()
        self.progress.stale = True
        if self.tabs.currentIndex() == PROGRESS_TAB:
            self.progress.load()
        self._select_campus(chosen)
        self.loaded.emit()

    def _fit_campus_columns(self) -> None:
        """Every column in sight: the titles leave room for the sort indicator only where it shows, the campus name
        gives way (shown in full below and as a tooltip), then the review stage (a tooltip too); not the figures or
        costs."""
        fit_columns(self.table, self.campuses, WIDEST, tight_titles=True)
        squeeze_into_view(self.table, CAMPUS_COLUMN, NARROWEST_CAMPUS)
        titles = self.campuses.titles()
        if "Review" in titles:
            squeeze_into_view(self.table, titles.index("Review"), NARROWEST_REVIEW)

    def _refit_campus_columns(self) -> None:
        if self.overview is not None:
            self._fit_campus_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit_campus_columns()

    def _tab_changed(self, index: int) -> None:
        if index == ACTIONS_TAB and self._actions_stale:
            self._show_actions()
        if index == PROGRESS_TAB and self.progress.stale:
            self.progress.load()

    def _show_actions(self) -> None:
        """The district's actions, read in the background when their tab is shown (thousands of rows: not needed
        to open the window)."""
        overview, workspace = self.overview, self.workspace
        if overview is None:
            return
        self._actions_stale = False
        self.operations.run(
            "Reading the district's actions",
            lambda progress: latest_actions(workspace, overview),
            on_done=lambda actions: self._list_actions(overview, actions),
            on_error=self._failed,
        )

    def _list_actions(self, overview: DistrictOverview, actions: list[DistrictAction]) -> None:
        if overview is not self.overview:
            return  # read again since: the newer list follows
        self.actions_model.set_actions(actions, overview.totals)
        fit_columns(self.actions_view, self.actions_model, WIDEST)
        self._fill_filters()
        self.actionsLoaded.emit()

    def _fill_filters(self) -> None:
        assert self.overview is not None
        actions = self.actions_model.rows
        names = self.overview.totals.phase_names
        choices = {
            "campus": sorted({(f"{a.campus.code} {a.campus.name}", a.campus.code) for a in actions}),
            "phase": [(n, p) for p, n in names.items()],
            "layer": sorted({(words(a.line.layer), a.line.layer) for a in actions}),
            "status": [(words(s.value), s.value) for s in Status],
        }
        for field, combo in self.filters.items():
            refill(combo, ("Any", ANY), choices[field])
        self._filter_actions()

    def _filter_actions(self) -> None:
        wanted = {field: combo.currentData() or ANY for field, combo in self.filters.items()}
        self.actions_filter.set_filter(ActionFilter(**wanted))
        self._show_action_totals()

    def _show_action_totals(self) -> None:
        assert self.overview is not None
        shown = self.actions_filter.shown()
        names = self.overview.totals.phase_names
        by_phase = cost_totals(shown, "phase")
        by_layer = cost_totals(shown, "layer")
        phases = " · ".join(f"{html.escape(names.get(p, p))}: <b>{cost(c)}</b>" for p, c in by_phase.items())
        layers = " · ".join(f"{html.escape(words(k))}: <b>{cost(c)}</b>" for k, c in by_layer.items())
        self.action_totals.setText(
            f"{counted(len(shown), 'action')} shown. Not done, by phase: {phases or 'none'}<br>"
            f"By layer: {layers or 'none'}"
        )

    def _chosen_campus(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.campuses.rows[self.campus_filter.mapToSource(index).row()].campus.id

    def _select_campus(self, campus_id: uuid.UUID | None) -> None:
        rows = self.campuses.rows
        number = next((n for n, line in enumerate(rows) if line.campus.id == campus_id), 0 if rows else None)
        if number is None:
            self._campus_chosen(QModelIndex())
            return
        index = self.campus_filter.mapFromSource(self.campuses.index(number, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        self._campus_chosen(index)

    def _campus_chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.history.set_rows([])
            self.trend.set_history([])
            self.campus_title.setText("")
            return
        line = self.campuses.rows[self.campus_filter.mapToSource(index).row()]
        self.history.set_rows(list(reversed(line.history)))
        fit_columns(self.history_view, self.history, WIDEST)
        squeeze_into_view(self.history_view, CHECKLIST_COLUMN, NARROWEST_CHECKLIST)
        self.trend.set_history(list(line.history))
        conflicts = f" · {line.conflicts} conflicting copy(ies) to resolve" if line.conflicts else ""
        self.campus_title.setText(
            f"<b>{html.escape(line.campus.name)}</b> ({html.escape(line.campus.code)}): "
            f"{counted(len(line.history), 'assessment')}{conflicts}{_latest_compliance(line)}"
        )

    def open_maps(self) -> None:
        campus_id = self._campus_or_told()
        if campus_id is not None:
            self.registry.open_maps(campus_id)

    def open_drills(self) -> None:
        campus_id = self._campus_or_told()
        if campus_id is not None:
            self.registry.open_drills(campus_id)

    def open_spot_checks(self) -> None:
        campus_id = self._campus_or_told()
        if campus_id is not None:
            self.registry.open_spot_checks(campus_id)

    def _campus_or_told(self) -> uuid.UUID | None:
        campus_id = self._chosen_campus()
        if campus_id is None:
            self.statusBar().showMessage("Choose a campus first.", 4000)
        return campus_id

    def export_pack(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.statusBar().showMessage("Choose a campus first.", 4000)
            return
        line = self.campuses.rows[self.campus_filter.mapToSource(index).row()]
        if line.latest is None:
            self.statusBar().showMessage(f"{line.campus.name} has no assessment to send back.", 4000)
            return
        self.exports.pack(line.campus)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._reload_timer.stop()
        self.operations.cancel_all()
        self.operations.wait_all(30_000)
        super().closeEvent(event)

    # Following up actions

    def mark_done(self) -> None:
        self.set_status(Status.DONE)

    def mark_in_progress(self) -> None:
        self.set_status(Status.IN_PROGRESS)

    def mark_deferred(self) -> None:
        self.set_status(Status.DEFERRED)

    def mark_open(self) -> None:
        self.set_status(Status.OPEN)

    def set_status(self, status: Status) -> None:
        """Give the selected actions ``status``, recorded with who and when; one changed elsewhere is reported."""
        chosen = [
            self.actions_model.rows[self.actions_filter.mapToSource(index).row()]
            for index in self.actions_view.selectionModel().selectedRows()
        ]
        if not chosen:
            self.tabs.setCurrentIndex(ACTIONS_TAB)
            self.statusBar().showMessage("Select the actions to change in the action plan.", 4000)
            return
        problems, changed = [], set()
        for action in chosen:
            try:
                follow_up(self.workspace, action, status)
            except SafetyAssessError as error:
                problems.append(f"{action.campus.code}: {action.line.description[:60]}: {error}")
            else:
                changed.add(action.assessment_id)
        self.reload()
        self.channel.publish(Changes(plans=frozenset(changed)), self)
        self.statusBar().showMessage(f"{len(chosen) - len(problems)} action(s) now {words(status.value)}.", 5000)
        if problems:
            dialogs.show_error(self, "Some actions not changed", "\n".join(problems))


def _table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


def _latest_compliance(line: CampusLine) -> str:
    """' · latest compliance 62% of 13 answered items; 57 not answered yet' (the figure with its coverage)."""
    return "" if line.latest is None else f" · latest compliance {html.escape(line.latest.figures.compliance_text)}"


def _totals_html(overview: DistrictOverview) -> str:
    totals = overview.totals
    bands = " · ".join(
        f"<span style='color:{totals.band_colors.get(name, '#000')}'>■</span> {html.escape(name)} {count}"
        for name, count in reversed(totals.findings.items())
    )
    phases = " · ".join(
        f"{html.escape(totals.phase_names.get(p, p))}: <b>{cost(c)}</b>" for p, c in totals.cost_by_phase.items()
    )
    return (
        f"<b>District</b>: {counted(totals.campuses, 'campus')}, {totals.assessed} assessed"
        f" · open findings {bands or 'none'}"
        f" · {totals.open_actions} open actions<br>Estimated cost: <b>{cost(totals.cost)}</b>"
        f"{' · ' + phases if phases else ''}"
    )
