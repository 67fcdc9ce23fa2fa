"""Reading a filled review packet back: the form's values, whatever reader filled it (with or without the fields'
appearance streams), into a FilledPacket; anything else is a plain ReviewError naming the file.

The file is untrusted: its size is capped, the field tree's depth and size are capped and a loop in it is caught
(``review_pdf``), and whatever pikepdf raises on a damaged file becomes a refusal, never a traceback.

The packet's identity comes from its hidden fields, or, when a reader dropped them, from the name of the reviewer's
name field (see ``review_fields``); a packet with neither is refused.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path
from typing import Any

import pikepdf

from safety_assess.domain.review.model import ActionView, FilledPacket, PacketIdentity, ReviewError, Role, Stance
from safety_assess.reports import review_fields as names
from safety_assess.reports import review_pdf

SIZE_MAX = 50 * 1024 * 1024
"""A packet is a few hundred kilobytes; a larger file is refused before it is parsed."""
OFF, ON = "off", names.CHECKED.lower()
"""Choices are read in any case ('/Support' is support)."""


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
    """Each field's full name and value (a radio group's chosen widget's state when the group holds no value)."""
    try:
        with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise pikepdf.PasswordError
            values = review_pdf.form_values(pdf)
    except pikepdf.PasswordError:
        raise ReviewError(
            f"{path.name}: it is encrypted; save the packet without a password and send it again"
        ) from None
    except Exception as error:  # a damaged or hostile file: whatever the parser meets is a refusal
        raise ReviewError(f"{path.name}: it is damaged and cannot be read as a PDF ({type(error).__name__})") from None
    if len(values) >= review_pdf.FIELDS_MAX:
        raise ReviewError(f"{path.name}: its form has at least {len(values):,} fields, more than a review packet has")
    return values


def _packet(path: Path, values: dict[str, Any]) -> FilledPacket:
    if not values:
        raise ReviewError(f"{path.name}: it has no form; it is not a review packet")
    field = _reviewer_field(path, values)
    identity = _identity(path, values, field)
    views = _views(path, values, field)
    reviewer = _text(path, values, field, names.NAME_MAX).strip()
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


def _reviewer_field(path: Path, values: dict[str, Any]) -> str:
    """The name of the reviewer's name field, once the packet's own fields are all there."""
    reviewer = [name for name in values if names.is_reviewer_field(name)]
    if len(reviewer) != 1 or not values.keys() >= names.OWN_FIELDS:
        raise ReviewError(
            f"{path.name}: the packet's own fields are missing or were renamed; it is not a review packet"
        )
    return reviewer[0]


def _identity(path: Path, values: dict[str, Any], reviewer_field: str) -> PacketIdentity:
    """From the hidden fields; from the reviewer's field's name when a reader dropped them. Both must agree."""
    named = names.identity_in(reviewer_field)
    if not all(name in values for name in names.IDENTITY):
        if named is None:
            raise ReviewError(
                f"{path.name}: the packet's identity (assessment, plan revision, number) is missing; "
                "it is not a review packet, or the program that saved it removed it"
            )
        return named
    try:
        hidden = PacketIdentity(
            assessment_id=uuid.UUID(_text(path, values, names.ASSESSMENT, 100)),
            plan_revision=int(_text(path, values, names.REVISION, 20)),
            packet_no=int(_text(path, values, names.NUMBER, 20)),
        )
    except ValueError:
        hidden = None
    if hidden is None or named not in (None, hidden):
        raise ReviewError(f"{path.name}: the packet's identity (assessment, plan revision, number) was altered")
    return hidden


def _views(path: Path, values: dict[str, Any], reviewer_field: str) -> list[ActionView]:
    parts: dict[uuid.UUID, set[str]] = {}
    for name in values:
        if name in names.PACKET_FIELDS or name == reviewer_field:
            continue
        parsed = parse_or_refuse(path, name)
        parts.setdefault(parsed[0], set()).add(parsed[1])
    views = []
    for action_id, found in parts.items():
        if found != {names.STANCE, names.COMMENT}:
            raise ReviewError(f"{path.name}: the fields of action {action_id} are incomplete or were renamed")
        stance = _choice(path, values, names.action_field(action_id, names.STANCE), f"view of action {action_id}")
        comment = _text(path, values, names.action_field(action_id, names.COMMENT), names.COMMENT_MAX).strip()
        views.append(ActionView(action_id, _stance(path, stance, action_id), comment))
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


def _stance(path: Path, value: str | None, action_id: uuid.UUID) -> Stance | None:
    """The view chosen; None for none, or for 'no view' (the choice that takes a view back)."""
    if value is None or value == names.NO_VIEW:
        return None
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
    chosen = str(value).lstrip("/").strip().lower()
    return None if chosen in (OFF, "") else chosen[:60]


def _checked(path: Path, values: dict[str, Any]) -> bool:
    chosen = _choice(path, values, names.PUBLIC_OK, "permission for the public report")
    if chosen not in (None, ON):
        raise ReviewError(f"{path.name}: '{chosen}' is not a choice of the permission for the public report")
    return chosen == ON
