"""``safety-assess backup``: a consistent copy of the data folder, safe while the app is open."""

from __future__ import annotations

import argparse
from pathlib import Path

from safety_assess.cli.context import Commands, open_workspace


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "backup", parents=[common], help="back up the database, photos, checklists and settings (safe while in use)"
    )
    parser.add_argument(
        "--out", type=Path, metavar="DIR", help="where to put the backup (default: the settings' backups folder)"
    )
    parser.add_argument(
        "--keep",
        type=_count,
        metavar="N",
        help="then remove all but the newest N backups there (default: as the settings say, in their folder only)",
    )
    parser.set_defaults(handler=backup_cmd)


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return int(text)


def backup_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.backup import back_up, backups_folder

    with open_workspace(args) as workspace:
        settings = workspace.settings
        usual = backups_folder(workspace, settings)
        into = args.out or usual
        keep = args.keep or (settings.backups_kept if into.absolute() == usual.absolute() else None)
        result = back_up(workspace, into, keep=keep)
    print(f"backed up into {result.folder}: database, {result.photos} photos, {result.size / 1e6:.1f} MB")
    if result.missing:
        print(f"warning: {len(result.missing)} photo files were already missing from the photo store")
    if result.removed:
        print(f"removed {len(result.removed)} older backups (keeping the newest {keep})")
    keys = [key.name for key in (workspace.data_dir.device_key, workspace.data_dir.district_key) if key.exists()]
    if keys:
        print(f"not included (secrets): {', '.join(keys)}; keep your own copy of them somewhere safe")
    print("open it with: safety-assess --data-dir " + str(result.folder))
    return 0
