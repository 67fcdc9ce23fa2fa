"""``safety-assess targets ...`` and ``safety-assess terms ...``: the district's semester targets per metric per term,
and the terms of its school year."""

from __future__ import annotations

import argparse
import math

from safety_assess.cli.context import Commands, open_workspace
from safety_assess.cli.output import print_json, print_table


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("targets", help="the district's targets per metric per term")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    put = sub.add_parser("set", parents=[common], help="set the district's target for a metric in a term")
    put.add_argument("metric", metavar="METRIC", help="compliance, open_high_critical, actions_on_time, ...")
    put.add_argument("term", metavar="TERM", help="a term like fall-2026")
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(handler=set_cmd)
    clear = sub.add_parser("clear", parents=[common], help="remove the district's target for a metric in a term")
    clear.add_argument("metric", metavar="METRIC")
    clear.add_argument("term", metavar="TERM")
    clear.set_defaults(handler=clear_cmd)
    listing = sub.add_parser("list", parents=[common], help="the targets set, by term")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    _register_terms(commands, common)


def _register_terms(commands: Commands, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser("terms", help="the terms of the school year (semesters, trimesters)")
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    put = sub.add_parser("set", parents=[common], help="set the terms: the first starts on the school year's start")
    put.add_argument("terms", nargs="+", metavar="NAME=MM-DD")
    put.set_defaults(handler=terms_set_cmd)
    listing = sub.add_parser("list", parents=[common], help="the terms and this school year's days of each")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=terms_list_cmd)


def target_value(text: str) -> float:
    from safety_assess.domain.readiness.metrics import TargetError

    try:
        value = float(text.strip().removesuffix("%"))
    except ValueError:
        raise TargetError(f"target '{text}' is not a number") from None
    if not math.isfinite(value):
        raise TargetError(f"target '{text}' is not a number")
    return value


def set_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.metrics import metric
    from safety_assess.domain.readiness.shown import target_text
    from safety_assess.services.targets import set_target

    chosen, value = metric(args.metric), target_value(args.value)
    chosen.check(value)
    with open_workspace(args) as workspace:
        term = set_target(workspace, chosen, args.term, value)
    print(f"{term.key}: {chosen.label.lower()} {target_text(chosen, value)}")
    return 0


def clear_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.metrics import metric
    from safety_assess.services.targets import clear_target

    chosen = metric(args.metric)
    with open_workspace(args) as workspace:
        term = clear_target(workspace, chosen, args.term)
    print(f"{term.key}: no target for {chosen.key}")
    return 0


def list_cmd(args: argparse.Namespace) -> int:
    from safety_assess.domain.readiness.metrics import BY_KEY
    from safety_assess.domain.readiness.shown import target_text
    from safety_assess.services.targets import targets

    with open_workspace(args) as workspace:
        rows = targets(workspace).rows()
    if args.json:
        print_json([{"term": term, "metric": key, "target": value} for term, key, value in rows])
        return 0
    print_table(["TERM", "METRIC", "TARGET"], [(t, k, target_text(BY_KEY[k], v)) for t, k, v in rows])
    return 0


def terms_set_cmd(args: argparse.Namespace) -> int:
    from safety_assess.services.drills import rules, save_rules

    starts = tuple(_term_start(text) for text in args.terms)
    with open_workspace(args) as workspace:
        changed = rules(workspace).with_terms(starts)
        save_rules(workspace, changed)
    print("terms: " + ", ".join(f"{name} from {m:02d}-{d:02d}" for name, (m, d) in changed.term_starts))
    return 0


def _term_start(text: str) -> tuple[str, tuple[int, int]]:
    from safety_assess.domain.readiness.terms import TermError

    name, _, day = text.partition("=")
    try:
        month, first = (int(part) for part in day.strip().split("-"))
    except ValueError:
        raise TermError(f"term '{text}' is not NAME=MM-DD, e.g. fall=08-01") from None
    return name.strip(), (month, first)


def terms_list_cmd(args: argparse.Namespace) -> int:
    import datetime as dt

    from safety_assess.domain.readiness.school_year import school_year
    from safety_assess.domain.readiness.terms import terms_of
    from safety_assess.services.drills import rules

    with open_workspace(args) as workspace:
        district = rules(workspace)
    year = school_year(dt.date.today(), district.year_start)
    terms = terms_of(year, district.term_starts)
    if args.json:
        print_json(
            {
                "year_start": f"{district.year_start[0]:02d}-{district.year_start[1]:02d}",
                "school_year": year.label,
                "terms": [{"name": t.name, "key": t.key, "start": t.start, "end": t.end} for t in terms],
            }
        )
        return 0
    print(f"school year {year.label}")
    print_table(["TERM", "KEY", "FROM", "TO"], [(t.name, t.key, t.start.isoformat(), t.end.isoformat()) for t in terms])
    return 0
