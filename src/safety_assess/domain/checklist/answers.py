"""Answer types an item can have, as Pydantic models discriminated by ``type``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from safety_assess.domain.checklist.conditions import Acceptable, Range
from safety_assess.domain.checklist.fields import SLUG_PATTERN, Slug, Strict

__all__ = ["SLUG_PATTERN", "Acceptable", "Range", "Slug", "Strict"]


class AnswerType(StrEnum):
    YES_NO = "yes_no"
    SCALE = "scale"
    RATING = "rating"
    NUMBER = "number"
    MEASUREMENT = "measurement"
    COUNT = "count"
    PERCENTAGE = "percentage"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    DATE = "date"
    TIME = "time"
    TEXT = "text"


NUMERIC_TYPES = frozenset({AnswerType.NUMBER, AnswerType.MEASUREMENT, AnswerType.COUNT, AnswerType.PERCENTAGE})


class Outcome(StrEnum):
    """What an answer means for compliance and findings."""

    COMPLIANT = "compliant"
    DEFICIENT = "deficient"
    NOT_APPLICABLE = "not_applicable"
    UNKNOWN = "unknown"
    """Not assessed or don't know: excluded from scores, listed for follow-up."""
    NEUTRAL = "neutral"
    """Information only (free text, a count without a range): neither compliant nor deficient."""


class YesNoAnswer(Strict):
    """Yes / No, with N/A unless ``allow_na`` is false. ``deficient_if`` states which answer is deficient."""

    type: Literal[AnswerType.YES_NO]
    deficient_if: Literal["yes", "no"] | None = Field(
        None,
        description="The answer that is deficient. Stated per item, because some prompts are worded negatively; "
        "only an informational item goes without.",
    )
    allow_na: bool = True


class ScaleOption(Strict):
    value: Slug = Field(description="Stable value stored in the database, e.g. 'pass'.")
    label: str = Field(min_length=1, description="What the assessor sees, e.g. 'Pass'.")
    meaning: str = Field("", description="What choosing this option means, shown as a hint.")
    outcome: Outcome = Outcome.COMPLIANT
    likelihood: int | None = Field(None, ge=1, le=5, description="Likelihood of the finding this answer raises.")
    severity: int | None = Field(None, ge=1, le=5, description="Severity of the finding this answer raises.")


class ScaleDefinition(Strict):
    """A named, ordered scale declared once under ``scales`` and used by many items."""

    description: str = ""
    options: list[ScaleOption] = Field(min_length=2)


class ScaleAnswer(Strict):
    """An ordered scale: either the name of a checklist-level scale or inline options."""

    type: Literal[AnswerType.SCALE]
    scale: Slug | None = Field(None, description="Name of a scale under the checklist's 'scales'.")
    options: list[ScaleOption] | None = Field(None, min_length=2)

    @model_validator(mode="after")
    def _one_source(self) -> ScaleAnswer:
        if (self.scale is None) == (self.options is None):
            raise ValueError("a scale answer needs exactly one of 'scale' (a named scale) or 'options'")
        return self


class RatingAnswer(Strict):
    """A rating from 1 to ``max``; ratings at or below ``deficient_at_or_below`` are deficient."""

    type: Literal[AnswerType.RATING]
    max: int = Field(5, ge=2, le=10)
    labels: dict[int, str] = Field(default_factory=dict, description="Optional label per rating, e.g. {1: Poor}.")
    deficient_at_or_below: int | None = Field(None, ge=1)
    allow_na: bool = False

    @model_validator(mode="after")
    def _within_scale(self) -> RatingAnswer:
        outside = sorted(n for n in self.labels if not 1 <= n <= self.max)
        if outside:
            raise ValueError(f"labels for {outside} are outside the rating scale 1-{self.max}")
        if self.deficient_at_or_below is not None and self.deficient_at_or_below >= self.max:
            raise ValueError(f"deficient_at_or_below must be below max ({self.max}), or every rating is deficient")
        return self


class NumberAnswer(Strict):
    """Any number, optionally with a unit and an acceptable range."""

    type: Literal[AnswerType.NUMBER]
    unit: str | None = None
    acceptable: Acceptable | None = None
    allow_na: bool = False


class MeasurementAnswer(Strict):
    """A measured quantity; the unit is required (ft, in, lux, seconds, days...)."""

    type: Literal[AnswerType.MEASUREMENT]
    unit: str = Field(min_length=1)
    acceptable: Acceptable | None = None
    allow_na: bool = False


class CountAnswer(Strict):
    """A whole number of things, zero or more."""

    type: Literal[AnswerType.COUNT]
    unit: str | None = None
    acceptable: Acceptable | None = None
    allow_na: bool = False


class PercentageAnswer(Strict):
    """A percentage from 0 to 100."""

    type: Literal[AnswerType.PERCENTAGE]
    acceptable: Acceptable | None = None
    allow_na: bool = False


class ChoiceOption(Strict):
    value: Slug
    label: str = Field(min_length=1)
    deficient: bool = False
    deficient_when: Literal["ticked", "unticked"] | None = Field(
        None, description="The answer is deficient when this option is ticked, or when it is not ticked."
    )
    likelihood: int | None = Field(None, ge=1, le=5, description="Likelihood of the finding this option raises.")
    severity: int | None = Field(None, ge=1, le=5, description="Severity of the finding this option raises.")

    @model_validator(mode="after")
    def _one_rule(self) -> ChoiceOption:
        if self.deficient and self.deficient_when == "unticked":
            raise ValueError("'deficient: true' means deficient when ticked: drop it to use 'deficient_when: unticked'")
        return self

    @property
    def deficient_if(self) -> Literal["ticked", "unticked"] | None:
        """When this option makes the answer deficient: ticked, unticked, or never (None)."""
        return "ticked" if self.deficient else self.deficient_when


class SingleChoiceAnswer(Strict):
    type: Literal[AnswerType.SINGLE_CHOICE]
    options: list[ChoiceOption] = Field(min_length=2)
    allow_na: bool = False


class MultipleChoiceAnswer(Strict):
    """Any number of options; the answer is deficient when a selected option is deficient."""

    type: Literal[AnswerType.MULTIPLE_CHOICE]
    options: list[ChoiceOption] = Field(min_length=2)
    allow_na: bool = False


class DateAnswer(Strict):
    """A calendar date; optionally deficient when older than a number of days before the assessment."""

    type: Literal[AnswerType.DATE]
    deficient_if_older_than_days: int | None = Field(None, ge=1)
    allow_na: bool = False


class TimeAnswer(Strict):
    """A clock time (HH:MM, 24 h). It may be answered as empty, e.g. 'never locked'."""

    type: Literal[AnswerType.TIME]
    allow_na: bool = False


class TextAnswer(Strict):
    type: Literal[AnswerType.TEXT]
    multiline: bool = False
    max_length: int = Field(4000, ge=1, le=100_000)


AnswerSpec = Annotated[
    YesNoAnswer
    | ScaleAnswer
    | RatingAnswer
    | NumberAnswer
    | MeasurementAnswer
    | CountAnswer
    | PercentageAnswer
    | SingleChoiceAnswer
    | MultipleChoiceAnswer
    | DateAnswer
    | TimeAnswer
    | TextAnswer,
    Field(discriminator="type"),
]

NumericAnswer = NumberAnswer | MeasurementAnswer | CountAnswer | PercentageAnswer
