"""The window registry: opens the walkthrough, plan and district windows (one per assessment and kind, an open one
brought forward), the site plans (one window per campus) and report previews, knows what runs in each, and closes
them all when the app quits.

The feature windows are imported when first opened, not before the main window shows. Export and import jobs are
not kept here: each is kept by the operation that runs it, and forgotten when that ends (``Operations.run(owner=)``).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.one_window import bring_forward, existing, show_registered
from safety_assess.ui.operations import Operations

if TYPE_CHECKING:
    from safety_assess.ui.checklists.window import ChecklistsWindow
    from safety_assess.ui.conflicts.window import ConflictWindow
    from safety_assess.ui.district.window import DistrictWindow
    from safety_assess.ui.drills.window import DrillWindow
    from safety_assess.ui.guide import GuideWindow
    from safety_assess.ui.maps.window import MapWindow
    from safety_assess.ui.plan.window import PlanWindow
    from safety_assess.ui.report.preview import ReportPreview
    from safety_assess.ui.spot_checks.window import SpotCheckWindow
    from safety_assess.ui.walkthrough.window import WalkthroughWindow


class Windows:
    """Made once by the main window (``main``, parent of the error messages, whose ``operations`` count as running
    work too); satisfies the ``ui.registry.Registry`` protocol the feature windows are handed."""

    def __init__(
        self,
        workspace: Workspace,
        channel: ChangeChannel,
        main: QWidget | None = None,
        operations: Operations | None = None,
    ) -> None:
        self.workspace, self.channel, self.main, self.operations = workspace, channel, main, operations
        self.walks: dict[uuid.UUID, WalkthroughWindow] = {}
        self.plans: dict[uuid.UUID, PlanWindow] = {}
        self.conflicts: dict[uuid.UUID, ConflictWindow] = {}
        self.maps: dict[uuid.UUID, MapWindow] = {}
        """Site-plan windows by campus."""
        self.drills: dict[uuid.UUID, DrillWindow] = {}
        """Drill logs by campus."""
        self.spot_checks: dict[uuid.UUID, SpotCheckWindow] = {}
        """Spot checks by campus."""
        self.district: DistrictWindow | None = None
        self.previews: list[ReportPreview] = []
        self.guide: GuideWindow | None = None
        self.checklists: ChecklistsWindow | None = None

    def open_walkthrough(self, assessment_id: uuid.UUID) -> WalkthroughWindow | None:
        """The assessment's walkthrough, brought forward when already open; None when it cannot open (told)."""
        from safety_assess.services.walkthrough import WalkSession
        from safety_assess.ui.walkthrough.window import WalkthroughWindow

        found = existing(self.walks, assessment_id)
        if found is not None:
            return found
        try:
            session = WalkSession(self.workspace, assessment_id)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the assessment", str(error))
            return None
        window = WalkthroughWindow(session, self.channel)
        window.planRequested.connect(self.open_plan)
        window.conflictsRequested.connect(self.open_conflicts)
        window.exportRequested.connect(lambda assessment: self.export_report(window, assessment, window.operations))
        window.reopened.connect(self.open_walkthrough)
        return show_registered(self.walks, assessment_id, window)

    def open_plan(self, assessment_id: uuid.UUID) -> PlanWindow | None:
        """The assessment's findings and action plan, brought forward and read again when already open."""
        from safety_assess.ui.plan.window import PlanWindow

        found = existing(self.plans, assessment_id, refresh=lambda window: window.reload())
        if found is not None:
            return found
        try:
            window = PlanWindow(self.workspace, assessment_id, self.channel, self)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the findings", str(error))
            return None
        return show_registered(self.plans, assessment_id, window)

    def open_conflicts(self, assessment_id: uuid.UUID) -> ConflictWindow | None:
        """The assessment's merge conflicts side by side, brought forward and read again when already open."""
        from safety_assess.ui.conflicts.window import ConflictWindow

        found = existing(self.conflicts, assessment_id, refresh=lambda window: window.reload())
        if found is not None:
            return found
        try:
            window = ConflictWindow(self.workspace, assessment_id, self.channel)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the conflicts", str(error))
            return None
        return show_registered(self.conflicts, assessment_id, window)

    def open_finding(self, finding_id: uuid.UUID) -> None:
        """The findings window of the finding's assessment, with the finding chosen (a pin on a site plan)."""
        try:
            record = self.workspace.findings.get(finding_id)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the finding", str(error))
            return
        window = self.open_plan(record.assessment_id)
        if window is not None:
            window.reload(select_id=finding_id)

    def open_photo(self, photo_id: uuid.UUID) -> None:
        """The photo in its assessment's walkthrough: its item shown and the photo viewer opened on it (a photo of a
        finding the assessor added: the findings window, where those are shown)."""
        from safety_assess.domain.walk.slots import SlotKey  # it loads the checklist model, not needed at start

        try:
            photo = self.workspace.photos.get(photo_id)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the photo", str(error))
            return
        if photo.item_id is None:
            self.open_plan(photo.assessment_id)
            return
        window = self.open_walkthrough(photo.assessment_id)
        if window is not None:
            key = SlotKey(photo.item_id, photo.instance_id)
            window.go_to(key)
            shown = [each.id for each in window.session.photos_for(key)]
            if window.current == key and photo.id in shown:
                window.photos.open_viewer(shown.index(photo.id))
            else:
                dialogs.show_error(window, "Cannot open the photo", f"{photo.filename} was removed from its item")

    def open_maps(self, campus_id: uuid.UUID) -> MapWindow | None:
        """The campus's site plans, brought forward when already open."""
        from safety_assess.ui.maps.window import MapWindow

        found = existing(self.maps, campus_id)
        if found is not None:
            return found
        try:
            window = MapWindow(self.workspace, campus_id, self.channel, self)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the site plans", str(error))
            return None
        return show_registered(self.maps, campus_id, window)

    def open_drills(self, campus_id: uuid.UUID) -> DrillWindow | None:
        """The campus's drill log, brought forward when already open."""
        from safety_assess.ui.drills.window import DrillWindow

        found = existing(self.drills, campus_id)
        if found is not None:
            return found
        try:
            window = DrillWindow(self.workspace, campus_id, self.channel)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the drill log", str(error))
            return None
        return show_registered(self.drills, campus_id, window)

    def open_spot_checks(self, campus_id: uuid.UUID) -> SpotCheckWindow | None:
        """The campus's spot checks, brought forward when already open."""
        from safety_assess.ui.spot_checks.window import SpotCheckWindow

        found = existing(self.spot_checks, campus_id)
        if found is not None:
            return found
        try:
            window = SpotCheckWindow(self.workspace, campus_id, self.channel, self)
        except SafetyAssessError as error:
            dialogs.show_error(self.main, "Cannot open the spot checks", str(error))
            return None
        return show_registered(self.spot_checks, campus_id, window)

    def open_district(self) -> DistrictWindow:
        """The district view, brought forward and read again when already open."""
        from safety_assess.ui.district.window import DistrictWindow

        if self.district is not None:
            self.district.reload()
            bring_forward(self.district)
            return self.district
        window = DistrictWindow(self.workspace, self.channel, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._forget_district)
        self.district = window
        window.show()
        return window

    def _forget_district(self) -> None:
        self.district = None

    def open_checklists(self) -> ChecklistsWindow:
        """File > Checklists…: one window, brought forward and read again when already open."""
        from safety_assess.ui.checklists.window import ChecklistsWindow

        if self.checklists is not None:
            self.checklists.reload()
            bring_forward(self.checklists)
            return self.checklists
        window = ChecklistsWindow(self.workspace, self.channel)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(self._forget_checklists)
        self.checklists = window
        window.show()
        return window

    def _forget_checklists(self) -> None:
        self.checklists = None

    def show_guide(self) -> GuideWindow | None:
        """The user guide in the app (one window, brought forward when open); None when it is missing (told)."""
        from safety_assess.base.resources import user_guide
        from safety_assess.ui.guide import GuideWindow

        if self.guide is not None:
            bring_forward(self.guide)
            return self.guide
        page = user_guide()
        if not page.is_file():
            dialogs.show_error(self.main, "User guide missing", f"The user guide is not where it should be: {page}")
            return None
        self.guide = GuideWindow(page)
        self.guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.guide.destroyed.connect(self._forget_guide)
        self.guide.show()
        return self.guide

    def _forget_guide(self) -> None:
        self.guide = None

    def export_report(self, parent: QWidget, assessment_id: uuid.UUID, operations: Operations) -> None:
        from safety_assess.ui.report.exporting import ReportExport

        ReportExport(parent, self.workspace, assessment_id, operations, self).start()

    def show_report(self, path: Path, password: str | None, warnings: list[str]) -> ReportPreview:
        from safety_assess.ui.report.preview import ReportPreview

        preview = ReportPreview(path, password, warnings)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.previews.append(preview)
        preview.destroyed.connect(lambda *_: self.previews.remove(preview))
        preview.show()
        return preview

    def opened(self) -> list[QWidget]:
        """Every window open besides the main one."""
        single = [window for window in (self.district, self.guide) if window is not None]
        kept = [*self.walks.values(), *self.plans.values(), *self.maps.values(), *self.conflicts.values()]
        kept += self.drills.values()
        return [*kept, *single, *self.previews]

    def work_running(self) -> list[str]:
        """What runs in the background in the main window and every window opened from it (titles)."""
        every = [
            *([self.operations] if self.operations else []),
            *(walk.operations for walk in self.walks.values()),
            *(plan.operations for plan in self.plans.values()),
            *(maps.operations for maps in self.maps.values()),
            *([self.district.operations] if self.district else []),
        ]
        return [operation.title for operations in every for operation in operations.running()]

    def close_all(self) -> None:
        """Close the walkthroughs, plans, site plans, district view and report previews (each waits for its work)."""
        for window in self.opened():
            window.close()
