"""``safety-assess team ...``: walking one campus as a team, each on a laptop."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.display import counted


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("team", help="walk a campus as a team: give a second laptop its sections")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    pack = sub.add_parser(
        "pack", parents=[common], help="a signed bundle giving a second laptop the same assessment to work on"
    )
    pack.add_argument("assessment", metavar="ASSESSMENT")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE")
    pack.add_argument(
        "--sections", default="", metavar="ID,ID", help="the checklist sections the second laptop does (default: all)"
    )
    pack.set_defaults(handler=pack_cmd)
    listing = sub.add_parser(
        "list", parents=[common], help="the team packs made here of an assessment, and whose work came back"
    )
    listing.add_argument("assessment", metavar="ASSESSMENT")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)


def pack_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.team import team_pack

    wanted = [s for s in args.sections.split(",") if s.strip()]
    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        result, given = team_pack(workspace, assessment_id, args.out, wanted or None)
        fingerprint = workspace.device_key.fingerprint
    print(
        f"wrote {result.path}: a team pack of assessment {assessment_id} with {counted(len(given), 'section')} "
        f"({', '.join(given)}), {counted(result.photos, 'photo')}, {result.size / 1e6:.1f} MB, signed by {fingerprint}"
    )
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.team import packs

    with open_workspace(args) as workspace:
        given = packs(workspace, workspace.assessments.resolve_id(args.assessment))
    if args.json:
        print_json(
            [
                {
                    "id": str(p.id),
                    "assessment": str(p.assessment_id),
                    "sections": list(p.sections),
                    "made_at": p.made_at.isoformat(),
                    "file": p.file_name,
                    "received_from": p.received_from,
                    "received_at": p.received_at.isoformat() if p.received_at is not None else None,
                }
                for p in given
            ]
        )
        return 0
    rows = [
        (f"{p.made_at:%Y-%m-%d %H:%M}", ", ".join(p.sections), p.file_name, p.received_from or "-", _day(p.received_at))
        for p in given
    ]
    print_table(["MADE", "SECTIONS", "FILE", "WORK FROM", "RECEIVED"], rows)
    return 0


def _day(at: dt.datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at is not None else "-"
