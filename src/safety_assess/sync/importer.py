"""Importing bundles: verify everything first (sync/verify.py), then apply each bundle in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.photos.decode import PhotoError
from safety_assess.photos.ingest import remake_renditions
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import DeviceClaim, Outcome, Result, apply_bundle, prepare
from safety_assess.sync.safezip import BundleError
from safety_assess.sync.verify import VerifiedBundle, opened_bundle

Trust = Callable[[DeviceClaim], bool]


def never(_: DeviceClaim) -> bool:
    """Trust no device not already known (the default: trusting a new one is a person's decision)."""
    return False


@dataclass
class ImportReport:
    path: Path
    fingerprint: str = ""
    exporter: str = ""
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, result: Result) -> int:
        return sum(1 for o in self.outcomes if o.result == result)

    @property
    def already_imported(self) -> bool:
        return bool(self.outcomes) and all(o.result == Result.UNCHANGED for o in self.outcomes)

    def summary(self) -> str:
        if self.already_imported:
            return f"{self.path.name}: already imported"
        counts = ", ".join(f"{self.count(r)} {r.value}" for r in Result if self.count(r))
        return f"{self.path.name}: {counts or 'nothing to import'} (from {self.fingerprint})"


def import_bundle(workspace: Workspace, path: Path, trust: Trust = never) -> ImportReport:
    """Verify the bundle, then apply it in one transaction; BundleError or ImportRefused leave everything as it was
    (a refused bundle writes nothing; one refused while applying may leave photo files no record uses, which are
    removed at the next start)."""
    with opened_bundle(path) as verified:
        prepared = prepare(list(verified.documents.values()))
        device = verified.manifest.device
        claim = DeviceClaim(device.installation_id, device.public_key, device.fingerprint, verified.manifest.exporter)
        outcomes = apply_bundle(workspace.database, claim, trust, prepared, _photo_storer(workspace, verified))
    return ImportReport(path, device.fingerprint, verified.manifest.exporter, outcomes)


def _photo_storer(workspace: Workspace, verified: VerifiedBundle) -> Callable[[str], tuple[str, str]]:
    store = workspace.photo_store

    def stored(name: str) -> tuple[str, str]:
        extension = name.rsplit(".", 1)[-1]
        sha256, _ = store.put(verified.photos[name], extension)
        if not store.has(sha256, extension):
            try:
                remake_renditions(store, sha256, extension)
            except PhotoError as error:
                raise BundleError(f"{verified.path.name}: photo '{name}' cannot be shown ({error})") from None
        return sha256, extension

    return stored
