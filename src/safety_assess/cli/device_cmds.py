"""``safety-assess device ...``: this installation's identity for signed sync bundles, and the devices it trusts."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.records import TrustedDevice
from safety_assess.keys.device import fingerprint
from safety_assess.services.identity import revoke_device, signing_public_key, trusted_devices


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("device", help="this installation's signing key and the devices it trusts")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    show = sub.add_parser("show", parents=[common], help="the key's fingerprint, to tell the district")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)
    listing = sub.add_parser("list", parents=[common], help="the devices whose bundles are trusted here")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    revoke = sub.add_parser("revoke", parents=[common], help="refuse a device's bundles from now on")
    revoke.add_argument("fingerprint", metavar="FINGERPRINT", help="as `device list` shows it")
    revoke.set_defaults(handler=revoke_cmd)


def show_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        public_key = signing_public_key(workspace)
        shared = workspace.shared
    found = fingerprint(public_key)
    if args.json:
        print_json({"fingerprint": found, "public_key": public_key.hex(), "district_identity": shared})
    else:
        whose = " (the district's, on the shared database)" if shared else ""
        print(f"device fingerprint: {found}{whose}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        found = trusted_devices(workspace)
    if args.json:
        print_json([dataclasses.asdict(device) for device in found])
        return 0
    rows = [(d.fingerprint, d.name or "-", _day(d.trusted_at), _day(d.last_import_at), _status(d)) for d in found]
    print_table(["FINGERPRINT", "LAST EXPORTED BY", "TRUSTED", "LAST IMPORT", "STATUS"], rows)
    return 0


def revoke_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        device = revoke_device(workspace, args.fingerprint)
    print(f"revoked {device.fingerprint} ({device.name or 'unnamed'}): its bundles are refused from now on")
    return 0


def _day(moment: dt.datetime | None) -> str:
    return f"{moment:%Y-%m-%d}" if moment is not None else "-"


def _status(device: TrustedDevice) -> str:
    return f"revoked {_day(device.revoked_at)}" if device.revoked_at is not None else "trusted"
