"""Export a bundle from the app: choose what, write it in the background with progress and cancel, say what was
written."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from safety_assess.base.jobs import Progress
from safety_assess.bundles.export import ExportResult
from safety_assess.domain.display import counted
from safety_assess.services.bundles import changed_assessments, changed_drill_logs, export_bundle, export_changed
from safety_assess.services.sealing import sealing_key
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.bundle import export_dialog
from safety_assess.ui.bundle.export_dialog import BundleChoices, BundleRequest
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow


def bundle_choices(workspace: Workspace, selected: uuid.UUID | None, folder: Path | None = None) -> BundleChoices:
    _, summaries = workspace.overview()
    own = [s for s in summaries if s.source_device is None]
    changed, since = changed_assessments(workspace)
    key = sealing_key(workspace)
    name = f" ({key.district})" if key is not None and key.district else ""
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    return BundleChoices(
        assessments=own,
        preselected={selected} if selected is not None else set(),
        changed=changed,
        last_export=since.astimezone().strftime("%Y-%m-%d %H:%M") if since is not None else "never",
        encrypt_to=f"{key.fingerprint}{name}" if key is not None else "",
        suggested=(folder or Path.home()) / f"safety-assess-{stamp}.sabundle",
        drill_logs=len(changed_drill_logs(workspace)),
    )


def summary_text(result: ExportResult, fingerprint: str) -> str:
    lines = [
        f"Wrote {result.path}: {counted(len(result.assessments), 'assessment')}, {counted(result.photos, 'photo')}, "
        + (f"{counted(result.drill_logs, 'drill log')}, " if result.drill_logs else "")
        + f"{result.size / 1e6:.1f} MB.",
        f"Signed by this device, {fingerprint}.",
        f"Encrypted to the district key {result.sealed_to.fingerprint}."
        if result.sealed_to is not None
        else "Not encrypted: keep the file as confidential as the assessments themselves.",
    ]
    lines += [f"Warning: {warning}" for warning in result.warnings]
    return "\n".join(lines)


class BundleExport:
    """One export, from the dialog to the closing message."""

    def __init__(self, parent: QWidget, workspace: Workspace, operations: Operations) -> None:
        self.parent, self.workspace, self.operations = parent, workspace, operations

    def start(self, selected: uuid.UUID | None) -> bool:
        request = export_dialog.ask_bundle_export(self.parent, bundle_choices(self.workspace, selected))
        if request is None:
            return False
        self.run(request)
        return True

    def run(self, request: BundleRequest) -> None:
        workspace = self.workspace

        def work(progress: Progress) -> ExportResult | None:
            if request.since_last:
                return export_changed(workspace, request.path, progress=progress)
            return export_bundle(workspace, request.assessment_ids, request.path, progress=progress)

        operation = self.operations.run(
            "Exporting a bundle", work, on_done=self._done, on_error=self._failed, owner=self
        )
        follow(self.parent, "Export bundle", "Exporting the bundle…", operation)

    def _done(self, result: ExportResult | None) -> None:
        if result is None:
            dialogs.show_message(self.parent, "Nothing to export", "Nothing changed since the last export.")
            return
        dialogs.show_message(self.parent, "Bundle exported", summary_text(result, self.workspace.signing_fingerprint))

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Bundle not exported", message)
