"""A team pack from the app: the selected assessment, the sections chosen in a dialog, written in the background."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtWidgets import QWidget

from safety_assess.base.jobs import Changes, Progress
from safety_assess.bundles.export import ExportResult
from safety_assess.domain.display import counted
from safety_assess.services.team import pack_problem, section_choices, team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.bundle import team_dialog
from safety_assess.ui.bundle.team_dialog import TeamChoices, TeamRequest
from safety_assess.ui.operations import Operations
from safety_assess.ui.progress_dialog import follow


def team_choices(workspace: Workspace, assessment_id: uuid.UUID, folder: Path | None = None) -> TeamChoices:
    summary = workspace.assessments.summary(assessment_id)
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    return TeamChoices(
        assessment=f"the assessment of {summary.campus.name} on {summary.assessed_on.isoformat()}",
        sections=section_choices(workspace, assessment_id),
        suggested=(folder or Path.home()) / f"team-{summary.campus.code}-{stamp}.sabundle",
    )


class TeamPackExport:
    """One team pack, from the dialog to the closing message."""

    def __init__(self, parent: QWidget, workspace: Workspace, operations: Operations) -> None:
        self.parent, self.workspace, self.operations = parent, workspace, operations

    def start(self, assessment_id: uuid.UUID) -> bool:
        problem = pack_problem(self.workspace, self.workspace.assessments.summary(assessment_id))
        if problem is not None:
            dialogs.show_error(self.parent, "No team pack", f"{problem[0].upper()}{problem[1:]}.")
            return False
        request = team_dialog.ask_team_pack(self.parent, team_choices(self.workspace, assessment_id))
        if request is None:
            return False
        self.run(assessment_id, request)
        return True

    def run(self, assessment_id: uuid.UUID, request: TeamRequest) -> None:
        workspace = self.workspace

        def work(progress: Progress) -> tuple[ExportResult, tuple[str, ...]]:
            return team_pack(workspace, assessment_id, request.path, request.sections, progress=progress)

        operation = self.operations.run(
            "Writing a team pack",
            work,
            on_done=self._done,
            on_error=self._failed,
            changes=lambda _: Changes(assessments=frozenset({assessment_id})),  # the pack is recorded with it
            owner=self,
        )
        follow(self.parent, "Team pack", "Writing the team pack…", operation)

    def _done(self, written: tuple[ExportResult, tuple[str, ...]]) -> None:
        result, sections = written
        dialogs.show_message(
            self.parent,
            "Team pack written",
            f"Wrote {result.path}: {counted(len(sections), 'section')} ({', '.join(sections)}), "
            f"{counted(result.photos, 'photo')}, {result.size / 1e6:.1f} MB.\n"
            f"Signed by this device, {self.workspace.device_key.fingerprint}: the second laptop trusts it once, "
            "after comparing the fingerprint.",
        )

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.parent, "Team pack not written", message)
