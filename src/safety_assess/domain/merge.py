"""Merging one record as two installations left it, field by field, from the edit stamps each record carries.

A record's stamps say which installation last changed each field and at which of the record's revisions
(``fields``), and the highest revision of each installation the record has taken in (``seen``). For each field:

- the same stamp on both sides: the same edit (our value stays);
- their stamp already seen by ours: ours is newer, or the same; ours stays;
- our stamp seen by theirs: theirs is newer; theirs is taken;
- otherwise both changed it apart: the same value is the same edit made twice; a different value is a clash. Our
  value stays in place and their stamp is *held* beside ours (``held``), so that the clash is found again wherever
  the record travels (a later merge never mistakes a held stamp for one seen) until someone resolves it with a new
  edit that has seen both.

A field with no stamp is as old as the record (written before stamps existed): any stamped change is newer than it.
A record without stamps at all (made before migration 0011, or from an older bundle) is merged by its revision
counter: the newer revision wins whole, and the same revision with different content clashes on each field that
differs. Deletions (``Tombstone``) win over a record whose every change they have seen; a record changed since (by
anyone the deletion had not seen) stays: a change wins over a deletion, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Stamp = tuple[str, int]
"""(installation id, the record's revision at that installation's edit)."""
MAX_REVISION = 2**30
"""The highest revision a record (or a stamp) may name: far past any real one, and a merge's one more still fits
the database's 32-bit integers. Above it, a bundle is damaged (or forged), not merged."""


@dataclass(frozen=True)
class Stamps:
    seen: Mapping[str, int] = field(default_factory=dict)
    fields: Mapping[str, Stamp] = field(default_factory=dict)
    held: Mapping[str, tuple[Stamp, ...]] = field(default_factory=dict)
    """Per field, the stamps of values that clashed with ours and are not resolved yet."""

    @classmethod
    def from_json(cls, data: Any) -> Stamps | None:
        """From the column's JSON; None when absent or not of the expected shape (treated as a record without)."""
        if not isinstance(data, dict):
            return None
        try:
            seen = {str(k): revision_of(v) for k, v in dict(data.get("seen") or {}).items()}
            fields = {str(k): _stamp(v) for k, v in dict(data.get("fields") or {}).items()}
            held = {str(k): tuple(_stamp(s) for s in v) for k, v in dict(data.get("held") or {}).items() if v}
        except (TypeError, ValueError, OverflowError):
            return None
        return cls(seen, fields, held)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "seen": dict(sorted(self.seen.items())),
            "fields": {k: list(v) for k, v in sorted(self.fields.items())},
        }
        if any(self.held.values()):
            data["held"] = {k: [list(s) for s in v] for k, v in sorted(self.held.items()) if v}
        return data

    def saw(self, stamp: Stamp, name: str) -> bool:
        """This record has taken in the edit ``stamp`` of the field (and does not hold it as an open clash)."""
        return self.seen.get(stamp[0], 0) >= stamp[1] and stamp not in self.held.get(name, ())

    def covers(self, other: Stamps) -> bool:
        """Every edit ``other`` took in, this has too."""
        return all(self.seen.get(who, 0) >= revision for who, revision in other.seen.items())

    def edited(self, installation: str, revision: int, names: Sequence[str]) -> Stamps:
        """These stamps after ``installation`` changed ``names`` at ``revision`` (having seen the open clashes)."""
        fields = {**self.fields, **{name: (installation, revision) for name in names}}
        held = {k: v for k, v in self.held.items() if k not in names}
        seen = {**self.seen, installation: max(revision, self.seen.get(installation, 0))}
        for name in names:
            for who, at in self.held.get(name, ()):
                seen[who] = max(seen.get(who, 0), at)
        return Stamps(seen, fields, held)


def _stamp(value: Any) -> Stamp:
    who, revision = value
    return str(who), revision_of(revision)


def revision_of(value: Any) -> int:
    """A revision as stamps hold it: a whole number from 0 to MAX_REVISION (ValueError otherwise: no float, no
    bool, no infinity)."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_REVISION:
        raise ValueError(f"not a revision: {str(value)[:20]}")
    return value


class Pick(StrEnum):
    SAME = "same"
    OURS = "ours"
    THEIRS = "theirs"
    CLASH = "clash"


def pick(name: str, ours: Any, our_stamps: Stamps, theirs: Any, their_stamps: Stamps) -> Pick:
    """Which value of the field the merge keeps."""
    a, b = our_stamps.fields.get(name), their_stamps.fields.get(name)
    if a == b:  # the same edit, or none (as old as the record): a different value is a clash (a copied data folder)
        return Pick.SAME if ours == theirs else Pick.CLASH
    if b is None or our_stamps.saw(b, name):
        return Pick.OURS
    if a is None or their_stamps.saw(a, name):
        return Pick.THEIRS
    return Pick.SAME if ours == theirs else Pick.CLASH


@dataclass(frozen=True)
class Side:
    """One side's record: its values of the merged fields, stamps (None: none yet) and revision."""

    values: Mapping[str, Any]
    stamps: Stamps | None
    revision: int


@dataclass
class Merged:
    values: dict[str, Any]
    """The fields whose value changes (ours -> theirs), companions included."""
    stamps: Stamps | None
    revision: int
    clashes: list[str]
    """Fields both changed differently: ours stays, theirs is to be listed."""
    changed: bool
    """Anything to write: a value or the stamps."""


def merge(
    ours: Side,
    theirs: Side,
    names: Sequence[str],
    companions: Mapping[str, Sequence[str]] | None = None,
    parts: Mapping[str, Sequence[str]] | None = None,
) -> Merged:
    """The record merged. ``companions``: fields that follow another's choice (an answer's time follows the
    answer), never merged on their own; ``parts``: those of them that are part of the field's value (an amount as
    typed): a field whose value is the same but a part differs is taken when theirs is newer."""
    companions, parts = companions or {}, parts or {}
    if ours.stamps is None or theirs.stamps is None:
        return _by_revision(ours, theirs, names, companions)
    picks = {
        name: pick(name, ours.values.get(name), ours.stamps, theirs.values.get(name), theirs.stamps) for name in names
    }
    values: dict[str, Any] = {}
    for name, chosen in picks.items():
        compared = (name, *parts.get(name, ()))  # the same amount typed otherwise ("4 ft", "48") is taken too
        if chosen == Pick.THEIRS and any(ours.values.get(c) != theirs.values.get(c) for c in compared):
            values[name] = theirs.values.get(name)
            values.update({c: theirs.values.get(c) for c in companions.get(name, ())})
    stamps = _merged_stamps(ours.stamps, theirs.stamps, picks)
    clashes = [name for name, chosen in picks.items() if chosen == Pick.CLASH]
    changed = bool(values) or stamps != ours.stamps
    if changed and stamps == theirs.stamps:
        revision = max(ours.revision, theirs.revision)
    else:
        revision = max(ours.revision, theirs.revision) + 1 if changed else ours.revision
    return Merged(values, stamps, revision, clashes, changed)


def _merged_stamps(ours: Stamps, theirs: Stamps, picks: Mapping[str, Pick]) -> Stamps:
    seen = {who: max(ours.seen.get(who, 0), theirs.seen.get(who, 0)) for who in {*ours.seen, *theirs.seen}}
    fields: dict[str, Stamp] = {}
    held: dict[str, tuple[Stamp, ...]] = {}
    for name in sorted({*ours.fields, *theirs.fields, *ours.held, *theirs.held}):
        chosen = picks.get(name, Pick.OURS)
        a, b = ours.fields.get(name), theirs.fields.get(name)
        kept = _kept(chosen, a, b)
        if kept is not None:
            fields[name] = kept
        pending = [s for s in ours.held.get(name, ()) if not theirs.saw(s, name)]
        pending += [s for s in theirs.held.get(name, ()) if not ours.saw(s, name)]
        if chosen == Pick.CLASH and b is not None:
            pending.append(b)
        pending_set = sorted({s for s in pending if s != kept})
        if pending_set:
            held[name] = tuple(pending_set)
    return Stamps(seen, fields, held)


def _kept(chosen: Pick, a: Stamp | None, b: Stamp | None) -> Stamp | None:
    if chosen == Pick.THEIRS:
        return b or a
    if chosen == Pick.SAME and a and b:
        return min(a, b)  # either side picks the same one, so both end alike
    return a or b


def _by_revision(ours: Side, theirs: Side, names: Sequence[str], companions: Mapping[str, Sequence[str]]) -> Merged:
    """Records without stamps: the newer revision wins whole; the same one with other content clashes per field."""
    differing = [name for name in names if ours.values.get(name) != theirs.values.get(name)]
    if theirs.revision > ours.revision:
        values = {name: theirs.values.get(name) for name in differing}
        for name in differing:
            values.update({c: theirs.values.get(c) for c in companions.get(name, ())})
        changed = bool(values) or theirs.stamps != ours.stamps
        return Merged(values, theirs.stamps, theirs.revision, [], changed)
    clashes = differing if theirs.revision == ours.revision else []
    return Merged({}, ours.stamps, ours.revision, clashes, False)


@dataclass(frozen=True)
class Tombstone:
    """A record deleted by ``installation`` at the record's ``revision``, having seen ``seen``."""

    installation: str
    revision: int
    seen: Mapping[str, int]


def deletion_wins(tombstone: Tombstone, ours: Side) -> bool:
    """The deletion removes our record: it has seen every change of ours (without stamps: our revision is not newer
    than the one deleted). A record changed since stays: a change wins over a deletion."""
    if ours.stamps is None:
        return ours.revision <= tombstone.revision
    return Stamps(tombstone.seen).covers(ours.stamps)
