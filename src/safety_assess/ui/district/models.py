"""Item models of the district window, one per view: campuses, one campus's assessments, the district's actions.

Each wraps plain data from safety_assess.services.district; none queries anything.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from safety_assess.domain.display import cost_range, cost_short, percent, words
from safety_assess.domain.district.actions import ActionFilter, DistrictAction
from safety_assess.domain.district.overview import Assessed, CampusLine, DistrictTotals
from safety_assess.domain.scoring.coverage import answered_of
from safety_assess.ui.models.rows import Column, RowsModel, SortedRows

Index = QModelIndex | QPersistentModelIndex
NOT_ASSESSED = "not assessed"
NOT_REVIEWED = "not reviewed"


def _latest(get: Callable[[Assessed], Any], missing: Any = "") -> Callable[[CampusLine], Any]:
    def cell(line: CampusLine) -> Any:
        latest = line.latest
        return missing if latest is None else get(latest)

    return cell


def _answered(assessed: Assessed) -> str:
    """'13 of 70': what the compliance figure beside it stands on."""
    return answered_of(assessed.figures.coverage)


def _band_column(band: str, color: str | None) -> Column[CampusLine]:
    """Open findings of one band; coloured when there are some."""
    return Column(
        band,
        _latest(lambda a: str(a.figures.findings.get(band, 0))),
        _latest(lambda a: a.figures.findings.get(band, 0), -1),
        _latest(lambda a: color if a.figures.findings.get(band) else None, None),
        True,
    )


def _phase_column(phase: str, name: str) -> Column[CampusLine]:
    """Estimated cost of one phase's actions not done."""
    return Column(
        name.split(" (")[0].replace(" ", "\n", 1),
        _latest(lambda a: cost_short(a.figures.cost_by_phase[phase]) if phase in a.figures.cost_by_phase else ""),
        _latest(lambda a: a.figures.cost_by_phase[phase].high if phase in a.figures.cost_by_phase else 0, -1),
        align_right=True,
    )


class CampusesModel(RowsModel[CampusLine]):
    """One row per campus, most at risk first; a column per band and per phase of the district's checklists."""

    def set_overview(
        self, lines: list[CampusLine], totals: DistrictTotals, reviews: dict[uuid.UUID, str] | None = None
    ) -> None:
        """``reviews``: how far each campus's review has come, by campus (a column once any review has begun)."""
        bands = list(reversed(totals.findings)) if totals.findings else []
        rank = {line.campus.id: number for number, line in enumerate(lines, start=1)}
        columns: list[Column[CampusLine]] = [
            Column("#", lambda line: str(rank[line.campus.id]), lambda line: rank[line.campus.id], align_right=True),
            Column("Campus", lambda line: line.campus.name),
            Column("Code", lambda line: line.campus.code),
            Column("Latest", _latest(lambda a: a.summary.assessed_on.isoformat(), NOT_ASSESSED)),
            Column("Status", _latest(lambda a: words(a.summary.status.value))),
            Column(
                "Compliance",
                _latest(lambda a: percent(a.figures.compliance)),
                _latest(lambda a: a.figures.compliance if a.figures.compliance is not None else -1, -2),
                align_right=True,
            ),
            Column(
                "Answered", _latest(_answered), _latest(lambda a: a.figures.coverage.answered, -1), align_right=True
            ),
        ]
        columns += [_band_column(band, totals.band_colors.get(band)) for band in bands]
        columns.append(
            Column(
                "Open\nactions",
                _latest(lambda a: str(a.figures.open_actions)),
                _latest(lambda a: a.figures.open_actions, -1),
                align_right=True,
            )
        )
        columns += [_phase_column(phase, name) for phase, name in totals.phase_names.items()]
        columns.append(
            Column(
                "Total\ncost",
                _latest(lambda a: cost_short(a.figures.cost)),
                _latest(lambda a: a.figures.cost.high, -1),
                align_right=True,
            )
        )
        if reviews and any(stage not in ("", NOT_REVIEWED) for stage in reviews.values()):  # else a column of blanks
            stages = reviews
            columns.append(Column("Review", lambda line: stages.get(line.campus.id, "")))
        if any(line.conflicts for line in lines):  # a column of blanks would push the costs out of sight
            columns.append(
                Column(
                    "Conflicts", lambda line: str(line.conflicts) if line.conflicts else "", lambda line: line.conflicts
                )
            )
        self.columns = columns
        self.set_rows(lines)


class HistoryModel(RowsModel[Assessed]):
    """One campus's assessments over time, newest first."""

    columns = (
        Column("Date", lambda a: a.summary.assessed_on.isoformat()),
        Column("Status", lambda a: words(a.summary.status.value)),
        Column("Checklist", lambda a: f"{a.summary.checklist.title} {a.summary.checklist.version}"),
        Column(
            "Compliance", lambda a: percent(a.figures.compliance), lambda a: a.figures.compliance or 0, align_right=True
        ),
        Column("Answered", _answered, lambda a: a.figures.coverage.answered, align_right=True),
        Column("High and\ncritical", lambda a: str(a.figures.severe), lambda a: a.figures.severe, align_right=True),
        Column(
            "Open\nfindings",
            lambda a: str(a.figures.open_findings),
            lambda a: a.figures.open_findings,
            align_right=True,
        ),
        Column(
            "Open\nactions", lambda a: str(a.figures.open_actions), lambda a: a.figures.open_actions, align_right=True
        ),
        Column("Cost", lambda a: cost_short(a.figures.cost), lambda a: a.figures.cost.high, align_right=True),
        Column("From device", lambda a: a.summary.source_device or "made here"),
    )


class ActionsModel(RowsModel[DistrictAction]):
    """Every campus's actions (of its latest assessment)."""

    def set_actions(self, actions: list[DistrictAction], totals: DistrictTotals) -> None:
        names = totals.phase_names
        self.columns = [
            Column("Campus", lambda a: a.campus.code),
            Column(
                "Risk",
                lambda a: str(a.line.risk),
                lambda a: a.line.risk,
                lambda a: totals.band_colors.get(a.line.band),
                True,
            ),
            Column("Finding", lambda a: a.line.finding),
            Column("Action", lambda a: a.line.description),
            Column("Layer", lambda a: words(a.line.layer)),
            Column(
                "Phase",
                lambda a: names.get(a.line.phase, a.line.phase).split(" (")[0],
                lambda a: list(names).index(a.line.phase) if a.line.phase in names else 99,
            ),
            Column("Due", lambda a: a.line.due),
            Column("Owner", lambda a: a.line.owner),
            Column(
                "Cost",
                lambda a: cost_range(a.line.cost_low, a.line.cost_high),
                lambda a: a.line.cost_high,
                align_right=True,
            ),
            Column("Status", lambda a: words(a.line.status)),
            Column("Changed by", lambda a: a.line.changed_by),
        ]
        self.set_rows(actions)


class CampusFilter(SortedRows):
    """Campuses sorted by any column; those matching a text (name or code), optionally only those at risk."""

    def __init__(self, source: CampusesModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.text, self.only_severe = "", False

    def set_filter(self, text: str | None = None, only_severe: bool | None = None) -> None:
        self.beginFilterChange()
        self.text = self.text if text is None else text.strip().casefold()
        self.only_severe = self.only_severe if only_severe is None else only_severe
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CampusesModel)
        line = model.rows[source_row]
        if self.text and self.text not in f"{line.campus.name} {line.campus.code}".casefold():
            return False
        return not self.only_severe or (line.latest is not None and line.latest.figures.severe > 0)


class ActionsFilterModel(SortedRows):
    """District actions sorted by any column and filtered by phase, layer, status and campus."""

    def __init__(self, source: ActionsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.wanted = ActionFilter()

    def set_filter(self, wanted: ActionFilter) -> None:
        self.beginFilterChange()
        self.wanted = wanted
        self.endFilterChange()

    def shown(self) -> list[DistrictAction]:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        return [model.rows[self.mapToSource(self.index(r, 0)).row()] for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ActionsModel)
        return self.wanted.matches(model.rows[source_row])
