"""The per-field merge of one record, worked by hand (domain.merge)."""

from __future__ import annotations

from safety_assess.domain.merge import Pick, Side, Stamps, Tombstone, deletion_wins, merge, pick

NAMES = ("value", "note")


def made(who: str, revision: int = 1, **values: object) -> tuple[dict[str, object], Stamps]:
    """A record ``who`` wrote at ``revision``, every field stamped."""
    return dict(values), Stamps({who: revision}, {name: (who, revision) for name in values})


def test_disjoint_fields_take_each_sides_change() -> None:
    base = Stamps({"lead": 1}, {"value": ("lead", 1), "note": ("lead", 1)})
    ours = Side({"value": "yes", "note": "gate"}, base.edited("lead", 2, ["note"]), 2)
    theirs = Side({"value": "no", "note": ""}, base.edited("second", 2, ["value"]), 2)
    merged = merge(ours, theirs, NAMES)
    assert merged.values == {"value": "no"}
    assert merged.clashes == []
    assert merged.stamps is not None
    assert merged.stamps.fields == {"value": ("second", 2), "note": ("lead", 2)}
    assert merged.stamps.seen == {"lead": 2, "second": 2}
    assert merged.revision == 3


def test_the_same_field_changed_to_the_same_value_is_the_same_edit() -> None:
    ours_values, ours = made("lead", value="yes")
    theirs_values, theirs = made("second", value="yes")
    merged = merge(Side(ours_values, ours, 1), Side(theirs_values, theirs, 1), ("value",))
    assert merged.values == {} and merged.clashes == []
    assert merged.stamps is not None and merged.stamps.fields["value"] == ("lead", 1)
    assert merged.stamps.seen == {"lead": 1, "second": 1}
    again = merge(Side(theirs_values, theirs, 1), Side(ours_values, ours, 1), ("value",))
    assert again.stamps is not None and again.stamps.fields == merged.stamps.fields  # both sides end alike


def test_the_same_field_changed_differently_clashes_and_keeps_ours() -> None:
    ours_values, ours = made("lead", value="yes")
    theirs_values, theirs = made("second", value="no")
    merged = merge(Side(ours_values, ours, 1), Side(theirs_values, theirs, 1), ("value",))
    assert merged.clashes == ["value"] and merged.values == {}
    assert merged.stamps is not None and merged.stamps.held == {"value": (("second", 1),)}
    # the clash is found again from the merged record, never mistaken for seen
    assert pick("value", "yes", merged.stamps, "no", theirs) == Pick.CLASH
    # and on the other laptop, our merged record clashes with theirs too (not taken silently)
    assert pick("value", "no", theirs, "yes", merged.stamps) == Pick.CLASH


def test_a_resolution_wins_everywhere_afterwards() -> None:
    ours_values, ours = made("lead", value="yes")
    theirs_values, theirs = made("second", value="no")
    merged = merge(Side(ours_values, ours, 1), Side(theirs_values, theirs, 1), ("value",))
    assert merged.stamps is not None
    resolved = merged.stamps.edited("lead", merged.revision + 1, ["value"])
    assert resolved.held == {}
    on_second = merge(Side(theirs_values, theirs, 1), Side({"value": "no"}, resolved, 3), ("value",))
    assert on_second.clashes == [] and on_second.stamps is not None
    assert on_second.stamps.fields["value"] == ("lead", 3)


def test_an_older_side_changes_nothing_and_the_same_twice_is_idempotent() -> None:
    old_values, old = made("lead", value="yes")
    new = old.edited("second", 2, ["value"])
    merged = merge(Side(old_values, old, 1), Side({"value": "no"}, new, 2), ("value",))
    assert merged.values == {"value": "no"} and merged.revision == 2  # theirs whole: both end alike
    again = merge(Side({"value": "no"}, merged.stamps, merged.revision), Side({"value": "no"}, new, 2), ("value",))
    assert not again.changed and again.revision == 2
    older = merge(Side({"value": "no"}, new, 2), Side(old_values, old, 1), ("value",))
    assert not older.changed and older.values == {}


def test_three_installations() -> None:
    base_values, base = made("lead", value="yes", note="")
    second = base.edited("second", 2, ["note"])
    district = base.edited("district", 2, ["value"])
    at_lead = merge(Side(base_values, base, 1), Side({"value": "yes", "note": "door"}, second, 2), NAMES)
    assert at_lead.stamps is not None
    lead_values = {"value": "yes", "note": "door"}
    at_district = merge(Side({"value": "no", "note": ""}, district, 2), Side(lead_values, at_lead.stamps, 2), NAMES)
    assert at_district.values == {"note": "door"} and at_district.clashes == []
    assert at_district.stamps is not None
    assert at_district.stamps.seen == {"lead": 1, "second": 2, "district": 2}
    back = merge(
        Side(lead_values, at_lead.stamps, 2), Side({"value": "no", "note": "door"}, at_district.stamps, 3), NAMES
    )
    assert back.values == {"value": "no"} and back.clashes == []


def test_companions_follow_their_field() -> None:
    ours_values, ours = made("lead", value="yes", at="monday")
    theirs = ours.edited("second", 2, ["value", "at"])
    merged = merge(
        Side(ours_values, ours, 1), Side({"value": "no", "at": "tuesday"}, theirs, 2), ("value",), {"value": ("at",)}
    )
    assert merged.values == {"value": "no", "at": "tuesday"}


def test_a_part_of_the_value_is_taken_with_it_even_when_the_value_is_the_same() -> None:
    """48 typed again as "4 ft" there: the amount as typed is part of the answer, taken with its time."""
    ours_values, ours = made("lead", value=48.0, typed=None, at="monday")
    theirs = ours.edited("second", 2, ["value"])
    newer = Side({"value": 48.0, "typed": "4 ft", "at": "tuesday"}, theirs, 2)
    companions = {"value": ("at", "typed")}
    merged = merge(Side(ours_values, ours, 1), newer, ("value",), companions, {"value": ("typed",)})
    assert merged.values == {"value": 48.0, "typed": "4 ft", "at": "tuesday"} and merged.clashes == []
    assert merge(Side(ours_values, ours, 1), newer, ("value",), companions).values == {}  # not a part: left


def test_a_deletion_wins_over_an_unchanged_record_and_loses_to_a_change() -> None:
    values, stamps = made("lead", value="yes")
    gone = Tombstone("second", 2, {"lead": 1, "second": 2})
    assert deletion_wins(gone, Side(values, stamps, 1))
    changed = stamps.edited("lead", 2, ["value"])
    assert not deletion_wins(gone, Side(values, changed, 2))


def test_records_without_stamps_merge_by_revision() -> None:
    newer = merge(Side({"value": "yes"}, None, 1), Side({"value": "no"}, None, 2), ("value",))
    assert newer.values == {"value": "no"} and newer.revision == 2 and newer.clashes == []
    older = merge(Side({"value": "yes"}, None, 3), Side({"value": "no"}, None, 2), ("value",))
    assert older.values == {} and not older.changed
    same = merge(Side({"value": "yes", "note": "a"}, None, 2), Side({"value": "no", "note": "a"}, None, 2), NAMES)
    assert same.clashes == ["value"] and not same.changed
    assert deletion_wins(Tombstone("second", 2, {}), Side({}, None, 2))
    assert not deletion_wins(Tombstone("second", 2, {}), Side({}, None, 3))


def test_a_field_without_stamp_is_older_than_any_change() -> None:
    ours = Stamps({"lead": 1}, {})  # written before stamps, then merged
    theirs = Stamps({"lead": 1, "second": 2}, {"value": ("second", 2)})
    assert pick("value", "yes", ours, "no", theirs) == Pick.THEIRS
    assert pick("value", "yes", ours, "no", Stamps({"second": 2}, {})) == Pick.CLASH


def test_stamps_read_back_and_refuse_what_is_not_theirs() -> None:
    stamps = Stamps({"a": 2}, {"value": ("a", 2)}, {"value": (("b", 1),)})
    assert Stamps.from_json(stamps.to_json()) == stamps
    assert Stamps.from_json(None) is None
    assert Stamps.from_json({"seen": {"a": "x"}}) is None
    assert Stamps.from_json({"fields": {"value": ["a"]}}) is None
