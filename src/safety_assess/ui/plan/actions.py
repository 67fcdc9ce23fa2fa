"""The plan window's actions, as data."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from safety_assess.ui.actions import ActionSpec

PLAN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "plan.add_finding",
        "Add &finding…",
        "&Findings",
        "commands.add_finding",
        "Ctrl+Shift+F",
        "Add a finding no checklist item covers",
        toolbar=True,
    ),
    ActionSpec(
        "plan.add_action",
        "Add &action…",
        "&Findings",
        "commands.add_action",
        "Ctrl+Shift+A",
        "Plan a corrective action for the selected finding",
        toolbar=True,
    ),
    ActionSpec(
        "plan.edit_action",
        "&Edit action…",
        "&Findings",
        "commands.edit_selected_action",
        "Ctrl+E",
        "Change the selected action: status, cost, due date…",
        toolbar=True,
    ),
    ActionSpec(
        "plan.export",
        "E&xport action plan…",
        "&Findings",
        "export_report",
        "Ctrl+Shift+E",
        "The action-plan PDF for the advisory group (full or public), with a preview",
        toolbar=True,
    ),
    ActionSpec("plan.reload", "&Reload", "&View", "reload", QKeySequence.StandardKey.Refresh, "Read everything again"),
    ActionSpec("plan.close", "&Close", "&Findings", "close", QKeySequence.StandardKey.Close, "Close this window"),
)
