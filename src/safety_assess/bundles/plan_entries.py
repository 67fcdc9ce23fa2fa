"""What a bundle's site plans must be before anything is written: each campus's plans document in the shape this
app writes, with nothing the map window could not draw (an unknown kind, a wall of one point, a camera that sees
all around, a number that is not one, a scale no plan has), and each plan image a real image, within the photo
decode budget, of the size its plan records say."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from safety_assess.domain.sitemap.checks import MAX_DOOR_NUMBER, ROTATIONS, sane_pixels_per_metre
from safety_assess.domain.sitemap.model import MarkerKind, distance
from safety_assess.domain.versions import version_problem
from safety_assess.photos.decode import FORMATS, PhotoError, describe, open_image
from safety_assess.photos.plans import MAX_PLAN_PIXELS
from safety_assess.storage.bundle_plans import PLAN_LISTS, PLANS_DOCUMENT_VERSION

PLAN_IMAGE_FORMATS = frozenset({"JPEG", "PNG"})
"""Plans are stored as PNG or JPEG (photos/plans.py)."""
SHAPE_POINTS = {"wall": 2, "zone": 3}
"""The fewest points a wall and a zone have."""
MARKER_KINDS = frozenset(kind.value for kind in MarkerKind)


def plans_problem(document: Any, campus_id: str, images: set[str]) -> str | None:
    """None when ``document`` is a plans document of ``campus_id`` whose plans refer only to ``images``; else what
    is wrong with it, in words that can follow the entry's name."""
    if not isinstance(document, dict):
        return "it is not a site plans document"
    version = version_problem(document.get("document_version"), PLANS_DOCUMENT_VERSION, "import it")
    if version is not None:
        return version
    campus = document.get("campus")
    if not isinstance(campus, dict) or campus.get("id") != campus_id:
        return "it holds the plans of another campus than its name says"
    for key, _ in PLAN_LISTS:
        rows = document.get(key)
        if not isinstance(rows, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str) for r in rows):
            return f"'{key}' must be a list of records with ids"
    problem = _maps_problem(document["maps"], images)
    return problem or _drawn_problem(document, {m["id"]: (m["width"], m["height"]) for m in document["maps"]})


def _maps_problem(maps: list[dict[str, Any]], images: set[str]) -> str | None:
    for plan in maps:
        where = f"plan {plan['id']}"
        if plan.get("file") not in images:
            return f"{where} refers to an image the bundle does not hold"
        if not all(_whole(plan.get(key)) and plan[key] > 0 for key in ("width", "height")):
            return f"{where} has no size in pixels"
        if plan.get("scale") is not None and not _scale(plan["scale"]):
            return f"{where} has a scale that is not two points and a distance"
        if _whole(plan.get("rotation")) and plan["rotation"] not in ROTATIONS:  # not a number: the row's check says
            return f"{where} is turned {plan['rotation']} degrees, not 0, 90, 180 or 270"
        if plan.get("north") is not None and not _number(plan["north"]):
            return f"{where} has a north that is not a number of degrees"
    return None


def _drawn_problem(document: dict[str, Any], sizes: dict[str, tuple[int, int]]) -> str | None:
    """What is wrong with the markers, walls and zones; ``sizes``: each plan's width and height, by its id."""
    problems = (_marker_problem(marker, sizes) for marker in document["markers"])
    shapes = (_shape_problem(shape, sizes) for shape in document["shapes"])
    return next((problem for problem in (*problems, *shapes) if problem), None)


def _marker_problem(marker: dict[str, Any], sizes: dict[str, tuple[int, int]]) -> str | None:
    where = f"marker {marker['id']}"
    if marker.get("map_id") not in sizes:
        return f"{where} is on a plan the bundle does not hold"
    if marker.get("kind") not in MARKER_KINDS:
        return f"{where} is of an unknown kind {str(marker.get('kind'))[:40]!r}"
    if not (_number(marker.get("x")) and _number(marker.get("y"))):
        return f"{where} has no position"
    if not _inside([marker["x"], marker["y"]], sizes[marker["map_id"]]):
        return f"{where} is outside its plan"
    number = marker.get("number")
    if number is not None and not (_whole(number) and 1 <= number <= MAX_DOOR_NUMBER):
        return f"{where} has a door number that is not 1 to {MAX_DOOR_NUMBER}"
    if marker.get("camera") is not None and not _camera(marker["camera"]):
        return f"{where} has a camera that is not a heading, a field of view, a range and a resolution"
    return None


def _shape_problem(shape: dict[str, Any], sizes: dict[str, tuple[int, int]]) -> str | None:
    where = f"shape {shape['id']}"
    if shape.get("map_id") not in sizes:
        return f"{where} is on a plan the bundle does not hold"
    fewest = SHAPE_POINTS.get(str(shape.get("kind")))
    if fewest is None:
        return f"{where} is neither a wall nor a zone"
    points = shape.get("points")
    if not isinstance(points, list) or len(points) < fewest or not all(_point(p) for p in points):
        return f"{where} is not a {shape['kind']} of at least {fewest} points"
    if not all(_inside(point, sizes[shape["map_id"]]) for point in points):
        return f"{where} is outside its plan"
    return None


def _inside(point: list[float], size: tuple[int, int]) -> bool:
    """On the plan, as the service checks a point placed (its edges included)."""
    return 0 <= point[0] <= size[0] and 0 <= point[1] <= size[1]


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _point(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value)


def _scale(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) != {"first", "second", "metres"}:
        return False
    if not (_point(value["first"]) and _point(value["second"]) and _number(value["metres"]) and value["metres"] > 0):
        return False
    return sane_pixels_per_metre(distance(tuple(value["first"]), tuple(value["second"])) / value["metres"])


def _camera(value: Any) -> bool:
    if not isinstance(value, dict) or set(value) != {"heading", "fov", "range_m", "resolution"}:
        return False
    sight = _number(value["heading"]) and _number(value["fov"]) and 0 < value["fov"] < 360
    reach = value["range_m"] is None or (_number(value["range_m"]) and value["range_m"] > 0)
    size = value["resolution"]
    pixels = size is None or (isinstance(size, list) and len(size) == 2 and all(_whole(v) and v > 0 for v in size))
    return sight and reach and pixels


def image_problem(path: Path, extension: str, sizes: set[tuple[int, int]]) -> str | None:
    """None when the file at ``path`` is a PNG or JPEG matching ``extension``, that opens as photos do (within the
    photo pixel limit and decode budget), is no larger than a plan may be, decodes whole, and has the size of every
    plan in ``sizes``; else what is wrong."""
    try:
        with open_image(path) as image:
            if image.format not in PLAN_IMAGE_FORMATS or FORMATS[str(image.format)] != _family(extension):
                return f"it is not the {extension.upper()} image its name says"
            if image.width * image.height > MAX_PLAN_PIXELS:
                return f"at {image.width * image.height / 1e6:.0f} MP it is larger than a plan may be"
            if any(size != image.size for size in sizes):
                width, height = image.size
                return f"it is {width} x {height} pixels, not the size its plan records say"
            image.load()
    except PhotoError as error:
        return str(error).removeprefix(f"{path}: ")
    except (OSError, ValueError, SyntaxError) as error:
        return describe(error)
    return None


def _family(extension: str) -> str:
    return "jpg" if extension.lower() == "jpeg" else extension.lower()
