"""``safety-assess campus ...``: add and list campuses."""

from __future__ import annotations

import argparse
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
    add.set_defaults(handler=add_cmd)
    listing = sub.add_parser("list", parents=[common], help="every campus")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)


def add_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        campus = workspace.campuses.add(args.name, args.code, args.address)
    print(f"added campus {campus.code}: {campus.name}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        campuses = workspace.campuses.list()
    if args.json:
        print_json([asdict(c) for c in campuses])
    else:
        print_table(["CODE", "NAME", "ADDRESS"], [(c.code, c.name, c.address) for c in campuses])
    return 0
