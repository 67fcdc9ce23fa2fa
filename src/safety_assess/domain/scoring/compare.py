"""Change over time: this assessment against the campus's earlier completed one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.scoring.compliance import Score
from safety_assess.domain.scoring.findings import Change, Finding, changes


@dataclass(frozen=True)
class ScoreChange:
    before: float | None
    now: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.now is None else self.now - self.before


@dataclass(frozen=True)
class CarriedAction:
    """An action of the earlier plan, with what became of its finding."""

    action: Action
    finding: Finding
    change: Change


@dataclass(frozen=True)
class Comparison:
    changes: dict[str, Change]
    resolved: list[Finding]
    """Findings of the earlier assessment that are gone now."""
    sections: dict[str, ScoreChange]
    overall: ScoreChange
    carried: list[CarriedAction]


def compare(
    earlier: Sequence[Finding],
    now: Sequence[Finding],
    scores_before: tuple[Score, Mapping[str, Score]],
    scores_now: tuple[Score, Mapping[str, Score]],
    earlier_actions: Iterable[Action],
    replaced: Mapping[str, str] | None = None,
) -> Comparison:
    """``scores_*`` are (overall, per section); ``earlier_actions`` carry their finding's key. ``replaced``: the
    ids of earlier versions' items -> the items of today's checklist that replace them (``Item.replaces``), so a
    finding on a replaced item found again on its replacement is the same problem, not one resolved and one new."""
    if replaced:
        earlier = [_renamed(f, replaced) for f in earlier]
        earlier_actions = [replace(a, finding_key=_key(a.finding_key, replaced)) for a in earlier_actions]
    found = changes(earlier, now)
    by_key = {f.key: f for f in earlier}
    before_sections, now_sections = scores_before[1], scores_now[1]
    sections = {
        section: ScoreChange(_percent(before_sections.get(section)), _percent(now_sections.get(section)))
        for section in sorted(set(before_sections) | set(now_sections))
    }
    carried = [
        CarriedAction(action, by_key[action.finding_key], found[action.finding_key])
        for action in earlier_actions
        if action.finding_key in by_key
    ]
    return Comparison(
        changes=found,
        resolved=[f for f in earlier if found[f.key] == Change.RESOLVED],
        sections=sections,
        overall=ScoreChange(scores_before[0].percent, scores_now[0].percent),
        carried=carried,
    )


def _renamed(finding: Finding, replaced: Mapping[str, str]) -> Finding:
    item = replaced.get(finding.item_id or "", finding.item_id)
    return replace(finding, key=_key(finding.key, replaced), item_id=item)


def _key(key: str, replaced: Mapping[str, str]) -> str:
    """A raised finding's key ('item:<id>:<instance>') with a replaced item's id read as its replacement's."""
    kind, _, rest = key.partition(":")
    item, _, instance = rest.partition(":")
    return f"item:{replaced[item]}:{instance}" if kind == "item" and item in replaced else key


def _percent(score: Score | None) -> float | None:
    return None if score is None else score.percent
