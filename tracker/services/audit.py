"""Audit: where each figure came from, how the record changed, corrections and review decisions, tamper checks.

Corrections are new events (a retraction, a review decision, a fact a person
records), never edits: an earlier view still shows what was believed then.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from eventsourcing.persistence import PersistenceError

from projections.history import RecordedFact, TimeView
from projections.review import Pending, edited, pending
from tracker.adapters.chain import Verification
from tracker.adapters.chain import verify as verify_chain
from tracker.adapters.event_store import Store
from tracker.domain.facts import EventRetracted, FactReviewed
from tracker.domain.release_record import release_uuid
from tracker.errors import TrackerError, UnknownCompound
from tracker.manual import fact_from_fields
from tracker.services.entries import Entries
from tracker.services.history import History, identities
from tracker.services.kept import KeptAnswers, Recipe
from tracker.services.queries import Queries

if TYPE_CHECKING:  # the projections of replay, diff and explain load only when one is asked for
    from projections.diff import Difference
    from projections.explain import Explanation
    from projections.replay import ReplayStep


class Audit:
    def __init__(self, store: Store, history: History, queries: Queries, entries: Entries, kept: KeptAnswers,
                 answers: dict[str, Recipe]):
        """`answers`: how each answer the read model keeps (`kept`) is computed, for `verify` to recompute it."""
        self.store = store
        self.history = history
        self.queries = queries
        self.entries = entries
        self.kept = kept
        self.answers = answers

    # ---- finding what was recorded ----

    def find_event(self, event_id: str) -> RecordedFact:
        """The event with this id, or with this unique id prefix."""
        return _find(event_id, self.history.all())

    def context(self, event_id: str, around: int = 2) -> tuple[RecordedFact, list[tuple[int, str]]]:
        """An event and the numbered lines of its release around its quote."""
        recorded = self.find_event(event_id)
        if recorded.release is None or recorded.fact.line is None:
            return recorded, []
        text: str = self.store.aggregate(release_uuid(recorded.release.id)).text
        lines = text.splitlines()
        first = recorded.fact.line
        last = first + recorded.fact.quote.count("\n")
        start, stop = max(1, first - around), min(len(lines), last + around)
        return recorded, [(number, lines[number - 1]) for number in range(start, stop + 1)]

    # ---- corrections ----

    def retract(self, event_id: str, entered_by: str, reason: str, reported_on: date | None = None) -> str:
        """Withdraw an event from every view recorded from now on, however far back it looks; it stays in the log,
        and a view with `recorded_by` before now still shows it (`reported_on` dates the retraction itself).
        An event is retracted once: a second retraction would change nothing but the record's clarity."""
        history = self.history.all()
        target = _find(event_id, history)
        if isinstance(target.fact, EventRetracted):
            raise TrackerError(f"event {target.id} is itself a retraction; record the fact again instead")
        earlier = next((r for r in history if isinstance(r.fact, EventRetracted) and r.fact.retracts == target.id), None)
        if earlier is not None:
            raise TrackerError(f"event {target.id} is already retracted, by {earlier.id} ({earlier.entered_by}, "
                               f"from {earlier.reported_on.isoformat()}: {earlier.reason})")
        return self.entries.enter(EventRetracted(compound=target.fact.compound, retracts=target.id, reason=reason),
                                  entered_by, reason, reported_on)

    def record(self, event_type: str, fields: Sequence[tuple[str, str]], entered_by: str, reason: str,
               reported_on: date | None = None) -> str:
        """Record a fact of any type a person supplies, from `name=value` pairs validated by its class."""
        return self.entries.enter(fact_from_fields(event_type, fields), entered_by, reason, reported_on)

    # ---- review ----

    def review_queue(self, view: TimeView, compound: str | None = None) -> list[Pending]:
        """Events in view under the review threshold that no decision recorded by the view's `recorded_by` has
        settled (about `compound`, any alias, when given). Reads only the facts under the threshold and the
        decisions, or the compound's."""
        if compound is None:
            history = self.history.for_review(view.review_threshold)
        else:
            history = self.history.of_compound(compound)
        in_time = sorted((r for r in history if view.admits(r)), key=lambda r: r.sort_key)
        decided = sorted(view.corrections(history), key=lambda r: r.recorded_at)
        queue = pending(decided, in_time, view.review_threshold)
        if compound is None:
            return queue
        names = identities(view, history)
        canonical = self.queries.resolve(compound, names)
        return [p for p in queue if names.canonical(p.recorded.fact.compound) == canonical]

    def review(self, event_id: str, decision: Literal["accepted", "rejected"], entered_by: str, reason: str,
               changes: dict[str, Any] | None = None, reported_on: date | None = None) -> str:
        """Accept (with field changes) or reject an event; returns the decision's event id."""
        recorded = self.find_event(event_id)
        if isinstance(recorded.fact, FactReviewed):
            raise TrackerError(f"event {recorded.id} is itself a review decision")
        edited(recorded, changes or {})
        return self.entries.enter(FactReviewed(compound=recorded.fact.compound, reviews=recorded.id, decision=decision,
                                               changes=changes or {}), entered_by, reason, reported_on)

    # ---- how the record changed ----

    def replay(self, view: TimeView, compound: str | None = None) -> list[ReplayStep]:
        """The facts in view in order of the view's axis, each with the status and ledger fields it changed."""
        from projections.replay import replay

        history, names = self.history.with_names(view)
        return replay(history, names, view, self.queries.resolve(compound, names) if compound else None)

    def diff(self, first: TimeView, second: TimeView, compound: str | None = None) -> Difference:
        """What the record in `second` shows that the record in `first` did not, and the reverse."""
        from projections.diff import diff

        history, names = self.history.with_names(second)
        return diff(history, names, first, second, self.queries.resolve(compound, names) if compound else None)

    def explain(self, name: str, field: str | None, view: TimeView) -> list[Explanation]:
        """The facts behind each value of a compound's status (or of the ledger line with id `name`)."""
        from projections.explain import explain, line_explanation
        from projections.ledger import ledger

        history, names = self.history.with_names(view)
        try:
            compound = self.queries.resolve(name, names)
        except UnknownCompound:
            line = ledger(view.select(history), names, view.horizon).find(name)
            if line is None:
                raise
            return [line_explanation(line, history)]
        return explain(history, names, view, compound, field)

    # ---- tamper evidence ----

    def verify(self) -> Verification:
        """Is every event as the tracker wrote it, in its place (the hash chain), and does the read model the
        queries answer from agree with the events (recomputed from the log, row by row)?"""
        try:
            chain = verify_chain(self.store.events.recorder)
            if not chain.intact:
                return chain
            agreed, breach = self.store.projection.check()
            if breach is None:
                breach = self.kept.check(self.answers)
        except PersistenceError as error:
            raise self.store.failure("cannot read the event store", error) from None
        return chain if breach is None else replace(chain, events=agreed, breach=breach)


def _find(event_id: str, history: tuple[RecordedFact, ...]) -> RecordedFact:
    """The event of `history` with this id, or with this unique id prefix."""
    matches = [r for r in history if r.id == event_id] or [r for r in history if r.id.startswith(event_id)]
    if not matches:
        raise TrackerError(f"no event {event_id!r}")
    if len(matches) > 1:
        raise TrackerError(f"{event_id!r} names {len(matches)} events; give more of the id")
    return matches[0]
