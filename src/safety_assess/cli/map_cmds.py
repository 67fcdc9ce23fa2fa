"""``safety-assess map ...``: site and floor plans of a campus, and what is marked on them.

Positions are pixels of the plan's image (X,Y: x to the right, y down, 0,0 the top left); distances are metres once
the plan has a scale; headings are degrees clockwise from the plan's up. A plan, marker, wall or zone is named by its
id as printed (or its first characters); a campus by its code or id.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.map_args import command, metres
from safety_assess.cli.map_drawing_cmds import register_drawing
from safety_assess.cli.map_json import COVERAGE_KEYS, LIST_KEYS, SHOW_KEYS, plan_json, summary_json
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.sitemap.model import MapError, SiteMap


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("map", help="site and floor plans: import, mark doors and cameras, measure coverage")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    _plan_commands(sub, common)
    register_drawing(sub, common)
    _reading_commands(sub, common)


def _plan_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    add = command(sub, common, "add", "import a plan (PNG, JPEG or a PDF page); prints its id", add_cmd)
    add.add_argument("campus", metavar="CAMPUS", help="the campus's code or id")
    add.add_argument("file", type=Path, metavar="FILE")
    add.add_argument("--title", default="", help="the plan's name (default: the file's)")
    add.add_argument("--page", type=int, metavar="N", help="the page of a PDF (default 1)")
    scale = command(
        sub, common, "scale", "set the scale: two points of the plan and the metres between them", scale_cmd
    )
    scale.add_argument("map", metavar="MAP")
    scale.add_argument("first", metavar="X1,Y1")
    scale.add_argument("second", metavar="X2,Y2")
    scale.add_argument("metres", metavar="METRES")
    rename = command(sub, common, "rename", "give a plan a new title", rename_cmd)
    rename.add_argument("map", metavar="MAP")
    rename.add_argument("title", metavar="TITLE")
    rotate = command(sub, common, "rotate", "turn a plan for display and print: 0, 90, 180 or 270", rotate_cmd)
    rotate.add_argument("map", metavar="MAP")
    rotate.add_argument("degrees", type=int, metavar="DEGREES", help="clockwise")
    north = command(sub, common, "north", "where north points, in degrees clockwise from the plan's up", north_cmd)
    north.add_argument("map", metavar="MAP")
    north.add_argument("degrees", nargs="?", type=float, metavar="DEGREES")
    north.add_argument("--clear", action="store_true", help="the plan has no north arrow")
    remove = command(sub, common, "remove", "remove a plan (with everything marked on it)", remove_cmd)
    remove.add_argument("map", metavar="MAP")


def _reading_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    show = command(sub, common, "show", "a plan with its scale, markers, walls and zones", show_cmd)
    show.add_argument("map", metavar="MAP")
    show.add_argument("--json", action="store_true", help=SHOW_KEYS)
    listing = command(sub, common, "list", "a campus's plans", list_cmd)
    listing.add_argument("campus", metavar="CAMPUS", help="the campus's code or id")
    listing.add_argument("--json", action="store_true", help=LIST_KEYS)
    coverage = command(
        sub, common, "coverage", "which cameras see each door and zone, and at which level", coverage_cmd
    )
    coverage.add_argument("map", metavar="MAP")
    coverage.add_argument("--json", action="store_true", help=COVERAGE_KEYS)
    responder = command(sub, common, "responder", "write the gridded responder map for police and fire", responder_cmd)
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

    first, second, distance = parse_point(args.first), parse_point(args.second), metres(args.metres)
    with open_workspace(args) as workspace:
        plan = set_scale(workspace, workspace.site_maps.resolve_id(args.map), first, second, distance)
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
