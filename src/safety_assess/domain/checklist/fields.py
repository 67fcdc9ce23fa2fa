"""The building blocks of every format model: strict fields and stable ids."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
ShowValue = str | int | float


class Strict(BaseModel):
    """Base for format models: unknown fields are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)
