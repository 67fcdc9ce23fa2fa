"""``safety-assess map suggest``: the answers the campus's plans suggest for an assessment's camera-coverage items,
recorded only with ``--accept`` (the assessor's confirmation)."""

from __future__ import annotations

import argparse
from typing import Any

from safety_assess.cli.context import open_workspace
from safety_assess.cli.map_args import command
from safety_assess.cli.output import print_json, print_table

SUGGEST_KEYS = (
    "print a JSON list, one object per suggestion: map, group, instance, item, value, current (the answer now, or "
    "null), changes_answer, reason, markers"
)


def register_suggest(sub: Any, common: argparse.ArgumentParser) -> None:
    suggest = command(
        sub,
        common,
        "suggest",
        "answers the campus's plans suggest for an assessment's camera-coverage items (e.g. whether a camera "
        "watches each exterior entrance); --accept records them",
        suggest_cmd,
    )
    suggest.add_argument("assessment", metavar="ASSESSMENT")
    suggest.add_argument("--json", action="store_true", help=SUGGEST_KEYS)
    suggest.add_argument(
        "--accept", action="store_true", help="record every suggestion that changes an answer (you confirm them)"
    )


def suggest_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.map_suggestions import accept, offers

    with open_workspace(args) as workspace:
        assessment_id = workspace.assessments.resolve_id(args.assessment)
        found = offers(workspace, assessment_id)
        chosen = [offer for offer in found if offer.changes_answer]
        if args.accept:
            accept(workspace, assessment_id, chosen)
    if args.json:
        print_json([offer.as_dict() for offer in found])
        return 0
    if not found:
        print("the plans suggest nothing: link exterior doors to the checklist's entries (--camera-instance)")
        return 0
    rows = [
        (o.suggestion.instance_label, o.suggestion.item_id, o.suggestion.value, _shown(o.current), o.suggestion.reason)
        for o in found
    ]
    print_table(["INSTANCE", "ITEM", "SUGGESTED", "NOW", "WHY"], rows)
    if args.accept:
        print(f"recorded {len(chosen)} answer{'s' if len(chosen) != 1 else ''}")
    return 0


def _shown(value: object) -> str:
    return "-" if value is None else str(value)
