"""Recorded facts made by hand, for projection tests that need no store."""
from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import count

from projections.history import RecordedFact
from tracker.domain.facts import Fact
from tracker.domain.release import ReleaseRecord

_positions = count(1)


def release(published: date, name: str = "r", recorded: datetime | None = None) -> ReleaseRecord:
    return ReleaseRecord(id=f"{name}{published:%Y%m%d}", file=f"{name}.txt", published=published,
                       published_from="dateline",
                       recorded_at=recorded or datetime(2026, 1, 1, tzinfo=UTC))


def recorded(fact_class: type[Fact], published: date, *, release_name: str = "r",
             recorded_at: datetime | None = None, **fields) -> RecordedFact:
    """One fact as read from a release published on `published`."""
    position = next(_positions)
    fields.setdefault("quote", f"sentence {position}.")
    fields.setdefault("line", 1)
    fields.setdefault("offset", position)
    fields.setdefault("confidence", 0.9)
    info = release(published, release_name, recorded_at)
    return RecordedFact(id=f"{info.id}.{position}", fact=fact_class(**fields), reported_on=published,
                        recorded_at=info.recorded_at, position=position, release=info)
