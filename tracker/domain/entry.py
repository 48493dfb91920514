"""A fact a person supplied: a correction, a payment, a decision, with who and why.

Releases are not the only source of the record: people retract what was
misread, record what no release says, and confirm what a release implied. Each
such act is its own aggregate with one event, so it is stored once, never
edited, and carries its author and reason.
"""
from __future__ import annotations

from datetime import date

from eventsourcing.domain import Aggregate, event

from tracker.domain.facts import Fact


class Entry(Aggregate):
    class Made(Aggregate.Created):
        fact: Fact
        entered_by: str
        reason: str
        reported_on: date

    @event(Made)
    def __init__(self, fact: Fact, entered_by: str, reason: str, reported_on: date):
        self.fact = fact
        self.entered_by = entered_by
        self.reason = reason
        self.reported_on = reported_on
