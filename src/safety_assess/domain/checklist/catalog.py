"""Find checklists: the built-in folder first, then the user's checklists folder in the data folder."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.domain.checklist.issues import ChecklistInvalid, Issue
from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file
from safety_assess.domain.errors import NotFoundError

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class CatalogEntry:
    checklist: Checklist
    path: Path
    builtin: bool


@dataclass
class Catalog:
    """Every valid checklist found, and the files that failed to load (reported, never fatal)."""

    entries: list[CatalogEntry] = field(default_factory=list)
    problems: list[ChecklistInvalid] = field(default_factory=list)

    def newest(self) -> list[CatalogEntry]:
        """One entry per checklist id: its highest version."""
        best: dict[str, CatalogEntry] = {}
        for entry in self.entries:
            current = best.get(entry.checklist.id)
            if current is None or version_key(entry.checklist.version) > version_key(current.checklist.version):
                best[entry.checklist.id] = entry
        return sorted(best.values(), key=lambda e: e.checklist.title.lower())

    def get(self, checklist_id: str, version: str | None = None) -> Checklist:
        matches = [e for e in self.entries if e.checklist.id == checklist_id]
        if version is not None:
            matches = [e for e in matches if e.checklist.version == version]
        if not matches:
            known = ", ".join(sorted({e.checklist.id for e in self.entries})) or "none"
            wanted = f"{checklist_id} {version}" if version else checklist_id
            raise NotFoundError(f"no checklist '{wanted}' (available: {known})")
        return max(matches, key=lambda e: version_key(e.checklist.version)).checklist


def version_key(version: str) -> tuple[int, int, int, int]:
    """Sort key for a semantic version; a pre-release sorts before its release."""
    core = version.split("+", 1)[0]
    numbers, _, pre = core.partition("-")
    major, minor, patch = (int(n) for n in numbers.split("."))
    return major, minor, patch, 0 if pre else 1


def checklist_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named directly or found (recursively) in the named folders, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


def load_catalog(builtin: Path, user: Path | None) -> Catalog:
    """Load every checklist; on the same id and version, the built-in one wins."""
    catalog = Catalog()
    seen: set[tuple[str, str]] = set()
    for folder, is_builtin in ((builtin, True), (user, False)):
        if folder is None or not folder.is_dir():
            continue
        for path in checklist_files([folder]):
            try:
                checklist = load_checklist_file(path)
            except ChecklistInvalid as problem:
                catalog.problems.append(problem)
                continue
            key = (checklist.id, checklist.version)
            if key in seen:
                first = next(e.path for e in catalog.entries if (e.checklist.id, e.checklist.version) == key)
                message = f"ignored: {first} already has {checklist.id} {checklist.version}; raise the version"
                catalog.problems.append(ChecklistInvalid([Issue(("version",), message)], str(path)))
                continue
            seen.add(key)
            catalog.entries.append(CatalogEntry(checklist, path, is_builtin))
    return catalog
