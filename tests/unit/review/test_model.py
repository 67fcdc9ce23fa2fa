"""The review's domain values: choices parsed with plain refusals, tallies over the latest reviews, and risk
reduced per dollar."""

from __future__ import annotations

import datetime as dt
import math
import uuid

import pytest

from safety_assess.domain.plan.value import per_dollar, risk_reduced, sort_key
from safety_assess.domain.review.model import (
    ActionView,
    FilledPacket,
    Outcome,
    PacketIdentity,
    Review,
    ReviewError,
    Role,
    Stance,
    tallies,
)

ASSESSMENT = uuid.UUID(int=1)
FENCE, CAMERA = uuid.UUID(int=10), uuid.UUID(int=11)


def review(reviewer: str, role: Role, *views: ActionView, public_ok: bool = False) -> Review:
    packet = FilledPacket(PacketIdentity(ASSESSMENT, 1, 1), reviewer, role, public_ok=public_ok, views=views)
    return Review(uuid.uuid4(), packet, dt.datetime(2026, 12, 6, tzinfo=dt.UTC))


def test_choices_parse_in_any_case_and_refuse_others_naming_the_choices() -> None:
    assert Outcome.parse(" Adopted-With-Changes ", "board outcome") is Outcome.ADOPTED_WITH_CHANGES
    with pytest.raises(ReviewError, match="'maybe' is not a stance: use one of support, change, defer, oppose"):
        Stance.parse("maybe", "stance")


def test_tallies_count_stances_and_keep_comments_with_who_said_them() -> None:
    found = tallies(
        [
            review("Ana", Role.PARENT, ActionView(FENCE, Stance.SUPPORT), ActionView(CAMERA, Stance.OPPOSE, " Cost ")),
            review("Ben", Role.STUDENT, ActionView(FENCE, Stance.SUPPORT), public_ok=True),
            review("Cy", Role.CLASSIFIED, ActionView(CAMERA, None, "Not sure")),
        ]
    )
    assert found[FENCE].counts == {Stance.SUPPORT: 2} and found[FENCE].total == 2
    assert not found[FENCE].wants_change
    assert found[CAMERA].counts == {Stance.OPPOSE: 1} and found[CAMERA].wants_change
    assert found[CAMERA].comments == (("Ana", Role.PARENT, "Cost", False), ("Cy", Role.CLASSIFIED, "Not sure", False))


def test_risk_reduced_per_dollar_ranks_free_reductions_first_and_unknown_last() -> None:
    assert risk_reduced(4, 5, 2, 2) == 16
    assert risk_reduced(4, 5, None, 2) is None
    assert per_dollar(16, 1000, 3000) == pytest.approx(0.008)
    assert per_dollar(16, 0, 0) == math.inf
    assert per_dollar(0, 0, 0) is None and per_dollar(None, 10, 20) is None
    values = [per_dollar(16, 1000, 3000), None, per_dollar(16, 0, 0), per_dollar(16, 100, 100)]
    assert sorted(values, key=sort_key) == [math.inf, 0.16, 0.008, None]
