"""``safety-assess district-key ...``: the key bundles are encrypted to, so only the district can read them.

At the district: ``district-key export --out FILE`` makes the district's key (once) and writes its public half for
assessors. On an assessor's laptop: ``district-key import FILE``; from then on every bundle is encrypted to it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("district-key", help="encrypt bundles to the district: its key, made and shared")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = sub.add_parser(
        "export", parents=[common], help="(district) make the district key once and write its public file"
    )
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.set_defaults(handler=export_cmd)
    imp = sub.add_parser("import", parents=[common], help="(assessor) encrypt every later bundle to this key")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(handler=import_cmd)
    show = sub.add_parser("show", parents=[common], help="the key bundles are encrypted to, and the district's own")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)
    forget = sub.add_parser("forget", parents=[common], help="(assessor) stop encrypting bundles")
    forget.set_defaults(handler=forget_cmd)


def export_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.sealing import export_district_key

    with open_workspace(args) as workspace:
        key = export_district_key(workspace, args.out)
    print(f"wrote {args.out}: district key {key.fingerprint}; give it to every assessor")
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.sealing import import_sealing_key

    with open_workspace(args) as workspace:
        key, before = import_sealing_key(workspace, args.file)
    name = f" ({key.district})" if key.district else ""
    if before is not None and before.public_key != key.public_key:
        print(f"replaced the district key {before.fingerprint}", file=sys.stderr)
    print(f"bundles are now encrypted to the district key {key.fingerprint}{name}")
    return 0


def show_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.sealing import district_public_key, sealing_key

    with open_workspace(args) as workspace:
        sealing, own = sealing_key(workspace), district_public_key(workspace)
    if args.json:
        print_json({"encrypt_to": _described(sealing), "district_key": _described(own)})
        return 0
    if sealing is None:
        print("bundles are not encrypted (no district key imported)")
    else:
        print(f"bundles are encrypted to the district key {sealing.fingerprint}")
    if own is not None:
        print(f"this installation holds the district key {own.fingerprint} and can open bundles sealed to it")
    return 0


def _described(key: Any) -> dict[str, str] | None:
    return None if key is None else {"fingerprint": key.fingerprint, "district": key.district}


def forget_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.sealing import forget_sealing_key

    with open_workspace(args) as workspace:
        before = forget_sealing_key(workspace)
    print("bundles are no longer encrypted" if before is not None else "no district key was set")
    return 0
