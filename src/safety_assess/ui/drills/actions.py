"""The drill log window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.drills.window import DrillWindow

DRILL_ACTIONS: tuple[ActionSpec[DrillWindow], ...] = (
    ActionSpec("drill.add", "&Log a drill…", "&Drill", lambda w: w.add_drill(), "Ctrl+N", "A drill held here", True),
    ActionSpec(
        "drill.edit", "&Edit drill…", "&Drill", lambda w: w.edit_drill(), "Ctrl+E", "Change the chosen drill", True
    ),
    ActionSpec(
        "drill.finding",
        "Make a &finding…",
        "&Drill",
        lambda w: w.make_finding(),
        "Ctrl+F",
        "What went wrong in the chosen drill, as a finding in the campus's current assessment (and its plan)",
        True,
    ),
    ActionSpec("drill.remove", "&Remove drill", "&Drill", lambda w: w.remove_drill(), "Del", "Remove the chosen drill"),
    ActionSpec("drill.close", "&Close", "&Drill", lambda w: w.close(), "Ctrl+W", "Close the drill log"),
)
