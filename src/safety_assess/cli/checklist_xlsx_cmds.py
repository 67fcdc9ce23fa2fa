"""``safety-assess checklist export-xlsx`` and ``import-xlsx``: checklists as spreadsheets
(docs/checklist-spreadsheets.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from safety_assess.base.datadir import DataDir
from safety_assess.base.resources import builtin_checklists_dir


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser("export-xlsx", parents=[common], help="write a checklist as an .xlsx workbook")
    export.add_argument("checklist_id", metavar="ID")
    export.add_argument("--version", dest="checklist_version", help="a specific version (default: newest)")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.xlsx")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.set_defaults(handler=export_cmd)
    load = sub.add_parser("import-xlsx", parents=[common], help="turn an .xlsx workbook into a checklist YAML file")
    load.add_argument("source", type=Path, metavar="FILE.xlsx")
    load.add_argument("--out", required=True, type=Path, metavar="FILE.yaml")
    load.add_argument("--force", action="store_true", help="replace FILE.yaml if it exists")
    load.set_defaults(handler=import_cmd)


def _refuse_existing(args: argparse.Namespace) -> bool:
    if args.out.exists() and not args.force:
        print(f"{args.out}: already exists (give --force to replace it)", file=sys.stderr)
        return True
    return False


def export_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.checklist.catalog import load_catalog
    from safety_assess.services.checklists import export_workbook

    if args.out.suffix.lower() != ".xlsx":
        print(f"{args.out}: name the workbook FILE.xlsx", file=sys.stderr)
        return 1
    if _refuse_existing(args):
        return 1
    catalog = load_catalog(builtin_checklists_dir(), DataDir.resolve(args.data_dir).checklists)
    checklist = catalog.get(args.checklist_id, args.checklist_version)
    export_workbook(checklist, args.out)
    print(f"{args.out}: {checklist.id} {checklist.version}, {checklist.item_count()} items")
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.checklists import ChecklistFileInvalid, convert_to_yaml

    if _refuse_existing(args):
        return 1
    if not args.source.exists():
        print(f"{args.source}: no such file", file=sys.stderr)
        return 1
    try:
        checklist = convert_to_yaml(args.source, args.out)
    except ChecklistFileInvalid as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        return 1
    print(f"{args.out}: {checklist.id} {checklist.version}, {checklist.item_count()} items")
    return 0
