"""``safety-assess review ...``: the advisory group's review of a plan and the board's decision, for scripting."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from safety_assess.cli.context import Commands, date_argument, open_workspace
from safety_assess.cli.output import print_json, print_table
from safety_assess.domain.display import counted as plural
from safety_assess.domain.review.model import Body, Outcome, Reply, ReviewError, Role, Session, Stance, tallies

if TYPE_CHECKING:
    from safety_assess.domain.plan.actions import Action
    from safety_assess.domain.review.model import ActionResponse, Decision, Review, Tally
    from safety_assess.services.reviews import RecordResult, ReviewState


def _choices(kind: type[Any]) -> str:
    return "|".join(choice.value for choice in kind)


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("review", help="the advisory group's review of a plan and the board's decision")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    decision = sub.add_parser("decision", parents=[common], help="record the group's meeting or the board's action")
    decision.add_argument("assessment", metavar="ASSESSMENT")
    decision.add_argument("--body", required=True, metavar=_choices(Body), help="the advisory group or the board")
    decision.add_argument("--date", required=True, type=date_argument, metavar="YYYY-MM-DD")
    decision.add_argument("--outcome", default=None, metavar=_choices(Outcome), help="required for the board")
    decision.add_argument("--session", default=None, metavar=_choices(Session))
    decision.add_argument(
        "--present", action="append", default=[], metavar="ROLE=N", help="members present by role (repeat)"
    )
    decision.add_argument("--minutes", default="", metavar="REFERENCE", help="where the minutes record it")
    decision.add_argument("--note", default="", metavar="TEXT")
    decision.set_defaults(handler=decision_cmd)
    respond = sub.add_parser("respond", parents=[common], help="respond to what the group said of an action")
    respond.add_argument("action_id", metavar="ACTION")
    respond.add_argument("--reply", required=True, metavar=_choices(Reply))
    respond.add_argument("--text", default="", help="what was changed, or why it was declined")
    respond.add_argument("--by", default="", metavar="NAME", help="who responds; default: the assessor in settings")
    respond.set_defaults(handler=respond_cmd)
    packet = sub.add_parser("packet", parents=[common], help="write a review packet of the plan (a fillable PDF)")
    packet.add_argument("assessment", metavar="ASSESSMENT")
    packet.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    packet.add_argument("--public", action="store_true", help="the public version of the plan")
    packet.set_defaults(handler=packet_cmd)
    imported = sub.add_parser("import", parents=[common], help="record filled review packets")
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imported.add_argument("--json", action="store_true")
    imported.set_defaults(handler=import_cmd)
    show = sub.add_parser("show", parents=[common], help="tallies, comments, responses and decisions")
    show.add_argument("assessment", metavar="ASSESSMENT")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)


def present_counts(entries: list[str]) -> dict[str, int]:
    """``["parent=2", "student=1"]`` as ``{"parent": 2, "student": 1}``; a malformed entry says which."""
    counts: dict[str, int] = {}
    for entry in entries:
        role, sep, number = entry.partition("=")
        if not sep or not number.strip().isdigit():
            raise ReviewError(f"--present '{entry}': write ROLE=N, e.g. parent=2")
        chosen = Role.parse(role, "role").value
        counts[chosen] = counts.get(chosen, 0) + int(number)
    return counts


def decision_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.reviews import record_decision

    present = present_counts(args.present)
    with open_workspace(args) as workspace:
        decision = record_decision(
            workspace,
            workspace.assessments.resolve_id(args.assessment),
            args.body,
            args.date,
            args.outcome,
            args.session,
            present,
            args.minutes,
            args.note,
        )
    outcome = f" {decision.outcome.value}" if decision.outcome else ""
    print(f"{decision.id} {decision.body.value} {decision.date.isoformat()}{outcome}")
    return 0


def respond_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.reviews import respond

    with open_workspace(args) as workspace:
        action_id = workspace.findings.resolve_action_id(args.action_id)
        response = respond(workspace, action_id, args.reply, args.text, args.by)
    print(f"{response.action_id} {response.reply.value}")
    return 0


def packet_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.reviews import write_packet

    with open_workspace(args) as workspace:
        identity, listed = write_packet(
            workspace, workspace.assessments.resolve_id(args.assessment), args.out, args.public
        )
    noun = "action" if len(listed) == 1 else "actions"
    print(
        f"wrote {args.out}: packet {identity.packet_no}, plan revision {identity.plan_revision}, {len(listed)} {noun}"
    )
    return 0


def import_cmd(args: argparse.Namespace) -> int:
    from safety_assess.reports.review_read import read_packet
    from safety_assess.services.reviews import import_packets

    packets = [read_packet(path) for path in args.files]
    with open_workspace(args) as workspace:
        results = import_packets(workspace, packets)
    done = [_import_json(path, result) for path, result in zip(args.files, results, strict=True)]
    if args.json:
        print_json(done)
        return 0
    for entry in done:
        replaced = ", replacing their earlier packet" if entry["replaced"] else ""
        print(f"{entry['file']}: {entry['reviewer']} ({entry['role']}), {entry['views']} views{replaced}")
        if entry["dropped"]:
            gone = ", ".join(str(a)[:8] for a in entry["dropped"])
            print(f"  not kept: views of actions removed since the packet was made ({gone})")
    return 0


def _import_json(path: Path, result: RecordResult) -> dict[str, Any]:
    packet = result.review.packet
    return {
        "file": str(path),
        "reviewer": packet.reviewer,
        "role": packet.role.value,
        "assessment": packet.identity.assessment_id,
        "packet_no": packet.identity.packet_no,
        "plan_revision": packet.identity.plan_revision,
        "views": len(packet.views),
        "replaced": result.replaced,
        "dropped": list(result.dropped),
    }


def show_cmd(args: argparse.Namespace) -> int:
    from safety_assess.cli.adoption_json import since_json, since_lines
    from safety_assess.services import reviews as rv
    from safety_assess.services.plan import load_plan

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        plan = load_plan(workspace, assessment_id, compare_earlier=False)
        actions = [a for a in plan.actions if a.id is not None]
        since = rv.since_adopted(workspace, assessment_id, plan)
        recorded = rv.reviews(workspace, assessment_id)
        answered = {r.action_id: r for r in rv.responses(workspace, assessment_id)}
        made = rv.decisions(workspace, assessment_id)
        state = rv.review_state(workspace, assessment_id)
    counted = tallies(recorded)
    if args.json:
        shown = review_json(assessment_id, actions, counted, answered, recorded, made, state)
        print_json({**shown, "since_adopted": since_json(since)})
        return 0
    print(f"review: {state.stage}; {plural(state.reviews, 'reviewer')}")
    print_table(
        ("ACTION", "DESCRIPTION", *(s.value for s in Stance), "RESPONSE"),
        [_row(a, counted.get(a.id) if a.id else None, answered.get(a.id) if a.id else None) for a in actions],
    )
    for decision in made:
        outcome = decision.outcome.value if decision.outcome else "met"
        print(f"{decision.date.isoformat()} {decision.body.value}: {outcome}")
    for line in since_lines(since, plan.phase_name):
        print(line)
    return 0


def _row(action: Action, tally: Tally | None, response: ActionResponse | None) -> list[object]:
    counts = [tally.counts.get(s, 0) if tally else 0 for s in Stance]
    description = action.description if len(action.description) <= 50 else action.description[:49] + "…"
    return [str(action.id)[:8], description, *counts, response.reply.value if response else ""]


def review_json(
    assessment_id: uuid.UUID,
    actions: list[Action],
    counted: dict[uuid.UUID, Tally],
    answered: dict[uuid.UUID, ActionResponse],
    recorded: list[Review],
    made: list[Decision],
    state: ReviewState,
) -> dict[str, Any]:
    return {
        "assessment": assessment_id,
        "state": {
            "stage": state.stage,
            "packets": state.packets,
            "reviews": state.reviews,
            "responses": state.responses,
            "decided_on": state.decided_on,
            "adopted_on": state.adopted_on,
        },
        "actions": [_action_json(a, counted, answered) for a in actions if a.id is not None],
        "reviews": [_review_json(r) for r in recorded],
        "decisions": [_decision_json(d) for d in made],
    }


def _action_json(
    action: Action, counted: dict[uuid.UUID, Tally], answered: dict[uuid.UUID, ActionResponse]
) -> dict[str, Any]:
    assert action.id is not None
    tally, response = counted.get(action.id), answered.get(action.id)
    return {
        "id": action.id,
        "description": action.description,
        "counts": {s.value: (tally.counts.get(s, 0) if tally else 0) for s in Stance},
        "wants_change": bool(tally and tally.wants_change),
        "comments": [
            {"reviewer": name, "role": role.value, "comment": text, "public_ok": public}
            for name, role, text, public in (tally.comments if tally else ())
        ],
        "response": None
        if response is None
        else {"reply": response.reply.value, "text": response.text, "by": response.by, "at": response.at},
    }


def _review_json(review: Review) -> dict[str, Any]:
    packet = review.packet
    return {
        "reviewer": packet.reviewer,
        "role": packet.role.value,
        "packet_no": packet.identity.packet_no,
        "plan_revision": packet.identity.plan_revision,
        "overall_comment": packet.overall_comment,
        "public_ok": packet.public_ok,
        "imported_at": review.imported_at,
    }


def _decision_json(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "body": decision.body.value,
        "date": decision.date,
        "outcome": decision.outcome.value if decision.outcome else None,
        "session": decision.session.value if decision.session else None,
        "members_present": decision.members_present,
        "minutes": decision.minutes,
        "note": decision.note,
    }
