"""``safety-assess district ...``: every campus at a glance, for the district."""

from __future__ import annotations

import argparse
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("district", help="every campus at a glance: ranking, totals, actions, report")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    summary = sub.add_parser("summary", parents=[common], help="campuses ranked by risk, with district totals")
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=summary_cmd)


def summary_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.district import district_overview

    with open_workspace(args) as workspace:
        overview = district_overview(workspace)
    if args.json:
        print_json(overview_json(overview))
        return 0
    from safety_assess.domain.scoring.wording import cost, percent

    rows = []
    for rank, line in enumerate(overview.lines, start=1):
        latest = line.latest
        if latest is None:
            rows.append([rank, line.campus.code, line.campus.name, "not assessed", "", "", "", ""])
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
                bands,
                figures.open_actions,
                cost(figures.cost),
            ]
        )
    print_table(["#", "Code", "Campus", "Latest", "Compliance", "Open findings", "Open actions", "Cost"], rows)
    totals = overview.totals
    print(
        f"\n{totals.campuses} campuses, {totals.assessed} assessed; {totals.severe} open high or critical findings; "
        f"{totals.open_actions} open actions; estimated cost {cost(totals.cost)}"
    )
    for phase, total in totals.cost_by_phase.items():
        print(f"  {totals.phase_names.get(phase, phase)}: {cost(total)}")
    return 0


def overview_json(overview: Any) -> dict[str, Any]:
    totals = overview.totals
    return {
        "campuses": [
            {
                "rank": rank,
                "campus": {"id": line.campus.id, "code": line.campus.code, "name": line.campus.name},
                "conflicts": line.conflicts,
                "assessments": [
                    {
                        "id": a.summary.id,
                        "date": a.summary.assessed_on,
                        "status": a.summary.status.value,
                        "source_device": a.summary.source_device,
                        **a.figures.to_json(),
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
