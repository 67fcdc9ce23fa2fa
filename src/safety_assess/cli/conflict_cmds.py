"""``safety-assess assessment conflicts|resolve``: the fields a merged bundle found changed differently on two
installations, and choosing between them."""

from __future__ import annotations

import argparse
import uuid
from typing import TYPE_CHECKING, Any

from safety_assess.cli.context import open_workspace
from safety_assess.cli.output import print_json, print_table

if TYPE_CHECKING:
    from safety_assess.domain.conflicts import Conflict


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the commands to ``assessment``'s sub-commands."""
    listing = sub.add_parser("conflicts", parents=[common], help="fields two devices changed differently")
    listing.add_argument("assessment", metavar="ID")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=conflicts_cmd)
    resolving = sub.add_parser("resolve", parents=[common], help="choose the value of a conflicting item or action")
    resolving.add_argument("assessment", metavar="ID")
    resolving.add_argument("item", metavar="ITEM", nargs="?", help="the item (or --action)")
    resolving.add_argument("--instance", metavar="LABEL", help="instance of a repeatable group")
    resolving.add_argument("--action", metavar="ACTION_ID", help="an action's conflicts instead of an item's")
    resolving.add_argument("--field", help="with --action: only this field (status, owner...)")
    choice = resolving.add_mutually_exclusive_group(required=True)
    choice.add_argument("--take", metavar="DEVICE_FINGERPRINT", help="take this device's values")
    choice.add_argument("--value", metavar="VALUE", help="a new answer, checked by the item's rules")
    resolving.set_defaults(handler=resolve_cmd)


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "id": conflict.id,
        "table": conflict.table,
        "record_id": conflict.record_id,
        "item": conflict.item_id,
        "instance": conflict.instance_label,
        "action": conflict.action,
        "field": conflict.field,
        "ours": {"value": conflict.ours, "typed": conflict.ours_typed, "device": conflict.our_device},
        "theirs": {"value": conflict.theirs, "typed": conflict.theirs_typed, "device": conflict.their_device},
        "recorded_at": conflict.recorded_at,
    }


def conflicts_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.merge_conflicts import conflicts

    with open_workspace(args) as workspace:
        found = conflicts(workspace, workspace.assessments.resolve_id(args.assessment))
    if args.json:
        print_json([conflict_json(c) for c in found])
        return 0
    rows = [
        (c.item_id or c.action or c.table, c.instance_label or "", c.field, *_sides(c), c.their_device) for c in found
    ]
    print_table(["ITEM", "INSTANCE", "FIELD", "OURS", "THEIRS", "THEIR DEVICE"], rows)
    return 0


def _sides(conflict: Conflict) -> tuple[Any, Any]:
    """Our value and theirs for the table: an amount converted as typed with its value ('4 ft (48)')."""
    ours = conflict.our_side() if conflict.ours_typed else conflict.ours
    return ours, conflict.their_side() if conflict.theirs_typed else conflict.theirs


def resolve_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.errors import AnswerError
    from safety_assess.services.merge_conflicts import resolve, resolve_action

    if (args.item is None) == (args.action is None):
        raise AnswerError("name the item to resolve, or --action ACTION_ID")
    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        if args.action is not None:
            if args.take is None:
                raise AnswerError("an action's conflict is resolved with --take DEVICE_FINGERPRINT")
            resolve_action(workspace, assessment_id, _uuid(args.action), args.field, take=args.take)
        else:
            resolve(workspace, assessment_id, args.item, instance_label=args.instance, take=args.take, value=args.value)
    print(f"resolved {args.item or args.action}")
    return 0


def _uuid(text: str) -> uuid.UUID:
    from safety_assess.domain.errors import AnswerError

    try:
        return uuid.UUID(text)
    except ValueError:
        raise AnswerError(f"'{text}' is not an action id") from None
