"""Item models of the plan window, one per view: findings, actions, scores and the earlier plan's actions.

Each wraps plain data from safety_assess.services.plan; none queries anything.
"""

from __future__ import annotations

from typing import Any

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.plan.value import finding_values, sort_key
from safety_assess.domain.plan.value import text as value_text
from safety_assess.domain.scoring.coverage import answered_of, section_coverage
from safety_assess.domain.scoring.findings import Finding
from safety_assess.ui.models.rows import Column, RowsModel
from safety_assess.ui.plan import adoption
from safety_assess.ui.plan import format as fmt
from safety_assess.ui.plan.review_columns import ReviewView, tally_sort, tally_text


class FindingsModel(RowsModel[Finding]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None

    def set_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.columns = self._columns(plan)
        self.set_rows(plan.findings)

    @staticmethod
    def _columns(plan: Plan) -> list[Column[Finding]]:
        changes = plan.comparison.changes if plan.comparison else {}
        counts: dict[str, int] = {}
        for action in plan.actions:
            counts[action.finding_key] = counts.get(action.finding_key, 0) + 1
        columns: list[Column[Finding]] = [
            Column("Risk", lambda f: str(f.risk), lambda f: f.risk, lambda f: f.band(plan.bands).color, True),
            Column("Band", lambda f: f.band(plan.bands).name, lambda f: f.risk),
            Column(
                "L × S",
                lambda f: f"{f.likelihood} × {f.severity}" + (" *" if f.id and f.adjusted and not f.manual else ""),
            ),
            Column("Finding", lambda f: f.title),
            Column("Location", lambda f: f.location),
            Column(
                "Residual",
                lambda f: "" if f.residual_risk is None else str(f.residual_risk),
                lambda f: f.residual_risk or 0,
                align_right=True,
            ),
            Column("Actions", lambda f: str(counts.get(f.key, 0)), lambda f: counts.get(f.key, 0), None, True),
        ]
        if plan.comparison is not None:
            columns.append(Column("Since last", lambda f: fmt.words(changes[f.key].value if f.key in changes else "")))
        return columns


VALUE_TITLE = "Risk cut\nper 1k"
"""Risk reduced per 1,000 of money (plan.value.PER), in the currency of the costs; short, so the action keeps its
width."""


class ActionsModel(RowsModel[Action]):
    ACTION_COLUMN = 2
    """The action's description: it takes the width the other columns leave."""
    ACTION_WIDTH, FINDING_COLUMN, FINDING_WIDTH = 240, 3, 130
    """The width the action keeps where it can: the finding (wrapped too) narrows down to its own for it."""
    RISK_COLUMN = 4
    WRAPPED_COLUMNS = (2, 3)
    """The action and its finding: read in full, wrapped."""
    REVIEW_COLUMNS = (11,)
    """The advisory group's tally: shown once the plan has been reviewed (comments and the response show below
    the table, for the selected action: the action keeps its width)."""
    ADOPTED_COLUMN = 12
    BESIDE_RISK = (11, 12)
    """Shown right after the risk (the view moves them; the model's order stays): in view at 1280 px."""
    """New or changed since the board adopted the plan (the fields in the tooltip): shown once it was adopted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.review = ReviewView()
        self._findings: dict[str, Finding] = {}

    def set_plan(self, plan: Plan, review: ReviewView | None = None) -> None:
        self.plan = plan
        seen = self.review = review or ReviewView()
        findings = self._findings = {f.key: f for f in plan.findings}
        order = {p.id: n for n, p in enumerate(plan.phases)}
        values = finding_values(plan.findings, plan.actions)
        self.columns = [
            Column(
                "Phase",
                lambda a: plan.phase_name(a.phase).split(" (")[0],  # 'Short term': the due date says when
                lambda a: (order.get(a.phase, 99), -findings[a.finding_key].risk, a.description),
            ),
            Column("Status", lambda a: fmt.words(a.status.value)),
            Column("Action", lambda a: a.description),
            Column("Finding", lambda a: findings[a.finding_key].title),
            Column(
                "Risk",
                lambda a: str(findings[a.finding_key].risk),
                lambda a: findings[a.finding_key].risk,
                lambda a: findings[a.finding_key].band(plan.bands).color,
                True,
            ),
            Column("Layer", lambda a: fmt.words(a.layer)),
            Column("Owner", lambda a: a.owner),
            Column("Due", lambda a: a.due.isoformat() if a.due else "", lambda a: a.due.isoformat() if a.due else "~"),
            Column(
                "Estimated\ncost", lambda a: fmt.cost_range(a.cost_low, a.cost_high), lambda a: a.cost_high, None, True
            ),
            Column(
                VALUE_TITLE,  # ascending: free reductions, then the best buys, unknown last
                lambda a: value_text(values.get(a.finding_key)),
                lambda a: sort_key(values.get(a.finding_key)),
                None,
                True,
            ),
            Column("Funding", lambda a: a.funding),
            Column("Group", lambda a: tally_text(seen.tally(a)), lambda a: tally_sort(seen.tally(a))),
            Column(
                adoption.COLUMN_TITLE,
                lambda a: adoption.mark(seen.since, a),
                tooltip=lambda a: adoption.mark_tip(seen.since, a, plan.phase_name),
            ),
        ]
        self.set_rows(plan.actions)

    def finding_of(self, action: Action) -> Finding:
        return self._findings[action.finding_key]


class ScoreRow:
    def __init__(
        self,
        group: str,
        name: str,
        percent: float | None,
        deficient: int,
        change: str = "",
        tier: str = "",
        answered: str = "",
    ) -> None:
        self.group, self.name, self.percent, self.deficient, self.change, self.tier = (
            group,
            name,
            percent,
            deficient,
            change,
            tier,
        )
        self.answered = answered
        """'13 of 70': what the compliance stands on (overall and per section)."""


class ScoresModel(RowsModel[ScoreRow]):
    columns = (
        Column[ScoreRow]("By", lambda r: r.group),
        Column[ScoreRow]("Name", lambda r: r.name),
        Column[ScoreRow]("Compliance", lambda r: fmt.percent(r.percent), lambda r: r.percent or -1, None, True),
        Column[ScoreRow]("Answered", lambda r: r.answered, align_right=True),
        Column[ScoreRow]("Deficient", lambda r: str(r.deficient), lambda r: r.deficient, None, True),
        Column[ScoreRow]("Since last", lambda r: r.change, align_right=True),
        Column[ScoreRow]("Tiers", lambda r: r.tier),
    )

    def set_plan(self, plan: Plan) -> None:
        self.set_rows(score_rows(plan))


def score_rows(plan: Plan) -> list[ScoreRow]:
    result = plan.scores
    changes = plan.comparison.sections if plan.comparison else {}
    overall_change = fmt.delta(plan.comparison.overall.delta) if plan.comparison else ""
    overall = result.overall
    answered = answered_of(plan.coverage)
    rows = [ScoreRow("Overall", "All items", overall.percent, overall.deficient, overall_change, answered=answered)]
    for section in plan.checklist.sections:
        score = result.sections.get(section.id)
        if score is not None:
            change = changes.get(section.id)
            rows.append(
                ScoreRow(
                    "Section",
                    section.title,
                    score.percent,
                    score.deficient,
                    fmt.delta(change.delta) if change else "",
                    answered=answered_of(section_coverage(plan.state, section.id)),
                )
            )
    for layer, score in sorted(result.layers.items()):
        tiers = plan.tiers.get(layer)
        rows.append(ScoreRow("Layer", fmt.words(layer), score.percent, score.deficient, tier=_tier_text(tiers)))
    rows += [
        ScoreRow("Component", fmt.words(name), score.percent, score.deficient)
        for name, score in sorted(result.components.items())
    ]
    return rows


def _tier_text(tiers: Any) -> str:
    if tiers is None or tiers.tier1_in_place is None:
        return ""
    first = "every tier-1 practice in place" if tiers.tier1_in_place else "tier-1 practices missing"
    return f"{first}; tier {tiers.highest} attained" if tiers.highest else first


class EarlierRow:
    """A finding of the earlier assessment, what became of it, and one of its actions (if it had any)."""

    def __init__(self, finding: Finding, change: str, action: Action | None) -> None:
        self.finding, self.change, self.action = finding, change, action


class CarriedModel(RowsModel[EarlierRow]):
    """The earlier assessment's findings and plan: what became of each finding and its actions."""

    columns = (
        Column[EarlierRow]("Finding (earlier)", lambda r: r.finding.title),
        Column[EarlierRow]("Now", lambda r: fmt.words(r.change)),
        Column[EarlierRow]("Action planned then", lambda r: r.action.description if r.action else "(no action)"),
        Column[EarlierRow]("Status", lambda r: fmt.words(r.action.status.value) if r.action else ""),
        Column[EarlierRow](
            "Estimated cost",
            lambda r: fmt.cost_range(r.action.cost_low, r.action.cost_high) if r.action else "",
            lambda r: r.action.cost_high if r.action else -1,
            None,
            True,
        ),
        Column[EarlierRow]("Note", lambda r: r.action.note if r.action else ""),
    )

    def set_plan(self, plan: Plan) -> None:
        self.set_rows(earlier_rows(plan))


def earlier_rows(plan: Plan) -> list[EarlierRow]:
    """Carried-over actions with their finding's fate, then resolved findings that had no action."""
    comparison = plan.comparison
    if comparison is None:
        return []
    rows = [EarlierRow(c.finding, c.change.value, c.action) for c in comparison.carried]
    with_action = {c.finding.key for c in comparison.carried}
    rows += [EarlierRow(f, "resolved", None) for f in comparison.resolved if f.key not in with_action]
    return rows
