"""The map window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from safety_assess.domain.sitemap.model import MarkerKind
from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow

KEYS = QKeySequence.StandardKey

PLAN_MENU: tuple[ActionSpec[MapWindow], ...] = (
    ActionSpec(
        "map.import",
        "&Import plan…",
        "&Plan",
        lambda w: w.plan_commands.import_plan(),
        "Ctrl+I",
        "A site or floor plan from a PNG, JPEG or PDF page",
        toolbar=True,
    ),
    ActionSpec("map.rename", "&Rename plan…", "&Plan", lambda w: w.plan_commands.rename(), "Ctrl+R", "A new title"),
    ActionSpec(
        "map.rotate",
        "&Turn a quarter",
        "&Plan",
        lambda w: w.plan_commands.rotate(),
        "Ctrl+T",
        "Turn the plan a quarter turn clockwise, on screen and in print",
    ),
    ActionSpec(
        "map.north",
        "Set &north…",
        "&Plan",
        lambda w: w.plan_commands.set_north(),
        "Ctrl+Shift+N",
        "Where north points on this plan",
    ),
    ActionSpec(
        "map.remove",
        "Re&move plan",
        "&Plan",
        lambda w: w.plan_commands.remove(),
        "Ctrl+Del",
        "Remove this plan and what is drawn on it (Undo brings it back)",
    ),
    ActionSpec(
        "map.answer",
        "&Answer from plan…",
        "&Plan",
        lambda w: w.answers.answer_from_plan(),
        "Ctrl+Shift+A",
        "The answers the plans suggest for the newest assessment in progress (which camera sees each entrance); "
        "the ticked ones are recorded",
        toolbar=True,
    ),
    ActionSpec("map.close", "&Close", "&Plan", lambda w: w.close(), "Ctrl+W", "Close the site plans"),
)
EDIT_MENU: tuple[ActionSpec[MapWindow], ...] = (
    ActionSpec("map.undo", "&Undo", "&Edit", lambda w: w.stack.undo(), "Ctrl+Z", "Undo the last change", toolbar=True),
    ActionSpec("map.redo", "&Redo", "&Edit", lambda w: w.stack.redo(), "Ctrl+Shift+Z", "Redo what was undone"),
    ActionSpec(
        "map.edit",
        "&Edit item…",
        "&Edit",
        lambda w: w.editing.edit_selected(),
        "F2",
        "The selected marker's label, a camera's heading, field of view, range and resolution; a zone's name",
    ),
    ActionSpec(
        "map.delete",
        "&Delete item",
        "&Edit",
        lambda w: w.editing.delete_selected(),
        KEYS.Delete,
        "Remove the selected markers, walls or zones",
    ),
    ActionSpec(
        "map.renumber",
        "Re&number exterior doors",
        "&Edit",
        lambda w: w.editing.renumber_doors(),
        "Ctrl+Shift+R",
        "Number the exterior doors clockwise from the main entrance (door 1)",
    ),
)
DRAW_MENU: tuple[ActionSpec[MapWindow], ...] = (
    ActionSpec(
        "map.place",
        "Place &marker",
        "&Draw",
        lambda w: w.editing.place_tool(),
        "M",
        "Place a marker of the kind chosen in the toolbar: click where it is",
        toolbar=True,
    ),
    ActionSpec(
        "map.place_door",
        "Place exterior &door",
        "&Draw",
        lambda w: w.editing.place_tool(MarkerKind.EXTERIOR_DOOR),
        "D",
        "Place an exterior door",
    ),
    ActionSpec(
        "map.place_camera",
        "Place &camera",
        "&Draw",
        lambda w: w.editing.place_tool(MarkerKind.CAMERA),
        "C",
        "Place a camera (then F2 for its heading, field of view and range)",
    ),
    ActionSpec(
        "map.pin_finding",
        "Pin &finding…",
        "&Draw",
        lambda w: w.editing.pin_finding_tool(),
        "F",
        "Choose one of the campus's findings, then click where it is; its pin takes its band's colour",
    ),
    ActionSpec(
        "map.pin_photo",
        "Pin &photo…",
        "&Draw",
        lambda w: w.photos.pin_tool(),
        "P",
        "Choose one of the newest assessment's photos, then click where it was taken; Enter on the pin opens it",
    ),
    ActionSpec(
        "map.wall",
        "Draw &wall",
        "&Draw",
        lambda w: w.editing.wall_tool(),
        "W",
        "Click the wall's points; Enter or a double-click ends it",
        toolbar=True,
    ),
    ActionSpec(
        "map.zone",
        "Draw &zone",
        "&Draw",
        lambda w: w.editing.zone_tool(),
        "Z",
        "Click the zone's corners; Enter or a double-click ends it",
        toolbar=True,
    ),
    ActionSpec(
        "map.scale",
        "Set &scale…",
        "&Draw",
        lambda w: w.editing.scale_tool(),
        "L",
        "Click two points a known distance apart, then type the distance",
        toolbar=True,
    ),
)
VIEW_MENU: tuple[ActionSpec[MapWindow], ...] = (
    ActionSpec("map.zoom_in", "Zoom &in", "&View", lambda w: w.view.zoom_by(1.25), KEYS.ZoomIn, "Zoom in (Ctrl+wheel)"),
    ActionSpec("map.zoom_out", "Zoom &out", "&View", lambda w: w.view.zoom_by(0.8), KEYS.ZoomOut, "Zoom out"),
    ActionSpec(
        "map.go_plans", "&Plans list", "&View", lambda w: w.plans_view.setFocus(), "Ctrl+1", "Go to the list of plans"
    ),
    ActionSpec("map.go_plan", "Pla&n", "&View", lambda w: w.view.setFocus(), "Ctrl+2", "Go to the plan"),
    ActionSpec(
        "map.go_coverage",
        "&Coverage list",
        "&View",
        lambda w: w.coverage.table.setFocus(),
        "Ctrl+3",
        "Go to the doors and zones and the cameras that see them",
    ),
    ActionSpec("map.fit", "&Fit plan", "&View", lambda w: w.view.fit(), "Ctrl+0", "The whole plan in the window"),
)
MAP_ACTIONS: tuple[ActionSpec[MapWindow], ...] = (*PLAN_MENU, *EDIT_MENU, *DRAW_MENU, *VIEW_MENU)
