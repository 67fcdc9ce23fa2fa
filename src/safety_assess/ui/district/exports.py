"""What the district window writes: the district report (then shown) and a campus pack for the field, each in the
background with progress and cancel."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from safety_assess.domain.records import Campus
from safety_assess.services.district import export_district_report
from safety_assess.services.progress import Progress
from safety_assess.services.reports import ReportResult
from safety_assess.services.workspace import Workspace
from safety_assess.sync.export import ExportResult, export_campus_pack
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.report.preview import ReportPreview


class DistrictExports:
    def __init__(self, parent: QWidget, workspace: Workspace, operations: Operations) -> None:
        self.parent, self.workspace, self.operations = parent, workspace, operations
        self.preview: ReportPreview | None = None

    def report(self, folder: Path | None = None) -> None:
        suggested = (folder or Path.home()) / f"district-safety-plan-{dt.date.today().isoformat()}.pdf"
        out = dialogs.ask_save_path(self.parent, "Export district report", suggested, "PDF (*.pdf)")
        if out is None:
            return
        workspace = self.workspace

        def work(progress: Progress) -> ReportResult:
            return export_district_report(workspace, out, progress=progress)

        operation = self.operations.run("District report", work, on_done=self._show, on_error=self._failed)
        follow(self.parent, "District report", "Making the district report…", operation)

    def pack(self, campus: Campus, folder: Path | None = None) -> None:
        code = re.sub(r"[^A-Za-z0-9_-]+", "-", campus.code).strip("-") or "campus"
        suggested = (folder or Path.home()) / f"campus-pack-{code}-{dt.date.today().isoformat()}.sabundle"
        out = dialogs.ask_save_path(self.parent, "Export campus pack", suggested, "Bundles (*.sabundle)")
        if out is None:
            return
        workspace = self.workspace

        def work(progress: Progress) -> ExportResult:
            return export_campus_pack(workspace, campus.code, out, progress=progress)

        operation = self.operations.run("Campus pack", work, on_done=self._packed, on_error=self._failed)
        follow(self.parent, "Campus pack", "Exporting the campus pack…", operation)

    def _show(self, result: ReportResult) -> None:
        self.preview = ReportPreview(result.path, None, result.warnings)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.destroyed.connect(self._forget_preview)
        self.preview.show()

    def _forget_preview(self) -> None:
        self.preview = None

    def _packed(self, result: ExportResult) -> None:
        dialogs.show_message(
            self.parent,
            "Campus pack exported",
            f"Wrote {result.path}: the campus's latest assessment with its actions' status, {result.photos} "
            f"photo(s).\n\nThe assessor imports it (Sync > Import bundles) before the next walk; it is signed by "
            f"this installation, {self.workspace.device_key.fingerprint}.",
        )

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Not exported", message)
