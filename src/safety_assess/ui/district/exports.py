"""What the district window writes: the district report (then shown in a preview the window registry keeps) and a
campus pack for the field, each in the background with progress and cancel."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from safety_assess.base.jobs import Progress
from safety_assess.bundles.export import ExportResult
from safety_assess.domain.display import counted
from safety_assess.domain.records import Campus
from safety_assess.services.bundles import export_campus_pack
from safety_assess.services.district import export_district_report
from safety_assess.services.reports import ReportResult
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.registry import Registry

R = TypeVar("R")


class DistrictExports:
    def __init__(self, parent: QWidget, workspace: Workspace, operations: Operations, registry: Registry) -> None:
        self.parent, self.workspace, self.operations, self.registry = parent, workspace, operations, registry

    def report(self, folder: Path | None = None) -> None:
        suggested = (folder or Path.home()) / f"district-safety-plan-{dt.date.today().isoformat()}.pdf"
        workspace = self.workspace
        self._write(
            "District report",
            suggested,
            "PDF (*.pdf)",
            lambda out, progress: export_district_report(workspace, out, progress=progress),
            self._show,
        )

    def pack(self, campus: Campus, folder: Path | None = None) -> None:
        code = re.sub(r"[^A-Za-z0-9_-]+", "-", campus.code).strip("-") or "campus"
        suggested = (folder or Path.home()) / f"campus-pack-{code}-{dt.date.today().isoformat()}.sabundle"
        workspace = self.workspace
        self._write(
            "Campus pack",
            suggested,
            "Bundles (*.sabundle)",
            lambda out, progress: export_campus_pack(workspace, campus.code, out, progress=progress),
            self._packed,
        )

    def _write(
        self,
        title: str,
        suggested: Path,
        file_filter: str,
        work: Callable[[Path, Progress], R],
        done: Callable[[R], object],
    ) -> None:
        """Ask where, then write in the background with progress and Cancel."""
        out = dialogs.ask_save_path(self.parent, f"Export {title.lower()}", suggested, file_filter)
        if out is None:
            return
        operation = self.operations.run(
            title, lambda progress: work(out, progress), on_done=done, on_error=self._failed
        )
        follow(self.parent, title, f"Writing the {title.lower()}…", operation)

    def _show(self, result: ReportResult) -> None:
        self.registry.show_report(result.path, None, result.warnings)

    def _packed(self, result: ExportResult) -> None:
        dialogs.show_message(
            self.parent,
            "Campus pack exported",
            f"Wrote {result.path}: the campus's latest assessment with its actions' status, "
            f"{counted(result.photos, 'photo')}.\n\nThe assessor imports it (Sync > Import bundles) before the next "
            f"walk; it is signed by this installation, {self.workspace.signing_fingerprint}.",
        )

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Not exported", message)
