"""``safety-assess team ...``: walking one campus as a team, each on a laptop."""

from __future__ import annotations

import argparse
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace
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
