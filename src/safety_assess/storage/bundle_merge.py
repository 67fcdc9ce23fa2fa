"""Merging a bundle's assessment into ours record by record and field by field (see domain.merge for the rule).

Records match by id; a response also by its item and instance, and a raised finding's adjustments by theirs, since
two laptops answering the same item make records with different ids. A group instance matches by id only: two
laptops each adding a "Camera 3" most often mean two cameras. Only an instance without edit stamps (from a bundle
older than migration 0011) still matches by its group and label (case aside). When the bundle adds an instance
whose label one of ours already has, both stay and the incoming one is relabeled "Camera 3 (from <device>)", as an
edit of this installation's (so the name travels back), and the result lists it (``relabeled``).

A record only the bundle has is added, unless our deletion of it has seen all of it; a deletion the bundle brings
removes ours when it has seen all of ours. A field both sides changed
differently keeps our value and is listed in ``merge_conflicts`` (once per device: the same bundle again adds
nothing, a third laptop's value is listed beside the second's); a conflict the other side's record shows resolved
goes away.

Every write here goes round the unit of work (plain ``update()``), with the stamps the merge computed: the session
is a merging one (``edit_stamps.MERGING``), and nothing is stamped as this installation's edit but a relabeling.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.orm import Session

from safety_assess.domain.merge import Merged, Side, Stamps, Tombstone, deletion_wins, merge
from safety_assess.storage.bundle_rows import plain_value
from safety_assess.storage.edit_stamps import COMPANIONS, PARTS, installation_of, merged_fields
from safety_assess.storage.orm import (
    ActionRow,
    AssessmentRow,
    Base,
    DeletedRecordRow,
    FindingRow,
    GroupInstanceRow,
    MergeConflictRow,
    PhotoRow,
    ResponseRow,
    plain_columns,
)
from safety_assess.storage.types import utcnow

ORDER: tuple[tuple[str, type[Base]], ...] = (
    ("assessment", AssessmentRow),
    ("instances", GroupInstanceRow),
    ("findings", FindingRow),
    ("actions", ActionRow),
    ("responses", ResponseRow),
    ("photos", PhotoRow),
)


@dataclass
class MergeResult:
    changed: bool = False
    """Anything of ours written."""
    conflicts: int = 0
    """Fields found clashing that were not listed yet."""
    older: bool = False
    """The bundle held something we had newer (and nothing else)."""
    taken: int = 0
    """The bundle's changes that reached our records: fields taken, records added, records removed."""
    relabeled: list[Relabeled] = field(default_factory=list)
    """The bundle's group instances renamed here, their label being one of ours already."""


@dataclass(frozen=True)
class Relabeled:
    group_id: str
    was: str
    label: str


@dataclass
class _Local:
    """Our records of one table, by id and by what makes one of a kind."""

    by_id: dict[uuid.UUID, Any] = field(default_factory=dict)
    by_key: dict[tuple[Any, ...], Any] = field(default_factory=dict)


def natural_key(table: type[Base], row: Any) -> tuple[Any, ...] | None:
    if table is ResponseRow:
        return (row.item_id, row.instance_id)
    if table is FindingRow and row.item_id is not None:
        return (row.item_id, row.instance_id)
    if table is GroupInstanceRow:
        return (row.group_id, row.label.lower())
    return None


class Merger:
    """One bundle's assessment merged into ours, in the importer's session."""

    def __init__(self, session: Session, assessment_id: uuid.UUID, installation: str, device: str = "") -> None:
        self.session, self.assessment_id, self.installation = session, assessment_id, installation
        self.device = device or installation
        """The bundle's device as people know it (its name in a relabeled instance)."""
        self.result = MergeResult()
        self.incoming: dict[str, list[Base]] = {}
        self.ids: dict[uuid.UUID | None, uuid.UUID | None] = {None: None}
        """Their record id -> ours, where they differ (instances, responses, findings matched by kind)."""
        conflicts = select(MergeConflictRow).where(MergeConflictRow.assessment_id == assessment_id)
        self.conflicts = {(c.record_id, c.field, c.their_installation): c for c in session.scalars(conflicts)}
        gone = select(DeletedRecordRow).where(DeletedRecordRow.assessment_id == assessment_id)
        self.gone = {row.id: row for row in session.scalars(gone)}

    def run(self, rows: dict[str, list[Base]], tombstones: list[DeletedRecordRow]) -> MergeResult:
        self.incoming = rows
        for key, table in ORDER:
            local = self._local(table)
            if table is ResponseRow:
                self._deletions([t for t in tombstones if t.table_name == "responses"], table, local)
            for row in _known_first(rows[key], local) if table is GroupInstanceRow else rows[key]:
                self._one(table, row, local)
        self._deletions([t for t in tombstones if t.table_name == "group_instances"], GroupInstanceRow, None)
        return self.result

    def _local(self, table: type[Base]) -> _Local:
        owner: ColumnElement[bool]
        if table is ActionRow:
            findings = select(FindingRow.id).where(FindingRow.assessment_id == self.assessment_id)
            owner = ActionRow.finding_id.in_(findings)
        elif table is AssessmentRow:
            owner = AssessmentRow.id == self.assessment_id
        else:
            owner = table.assessment_id == self.assessment_id  # type: ignore[attr-defined]
        local = _Local()
        for row in self.session.execute(select(*plain_columns(table)).where(owner)):
            self._know(local, table, row)
        return local

    @staticmethod
    def _know(local: _Local, table: type[Base], row: Any) -> None:
        local.by_id[row.id] = row
        key = natural_key(table, row)
        if key is not None:
            local.by_key[key] = row

    def _one(self, table: type[Base], row: Any, local: _Local) -> None:
        for link in ("instance_id", "finding_id"):
            if hasattr(row, link):
                setattr(row, link, self.ids.get(getattr(row, link), getattr(row, link)))
        key = natural_key(table, row)
        if table is GroupInstanceRow and row.edit_stamps is not None:
            key = None  # an instance with stamps is known by its id alone
        found = local.by_id.get(row.id) or (local.by_key.get(key) if key is not None else None)
        if found is None:
            self._add(table, row, local)
            return
        self.ids[row.id] = found.id
        names = merged_fields(table)
        ours, theirs = _side(found, names, table), _side(row, names, table)
        merged = merge(ours, theirs, names, COMPANIONS.get(table), PARTS.get(table))
        if merged.changed:
            self._write(table, found.id, merged)
            self.result.taken += sum(1 for name in names if name in merged.values)
        differing = [n for n in names if getattr(found, n) != getattr(row, n) and n not in merged.clashes]
        self.result.older |= not merged.changed and bool(differing)
        self._record_conflicts(table, found, row, merged)

    def _add(self, table: type[Base], row: Any, local: _Local) -> None:
        if table is PhotoRow and row.deleted_at is not None:
            return  # a photo removed there that never came here: nothing to add
        if self._deleted_here(table, row) and not (table is GroupInstanceRow and self._still_used(row.id)):
            return
        if not self._parents_here(row):
            return  # in an instance removed here (with all of its answers): gone with it
        if table is GroupInstanceRow:
            self._relabel(row)
        revision, updated_at = row.revision, row.updated_at
        self.session.add(row)
        self.session.flush()
        values = {"revision": revision, "updated_at": updated_at}
        self.session.execute(update(table).where(table.id == row.id).values(**values))  # type: ignore[attr-defined]
        self.session.expire(row)
        self._know(local, table, row)
        self.ids[row.id] = row.id
        self.result.changed = True
        self.result.taken += 1

    def _relabel(self, row: GroupInstanceRow) -> None:
        """An added instance whose label one of ours has in its group gets "label (from device)", stamped as our
        edit (so it travels back and wins over the label it had)."""
        table = GroupInstanceRow
        mine = select(table.label).where(table.assessment_id == self.assessment_id, table.group_id == row.group_id)
        taken = {label.lower() for label in self.session.scalars(mine)}  # as now: a label taken earlier counts
        if row.label.lower() not in taken:
            return
        label = fresh_label(row.label, self.device, taken)
        self.result.relabeled.append(Relabeled(row.group_id, row.label, label))
        stamps = Stamps.from_json(row.edit_stamps) or Stamps()
        row.revision = (row.revision or 0) + 1
        row.edit_stamps = stamps.edited(installation_of(self.session), row.revision, ["label"]).to_json()
        row.label = label

    def _still_used(self, instance_id: uuid.UUID) -> bool:
        """An instance removed here is back when the bundle brings an answer or photo in it changed since."""
        for key, table in (("responses", ResponseRow), ("photos", PhotoRow)):
            for row in self.incoming.get(key, []):
                if row.instance_id == instance_id and not self._deleted_here(table, row):  # type: ignore[attr-defined]
                    return True
        return False

    def _parents_here(self, row: Any) -> bool:
        instance = getattr(row, "instance_id", None)
        return instance is None or self.session.get(GroupInstanceRow, instance) is not None

    def _deleted_here(self, table: type[Base], row: Any) -> bool:
        """We removed this record (or, for a response, this item's answer) after seeing all of it."""
        stamps = Stamps.from_json(row.edit_stamps)
        return any(
            (gone.id == row.id or stamps is not None)
            and deletion_wins(_tombstone(gone), Side({}, stamps, row.revision))
            for gone in self._our_deletions(table, row)
        )

    def _our_deletions(self, table: type[Base], row: Any) -> Iterable[DeletedRecordRow]:
        if row.id in self.gone:
            yield self.gone[row.id]
        if table is ResponseRow:
            yield from (
                g
                for g in self.gone.values()
                if g.table_name == "responses" and (g.item_id, g.instance_id) == (row.item_id, row.instance_id)
            )

    def _write(self, table: type[Base], record_id: uuid.UUID, merged: Merged) -> None:
        stamps = merged.stamps.to_json() if merged.stamps is not None else None
        values = {**merged.values, "edit_stamps": stamps, "revision": merged.revision, "updated_at": utcnow()}
        self.session.execute(update(table).where(table.id == record_id).values(**values))  # type: ignore[attr-defined]
        self.result.changed = True

    def _record_conflicts(self, table: type[Base], ours: Any, theirs: Any, merged: Merged) -> None:
        held = merged.stamps.held if merged.stamps is not None else {}
        their_stamps = Stamps.from_json(theirs.edit_stamps)
        for name in merged_fields(table):
            listing: str | None = None
            if name in merged.clashes:
                stamp = their_stamps.fields.get(name) if their_stamps is not None else None
                listing, revision = stamp or (self.installation, theirs.revision)
                listed = self.conflicts.get((ours.id, name, listing))
                self._list(
                    table, ours.id, name, (getattr(theirs, name), _typed(theirs, name)), listing, revision, listed
                )
            holding = {who for who, _ in held.get(name, ())}
            for key in [k for k in self.conflicts if k[:2] == (ours.id, name) and k[2] != listing]:
                if name in merged.values or (merged.stamps is not None and key[2] not in holding):
                    self.session.delete(self.conflicts.pop(key))

    def _list(
        self,
        table: type[Base],
        record_id: uuid.UUID,
        name: str,
        theirs: tuple[Any, str | None],
        who: str,
        revision: int,
        listed: MergeConflictRow | None,
    ) -> None:
        value, typed = plain_value(theirs[0]), theirs[1]
        if listed is not None and (listed.theirs, listed.their_typed, listed.their_installation) == (value, typed, who):
            return
        if listed is None:
            listed = MergeConflictRow(
                assessment_id=self.assessment_id, table_name=table.__tablename__, record_id=record_id, field=name
            )
            self.session.add(listed)
            self.conflicts[(record_id, name, who)] = listed
        listed.theirs, listed.their_typed, listed.their_installation, listed.their_revision = (
            value,
            typed,
            who,
            revision,
        )
        listed.recorded_at = utcnow()
        self.result.conflicts += 1

    def _deletions(self, tombstones: list[DeletedRecordRow], table: type[Base], local: _Local | None) -> None:
        for tombstone in tombstones:
            self._keep_tombstone(tombstone)
            found = self._deleted_target(tombstone, table, local)
            if found is None or not self._deletion_wins(tombstone, table, found):
                continue
            self.session.execute(delete(table).where(table.id == found.id))  # type: ignore[attr-defined]
            self.session.execute(delete(MergeConflictRow).where(MergeConflictRow.record_id == found.id))
            if local is not None:
                local.by_id.pop(found.id, None)
                key = natural_key(table, found)
                if key is not None and local.by_key.get(key) is found:
                    del local.by_key[key]
            self.result.changed = True
            self.result.taken += 1

    def _deleted_target(self, tombstone: DeletedRecordRow, table: type[Base], local: _Local | None) -> Any:
        if local is None:
            owner = table.id == tombstone.id  # type: ignore[attr-defined]
            return self.session.execute(select(*plain_columns(table)).where(owner)).first()
        key = (tombstone.item_id, self.ids.get(tombstone.instance_id, tombstone.instance_id))
        return local.by_id.get(tombstone.id) or local.by_key.get(key)

    def _deletion_wins(self, tombstone: DeletedRecordRow, table: type[Base], found: Any) -> bool:
        stamps = Stamps.from_json(found.edit_stamps)
        if found.id != tombstone.id and stamps is None:
            return False  # another record of the same item, without stamps: nothing tells it was seen
        if table is GroupInstanceRow and self._holds_anything(found.id):
            return False  # answered or photographed here since: the change wins, the instance stays with them
        return deletion_wins(_tombstone(tombstone), Side({}, stamps, found.revision))

    def _holds_anything(self, instance_id: uuid.UUID) -> bool:
        answers = select(ResponseRow.id).where(ResponseRow.instance_id == instance_id).limit(1)
        photos = select(PhotoRow.id).where(PhotoRow.instance_id == instance_id, PhotoRow.deleted_at.is_(None)).limit(1)
        return self.session.scalar(answers) is not None or self.session.scalar(photos) is not None

    def _keep_tombstone(self, tombstone: DeletedRecordRow) -> None:
        """Their deletion kept here too, so that it travels on from here."""
        known = self.gone.get(tombstone.id)
        if known is not None and known.revision >= tombstone.revision:
            return
        if known is None:
            known = DeletedRecordRow(id=tombstone.id, assessment_id=self.assessment_id, table_name=tombstone.table_name)
            self.session.add(known)
            self.gone[tombstone.id] = known
        known.item_id = tombstone.item_id
        known.instance_id = self.ids.get(tombstone.instance_id, tombstone.instance_id)
        known.installation, known.revision = tombstone.installation, tombstone.revision
        known.seen, known.deleted_at = dict(tombstone.seen), tombstone.deleted_at


def _known_first(rows: list[Base], local: _Local) -> list[Base]:
    """Instances we have first: a label they changed is taken before a new instance's label is checked."""
    return sorted(rows, key=lambda row: row.id not in local.by_id)  # type: ignore[attr-defined]


def fresh_label(label: str, device: str, taken: set[str]) -> str:
    """ "label (from device)", numbered when that is taken too (``taken``: lower-case labels), within 200 characters."""
    for number in range(1, 1000):
        suffix = f" (from {device})" if number == 1 else f" (from {device}, {number})"
        candidate = label[: 200 - len(suffix)] + suffix
        if candidate.lower() not in taken:
            return candidate
    raise ValueError(f"no free label for {label!r}")


def _side(row: Any, names: tuple[str, ...], table: type[Base]) -> Side:
    following = [c for leader in names for c in COMPANIONS.get(table, {}).get(leader, ())]
    values = {name: getattr(row, name) for name in (*names, *following)}
    return Side(values, Stamps.from_json(row.edit_stamps), row.revision)


def _typed(row: Any, name: str) -> str | None:
    """A response's answer as typed, listed beside their value in a clash of the answer."""
    return row.typed if isinstance(row, ResponseRow) and name == "value" else None


def _tombstone(row: DeletedRecordRow) -> Tombstone:
    return Tombstone(row.installation, row.revision, dict(row.seen))
