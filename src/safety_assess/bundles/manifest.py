"""The manifest of a sync bundle: what the bundle holds, who made it, and the hash of every other entry.

It is the one entry that is signed (``manifest.sig`` holds the Ed25519 signature of its exact bytes), so checking the
signature and then every entry against it proves nothing was altered, added or left out. See docs/bundle-format.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from safety_assess.base.json_guard import JsonProblem, parse_json
from safety_assess.domain.checklist.wording import plain
from safety_assess.domain.versions import version_problem

FORMAT: Final = "safety-assess-bundle"
FORMAT_VERSION: Final = 6
"""6 added spot checks (an assessment's ``spot_check_id``, the campuses' schedules in their drills documents,
``spot_checks``) and the district's readiness settings in a campus pack (``readiness``, the ``readiness.json``
entry); 5 added team pack ids (``team.pack``, ``team_work``) and the campuses' drill logs (``drills``, ``drills/``
entries); 4 added team packs (``team``); 3 added the assessments' reviews (``reviews``, ``reviews/`` entries); 2
added the campuses' site plans (``site_plans``, ``site-plans/`` and ``plan-images/`` entries); 1 is read as a bundle
without plans, 2 as one without reviews, 3 as one that is no team pack, 4 as one naming no team pack and without
drills, 5 as one without spot checks nor readiness settings."""
PLANS_SINCE: Final = 2
REVIEWS_SINCE: Final = 3
TEAM_SINCE: Final = 4
TEAM_WORK_SINCE: Final = 5
DRILLS_SINCE: Final = 5
READINESS_SINCE: Final = 6
READINESS_ENTRY: Final = "readiness.json"
UUID_PATTERN: Final = r"^[0-9a-f-]{36}$"
PLAN_ENTRIES: Final = ("site-plans/", "plan-images/")
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
ENTRY_PATH = re.compile(
    r"^(assessments/[0-9a-f-]{36}\.json|photos/[0-9a-f]{64}\.(jpg|jpeg|png|webp|tif|tiff|heic|heif)"
    r"|site-plans/[0-9a-f-]{36}\.json|reviews/[0-9a-f-]{36}\.json|drills/[0-9a-f-]{36}\.json|readiness\.json"
    r"|plan-images/[0-9a-f]{64}\.(jpg|jpeg|png))$"
)
"""The only entry names a bundle may hold besides the manifest and its signature."""
SECTION_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")


class ManifestError(ValueError):
    """The manifest is not valid JSON, not of this format, or not of a version this app reads."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Device(Strict):
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$", description="Raw Ed25519 public key, hex.")
    fingerprint: str = Field(pattern=r"^SA(-[0-9A-F]{4}){8}$")
    installation_id: str = Field(min_length=1, max_length=80)


class EntryRecord(Strict):
    path: str = Field(description="Name of the entry in the archive.")
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")

    @field_validator("path")
    @classmethod
    def _known_path(cls, value: str) -> str:
        if not ENTRY_PATH.match(value):
            raise ValueError(f"'{value}' is not a name a bundle entry may have")
        return value


class TeamPack(Strict):
    """What makes a bundle a team pack: the assessment a second laptop is given to work on, and its sections."""

    assessment: str = Field(pattern=UUID_PATTERN, description="Id of the team assessment (one of the bundle's).")
    pack: str | None = Field(
        None, pattern=UUID_PATTERN, description="Id of this team pack, named by the work that comes back (format 5)."
    )
    sections: list[str] = Field(
        min_length=1,
        max_length=500,
        description="Ids of the checklist sections the second laptop is asked to do (every one when asked for all).",
    )

    @field_validator("sections")
    @classmethod
    def _section_ids(cls, value: list[str]) -> list[str]:
        if any(not SECTION_ID.match(s) for s in value) or len(set(value)) != len(value):
            raise ValueError("the team pack's sections are not distinct section ids")
        return value


class Manifest(Strict):
    format: Literal["safety-assess-bundle"]
    format_version: int = Field(ge=1)
    app_version: str = Field(max_length=40)
    device: Device
    exporter: str = Field(max_length=200, description="The assessor who exported the bundle.")
    created_at: dt.datetime
    assessments: list[str] = Field(description="Ids of the assessments inside, one JSON entry each.")
    site_plans: list[str] = Field(
        default_factory=list,
        description="Ids of the campuses whose site plans are inside, one site-plans/<id>.json entry each (format 2).",
    )
    reviews: list[str] = Field(
        default_factory=list,
        description="Ids of the assessments whose reviews are inside, one reviews/<id>.json entry each (format 3).",
    )
    drills: list[str] = Field(
        default_factory=list,
        description="Ids of the campuses whose drill logs are inside, one drills/<id>.json entry each (format 5).",
    )
    readiness: bool = Field(
        False,
        description="A campus pack from the district: the district's drill rules, terms and targets are inside, in "
        "the readiness.json entry (format 6).",
    )
    team: TeamPack | None = Field(
        None, description="Set on a team pack: a second laptop's share of the assessment's walk (format 4)."
    )
    team_work: dict[str, str] = Field(
        default_factory=dict,
        max_length=10_000,
        description="Team assessments inside (id) -> the id of the team pack each came in, on a second laptop's "
        "bundle (format 5).",
    )
    entries: list[EntryRecord]

    @field_validator("created_at")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("created_at needs a time zone")
        return value

    @model_validator(mode="after")
    def _plans_since_format_2(self) -> Manifest:
        plan_entries = any(e.path.startswith(PLAN_ENTRIES) for e in self.entries)
        if self.format_version < PLANS_SINCE and (self.site_plans or plan_entries):
            raise ValueError(f"a bundle of format {self.format_version} holds no site plans")
        reviews = any(e.path.startswith("reviews/") for e in self.entries)
        if self.format_version < REVIEWS_SINCE and (self.reviews or reviews):
            raise ValueError(f"a bundle of format {self.format_version} holds no reviews")
        if not set(self.reviews) <= set(self.assessments):
            raise ValueError("it names the reviews of an assessment it does not hold")
        drills = any(e.path.startswith("drills/") for e in self.entries)
        if self.format_version < DRILLS_SINCE and (self.drills or drills):
            raise ValueError(f"a bundle of format {self.format_version} holds no drills")
        listed = any(e.path == READINESS_ENTRY for e in self.entries)
        if self.readiness != listed or (listed and self.format_version < READINESS_SINCE):
            raise ValueError("its readiness settings and its entries do not agree")
        if self.team is not None and self.format_version < TEAM_SINCE:
            raise ValueError(f"a bundle of format {self.format_version} is no team pack")
        if self.team is not None and self.team.assessment not in self.assessments:
            raise ValueError("it is a team pack of an assessment it does not hold")
        return self._team_work()

    def _team_work(self) -> Manifest:
        named = self.team_work or (self.team is not None and self.team.pack is not None)
        if named and self.format_version < TEAM_WORK_SINCE:
            raise ValueError(f"a bundle of format {self.format_version} names no team packs")
        if not set(self.team_work) <= set(self.assessments):
            raise ValueError("it names the team pack of an assessment it does not hold")
        if any(not re.match(UUID_PATTERN, pack) for pack in self.team_work.values()):
            raise ValueError("it names a team pack by something that is not an id")
        return self


def manifest_bytes(manifest: Manifest) -> bytes:
    """The exact bytes that are written and signed: sorted keys, no spaces that vary, UTF-8."""
    return json.dumps(manifest.model_dump(mode="json"), sort_keys=True, separators=(",", ":")).encode()


def parse_manifest(data: bytes) -> Manifest:
    """The manifest in ``data``; ManifestError with a one-line reason otherwise (a newer format says so)."""
    try:
        raw: Any = parse_json(data)
    except JsonProblem as problem:
        raise ManifestError(f"the manifest: {problem}") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ManifestError("this is not a Safety Assess bundle (its manifest names another format)")
    newer_or_damaged = version_problem(raw.get("format_version"), FORMAT_VERSION, "import it")
    if newer_or_damaged is not None:
        raise ManifestError(newer_or_damaged)
    try:
        return Manifest.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ManifestError(f"its manifest is damaged or was altered ({where}: {plain(first)})") from None


def manifest_json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Safety Assess bundle manifest",
        "description": "manifest.json of a .sabundle file. See docs/bundle-format.md.",
        **{k: v for k, v in Manifest.model_json_schema().items() if k not in ("title", "description")},
    }
