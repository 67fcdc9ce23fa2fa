"""The names of a review packet's form fields, shared by the writer and the reader.

Names hold no period (a period separates the parts of a field's full name in a PDF form): an action's fields are
``action_<uuid>_stance`` and ``action_<uuid>_comment``; the packet's own are ``packet_…``.

The packet's identity is written twice: in hidden read-only fields (``packet_assessment``, ``packet_revision``,
``packet_number``) and in the *name* of the reviewer's name field, ``packet_reviewer_<uuid>_r<revision>_n<number>``.
Some readers (macOS Preview is reported to) drop or rename hidden read-only fields when they save, but no reader
that saves a filled form can rename the field the reviewer typed their name into: its name is how the value is
kept. Metadata cannot carry it (exported PDFs have none), and the footer's text is drawn in subset fonts that
readers may rewrite, so the field's name is the sturdiest second copy.
"""

from __future__ import annotations

import re
import uuid

from safety_assess.domain.review.model import PacketIdentity

ASSESSMENT = "packet_assessment"
REVISION = "packet_revision"
NUMBER = "packet_number"
IDENTITY = (ASSESSMENT, REVISION, NUMBER)
"""Hidden, read-only fields carrying the packet's identity."""
REVIEWER = "packet_reviewer"
"""The reviewer's name field; in packets since the identity rides in its name, followed by the identity."""
ROLE = "packet_role"
OVERALL = "packet_comment"
PUBLIC_OK = "packet_public_ok"
OWN_FIELDS = frozenset({ROLE, OVERALL, PUBLIC_OK})
"""The packet's own fields that every packet has under these very names (besides a reviewer's name field)."""
PACKET_FIELDS = frozenset({*IDENTITY, REVIEWER, *OWN_FIELDS})
STANCE, COMMENT = "stance", "comment"
NO_VIEW = "none"
"""The form's fifth choice per action, 'No view': a reviewer takes back a view (a radio choice cannot be unset);
read as no stance."""
CHECKED = "Yes"
"""The on-state of the public-report checkbox."""
NAME_MAX = 200
COMMENT_MAX = 5_000
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_ACTION = re.compile(rf"action_({_UUID})_(stance|comment)")
_REVIEWER = re.compile(rf"{REVIEWER}(?:_({_UUID})_r([0-9]{{1,9}})_n([0-9]{{1,9}}))?")


def action_field(action_id: uuid.UUID, part: str) -> str:
    return f"action_{action_id}_{part}"


def parse_action_field(name: str) -> tuple[uuid.UUID, str] | None:
    """The action id and part (stance or comment) a field name carries; None when it is not an action's field."""
    match = _ACTION.fullmatch(name)
    if match is None:
        return None
    return uuid.UUID(match.group(1)), match.group(2)


def reviewer_field(identity: PacketIdentity) -> str:
    """The name of the reviewer's name field, carrying the packet's identity."""
    return f"{REVIEWER}_{identity.assessment_id}_r{identity.plan_revision}_n{identity.packet_no}"


def is_reviewer_field(name: str) -> bool:
    return _REVIEWER.fullmatch(name) is not None


def identity_in(reviewer_name: str) -> PacketIdentity | None:
    """The identity the reviewer's name field's name carries; None for a plain ``packet_reviewer``."""
    match = _REVIEWER.fullmatch(reviewer_name)
    if match is None or match.group(1) is None:
        return None
    return PacketIdentity(uuid.UUID(match.group(1)), int(match.group(2)), int(match.group(3)))
