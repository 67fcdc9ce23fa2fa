"""Review: what the advisory group said of each action (tallies and comments), the district's responses, and the
group's and the board's decisions. Left out when nothing of a review is recorded.

The public version shows the tallies and decisions; a reviewer's name and comments only when the reviewer allowed
it in their packet (``public_ok``), the others counted; a response's kind but not its text nor who gave it; and a
decision without its note.
"""

from __future__ import annotations

import uuid

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak

from safety_assess.domain.display import counted
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.review.model import ActionResponse, Decision, Stance, Tally
from safety_assess.reports.chapters.adoption import since_adopted_story
from safety_assess.reports.chapters.common import Story, para, table, words
from safety_assess.reports.content import ReportContent, ReviewContent

STANCES = (Stance.SUPPORT, Stance.CHANGE, Stance.DEFER, Stance.OPPOSE)


def review_chapter(content: ReportContent) -> Story:
    review = content.review
    if review.empty:
        return []
    public = content.options.public
    said = f"{counted(review.reviewers, 'reviewer')} of the advisory group gave their views of the plan's actions."
    story: Story = [para("Review", "h1"), para(said)]
    actions = [a for a in content.plan.actions if a.id is not None and _reviewed(review, a.id)]
    story += _views(actions, review, public) + _comments(actions, review, public) + _decisions(review, public)
    story += since_adopted_story(review.since, content.plan)
    return [*story, PageBreak()]


def _reviewed(review: ReviewContent, action_id: uuid.UUID) -> bool:
    return action_id in review.tallies or action_id in review.responses


def _views(actions: list[Action], review: ReviewContent, public: bool) -> Story:
    story: Story = [para("The group's views per action", "h2")]
    if not actions:
        return [*story, para("No reviewer took a stance on an action yet.")]
    rows = []
    for action in actions:
        assert action.id is not None
        tally = review.tallies.get(action.id)
        counts = [str(tally.counts.get(s, 0)) if tally else "0" for s in STANCES]
        rows.append([action.description, *counts, response_text(review.responses.get(action.id), public)])
    header = ["Action", *(words(s.value) for s in STANCES), "Response"]
    widths = [2.3 * inch, 0.72 * inch, 0.72 * inch, 0.72 * inch, 0.72 * inch, 1.82 * inch]
    return [*story, table(header, rows, widths, right=(1, 2, 3, 4))]


def response_text(response: ActionResponse | None, public: bool) -> str:
    """The response as the report prints it: its kind, and (in the full version) what and who."""
    if response is None:
        return "-"
    said = words(response.reply.value)
    if public:
        return said
    if response.text:
        said += f": {response.text}"
    return f"{said} ({response.by})" if response.by else said


def _comments(actions: list[Action], review: ReviewContent, public: bool) -> Story:
    lines: Story = []
    withheld = 0
    for action in actions:
        assert action.id is not None
        tally = review.tallies.get(action.id)
        shown, hidden = comment_lines(tally, public) if tally else ([], 0)
        withheld += hidden
        if shown:
            lines.append(para(action.description, "h3"))
            lines += [para(line) for line in shown]
    if not lines and not withheld:
        return []
    story: Story = [para("Comments", "h2"), *lines]
    if withheld:
        left = f"{counted(withheld, 'comment')} not shown: the reviewers did not allow them in the public version."
        story.append(para(left, "muted"))
    return story


def comment_lines(tally: Tally, public: bool) -> tuple[list[str], int]:
    """The comments the report prints (reviewer, role: comment) and how many it leaves out."""
    shown = [f"{name} ({words(role.value)}): {text}" for name, role, text, ok in tally.comments if ok or not public]
    return shown, len(tally.comments) - len(shown)


def _decisions(review: ReviewContent, public: bool) -> Story:
    story: Story = [para("Decisions", "h2")]
    if not review.decisions:
        return [*story, para("Neither the advisory group nor the board has decided yet.")]
    rows = [decision_row(d, public) for d in review.decisions]
    header = ["Date", "Body", "Outcome", "Session", "Members present", "Minutes and note"]
    widths = [0.85 * inch, 1.1 * inch, 1.2 * inch, 0.7 * inch, 1.65 * inch, 1.5 * inch]
    return [*story, table(header, rows, widths)]


def decision_row(decision: Decision, public: bool) -> list[str]:
    body = "Advisory group" if decision.body.value == "ssag" else "Board"
    outcome = words(decision.outcome.value.replace("-", "_")) if decision.outcome else "advised"
    session = decision.session.value if decision.session else "-"
    present = ", ".join(f"{count} {role}" for role, count in sorted(decision.members_present.items()) if count)
    notes = [decision.minutes] if decision.minutes else []
    if decision.note and not public:
        notes.append(decision.note)
    return [decision.date.isoformat(), body, outcome, session, present or "-", "; ".join(notes) or "-"]
