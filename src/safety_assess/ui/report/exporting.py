"""Export an assessment's report: ask the options, make it in the background with progress and cancel, then
show it in a preview the window registry keeps."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from safety_assess.base.jobs import Progress
from safety_assess.services.reports import ReportResult, export_report
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.registry import Registry
from safety_assess.ui.report import options
from safety_assess.ui.report.options import ReportRequest


def suggested_path(workspace: Workspace, assessment_id: uuid.UUID, folder: Path | None = None) -> Path:
    summary = workspace.assessments.summary(assessment_id)
    code = re.sub(r"[^A-Za-z0-9_-]+", "-", summary.campus.code).strip("-") or "campus"
    return (folder or Path.home()) / f"action-plan-{code}-{summary.assessed_on.isoformat()}.pdf"


class ReportExport:
    """One export, from the options dialog to the preview window; kept by its operation until that ends."""

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        assessment_id: uuid.UUID,
        operations: Operations,
        registry: Registry,
    ) -> None:
        self.parent, self.workspace, self.assessment_id = parent, workspace, assessment_id
        self.operations, self.registry = operations, registry

    def start(self) -> bool:
        request = options.ask_report_options(self.parent, suggested_path(self.workspace, self.assessment_id))
        if request is None:
            return False
        self.run(request)
        return True

    def run(self, request: ReportRequest) -> None:
        workspace, assessment_id = self.workspace, self.assessment_id

        def work(progress: Progress) -> ReportResult:
            return export_report(
                workspace,
                assessment_id,
                request.path,
                public=request.public,
                password=request.password,
                clock=dt.datetime.now(dt.UTC),
                progress=progress,
            )

        operation = self.operations.run(
            "Exporting the action plan",
            work,
            on_done=lambda result: self._done(result, request),
            on_error=self._failed,
            owner=self,
        )
        follow(self.parent, "Export action plan", "Exporting the action plan…", operation)

    def _done(self, result: ReportResult, request: ReportRequest) -> None:
        self.registry.show_report(result.path, request.password, result.warnings)

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Action plan not exported", message)
