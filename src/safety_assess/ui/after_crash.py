"""At start, in the background: remove what writes cut off by a crash left behind, and tell once of the photo
imports a crash cut off (which files to add again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.services.files import tidy_up
from safety_assess.services.photo_journal import CutOffImport, cut_off_imports, describe, forget
from safety_assess.services.progress import Progress
from safety_assess.ui import dialogs

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow

Found = list[tuple[CutOffImport, str]]


def tidy_up_after_a_crash(window: MainWindow) -> None:
    workspace = window.workspace

    def work(_progress: Progress) -> Found:
        tidy_up(workspace.data_dir)
        return [
            (cut, "\n".join([describe(workspace, cut), *map(str, cut.not_added)])) for cut in cut_off_imports(workspace)
        ]

    window.operations.run("Tidying up", work, on_done=lambda found: _tell(window, found))


def _tell(window: MainWindow, found: Found) -> None:
    if found:
        dialogs.show_notice(window, "Photos not added", "\n\n".join(text for _, text in found))
        forget([cut for cut, _ in found])
