"""The names of a review packet's form fields, shared by the writer and the reader.

Names hold no period (a period separates the parts of a field's full name in a PDF form): an action's fields are
``action_<uuid>_stance`` and ``action_<uuid>_comment``; the packet's own are ``packet_…``.
"""

from __future__ import annotations

import re
import uuid

ASSESSMENT = "packet_assessment"
REVISION = "packet_revision"
NUMBER = "packet_number"
IDENTITY = (ASSESSMENT, REVISION, NUMBER)
"""Hidden, read-only fields carrying the packet's identity."""
REVIEWER = "packet_reviewer"
ROLE = "packet_role"
OVERALL = "packet_comment"
PUBLIC_OK = "packet_public_ok"
PACKET_FIELDS = frozenset({*IDENTITY, REVIEWER, ROLE, OVERALL, PUBLIC_OK})
STANCE, COMMENT = "stance", "comment"
CHECKED = "Yes"
"""The on-state of the public-report checkbox."""
NAME_MAX = 200
COMMENT_MAX = 5_000
_ACTION = re.compile(r"action_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(stance|comment)")


def action_field(action_id: uuid.UUID, part: str) -> str:
    return f"action_{action_id}_{part}"


def parse_action_field(name: str) -> tuple[uuid.UUID, str] | None:
    """The action id and part (stance or comment) a field name carries; None when it is not an action's field."""
    match = _ACTION.fullmatch(name)
    if match is None:
        return None
    return uuid.UUID(match.group(1)), match.group(2)
