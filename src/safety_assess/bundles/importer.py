"""Importing bundles: verify everything first (bundles/verify.py), then apply each bundle in one transaction."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.base.jobs import Cancelled, Changes, Progress
from safety_assess.bundles.manifest import Manifest
from safety_assess.bundles.safezip import BundleError
from safety_assess.bundles.team_import import check_team_pack, check_team_sections, team_adoption
from safety_assess.bundles.verify import VerifiedBundle, opened_bundle
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.team import TeamAssignment
from safety_assess.keys.sealed import is_sealed
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.store import PhotoStore
from safety_assess.storage.bundle_apply import (
    DeviceClaim,
    Outcome,
    Result,
    UntrustedDevice,
    apply_bundle,
    prepare,
    prepare_drills,
    prepare_plans,
    prepare_reviews,
    vouch_for,
)
from safety_assess.storage.bundle_drills import DrillsOutcome
from safety_assess.storage.bundle_plans import PlansOutcome
from safety_assess.storage.bundle_reviews import ReviewsOutcome
from safety_assess.storage.database import Database
from safety_assess.storage.readiness import take_readiness
from safety_assess.storage.team_given import record_work_received

__all__ = [
    "BundleOutcome",
    "Destination",
    "DeviceClaim",
    "ImportReport",
    "import_bundle",
    "import_bundles",
    "never",
    "refusal",
]

Trust = Callable[[DeviceClaim], bool]
logger = logging.getLogger(__name__)


def _no_district_key(sealed: Path, _folder: Path) -> Path:
    raise BundleError(f"{sealed.name}: it is encrypted to a district key, and this installation holds none")


def _nothing(_changed: set[uuid.UUID]) -> None:
    return None


@dataclass(frozen=True)
class Destination:
    """Where bundles are imported: a database and its photo store; how a sealed bundle is opened (its path and a
    private folder in, the plain bundle's path out, BundleError when it cannot be); and what to do with the ids of
    the assessments a bundle added or changed once it is applied (a failure there is logged, never a refusal)."""

    database: Database
    photo_store: PhotoStore
    unseal: Callable[[Path, Path], Path] = _no_district_key
    applied: Callable[[set[uuid.UUID]], object] = _nothing


def never(_: DeviceClaim) -> bool:
    """Trust no device not already known (the default: trusting a new one is a person's decision)."""
    return False


@dataclass
class ImportReport:
    path: Path
    fingerprint: str = ""
    exporter: str = ""
    outcomes: list[Outcome] = field(default_factory=list)
    sealed: bool = False
    """It came encrypted to this district."""
    plans: list[PlansOutcome] = field(default_factory=list)
    """What each campus's site plans brought."""
    reviews: list[ReviewsOutcome] = field(default_factory=list)
    """What each assessment's review brought."""
    drills: list[DrillsOutcome] = field(default_factory=list)
    """What each campus's drill log brought."""
    team: TeamAssignment | None = None
    """Set when it was a team pack: the assessment is now this laptop's to work on, with these sections."""
    readiness: bool = False
    """A campus pack's readiness settings (drill rules, terms, targets) changed this installation's."""

    def count(self, result: Result) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    @property
    def result(self) -> str:
        """The file's result in one word: the most telling of its assessments' and plan records' (a conflict first,
        then added, updated, older; unchanged when all are)."""
        results = {o.result for o in self.outcomes}
        records: list[PlansOutcome | ReviewsOutcome | DrillsOutcome] = [*self.plans, *self.reviews, *self.drills]
        results |= {Result.ADDED for p in records if p.added} | {Result.UPDATED for p in records if p.updated}
        order = (Result.CONFLICT, Result.ADDED, Result.UPDATED, Result.OLDER)
        return next((r.value for r in order if r in results), Result.UNCHANGED.value)

    @property
    def maps_changed(self) -> frozenset[uuid.UUID]:
        """The campuses (ours) whose site plans the bundle changed."""
        return frozenset(p.campus_id for p in self.plans if p.changed)

    @property
    def drills_changed(self) -> bool:
        """The bundle added or changed a drill."""
        return any(d.changed for d in self.drills)

    @property
    def already_imported(self) -> bool:
        reviewed = any(r.changed for r in self.reviews) or self.drills_changed or self.readiness
        unchanged = all(o.result == Result.UNCHANGED for o in self.outcomes) and not self.maps_changed and not reviewed
        return bool(self.outcomes or self.plans or self.drills) and unchanged

    def summary(self) -> str:
        if self.already_imported:
            return f"{self.path.name}: already imported"
        counts = ", ".join(f"{self.count(r)} {r.value}" for r in Result if self.count(r))
        records = self._records_summary()
        said = counts or ("no assessment" if records else "nothing to import")
        told = f"{self.path.name}: {said} (from {self.fingerprint}){records}"
        if self.team is not None:
            told += f"; a team assessment to work on here, your sections: {', '.join(self.team.sections)}"
        return "\n".join([told, *self.late_work(), *self.relabeled()])

    def relabeled(self) -> list[str]:
        """One line per group instance of the bundle renamed here (one of ours had its label)."""
        return [
            f"Assessment {o.named}: '{r.was}' ({r.group_id}) was added on two laptops as different ones; the "
            f"bundle's is kept as '{r.label}'"
            for o in self.outcomes
            for r in o.relabeled
        ]

    def late_work(self) -> list[str]:
        """One line per completed assessment the bundle's changes reopened."""
        return [o.late.told(o.named) for o in self.outcomes if o.late is not None]

    def _records_summary(self) -> str:
        told = ""
        every: tuple[tuple[str, list[PlansOutcome] | list[ReviewsOutcome] | list[DrillsOutcome]], ...] = (
            ("plans, markers, walls or zones", self.plans),
            ("review records", self.reviews),
            ("drills", self.drills),
        )
        for what, records in every:
            added, updated = sum(p.added for p in records), sum(p.updated for p in records)
            counts = " and ".join(f"{n} {word}" for n, word in ((added, "added"), (updated, "updated")) if n)
            told += f"; {what}: {counts}" if counts else ""
        clashes = [f"{d.campus}, drill {clash}" for d in self.drills for clash in d.clashes]
        if clashes:
            told += f"; drill fields changed apart on both sides, ours kept: {'; '.join(clashes)}"
        return told + ("; the district's drill rules, terms and targets taken" if self.readiness else "")


def import_bundle(
    destination: Destination, path: Path, trust: Trust = never, progress: Progress | None = None
) -> ImportReport:
    """Verify the bundle (decrypting it first when it is sealed to this district), then apply it in one
    transaction; BundleError or ImportRefused leave everything as it was. The signer is checked (and ``trust``
    asked about a new device) before any entry is extracted. The decrypted bundle and the verified photos live in
    a private folder beside the photo store, removed afterwards; photos move from it into the store by renaming,
    and get their renditions when first shown."""
    store = destination.photo_store
    folder = store.scratch()

    def vouch(manifest: Manifest) -> None:
        check_team_pack(destination.database, manifest)  # first: a pack made here is refused as such
        vouch_for(destination.database, _claim(manifest), trust)

    try:
        plain = destination.unseal(path, folder) if is_sealed(path) else path
        with opened_bundle(plain, folder, progress, vouch) as verified:
            check_team_sections(verified.manifest, verified.documents)
            team, finish = team_adoption(verified.manifest)
            readiness = verified.readiness
            prepared = prepare(list(verified.documents.values()))
            plans = prepare_plans(list(verified.plans.values()))
            reviews = prepare_reviews(list(verified.reviews.values()))
            drills = prepare_drills(list(verified.drills.values()))
            claim = _claim(verified.manifest)
            packs = {uuid.UUID(a): uuid.UUID(p) for a, p in verified.manifest.team_work.items()}
            stored = _photo_storer(store, verified)
            vouched = lambda _: True  # noqa: E731
            applied = apply_bundle(
                destination.database, claim, vouched, prepared, stored, store.sync, plans, reviews, finish, drills
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    _after_apply(destination, applied.outcomes)
    _team_work_back(destination.database, claim.fingerprint, applied.outcomes, packs)
    sealed = plain != path
    report = ImportReport(path, claim.fingerprint, claim.exporter, applied.outcomes, sealed, applied.plans)
    report.reviews, report.team, report.drills = applied.reviews, team, applied.drills
    if readiness is not None:  # a campus pack: the district's settings, unless they were set here
        report.readiness = take_readiness(destination.database, readiness, claim.installation_id)
    return report


def _claim(manifest: Manifest) -> DeviceClaim:
    device = manifest.device
    return DeviceClaim(device.installation_id, device.public_key, device.fingerprint, manifest.exporter)


def changed_by(outcomes: list[Outcome]) -> set[uuid.UUID]:
    """The assessments (and conflicting copies) a bundle added or changed."""
    return {i for o in outcomes if o.result != Result.UNCHANGED for i in (o.assessment_id, o.copy_id) if i}


def _after_apply(destination: Destination, outcomes: list[Outcome]) -> None:
    changed = changed_by(outcomes)
    try:
        destination.applied(changed)
    except Exception:  # the import is committed: whatever fails here must not report it as refused
        logger.exception("after importing %s", sorted(map(str, changed)))


def _team_work_back(
    database: Database, fingerprint: str, outcomes: list[Outcome], packs: dict[uuid.UUID, uuid.UUID]
) -> None:
    """The assessments it changed that this laptop gave as team packs record the device their work came from, on
    the pack the bundle names (``packs``: assessment -> pack), else the one its device answers."""
    merged = [o.assessment_id for o in outcomes if o.result in (Result.UPDATED, Result.CONFLICT)]
    try:
        record_work_received(database, merged, fingerprint, dt.datetime.now(dt.UTC), packs)
    except Exception:  # the import is committed: a record of who did the work must not report it as refused
        logger.exception("recording team work from %s", fingerprint)


def _photo_storer(store: PhotoStore, verified: VerifiedBundle) -> Callable[[str], tuple[str, str]]:
    """Stores a photo or a plan image of the bundle, by its entry name."""

    def stored(name: str) -> tuple[str, str]:
        photo = verified.photos.get(name) or verified.plan_images[name]
        extension = name.rsplit(".", 1)[-1].lower()
        try:
            store.adopt(photo.path, photo.sha256, extension, flush=False)  # made durable at once before commit
        except PhotoError as error:
            what = "plan image" if name.startswith("plan-images/") else "photo"
            raise BundleError(f"{verified.path.name}: {what} '{name}' cannot be stored ({error})") from None
        return photo.sha256, extension

    return stored


@dataclass
class BundleOutcome:
    """How one bundle of a batch went: imported (``report``), refused (``reason``), or waiting for a person to
    trust its device (``untrusted``)."""

    path: Path
    report: ImportReport | None = None
    reason: str = ""
    """Why it was refused, without the file name (said once, before it)."""
    untrusted: DeviceClaim | None = None


def refusal(path: Path, error: Exception) -> str:
    """Why a bundle was refused, without the file name most messages start with."""
    return str(error).removeprefix(f"{path.name}: ")


def import_one(destination: Destination, path: Path, trust: Trust, progress: Progress | None = None) -> BundleOutcome:
    """One bundle of a batch, imported or refused on its own: whatever goes wrong with it is its refusal (an
    unexpected error is logged and told as such), never the end of the batch."""
    try:
        return BundleOutcome(path, import_bundle(destination, path, trust, progress))
    except UntrustedDevice as refused:
        return BundleOutcome(path, reason=refusal(path, refused), untrusted=refused.claim)
    except SafetyAssessError as error:
        return BundleOutcome(path, reason=refusal(path, error))
    except Cancelled:
        raise
    except Exception:
        logger.exception("importing %s failed", path)
        return BundleOutcome(path, reason="it could not be imported because of an error in the app (see the log)")


def import_bundles(
    destination: Destination,
    paths: Sequence[Path],
    trusted: Collection[str] = (),
    progress: Progress | None = None,
    into: list[BundleOutcome] | None = None,
) -> list[BundleOutcome]:
    """Import each bundle on its own (one refused does not stop the others); devices are trusted when known or
    when their fingerprint is in ``trusted``. Meant for the background-operation helper: stops between and
    within bundles when cancelled (nothing of the bundle being checked is written). Each outcome is appended to
    ``into`` as soon as it is known, so a caller whose batch was cancelled can still tell what was applied."""
    progress = progress or Progress()
    outcomes = into if into is not None else []
    for path in paths:
        progress.check()
        outcome = import_one(destination, path, lambda claim: claim.fingerprint in trusted, progress)
        outcomes.append(outcome)
        if outcome.report is not None:
            changed, maps = changed_by(outcome.report.outcomes), outcome.report.maps_changed
            drills = outcome.report.drills_changed or outcome.report.readiness
            progress.record(
                Changes(assessments=frozenset(changed), maps=maps, campuses=bool(changed or maps or drills))
            )
    return outcomes
