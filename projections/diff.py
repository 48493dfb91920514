"""What changed between two views of the record: new events, events gone and why, changed fields.

A retraction reaches every view recorded after it (`projections.history`), so
two `as_of` views of today's record differ by no retraction; compare views on
the record axis (`recorded_by` before and after it) to see what it withdrew.

Both views resolve names through one `NameBook`, so a compound is the same
compound on both sides even if the link between its names came later.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from projections.fields import Change, changes, ledger_fields, status_fields
from projections.history import RecordedFact, TimeView
from projections.ledger import ledger
from projections.names import NameBook
from projections.status import compound_status
from tracker.domain.facts import EventRetracted


@dataclass(frozen=True)
class Gone:
    """An event in the first view that the second no longer shows, and why."""

    event: RecordedFact
    why: str


@dataclass
class Difference:
    first: TimeView
    second: TimeView
    new: list[RecordedFact] = field(default_factory=list)
    gone: list[Gone] = field(default_factory=list)
    compounds: dict[str, list[Change]] = field(default_factory=dict)
    """Changed status fields by compound, compounds in name order."""
    ledger: list[Change] = field(default_factory=list)


def _why_gone(recorded: RecordedFact, view: TimeView, history: tuple[RecordedFact, ...]) -> str:
    for other in view.corrections(history):
        if isinstance(other.fact, EventRetracted) and other.fact.retracts == recorded.id:
            return f"retracted by {other.id} ({other.entered_by or 'unknown'}: {other.fact.reason})"
    release = recorded.release
    if release is not None:
        for other in history:
            if other.release is not None and other.release.supersedes == release.id and view.knows(other.release):
                return f"superseded by release {other.release.id} ({other.release.file})"
        if release.superseded_by:
            return f"superseded by release {release.superseded_by}"
    return "outside the second view"


def diff(history: tuple[RecordedFact, ...], names: NameBook, first: TimeView, second: TimeView,
         compound: str | None = None) -> Difference:
    """How the record in `second` differs from the record in `first` (for one compound, when given)."""
    def mine(selected: tuple[RecordedFact, ...]) -> tuple[RecordedFact, ...]:
        return tuple(r for r in selected if compound is None or names.canonical(r.fact.compound) == compound)

    before, after = first.select(history), second.select(history)
    before_ids, after_ids = {r.id for r in before}, {r.id for r in after}
    result = Difference(first, second)
    result.new = [r for r in mine(after) if r.id not in before_ids]
    result.gone = [Gone(r, _why_gone(r, second, history)) for r in mine(before) if r.id not in after_ids]
    touched = {names.canonical(r.fact.compound) for r in mine(before) + mine(after) if r.fact.compound}
    for name in sorted(touched, key=str.lower):
        found = changes(status_fields(compound_status(before, names, name, first.horizon)),
                        status_fields(compound_status(after, names, name, second.horizon)))
        if found:
            result.compounds[name] = found
    result.ledger = changes(ledger_fields(ledger(before, names, first.horizon), compound),
                            ledger_fields(ledger(after, names, second.horizon), compound))
    return result
