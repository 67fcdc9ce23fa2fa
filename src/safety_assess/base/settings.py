"""User settings in the data folder: a versioned JSON file, migrated step by step, written atomically.

Plain dataclasses rather than Pydantic: settings are read on every start, before the main window shows. A
``Settings`` is a value (frozen): the running app holds one, in services.settings.SettingsStore, changed only
through its ``save()``. Reading a file here changes nothing else.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from safety_assess.base.atomic import write_text
from safety_assess.domain.versions import version_problem

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _backups_encrypted(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 encrypts backups. Settings from before had no say in it: the choice is left open (the district
    key when one is loaded, else the user is asked), never "not encrypted" on their behalf."""
    return {**data, "backup_encryption": ""}


MIGRATIONS: dict[int, Migration] = {1: _backups_encrypted}
"""Step from settings version N to N+1."""


PUBLIC_OMISSIONS = ("photos", "locations", "finding_details", "notes", "responses")
"""Parts of a report that can be left out of its public version: photos; where each finding is; each finding's
title, description and item-level detail (only counts and the plan remain); notes; the full responses."""


@dataclasses.dataclass(frozen=True)
class Settings:
    schema_version: int = SETTINGS_VERSION
    assessor_name: str = ""
    main_window_geometry: str = ""
    """Qt window geometry, base64."""
    share_photo_location: bool = False
    """A district decision: when true, exported photos keep their GPS position (never camera serial numbers)."""
    district_name: str = ""
    confidentiality_marking: str = "Confidential - security-sensitive"
    """Printed on every page of a full report."""
    public_report_omits: list[str] = dataclasses.field(default_factory=lambda: list(PUBLIC_OMISSIONS))
    """What the public version of a report leaves out; see PUBLIC_OMISSIONS."""
    public_report_plans: bool = False
    """Whether the public version of a report shows the campus's site plans with its findings pinned (the full
    version always does). Off by default: a plan shows where a school is weak. Settings from before it: off."""
    currency: str = "$"
    """Shown with every amount: one character before it ($1,200, €1,200), a code after it (1,200 CHF)."""
    phase_names: dict[str, str] = dataclasses.field(default_factory=dict)
    """The district's names for the default phases (immediate, short_term, long_term), by id; empty: as shipped."""
    phase_days: dict[str, int] = dataclasses.field(default_factory=dict)
    """Days after the assessment each default phase's actions are due, by id; empty: as shipped."""
    welcomed: bool = False
    """The first-run welcome was shown (and answered or closed)."""
    database_url: str = ""
    """A district's shared PostgreSQL database (postgresql+psycopg://user@host/name); empty for the data folder's
    own SQLite file. Keep the password out of it: the driver reads ~/.pgpass and PGPASSWORD."""
    backup_every_hours: int = 24
    """The app backs the data folder up by itself when its newest backup is this old; 0: only when asked."""
    backups_kept: int = 10
    """How many backups the backups folder keeps; older ones are removed after each new one."""
    backup_folder: str = ""
    """Where backups go; empty: the data folder's backups/. A drive kept apart from the laptop is safer (backups
    are encrypted, see backup_encryption)."""
    backup_encryption: str = ""
    """How backups are protected: "district" (sealed to the district key loaded for bundles; only the district can
    open them), "passphrase" (its key is kept in the data folder), "none" (not encrypted: only when chosen), or ""
    (not chosen yet: the district key when one is loaded, else no backup is made until the user chooses)."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Known fields, each checked against its type; unknown ones are ignored."""
        values: dict[str, Any] = {}
        defaults = cls()
        for field in dataclasses.fields(cls):
            if field.name in data:
                value, expected = data[field.name], type(getattr(defaults, field.name))
                if type(value) is not expected and not (expected is float and type(value) is int):
                    raise ValueError(f"'{field.name}' must be {expected.__name__}, got {value!r}")
                _check_entries(field.name, value)
                values[field.name] = value
        return cls(**values)


ENTRY_TYPES: dict[str, type] = {"phase_names": str, "phase_days": int}
RANGES: dict[str, tuple[int, int]] = {"backup_every_hours": (0, 24 * 366), "backups_kept": (1, 1000)}
CHOICES: dict[str, tuple[str, ...]] = {"backup_encryption": ("", "district", "passphrase", "none")}


def _check_entries(name: str, value: Any) -> None:
    """Whole numbers stay in their range; the values inside a mapping setting have their type too (days: a whole
    number from 1 to 3650)."""
    if name in RANGES and not RANGES[name][0] <= value <= RANGES[name][1]:
        low, high = RANGES[name]
        raise ValueError(f"'{name}' must be from {low} to {high}, got {value!r}")
    if name in CHOICES and value not in CHOICES[name]:
        raise ValueError(f"'{name}' must be one of {', '.join(map(repr, CHOICES[name]))}, got {value!r}")
    kind = ENTRY_TYPES.get(name)
    if kind is None:
        return
    for key, entry in value.items():
        if type(entry) is not kind or (isinstance(entry, int) and not 1 <= entry <= 3650):
            raise ValueError(
                f"'{name}.{key}' must be {'days from 1 to 3650' if kind is int else 'text'}, got {entry!r}"
            )


def load_settings(path: Path) -> Settings:
    """The saved settings, or defaults when there are none. A damaged file is set aside, never lost."""
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
        return Settings.from_dict(migrate_settings(data))
    except (OSError, ValueError) as error:
        aside = path.with_name(f"{path.name}.unreadable-{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S%fZ}")
        log.warning("settings file %s could not be read (%s); kept as %s, using defaults", path, error, aside)
        path.replace(aside)
        return Settings()


def migrate_settings(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("schema_version", 1)
    problem = version_problem(version, SETTINGS_VERSION, "use them")
    if problem is not None:
        raise ValueError(f"the settings: {problem}")
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


def save_settings(path: Path, settings: Settings) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over the old file."""
    text = json.dumps(dataclasses.asdict(settings), indent=2)
    write_text(path, text)
