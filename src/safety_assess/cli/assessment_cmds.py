"""``safety-assess assessment ...``: start, list, show and answer assessments (and their conflicts: conflict_cmds)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from safety_assess.cli import conflict_cmds
from safety_assess.cli.context import Commands, date_argument, open_workspace
from safety_assess.cli.output import print_json, print_table

if TYPE_CHECKING:
    from safety_assess.domain.records import AssessmentDetail, AssessmentSummary


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("assessment", help="start, list, show and answer assessments")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = sub.add_parser("new", parents=[common], help="start an assessment; prints its id")
    new.add_argument("--campus", required=True, metavar="CODE")
    new.add_argument("--checklist", required=True, metavar="ID")
    new.add_argument("--assessor", action="append", default=[], metavar="NAME", help="repeat for several")
    new.add_argument("--date", type=date_argument, default=None, metavar="YYYY-MM-DD")
    new.set_defaults(handler=new_cmd)
    listing = sub.add_parser("list", parents=[common], help="every assessment, newest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    show = sub.add_parser("show", parents=[common], help="one assessment with its responses")
    show.add_argument("assessment", metavar="ID")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)
    answer = sub.add_parser("answer", parents=[common], help="answer one item")
    answer.add_argument("assessment", metavar="ID")
    answer.add_argument("item", metavar="ITEM")
    answer.add_argument("value", metavar="VALUE")
    answer.add_argument("--instance", metavar="LABEL", help="instance of a repeatable group (created if new)")
    answer.add_argument("--note")
    answer.set_defaults(handler=answer_cmd)
    conflict_cmds.register(sub, common)


def new_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.services.assessments import start_assessment

    with open_workspace(args) as workspace:
        summary = start_assessment(workspace, args.campus, args.checklist, args.assessor, args.date)
    print(summary.id)
    return 0


def summary_json(summary: AssessmentSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "campus": {"id": summary.campus.id, "code": summary.campus.code, "name": summary.campus.name},
        "checklist": {
            "id": summary.checklist.checklist_id,
            "version": summary.checklist.version,
            "title": summary.checklist.title,
        },
        "status": summary.status.value,
        "assessors": list(summary.assessors),
        "date": summary.assessed_on,
        "started_at": summary.started_at,
        "completed_at": summary.completed_at,
        "recorded": summary.answered,
        "imported_from": summary.source_device,
    }


def list_cmd(args: argparse.Namespace) -> int:
    with open_workspace(args) as workspace:
        summaries = workspace.assessments.list()
    if args.json:
        print_json([summary_json(s) for s in summaries])
        return 0
    rows = [
        (
            s.id,
            s.assessed_on,
            s.campus.code,
            f"{s.checklist.checklist_id} {s.checklist.version}",
            s.status.value.replace("_", " "),
            s.answered,
        )
        for s in summaries
    ]
    print_table(["ID", "DATE", "CAMPUS", "CHECKLIST", "STATUS", "RECORDED"], rows)
    return 0


def detail_json(detail: AssessmentDetail) -> dict[str, Any]:
    labels = {i.id: i.label for i in detail.instances}
    data = summary_json(detail.summary)
    data["instances"] = [{"group": i.group_id, "label": i.label} for i in detail.instances]
    data["responses"] = [
        {
            "item": r.item_id,
            "instance": labels.get(r.instance_id) if r.instance_id else None,
            "value": r.value,
            "typed": r.typed,
            "note": r.note,
            "follow_up": r.follow_up,
            "answered_at": r.answered_at,
        }
        for r in detail.responses
    ]
    return data


def show_cmd(args: argparse.Namespace) -> int:
    from safety_assess.cli.plan_json import assessment_scores

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        detail = workspace.assessments.detail(assessment_id)
        data = {**detail_json(detail), **assessment_scores(workspace, assessment_id)}
    if args.json:
        print_json(data)
        return 0
    summary = detail.summary
    print(f"{summary.campus.name} ({summary.campus.code}), {summary.checklist.title} {summary.checklist.version}")
    print(
        f"date {summary.assessed_on}, {summary.status.value.replace('_', ' ')}, "
        f"assessors: {', '.join(summary.assessors) or '-'}"
    )
    rows = [(r["item"], r["instance"] or "", r["value"], r["note"]) for r in data["responses"]]
    print_table(["ITEM", "INSTANCE", "VALUE", "NOTE"], rows)
    print(f"\ncompliance: {data['compliance_text']}; findings: {len(data['findings'])}")
    for finding in data["findings"]:
        print(f"  {finding['risk']:>2} {finding['band']:<8} {finding['title']}")
    return 0


def answer_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.assessments import record_answer

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        response = record_answer(
            workspace, assessment_id, args.item, args.value, instance_label=args.instance, note=args.note
        )
    typed = f" (typed {response.typed})" if response.typed else ""  # an amount converted to the item's unit
    print(f"{response.item_id} = {response.value!r}{typed}")
    return 0
