"""``safety-assess map mark/unmark/renumber/wall/zone``: what is drawn on a plan (see map_cmds for positions)."""

from __future__ import annotations

import argparse
from typing import Any

from safety_assess.cli.context import open_workspace
from safety_assess.cli.map_args import command, full_id
from safety_assess.cli.output import print_table
from safety_assess.domain.sitemap.model import MarkerKind

KINDS = " ".join(k.value for k in MarkerKind if k not in (MarkerKind.FINDING, MarkerKind.PHOTO))


def register_drawing(sub: Any, common: argparse.ArgumentParser) -> None:
    mark = command(sub, common, "mark", "place a marker; prints its id", mark_cmd)
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
    unmark = command(sub, common, "unmark", "remove a marker", unmark_cmd)
    unmark.add_argument("marker", metavar="MARKER")
    renumber = command(
        sub, common, "renumber", "number the exterior doors clockwise from the main entrance", renumber_cmd
    )
    renumber.add_argument("map", metavar="MAP")
    renumber.add_argument("--main", metavar="MARKER", help="the main entrance (default: the door numbered 1 now)")
    wall = command(sub, common, "wall", "draw a wall (a line through two or more points) that blocks sight", wall_cmd)
    wall.add_argument("map", metavar="MAP")
    wall.add_argument("points", nargs="*", metavar="X,Y")
    zone = command(sub, common, "zone", "draw a zone to be watched (three or more points); prints its id", zone_cmd)
    zone.add_argument("map", metavar="MAP")
    zone.add_argument("name", metavar="NAME")
    zone.add_argument("points", nargs="*", metavar="X,Y")


def mark_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.sitemap.checks import parse_point
    from safety_assess.services.site_maps import MarkerFields, add_marker

    kind, at = MarkerKind.parse(args.kind), parse_point(args.at)
    fields = MarkerFields(
        label=args.label,
        camera=_camera(args, kind),
        finding_id=full_id(args.finding, "finding"),
        photo_id=full_id(args.photo, "photo"),
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
