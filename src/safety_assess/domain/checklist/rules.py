"""Rules a checklist must follow that a per-field model cannot see: unique ids, show_if targets, cycles."""

from __future__ import annotations

from collections.abc import Iterator

from safety_assess.domain.checklist.answers import ScaleAnswer
from safety_assess.domain.checklist.conditions import ItemCondition
from safety_assess.domain.checklist.issues import Issue, Path
from safety_assess.domain.checklist.model import Checklist, Group, Item, ShowIf
from safety_assess.domain.checklist.outcomes import can_be_deficient
from safety_assess.domain.checklist.rule_checks import check_format_2, rule_conditions
from safety_assess.domain.checklist.values import check_value
from safety_assess.domain.errors import AnswerError
from safety_assess.domain.scoring.risk import band_problems

Located = tuple[Path, Group | None, Item]


def check_rules(checklist: Checklist) -> list[Issue]:
    """Every rule violation in a checklist that already passed field validation."""
    located = list(_locate(checklist))
    issues = _duplicate_ids(checklist, located)
    issues += _scale_references(checklist, located)
    issues += _duplicate_options(checklist, located)
    issues += _finding_defaults(checklist, located)
    issues += _show_if_targets(checklist, located)
    issues += check_format_2(checklist, located)
    issues += _dependency_cycles(checklist, located)
    issues += _plan_settings(checklist)
    return issues


def _plan_settings(checklist: Checklist) -> list[Issue]:
    """Risk bands cover 1-25 once each; phase ids are unique."""
    issues = []
    if checklist.risk_bands is not None:
        issues += [Issue(("risk_bands",), problem) for problem in band_problems(checklist.bands())]
    if checklist.phases is not None:
        claims: list[tuple[Path, str, str]] = [
            (("phases", i, "id"), phase.id, "phase") for i, phase in enumerate(checklist.phases)
        ]
        issues += _repeats(claims)
    return issues


def _locate(checklist: Checklist) -> Iterator[Located]:
    for s, section in enumerate(checklist.sections):
        for e, entry in enumerate(section.items):
            if isinstance(entry, Group):
                for i, item in enumerate(entry.items):
                    yield ("sections", s, "items", e, "items", i), entry, item
            else:
                yield ("sections", s, "items", e), None, entry


def _duplicate_ids(checklist: Checklist, located: list[Located]) -> list[Issue]:
    """Section ids are unique among sections; item and group ids share one namespace."""
    sections: list[tuple[Path, str, str]] = [
        (("sections", s, "id"), section.id, "section") for s, section in enumerate(checklist.sections)
    ]
    entries: list[tuple[Path, str, str]] = [
        (("sections", s, "items", e, "group"), entry.group, "group")
        for s, section in enumerate(checklist.sections)
        for e, entry in enumerate(section.items)
        if isinstance(entry, Group)
    ]
    entries += [((*path, "id"), item.id, "item") for path, _, item in located]
    return _repeats(sections) + _repeats(entries)


def _repeats(claims: list[tuple[Path, str, str]]) -> list[Issue]:
    issues = []
    first: dict[str, Path] = {}
    for path, identifier, what in claims:
        if identifier in first:
            earlier = ".".join(str(p) for p in first[identifier][:-1])
            issues.append(Issue(path, f"duplicate {what} id '{identifier}' (already used at {earlier})"))
        else:
            first[identifier] = path
    return issues


def _scale_references(checklist: Checklist, located: list[Located]) -> list[Issue]:
    issues = []
    for path, _, item in located:
        answer = item.answer
        if isinstance(answer, ScaleAnswer) and answer.scale and answer.scale not in checklist.scales:
            known = ", ".join(checklist.scales) or "none are declared"
            issues.append(Issue((*path, "answer", "scale"), f"unknown scale '{answer.scale}' (scales: {known})"))
    return issues


def _duplicate_options(checklist: Checklist, located: list[Located]) -> list[Issue]:
    lists: list[tuple[Path, list[str]]] = [
        (("scales", name, "options"), [o.value for o in scale.options]) for name, scale in checklist.scales.items()
    ]
    for path, _, item in located:
        options = getattr(item.answer, "options", None)
        if options:
            lists.append(((*path, "answer", "options"), [o.value for o in options]))
    issues = []
    for path, values in lists:
        for index, value in enumerate(values):
            if value in values[:index]:
                issues.append(Issue((*path, index, "value"), f"duplicate option value '{value}'"))
    return issues


def _finding_defaults(checklist: Checklist, located: list[Located]) -> list[Issue]:
    issues = []
    for path, _, item in located:
        if not can_be_deficient(checklist, item):
            continue
        for field in ("likelihood", "severity"):
            if getattr(item, field) is None:
                issues.append(Issue((*path, field), f"item '{item.id}' can be deficient, so it needs a {field} (1-5)"))
        if not item.action.strip() and not item.observation:
            issues.append(
                Issue(
                    (*path, "action"),
                    f"item '{item.id}' can be deficient, so it needs an action (or observation: true)",
                )
            )
    return issues


def _conditions(checklist: Checklist, located: list[Located]) -> Iterator[tuple[Path, Group | None, str, ShowIf]]:
    """Every show_if with where it is, the group it lives in and the id of its owner."""
    for s, section in enumerate(checklist.sections):
        for e, entry in enumerate(section.items):
            if isinstance(entry, Group) and entry.show_if:
                yield ("sections", s, "items", e, "show_if"), None, entry.group, entry.show_if
    for path, group, item in located:
        if item.show_if:
            yield (*path, "show_if"), group, item.id, item.show_if


def _show_if_targets(checklist: Checklist, located: list[Located]) -> list[Issue]:
    by_id = {item.id: (group, item) for _, group, item in located}
    issues = []
    for path, group, owner, cond in _conditions(checklist, located):
        target = by_id.get(cond.item)
        if cond.item == owner:
            issues.append(Issue((*path, "item"), f"'{owner}' cannot depend on itself"))
        elif target is None:
            issues.append(
                Issue((*path, "item"), f"show_if names '{cond.item}', which is not an item of this checklist")
            )
        elif target[0] is not None and target[0] is not group:
            issues.append(
                Issue(
                    (*path, "item"),
                    f"show_if names '{cond.item}', inside repeatable group '{target[0].group}'; "
                    "only items of the same group can depend on it",
                )
            )
        else:
            issues += _show_if_values(checklist, path, target[1], cond)
    return issues


def _show_if_values(checklist: Checklist, path: Path, target: Item, cond: ShowIf) -> list[Issue]:
    issues = []
    for value in cond.accepted_values():
        try:
            _ = check_value(checklist, target, value)
        except AnswerError as error:
            field = "equals" if cond.equals is not None else "any_of"
            issues.append(Issue((*path, field), f"'{value}' can never be an answer of '{target.id}': {error}"))
    return issues


def _dependency_cycles(checklist: Checklist, located: list[Located]) -> list[Issue]:
    """A show_if or an acceptable rule that ends up depending on itself, named by the items in the loop."""
    depends: dict[str, list[str]] = {}
    where: dict[str, Path] = {}
    for path, _, owner, cond in _conditions(checklist, located):
        depends.setdefault(owner, []).append(cond.item)
        where.setdefault(owner, path)
    for _, _, item, rule_path, condition in rule_conditions(located):
        if isinstance(condition, ItemCondition) and condition.item != item.id:
            depends.setdefault(item.id, []).append(condition.item)
            where.setdefault(item.id, rule_path)
    rules = {item.id for _, _, item, _, condition in rule_conditions(located) if isinstance(condition, ItemCondition)}
    issues, reported = [], set[str]()
    for start in depends:
        chain = _follow(start, depends, [])
        if chain and not reported.intersection(chain):
            reported.update(chain)
            what = "acceptable and show_if form" if rules.intersection(chain) else "show_if forms"
            issues.append(Issue(where[start], f"{what} a cycle: " + " -> ".join([*chain, chain[0]])))
    return issues


def _follow(node: str, depends: dict[str, list[str]], chain: list[str]) -> list[str] | None:
    """A cycle through ``chain[0]`` reached from ``node``, if any (depth first)."""
    if chain and node == chain[0]:
        return chain
    if node in chain:
        return None
    for target in depends.get(node, []):
        found = _follow(target, depends, [*chain, node])
        if found:
            return found
    return None
