"""Why a figure says what it says: the facts behind each value, and the values it replaced.

For a compound, each status field (or those a field name or prefix picks:
`regulatory` gives every region) with the facts behind its value and the
changes that led to it, from the replay of the compound's history; for a
ledger line, its value, its facts and the steps of its life.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from projections.fields import line_value, status_fields
from projections.history import RecordedFact, TimeView
from projections.ledger import LedgerLine
from projections.names import NameBook
from projections.replay import replay
from projections.status import compound_status
from tracker.errors import TrackerError


class UnknownField(TrackerError):
    """A field name that is not among the compound's; the message lists those that are."""

    def __init__(self, compound: str, wanted: str, known: list[str]):
        self.known = known
        super().__init__(f"{compound} has no field {wanted!r}; its fields: {', '.join(known)}")


@dataclass(frozen=True)
class Replaced:
    """One change of the field: the value before, the value after, and the event that made it."""

    event: RecordedFact
    before: str | None
    after: str | None


@dataclass
class Explanation:
    subject: str
    field: str
    value: str
    sources: list[RecordedFact]
    changes: list[Replaced] = dataclasses.field(default_factory=list)


def pick(fields: list[str], wanted: str | None, compound: str) -> list[str]:
    """The fields `wanted` names: all, one (any case), or every field under a prefix."""
    if wanted is None:
        return fields
    folded = wanted.lower().rstrip(".")
    chosen = [f for f in fields if f.lower() == folded] or [f for f in fields if f.lower().startswith(folded + ".")]
    if not chosen:
        raise UnknownField(compound, wanted, fields)
    return chosen


def explain(history: tuple[RecordedFact, ...], names: NameBook, view: TimeView, compound: str,
            wanted: str | None = None) -> list[Explanation]:
    """The explanation of each field of `compound`'s status in `view` that `wanted` names."""
    selected = view.select(history)
    fields = status_fields(compound_status(selected, names, compound, view.horizon))
    by_id = {r.id: r for r in history}
    chosen = pick(list(fields), wanted, compound)
    story = replay(history, names, view, compound)
    result = []
    for name in chosen:
        steps = [Replaced(step.event, c.before, c.after) for step in story for c in step.changes if c.field == name]
        result.append(Explanation(compound, name, fields[name].value,
                                  [by_id[s] for s in dict.fromkeys(fields[name].sources) if s in by_id], steps))
    return result


def line_explanation(line: LedgerLine, history: tuple[RecordedFact, ...]) -> Explanation:
    """A ledger line's value, the facts behind it, and each step of its life with the fact that made it."""
    by_id = {r.id: r for r in history}
    steps, before = [], None
    for step in line.history:
        if step.event in by_id:
            steps.append(Replaced(by_id[step.event], before, step.what))
        before = step.what
    return Explanation(line.id, f"ledger.{line.id}", line_value(line),
                       [by_id[s] for s in dict.fromkeys(line.sources) if s in by_id], steps)
