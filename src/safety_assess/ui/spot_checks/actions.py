"""The spot checks window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.spot_checks.window import SpotCheckWindow

CHECK_ACTIONS: tuple[ActionSpec[SpotCheckWindow], ...] = (
    ActionSpec(
        "check.add",
        "&Add a spot check…",
        "&Check",
        lambda w: w.add_schedule(),
        "Ctrl+N",
        "Check this campus on a schedule",
        True,
    ),
    ActionSpec(
        "check.start",
        "&Start the check",
        "&Check",
        lambda w: w.start_check(),
        "Ctrl+R",
        "Walk the chosen check's sections now (its run of this period begun and not finished, if there is one)",
        True,
    ),
    ActionSpec("check.stop", "S&top this check", "&Check", lambda w: w.stop_schedule(), "Del", "No more runs of it"),
    ActionSpec("check.close", "&Close", "&Check", lambda w: w.close(), "Ctrl+W", "Close the spot checks"),
)
