"""At start, in the background: remove what writes cut off by a crash left behind, and tell once of the photo
imports a crash cut off (which files to add again)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from safety_assess.services.photo_journal import CutOffImport, after_a_crash, forget
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operations


def tidy_up_after_a_crash(window: QWidget, workspace: Workspace, operations: Operations) -> None:
    operations.run("Tidying up", lambda _progress: after_a_crash(workspace), on_done=lambda f: _tell(window, f))


def _tell(window: QWidget, found: list[tuple[CutOffImport, list[str]]]) -> None:
    if found:
        dialogs.show_notice(window, "Photos not added", "\n\n".join("\n".join(lines) for _, lines in found))
        forget([cut for cut, _ in found])
