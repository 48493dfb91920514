"""The report as plain data: what the HTML shows, every figure with the ids of its events.

`build_report` is a pure function of what the Python API returns for one time
view (compound statuses, EVENTS.md records, receivables), so a notebook user
can take the same `Report` apart, and the report of a past day holds only what
was in view that day: its "today" is the view's horizon.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from projections.calendar import CalendarEntry, catalyst_calendar
from projections.history import TimeView
from projections.receivables import ReceivablesReport
from projections.status import PHASE_ORDER, CompoundStatus, RegionStatus
from tracker.dates import PartialDate
from tracker.domain.facts import FACT_TYPES


class PipelineRow(BaseModel):
    """A compound's phase in one indication (or its highest phase, where no indication is stated)."""

    compound: str
    indication: str | None
    phase: str | None
    sources: list[str] = Field(default_factory=list)
    by_indication: bool = True
    """False for the one row of a compound with no phase reported for any indication: its highest phase."""


class TimelineItem(BaseModel):
    """Something on a compound's date axis: a point in time, or a window (imprecise, or expected)."""

    lane: str
    kind: str
    """started, readout, presented, submission, opinion, approval, milestone, expected."""
    label: str
    start: date
    end: date
    when: str
    """The date as precise as the text is: "2013-09-20", "2013", "2010-H2", "by 2013-12-31"."""
    expected: bool = False
    overdue: bool = False
    """An expectation whose window closed before the report's day with nothing answering it."""
    sources: list[str] = Field(default_factory=list)


class Timeline(BaseModel):
    compound: str
    items: list[TimelineItem]

    @property
    def lanes(self) -> list[str]:
        return list(dict.fromkeys(item.lane for item in self.items))


class Report(BaseModel):
    as_of: date
    """The day the view stands on: the report's "today"."""
    view: dict[str, str]
    """The time axes asked for, as given ("as_of", "occurred_by", "recorded_by")."""
    compounds: list[CompoundStatus]
    pipeline: list[PipelineRow]
    regions: list[str]
    timelines: list[Timeline]
    calendar: list[CalendarEntry]
    receivables: ReceivablesReport
    events: list[dict[str, Any]]

    def regulatory(self, status: CompoundStatus) -> dict[str, RegionStatus]:
        return {r.region: r for r in status.regulatory}


def build_report(view: TimeView, statuses: list[CompoundStatus], records: list[dict[str, Any]],
                 receivables: ReceivablesReport) -> Report:
    """The report of one view, from the statuses, events and receivables the API gives for it."""
    axes = {"as_of": view.as_of, "occurred_by": view.occurred_by, "recorded_by": view.recorded_by}
    return Report(
        as_of=view.horizon,
        view={name: value.isoformat() for name, value in axes.items() if value is not None},
        compounds=statuses,
        pipeline=[row for status in statuses for row in pipeline_rows(status, records)],
        regions=sorted({r.region for status in statuses for r in status.regulatory}),
        timelines=[t for t in (timeline(status.name, records, overdue_expectations(status)) for status in statuses)
                   if t.items],
        calendar=catalyst_calendar(statuses, records),
        receivables=receivables,
        events=records,
    )


def overdue_expectations(status: CompoundStatus) -> set[str]:
    """The ids of the expectations standing behind the status's overdue catalysts."""
    return {catalyst.sources[0] for catalyst in status.expected if catalyst.overdue}


def _phase_of(record: dict[str, Any]) -> str | None:
    kind = FACT_TYPES.get(record["type"])
    return kind.phase_shown(record.get("phase")) if kind else None


def pipeline_rows(status: CompoundStatus, records: Iterable[dict[str, Any]]) -> list[PipelineRow]:
    """One row per indication with a phase; else one with the highest phase and the events that report it."""
    if status.phases:
        return [PipelineRow(compound=status.name, indication=p.indication, phase=p.phase, sources=p.sources)
                for p in status.phases]
    sources = [r["id"] for r in records
               if r["compound"] == status.name and status.highest_phase and _phase_of(r) == status.highest_phase]
    return [PipelineRow(compound=status.name, indication=None, phase=status.highest_phase, sources=sources,
                        by_indication=False)]


def phase_reached(row: PipelineRow, phase: str) -> bool:
    """Whether the row's phase is at or past `phase` (for the filled cells of the pipeline matrix)."""
    return row.phase is not None and PHASE_ORDER.index(phase) <= PHASE_ORDER.index(row.phase)


def _window(record: dict[str, Any], *fields: str) -> tuple[date, date, str]:
    """The first field holding a date, as (first day, last day, text); else the day it was reported."""
    for name in fields:
        if record.get(name):
            partial = PartialDate.parse(record[name])
            return partial.first_day, partial.last_day, partial.text
    day = date.fromisoformat(record["reported_on"])
    return day, day, f"reported {record['reported_on']}"


def _money(record: dict[str, Any]) -> str:
    amount = record.get("amount")
    if amount is None:
        return "payment"
    value = float(amount)
    short = f"{value / 1e6:g}M" if value >= 1e6 else f"{value:,.0f}"
    return f"{record.get('currency') or ''} {short}".strip()


def _trial_lane(record: dict[str, Any]) -> str:
    if record.get("trial"):
        return str(record["trial"])
    return f"Phase {record['phase']} trial" if record.get("phase") else "Trials"


def _regulatory_lane(record: dict[str, Any]) -> str:
    return f"{record['region']} regulatory" if record.get("region") else "Regulatory"


def _item(record: dict[str, Any]) -> TimelineItem | None:
    kind = record["type"]
    sources = [record["id"]]
    if kind in ("RegulatoryDecisionExpected", "SubmissionExpected", "ReadoutExpected", "MilestoneAnticipated"):
        if not record.get("expected_by"):
            return None
        lane, what = {
            "RegulatoryDecisionExpected": (_regulatory_lane(record), f"{record.get('agency') or 'regulatory'} decision"),
            "SubmissionExpected": (_regulatory_lane(record), f"{record.get('agency') or ''} submission".strip()),
            "ReadoutExpected": (_trial_lane(record), "data"),
            "MilestoneAnticipated": ("Milestones", _money(record)),
        }[kind]
        return TimelineItem(lane=lane, kind="expected", label=f"{what} expected", expected=True,
                            start=date.fromisoformat(record["reported_on"]),
                            end=date.fromisoformat(record["expected_by"]),
                            when=f"by {record['expected_by']}", sources=sources)
    if kind in ("TrialStarted", "TopLineReported", "DataPresented"):
        first, last, when = _window(record, "presented_on", "occurred_on") if kind == "DataPresented" \
            else _window(record, "occurred_on")
        label = {"TrialStarted": "started",
                 "TopLineReported": f"{(record.get('outcome') or '').replace('_', '-')} {record.get('endpoint') or ''}".strip(),
                 "DataPresented": " ".join(x for x in (record.get("conference"), record.get("abstract") and f"#{record['abstract']}") if x)
                 or "data presented"}[kind]
        lane = "Data presented" if kind == "DataPresented" and not record.get("trial") else _trial_lane(record)
        item_kind = {"TrialStarted": "started", "TopLineReported": "readout", "DataPresented": "presented"}[kind]
        return TimelineItem(lane=lane, kind=item_kind, label=label, start=first, end=last, when=when, sources=sources)
    if kind in ("RegulatorySubmission", "RegulatoryOpinionIssued", "ApprovalGranted"):
        first, last, when = _window(record, "occurred_on")
        agency = record.get("agency") or ""
        label = {"RegulatorySubmission": f"{agency} {record.get('status') or 'submitted'}",
                 "RegulatoryOpinionIssued": f"{agency} {record.get('opinion')} opinion",
                 "ApprovalGranted": f"{agency} approval"}[kind].strip()
        item_kind = {"RegulatorySubmission": "submission", "RegulatoryOpinionIssued": "opinion",
                     "ApprovalGranted": "approval"}[kind]
        return TimelineItem(lane=_regulatory_lane(record), kind=item_kind, label=label,
                            start=first, end=last, when=when, sources=sources)
    if kind in ("MilestoneTriggered", "MilestoneReceived"):
        first, last, when = _window(record, "occurred_on")
        verb = "triggered" if kind == "MilestoneTriggered" else "received"
        return TimelineItem(lane="Milestones", kind="milestone", label=f"{_money(record)} {verb}",
                            start=first, end=last, when=when, sources=sources)
    return None


def timeline(compound: str, records: Iterable[dict[str, Any]], overdue: Collection[str] = ()) -> Timeline:
    """A compound's trials, readouts, regulatory steps, milestones and expectations on one date axis.

    An expectation is drawn as its window, from the release announcing it to its `expected_by`;
    those whose window has closed stay on the chart, as what was once expected, and those of them
    nothing answered (the ids in `overdue`) are marked overdue.
    """
    items = [item.model_copy(update={"overdue": True}) if r["id"] in overdue else item
             for r in records if r["compound"] == compound and (item := _item(r)) is not None]
    order = {"Milestones": 2, "Data presented": 1}
    items.sort(key=lambda i: (order.get(i.lane, 0), i.lane == "Regulatory" or i.lane.endswith(" regulatory"), i.lane.lower(), i.start))
    return Timeline(compound=compound, items=items)
