"""The plan view on its own, without a workspace or a window: for the bench (``bench/site_map.py``'s
``measure_open``), which times opening and painting a plan as the map window shows it."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtGui import QImage

from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.ui.maps.image import display_copy
from safety_assess.ui.maps.scene import PlanScene
from safety_assess.ui.maps.view import PlanView


def open_plan_view(
    plan: SiteMap,
    image: QImage | Path,
    pin_colors: Mapping[uuid.UUID, str] | None = None,
    size: tuple[int, int] = (1200, 800),
) -> PlanView:
    """A shown plan view of ``plan`` over ``image`` (its display copy, or the file to read it from), fitted;
    markers, walls, zones and cones drawn as in the map window. Close it when done (its scene goes with it)."""
    scene = PlanScene()
    scene.pin_colors = pin_colors or {}
    scene.show_plan(plan)
    scene.set_image(image if isinstance(image, QImage) else display_copy(image))
    view = PlanView(scene)
    scene.setParent(view)
    view.resize(*size)
    view.set_rotation(plan.rotation)
    view.show()
    view.fit()
    return view
