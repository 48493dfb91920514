"""The catalyst calendar: readouts, decisions, submissions and presentations still expected, each in its window.

A catalyst's window opens on the day the release that announced it was
published and closes on its `expected_by`, the last day of the window the text
named ("by year end" in a September 2013 release: 2013-09-20 to 2013-12-31).
The catalysts are those the compound status still expects as of the view's
horizon (`CompoundStatus.expected`): a decision answered by an approval is not
on it; one whose window closed unanswered is, marked overdue. An overdue
catalyst is due now, so a range given by `start` and `end` lists it when the
range takes in the view's day. A presentation still to come is on it until its
day has passed (`projections.catalysts`).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from pydantic import BaseModel

from projections.catalysts import is_overdue, is_past
from projections.status import CompoundStatus


class CalendarEntry(BaseModel):
    """One expected catalyst, where it was announced and the sentence that says so."""

    compound: str
    kind: str
    """decision, submission, readout, presentation."""
    what: str
    announced_on: date | None
    expected_by: date | None
    event: str
    """The id of the event announcing it (its UID in a calendar)."""
    sources: list[str]
    quote: str
    file: str | None
    line: int | None
    overdue: bool = False
    """Its window closed before the view's day with nothing in view answering it."""


def catalyst_calendar(statuses: Iterable[CompoundStatus], records: Iterable[dict[str, Any]],
                      start: date | None = None, end: date | None = None) -> list[CalendarEntry]:
    """The catalysts the statuses expect with `expected_by` from `start` to `end`, in date order.

    `records` are the EVENTS.md records in view, for each catalyst's source sentence.
    A catalyst with no date is listed only when no bound is given: it cannot be placed in a range;
    an overdue one counts as due on the view's day.
    """
    by_id = {r["id"]: r for r in records}
    entries = []
    for status in statuses:
        for catalyst in status.expected:
            source = by_id[catalyst.sources[0]]
            entry = CalendarEntry(
                compound=status.name, kind=catalyst.kind, what=catalyst.what, announced_on=catalyst.reported_on,
                expected_by=catalyst.expected_by, event=source["id"], sources=catalyst.sources,
                quote=source["source"]["quote"], file=source["source"]["file"], line=source["source"]["line"],
                overdue=catalyst.overdue)
            if _listed(entry, status.as_of, start, end):
                entries.append(entry)
    return sorted(entries, key=calendar_order)


def entry_restated_on(entry: CalendarEntry, horizon: date) -> CalendarEntry | None:
    """The same entry in a calendar standing on another day: only whether it is overdue depends on the day, and
    whether it is there at all (None: a presentation whose day has passed)."""
    if is_past(entry.kind, entry.expected_by, horizon):
        return None
    return entry.model_copy(update={"overdue": is_overdue(entry.kind, entry.expected_by, horizon)})


def calendar_order(entry: CalendarEntry) -> tuple[date, str, str]:
    """Where an entry stands in a calendar: by date (undated last), then compound and catalyst."""
    return entry.expected_by or date.max, entry.compound.lower(), entry.what


def within(calendar: Iterable[CalendarEntry], horizon: date, start: date | None, end: date | None) -> list[CalendarEntry]:
    """The entries of a whole calendar (made with no bounds, standing on `horizon`) that the calendar from
    `start` to `end` lists, in its order: the same as making that calendar."""
    return [entry for entry in calendar if _listed(entry, horizon, start, end)]


def _listed(entry: CalendarEntry, horizon: date, start: date | None, end: date | None) -> bool:
    due = horizon if entry.overdue else entry.expected_by
    if (start or end) and due is None:
        return False
    return due is None or not ((start and due < start) or (end and due > end))


def window(entry: CalendarEntry) -> str:
    """"2013-09-20 to 2013-12-31", or what is known of it."""
    opened = entry.announced_on.isoformat() if entry.announced_on else "?"
    return f"{opened} to {entry.expected_by.isoformat()}" if entry.expected_by else f"from {opened}, no date given"
