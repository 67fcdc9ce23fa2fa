"""The district window's commands, their menus, shortcuts and toolbar places (as main_actions.py is the main
window's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.district.window import DistrictWindow

DISTRICT_ACTIONS: tuple[ActionSpec[DistrictWindow], ...] = (
    ActionSpec(
        "district.refresh",
        "&Refresh",
        "&District",
        lambda district: district.reload(),
        "F5",
        "Read every campus's figures again",
    ),
    ActionSpec(
        "district.done",
        "Mark &done",
        "&Actions",
        lambda district: district.mark_done(),
        "Ctrl+D",
        "The selected actions are done",
        toolbar=True,
    ),
    ActionSpec(
        "district.in_progress",
        "In &progress",
        "&Actions",
        lambda district: district.mark_in_progress(),
        "Ctrl+P",
        "Work on the selected actions has started",
        toolbar=True,
    ),
    ActionSpec(
        "district.deferred",
        "De&ferred",
        "&Actions",
        lambda district: district.mark_deferred(),
        "Ctrl+L",
        "The selected actions are put off until later (their cost still counts)",
        toolbar=True,
    ),
    ActionSpec(
        "district.reopen",
        "&Reopen",
        "&Actions",
        lambda district: district.mark_open(),
        "Ctrl+Shift+O",
        "The selected actions are open again",
    ),
    ActionSpec(
        "district.report",
        "E&xport district report…",
        "&District",
        lambda district: district.exports.report(),
        "Ctrl+Shift+E",
        "The district PDF: campuses ranked by risk, budget by phase and layer, trends, a page per campus",
        toolbar=True,
    ),
    ActionSpec(
        "district.pack",
        "Export campus &pack…",
        "&District",
        lambda district: district.export_pack(),
        "Ctrl+Shift+P",
        "Back to the field: the chosen campus's latest assessment and action status, for the next walk",
    ),
    ActionSpec(
        "district.maps",
        "Site p&lans…",
        "&District",
        lambda district: district.open_maps(),
        "Ctrl+M",
        "The chosen campus's site and floor plans, as synced from the field",
    ),
    ActionSpec(
        "district.drills",
        "&Drill log…",
        "&District",
        lambda district: district.open_drills(),
        "Ctrl+Shift+L",
        "The chosen campus's drills this school year: done, required and overdue per type",
    ),
    ActionSpec(
        "district.spot_checks",
        "Spot c&hecks…",
        "&District",
        lambda district: district.open_spot_checks(),
        "Ctrl+Shift+J",
        "The chosen campus's recurring spot checks: due and overdue, set up, started",
    ),
    ActionSpec(
        "district.close", "&Close", "&District", lambda district: district.close(), "Ctrl+W", "Close the district view"
    ),
)
