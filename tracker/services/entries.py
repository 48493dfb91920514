"""What a person enters: a fact with who entered it and why, stored once and never edited."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tracker.adapters.catchup import entry_id
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from tracker.adapters.event_store import Store
    from tracker.domain.facts import Fact


class Entries:
    def __init__(self, store: Store):
        self.store = store

    def enter(self, fact: Fact, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        """Record a fact a person supplies, with who and why, known from `reported_on` (default today);
        returns its event id."""
        if not entered_by.strip() or not reason.strip():
            raise TrackerError("an entry needs who made it and why (--by and --reason)")
        from tracker.domain.entry import Entry  # the aggregate loads for an entry, not for a query

        entry = Entry(fact=fact, entered_by=entered_by.strip(), reason=reason.strip(),
                      reported_on=reported_on or date.today())
        self.store.save(entry, what="the entry")
        return entry_id(entry.id)
