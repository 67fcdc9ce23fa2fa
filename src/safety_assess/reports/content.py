"""Everything a report prints, as plain data: the plan, the photos to show (as files ready to embed), the
responses, and how the report is to be made (full or public, marking, clock)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.review.changes import SinceAdopted
from safety_assess.domain.review.model import ActionResponse, Decision, Tally
from safety_assess.domain.sitemap.model import SiteMap


class PhotoUnavailable(Exception):
    """A photo could not be made ready to print; the message says why, and a placeholder is printed."""


@dataclass(frozen=True)
class ReportPhoto:
    """A photo to embed: a JPEG without metadata, annotations and redactions burned in, of about ``width`` x
    ``height`` pixels. It is at ``path``, or ``source()`` makes it (raising PhotoUnavailable when it cannot);
    neither is given when it is known to be missing (``problem`` says why)."""

    caption: str
    path: Path | None
    width: int
    height: int
    problem: str = ""
    source: Callable[[], Path] | None = None

    def file(self) -> Path:
        if self.path is not None:
            return self.path
        if self.source is None:
            raise PhotoUnavailable(self.problem)
        return self.source()


@dataclass(frozen=True)
class ResponseLine:
    section: str
    prompt: str
    instance: str
    answer: str
    outcome: str
    note: str


@dataclass(frozen=True)
class ReportOptions:
    public: bool = False
    omits: frozenset[str] = frozenset()
    """In a public report: what it leaves out (see safety_assess.base.settings.PUBLIC_OMISSIONS)."""
    marking: str = "Confidential - security-sensitive"
    district: str = ""
    include_responses: bool = True
    public_plans: bool = False
    """Whether a public report shows the site plans (a full one always does)."""
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    app_version: str = ""

    def shows(self, part: str) -> bool:
        """Whether this report prints ``part`` (photos, locations, finding_details, notes, responses, plans)."""
        if part == "responses" and not self.include_responses:
            return False
        if part == "plans":
            return not self.public or self.public_plans
        return not (self.public and part in self.omits)


@dataclass(frozen=True)
class PlanPicture:
    """A site plan of the campus and its stored image (clean: no metadata)."""

    plan: SiteMap
    image: Path


@dataclass(frozen=True)
class ReviewContent:
    """What the advisory group said of the plan's actions, the responses, and the group's and the board's
    decisions (for the Review chapter)."""

    reviewers: int = 0
    tallies: dict[uuid.UUID, Tally] = field(default_factory=dict)
    """By action."""
    responses: dict[uuid.UUID, ActionResponse] = field(default_factory=dict)
    """By action."""
    decisions: list[Decision] = field(default_factory=list)
    """In date order."""
    since: SinceAdopted | None = None
    """What changed in the plan since the board adopted it; None when it never did."""

    @property
    def empty(self) -> bool:
        return not (self.reviewers or self.responses or self.decisions)


@dataclass
class ReportContent:
    plan: Plan
    options: ReportOptions
    photos: dict[str, list[ReportPhoto]] = field(default_factory=dict)
    """By finding key."""
    responses: list[ResponseLine] = field(default_factory=list)
    site_plans: list[PlanPicture] = field(default_factory=list)
    """The campus's plans in their order, when the report shows them."""
    review: ReviewContent = field(default_factory=ReviewContent)
    warnings: list[str] = field(default_factory=list)
    """Problems met while gathering (photos missing or unreadable); the report still comes out."""
