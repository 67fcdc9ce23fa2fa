"""``safety-assess drill ...``: a campus's drill log, where it stands against the district's required drills this
school year, a drill's issue made a finding, and the district's rules."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("drill", help="the drill log: drills held, required, overdue")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", parents=[common], help="log a drill held at a campus; prints its id")
    add.add_argument("campus", metavar="CAMPUS", help="the campus's code")
    add.add_argument("--type", required=True, help="fire, lockdown, evacuation, reverse_evacuation, ...")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    add.add_argument("--time", default=None, metavar="HH:MM")
    add.add_argument("--duration", default=None, metavar="MIN", help="minutes")
    add.add_argument("--participants", default=None, metavar="N")
    add.add_argument("--unannounced", action="store_true")
    add.add_argument("--observers", default="", metavar="NAME,NAME")
    add.add_argument("--note", default="", metavar="TEXT", help="what went wrong")
    add.set_defaults(handler=add_cmd)
    listing = sub.add_parser("list", parents=[common], help="required, done and overdue this school year, and drills")
    listing.add_argument("campus", metavar="CAMPUS")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    _register_issue(sub, common)
    _register_rules(sub, common)


def _register_rules(sub: Commands, common: argparse.ArgumentParser) -> None:
    require = sub.add_parser("require", parents=[common], help="set how many drills of a type a kind of campus holds")
    require.add_argument("kind", metavar="KIND", help="elementary, middle, high or office")
    require.add_argument("type", metavar="TYPE")
    require.add_argument("count", metavar="COUNT", help="drills a school year")
    require.set_defaults(handler=require_cmd)
    start = sub.add_parser("year-start", parents=[common], help="set the day each school year starts")
    start.add_argument("day", metavar="MM-DD")
    start.set_defaults(handler=year_start_cmd)
    rules = sub.add_parser("rules", parents=[common], help="the district's required drills and school year start")
    rules.add_argument("--json", action="store_true")
    rules.set_defaults(handler=rules_cmd)


def add_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.drills import Drill, drill_type
    from safety_assess.domain.readiness.typed import drill_date, drill_time, names, whole_number
    from safety_assess.services.drills import add_drill

    kind, day, time = drill_type(args.type), drill_date(args.date), drill_time(args.time)
    duration, participants = whole_number(args.duration, "duration"), whole_number(args.participants, "participants")
    with open_workspace(args) as workspace:
        campus = workspace.campuses.by_code(args.campus)
        drill = Drill(
            campus.id, kind, day, time, duration, participants, not args.unannounced, names(args.observers), args.note
        )
        added = add_drill(workspace, drill, dt.date.today())
    print(added.id)
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.drills import drill_log

    with open_workspace(args) as workspace:
        log = drill_log(workspace, workspace.campuses.by_code(args.campus).id, dt.date.today())
    if args.json:
        print_json(
            {
                "campus": log.campus.code,
                "kind": log.kind.value,
                "school_year": {"label": log.year.label, "start": log.year.start, "end": log.year.end},
                "types": [
                    {"type": s.type.value, "required": s.required, "done": s.done, "due": s.due, "overdue": s.overdue}
                    for s in log.standing
                ],
                "drills": [_drill_json(d) for d in log.drills],
            }
        )
        return 0
    print(f"{log.campus.name} ({log.kind.value}), school year {log.year.label}")
    print_table(
        ["TYPE", "REQUIRED", "DONE", "OVERDUE"],
        [(s.type.value, s.required, s.done, s.overdue or "") for s in log.standing],
    )
    print()
    print_table(
        ["ID", "DATE", "TIME", "TYPE", "MIN", "PEOPLE", "ANNOUNCED", "FINDING", "NOTE"],
        [
            (
                str(d.id)[:8],
                d.date.isoformat(),
                d.time.strftime("%H:%M") if d.time else "",
                d.type.value,
                _or_blank(d.duration),
                _or_blank(d.participants),
                "yes" if d.announced else "no",
                str(d.finding_id)[:8] if d.finding_id else "",
                d.issues.splitlines()[0][:50] if d.issues else "",
            )
            for d in log.drills
        ],
    )
    return 0


def _register_issue(sub: Any, common: argparse.ArgumentParser) -> None:
    issue = sub.add_parser(
        "issue", parents=[common], help="make a drill's issue a finding with its actions in the current assessment"
    )
    issue.add_argument("drill", metavar="DRILL", help="the drill's id (or its first characters)")
    issue.add_argument("--title", required=True)
    issue.add_argument("--likelihood", required=True, metavar="1-5")
    issue.add_argument("--severity", required=True, metavar="1-5")
    issue.add_argument(
        "--action",
        action="append",
        default=None,
        metavar="TEXT",
        help="a corrective action (repeat for more; default: one to correct what the drill showed)",
    )
    issue.add_argument("--phase", default=None, metavar="ID", help="the actions' phase (default: by the risk)")
    issue.add_argument("--cost", default=None, metavar="LOW-HIGH", help="each action's estimated cost, e.g. 200-450")
    issue.add_argument("--owner", default="", metavar="ROLE_OR_NAME")
    issue.set_defaults(handler=issue_cmd)


def issue_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.plan.actions import parse_cost
    from safety_assess.domain.readiness.typed import whole_number
    from safety_assess.services.after_action import AfterAction, default_action, make_finding
    from safety_assess.services.drills import get_drill, resolve_drill

    likelihood, severity = whole_number(args.likelihood, "likelihood"), whole_number(args.severity, "severity")
    assert likelihood is not None and severity is not None  # both required
    low, high = parse_cost(args.cost) if args.cost is not None else (0.0, 0.0)
    with open_workspace(args) as workspace:
        drill = get_drill(workspace, resolve_drill(workspace, args.drill))
        texts = args.action or [default_action(drill, args.title)]
        asked = [AfterAction(text, args.phase, low, high, args.owner) for text in texts]
        made = make_finding(workspace, drill.id, args.title, likelihood, severity, asked)
    summary = made.assessment
    count = f"{len(made.actions)} action" + ("" if len(made.actions) == 1 else "s")
    print(f"{made.finding.id} in assessment {summary.id} of {summary.assessed_on.isoformat()}, with {count}")
    return 0


def require_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.drills import campus_kind, drill_type
    from safety_assess.domain.readiness.typed import whole_number
    from safety_assess.services.drills import rules, save_rules

    kind, drill, count = campus_kind(args.kind), drill_type(args.type), whole_number(args.count, "count")
    with open_workspace(args) as workspace:
        save_rules(workspace, rules(workspace).requiring(kind, drill, count or 0))
    print(f"{kind.value} campuses hold {count or 0} {drill.value} drills a school year")
    return 0


def year_start_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.drills import DrillError
    from safety_assess.services.drills import rules, save_rules

    try:
        month, day = (int(part) for part in args.day.strip().split("-"))
    except ValueError:
        raise DrillError(f"school year start '{args.day}' is not a day: write it as MM-DD, e.g. 08-01") from None
    with open_workspace(args) as workspace:
        save_rules(workspace, rules(workspace).starting(month, day))
    print(f"school years start on {month:02d}-{day:02d}")
    return 0


def rules_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.rules_doc import rules_document
    from safety_assess.services.drills import rules

    with open_workspace(args) as workspace:
        document = rules_document(rules(workspace))
    if args.json:
        print_json(document)
        return 0
    print(f"school years start on {document['year_start']}")
    rows = [(kind, t, n) for kind, counts in document["required"].items() for t, n in counts.items() if n]
    print_table(["KIND", "TYPE", "REQUIRED"], rows)
    return 0


def _drill_json(drill: Any) -> dict[str, Any]:
    return {
        "id": str(drill.id),
        "type": drill.type.value,
        "date": drill.date.isoformat(),
        "time": drill.time.strftime("%H:%M") if drill.time else None,
        "duration": drill.duration,
        "participants": drill.participants,
        "announced": drill.announced,
        "observers": list(drill.observers),
        "note": drill.issues,
        "finding": str(drill.finding_id) if drill.finding_id else None,
    }


def _or_blank(value: int | None) -> str:
    return "" if value is None else str(value)
