"""``safety-assess device ...``: this installation's identity for signed sync bundles."""

from __future__ import annotations

import argparse

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("device", help="this installation's signing key")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = sub.add_parser("show", parents=[common], help="the key's fingerprint, to tell the district")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)


def show_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        key = workspace.device_key
    if args.json:
        print_json({"fingerprint": key.fingerprint, "public_key": key.public_key.hex()})
    else:
        print(f"device fingerprint: {key.fingerprint}")
    return 0
