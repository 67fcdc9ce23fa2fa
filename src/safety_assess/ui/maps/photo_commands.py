"""Photos on a plan: pin one of the newest assessment's photos where it was taken, and open a photo pin's photo in
the photo viewer (through the window registry: the viewer belongs to the walkthrough)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.domain.sitemap.model import Marker, MarkerKind
from safety_assess.services.site_maps import MarkerFields
from safety_assess.ui.maps import photo_chooser
from safety_assess.ui.maps.photo_pins import photo_choices
from safety_assess.ui.maps.tools import PlaceTool

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow


class PhotoCommands:
    def __init__(self, window: MapWindow) -> None:
        self.window = window

    def pin_tool(self) -> None:
        """Choose a photo, then click where it was taken (or Enter: the middle of the view)."""
        window = self.window
        if window.current is None:
            window.statusBar().showMessage("Import a plan first (Plan > Import plan).", 4000)
            return
        choices = photo_choices(window.workspace, window.campus.id)
        if not choices:
            window.statusBar().showMessage("The campus's newest assessment has no photos to pin.", 4000)
            return
        number = photo_chooser.ask_photo(window, choices)
        if number is None:
            return
        choice = choices[number]
        fields = MarkerFields(label=choice.label, photo_id=choice.photo.id)
        window.view.setFocus()
        window.view.use(PlaceTool(MarkerKind.PHOTO, lambda kind, at: window.editing.place(kind, at, fields)))

    def open(self, marker: Marker) -> None:
        if marker.photo_id is not None:
            self.window.registry.open_photo(marker.photo_id)
