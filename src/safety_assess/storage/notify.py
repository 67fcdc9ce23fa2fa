"""What a write changed, told to the other computers on a shared database (PostgreSQL's NOTIFY).

Every session of a server database keeps note of the records it flushes (``track``). When it commits
(``Database.session``), ``announce`` sends one notification on ``CHANNEL`` in the same transaction, so it is
delivered only if the write is: which assessments changed and in which part, which campuses' plans, whether campuses
changed, as ids only (``Changes``). Payloads stay small: past ``LIMIT`` bytes only "everything may have changed" is
sent. A bulk statement (an INSERT, UPDATE or DELETE written as a statement, not through records) names no ids: the
writer names what its session's statements changed (``name``: a bundle's assessments and campuses, the answers a
delete removed), else the session is told as "everything may have changed". Each database object signs its
notifications with a token of its own, so a listener (storage/listen.py) ignores its own writes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from safety_assess.base.jobs import Changes
from safety_assess.base.json_guard import parse_json
from safety_assess.storage.orm import (
    ActionRow,
    AssessmentRow,
    CampusRow,
    DistrictRow,
    FindingRow,
    GroupInstanceRow,
    PhotoRow,
    ResponseRow,
)
from safety_assess.storage.orm_maps import MapMarkerRow, MapShapeRow, SiteMapRow
from safety_assess.storage.orm_readiness import DrillRow, SpotCheckRow
from safety_assess.storage.orm_reviews import (
    ActionResponseRow,
    PlanRevisionRow,
    ReviewDecisionRow,
    ReviewPacketRow,
    ReviewRow,
)

CHANNEL = "safety_assess_changes"
LIMIT = 7000
"""Bytes of payload at most (PostgreSQL refuses more than 8000)."""
PARTS = ("assessments", "answers", "photos", "plans", "maps")
"""The id sets of ``Changes`` a notification carries, in this order under the keys a, n, p, l, m."""
KEYS = dict(zip(PARTS, "anplm", strict=True))

DIRECT: dict[type[Any], tuple[str, str]] = {
    AssessmentRow: ("assessments", "id"),
    ResponseRow: ("answers", "assessment_id"),
    GroupInstanceRow: ("answers", "assessment_id"),
    PhotoRow: ("photos", "assessment_id"),
    FindingRow: ("plans", "assessment_id"),
    PlanRevisionRow: ("plans", "assessment_id"),
    ReviewPacketRow: ("plans", "assessment_id"),
    ReviewRow: ("plans", "assessment_id"),
    ReviewDecisionRow: ("plans", "assessment_id"),
    SiteMapRow: ("maps", "campus_id"),
}
"""Records that name what they belong to: the part of ``Changes`` and the attribute holding its id."""
INDIRECT: dict[type[Any], tuple[str, str]] = {
    ActionRow: ("findings", "finding_id"),
    ActionResponseRow: ("actions", "action_id"),
    MapMarkerRow: ("site_maps", "map_id"),
    MapShapeRow: ("site_maps", "map_id"),
}
"""Records found through another: which ``Touched`` set takes the id, and the attribute holding it."""
BROAD = (CampusRow, DistrictRow, DrillRow, SpotCheckRow)
UNTOLD = frozenset(
    {
        "assessment_figures",
        "app_meta",
        "devices",
        "assessment_history",
        "conflict_sources",
        "photo_blobs",
        "photo_chunks",
    }
)
"""Tables whose bulk statements change nothing anyone sees: a cache (written while the overview is read: telling
it would have two computers reload each other for ever), facts about the installation, history, photo contents
(addressed by their hash: shown only once a photo record, told as such, names them)."""


@dataclass
class Touched:
    """What a session has flushed so far."""

    parts: dict[str, set[uuid.UUID]] = field(default_factory=lambda: {part: set() for part in PARTS})
    findings: set[uuid.UUID] = field(default_factory=set)
    actions: set[uuid.UUID] = field(default_factory=set)
    site_maps: set[uuid.UUID] = field(default_factory=set)
    campuses: bool = False
    bulk: bool = False
    """A bulk statement was run: its rows are not known."""
    named: bool = False
    """The writer named what its bulk statements changed (``name``)."""

    def note(self, record: object) -> None:
        kind = type(record)
        if kind in DIRECT:
            part, attribute = DIRECT[kind]
            self.parts[part].add(getattr(record, attribute))
        elif kind in INDIRECT:
            name, attribute = INDIRECT[kind]
            getattr(self, name).add(getattr(record, attribute))
        elif isinstance(record, BROAD):
            self.campuses = True


def track(sessions: sessionmaker[Session]) -> None:
    """Keep note, in every session ``sessions`` makes, of the records it flushes and its bulk statements."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _bulk)
    event.listen(sessions, "after_rollback", lambda session: session.info.pop("touched", None))


def _touched(session: Session) -> Touched:
    found: Touched = session.info.setdefault("touched", Touched())
    return found


def _after_flush(session: Session, _context: object) -> None:
    touched = _touched(session)
    for record in (*session.new, *session.dirty, *session.deleted):
        touched.note(record)


def _bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) not in UNTOLD:
        _touched(state.session).bulk = True


def name(session: Session, changes: Changes) -> None:
    """Say what the session's bulk statements change (all of them, in this session: what they wrote, updated or
    deleted), so that it is told as these ids rather than as everything."""
    touched = _touched(session)
    for part in PARTS:
        touched.parts[part] |= getattr(changes, part)
    touched.campuses = touched.campuses or changes.campuses
    touched.named = True


def announce(session: Session, sender: str) -> None:
    """Before the commit: flush, then send what the session changed (nothing when it changed nothing)."""
    session.flush()
    touched = session.info.pop("touched", None)
    if touched is None:
        return
    changes = _resolved(session, touched)
    if changes:
        session.execute(select(func.pg_notify(CHANNEL, encode(sender, changes))))


def _resolved(session: Session, touched: Touched) -> Changes:
    """The records found through another looked up (one query each kind); one that is gone: everything."""
    if touched.bulk and not touched.named:  # rows nobody named: everything may have changed
        return Changes(campuses=True)
    findings = touched.findings | _ids(session, ActionRow.finding_id, ActionRow.id, touched.actions)
    plans = _ids(session, FindingRow.assessment_id, FindingRow.id, findings)
    maps = _ids(session, SiteMapRow.campus_id, SiteMapRow.id, touched.site_maps)
    lost = (touched.actions and not findings) or (findings and not plans) or (touched.site_maps and not maps)
    parts = touched.parts
    return Changes(
        assessments=frozenset(parts["assessments"]),
        answers=frozenset(parts["answers"]),
        photos=frozenset(parts["photos"]),
        plans=frozenset(parts["plans"] | plans),
        maps=frozenset(parts["maps"] | maps),
        campuses=touched.campuses or bool(lost),
    )


def _ids(session: Session, wanted: Any, key: Any, keys: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    chosen = list(keys)
    if not chosen:
        return set()
    return set(session.scalars(select(wanted).where(key.in_(chosen)).distinct()))


def encode(sender: str, changes: Changes) -> str:
    """The notification's payload: the sender and the changed ids (hex), or only that everything may have."""
    document: dict[str, object] = {"from": sender, **({"c": 1} if changes.campuses else {})}
    for part in PARTS:
        ids = getattr(changes, part)
        if ids:
            document[KEYS[part]] = sorted(i.hex for i in ids)
    text = json.dumps(document, separators=(",", ":"))
    return text if len(text) <= LIMIT else json.dumps({"from": sender, "all": 1}, separators=(",", ":"))


def decode(payload: str) -> tuple[str, Changes] | None:
    """The sender and what changed; None for a payload that is not ours."""
    try:
        document = parse_json(payload.encode("utf-8"), max_depth=2)  # not json.loads: a deep nesting overflows it
        sender = document["from"]
        if document.get("all"):
            return sender, Changes(campuses=True)
        parts = [frozenset(uuid.UUID(hex=i) for i in document.get(KEYS[part], ())) for part in PARTS]
        assessments, answers, photos, plans, maps = parts
        told = Changes(assessments, answers, photos, plans, maps, campuses=bool(document.get("c")))
        return str(sender), told
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
