"""Risk, bands and compliance against hand-computed examples, and their invariants with hypothesis."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safety_assess.domain.checklist import Checklist
from safety_assess.domain.records import Response
from safety_assess.domain.scoring.compliance import Score, scores
from safety_assess.domain.scoring.risk import DEFAULT_BANDS, Band, RiskError, band_for, band_problems, risk
from safety_assess.domain.walk.state import AssessmentState

NOW = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def test_risk_and_default_bands_by_hand() -> None:
    assert risk(3, 4) == 12 and band_for(12).name == "High"
    assert [band_for(r).name for r in (1, 4, 5, 9, 10, 14, 15, 25)] == [
        "Low",
        "Low",
        "Moderate",
        "Moderate",
        "High",
        "High",
        "Critical",
        "Critical",
    ]
    for bad in ((0, 3), (6, 1), (True, 2)):
        with pytest.raises(RiskError, match="must be a whole number from 1 to 5"):
            risk(*bad)


def test_bands_with_gaps_overlaps_or_inversions_are_refused() -> None:
    assert band_problems(DEFAULT_BANDS) == []
    assert band_problems([Band("A", 1, 4, ""), Band("B", 6, 25, "")]) == ["risks 5-5 are in no band (gap before 'B')"]
    assert band_problems([Band("A", 1, 10, ""), Band("B", 8, 25, "")]) == [
        "band 'B' overlaps the band before it at 8-10"
    ]
    assert "risks 21-25 are in no band" in band_problems([Band("A", 1, 20, "")])
    assert "band 'A' runs from 9 down to 3" in band_problems([Band("A", 9, 3, ""), Band("B", 1, 25, "")])


@given(st.lists(st.integers(min_value=2, max_value=25), unique=True, max_size=6))
def test_any_split_of_1_to_25_into_consecutive_bands_is_valid(cuts: list[int]) -> None:
    starts = [1, *sorted(cuts)]
    ends = [s - 1 for s in starts[1:]] + [25]
    bands = [Band(f"b{n}", low, high, "") for n, (low, high) in enumerate(zip(starts, ends, strict=True))]
    assert band_problems(bands) == []
    assert all(sum(b.holds(r) for b in bands) == 1 for r in range(1, 26))


def state_with(checklist: Checklist, answers: dict[str, object]) -> AssessmentState:
    responses = [Response(item, None, value, "", NOW) for item, value in answers.items()]  # type: ignore[arg-type]
    return AssessmentState(checklist, [], responses, dt.date(2026, 11, 23))


def test_compliance_by_hand(every_type: Checklist) -> None:
    result = scores(
        state_with(
            every_type, {"door-locked": "yes", "gate": "fail", "door-hard": "na", "extinguishers": 3, "temp": 7.0}
        )
    )
    assert result.overall == Score(earned=2.0, possible=3.0, deficient=1)  # temp is neutral, door-hard N/A
    assert result.overall.percent == pytest.approx(66.6667, abs=1e-3)
    assert result.sections == {"main": result.overall}
    assert result.components["access_control"] == Score(1.0, 1.0, 0)  # door-locked is tagged access_control
    assert result.layers["building_perimeter"] == result.overall
    assert scores(state_with(every_type, {})).overall.percent is None


@given(
    st.dictionaries(
        st.sampled_from(["door-locked", "gate", "extinguishers", "coverage"]),
        st.sampled_from(["ok", "bad", "na"]),
        max_size=4,
    ),
    st.sampled_from(["door-locked", "gate", "extinguishers", "coverage"]),
)
def test_deficient_never_raises_and_na_never_changes_a_score(
    every_type_checklist: Checklist, picks: dict[str, str], item: str
) -> None:
    values = {
        "door-locked": {"ok": "yes", "bad": "no", "na": "na"},
        "gate": {"ok": "pass", "bad": "fail", "na": "na"},
        "extinguishers": {"ok": 2, "bad": 0, "na": 0},
        "coverage": {"ok": 90.0, "bad": 10.0, "na": 10.0},
    }
    answers = {k: values[k][v] for k, v in picks.items() if not (v == "na" and k in ("extinguishers", "coverage"))}
    without = {k: v for k, v in answers.items() if k != item}

    def overall(extra: dict[str, object]) -> Score:
        return scores(state_with(every_type_checklist, {**without, **extra})).overall

    base, deficient = overall({}), overall({item: values[item]["bad"]})
    compliant = overall({item: values[item]["ok"]})
    assert deficient.earned == base.earned and deficient.possible >= base.possible
    if base.percent is not None and deficient.percent is not None:
        assert deficient.percent <= base.percent + 1e-9
    assert compliant.percent is not None and deficient.percent is not None
    assert deficient.percent <= compliant.percent
    if item in ("door-locked", "gate"):
        assert overall({item: "na"}) == base  # N/A counts exactly like no answer


@pytest.fixture(scope="module")
def every_type_checklist(every_type: Checklist) -> Checklist:
    return every_type


def test_hidden_items_do_not_count(every_type: Checklist) -> None:
    shown = scores(state_with(every_type, {"door-locked": "no", "lock-type": "none"})).overall
    hidden = scores(state_with(every_type, {"door-locked": "yes", "lock-type": "none"})).overall
    assert shown == Score(0.0, 2.0, 2) and hidden == Score(1.0, 1.0, 0)
