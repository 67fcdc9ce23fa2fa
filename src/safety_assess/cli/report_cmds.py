"""``safety-assess report ...``: the action-plan PDF (full or public, optionally password-protected) and CSV."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path

from safety_assess.base.files import writing
from safety_assess.cli.context import Commands, moment_argument, open_workspace

PASSWORD_ENV = "SAFETY_ASSESS_PDF_PASSWORD"


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("report", help="the action-plan PDF and the CSV of actions")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    pdf = sub.add_parser("pdf", parents=[common], help="write the action-plan report as PDF")
    pdf.add_argument("assessment", metavar="ASSESSMENT")
    pdf.add_argument("--out", required=True, type=Path, metavar="FILE")
    pdf.add_argument("--public", action="store_true", help="the version to hand out: no photos, locations or detail")
    pdf.add_argument(
        "--password",
        nargs="?",
        const="-",
        default=None,
        metavar="PASS",
        help=f"protect with AES-256; without a value (or '-') it is asked for, or read from {PASSWORD_ENV}",
    )
    pdf.add_argument(
        "--clock",
        type=moment_argument,
        default=None,
        metavar="ISO-TIME",
        help="date the report by this time instead of now (the same input then gives the same file)",
    )
    pdf.add_argument("--no-responses", action="store_true", help="leave the full responses out of the appendix")
    pdf.set_defaults(handler=pdf_cmd)
    csv_parser = sub.add_parser("csv", parents=[common], help="write the actions as CSV for a work-order system")
    csv_parser.add_argument("assessment", metavar="ASSESSMENT")
    csv_parser.add_argument("--out", required=True, type=Path, metavar="FILE")
    csv_parser.set_defaults(handler=csv_cmd)


def _password(given: str | None) -> str | None:
    if given != "-":
        return given
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    return getpass.getpass("Password for the PDF: ")


def pdf_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.reports import export_report

    clock = args.clock.replace(tzinfo=args.clock.tzinfo or dt.UTC) if args.clock else None
    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        result = export_report(
            workspace,
            assessment_id,
            args.out,
            public=args.public,
            password=_password(args.password),
            clock=clock,
            include_responses=not args.no_responses,
        )
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"wrote {result.path} ({result.pages} pages)")
    return 0


def csv_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.display import counted
    from safety_assess.reports.csv_export import actions_csv
    from safety_assess.services.plan import load_plan

    with open_workspace(args) as workspace:
        plan = load_plan(workspace, workspace.assessments.resolve_id(args.assessment), compare_earlier=False)
    text = actions_csv(plan)
    with writing(workspace.data_dir, args.out) as partial:  # a WriteError is one line, like every error
        partial.write_text(text, encoding="utf-8", newline="")
    print(f"wrote {args.out} ({counted(len(plan.actions), 'action')})")
    return 0
