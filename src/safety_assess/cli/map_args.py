"""What the ``map`` commands share: making a sub-command, and reading numbers and ids as typed."""

from __future__ import annotations

import argparse
import math
import uuid
from collections.abc import Callable
from typing import Any

from safety_assess.domain.sitemap.model import MapError

Handler = Callable[[argparse.Namespace], int]


def command(sub: Any, common: argparse.ArgumentParser, name: str, text: str, handler: Handler) -> Any:
    parser = sub.add_parser(name, parents=[common], help=text, description=text)
    parser.set_defaults(handler=handler)
    return parser


def metres(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise MapError(f"'{text}' is not a distance: write the metres between the points, such as 25 or 12.5") from None
    if not math.isfinite(value):
        raise MapError(f"'{text}' is not a distance: write the metres between the points, such as 25 or 12.5")
    return value


def full_id(text: str | None, what: str) -> uuid.UUID | None:
    if text is None:
        return None
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise MapError(f"'{text}' is not a {what} id: give its full id") from None
