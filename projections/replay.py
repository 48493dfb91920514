"""The audit trail as a story: history walked event by event, with what each event changed.

The facts in view are put in order on one time axis (publication, occurrence
or record); after each one, the status of its compound and the ledger are
rebuilt from the facts so far and compared with the moment before. Each step
is the event, its sentence and the fields it changed.

Corrections follow `TimeView`: on the publication and occurrence axes the
story is the one believed at the view's record instant, so every retraction
and review decision recorded by then applies from the first step (a retracted
event is no step at all); on the record axis each correction is a step of its
own, at the instant it was recorded, and shows what it withdrew or let in.
Re-issued releases supersede their originals from the re-issue's step on.

Rebuilding per step costs in proportion to the square of the events walked:
narrow a large store with a compound.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from projections.fields import Change, Fields, changes, ledger_fields, status_fields
from projections.history import RecordedFact, TimeView
from projections.ledger import ledger
from projections.names import NameBook
from projections.status import compound_status

Axis = Literal["reported", "occurred", "recorded"]


def axis_of(view: TimeView) -> Axis:
    """The axis a view asks about: the record when `recorded_by` is set, else occurrence when set, else publication."""
    if view.recorded_by is not None:
        return "recorded"
    if view.occurred_by is not None:
        return "occurred"
    return "reported"


def _key(axis: Axis):
    if axis == "recorded":
        return lambda r: (r.recorded_at, r.sort_key)
    if axis == "occurred":
        return lambda r: (r.occurred_by, r.sort_key)
    return lambda r: r.sort_key


def step_day(recorded: RecordedFact, axis: Axis) -> date:
    if axis == "recorded":
        return recorded.recorded_at.date()
    return recorded.occurred_by if axis == "occurred" else recorded.reported_on


@dataclass(frozen=True)
class ReplayStep:
    event: RecordedFact
    compound: str | None
    """The canonical name of the compound the event is about."""
    day: date
    """The event's day on the axis walked."""
    changes: list[Change]
    """Status fields, then ledger lines (`ledger.<id>`), that the event changed."""


def replay(history: tuple[RecordedFact, ...], names: NameBook, view: TimeView,
           compound: str | None = None) -> list[ReplayStep]:
    """Every fact in `view` (about `compound`, when given) in the view's axis order, with what it changed."""
    axis = axis_of(view)
    standing: tuple[RecordedFact, ...] = ()
    if axis == "recorded":
        timeline = sorted((r for r in history if view.admits(r) or (r.corrects and view.holds(r))), key=_key(axis))
    else:
        timeline = sorted((r for r in history if view.admits(r) and not r.corrects), key=_key(axis))
        standing = tuple(view.corrections(history))
    so_far = TimeView(review_threshold=view.review_threshold)
    statuses: dict[str | None, Fields] = {}
    book: Fields = {}
    steps = []
    for index, recorded in enumerate(timeline):
        about = names.canonical(recorded.fact.compound)
        if compound is not None and about != compound:
            continue
        day = step_day(recorded, axis)
        state = so_far.select(tuple(timeline[:index + 1]) + standing)
        if not recorded.corrects and all(r.id != recorded.id for r in state):
            continue  # retracted, rejected or still waiting for review: not in view
        found: list[Change] = []
        if about is not None:
            after = status_fields(compound_status(state, names, about, day))
            found += changes(statuses.get(about, {}), after)
            statuses[about] = after
        lines = ledger_fields(ledger(state, names, day), compound)
        found += changes(book, lines)
        book = lines
        steps.append(ReplayStep(recorded, about, day, found))
    return steps
