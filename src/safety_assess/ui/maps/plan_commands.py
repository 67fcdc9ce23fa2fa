"""What the map window's Plan menu does: import a plan (a PDF's page asked for), rename, turn, set north, remove;
each an undo step. An import runs in the background (a large scan or a PDF page takes a while)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safety_assess.base.jobs import Changes
from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.maps import ask
from safety_assess.ui.maps.commands import Step

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow


class PlanCommands:
    def __init__(self, window: MapWindow) -> None:
        self.window = window

    def _plan(self) -> SiteMap | None:
        if self.window.current is None:
            self.window.statusBar().showMessage("Import a plan first (Plan > Import plan).", 4000)
        return self.window.current

    def import_plan(self) -> None:
        window = self.window
        path = ask.ask_plan_file(window)
        if path is None:
            return
        page = ask.ask_pdf_page(window, path.name) if path.suffix.lower() == ".pdf" else None
        if path.suffix.lower() == ".pdf" and page is None:
            return
        window.operations.run(
            f"Importing {path.name}",
            lambda _progress: self._add(path, page),
            on_done=self._imported,
            on_error=lambda message: dialogs.show_error(window, "Plan not imported", message),
        )

    def _add(self, path: Path, page: int | None) -> SiteMap:
        window = self.window
        if page is None:
            return site_maps.add_map(window.workspace, window.campus.id, path)
        # QtPdf is loaded only when a PDF is imported
        from safety_assess.ui.pdf_pages import render_page

        return site_maps.add_map(window.workspace, window.campus.id, path, page=page, render_page=render_page)

    def _imported(self, plan: SiteMap) -> None:
        ws, plan_id = self.window.workspace, plan.id
        self.window.stack.push(
            Step(
                f"Import {plan.title}",
                redo=lambda: site_maps.restore_map(ws, plan_id),
                undo=lambda: _removed(ws, plan_id),
                edits=self.window.edits,
            )
        )
        self.window.reload(select=plan_id)
        self.window.channel.publish(Changes(maps=frozenset({self.window.campus.id})), self.window)

    def rename(self) -> None:
        plan = self._plan()
        title = dialogs.ask_text(self.window, "Rename plan", "Title:", plan.title) if plan else None
        if plan is not None and title is not None:
            self._update("Rename plan", plan, {"title": title}, {"title": plan.title})

    def rotate(self) -> None:
        plan = self._plan()
        if plan is not None:
            turned = {"rotation": (plan.rotation + 90) % 360}
            self._update("Turn plan", plan, turned, {"rotation": plan.rotation})

    def set_north(self) -> None:
        plan = self._plan()
        north = ask.ask_north(self.window, plan.north) if plan else None
        if plan is not None and north is not None:
            self._update("Set north", plan, {"north": north}, {"north": plan.north, "clear_north": plan.north is None})

    def _update(self, text: str, plan: SiteMap, now: dict[str, Any], before: dict[str, Any]) -> None:
        ws = self.window.workspace
        self.window.edits.make(
            text,
            lambda: site_maps.update_map(ws, plan.id, **now),
            undo=lambda: site_maps.update_map(ws, plan.id, **before),
        )

    def remove(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        ws = self.window.workspace
        self.window.edits.make(
            f"Remove plan {plan.title}",
            lambda: _removed(ws, plan.id),
            undo=lambda: site_maps.restore_map(ws, plan.id),
        )


def _removed(workspace: Workspace, plan_id: uuid.UUID) -> None:
    site_maps.remove_map(workspace, plan_id)
