"""The review queue: events read with too little confidence wait for a person.

An event under the review threshold stays out of every projection until a
`FactReviewed` decision in view accepts it (with any field edits applied), and
a rejected event stays out whatever its confidence. Decisions are events and,
like retractions, corrections of the record's reading (`projections.history`):
one applies to every view recorded after it, past days included, and a view
with `recorded_by` before it sees the queue as it was.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from pydantic import ValidationError

from tracker.domain.facts import FactReviewed
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from projections.history import RecordedFact


@dataclass(frozen=True)
class Pending:
    """An event waiting for review, and why."""

    recorded: RecordedFact
    threshold: float


def decisions(facts: Iterable[RecordedFact]) -> dict[str, FactReviewed]:
    """The latest decision on each reviewed event, among `facts` (in time order)."""
    latest: dict[str, FactReviewed] = {}
    for recorded in facts:
        if isinstance(recorded.fact, FactReviewed):
            latest[recorded.fact.reviews] = recorded.fact
    return latest


def edited(recorded: RecordedFact, changes: dict) -> RecordedFact:
    """The event with a reviewer's field changes applied, validated as its type demands."""
    if not changes:
        return recorded
    data = {**recorded.fact.model_dump(), **changes, "confidence": 1.0}
    try:
        fact = type(recorded.fact).model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or "?"
        raise TrackerError(f"{recorded.id}: field {field}: {problem['msg']}") from None
    return replace(recorded, fact=fact)


def reviewed(facts: Iterable[RecordedFact], candidates: Iterable[RecordedFact], threshold: float) -> list[RecordedFact]:
    """`candidates` as review leaves them, given the decisions among `facts`."""
    decided = decisions(facts)
    kept = []
    for recorded in candidates:
        decision = decided.get(recorded.id)
        if decision is not None and decision.decision == "rejected":
            continue
        if decision is not None:
            kept.append(edited(recorded, decision.changes))
        elif recorded.fact.confidence >= threshold:
            kept.append(recorded)
    return kept


def pending(facts: Iterable[RecordedFact], candidates: Iterable[RecordedFact], threshold: float) -> list[Pending]:
    """The candidates under the threshold that no decision among `facts` has settled."""
    decided = decisions(facts)
    return [Pending(r, threshold) for r in candidates
            if r.fact.confidence < threshold and r.id not in decided and not isinstance(r.fact, FactReviewed)]
