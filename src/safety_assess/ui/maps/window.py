"""The site-plan window of one campus: its plans in a list, the chosen plan in the middle (one scene per plan), and
beside it the chosen item's properties and the coverage list. Every change goes through ``services.site_maps``, is
shown from the plan it returns, and is published on the change channel; changes made elsewhere are read again."""

from __future__ import annotations

import dataclasses
import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.sitemap.model import MarkerKind, Point, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.actions import build_window_actions
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.maps import image as plan_image
from safety_assess.ui.maps.actions import MAP_ACTIONS
from safety_assess.ui.maps.answer_commands import AnswerCommands
from safety_assess.ui.maps.commands import Edits
from safety_assess.ui.maps.coverage_panel import CoveragePanel
from safety_assess.ui.maps.editing import MapEditing
from safety_assess.ui.maps.models import PlansModel
from safety_assess.ui.maps.photo_commands import PhotoCommands
from safety_assess.ui.maps.pins import pin_colors, pinned_findings
from safety_assess.ui.maps.plan_commands import PlanCommands
from safety_assess.ui.maps.properties import describe
from safety_assess.ui.maps.scene import PlanScene
from safety_assess.ui.maps.seen import Coverage
from safety_assess.ui.maps.shape_editing import ShapeEditing
from safety_assess.ui.maps.shape_follow import ShapeFollow
from safety_assess.ui.maps.view import PlanView
from safety_assess.ui.operations import Operations
from safety_assess.ui.registry import Registry

DRAG_FOLLOW_MS = 50
"""A dragged camera's cone and the coverage list are worked out again at most this often."""
PLACEABLE = [kind for kind in MarkerKind if kind not in (MarkerKind.FINDING, MarkerKind.PHOTO)]


class MapWindow(QMainWindow):
    shownPlan = Signal(object)
    """A plan was shown (after choosing it, or a change): the SiteMap."""
    imageShown = Signal(object)
    """A plan's display image was put in its scene: the plan's id."""

    def __init__(
        self,
        workspace: Workspace,
        campus_id: uuid.UUID,
        channel: ChangeChannel,
        registry: Registry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace, self.channel, self.registry = workspace, channel, registry
        self.campus = workspace.campuses.get(campus_id)
        self.setObjectName("MapWindow")
        self.setWindowTitle(f"Site plans: {self.campus.name} - Safety Assess")
        self.resize(1400, 860)
        self.operations = Operations(channel, self)
        self.stack: QUndoStack = QUndoStack(self)
        self.edits = Edits(self.stack, self.shown, self.refused)
        self.maps: list[SiteMap] = []
        self.scenes: dict[uuid.UUID, PlanScene] = {}
        self.pin_colors: dict[uuid.UUID, str] = {}
        self.pins_asked: set[uuid.UUID] = set()
        self.current: SiteMap | None = None
        self.seen = Coverage()
        self.view: PlanView = PlanView(PlanScene(self))
        self.editing: MapEditing = MapEditing(self)
        self.plan_commands: PlanCommands = PlanCommands(self)
        self.shapes: ShapeEditing = ShapeEditing(self)
        self.photos: PhotoCommands = PhotoCommands(self)
        self.answers: AnswerCommands = AnswerCommands(self)
        self.shape_follow: ShapeFollow = ShapeFollow(self)
        self._build()
        self.actions_by_id = build_window_actions(self, "Map tools", MAP_ACTIONS)
        self._add_kind_chooser()
        self.view.markerMoved.connect(self.editing.move_marker)
        self.view.shapeMoved.connect(self.shapes.move)
        self.view.activated.connect(self.editing.activate)
        self.view.toolChanged.connect(lambda hint: self.statusBar().showMessage(hint))
        self.view.hinted.connect(lambda hint: self.statusBar().showMessage(hint))
        self._coverage_timer = QTimer(self, singleShot=True, interval=0)
        self._coverage_timer.timeout.connect(self._show_coverage)
        self._dragging: tuple[uuid.UUID, Point] | None = None
        self._drag_timer = QTimer(self, singleShot=True, interval=DRAG_FOLLOW_MS)
        self._drag_timer.timeout.connect(self._follow_drag)
        self.reload()
        channel.subscribe(self._follow)

    # Building ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.plans_model = PlansModel(self)
        self.plans_view: QListView = QListView()
        self.plans_view.setObjectName("plansList")
        self.plans_view.setAccessibleName("The campus's plans")
        self.plans_view.setModel(self.plans_model)
        self.plans_view.selectionModel().currentChanged.connect(self._plan_chosen)
        self.properties = QLabel()
        self.properties.setObjectName("itemProperties")
        self.properties.setWordWrap(True)
        self.properties.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.properties.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.coverage: CoveragePanel = CoveragePanel()
        self.coverage.chosen.connect(self.select_item)
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.addWidget(self.properties, 1)
        layout.addWidget(self.coverage, 3)
        splitter = QSplitter()
        splitter.addWidget(self.plans_view)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([220, 860, 320])
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

    def _add_kind_chooser(self) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("markerKind")
        self.kind.setAccessibleName("Kind of marker to place")
        for kind in PLACEABLE:
            self.kind.addItem(kind.label, kind.value)
        toolbar = self.findChild(QToolBar, "mapToolbar")
        assert toolbar is not None
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Marker: "))
        toolbar.addWidget(self.kind)

    def chosen_kind(self) -> MarkerKind:
        return MarkerKind(str(self.kind.currentData()))

    # Reading and showing ------------------------------------------------------------------------------------------
    def reload(self, select: uuid.UUID | None = None) -> None:
        """Read the campus's plans again and show the chosen one (``select``, else the one shown, else the first)."""
        self.maps = site_maps.list_maps(self.workspace, self.campus.id)
        for gone in [key for key in self.scenes if key not in {plan.id for plan in self.maps}]:
            self.scenes.pop(gone).deleteLater()
        wanted = select or (self.current.id if self.current else None)
        self.plans_model.set_rows(self.maps)
        self._read_pin_colors()
        number = next((n for n, plan in enumerate(self.maps) if plan.id == wanted), 0)
        if self.maps:
            self.plans_view.setCurrentIndex(self.plans_model.index(number, 0))
            self.show_map(self.maps[number])
        else:
            self.current = None
            self.view.setScene(PlanScene(self))
            self.properties.setText("<p>No plan yet. Import one with <b>Plan &gt; Import plan</b> (Ctrl+I).</p>")
            self.coverage.show_report(None)

    def _plan_chosen(self, index: QModelIndex) -> None:
        if index.isValid() and (self.current is None or self.maps[index.row()].id != self.current.id):
            self.view.use(None)
            self.show_map(self.maps[index.row()])

    def show_map(self, plan: SiteMap) -> None:
        scene = self.scenes.get(plan.id)
        fresh = scene is None
        if scene is None:
            scene = self.scenes[plan.id] = PlanScene(self)
            scene.selectionChanged.connect(self._show_selected)
            scene.cameraDragged.connect(self._camera_dragged)
            scene.shapeDragged.connect(self.shape_follow.dragged)
        scene.pin_colors = self.pin_colors
        scene.show_plan(plan)
        if fresh:
            self._load_image(scene, plan)
        self.current = plan
        if self.view.scene() is not scene:
            self.view.setScene(scene)
            self.view.set_rotation(plan.rotation)
            self.view.fit()
        elif self.view.rotation != plan.rotation:
            self.view.set_rotation(plan.rotation)
            if self.view.fitted:
                self.view.fit()
        self._show_selected()
        self._coverage_timer.start()
        self.shownPlan.emit(plan)

    def _load_image(self, scene: PlanScene, plan: SiteMap) -> None:
        try:
            path = site_maps.plan_image(self.workspace, plan)
        except SafetyAssessError as error:
            self.statusBar().showMessage(str(error))
            return
        if plan_image.pixels(path) <= plan_image.QUICK_PIXELS:
            self._image_read(scene, plan.id, plan_image.display_copy(path))
            return
        self.operations.run(
            "Reading the plan",
            lambda _progress: plan_image.display_copy(path),
            on_done=lambda image: self._image_read(scene, plan.id, image),
            on_error=lambda message: self.statusBar().showMessage(message),
        )

    def _image_read(self, scene: PlanScene, plan_id: uuid.UUID, image: QImage) -> None:
        scene.set_image(image)
        self.imageShown.emit(plan_id)

    def _read_pin_colors(self) -> None:
        wanted = pinned_findings(self.maps) - self.pins_asked
        self.pins_asked |= wanted  # a finding this data folder does not hold is not looked for again and again
        if wanted:
            self.operations.run(
                "Reading findings",
                lambda _progress: pin_colors(self.workspace, wanted),
                on_done=self._pins_read,
            )

    def _pins_read(self, colors: dict[uuid.UUID, str]) -> None:
        self.pin_colors.update(colors)
        for plan in self.maps:
            scene = self.scenes.get(plan.id)
            if scene is not None:
                scene.show_plan(plan)

    def _show_selected(self) -> None:
        scene = self.current_scene()
        keys = scene.selected_keys() if scene is not None else []
        self.properties.setText(describe(self.current, keys[0] if keys else None))
        if keys:
            self.coverage.select(keys[0])

    def _show_coverage(self) -> None:
        plan = self.current
        self.coverage.show_report(self.seen.report(plan) if plan is not None else None)

    def _camera_dragged(self, camera_id: uuid.UUID, at: Point) -> None:
        self._dragging = (camera_id, at)
        if not self._drag_timer.isActive():
            self._drag_timer.start()

    def _follow_drag(self) -> None:
        """The dragged camera's cone and the coverage list follow it, a few times a second at most."""
        plan, scene, dragging = self.current, self.current_scene(), self._dragging
        camera = plan.marker(dragging[0]) if plan is not None and dragging is not None else None
        if plan is None or scene is None or dragging is None or camera is None:
            return
        scene.draw_cone(dataclasses.replace(camera, x=dragging[1][0], y=dragging[1][1]))
        self.coverage.show_report(self.seen.report_moved(plan, camera.id, dragging[1]))

    def current_scene(self) -> PlanScene | None:
        return self.scenes.get(self.current.id) if self.current else None

    def select_item(self, key: uuid.UUID) -> None:
        scene = self.current_scene()
        item = scene.select_only([key]) if scene is not None else None
        if item is not None:
            self.view.ensureVisible(item)

    # After a change ---------------------------------------------------------------------------------------------
    def shown(self, plan: SiteMap | None) -> None:
        """A change was made here: show the plan as it now stands and tell the other windows."""
        if plan is None or plan.id not in {each.id for each in self.maps}:
            self.reload(select=plan.id if plan else None)
        else:
            self.maps = [plan if each.id == plan.id else each for each in self.maps]
            self.plans_model.set_rows(self.maps)
            self.show_map(plan)  # an undo on another plan than the one shown shows that plan
            self.plans_view.setCurrentIndex(self.plans_model.index(self.maps.index(plan), 0))
            self._read_pin_colors()  # a finding pinned now
        self.channel.publish(Changes(maps=frozenset({self.campus.id})), self)

    def refused(self, title: str, message: str) -> None:
        dialogs.show_error(self, title, message)
        self.reload()

    def _follow(self, changes: Changes, origin: object) -> None:
        if origin is self:
            return
        if self.campus.id in changes.maps:
            self.reload()
        elif changes.plans:  # a finding's risk may have changed
            self.pins_asked.clear()
            self._read_pin_colors()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.use(None)
        self.operations.cancel_all()
        self.operations.wait_all(30_000)
        super().closeEvent(event)
