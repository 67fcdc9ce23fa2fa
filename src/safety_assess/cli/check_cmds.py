"""``safety-assess check ...``: recurring spot checks. A schedule set up, listed and stopped; the due and overdue
checks of every campus; a run started (an assessment answered with the ``assessment`` commands) and signed off."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("check", help="recurring spot checks: schedules, due and overdue, runs")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    schedule = sub.add_parser("schedule", parents=[common], help="check a campus on a schedule; prints its id")
    schedule.add_argument("campus", metavar="CAMPUS", help="the campus's code")
    schedule.add_argument("checklist", metavar="CHECKLIST", help="the checklist's id")
    schedule.add_argument("--every", required=True, help="week, month or term")
    schedule.add_argument("--sections", default=None, metavar="ID,...", help="the sections to check (default: all)")
    schedule.add_argument("--from", dest="starts", default=None, metavar="YYYY-MM-DD", help="default: today")
    schedule.add_argument("--by", default="", metavar="NAME", help="who set it up")
    schedule.set_defaults(handler=schedule_cmd)
    listing = sub.add_parser("list", parents=[common], help="a campus's spot checks and where each stands")
    listing.add_argument("campus", metavar="CAMPUS")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    due = sub.add_parser("due", parents=[common], help="the spot checks due or overdue at every campus")
    due.add_argument("--campus", default=None, metavar="CAMPUS")
    due.add_argument("--json", action="store_true")
    due.set_defaults(handler=due_cmd)
    _register_runs(sub, common)


def _register_runs(sub: Commands, common: argparse.ArgumentParser) -> None:
    run = sub.add_parser("run", parents=[common], help="start a spot check's run; prints its assessment's id")
    run.add_argument("schedule", metavar="SCHEDULE", help="the schedule's id (or its first characters)")
    run.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    run.add_argument("--by", default="", metavar="NAME,...", help="who checks")
    run.set_defaults(handler=run_cmd)
    done = sub.add_parser("done", parents=[common], help="sign off a run: it counts for its period")
    done.add_argument("run", metavar="RUN", help="the run's assessment id (or its first characters)")
    done.add_argument("--by", required=True, metavar="NAME,...", help="who signs it off")
    done.set_defaults(handler=done_cmd)
    stop = sub.add_parser("stop", parents=[common], help="stop a spot check (its runs are kept)")
    stop.add_argument("schedule", metavar="SCHEDULE")
    stop.set_defaults(handler=stop_cmd)


def schedule_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.spot_checks import every
    from safety_assess.services.spot_checks import set_up

    how, today = every(args.every), dt.date.today()
    starts = _day(args.starts, "--from") or today
    sections = [s for s in args.sections.split(",") if s.strip()] if args.sections else None
    with open_workspace(args) as workspace:
        campus = workspace.campuses.by_code(args.campus)
        added = set_up(workspace, campus.id, args.checklist, how, sections, starts, today, args.by)
    print(added.id)
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.spot_checks import standings

    with open_workspace(args) as workspace:
        campus = workspace.campuses.by_code(args.campus)
        found = standings(workspace, dt.date.today(), campus.id)
    _show(found, args.json, f"{campus.name}: no spot checks")
    return 0


def due_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.spot_checks import standings

    with open_workspace(args) as workspace:
        campus_id = workspace.campuses.by_code(args.campus).id if args.campus else None
        found = [c for c in standings(workspace, dt.date.today(), campus_id) if c.standing.due or c.standing.overdue]
    _show(found, args.json, "no spot check is due")
    return 0


def run_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.spot_checks import resolve_schedule, start_run

    today = dt.date.today()
    day = _day(args.date, "--date") or today
    with open_workspace(args) as workspace:
        started = start_run(workspace, resolve_schedule(workspace, args.schedule), day, today, _names(args.by))
    print(started)
    return 0


def done_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.display import counted
    from safety_assess.services.spot_checks import sign_off

    with open_workspace(args) as workspace:
        run = workspace.assessments.resolve_id(args.run)
        result = sign_off(workspace, run, _names(args.by))
    if result.passed:
        print(f"spot check {run} signed off: passed")
        return 0
    why = [counted(result.deficient, "deficient answer")] if result.deficient else []
    why += [counted(result.unanswered, "required item") + " not answered"] if result.unanswered else []
    print(f"spot check {run} signed off: failed ({', '.join(why)})")
    return 0


def stop_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.spot_checks import resolve_schedule, stop

    with open_workspace(args) as workspace:
        schedule_id = resolve_schedule(workspace, args.schedule)
        stop(workspace, schedule_id)
    print(f"spot check {schedule_id} stopped")
    return 0


def _show(found: list[Any], as_json: bool, none: str) -> None:
    if as_json:
        print_json([_check_json(c) for c in found])
        return
    if not found:
        print(none)
        return
    print_table(
        ["ID", "CAMPUS", "CHECKLIST", "SECTIONS", "EVERY", "NOW", "OVERDUE"],
        [
            (
                str(c.standing.schedule.id)[:8],
                c.campus.code,
                c.title,
                ",".join(c.standing.schedule.sections) or "all",
                c.standing.schedule.every.value,
                "done" if c.standing.done else "due" if c.standing.due else "not started",
                f"{c.standing.overdue} since {c.standing.overdue_since}" if c.standing.overdue else "",
            )
            for c in found
        ],
    )


def _check_json(check: Any) -> dict[str, Any]:
    standing, schedule = check.standing, check.standing.schedule
    period = standing.current
    return {
        "id": str(schedule.id),
        "campus": check.campus.code,
        "checklist": schedule.checklist_id,
        "title": check.title,
        "sections": list(schedule.sections),
        "every": schedule.every.value,
        "from": schedule.starts.isoformat(),
        "set_up_by": schedule.set_up_by,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()} if period else None,
        "done": standing.done,
        "due": standing.due,
        "overdue": standing.overdue,
        "overdue_since": standing.overdue_since.isoformat() if standing.overdue_since else None,
        "missed": [p.start.isoformat() for p in standing.missed],
        "started": str(check.started) if check.started else None,
    }


def _day(text: str | None, what: str) -> dt.date | None:
    from safety_assess.domain.dates import DateTextError, parse_date
    from safety_assess.domain.readiness.spot_checks import SpotCheckError

    if text is None:
        return None
    try:
        return parse_date(text)
    except DateTextError as error:
        raise SpotCheckError(f"{what}: {error}") from None


def _names(text: str) -> list[str]:
    return [name for name in (" ".join(part.split()) for part in text.split(",")) if name]
