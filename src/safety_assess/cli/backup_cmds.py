"""``safety-assess backup``: an encrypted copy of the data folder, safe while the app is open; ``backup restore``
opens one again into a new data folder."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.cli.context import Commands, open_workspace


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "backup",
        parents=[common],
        help="back up the database, photos, checklists and settings, encrypted (safe while in use)",
        description="Encrypted as the settings say (Settings > Data and backups), or with the passphrase given here.",
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
    protection = parser.add_mutually_exclusive_group()
    _passphrase_option(protection, "encrypt with the passphrase held in the environment variable VAR")
    protection.add_argument(
        "--unencrypted", action="store_true", help="do not encrypt it: anyone who finds it can read it"
    )
    parser.set_defaults(handler=backup_cmd)
    actions = parser.add_subparsers(dest="backup_command", metavar="[restore]", parser_class=type(parser))
    restore = actions.add_parser(
        "restore",
        parents=[common],
        help="restore a backup into a new data folder",
        description="A backup encrypted to the district key opens only where that key is: at the district's "
        "installation (or with --data-dir naming the district's data folder).",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup folder (safety-assess-backup-...)")
    restore.add_argument("--into", type=Path, metavar="DIR", required=True, help="a new or empty folder")
    _passphrase_option(restore, "the passphrase the backup was encrypted with, held in the environment variable VAR")
    restore.set_defaults(handler=restore_cmd)


def _passphrase_option(parser: argparse.ArgumentParser | argparse._MutuallyExclusiveGroup, text: str) -> None:
    parser.add_argument("--passphrase-env", metavar="VAR", help=f"{text} (never on the command line)")


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return int(text)


def _passphrase(args: argparse.Namespace) -> str | None:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.backup import BackupError

    name = args.passphrase_env
    if name is None:
        return None
    if not os.environ.get(name):
        raise BackupError(f"the environment variable {name} is not set; it should hold the backup passphrase")
    return os.environ[name]


def backup_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.backup import BackupError, back_up, backups_folder
    from safety_assess.services.backup_keys import NOT_CHOSEN, protection_for

    passphrase = _passphrase(args)
    with open_workspace(args) as workspace:
        settings = workspace.settings
        usual = backups_folder(workspace, settings)
        into = args.out or usual
        keep = args.keep or (settings.backups_kept if into.absolute() == usual.absolute() else None)
        try:
            protection = protection_for(workspace, settings, passphrase=passphrase, unencrypted=args.unencrypted)
        except BackupError as error:
            hint = "; or give --passphrase-env VAR, or --unencrypted" if str(error) == NOT_CHOSEN else ""
            raise BackupError(f"{error}{hint}") from None
        result = back_up(workspace, into, keep=keep, protection=protection)
    print(f"backed up into {result.folder}: database, {result.photos} photos, {result.size / 1e6:.1f} MB")
    print(f"it is {result.protection}")
    if result.missing:
        print(f"warning: {len(result.missing)} photo files were already missing from the photo store")
    if result.removed:
        print(f"removed {len(result.removed)} older backups (keeping the newest {keep})")
    data = workspace.data_dir
    keys = [key.name for key in (data.device_key, data.district_key, data.district_staff_key) if key.exists()]
    if keys:
        print(f"not included (secrets): {', '.join(keys)}; keep your own copy of them somewhere safe")
    if protection.encrypted:
        print(f"restore it with: safety-assess backup restore {result.folder} --into NEW-FOLDER")
    else:
        print("open it with: safety-assess --data-dir " + str(result.folder))
    return 0


def restore_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.backup import BackupError
    from safety_assess.services.backup_format import read_header
    from safety_assess.services.restore import RestoreKeys, restore

    passphrase = _passphrase(args)
    encryption = read_header(args.backup).encryption
    if encryption == "passphrase" and passphrase is None:
        raise BackupError(f"{args.backup}: it is encrypted with a passphrase: give it with --passphrase-env VAR")
    district_key = DataDir.resolve(args.data_dir).district_key if encryption == "district" else None
    keys = RestoreKeys(passphrase, district_key)
    result = restore(args.backup, args.into, keys)
    print(f"restored into {result.folder}: {result.what()}, {result.size / 1e6:.1f} MB")
    print(
        "it was "
        + {"none": "not encrypted", "passphrase": "encrypted with a passphrase"}.get(
            result.encryption, "encrypted to the district key"
        )
    )
    if result.missing:
        print(f"warning: {len(result.missing)} photos were already missing when the backup was made")
    if result.damaged:
        print(f"warning: {len(result.damaged)} photos are damaged in the backup and were left out: {result.damaged[0]}")
    print(f"open it with: safety-assess --data-dir {result.folder}")
    return 0
