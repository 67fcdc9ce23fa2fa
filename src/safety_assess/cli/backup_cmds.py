"""``safety-assess backup``: a consistent copy of the data folder, safe while the app is open."""

from __future__ import annotations

import argparse
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "backup", parents=[common], help="back up the database, photos, checklists and settings (safe while in use)"
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="where to put the backup (default: backups/)")
    parser.set_defaults(handler=backup_cmd)


def backup_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.backup import back_up

    with open_workspace(args) as workspace:
        result = back_up(workspace, args.out)
    print(f"backed up into {result.folder}: database, {result.photos} photos, {result.size / 1e6:.1f} MB")
    if result.missing:
        print(f"warning: {len(result.missing)} photo files were already missing from the photo store")
    print("open it with: safety-assess --data-dir " + str(result.folder))
    return 0
