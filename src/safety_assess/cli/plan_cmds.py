"""``safety-assess finding ...`` and ``safety-assess action ...``: findings and the action plan, for scripting."""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from typing import TYPE_CHECKING, Any

from safety_assess.cli.context import Commands, date_argument, open_workspace
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.display import cost as cost_text
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.plan.actions import Action, CostRange, Status, due_date, parse_cost, totals

if TYPE_CHECKING:
    from safety_assess.domain.plan.assessment_plan import Plan
    from safety_assess.domain.scoring.adjust import FindingEdit
    from safety_assess.domain.scoring.findings import Finding
    from safety_assess.services.workspace import Workspace

STATUSES = ("open", "in_progress", "done", "deferred")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    _register_findings(commands, common)
    _register_actions(commands, common)


def _finding_fields(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--title", required=adding, default=None)
    parser.add_argument("--likelihood", type=int, default=None, metavar="1-5")
    parser.add_argument("--severity", type=int, default=None, metavar="1-5")
    parser.add_argument("--rationale", default=None, help="why likelihood or severity differ from the item's")
    parser.add_argument("--residual-likelihood", type=int, default=None, metavar="1-5")
    parser.add_argument("--residual-severity", type=int, default=None, metavar="1-5")
    parser.add_argument("--location", default=None, help="free text: 'north stairwell'")
    parser.add_argument("--description", default=None)


def _register_findings(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("finding", help="list, add and adjust findings")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", parents=[common], help="an assessment's findings, highest risk first")
    listing.add_argument("assessment", metavar="ASSESSMENT")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=finding_list_cmd)
    add = sub.add_parser("add", parents=[common], help="add a finding no checklist item covers; prints its id")
    add.add_argument("assessment", metavar="ASSESSMENT")
    _finding_fields(add, adding=True)
    add.add_argument("--section", default=None, metavar="ID", help="checklist section it belongs to")
    add.add_argument("--layer", default=None)
    add.set_defaults(handler=finding_add_cmd)
    adjust = sub.add_parser("adjust", parents=[common], help="adjust a finding's risk, location or description")
    adjust.add_argument("assessment", metavar="ASSESSMENT")
    adjust.add_argument("finding", metavar="FINDING", help="finding id, or the item id of a raised finding")
    adjust.add_argument("--instance", metavar="LABEL", help="instance of a repeatable group")
    _finding_fields(adjust, adding=False)
    adjust.set_defaults(handler=finding_adjust_cmd)


def _action_fields(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--description", default=None, help="defaults to the item's recommendation" if adding else None)
    parser.add_argument("--phase", default=None, metavar="ID", help="immediate, short_term, long_term (or as set)")
    parser.add_argument("--cost", default=None, metavar="LOW-HIGH", help="estimated cost range, e.g. 200-450")
    parser.add_argument("--funding", default=None, metavar="SOURCE")
    parser.add_argument("--owner", default=None, metavar="ROLE_OR_NAME")
    parser.add_argument("--due", type=date_argument, default=None, metavar="YYYY-MM-DD")
    parser.add_argument("--status", choices=STATUSES, default=None)
    parser.add_argument("--note", default=None)
    parser.add_argument(
        "--by", default="", metavar="NAME", help="who makes the change (recorded with a status change); default: you"
    )


def _register_actions(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("action", help="list, add and update corrective actions")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = sub.add_parser("list", parents=[common], help="an assessment's action plan with totals per phase")
    listing.add_argument("assessment", metavar="ASSESSMENT")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=action_list_cmd)
    add = sub.add_parser("add", parents=[common], help="plan an action for a finding; prints its id")
    add.add_argument("assessment", metavar="ASSESSMENT")
    add.add_argument("finding", metavar="FINDING", help="finding id, or the item id of a raised finding")
    add.add_argument("--instance", metavar="LABEL", help="instance of a repeatable group")
    _action_fields(add, adding=True)
    add.set_defaults(handler=action_add_cmd)
    update = sub.add_parser("update", parents=[common], help="change an action: status, note, cost, due date ...")
    update.add_argument("action_id", metavar="ACTION")
    _action_fields(update, adding=False)
    update.set_defaults(handler=action_update_cmd)
    suggest = sub.add_parser(
        "suggest", parents=[common], help="plan the suggested action of every finding without one; prints how many"
    )
    suggest.add_argument("assessment", metavar="ASSESSMENT")
    suggest.add_argument("--by", default="", metavar="NAME", help="who plans them (recorded); default: you")
    suggest.set_defaults(handler=action_suggest_cmd)


def find_finding(plan: Plan, reference: str, instance: str | None) -> Finding:
    """A finding by its id (or the start of it), its key, or the item id (and instance label) that raised it."""
    labels: dict[uuid.UUID | None, str] = {i.id: i.label.lower() for i in plan.state.instances}
    wanted = reference.strip().lower()
    for finding in plan.findings:
        by_item = finding.item_id == reference and labels.get(finding.instance_id) == (
            instance.lower() if instance else None
        )
        by_id = finding.id is not None and len(wanted) >= 4 and finding.id.hex.startswith(wanted.replace("-", ""))
        if by_item or by_id or finding.key == wanted:
            return finding
    where = f" in instance '{instance}'" if instance else ""
    raise NotFoundError(f"no finding '{reference}'{where} in this assessment (see: safety-assess finding list)")


def _given(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(args, name) for name in names if getattr(args, name) is not None}


def _finding_edit(args: argparse.Namespace) -> FindingEdit:
    """The finding fields given on the command line; the others are kept."""
    from safety_assess.domain.scoring.adjust import KEEP, FindingEdit

    def given(name: str) -> Any:
        value = getattr(args, name)
        return KEEP if value is None else value

    return FindingEdit(
        title=given("title"),
        likelihood=given("likelihood"),
        severity=given("severity"),
        rationale=given("rationale"),
        residual_likelihood=given("residual_likelihood"),
        residual_severity=given("residual_severity"),
        location=given("location"),
        description=given("description"),
    )


def finding_list_cmd(args: argparse.Namespace) -> int:
    # loaded when the command runs: building the parser imports every command module
    from safety_assess.cli.plan_json import finding_json
    from safety_assess.services.plan import load_plan

    with open_workspace(args) as workspace:
        plan = load_plan(workspace, workspace.assessments.resolve_id(args.assessment))
    rows = [finding_json(plan, f) for f in plan.findings]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["ID", "RISK", "BAND", "L", "S", "TITLE", "LOCATION", "ACTIONS"],
        [
            (
                r["id"] or r["key"],
                r["risk"],
                r["band"],
                r["likelihood"],
                r["severity"],
                r["title"],
                r["location"],
                len(r["actions"]),
            )
            for r in rows
        ],
    )
    return 0


def finding_add_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.plan import PlanEditor

    with open_workspace(args) as workspace:
        editor = PlanEditor(workspace, workspace.assessments.resolve_id(args.assessment))
        record = editor.add_finding(args.title, _finding_edit(args), section_id=args.section, layer=args.layer)
    print(record.id)
    return 0


def finding_adjust_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.plan import PlanEditor, load_plan

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        finding = find_finding(load_plan(workspace, assessment_id, False), args.finding, args.instance)
        record = PlanEditor(workspace, assessment_id).adjust(finding, _finding_edit(args))
    print(f"{record.id} adjusted")
    return 0


def action_list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.cli.plan_json import action_json
    from safety_assess.domain.plan.value import finding_values
    from safety_assess.services.plan import load_plan

    with open_workspace(args) as workspace:
        plan = load_plan(workspace, workspace.assessments.resolve_id(args.assessment), False)
    titles = {f.key: f.title for f in plan.findings}
    if args.json:
        values = finding_values(plan.findings, plan.actions)
        print_json(
            [{**action_json(a, values.get(a.finding_key)), "finding": titles[a.finding_key]} for a in plan.actions]
        )
        return 0
    print_table(
        ["ID", "PHASE", "STATUS", "COST", "DUE", "OWNER", "ACTION"],
        [
            (
                a.id,
                a.phase,
                a.status.value,
                f"{a.cost_low:,.0f}-{a.cost_high:,.0f}",
                a.due or "",
                a.owner,
                a.description,
            )
            for a in plan.actions
        ],
    )
    for phase, cost in totals(plan.actions, "phase").items():
        print(f"{plan.phase_name(phase)}: {cost.low:,.0f}-{cost.high:,.0f}")
    return 0


def _action_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes = _given(args, ("description", "phase", "funding", "owner", "due", "note"))
    if args.cost is not None:
        changes["cost_low"], changes["cost_high"] = parse_cost(args.cost)
    if args.status is not None:
        changes["status"] = Status(args.status)
    return changes


def action_add_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.plan import PlanEditor, load_plan

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        plan = load_plan(workspace, assessment_id, False)
        finding = find_finding(plan, args.finding, args.instance)
        editor = PlanEditor(workspace, assessment_id, by=args.by)
        action = _with_due(editor.suggested_action(finding, plan.phases), _action_changes(args), plan, workspace)
        added = editor.add_action(finding, action, plan.phases)
    print(added.id)
    return 0


def _with_due(action: Action, changes: dict[str, Any], plan: Plan, workspace: Workspace) -> Action:
    """The suggested action with the options given; a phase given without a due date moves the due date."""
    if "phase" in changes and "due" not in changes:
        phase = next((p for p in plan.phases if p.id == changes["phase"]), None)
        if phase is not None:
            changes["due"] = due_date(plan.summary.assessed_on, phase)
    return dataclasses.replace(action, **changes)


def action_update_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.plan import PlanEditor

    with open_workspace(args) as workspace:
        action_id = workspace.findings.resolve_action_id(args.action_id)
        action = workspace.findings.action(action_id)
        assert action.finding_id is not None
        assessment_id = workspace.findings.get(action.finding_id).assessment_id
        summary = workspace.assessments.summary(assessment_id)
        phases = workspace.snapshots.checklist(summary.checklist.id).plan_phases()
        updated = PlanEditor(workspace, assessment_id, by=args.by).update_action(
            dataclasses.replace(action, **_action_changes(args)), phases
        )
    print(f"{updated.id} {updated.status.value}")
    return 0


def action_suggest_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.plan import PlanEditor, load_plan

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        plan = load_plan(workspace, assessment_id, False)
        added = PlanEditor(workspace, assessment_id, by=args.by).plan_suggested(plan)
    total = sum((CostRange(a.cost_low, a.cost_high) for a in added), CostRange())
    noun = "action" if len(added) == 1 else "actions"
    detail = f", estimated {cost_text(total)}" if added else ": every finding with a recommendation has an action"
    print(f"{len(added)} suggested {noun} added{detail}")
    return 0
