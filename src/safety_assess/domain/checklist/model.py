"""The checklist document: checklist, sections, items, repeatable groups, tags."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Final, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from safety_assess.domain.checklist.answers import (
    AnswerSpec,
    ScaleAnswer,
    ScaleDefinition,
    ScaleOption,
    Slug,
    Strict,
)
from safety_assess.domain.checklist.fields import ShowValue
from safety_assess.domain.plan.actions import Phase, default_phases
from safety_assess.domain.scoring.risk import DEFAULT_BANDS, Band

FORMAT_VERSION: Final = 2
SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$"


class Layer(StrEnum):
    """Security layers, from the district down to the classroom (after the PASS guidelines)."""

    DISTRICT_WIDE = "district_wide"
    DIGITAL = "digital"
    CAMPUS_PERIMETER = "campus_perimeter"
    PARKING = "parking"
    BUILDING_PERIMETER = "building_perimeter"
    INTERIOR = "interior"


class Component(StrEnum):
    POLICIES = "policies"
    PEOPLE = "people"
    ARCHITECTURAL = "architectural"
    COMMUNICATION = "communication"
    ACCESS_CONTROL = "access_control"
    VIDEO_SURVEILLANCE = "video_surveillance"
    DETECTION_ALARMS = "detection_alarms"


class Function(StrEnum):
    """Whether a measure helps detect, delay or respond to a threat."""

    DETECT = "detect"
    DELAY = "delay"
    RESPOND = "respond"


class CostBand(StrEnum):
    """Typical cost of the recommended action; amounts are in docs/checklist-format.md."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"


class Tags(Strict):
    layer: Layer | None = Field(None, description="Defaults to the section's layer.")
    components: list[Component] = Field(default_factory=list)
    functions: list[Function] = Field(default_factory=list)
    tier: int | None = Field(None, ge=1, le=4, description="Practice tier, 1 (baseline) to 4.")
    topics: list[Slug] = Field(default_factory=list, description="Free keywords, e.g. cpted, lighting.")


class ShowIf(Strict):
    """Show the item only when another item's answer matches. Exactly one condition."""

    item: Slug
    equals: ShowValue | None = None
    any_of: list[ShowValue] | None = Field(None, min_length=1)
    outcome: Literal["compliant", "deficient", "not_applicable", "unknown", "neutral"] | None = None

    @model_validator(mode="after")
    def _one_condition(self) -> ShowIf:
        given = [c for c in (self.equals, self.any_of, self.outcome) if c is not None]
        if len(given) != 1:
            raise ValueError("show_if needs exactly one of 'equals', 'any_of' or 'outcome'")
        return self

    def accepted_values(self) -> list[ShowValue]:
        if self.equals is not None:
            return [self.equals]
        return list(self.any_of or [])


class FollowUp(Strict):
    """Text asked for when the answer is one of ``when``: 'if yes, specify'."""

    when: list[ShowValue] = Field(min_length=1, description="The answers that ask for the text, e.g. [yes].")
    prompt: str = Field("Specify", min_length=1, description="What the text field asks.")


class Item(Strict):
    id: Slug = Field(description="Stable id; never reuse or rename once assessments use it.")
    prompt: str = Field(min_length=1)
    guidance: str = ""
    answer: AnswerSpec
    required: bool = True
    likelihood: int | None = Field(None, ge=1, le=5, description="Default likelihood of a finding, 1-5.")
    severity: int | None = Field(None, ge=1, le=5, description="Default severity of a finding, 1-5.")
    action: str = Field("", description="Recommended corrective action for a deficient answer.")
    cost: CostBand | None = None
    weight: float = Field(1.0, gt=0, le=100, description="Weight in the compliance score.")
    tags: Tags = Field(default_factory=Tags)
    source: str = Field("", description="Reference to the guidance the item is drawn from.")
    photo_required_when_deficient: bool = False
    note_required_when_deficient: bool = False
    show_if: ShowIf | None = None
    informational: bool = Field(False, description="Recorded only: never deficient, no finding, not scored.")
    observation: bool = Field(False, description="A deficient answer is a finding that needs no corrective action.")
    follow_up: FollowUp | None = None
    replaces: list[Slug] = Field(
        default_factory=list,
        description="Ids of items of earlier versions that this item takes the place of: an earlier assessment's "
        "findings on them are compared with this item's.",
    )


class Group(Strict):
    """Items answered once per instance: 'for each exterior entrance', 'for each camera'."""

    group: Slug = Field(description="Stable id of the group.")
    title: str = Field(min_length=1)
    description: str = ""
    instance_label: str = Field(
        "Instance", min_length=1, description="Default label of a new instance, numbered: 'Camera 3'."
    )
    items: list[Item] = Field(min_length=1)
    show_if: ShowIf | None = None


def _entry_kind(value: Any) -> str:
    if isinstance(value, dict):
        return "group" if "group" in value else "item"
    return "group" if isinstance(value, Group) else "item"


Entry = Annotated[Annotated[Item, Tag("item")] | Annotated[Group, Tag("group")], Discriminator(_entry_kind)]


class Section(Strict):
    id: Slug
    title: str = Field(min_length=1)
    description: str = ""
    layer: Layer | None = None
    items: list[Entry] = Field(min_length=1)


class RiskBandSpec(Strict):
    """A named range of risk (likelihood x severity, 1-25) with the colour reports and the heat map use."""

    name: str = Field(min_length=1, max_length=40)
    low: int = Field(ge=1, le=25)
    high: int = Field(ge=1, le=25)
    color: str = Field("#9e9e9e", pattern=r"^#[0-9a-fA-F]{6}$", description="Colour as #rrggbb.")


class PhaseSpec(Strict):
    """A phase of the action plan: actions in it are due within ``days`` of the assessment."""

    id: Slug
    name: str = Field(min_length=1, max_length=80)
    days: int = Field(gt=0, le=3650, description="Actions of this phase are due within this many days.")


class Checklist(Strict):
    schema_version: Literal[2] = Field(FORMAT_VERSION, description="Version of this file format.")
    id: Slug
    title: str = Field(min_length=1)
    version: str = Field(pattern=SEMVER, description="Semantic version of this checklist, e.g. 1.2.0.")
    description: str = ""
    publisher: str = ""
    scales: dict[Slug, ScaleDefinition] = Field(default_factory=dict)
    risk_bands: list[RiskBandSpec] | None = Field(
        None,
        min_length=1,
        description="Risk bands covering 1-25 without gap or overlap; default Low, Moderate, High, Critical.",
    )
    phases: list[PhaseSpec] | None = Field(
        None, min_length=1, description="Phases of the action plan; default Immediate (30 days), Short term, Long term."
    )
    scoring: Literal["percentage", "none"] = Field(
        "percentage",
        description="'none': findings as usual, but no compliance percentage (an instrument with no grade).",
    )
    sections: list[Section] = Field(min_length=1)

    @property
    def scored(self) -> bool:
        return self.scoring == "percentage"

    def bands(self) -> tuple[Band, ...]:
        """The checklist's risk bands from lowest to highest (the defaults when it sets none)."""
        if self.risk_bands is None:
            return DEFAULT_BANDS
        return tuple(sorted((Band(b.name, b.low, b.high, b.color) for b in self.risk_bands), key=lambda b: b.low))

    def plan_phases(self) -> tuple[Phase, ...]:
        if self.phases is None:
            return default_phases()
        return tuple(Phase(p.id, p.name, p.days) for p in self.phases)

    def iter_items(self) -> Iterator[tuple[Section, Group | None, Item]]:
        """Every item in order, with its section and group (None outside a group)."""
        for section in self.sections:
            for entry in section.items:
                if isinstance(entry, Group):
                    for item in entry.items:
                        yield section, entry, item
                else:
                    yield section, None, entry

    def replaced_ids(self) -> dict[str, str]:
        """Each id of an earlier version's item -> the id of the item that replaces it (``replaces``)."""
        return {old: item.id for _, _, item in self.iter_items() for old in item.replaces}

    def iter_groups(self) -> Iterator[tuple[Section, Group]]:
        for section in self.sections:
            for entry in section.items:
                if isinstance(entry, Group):
                    yield section, entry

    def item_count(self) -> int:
        return sum(1 for _ in self.iter_items())

    def find_item(self, item_id: str) -> tuple[Section, Group | None, Item] | None:
        for found in self.iter_items():
            if found[2].id == item_id:
                return found
        return None

    def scale_options(self, answer: ScaleAnswer) -> list[ScaleOption]:
        if answer.options is not None:
            return answer.options
        definition = self.scales.get(answer.scale or "")
        return definition.options if definition else []
