"""Import bundles in the app (menu or drag and drop): everything in the background with progress and cancel; a new
device is trusted only once a person has compared its fingerprint; then one line per bundle says how it went. What
was brought in is published by the operations into the change channel, so the lists follow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from safety_assess.base.jobs import Progress
from safety_assess.bundles.importer import BundleOutcome
from safety_assess.services.bundles import import_bundles
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow


def outcome_line(outcome: BundleOutcome, own_fingerprint: str = "") -> str:
    if outcome.report is not None:
        encrypted = " (encrypted)" if outcome.report.sealed else ""
        return outcome.report.summary() + encrypted
    if outcome.untrusted is not None and outcome.untrusted.fingerprint == own_fingerprint:
        return f"{outcome.path.name}: not imported: it is this installation's own bundle, and you chose to leave it"
    if outcome.reason.startswith("not imported"):
        return f"{outcome.path.name}: {outcome.reason}"
    return f"{outcome.path.name}: refused: {outcome.reason}"


class BundleImport:
    """One batch of bundles: import, ask about new devices, import those again if trusted, report."""

    def __init__(self, parent: QWidget, workspace: Workspace, operations: Operations) -> None:
        self.parent, self.workspace, self.operations = parent, workspace, operations
        self.outcomes: dict[Path, BundleOutcome] = {}
        self.progress: QProgressDialog | None = None

    def start(self, paths: list[Path]) -> None:
        self.run(paths, set())

    def run(self, paths: list[Path], trusted: set[str]) -> None:
        workspace, done = self.workspace, list[BundleOutcome]()

        def work(progress: Progress) -> list[BundleOutcome]:
            return import_bundles(workspace, paths, trusted, progress, into=done)

        operation = self.operations.run(
            "Importing bundles", work, on_done=self._done, on_error=self._failed, owner=self
        )
        operation.cancelled.connect(lambda: self._cancelled(paths, done))
        self.progress = follow(self.parent, "Import bundles", "Importing…", operation)

    def _cancelled(self, paths: list[Path], done: list[BundleOutcome]) -> None:
        """What was applied before the cancel stands and is listed; the rest is named as not imported."""
        self.outcomes.update({o.path: o for o in done})
        reached = {o.path for o in done}
        stopped = "not imported: the import was cancelled before it was done (nothing of it was changed)"
        self.outcomes.update({p: BundleOutcome(p, reason=stopped) for p in paths if p not in reached})
        self._report()

    def _done(self, outcomes: list[BundleOutcome]) -> None:
        self.outcomes.update({o.path: o for o in outcomes})
        claims = {o.untrusted.fingerprint: o.untrusted for o in outcomes if o.untrusted is not None}
        if self.progress is not None:
            self.progress.reset()  # hidden before any question: it must not cover the fingerprint
        own = self.workspace.signing_fingerprint
        trusted = {fp for fp, claim in claims.items() if dialogs.ask_trust_device(self.parent, claim, fp == own)}
        again = [o.path for o in outcomes if o.untrusted is not None and o.untrusted.fingerprint in trusted]
        if again:
            self.run(again, trusted)
            return
        self._report()

    def _report(self) -> None:
        if self.outcomes:
            own = self.workspace.signing_fingerprint
            lines = [outcome_line(o, own) for o in self.outcomes.values()]
            imported = sum(o.report is not None for o in self.outcomes.values())
            dialogs.show_import_results(self.parent, lines, imported, len(self.outcomes) - imported)

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Bundles not imported", message)
