"""A stored release as the rest of the tracker knows it, apart from the aggregate (`tracker.domain.release`):
a query that reads the read model loads neither the aggregate nor the `eventsourcing` domain classes."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

if TYPE_CHECKING:
    from tracker.domain.release import Release

_NAMESPACE = uuid5(NAMESPACE_URL, "https://milestone-tracker/releases")


def release_uuid(release_id: str) -> UUID:
    """The store id of the release whose content id is `release_id`."""
    return uuid5(_NAMESPACE, release_id)


@dataclass(frozen=True)
class ReleaseRecord:
    """A stored release as every other part of the tracker knows it: the read model's row, the release a
    fact was read from, an export's entry. Its text stays in the store."""

    id: str
    file: str
    published: date
    published_from: str
    recorded_at: datetime
    supersedes: str | None = None
    """The id of the release this one re-issues with corrections."""
    superseded_by: str | None = None
    """The id of a corrected re-issue of this release, stored before it."""
    headline: str = ""
    """Folded, as `tracker.reissue` compares headlines to spot corrected re-issues."""
    re_issues: tuple[ReleaseRecord, ...] = field(default=(), compare=False, repr=False)
    """The releases that re-issue this one, whether or not any of their facts is read with it: a query reading
    part of the store (one compound's facts) knows from them when this release stands corrected."""

    @classmethod
    def of(cls, event: Release.Ingested) -> ReleaseRecord:
        return cls(event.release_id, event.file, event.published, event.published_from, event.timestamp,
                   event.supersedes, event.superseded_by, event.headline)

    @property
    def uuid(self) -> UUID:
        return release_uuid(self.id)
