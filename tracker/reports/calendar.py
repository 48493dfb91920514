"""The catalyst calendar: readouts, decisions and submissions still expected, each in its window.

A catalyst's window opens on the day the release that announced it was
published and closes on its `expected_by`, the last day of the window the text
named ("by year end" in a September 2013 release: 2013-09-20 to 2013-12-31).
The catalysts are those the compound status still expects as of the view's
horizon (`CompoundStatus.expected`), so a decision answered by an approval, or
a window closed before the horizon, is not on it.

As iCalendar, each catalyst with a date is an all-day event on its
`expected_by`, with a UID made from its event id so that importing a newer
calendar updates the same entries instead of adding copies.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel

from projections.status import CompoundStatus

PRODID = "-//milestone-tracker//catalyst calendar//EN"


class CalendarEntry(BaseModel):
    """One expected catalyst, where it was announced and the sentence that says so."""

    compound: str
    kind: str
    """decision, submission, readout."""
    what: str
    announced_on: date | None
    expected_by: date | None
    event: str
    """The id of the event announcing it (its UID in a calendar)."""
    sources: list[str]
    quote: str
    file: str | None
    line: int | None


def catalyst_calendar(statuses: Iterable[CompoundStatus], records: Iterable[dict[str, Any]],
                      start: date | None = None, end: date | None = None) -> list[CalendarEntry]:
    """The catalysts the statuses expect with `expected_by` from `start` to `end`, in date order.

    `records` are the EVENTS.md records in view, for each catalyst's source sentence.
    A catalyst with no date is listed only when no bound is given: it cannot be placed in a range.
    """
    by_id = {r["id"]: r for r in records}
    entries = []
    for status in statuses:
        for catalyst in status.expected:
            when = catalyst.expected_by
            if (start or end) and when is None:
                continue
            if (start and when < start) or (end and when > end):
                continue
            source = by_id[catalyst.sources[0]]
            entries.append(CalendarEntry(
                compound=status.name, kind=catalyst.kind, what=catalyst.what, announced_on=catalyst.reported_on,
                expected_by=when, event=source["id"], sources=catalyst.sources, quote=source["source"]["quote"],
                file=source["source"]["file"], line=source["source"]["line"]))
    return sorted(entries, key=lambda e: (e.expected_by or date.max, e.compound.lower(), e.what))


def window(entry: CalendarEntry) -> str:
    """"2013-09-20 to 2013-12-31", or what is known of it."""
    opened = entry.announced_on.isoformat() if entry.announced_on else "?"
    return f"{opened} to {entry.expected_by.isoformat()}" if entry.expected_by else f"from {opened}, no date given"


def calendar_ics(entries: Iterable[CalendarEntry], horizon: date) -> bytes:
    """An iCalendar file of the dated catalysts: all-day events on `expected_by`, stable UIDs.

    Its DTSTAMP is the view's horizon, so the calendar of a day is the same file whenever it is made.
    """
    from icalendar import Calendar, Event  # only here: a tenth of every command's start otherwise

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Expected catalysts as of {horizon.isoformat()}")
    stamp = datetime.combine(horizon, time.min, tzinfo=UTC)
    for entry in entries:
        if entry.expected_by is None:
            continue
        event = Event()
        event.add("uid", f"{entry.event}@milestone-tracker")
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.expected_by)
        event.add("dtend", entry.expected_by + timedelta(days=1))
        event.add("summary", f"{entry.compound}: {entry.what} expected")
        where = f"{entry.file}, line {entry.line}" if entry.file else "entered by hand"
        event.add("description", f"Expected by {entry.expected_by.isoformat()} (window {window(entry)}).\n"
                                 f"Source: {entry.quote}\n{where}; event {', '.join(entry.sources)}")
        event.add("categories", [entry.kind])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
