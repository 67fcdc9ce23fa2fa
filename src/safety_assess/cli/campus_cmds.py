"""``safety-assess campus ...``: add and list campuses."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import asdict

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("campus", help="add and list campuses")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", parents=[common], help="add a campus")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--code", required=True, help="short unique code, e.g. LHS")
    add.add_argument("--address", default="")
    _describing(add)
    add.set_defaults(handler=add_cmd)
    change = sub.add_parser("set", parents=[common], help="set a campus's kind or the day it opened")
    change.add_argument("campus", metavar="CAMPUS", help="the campus's code")
    _describing(change)
    change.set_defaults(handler=set_cmd)
    listing = sub.add_parser("list", parents=[common], help="every campus")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)


def _describing(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", default=None, help="elementary (the default), middle, high or office: which drills it must hold"
    )
    parser.add_argument("--opened", default=None, metavar="YYYY-MM-DD", help="when it opened: no drill before")


def _description(args: argparse.Namespace) -> tuple[str | None, dt.date | None]:
    from safety_assess.domain.dates import DateTextError, parse_date
    from safety_assess.domain.errors import SafetyAssessError
    from safety_assess.domain.readiness.drills import campus_kind

    kind = campus_kind(args.kind).value if args.kind is not None else None
    try:
        return kind, parse_date(args.opened) if args.opened is not None else None
    except DateTextError as error:
        raise SafetyAssessError(f"--opened: {error}") from None


def add_cmd(args: argparse.Namespace) -> int:
    kind, opened = _description(args)
    with open_workspace(args) as workspace:
        campus = workspace.campuses.add(args.name, args.code, args.address, kind or "elementary", opened)
    print(f"added campus {campus.code}: {campus.name}")
    return 0


def set_cmd(args: argparse.Namespace) -> int:
    kind, opened = _description(args)
    with open_workspace(args) as workspace:
        campus = workspace.campuses.describe(workspace.campuses.by_code(args.campus).id, kind, opened)
    shown = f", opened {campus.opened_on.isoformat()}" if campus.opened_on else ""
    print(f"campus {campus.code}: {campus.kind}{shown}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        campuses = workspace.campuses.list()
    if args.json:
        print_json([asdict(c) for c in campuses])
    else:
        print_table(["CODE", "NAME", "KIND", "ADDRESS"], [(c.code, c.name, c.kind, c.address) for c in campuses])
    return 0
