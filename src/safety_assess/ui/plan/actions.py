"""The plan window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.plan.window import PlanWindow

PLAN_ACTIONS: tuple[ActionSpec[PlanWindow], ...] = (
    ActionSpec(
        "plan.add_finding",
        "Add &finding…",
        "&Findings",
        lambda plan: plan.commands.add_finding(),
        "Ctrl+Shift+F",
        "Add a finding no checklist item covers",
        toolbar=True,
    ),
    ActionSpec(
        "plan.add_action",
        "Add &action…",
        "&Findings",
        lambda plan: plan.commands.add_action(),
        "Ctrl+Shift+A",
        "Plan a corrective action for the selected finding",
        toolbar=True,
    ),
    ActionSpec(
        "plan.suggest",
        "Plan &suggested actions",
        "&Findings",
        lambda plan: plan.commands.plan_suggested(),
        "Ctrl+Shift+S",
        "Plan the item's recommended action (cost band, phase by risk) for every finding without an action",
        toolbar=True,
    ),
    ActionSpec(
        "plan.undo_suggested",
        "&Undo planning suggested actions",
        "&Findings",
        lambda plan: plan.commands.undo_suggested(),
        QKeySequence.StandardKey.Undo,
        "Remove the actions the last 'Plan suggested actions' added, in one step",
    ),
    ActionSpec(
        "plan.edit_action",
        "&Edit action…",
        "&Findings",
        lambda plan: plan.commands.edit_selected_action(),
        "Ctrl+E",
        "Change the selected action: status, cost, due date…",
        toolbar=True,
    ),
    ActionSpec(
        "plan.export",
        "E&xport action plan…",
        "&Findings",
        lambda plan: plan.export_report(),
        "Ctrl+Shift+E",
        "The action-plan PDF for the advisory group (full or public), with a preview",
        toolbar=True,
    ),
    ActionSpec(
        "plan.review_packet",
        "Re&view packet…",
        "&Review",
        lambda plan: plan.review.write_packet(),
        None,
        "Write a fillable review packet of the plan for the advisory group (in the background)",
    ),
    ActionSpec(
        "plan.review_packet_public",
        "&Public review packet…",
        "&Review",
        lambda plan: plan.review.write_packet(public=True),
        None,
        "Write a fillable review packet of the public version of the plan, as the public action-plan PDF shows it",
    ),
    ActionSpec(
        "plan.review_import",
        "&Import filled packets…",
        "&Review",
        lambda plan: plan.review.import_from_menu(),
        None,
        "Record the advisory group's filled review packets (PDF files can also be dropped on this window)",
    ),
    ActionSpec(
        "plan.respond",
        "&Respond to the group…",
        "&Review",
        lambda plan: plan.review.respond_to_selected(),
        None,
        "Record the response to what the group said of the selected action: accepted, changed or declined",
    ),
    ActionSpec(
        "plan.decision",
        "&Decisions…",
        "&Review",
        lambda plan: plan.review.record_decision(),
        None,
        "Record the advisory group's meeting or the board's action on the plan",
    ),
    ActionSpec(
        "plan.reload",
        "&Reload",
        "&View",
        lambda plan: plan.reload(),
        QKeySequence.StandardKey.Refresh,
        "Read everything again",
    ),
    ActionSpec(
        "plan.close",
        "&Close",
        "&Findings",
        lambda plan: plan.close(),
        QKeySequence.StandardKey.Close,
        "Close this window",
    ),
)
