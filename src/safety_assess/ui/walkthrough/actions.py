"""The walkthrough window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.walkthrough.window import WalkthroughWindow

WALK_ACTIONS: tuple[ActionSpec[WalkthroughWindow], ...] = (
    ActionSpec(
        "walk.next",
        "&Next unanswered",
        "&Go",
        lambda walk: walk.next_unanswered(),
        "Ctrl+Right",
        "Next unanswered item (Enter or Right)",
        toolbar=True,
    ),
    ActionSpec(
        "walk.previous",
        "&Previous",
        "&Go",
        lambda walk: walk.previous(),
        "Ctrl+Left",
        "Previous item (Left)",
        toolbar=True,
    ),
    ActionSpec(
        "walk.find",
        "&Search…",
        "&Go",
        lambda walk: walk.focus_search(),
        QKeySequence.StandardKey.Find,
        "Search prompts and guidance",
    ),
    ActionSpec(
        "walk.tree", "Section &tree", "&Go", lambda walk: walk.focus_tree(), "Ctrl+T", "Move to the section tree"
    ),
    ActionSpec(
        "walk.undo",
        "&Undo last answer",
        "&Edit",
        lambda walk: walk.undo(),
        QKeySequence.StandardKey.Undo,
        "Undo the last answer or note",
        toolbar=True,
    ),
    ActionSpec(
        "walk.clear", "C&lear answer", "&Edit", lambda walk: walk.clear_answer(), None, "Clear this answer (Delete)"
    ),
    ActionSpec(
        "walk.add_photos",
        "Add &photos…",
        "&Edit",
        lambda walk: walk.photos.add_from_files(),
        "Ctrl+Shift+P",
        "Attach photo files to this item (or drop them, or paste an image with Ctrl+V)",
        toolbar=True,
    ),
    ActionSpec(
        "walk.take_photos",
        "&Take photos…",
        "&Edit",
        lambda walk: walk.photos.take_with_camera(),
        "Ctrl+Shift+C",
        "Take photos with a camera: live preview, Space to shoot",
        toolbar=True,
    ),
    ActionSpec(
        "walk.add_instance",
        "&Add instance…",
        "&Instances",
        lambda walk: walk.instances.add(),
        "Ctrl+I",
        "Add an entrance, camera… to the repeatable group",
        toolbar=True,
    ),
    ActionSpec(
        "walk.rename_instance",
        "&Rename instance…",
        "&Instances",
        lambda walk: walk.instances.rename(),
        "F2",
        "Rename the selected instance",
    ),
    ActionSpec(
        "walk.move_up",
        "Move instance &up",
        "&Instances",
        lambda walk: walk.instances.move_up(),
        "Ctrl+Shift+Up",
        "Move the selected instance up",
    ),
    ActionSpec(
        "walk.move_down",
        "Move instance &down",
        "&Instances",
        lambda walk: walk.instances.move_down(),
        "Ctrl+Shift+Down",
        "Move the selected instance down",
    ),
    ActionSpec(
        "walk.remove_instance",
        "Re&move instance…",
        "&Instances",
        lambda walk: walk.instances.remove(),
        "Ctrl+Shift+Del",
        "Remove the selected instance and its answers",
    ),
    ActionSpec(
        "walk.review",
        "&Review and complete…",
        "&Assessment",
        lambda walk: walk.review(),
        "Ctrl+R",
        "List what is missing, then sign off",
        toolbar=True,
    ),
    ActionSpec(
        "walk.plan",
        "&Findings and action plan…",
        "&Assessment",
        lambda walk: walk.show_plan(),
        "Ctrl+Shift+F",
        "Findings raised so far, the heat map, actions and costs",
        toolbar=True,
    ),
    ActionSpec(
        "walk.export",
        "E&xport action plan…",
        "&Assessment",
        lambda walk: walk.export_plan(),
        "Ctrl+Shift+E",
        "The action-plan PDF of this assessment (full or public), with a preview",
    ),
    ActionSpec(
        "walk.reopen",
        "Re&open as a new revision…",
        "&Assessment",
        lambda walk: walk.reopen(),
        "Ctrl+Shift+R",
        "Reopen a completed assessment; the completed one is kept",
    ),
    ActionSpec(
        "walk.close",
        "&Close",
        "&Assessment",
        lambda walk: walk.close(),
        QKeySequence.StandardKey.Close,
        "Close the walkthrough",
    ),
)

SHORTCUT_HINT = (
    "Y yes · N no · A N/A · 1–9 options · Enter/→ next unanswered · ← previous · Delete clear · "
    "Ctrl+Z undo · Ctrl+F search · Ctrl+T tree · Esc leaves a text field"
)
