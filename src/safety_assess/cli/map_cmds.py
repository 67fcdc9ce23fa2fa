"""``safety-assess map ...``: site and floor plans of a campus, and what is marked on them.

Positions are pixels of the plan's image (X,Y: x to the right, y down, 0,0 the top left); distances are metres once
the plan has a scale; headings are degrees clockwise from the plan's up. A plan, marker, wall or zone is named by its
id as printed (or its first characters); a campus by its code or id.
"""

from __future__ import annotations

import argparse
import math
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.map_json import COVERAGE_KEYS, LIST_KEYS, SHOW_KEYS, plan_json, summary_json
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.sitemap.model import MapError, MarkerKind, SiteMap

Handler = Callable[[argparse.Namespace], int]
KINDS = " ".join(k.value for k in MarkerKind if k not in (MarkerKind.FINDING, MarkerKind.PHOTO))


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("map", help="site and floor plans: import, mark doors and cameras, measure coverage")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    _plan_commands(sub, common)
    _drawing_commands(sub, common)
    _reading_commands(sub, common)


def _command(sub: Any, common: argparse.ArgumentParser, name: str, text: str, handler: Handler) -> Any:
    parser = sub.add_parser(name, parents=[common], help=text, description=text)
    parser.set_defaults(handler=handler)
    return parser


def _plan_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    add = _command(sub, common, "add", "import a plan (PNG, JPEG or a PDF page); prints its id", add_cmd)
    add.add_argument("campus", metavar="CAMPUS", help="the campus's code or id")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("--title", default="", help="the plan's name (default: the file's)")
    add.add_argument("--page", type=int, metavar="N", help="the page of a PDF (default 1)")
    scale = _command(
        sub, common, "scale", "set the scale: two points of the plan and the metres between them", scale_cmd
    )
    scale.add_argument("map", metavar="MAP")
    scale.add_argument("first", metavar="X1,Y1")
    scale.add_argument("second", metavar="X2,Y2")
    scale.add_argument("metres", metavar="METRES")
    rename = _command(sub, common, "rename", "give a plan a new title", rename_cmd)
    rename.add_argument("map", metavar="MAP")
    rename.add_argument("title", metavar="TITLE")
    rotate = _command(sub, common, "rotate", "turn a plan for display and print: 0, 90, 180 or 270", rotate_cmd)
    rotate.add_argument("map", metavar="MAP")
    rotate.add_argument("degrees", type=int, metavar="DEGREES", help="clockwise")
    north = _command(sub, common, "north", "where north points, in degrees clockwise from the plan's up", north_cmd)
    north.add_argument("map", metavar="MAP")
    north.add_argument("degrees", nargs="?", type=float, metavar="DEGREES")
    north.add_argument("--clear", action="store_true", help="the plan has no north arrow")
    remove = _command(sub, common, "remove", "remove a plan (with everything marked on it)", remove_cmd)
    remove.add_argument("map", metavar="MAP")


def _drawing_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    mark = _command(sub, common, "mark", "place a marker; prints its id", mark_cmd)
    mark.add_argument("map", metavar="MAP")
    mark.add_argument("kind", metavar="KIND", help=f"one of: {KINDS} (or finding, photo: a pinned one)")
    mark.add_argument("at", metavar="X,Y")
    mark.add_argument("--label", help="what it is called on the plan ('Main entrance', 'Gym camera')")
    mark.add_argument("--heading", type=float, metavar="DEG", help="a camera's heading, clockwise from the plan's up")
    mark.add_argument("--fov", type=float, metavar="DEG", help="a camera's horizontal field of view (default 90)")
    reach = mark.add_mutually_exclusive_group()
    reach.add_argument("--range", type=float, metavar="M", help="how far a camera sees, in metres (needs a scale)")
    reach.add_argument("--resolution", metavar="WxH", help="a camera's sensor, such as 1920x1080: range worked out")
    mark.add_argument("--finding", metavar="ID", help="pin this finding (its full id)")
    mark.add_argument("--photo", metavar="ID", help="pin this photo (its full id)")
    mark.add_argument("--camera-instance", metavar="LABEL", help="the checklist's camera this is ('Camera 4 - gym')")
    unmark = _command(sub, common, "unmark", "remove a marker", unmark_cmd)
    unmark.add_argument("marker", metavar="MARKER")
    renumber = _command(
        sub, common, "renumber", "number the exterior doors clockwise from the main entrance", renumber_cmd
    )
    renumber.add_argument("map", metavar="MAP")
    renumber.add_argument("--main", metavar="MARKER", help="the main entrance (default: the door numbered 1 now)")
    wall = _command(sub, common, "wall", "draw a wall (a line through two or more points) that blocks sight", wall_cmd)
    wall.add_argument("map", metavar="MAP")
    wall.add_argument("points", nargs="*", metavar="X,Y")
    zone = _command(sub, common, "zone", "draw a zone to be watched (three or more points); prints its id", zone_cmd)
    zone.add_argument("map", metavar="MAP")
    zone.add_argument("name", metavar="NAME")
    zone.add_argument("points", nargs="*", metavar="X,Y")


def _reading_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    show = _command(sub, common, "show", "a plan with its scale, markers, walls and zones", show_cmd)
    show.add_argument("map", metavar="MAP")
    show.add_argument("--json", action="store_true", help=SHOW_KEYS)
    listing = _command(sub, common, "list", "a campus's plans", list_cmd)
    listing.add_argument("campus", metavar="CAMPUS", help="the campus's code or id")
    listing.add_argument("--json", action="store_true", help=LIST_KEYS)
    coverage = _command(
        sub, common, "coverage", "which cameras see each door and zone, and at which level", coverage_cmd
    )
    coverage.add_argument("map", metavar="MAP")
    coverage.add_argument("--json", action="store_true", help=COVERAGE_KEYS)
    responder = _command(sub, common, "responder", "write the gridded responder map for police and fire", responder_cmd)
    responder.add_argument("map", metavar="MAP")
    responder.add_argument("--out", required=True, type=Path, metavar="FILE", help="a .pdf, or a .png of its page")
    responder.add_argument("--grid-m", type=float, default=20.0, metavar="M", help="grid cell size in metres (20)")
    responder.add_argument("--size", default="letter", metavar="letter|tabloid", help="paper size (letter)")


def add_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import add_map, find_campus

    window = getattr(args, "window", None)
    render = window.render_pdf_page if window is not None else None
    with open_workspace(args) as workspace:
        campus = find_campus(workspace, args.campus)
        plan = add_map(workspace, campus.id, args.file, title=args.title, page=args.page, render_page=render)
    print(plan.id)
    return 0


def scale_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.checks import parse_point
    from safety_assess.services.site_maps import set_scale

    first, second, metres = parse_point(args.first), parse_point(args.second), _metres(args.metres)
    with open_workspace(args) as workspace:
        plan = set_scale(workspace, workspace.site_maps.resolve_id(args.map), first, second, metres)
    print(f"scale of '{plan.title}': {plan.pixels_per_metre or 0:.3f} pixels a metre")
    return 0


def rename_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import update_map

    with open_workspace(args) as workspace:
        plan = update_map(workspace, workspace.site_maps.resolve_id(args.map), title=args.title)
    print(f"renamed: {plan.title}")
    return 0


def rotate_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import update_map

    with open_workspace(args) as workspace:
        plan = update_map(workspace, workspace.site_maps.resolve_id(args.map), rotation=args.degrees)
    print(f"'{plan.title}' turned {plan.rotation} degrees")
    return 0


def north_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import update_map

    if (args.degrees is None) == (not args.clear):
        raise MapError("give where north points in degrees clockwise from the plan's up, or --clear (not both)")
    with open_workspace(args) as workspace:
        map_id = workspace.site_maps.resolve_id(args.map)
        plan = update_map(workspace, map_id, north=args.degrees, clear_north=args.clear)
    print(f"north of '{plan.title}': {'not set' if plan.north is None else f'{plan.north:g} degrees'}")
    return 0


def remove_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import get_map, remove_map

    with open_workspace(args) as workspace:
        plan = get_map(workspace, workspace.site_maps.resolve_id(args.map))
        remove_map(workspace, plan.id)
    print(f"removed plan '{plan.title}' ({plan.id})")
    return 0


def mark_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.checks import parse_point
    from safety_assess.services.site_maps import MarkerFields, add_marker

    kind, at = MarkerKind.parse(args.kind), parse_point(args.at)
    fields = MarkerFields(
        label=args.label,
        camera=_camera(args, kind),
        finding_id=_id(args.finding, "finding"),
        photo_id=_id(args.photo, "photo"),
        camera_instance=args.camera_instance,
    )
    with open_workspace(args) as workspace:
        _, marker_id = add_marker(workspace, workspace.site_maps.resolve_id(args.map), kind, at, fields)
    print(marker_id)
    return 0


def unmark_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import remove_marker

    with open_workspace(args) as workspace:
        marker_id = workspace.site_maps.resolve_marker_id(args.marker)
        plan = remove_marker(workspace, marker_id)
    print(f"removed marker {marker_id} from '{plan.title}'")
    return 0


def renumber_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import renumber_doors

    with open_workspace(args) as workspace:
        map_id = workspace.site_maps.resolve_id(args.map)
        main = workspace.site_maps.resolve_marker_id(args.main) if args.main else None
        plan = renumber_doors(workspace, map_id, main)
    doors = sorted(plan.of_kind(MarkerKind.EXTERIOR_DOOR), key=lambda door: door.number or 0)
    print_table(["NO", "LABEL", "AT", "ID"], [(d.number, d.label, f"{d.x:g},{d.y:g}", d.id) for d in doors])
    return 0


def wall_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.checks import parse_point
    from safety_assess.services.site_maps import add_wall

    points = [parse_point(p) for p in args.points]
    with open_workspace(args) as workspace:
        _, wall_id = add_wall(workspace, workspace.site_maps.resolve_id(args.map), points)
    print(wall_id)
    return 0


def zone_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.checks import parse_point
    from safety_assess.services.site_maps import add_zone

    points = [parse_point(p) for p in args.points]
    with open_workspace(args) as workspace:
        _, zone_id = add_zone(workspace, workspace.site_maps.resolve_id(args.map), args.name, points)
    print(zone_id)
    return 0


def show_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import get_map

    with open_workspace(args) as workspace:
        plan = get_map(workspace, workspace.site_maps.resolve_id(args.map))
    if args.json:
        print_json(plan_json(plan))
        return 0
    print(_heading(plan))
    rows = [
        (m.kind.value, m.number or "", m.label, f"{m.x:g},{m.y:g}", _camera_text(m.camera), m.id) for m in plan.markers
    ]
    print_table(["KIND", "NO", "LABEL", "AT", "CAMERA", "ID"], rows)
    print(f"{len(plan.walls)} walls, {len(plan.zones)} zones: {', '.join(z.name for z in plan.zones) or '-'}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.site_maps import find_campus, list_maps

    with open_workspace(args) as workspace:
        plans = list_maps(workspace, find_campus(workspace, args.campus).id)
    if args.json:
        print_json([summary_json(p) for p in plans])
        return 0
    rows = [(p.title, f"{p.width}x{p.height}", "yes" if p.scale else "no", len(p.markers), p.id) for p in plans]
    print_table(["TITLE", "SIZE", "SCALE", "MARKERS", "ID"], rows)
    return 0


def coverage_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.coverage import coverage_report
    from safety_assess.services.site_maps import get_map

    with open_workspace(args) as workspace:
        plan = get_map(workspace, workspace.site_maps.resolve_id(args.map))
    report = coverage_report(plan)
    if args.json:
        print_json(report.to_json())
        return 0
    rows = [
        (item.kind, item.number or "", item.label, ", ".join(_seen(s) for s in item.covered_by) or "NOT SEEN")
        for item in report.items
    ]
    print_table(["KIND", "NO", "LABEL", "SEEN BY"], rows)
    return 0


def responder_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.responder_maps import write_responder_map

    window = getattr(args, "window", None)
    render = window.render_pdf_page if window is not None else None
    with open_workspace(args) as workspace:
        map_id = workspace.site_maps.resolve_id(args.map)
        out = write_responder_map(workspace, map_id, args.out, grid_m=args.grid_m, size=args.size, render_page=render)
    print(f"wrote {out}")
    return 0


def _seen(sighting: Any) -> str:
    level = sighting.level.text if sighting.level else "in view"
    return f"{sighting.label or str(sighting.camera)[:8]} ({level})"


def _heading(plan: SiteMap) -> str:
    scale = f"{plan.pixels_per_metre:.3f} px/m" if plan.pixels_per_metre else "no scale"
    north = "north not set" if plan.north is None else f"north {plan.north:g} deg"
    return f"{plan.title}: {plan.width} x {plan.height} px, turned {plan.rotation} deg, {north}, {scale}"


def _camera_text(camera: Any) -> str:
    if camera is None:
        return ""
    reach = (
        f"{camera.range_m:g} m"
        if camera.range_m
        else (f"{camera.resolution[0]}x{camera.resolution[1]}" if camera.resolution else "")
    )
    return f"{camera.heading:g} deg, fov {camera.fov:g} {reach}".strip()


def _camera(args: argparse.Namespace, kind: MarkerKind) -> Any:
    from safety_assess.domain.sitemap.checks import parse_resolution
    from safety_assess.domain.sitemap.model import CameraSpec

    given = (args.heading, args.fov, args.range, args.resolution)
    if kind is not MarkerKind.CAMERA and all(value is None for value in given):
        return None
    return CameraSpec(
        heading=0.0 if args.heading is None else args.heading,
        fov=90.0 if args.fov is None else args.fov,
        range_m=args.range,
        resolution=parse_resolution(args.resolution) if args.resolution else None,
    )


def _metres(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise MapError(f"'{text}' is not a distance: write the metres between the points, such as 25 or 12.5") from None
    if not math.isfinite(value):
        raise MapError(f"'{text}' is not a distance: write the metres between the points, such as 25 or 12.5")
    return value


def _id(text: str | None, what: str) -> uuid.UUID | None:
    if text is None:
        return None
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise MapError(f"'{text}' is not a {what} id: give its full id") from None
