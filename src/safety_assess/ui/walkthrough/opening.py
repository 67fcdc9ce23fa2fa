"""Opening walkthrough windows from the main window, one per assessment."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.walkthrough import WalkSession
from safety_assess.ui import dialogs
from safety_assess.ui.one_window import existing, show_registered
from safety_assess.ui.walkthrough.window import WalkthroughWindow

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow


def open_walkthrough(main: MainWindow, assessment_id: uuid.UUID) -> WalkthroughWindow | None:
    found = existing(main.walks, assessment_id)
    if found is not None:
        return found
    try:
        session = WalkSession(main.workspace, assessment_id)
    except SafetyAssessError as error:
        dialogs.show_error(main, "Cannot open the assessment", str(error))
        return None
    window = WalkthroughWindow(session, main.channel)
    window.planRequested.connect(main.open_plan)
    window.reopened.connect(main.open_assessment)
    return show_registered(main.walks, assessment_id, window)
