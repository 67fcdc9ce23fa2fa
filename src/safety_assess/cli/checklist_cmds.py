"""``safety-assess checklist ...``: validate, list, show, schema (export-xlsx, import-xlsx: checklist_xlsx_cmds)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from safety_assess.base.datadir import DataDir
from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.cli import checklist_xlsx_cmds
from safety_assess.cli.context import Commands
from safety_assess.cli.output import print_json, print_table

if TYPE_CHECKING:
    from safety_assess.domain.checklist.catalog import Catalog


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("checklist", help="validate, list and show checklists")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    validate = sub.add_parser("validate", parents=[common], help="check checklist files (YAML, XLSX) or folders")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.set_defaults(handler=validate_cmd)
    listing = sub.add_parser("list", parents=[common], help="built-in and user checklists")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    show = sub.add_parser("show", parents=[common], help="one checklist, whole")
    show.add_argument("checklist_id", metavar="ID")
    show.add_argument("--version", dest="checklist_version", help="a specific version (default: newest)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)
    schema = sub.add_parser("schema", parents=[common], help="print the JSON Schema of the checklist format")
    schema.set_defaults(handler=schema_cmd)
    checklist_xlsx_cmds.register(sub, common)


def validate_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.domain.checklist.model import FORMAT_VERSION
    from safety_assess.services.checklists import ChecklistFileInvalid, files_to_read, read_file

    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=sys.stderr)
    files = files_to_read([p for p in args.paths if p.exists()])
    if not files and not missing:
        print("no checklist files (*.yaml, *.yml, *.xlsx) found", file=sys.stderr)
        return 1
    failed = bool(missing)
    for path in files:
        try:
            _, version = read_file(path)
            older = f" (format {version}, read as format {FORMAT_VERSION})" if version < FORMAT_VERSION else ""
            print(f"{path}: OK{older}")
        except ChecklistFileInvalid as error:
            failed = True
            for line in error.lines:
                print(line)
    return 1 if failed else 0


def _catalog(args: argparse.Namespace) -> Catalog:
    """Built-in and user checklists; files that fail to load are named on stderr and skipped."""
    from safety_assess.domain.checklist.catalog import load_catalog

    catalog = load_catalog(builtin_checklists_dir(), DataDir.resolve(args.data_dir).checklists)
    for problem in catalog.problems:
        print(f"warning: skipped {problem.lines()[0]}", file=sys.stderr)  # the line starts with the file
    return catalog


def list_cmd(args: argparse.Namespace) -> int:
    checklists = [entry.checklist for entry in _catalog(args).entries]
    rows = [
        {
            "id": c.id,
            "version": c.version,
            "title": c.title,
            "sections": len(c.sections),
            "items": c.item_count(),
        }
        for c in sorted(checklists, key=lambda c: (c.id, c.version))
    ]
    if args.json:
        print_json(rows)
    else:
        print_table(["ID", "VERSION", "TITLE", "SECTIONS", "ITEMS"], [list(r.values()) for r in rows])
    return 0


def show_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.checklist.model import Group

    checklist = _catalog(args).get(args.checklist_id, args.checklist_version)
    if args.json:
        print_json(checklist.model_dump(mode="json", exclude_none=True))
        return 0
    print(f"{checklist.title} ({checklist.id} {checklist.version}), {checklist.item_count()} items")
    for section in checklist.sections:
        print(f"\n{section.title} [{section.id}]")
        for entry in section.items:
            if isinstance(entry, Group):
                print(f"  for each {entry.instance_label.lower()}: {entry.title} [{entry.group}]")
                for item in entry.items:
                    print(f"    {item.id}  ({item.answer.type})  {item.prompt}")
            else:
                print(f"  {entry.id}  ({entry.answer.type})  {entry.prompt}")
    return 0


def schema_cmd(_: argparse.Namespace) -> int:
    from safety_assess.domain.checklist.jsonschema import checklist_json_schema_text

    sys.stdout.write(checklist_json_schema_text())
    return 0
