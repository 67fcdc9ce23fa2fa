"""``safety-assess demo --out DIR``: the sample campus, its action-plan PDF and a sync bundle, without a window."""

from __future__ import annotations

import argparse
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "demo",
        parents=[common],
        help="add the sample campus (a half-finished assessment) and write its action plan and bundle",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the PDF and the bundle")
    parser.set_defaults(handler=demo_cmd)


def demo_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.demo import write_demo

    with open_workspace(args) as workspace:
        files = write_demo(workspace, args.out, workspace.settings.assessor_name)
    state = "added" if files.sample.made else "already there"
    print(f"sample campus {files.sample.campus_code}: {state} (assessment {files.sample.assessment_id})")
    print(f"wrote {files.report} ({files.pages} pages)")
    print(f"wrote {files.bundle}")
    return 0
