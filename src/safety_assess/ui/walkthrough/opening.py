"""Opening walkthrough windows from the main window, one per assessment."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.walkthrough import WalkSession
from safety_assess.ui import dialogs
from safety_assess.ui.walkthrough.window import WalkthroughWindow

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow


def open_walkthrough(main: MainWindow, assessment_id: uuid.UUID) -> WalkthroughWindow | None:
    existing = main.walks.get(assessment_id)
    if isinstance(existing, WalkthroughWindow):
        existing.raise_()
        existing.activateWindow()
        return existing
    try:
        session = WalkSession(main.workspace, assessment_id)
    except SafetyAssessError as error:
        dialogs.show_error(main, "Cannot open the assessment", str(error))
        return None
    window = WalkthroughWindow(session)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    main.walks[assessment_id] = window
    window.changed.connect(main.answers_changed)
    window.planRequested.connect(main.open_plan)
    window.reopened.connect(main.open_assessment)
    window.destroyed.connect(lambda *_: main.walks.pop(assessment_id, None))
    window.show()
    return window
