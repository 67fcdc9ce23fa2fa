"""Reading a filled review packet back: the form's values, whatever reader filled it (with or without the fields'
appearance streams), into a FilledPacket; anything else is a plain ReviewError naming the file.

The file is untrusted: its size is capped, pypdf's own limits stay on, and whatever pypdf raises on a damaged file
becomes a refusal, never a traceback.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from safety_assess.domain.review.model import ActionView, FilledPacket, PacketIdentity, ReviewError, Role, Stance
from safety_assess.reports import review_fields as names

SIZE_MAX = 50 * 1024 * 1024
"""A packet is a few hundred kilobytes; a larger file is refused before it is parsed."""
FIELDS_MAX = 20_000
OFF = "Off"


def read_packet(path: Path) -> FilledPacket:
    """The filled packet at ``path``."""
    values = _fields(path, _pdf(path))
    return _packet(path, values)


def _pdf(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > SIZE_MAX:
            raise ReviewError(f"{path.name}: it has {size:,} bytes, more than a review packet ever has")
        data = path.read_bytes()
    except OSError as error:
        raise ReviewError(f"{path.name}: it cannot be read ({error.strerror or error})") from None
    if b"%PDF-" not in data[:1024]:
        raise ReviewError(f"{path.name}: it is not a PDF")
    return data


def _fields(path: Path, data: bytes) -> dict[str, Any]:
    """Each field's full name and value (a radio group's chosen kid when the group itself holds no value)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ReviewError(f"{path.name}: it is encrypted; save the packet without a password and send it again")
        fields = reader.get_fields() or {}
        if len(fields) > FIELDS_MAX:
            raise ReviewError(f"{path.name}: its form has {len(fields):,} fields, more than a review packet has")
        return {str(name): _value(field) for name, field in fields.items()}
    except ReviewError:
        raise
    except Exception as error:  # a damaged or hostile file: whatever the parser meets is a refusal
        raise ReviewError(f"{path.name}: it is damaged and cannot be read as a PDF ({type(error).__name__})") from None


def _value(field: Mapping[str, Any]) -> Any:
    value = field.get("/V")
    if value is not None:
        return value
    for kid in field.get("/Kids") or ():
        state = kid.get_object().get("/AS")
        if state is not None and str(state).lstrip("/") != OFF:
            return state
    return None


def _packet(path: Path, values: dict[str, Any]) -> FilledPacket:
    if not values:
        raise ReviewError(f"{path.name}: it has no form; it is not a review packet")
    if not values.keys() >= names.PACKET_FIELDS:
        raise ReviewError(
            f"{path.name}: the packet's own fields are missing or were renamed; it is not a review packet"
        )
    identity = _identity(path, values)
    views = _views(path, values)
    reviewer = _text(path, values, names.REVIEWER, names.NAME_MAX).strip()
    if not reviewer and not any(view.stance for view in views):
        raise ReviewError(f"{path.name}: the packet was not filled in (no reviewer's name and no view of any action)")
    if not reviewer:
        raise ReviewError(f"{path.name}: the reviewer's name is missing")
    role = _choice(path, values, names.ROLE, "role")
    if role is None:
        raise ReviewError(f"{path.name}: no role was chosen for {reviewer}")
    return FilledPacket(
        identity=identity,
        reviewer=reviewer,
        role=_role(path, role),
        overall_comment=_text(path, values, names.OVERALL, names.COMMENT_MAX).strip(),
        public_ok=_checked(path, values),
        views=tuple(view for view in views if view.stance is not None or view.comment),
    )


def _identity(path: Path, values: dict[str, Any]) -> PacketIdentity:
    try:
        return PacketIdentity(
            assessment_id=uuid.UUID(_text(path, values, names.ASSESSMENT, 100)),
            plan_revision=int(_text(path, values, names.REVISION, 20)),
            packet_no=int(_text(path, values, names.NUMBER, 20)),
        )
    except ValueError:
        raise ReviewError(
            f"{path.name}: the packet's identity (assessment, plan revision, number) was altered"
        ) from None


def _views(path: Path, values: dict[str, Any]) -> list[ActionView]:
    parts: dict[uuid.UUID, set[str]] = {}
    for name in values:
        if name in names.PACKET_FIELDS:
            continue
        parsed = parse_or_refuse(path, name)
        parts.setdefault(parsed[0], set()).add(parsed[1])
    views = []
    for action_id, found in parts.items():
        if found != {names.STANCE, names.COMMENT}:
            raise ReviewError(f"{path.name}: the fields of action {action_id} are incomplete or were renamed")
        stance = _choice(path, values, names.action_field(action_id, names.STANCE), f"view of action {action_id}")
        comment = _text(path, values, names.action_field(action_id, names.COMMENT), names.COMMENT_MAX).strip()
        views.append(ActionView(action_id, None if stance is None else _stance(path, stance, action_id), comment))
    return views


def parse_or_refuse(path: Path, name: str) -> tuple[uuid.UUID, str]:
    parsed = names.parse_action_field(name)
    if parsed is None:
        raise ReviewError(f"{path.name}: its form has a field '{name[:80]}' that a review packet does not have")
    return parsed


def _role(path: Path, value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise ReviewError(f"{path.name}: '{value}' is not a role: use one of {', '.join(Role)}") from None


def _stance(path: Path, value: str, action_id: uuid.UUID) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise ReviewError(f"{path.name}: '{value[:40]}' is not a view of action {action_id}") from None


def _text(path: Path, values: dict[str, Any], name: str, longest: int) -> str:
    value = values.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ReviewError(f"{path.name}: the field '{name}' holds no text")
    if len(value) > longest:
        raise ReviewError(f"{path.name}: the field '{name}' has {len(value):,} characters, more than {longest:,}")
    return str(value)


def _choice(path: Path, values: dict[str, Any], name: str, what: str) -> str | None:
    """The chosen value of a radio group: None when none is chosen."""
    value = values.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReviewError(f"{path.name}: the {what} is not a choice")
    chosen = str(value).lstrip("/")
    return None if chosen in (OFF, "") else chosen[:60]


def _checked(path: Path, values: dict[str, Any]) -> bool:
    chosen = _choice(path, values, names.PUBLIC_OK, "permission for the public report")
    if chosen not in (None, names.CHECKED):
        raise ReviewError(f"{path.name}: '{chosen}' is not a choice of the permission for the public report")
    return chosen == names.CHECKED
