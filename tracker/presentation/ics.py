"""The catalyst calendar as iCalendar, to import into a calendar application.

Each catalyst with a date is an all-day event on its `expected_by`, with a UID
made from its event id so that importing a newer calendar updates the same
entries instead of adding copies.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from projections.calendar import CalendarEntry, window

PRODID = "-//milestone-tracker//catalyst calendar//EN"


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
