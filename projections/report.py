"""The report as plain data: what the HTML shows, every figure with the ids of its events.

`build_report` is a pure function of what the Python API returns for one time
view (compound statuses, EVENTS.md records, receivables), so a notebook user
can take the same `Report` apart, and the report of a past day holds only what
was in view that day: its "today" is the view's horizon.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple

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
    """started, readout, presented, submission, opinion, approval, declined, milestone, expected."""
    label: str
    start: date
    end: date
    when: str
    """The date as precise as the text is: "2013-09-20", "2013", "2010-H2", "by 2013-12-31"."""
    expected: bool = False
    overdue: bool = False
    """An expectation whose window closed before the report's day with nothing in view answering it."""
    sources: list[str] = Field(default_factory=list)


class Timeline(BaseModel):
    """A compound's items in lanes (one per trial, per region, and for presentations and milestones), on an axis."""

    compound: str
    items: list[TimelineItem]
    axis_start: date
    """The first of January on or before the first item (or the report's day, when it is near)."""
    axis_end: date
    """The first of January after the last item (or the report's day, when it is near): the axis's right edge."""

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
    stored_events: int
    """Every event the store holds, in this view or not: 0 for an empty store."""

    def regulatory(self, status: CompoundStatus) -> dict[str, RegionStatus]:
        return {r.region: r for r in status.regulatory}


def build_report(view: TimeView, statuses: list[CompoundStatus], records: list[dict[str, Any]],
                 receivables: ReceivablesReport, stored_events: int) -> Report:
    """The report of one view, from the statuses, events and receivables the API gives for it.

    `stored_events` counts every event the store holds, in view or not, so that an empty page can
    tell an empty store from a view that leaves everything out.
    """
    axes = {"as_of": view.as_of, "occurred_by": view.occurred_by, "recorded_by": view.recorded_by}
    calendar = catalyst_calendar(statuses, records)
    overdue = {entry.event for entry in calendar if entry.overdue}
    by_compound: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_compound[record["compound"]].append(record)
    timelines = (timeline(s.name, by_compound[s.name], view.horizon, overdue) for s in statuses)
    # Built from values already of their types (models, records the API gave), so not validated again: validating
    # would copy each of the records, ninety thousand at ten thousand releases.
    return Report.model_construct(
        as_of=view.horizon,
        view={name: value.isoformat() for name, value in axes.items() if value is not None},
        compounds=statuses,
        pipeline=[row for status in statuses for row in pipeline_rows(status, by_compound[status.name])],
        regions=sorted({r.region for status in statuses for r in status.regulatory}),
        timelines=[t for t in timelines if t.items],
        calendar=calendar,
        receivables=receivables,
        events=records,
        stored_events=stored_events,
    )


#: The most events a page's event log lists whole. Above it the log lists the events the page's figures cite (so
#: that every link lands) and counts the others: at ten thousand releases the whole log is ninety thousand rows
#: (a page of a hundred megabytes), most of them name aliases and status lines no figure is read from, which
#: the export (`tracker events`) lists in a form fit for that many.
LOG_LIMIT = 5000


class EventLog(NamedTuple):
    """The records a page's event log lists, in export order, and the number of the others in view, by type."""

    records: list[dict[str, Any]]
    left_out: dict[str, int]
    """Events in view the log leaves out, by type, the most numerous first; empty when it lists every one."""


def cited(report: Report) -> set[str]:
    """The ids of the events some figure of the report cites: its pipeline, regulatory steps, timelines,
    catalysts and ledger lines."""
    ids = {source for row in report.pipeline for source in row.sources}
    ids.update(source for status in report.compounds for step in status.regulatory for source in step.sources)
    ids.update(source for t in report.timelines for item in t.items for source in item.sources)
    ids.update(source for entry in report.calendar for source in entry.sources)
    ids.update(line.source_event for line in report.receivables.receivables)
    ids.update(line.source_event for line in report.receivables.contingent)
    return ids


def event_log(report: Report, limit: int | None = LOG_LIMIT) -> EventLog:
    """Every event in view, while there are at most `limit` (None: however many); else those a figure cites."""
    if limit is None or len(report.events) <= limit:
        return EventLog(list(report.events), {})
    wanted = cited(report)
    records, left_out = [], Counter[str]()
    for record in report.events:
        if record["id"] in wanted:
            records.append(record)
        else:
            left_out[record["type"]] += 1
    return EventLog(records, dict(sorted(left_out.items(), key=lambda kind: (-kind[1], kind[0]))))


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


# ---- lanes ----------------------------------------------------------------------------------------
#
# A lane is a trial, a region's regulatory steps, the presentations tied to no trial, or the milestones.
# A trial is known by its name. An unnamed one is known by its phase and indication when the release
# states both; an unnamed trial without a stated indication is a trial of its own, event by event: three
# unnamed Phase II events may be three trials (the seeds have three), and drawing them in one row would
# say they are one. Such rows share a name and are told apart by a count, "Phase II trial (2 of 3)".

LaneKey = tuple[str, ...]
_TRIAL, _REGULATORY, _PRESENTED, _MILESTONES = "trial", "regulatory", "presented", "milestones"


def _trial_lane(record: dict[str, Any]) -> tuple[LaneKey, str]:
    phase, indication = record.get("phase"), record.get("indication")
    name = f"Phase {phase} trial" if phase else "Trial"
    if indication:
        name = f"{name} in {indication}"
    if record.get("trial"):
        return (_TRIAL, str(record["trial"]).upper()), str(record["trial"])
    if indication:
        return (_TRIAL, phase or "", indication.lower()), name
    return (_TRIAL, record["id"]), name


def _regulatory_lane(record: dict[str, Any]) -> tuple[LaneKey, str]:
    region = record.get("region")
    return (_REGULATORY, region or ""), f"{region} regulatory" if region else "Regulatory (region not stated)"


def _presented_lane(record: dict[str, Any]) -> tuple[LaneKey, str]:
    return _trial_lane(record) if record.get("trial") else ((_PRESENTED,), "Data presented")


def _milestone_lane(record: dict[str, Any]) -> tuple[LaneKey, str]:
    return (_MILESTONES,), "Milestones"


_LANES = {"TrialStarted": _trial_lane, "TopLineReported": _trial_lane, "ReadoutExpected": _trial_lane,
          "DataPresented": _presented_lane, "RegulatorySubmission": _regulatory_lane,
          "RegulatoryOpinionIssued": _regulatory_lane, "ApprovalGranted": _regulatory_lane,
          "ApprovalDeclined": _regulatory_lane, "RegulatoryDecisionExpected": _regulatory_lane,
          "SubmissionExpected": _regulatory_lane, "MilestoneTriggered": _milestone_lane,
          "MilestoneReceived": _milestone_lane, "MilestoneAnticipated": _milestone_lane}


# ---- items ----------------------------------------------------------------------------------------

def _item(**fields: Any) -> TimelineItem:
    """An item built from a record's fields, which are already of their types: not validated again (a report of
    ten thousand releases builds forty thousand)."""
    return TimelineItem.model_construct(**fields)


def _expected_item(record: dict[str, Any]) -> TimelineItem | None:
    if not record.get("expected_by"):
        return None
    agency, condition = record.get("agency"), record.get("condition")
    label = {"RegulatoryDecisionExpected": f"{agency or 'regulatory'} decision expected",
             "SubmissionExpected": f"{agency} submission expected" if agency else "submission expected",
             "ReadoutExpected": "data expected",
             "MilestoneAnticipated": f"{_money(record)} expected" + (f" on {condition}" if condition else "")}
    return _item(lane="", kind="expected", label=label[record["type"]], expected=True,
                        start=date.fromisoformat(record["reported_on"]), end=date.fromisoformat(record["expected_by"]),
                        when=f"by {record['expected_by']}", sources=[record["id"]])


def _trial_item(record: dict[str, Any]) -> TimelineItem:
    kind = record["type"]
    if kind == "DataPresented":
        first, last, when = _window(record, "presented_on", "occurred_on")
        label = " ".join(x for x in (record.get("conference"), record.get("abstract") and f"#{record['abstract']}") if x)
        return _item(lane="", kind="presented", label=label or "data presented", start=first, end=last,
                            when=when, sources=[record["id"]])
    first, last, when = _window(record, "occurred_on")
    if kind == "TrialStarted":
        return _item(lane="", kind="started", label="started", start=first, end=last, when=when,
                            sources=[record["id"]])
    outcome = (record.get("outcome") or "").replace("_", "-")
    return _item(lane="", kind="readout", label=f"{outcome} {record.get('endpoint') or ''}".strip(),
                        start=first, end=last, when=when, sources=[record["id"]])


def _regulatory_item(record: dict[str, Any]) -> TimelineItem:
    first, last, when = _window(record, "occurred_on")
    agency = record.get("agency") or ""
    kind, label = {
        "RegulatorySubmission": ("submission", f"{agency} {record.get('status') or 'submitted'}"),
        "RegulatoryOpinionIssued": ("opinion", f"{agency} {record.get('opinion')} opinion"),
        "ApprovalGranted": ("approval", f"{agency} approval"),
        "ApprovalDeclined": ("declined", f"{agency} {(record.get('form') or 'refusal').replace('_', ' ')}"),
    }[record["type"]]
    return _item(lane="", kind=kind, label=label.strip(), start=first, end=last, when=when,
                        sources=[record["id"]])


def _payment_item(record: dict[str, Any]) -> TimelineItem:
    first, last, when = _window(record, "occurred_on")
    if record["type"] == "MilestoneTriggered":
        label = f"{_money(record)} triggered" + (f" by {record['trigger']}" if record.get("trigger") else "")
    else:
        label = f"{_money(record)} received" + (f" from {record['payer']}" if record.get("payer") else "")
    return _item(lane="", kind="milestone", label=label, start=first, end=last, when=when,
                        sources=[record["id"]])


_ITEMS = {"TrialStarted": _trial_item, "TopLineReported": _trial_item, "DataPresented": _trial_item,
          "RegulatorySubmission": _regulatory_item, "RegulatoryOpinionIssued": _regulatory_item,
          "ApprovalGranted": _regulatory_item, "ApprovalDeclined": _regulatory_item,
          "MilestoneTriggered": _payment_item, "MilestoneReceived": _payment_item,
          "RegulatoryDecisionExpected": _expected_item, "SubmissionExpected": _expected_item,
          "ReadoutExpected": _expected_item, "MilestoneAnticipated": _expected_item}


# ---- the timeline ---------------------------------------------------------------------------------

#: How far the axis stretches beyond its items to take in the report's day: a quarter of their span, or a year.
_TODAY_REACH = 0.25
_TODAY_REACH_MIN = timedelta(days=366)


def _axis(items: list[TimelineItem], today: date) -> tuple[date, date]:
    """Whole calendar years around the items, and around the report's day when it lies near them.

    A day far from every item (the report of today on a story that ended in 2015) is not worth the
    empty years between: the chart says where it lies instead of drawing them.
    """
    first, last = min(i.start for i in items), max(i.end for i in items)
    reach = max((last - first) * _TODAY_REACH, _TODAY_REACH_MIN)
    if last < today <= last + reach:
        last = today
    elif first - reach <= today < first:
        first = today
    return date(first.year, 1, 1), date(last.year + 1, 1, 1)


def _lane_order(key: LaneKey, items: list[TimelineItem]) -> tuple:
    """Trials first, by the first day drawn in them; then regions by name; then presentations; then milestones."""
    family = (_TRIAL, _REGULATORY, _PRESENTED, _MILESTONES).index(key[0])
    if key[0] == _TRIAL:
        return family, min(i.start for i in items), items[0].lane.lower()
    return family, key[1:] == ("",), key[1:]


def _numbered(lanes: list[list[TimelineItem]]) -> None:
    """Rows of different trials that would go by one name are told apart by a count: "(2 of 3)"."""
    named: dict[str, list[list[TimelineItem]]] = defaultdict(list)
    for lane in lanes:
        named[lane[0].lane].append(lane)
    for name, same in named.items():
        if len(same) > 1:
            for number, lane in enumerate(same, 1):
                for item in lane:
                    item.lane = f"{name} ({number} of {len(same)})"


def timeline(compound: str, records: Iterable[dict[str, Any]], today: date,
             overdue: Collection[str] = ()) -> Timeline:
    """A compound's trials, readouts, regulatory steps, milestones and expectations on one date axis.

    `records` are the compound's events in view; `today` is the report's day; `overdue` the ids of
    the events announcing catalysts now overdue. An expectation is drawn as its window, from the
    release announcing it to its `expected_by`; those whose window has closed stay on the chart, as
    what was once expected.
    """
    lanes: dict[LaneKey, list[TimelineItem]] = defaultdict(list)
    names: dict[LaneKey, str] = {}
    for record in records:
        build = _ITEMS.get(record["type"])
        item = build(record) if build else None
        if item is None:
            continue
        key, name = _LANES[record["type"]](record)
        item.lane = names.setdefault(key, name)
        item.overdue = record["id"] in overdue
        lanes[key].append(item)
    if not lanes:
        return Timeline(compound=compound, items=[], axis_start=date(today.year, 1, 1),
                        axis_end=date(today.year + 1, 1, 1))
    ordered = [sorted(lanes[key], key=lambda i: (i.start, i.end, i.label))
               for key in sorted(lanes, key=lambda k: _lane_order(k, lanes[k]))]
    _numbered(ordered)
    items = [item for lane in ordered for item in lane]
    axis_start, axis_end = _axis(items, today)
    return Timeline(compound=compound, items=items, axis_start=axis_start, axis_end=axis_end)
