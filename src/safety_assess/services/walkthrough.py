"""One assessment being walked: answers checked and committed one by one, undo, instances, review, sign-off."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.checklist.model import Group
from safety_assess.domain.checklist.values import asks_follow_up, check_answer, display_value, typed_text
from safety_assess.domain.conflicts import item_clashes
from safety_assess.domain.errors import AnswerError, ConflictError, NotFoundError
from safety_assess.domain.readiness.spot_checks import only_sections
from safety_assess.domain.records import AssessmentSummary, GroupInstance, PhotoRecord, Response
from safety_assess.domain.team import TeamAssignment, assigned_first
from safety_assess.domain.walk.review import ReviewEntry, review
from safety_assess.domain.walk.slots import Slot, SlotKey, next_instance_label
from safety_assess.domain.walk.state import AssessmentState
from safety_assess.photos.annotations import Annotation
from safety_assess.services.merge_conflicts import conflicts
from safety_assess.services.photos import annotate_photo
from safety_assess.services.spot_checks import run_sections
from safety_assess.services.team import assignment
from safety_assess.services.workspace import Workspace

UNDO_DEPTH = 200


@dataclass(frozen=True)
class UndoStep:
    key: SlotKey
    earlier: Response | None


class WalkSession:
    """Everything the walkthrough window does to an assessment; every change is committed before it returns."""

    def __init__(self, workspace: Workspace, assessment_id: uuid.UUID) -> None:
        self.workspace = workspace
        detail = workspace.assessments.detail(assessment_id)
        self.summary: AssessmentSummary = detail.summary
        self.checklist = workspace.snapshots.checklist(detail.summary.checklist.id)
        self.team: TeamAssignment | None = assignment(workspace, assessment_id)
        self.others: frozenset[str] = frozenset()
        """The sections a team assessment gave to someone else: shown after this laptop's, and marked."""
        if self.team is not None:
            self.others = frozenset(s.id for s in self.checklist.sections if not self.team.assigned(s.id))
            self.checklist = assigned_first(self.checklist, self.team.sections)
        self.spot_check = run_sections(workspace, assessment_id)
        """A spot check's run: the sections it checks (empty: all), the only ones walked; None for an assessment."""
        if self.spot_check:
            self.checklist = only_sections(self.checklist, self.spot_check)
        waiting = conflicts(workspace, assessment_id)
        self.conflicts = len(waiting)
        """How many merge conflicts wait to be resolved (read again when an import or a resolution changes it)."""
        self.clashes = item_clashes(waiting)
        """The items in conflict, by (item, instance label), each with its clashes told in one line apiece."""
        self.state = AssessmentState(self.checklist, detail.instances, detail.responses, detail.summary.assessed_on)
        self._resume = SlotKey(detail.resume_item, detail.resume_instance) if detail.resume_item else None
        self._undo: list[UndoStep] = []
        self.photos: list[PhotoRecord] = []
        self.reload_photos()

    @property
    def id(self) -> uuid.UUID:
        return self.summary.id

    @property
    def read_only(self) -> bool:
        return self.summary.read_only

    def start_key(self) -> SlotKey | None:
        """Where to open: where the assessor left off, else the first unanswered item, else the first item."""
        if self._resume is not None and self.state.has(self._resume) and self.state.is_visible(self._resume):
            return self._resume
        found = self.state.next_unanswered(None) or self.state.step(None, 1)
        return found.key if found else None

    def remember(self, key: SlotKey) -> None:
        """Where the assessor is now, committed at once (nothing is written when it is already the resume point)."""
        if key == self._resume:
            return
        if not self.read_only:
            self.workspace.assessments.set_resume(self.id, key.item_id, key.instance_id)
        self._resume = key

    def answer_and_advance(self, key: SlotKey, value: object) -> Slot | None:
        """Answer, and make the next unanswered item the resume point in the same commit, so a crash reopens on
        the item shown next. Returns that item, or None when every item is answered (the resume point stays)."""
        item = self.state.slot(key).item
        canonical, typed = check_answer(self.checklist, item, value), typed_text(item, value)
        earlier = self.state.responses.get(key)
        now = dt.datetime.now(dt.UTC)
        self.state.set_response(key, Response(key.item_id, key.instance_id, canonical, "", now, typed=typed))
        following = self.state.next_unanswered(key)
        target = following.key if following is not None else key
        try:
            saved = self.workspace.answers.save_answer(
                self.id,
                key.item_id,
                key.instance_id,
                canonical,
                resume=(target.item_id, target.instance_id),
                typed=typed,
            )
        except Exception:
            self.state.set_response(key, earlier)
            raise
        self._record(key, earlier, saved)
        self._resume = target
        return following

    def finished_own_sections(self, answered: SlotKey, following: Slot | None) -> bool:
        """A team assessment's walk just left this laptop's sections, every item of them answered."""
        if following is None or following.section.id not in self.others:
            return False
        if self.state.slot(answered).section.id in self.others:
            return False
        own = [s for s in self.state.visible_slots() if s.section.id not in self.others]
        return all(self.state.is_answered(s.key) for s in own)

    def answer(self, key: SlotKey, value: object) -> Response:
        """Check the value (typed text or an already typed value), commit it, and update the state."""
        item = self.state.slot(key).item
        canonical = check_answer(self.checklist, item, value)
        earlier = self.state.responses.get(key)
        typed = typed_text(item, value)
        saved = self.workspace.answers.save_answer(self.id, key.item_id, key.instance_id, canonical, typed=typed)
        self._record(key, earlier, saved)
        return saved

    def clear(self, key: SlotKey) -> Response:
        """Take the answer back (the note stays)."""
        earlier = self.state.responses.get(key)
        saved = self.workspace.answers.save_answer(self.id, key.item_id, key.instance_id, None)
        self._record(key, earlier, saved)
        return saved

    def note(self, key: SlotKey, text: str) -> Response:
        earlier = self.state.responses.get(key)
        if earlier is not None and earlier.note == text:
            return earlier
        saved = self.workspace.answers.save_note(self.id, key.item_id, key.instance_id, text)
        self._record(key, earlier, saved)
        return saved

    def follow_up(self, key: SlotKey, text: str) -> Response:
        """Record the text the item's follow-up asks for (kept with the answer, like the note)."""
        earlier = self.state.responses.get(key)
        if earlier is not None and earlier.follow_up == text:
            return earlier
        saved = self.workspace.answers.save_follow_up(self.id, key.item_id, key.instance_id, text)
        self._record(key, earlier, saved)
        return saved

    def would_ask_follow_up(self, key: SlotKey, value: object) -> bool:
        """Whether this answer, once given, asks the follow-up text (False when it is no answer of the item)."""
        item = self.state.slot(key).item
        if item.follow_up is None:
            return False
        try:
            return asks_follow_up(self.checklist, item, check_answer(self.checklist, item, value))
        except AnswerError:
            return False

    def typed(self, key: SlotKey) -> str | None:
        """The answer as typed, when it was an amount in another unit than the item's ('4 ft')."""
        response = self.state.responses.get(key)
        return None if response is None or response.value is None else response.typed

    def recorded_as(self, key: SlotKey) -> str | None:
        """The answer as recorded ('48 in'), when it was typed as an amount in another unit than the item's."""
        if self.typed(key) is None:
            return None
        return display_value(self.checklist, self.state.slot(key).item, self.state.value(key))  # type: ignore[arg-type]

    def asks_follow_up(self, key: SlotKey) -> bool:
        """The current answer is one the item's follow-up asks text for."""
        return asks_follow_up(self.checklist, self.state.slot(key).item, self.state.value(key))

    def _record(self, key: SlotKey, earlier: Response | None, saved: Response) -> None:
        self.state.set_response(key, saved)
        self._undo.append(UndoStep(key, earlier))
        del self._undo[:-UNDO_DEPTH]

    def undo(self) -> SlotKey | None:
        """Put back what the last answer or note replaced; returns the slot it concerned."""
        if not self._undo:
            return None
        step = self._undo.pop()
        self.workspace.answers.restore(self.id, step.key.item_id, step.key.instance_id, step.earlier)
        self.state.set_response(step.key, step.earlier)
        return step.key

    def add_instance(self, group_id: str, label: str | None = None) -> GroupInstance:
        group = self._group(group_id)
        wanted = label.strip() if label and label.strip() else next_instance_label(group, self.state.instances)
        if any(i.group_id == group_id and i.label.lower() == wanted.lower() for i in self.state.instances):
            raise ConflictError(f"there is already an instance called '{wanted}'")
        instance = self.workspace.answers.instance(self.id, group_id, wanted, create=True)
        self._reload_instances()
        return instance

    def rename_instance(self, instance_id: uuid.UUID, label: str) -> GroupInstance:
        instance = self.workspace.answers.rename_instance(self.id, instance_id, label)
        self._reload_instances()
        return instance

    def move_instance(self, instance_id: uuid.UUID, delta: int) -> None:
        """Move an instance up (-1) or down (+1) among its group's instances."""
        instance = self._instance(instance_id)
        order = [i.id for i in self.state.instances if i.group_id == instance.group_id]
        order.sort(key=lambda i: self._instance(i).position)
        index = order.index(instance_id)
        target = max(0, min(len(order) - 1, index + delta))
        order.insert(target, order.pop(index))
        self.workspace.answers.reorder_instances(self.id, order)
        self._reload_instances()

    def remove_instance(self, instance_id: uuid.UUID) -> None:
        self.workspace.answers.remove_instance(self.id, instance_id)
        self._undo = [step for step in self._undo if step.key.instance_id != instance_id]
        for key in [k for k in self.state.responses if k.instance_id == instance_id]:
            self.state.set_response(key, None)
        self._reload_instances()

    def answers_in(self, instance_id: uuid.UUID) -> int:
        return sum(1 for k, r in self.state.responses.items() if k.instance_id == instance_id and r.value is not None)

    def review(self) -> list[ReviewEntry]:
        return review(self.state, lambda key: len(self.photos_for(key)))

    def photos_for(self, key: SlotKey) -> list[PhotoRecord]:
        mine = [p for p in self.photos if p.item_id == key.item_id and p.instance_id == key.instance_id]
        return sorted(mine, key=lambda p: p.position)

    def reload_photos(self) -> None:
        """The photos of items (those of findings the assessor added are shown with the findings)."""
        self.photos = [p for p in self.workspace.photos.list(self.id) if p.item_id is not None]

    def caption_photo(self, photo_id: uuid.UUID, caption: str) -> None:
        self.workspace.photos.set_caption(photo_id, caption)
        self.reload_photos()

    def move_photo(self, photo_id: uuid.UUID, delta: int) -> None:
        """Move a photo earlier (-1) or later (+1) among its item's photos."""
        photo = next(p for p in self.photos if p.id == photo_id)
        order = [p.id for p in self.photos_for(SlotKey(photo.item_id or "", photo.instance_id))]
        index = order.index(photo_id)
        order.insert(max(0, min(len(order) - 1, index + delta)), order.pop(index))
        self.workspace.photos.reorder(order)
        self.reload_photos()

    def annotate_photo(self, photo_id: uuid.UUID, shapes: list[Annotation]) -> None:
        annotate_photo(self.workspace, photo_id, shapes)
        self.reload_photos()

    def delete_photo(self, photo_id: uuid.UUID) -> None:
        """Hidden, not destroyed: ``restore_photo`` brings it back (undo)."""
        self.workspace.photos.delete(photo_id)
        self.reload_photos()

    def restore_photo(self, photo_id: uuid.UUID) -> None:
        self.workspace.photos.restore(photo_id)
        self.reload_photos()

    def complete(self, signers: Sequence[str]) -> None:
        self.workspace.assessments.complete(self.id, signers)
        self.summary = self.workspace.assessments.summary(self.id)
        self._undo.clear()

    def reopen(self, reason: str) -> uuid.UUID:
        return self.workspace.assessments.reopen(self.id, reason)

    def _reload_instances(self) -> None:
        self.state.instances = self.workspace.answers.instances(self.id)
        self.state.rebuild()

    def _group(self, group_id: str) -> Group:
        for _, group in self.checklist.iter_groups():
            if group.group == group_id:
                return group
        raise NotFoundError(f"no repeatable group '{group_id}'")

    def _instance(self, instance_id: uuid.UUID) -> GroupInstance:
        for instance in self.state.instances:
            if instance.id == instance_id:
                return instance
        raise NotFoundError(f"no group instance {instance_id}")
