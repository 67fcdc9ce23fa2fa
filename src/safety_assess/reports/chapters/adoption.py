"""The Review chapter's last part: what changed in the plan since the board adopted it, shown against the frozen
version (actions added and removed, each changed field as was → now) and the plan's cost adopted and now.

The public version prints the same: these are the plan's actions, which its Action plan chapter shows too, and no
reviewer is named here. A status moved since (an action done) is progress, not a change: it is counted in a line.
The costs are the planned cost of all actions, done ones included (the Action plan chapter's totals leave those out).
"""

from __future__ import annotations

from reportlab.lib.units import inch

from safety_assess.domain.display import cost, cost_range, counted
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.review.change_text import PhaseName, change_text
from safety_assess.domain.review.changes import SinceAdopted
from safety_assess.reports.chapters.common import Story, para, table

WIDTHS = [0.8 * inch, 2.4 * inch, 3.8 * inch]


def since_adopted_story(since: SinceAdopted | None, plan: Plan) -> Story:
    if since is None:
        return []
    phase_name = plan.phase_name
    changes = since.changes
    story: Story = [para(f"Changes since the board adopted the plan on {since.adopted_on.isoformat()}", "h2")]
    if changes.unchanged:
        story.append(para("No action was added, removed or changed since."))
    else:
        rows = [["Added", a.description, _planned(a, phase_name)] for a in changes.added]
        rows += [
            ["Removed", r.action.description, "its finding was resolved" if r.finding_resolved else "deleted"]
            for r in changes.removed
        ]
        rows += [
            ["Changed", c.action.description, "\n".join(change_text(f, phase_name) for f in c.fields)]
            for c in changes.changed
        ]
        story.append(table(["Change", "Action", "Was → now"], rows, WIDTHS))
    if changes.progressed:
        moved = counted(len(changes.progressed), "action")
        story.append(para(f"{moved} moved on in status since (progress, not a change of the plan).", "muted"))
    return story + _costs(since, plan)


def _planned(action: Action, phase_name: PhaseName) -> str:
    return f"{phase_name(action.phase)}, {cost_range(action.cost_low, action.cost_high)}"


def _costs(since: SinceAdopted, plan: Plan) -> Story:
    changes = since.changes
    order = {p.id: n for n, p in enumerate(plan.phases)}
    phases = sorted(changes.phase_costs.items(), key=lambda item: order.get(item[0], len(order)))
    rows = [[plan.phase_name(phase), cost(was), cost(now)] for phase, (was, now) in phases]
    rows.append(["Total", cost(changes.cost_adopted), cost(changes.cost_now)])
    return [
        para("Planned cost, adopted and now (all actions, done ones included)", "h3"),
        table(
            ["Phase", "Adopted", "Now"],
            rows,
            [3.4 * inch, 1.8 * inch, 1.8 * inch],
            right=(1, 2),
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.75, "black")],
        ),
    ]
