"""A value of an answer and the facts it was read from; how its date is said."""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from projections.history import RecordedFact
from tracker.dates import PartialDate


class Sourced(BaseModel):
    """A value and the facts it was read from (the first is the one that established it)."""

    sources: list[str] = Field(default_factory=list)
    reported_on: date | None = None


def cite(recorded: RecordedFact) -> dict:
    """The fields of a `Sourced` value established by `recorded`."""
    return {"sources": [recorded.id], "reported_on": recorded.reported_on}


def said_when(occurred_on: PartialDate | None, reported_on: date) -> str:
    """When something happened as the text says it: its date as precise as given, never a date made up.

    Where the text gives none, the day it was reported stands in, and says so.
    """
    if occurred_on is not None:
        return str(occurred_on)
    return f"reported {reported_on.isoformat()}, date not stated"
