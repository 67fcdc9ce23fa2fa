"""``safety-assess bundle ...``: signed sync bundles of assessments, for the district."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json
from safety_assess.domain.display import counted


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("bundle", help="signed bundles of assessments: export, and import at the district")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = sub.add_parser("export", parents=[common], help="write assessments into one signed .sabundle file")
    export.add_argument("assessments", nargs="*", metavar="ASSESSMENT")
    export.add_argument("--out", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--since-last", action="store_true", help="every assessment changed since the last --since-last export"
    )
    export.set_defaults(handler=export_cmd)
    imp = sub.add_parser("import", parents=[common], help="import bundles: everything checked first, then applied")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="FINGERPRINT",
        help="trust this new device (compare the fingerprint with the assessor's first); repeat for several",
    )
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=import_cmd)


def export_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.bundles import export_bundle, export_changed

    if bool(args.assessments) == args.since_last:
        print("safety-assess: error: name the assessments to export, or give --since-last", file=sys.stderr)
        return 2
    with open_workspace(args) as workspace:
        if args.since_last:
            found = export_changed(workspace, args.out)
            if found is None:
                print("nothing changed since the last export; no bundle written")
                return 0
            result = found
        else:
            ids = [workspace.assessments.resolve_id(a) for a in args.assessments]
            result = export_bundle(workspace, ids, args.out)
        fingerprint = workspace.signing_fingerprint
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"wrote {result.path}: {counted(len(result.assessments), 'assessment')}, {counted(result.photos, 'photo')}, "
        f"{counted(result.plans, 'site plan')}, {counted(result.drill_logs, 'drill log')}, "
        f"{result.size / 1e6:.1f} MB, signed by {fingerprint}"
        + (f", encrypted to the district key {result.sealed_to.fingerprint}" if result.sealed_to else "")
    )
    return 0


def _trust(wanted: list[str]) -> Callable[[Any], bool]:
    """Trust a new device named with --trust, or, at a terminal, one the user confirms."""
    named = {w.strip().upper() for w in wanted}

    def decide(claim: Any) -> bool:
        if claim.fingerprint.upper() in named:
            return True
        if not sys.stdin.isatty():
            return False
        question = f"Trust the device {claim.fingerprint} (exported by {claim.exporter or 'unnamed'})? [y/N] "
        print(question, end="", file=sys.stderr, flush=True)  # never into the output, which may be --json
        try:
            answer = sys.stdin.readline()
        except (EOFError, KeyboardInterrupt):
            return False
        return answer.strip().lower() in ("y", "yes")

    return decide


def import_cmd(args: argparse.Namespace) -> int:
    """Each file on its own (its own checks, transaction and result); one line per file, or with --json one array
    with an object per file. Exit status 1 when any was refused."""
    from safety_assess.services.bundles import import_one

    with open_workspace(args) as workspace:
        results = [file_result(import_one(workspace, path, _trust(args.trust))) for path in args.files]
    if args.json:
        print_json(results)
    else:
        for result in results:
            refused = result["result"] == "refused"
            line = f"{result['file']}: refused: {result['reason']}" if refused else result["summary"]
            print(line, file=sys.stderr if refused else sys.stdout)
    return 1 if any(r["result"] == "refused" for r in results) else 0


def _reopened(outcome: Any) -> dict[str, Any] | None:
    """The late work that reopened a completed assessment (None when none did)."""
    late = outcome.late
    if late is None:
        return None
    completed = late.completed_on.isoformat() if late.completed_on is not None else None
    told = late.told(outcome.named)
    return {"changes": late.changes, "device": late.device, "completed_on": completed, "message": told}


def file_result(outcome: Any) -> dict[str, Any]:
    """``{"file", "result", "reason", ...}``: result is added, updated, unchanged, older, conflict or refused."""
    report = outcome.report
    if report is None:
        return {"file": str(outcome.path), "result": "refused", "reason": outcome.reason}
    return {
        "file": str(report.path),
        "result": report.result,
        "reason": "",
        "summary": report.summary(),
        "device": report.fingerprint,
        "exporter": report.exporter,
        "already_imported": report.already_imported,
        "encrypted": report.sealed,
        "assessments": [
            {
                "id": o.assessment_id,
                "campus": o.campus,
                "date": o.assessed_on,
                "result": o.result.value,
                "conflict_copy": o.copy_id,
                "conflicts": o.conflicts,
                "reopened": _reopened(o),
                "relabeled": [{"group": r.group_id, "was": r.was, "label": r.label} for r in o.relabeled],
            }
            for o in report.outcomes
        ],
        "plans": [
            {"campus_id": str(p.campus_id), "campus": p.campus, "added": p.added, "updated": p.updated}
            for p in report.plans
        ],
        "drills": [
            {
                "campus_id": str(d.campus_id),
                "campus": d.campus,
                "added": d.added,
                "updated": d.updated,
                "clashes": d.clashes,
            }
            for d in report.drills
        ],
        "readiness": report.readiness,
        "team": None
        if report.team is None
        else {"assessment": str(report.team.assessment_id), "sections": list(report.team.sections)},
    }
