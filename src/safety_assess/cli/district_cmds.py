"""``safety-assess district ...``: every campus at a glance, for the district."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safety_assess.base.files import writing
from safety_assess.cli.context import Commands, moment_argument, open_workspace
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.display import cost, cost_range, counted, percent, words
from safety_assess.domain.district.overview import RANKING_RULE


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("district", help="every campus at a glance: ranking, totals, actions, report")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    summary = sub.add_parser("summary", parents=[common], help="campuses ranked by risk, with district totals")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=summary_cmd)
    actions = sub.add_parser("actions", parents=[common], help="every campus's actions, filtered, with totals")
    actions.add_argument("--phase", default="", metavar="ID")
    actions.add_argument("--layer", default="", metavar="LAYER")
    actions.add_argument("--status", default="", choices=["", "open", "in_progress", "done", "deferred"])
    actions.add_argument("--campus", default="", metavar="CODE")
    output = actions.add_mutually_exclusive_group()
    output.add_argument("--csv", type=Path, metavar="FILE", help="write them as CSV for a work-order system")
    output.add_argument("--json", action="store_true")
    actions.set_defaults(handler=actions_cmd)
    report = sub.add_parser("report", parents=[common], help="the district PDF: ranking, budget, trends, campuses")
    report.add_argument("--out", required=True, type=Path, metavar="FILE")
    report.add_argument("--clock", type=moment_argument, default=None, help=argparse.SUPPRESS)
    report.set_defaults(handler=report_cmd)
    pack = sub.add_parser(
        "pack", parents=[common], help="back to the field: a campus's latest assessment and action status as a bundle"
    )
    pack.add_argument("campus", metavar="CAMPUS_CODE")
    pack.add_argument("--out", required=True, type=Path, metavar="FILE")
    pack.set_defaults(handler=pack_cmd)
    progress = sub.add_parser("progress", parents=[common], help="actual against target per metric, for a term")
    progress.add_argument("--term", default=None, metavar="TERM", help="a term like fall-2026 (default: this term)")
    progress.add_argument("--json", action="store_true")
    progress.set_defaults(handler=progress_cmd)


def summary_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.district import district_overview

    with open_workspace(args) as workspace:
        overview = district_overview(workspace)
    if args.json:
        print_json(overview_json(overview))
        return 0

    rows = []
    for rank, line in enumerate(overview.lines, start=1):
        latest = line.latest
        if latest is None:
            rows.append([rank, line.campus.code, line.campus.name, "not assessed", "", "", "", "", ""])
            continue
        figures = latest.figures
        bands = " ".join(f"{name[0]}{count}" for name, count in reversed(figures.findings.items()))
        rows.append(
            [
                rank,
                line.campus.code,
                line.campus.name,
                latest.summary.assessed_on.isoformat(),
                percent(figures.compliance),
                f"{figures.coverage.answered}/{figures.coverage.applicable}",
                bands,
                figures.open_actions,
                cost(figures.cost),
            ]
        )
    header = ["#", "Code", "Campus", "Latest", "Compliance", "Answered", "Open findings", "Open actions", "Cost"]
    print_table(header, rows)
    print(f"\n{RANKING_RULE}")
    totals = overview.totals
    print(
        f"\n{counted(totals.campuses, 'campus')}, {totals.assessed} assessed; "
        f"{totals.severe} open high or critical findings; "
        f"{totals.open_actions} open actions; estimated cost {cost(totals.cost)}"
    )
    for phase, total in totals.cost_by_phase.items():
        print(f"  {totals.phase_names.get(phase, phase)}: {cost(total)}")
    return 0


def overview_json(overview: Any) -> dict[str, Any]:
    totals = overview.totals
    return {
        "ranking_rule": RANKING_RULE,
        "campuses": [
            {
                "rank": rank,
                "campus": {"id": line.campus.id, "code": line.campus.code, "name": line.campus.name},
                "conflicts": line.conflicts,
                "review": overview.review_stage(line),
                "assessments": [
                    {
                        "id": a.summary.id,
                        "date": a.summary.assessed_on,
                        "status": a.summary.status.value,
                        "source_device": a.summary.source_device,
                        **a.figures.to_json(),
                        "compliance_text": a.figures.compliance_text,
                    }
                    for a in line.history
                ],
            }
            for rank, line in enumerate(overview.lines, start=1)
        ],
        "totals": {
            "campuses": totals.campuses,
            "assessed": totals.assessed,
            "findings": totals.findings,
            "severe": totals.severe,
            "open_actions": totals.open_actions,
            "cost": [totals.cost.low, totals.cost.high],
            "cost_by_phase": {k: [v.low, v.high] for k, v in totals.cost_by_phase.items()},
            "phase_names": totals.phase_names,
            "cost_by_layer": {k: [v.low, v.high] for k, v in totals.cost_by_layer.items()},
        },
    }


def actions_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.district.actions import ActionFilter, cost_totals
    from safety_assess.services.district import district_overview, latest_actions

    with open_workspace(args) as workspace:
        overview = district_overview(workspace)
        every = latest_actions(workspace, overview)
    wanted = ActionFilter(args.phase, args.layer, args.status, args.campus)
    chosen = [a for a in every if wanted.matches(a)]
    names = overview.totals.phase_names
    if args.csv is not None:
        from safety_assess.reports.csv_export import district_actions_csv

        with writing(workspace.data_dir, args.csv) as partial:
            partial.write_text(district_actions_csv(chosen, names), encoding="utf-8", newline="")
        print(f"wrote {args.csv} ({counted(len(chosen), 'action')})")
        return 0
    if args.json:
        print_json([{"campus": a.campus.code, "assessment_id": a.assessment_id, **a.line.to_json()} for a in chosen])
        return 0
    rows = [
        [
            a.campus.code,
            a.line.risk,
            a.line.finding[:40],
            a.line.description[:40],
            names.get(a.line.phase, a.line.phase),
            cost_range(a.line.cost_low, a.line.cost_high),
            words(a.line.status),
        ]
        for a in chosen
    ]
    print_table(["Campus", "Risk", "Finding", "Action", "Phase", "Cost", "Status"], rows)
    print(f"\n{counted(len(chosen), 'action')}; not done, by phase:")
    for phase, total in cost_totals(chosen, "phase").items():
        print(f"  {names.get(phase, phase)}: {cost(total)}")
    print("by layer:")
    for layer, total in cost_totals(chosen, "layer").items():
        print(f"  {words(layer)}: {cost(total)}")
    return 0


def report_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.district import export_district_report

    with open_workspace(args) as workspace:
        result = export_district_report(workspace, args.out, clock=args.clock)
    print(f"wrote {result.path} ({result.pages} pages)")
    return 0


def progress_cmd(args: argparse.Namespace) -> int:
    import datetime as dt

    from safety_assess.cli.progress_output import print_progress, progress_json
    from safety_assess.services.targets import current_term, find, progress

    with open_workspace(args) as workspace:
        term = find(workspace, args.term) if args.term else current_term(workspace, dt.date.today())
        measured = progress(workspace, term)
    if args.json:
        print_json(progress_json(measured))
    else:
        print_progress(measured)
    return 0


def pack_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.bundles import export_campus_pack

    with open_workspace(args) as workspace:
        result = export_campus_pack(workspace, args.campus, args.out)
        fingerprint = workspace.signing_fingerprint
    sealed = f", encrypted to {result.sealed_to.fingerprint}" if result.sealed_to else ""
    print(
        f"wrote {result.path}: {counted(len(result.assessments), 'assessment')}, {counted(result.photos, 'photo')}, "
        f"signed by {fingerprint}{sealed}"
    )
    return 0
