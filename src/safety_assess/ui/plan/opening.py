"""Opening plan windows from the main window or a walkthrough, one per assessment."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs
from safety_assess.ui.one_window import existing, show_registered
from safety_assess.ui.plan.window import PlanWindow

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow


def open_plan(main: MainWindow, assessment_id: uuid.UUID) -> PlanWindow | None:
    found = existing(main.plans, assessment_id, refresh=lambda window: window.reload())
    if found is not None:
        return found
    try:
        window = PlanWindow(main.workspace, assessment_id, main.channel)
    except SafetyAssessError as error:
        dialogs.show_error(main, "Cannot open the findings", str(error))
        return None
    return show_registered(main.plans, assessment_id, window)
