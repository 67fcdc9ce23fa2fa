"""``safety-assess bundle ...``: signed sync bundles of assessments, for the district."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("bundle", help="export assessments as a signed bundle for the district")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = sub.add_parser("export", parents=[common], help="write assessments into one signed .sabundle file")
    export.add_argument("assessments", nargs="+", metavar="ASSESSMENT")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.set_defaults(handler=export_cmd)


def export_cmd(args: argparse.Namespace) -> int:
    from safety_assess.sync.export import export_bundle

    with open_workspace(args) as workspace:
        ids = [workspace.assessments.resolve_id(a) for a in args.assessments]
        result = export_bundle(workspace, ids, args.out)
        fingerprint = workspace.device_key.fingerprint
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"wrote {result.path}: {len(result.assessments)} assessment(s), {result.photos} photo(s), "
        f"{result.size / 1e6:.1f} MB, signed by {fingerprint}"
    )
    return 0
