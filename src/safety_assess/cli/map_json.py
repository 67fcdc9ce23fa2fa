"""What ``safety-assess map show`` and ``map list`` print as JSON. The keys are stable (scripts read them); the
command's help lists them."""

from __future__ import annotations

from typing import Any

from safety_assess.domain.sitemap.model import CameraSpec, Marker, Point, SiteMap

SHOW_KEYS = (
    "JSON keys: id, campus_id, title, width, height (plan pixels), rotation, north (degrees or null), scale "
    "({first: [x, y], second: [x, y], metres, pixels_per_metre} or null), image ({sha256, extension}), markers "
    "([{id, kind, x, y, label, number, camera: {heading, fov, range_m, resolution: [w, h] or null} or null, "
    "finding_id, photo_id, camera_instance}]), walls ([{id, points: [[x, y], ...]}]), zones ([{id, name, points}])"
)
LIST_KEYS = (
    "JSON keys, one object per plan: id, title, width, height, rotation, north, scaled (true or false), markers, "
    "walls, zones (how many of each)"
)

COVERAGE_KEYS = (
    "JSON keys: doors, covered (doors, interior and exterior, and how many a camera sees), exterior_doors, "
    "exterior_covered, zones, zones_covered, scaled, cameras ([{camera, label, range_m, range_px, assumed}]), items "
    "(every door and zone: [{id, kind, label, number, covered_by: [{camera, label, level: detection, observation, "
    "recognition, identification or null}], seen_share (zones)}])"
)


def plan_json(plan: SiteMap) -> dict[str, Any]:
    scale = None
    if plan.scale is not None:
        scale = {
            "first": _point(plan.scale.first),
            "second": _point(plan.scale.second),
            "metres": plan.scale.metres,
            "pixels_per_metre": plan.scale.pixels_per_metre,
        }
    return {
        "id": plan.id,
        "campus_id": plan.campus_id,
        "title": plan.title,
        "width": plan.width,
        "height": plan.height,
        "rotation": plan.rotation,
        "north": plan.north,
        "scale": scale,
        "image": {"sha256": plan.sha256, "extension": plan.extension},
        "markers": [marker_json(m) for m in plan.markers],
        "walls": [{"id": w.id, "points": [_point(p) for p in w.points]} for w in plan.walls],
        "zones": [{"id": z.id, "name": z.name, "points": [_point(p) for p in z.points]} for z in plan.zones],
    }


def summary_json(plan: SiteMap) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "width": plan.width,
        "height": plan.height,
        "rotation": plan.rotation,
        "north": plan.north,
        "scaled": plan.scale is not None,
        "markers": len(plan.markers),
        "walls": len(plan.walls),
        "zones": len(plan.zones),
    }


def marker_json(marker: Marker) -> dict[str, Any]:
    return {
        "id": marker.id,
        "kind": marker.kind.value,
        "x": marker.x,
        "y": marker.y,
        "label": marker.label,
        "number": marker.number,
        "camera": _camera(marker.camera) if marker.camera else None,
        "finding_id": marker.finding_id,
        "photo_id": marker.photo_id,
        "camera_instance": marker.camera_instance,
    }


def _camera(camera: CameraSpec) -> dict[str, Any]:
    resolution = list(camera.resolution) if camera.resolution else None
    return {"heading": camera.heading, "fov": camera.fov, "range_m": camera.range_m, "resolution": resolution}


def _point(point: Point) -> list[float]:
    return [point[0], point[1]]
