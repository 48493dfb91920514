"""The recorded history every projection is rebuilt from, and the views of it in time.

A `RecordedFact` is one stored fact joined with what the store knows around it:
the release it came from (publication date, file) and when it was recorded.
Projections are pure functions over a tuple of these, filtered by a `TimeView`
on the three time axes of EVENTS.md.

Corrections are bitemporal, as in XTDB or Datomic: a retraction or a review
decision is a correction of how the record was read, not news of its own day,
so one recorded at instant T applies to every `as_of` and `occurred_by` view
whose `recorded_by` is T or later (the default: now), however far back it
looks, while a view with `recorded_by` before T still shows exactly what the
tracker believed then. A corrected re-issue of a release is different: it is
itself public news, and supersedes the release it corrects from its own
publication on.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from projections.review import reviewed
from tracker.domain.facts import EventRetracted, Fact, FactReviewed
from tracker.domain.release_record import ReleaseRecord

#: Facts read with less confidence than this wait for review instead of entering projections.
REVIEW_THRESHOLD = 0.5
#: Facts that correct the reading of other facts; they reach every view recorded after them (see above).
CORRECTIONS: tuple[type[Fact], ...] = (EventRetracted, FactReviewed)


@dataclass(frozen=True, slots=True)  # slots: a query holds a hundred thousand of them
class RecordedFact:
    """A stored fact with its provenance: a release it was read from, or a person who entered it."""

    id: str
    """Stable id: the release id and the fact's position in it, or the entry's id."""
    fact: Fact
    reported_on: date
    recorded_at: datetime
    position: int = 0
    release: ReleaseRecord | None = None
    entered_by: str | None = None
    reason: str | None = None

    @property
    def type(self) -> str:
        return self.fact.type  # type: ignore[attr-defined]

    @property
    def occurred_by(self) -> date:
        """The last day on which it may have happened: a partial date counts from its end."""
        return self.fact.occurred_on.last_day if self.fact.occurred_on else self.reported_on

    @property
    def corrects(self) -> bool:
        """Whether it is a correction (a retraction, a review decision) of another fact's reading."""
        return isinstance(self.fact, CORRECTIONS)

    @property
    def sort_key(self) -> tuple:
        """Publication date, then releases before entries, then position in the source."""
        if self.release is not None:
            return (self.reported_on, 0, self.release.file, self.release.id, self.fact.offset, self.position)
        return (self.reported_on, 1, "", "", self.recorded_at.isoformat(), self.id)


@dataclass(frozen=True)
class TimeView:
    """Which facts a query sees: known publicly by `as_of`, happened by `occurred_by`, stored by `recorded_by`."""

    as_of: date | None = None
    occurred_by: date | None = None
    recorded_by: datetime | None = None
    review_threshold: float = REVIEW_THRESHOLD

    @property
    def horizon(self) -> date:
        """The day the view stands on, for "still ahead" and aging questions."""
        days = [d for d in (self.as_of, self.occurred_by) if d is not None]
        if self.recorded_by is not None:
            days.append(self.recorded_by.date())
        return min(days) if days else date.today()

    def admits(self, recorded: RecordedFact) -> bool:
        """Whether the fact is in view on all three time axes (confidence aside: see `select`)."""
        if self.as_of is not None and recorded.reported_on > self.as_of:
            return False
        if self.occurred_by is not None and recorded.occurred_by > self.occurred_by:
            return False
        return self.holds(recorded)

    def holds(self, recorded: RecordedFact) -> bool:
        """Whether the tracker held the fact at the view's `recorded_by` instant (the one axis corrections obey)."""
        return self.recorded_by is None or recorded.recorded_at <= self.recorded_by

    def corrections(self, history: tuple[RecordedFact, ...]) -> list[RecordedFact]:
        """The corrections that apply in this view: every one recorded by `recorded_by`, whatever its dates
        (the later of two decisions on one event is the one recorded later)."""
        return [r for r in history if r.corrects and self.holds(r)]

    def knows(self, release: ReleaseRecord) -> bool:
        """Whether the release itself was public by `as_of` and stored by `recorded_by`."""
        return ((self.as_of is None or release.published <= self.as_of)
                and (self.recorded_by is None or release.recorded_at <= self.recorded_by))

    def select(self, history: tuple[RecordedFact, ...]) -> tuple[RecordedFact, ...]:
        """The facts in view, in export order: those under the review threshold only once a review decision
        accepted them, less those a retraction withdrew and those of a release whose corrected re-issue is
        in view. Decisions and retractions count from the instant they were recorded (`corrections`); they
        are listed themselves only where their own dates are in view."""
        in_time = sorted((r for r in history if self.admits(r)), key=lambda r: r.sort_key)
        corrections = sorted(self.corrections(history), key=lambda r: (r.recorded_at, r.sort_key))
        admitted = reviewed(corrections, in_time, self.review_threshold)
        retracted = {r.fact.retracts for r in corrections if isinstance(r.fact, EventRetracted)}
        releases = {r.release.id: r.release for r in history if r.release is not None}
        superseded = {release.supersedes for release in releases.values() if release.supersedes and self.knows(release)}
        superseded |= {release.id for release in releases.values() if release.superseded_by in releases
                       and self.knows(releases[release.superseded_by])}
        superseded |= {release.id for release in releases.values() if any(map(self.knows, release.re_issues))}
        return tuple(r for r in admitted if r.id not in retracted
                     and (r.release is None or r.release.id not in superseded))
