"""Opening plan windows from the main window or a walkthrough, one per assessment."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs
from safety_assess.ui.plan.window import PlanWindow

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow


def open_plan(main: MainWindow, assessment_id: uuid.UUID) -> PlanWindow | None:
    existing = main.plans.get(assessment_id)
    if existing is not None:
        existing.reload()
        existing.raise_()
        existing.activateWindow()
        return existing
    try:
        window = PlanWindow(main.workspace, assessment_id)
    except SafetyAssessError as error:
        dialogs.show_error(main, "Cannot open the findings", str(error))
        return None
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    main.plans[assessment_id] = window
    window.changed.connect(lambda _id: main.refresh_soon())
    window.destroyed.connect(lambda *_: main.plans.pop(assessment_id, None))
    window.show()
    return window
