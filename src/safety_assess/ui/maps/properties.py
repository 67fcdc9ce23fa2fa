"""The side panel's text about the plan, or the item chosen on it."""

from __future__ import annotations

import html
import uuid

from safety_assess.domain.sitemap.model import Marker, MarkerKind, SiteMap


def _e(text: str) -> str:
    return html.escape(text, quote=False)


SHAPE_KEYS = (
    "<p>Drag it or use the arrows to move it (Shift: further). Drag a white square to move that point, or choose "
    "a point with [ and ] and move it with the arrows (Esc: the whole again). Delete removes it.</p>"
)
RENAME = "<p>Enter or F2 renames it.</p>"


def describe(plan: SiteMap | None, key: uuid.UUID | None) -> str:
    if plan is None:
        return ""
    if key is not None:
        marker = plan.marker(key)
        if marker is not None:
            return _marker(plan, marker)
        for zone in plan.zones:
            if zone.id == key:
                return f"<h3>Zone: {_e(zone.name)}</h3><p>{len(zone.points)} corners.</p>{SHAPE_KEYS}{RENAME}"
        if any(wall.id == key for wall in plan.walls):
            return f"<h3>Wall</h3><p>Blocks the cameras' view.</p>{SHAPE_KEYS}"
    return _plan(plan)


def _plan(plan: SiteMap) -> str:
    scale = (
        f"{plan.pixels_per_metre:.2f} pixels a metre" if plan.pixels_per_metre else "no scale yet (Draw &gt; Set scale)"
    )
    north = f"{plan.north:g}° clockwise from up" if plan.north is not None else "not set"
    counts = f"{len(plan.markers)} markers, {len(plan.walls)} walls, {len(plan.zones)} zones"
    return (
        f"<h3>{_e(plan.title)}</h3><p>{plan.width} × {plan.height} pixels, {scale}<br>North: {north}<br>"
        f"Turned {plan.rotation}°<br>{counts}</p>"
    )


def _marker(plan: SiteMap, marker: Marker) -> str:
    lines = [f"<h3>{_e(marker.kind.label)}{' ' + str(marker.number) if marker.number else ''}</h3>"]
    if marker.label:
        lines.append(f"<p><b>{_e(marker.label)}</b></p>")
    camera = marker.camera
    if camera is not None:
        reach = f"{camera.range_m:g} m" if camera.range_m is not None else "from its resolution"
        resolution = f"{camera.resolution[0]}×{camera.resolution[1]}" if camera.resolution else "not given"
        lines.append(
            f"<p>Heading {camera.heading:g}°, field of view {camera.fov:g}°<br>Range {reach}<br>"
            f"Resolution {resolution}</p>"
        )
    if marker.camera_instance:
        lines.append(f"<p>Checklist camera: {_e(marker.camera_instance)}</p>")
    if marker.kind is MarkerKind.FINDING:
        lines.append("<p>Enter or double-click opens the finding.</p>")
    elif marker.kind is MarkerKind.PHOTO:
        lines.append("<p>Enter or double-click opens the photo. Arrows move it, Delete removes it.</p>")
    else:
        lines.append("<p>Arrows move it (Shift: further), Enter or F2 edits it, Delete removes it.</p>")
    lines.append(f"<p><small>At {marker.x:.0f}, {marker.y:.0f} on {_e(plan.title)}</small></p>")
    return "".join(lines)
