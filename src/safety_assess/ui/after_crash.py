"""At start, in the background: remove what writes cut off by a crash left behind, and tell once of the photo
imports a crash cut off (which files to add again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.services.photo_journal import CutOffImport, after_a_crash, forget
from safety_assess.ui import dialogs

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow


def tidy_up_after_a_crash(window: MainWindow) -> None:
    workspace = window.workspace
    window.operations.run("Tidying up", lambda _progress: after_a_crash(workspace), on_done=lambda f: _tell(window, f))


def _tell(window: MainWindow, found: list[tuple[CutOffImport, list[str]]]) -> None:
    if found:
        dialogs.show_notice(window, "Photos not added", "\n\n".join("\n".join(lines) for _, lines in found))
        forget([cut for cut, _ in found])
