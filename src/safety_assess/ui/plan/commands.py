"""What the plan window's buttons and menus do: each change checked by the services, committed, then shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from safety_assess.base.jobs import Progress
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.services.photos import PhotoImport, add_photos
from safety_assess.services.plan import PlanEditor
from safety_assess.ui import dialogs
from safety_assess.ui.plan import editors

if TYPE_CHECKING:
    from safety_assess.ui.plan.window import PlanWindow


class PlanCommands:
    def __init__(self, window: PlanWindow) -> None:
        self.window = window
        self.last_suggested: list[Action] = []
        """The actions the last 'Plan suggested actions' added: what Undo removes."""

    @property
    def editor(self) -> PlanEditor:
        return self.window.editor

    def _try(self, title: str, change: Callable[[], object]) -> bool:
        try:
            change()
        except SafetyAssessError as error:
            dialogs.show_error(self.window, title, str(error))
            return False
        return True

    def add_finding(self) -> None:
        window = self.window
        if window.plan.summary.read_only:
            dialogs.show_error(window, "Finding not added", "This assessment is completed: its findings are final.")
            return
        sections = [(s.id, s.title) for s in window.plan.checklist.sections]
        answer = editors.ask_new_finding(window, sections)
        if answer is None:
            return
        fields = FindingEdit(
            likelihood=answer.likelihood,
            severity=answer.severity,
            location=answer.location,
            description=answer.description,
        )
        try:
            record = self.editor.add_finding(answer.title, fields, section_id=answer.section_id)
        except SafetyAssessError as error:
            dialogs.show_error(window, "Finding not added", str(error))
            return
        window.changed_here(select_id=record.id)

    def save_finding(self, edit: FindingEdit) -> None:
        window, finding = self.window, self.window.current_finding()
        if finding is None:
            return
        try:
            record = self.editor.adjust(finding, edit)
        except SafetyAssessError as error:
            window.panel.show_error(str(error))
            return
        window.changed_here(select_id=record.id)
        window.statusBar().showMessage("Finding saved.", 4000)

    def delete_finding(self) -> None:
        window, finding = self.window, self.window.current_finding()
        if finding is None or not dialogs.confirm(
            window, "Delete finding", f"Delete '{finding.title}' and its actions?"
        ):
            return
        if self._try("Finding not deleted", lambda: self.editor.delete_finding(finding)):
            window.changed_here()

    def add_action(self) -> None:
        window, finding = self.window, self.window.current_finding()
        if finding is None:
            window.statusBar().showMessage("Select a finding first (Findings tab).", 5000)
            return
        plan = window.plan
        suggested = self.editor.suggested_action(finding, plan.phases)
        action = editors.ask_action(window, suggested, plan.phases, plan.summary.assessed_on, finding.title)
        if action is not None and self._try(
            "Action not added", lambda: self.editor.add_action(finding, action, plan.phases)
        ):
            window.changed_here(select_key=finding.key)

    def plan_suggested(self) -> None:
        """Plan the suggested action of every finding without one, in one step that Undo takes back."""
        window = self.window
        try:
            added = self.editor.plan_suggested(window.plan)
        except SafetyAssessError as error:
            dialogs.show_error(window, "Suggested actions not planned", str(error))
            return
        if not added:
            window.statusBar().showMessage("Every finding with a recommendation has an action already.", 6000)
            return
        self.last_suggested = added
        window.changed_here()
        noun = "action" if len(added) == 1 else "actions"
        window.statusBar().showMessage(f"{len(added)} suggested {noun} planned. Undo: Ctrl+Z.", 8000)

    def undo_suggested(self) -> None:
        """Remove the actions the last 'Plan suggested actions' added (once)."""
        window, added = self.window, self.last_suggested
        if not added:
            window.statusBar().showMessage("Nothing to undo.", 4000)
            return
        if self._try("Suggested actions not removed", lambda: self.editor.remove_actions(added)):
            self.last_suggested = []
            window.changed_here()
            window.statusBar().showMessage(f"{len(added)} suggested action(s) removed again.", 6000)

    def edit_selected_action(self) -> None:
        action = self.window.selected_action()
        if action is None:
            self.window.statusBar().showMessage("Select an action first.", 5000)
            return
        self.edit_action(action)

    def edit_action(self, action: Action) -> None:
        window, plan = self.window, self.window.plan
        finding = plan.finding(action.finding_key)
        changed = editors.ask_action(window, action, plan.phases, plan.summary.assessed_on, finding.title)
        if changed is not None and self._try(
            "Action not saved", lambda: self.editor.update_action(changed, plan.phases)
        ):
            window.changed_here(select_key=finding.key)

    def delete_action(self, action: Action) -> None:
        window = self.window
        if not dialogs.confirm(window, "Remove action", f"Remove the action '{action.description[:80]}'?"):
            return
        if self._try("Action not removed", lambda: self.editor.delete_action(action)):
            window.changed_here(select_key=action.finding_key)

    def add_photos_from_files(self) -> None:
        paths = dialogs.ask_photo_files(self.window)
        if paths:
            self.import_photos(paths)

    def import_photos(self, paths: list[Path]) -> None:
        """Photos for the selected finding: its item's for a raised finding, its own for a manual one."""
        window, finding = self.window, self.window.current_finding()
        if finding is None or window.plan.summary.read_only:
            return
        workspace, assessment_id = window.workspace, window.assessment_id

        def work(progress: Progress) -> PhotoImport:
            return add_photos(
                workspace,
                assessment_id,
                finding.item_id,
                paths,
                instance_id=finding.instance_id,
                finding_id=finding.id if finding.manual else None,
                progress=progress,
            )

        def done(result: PhotoImport) -> None:
            window.reload(select_key=finding.key)
            if result.refused:
                dialogs.show_error(window, "Some photos were not added", "\n".join(result.refused))

        window.operations.run(
            "Adding photos",
            work,
            on_done=done,
            on_error=lambda message: dialogs.show_error(window, "Photos not added", message),
        )
