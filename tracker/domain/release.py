"""A release in the event store: what was read from it, recorded once.

Each release is one aggregate whose id derives from its content, so a second
ingest of the same words collides with the first and adds nothing. Its first
event keeps the text and publication date; each fact read from it follows as
its own event. All are saved in one transaction: a release is stored whole or
not at all. A release re-issued with corrections names the one it supersedes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from tracker.domain.facts import Fact

_NAMESPACE = uuid5(NAMESPACE_URL, "https://milestone-tracker/releases")


def release_uuid(release_id: str) -> UUID:
    """The store id of the release whose content id is `release_id`."""
    return uuid5(_NAMESPACE, release_id)


class Release(Aggregate):
    @staticmethod
    def create_id(release_id: str, **_: Any) -> UUID:
        return release_uuid(release_id)

    class Ingested(Aggregate.Created):
        """The release read; its `headline`, folded, is what re-issues are matched on (see tracker.reissue),
        empty in releases stored before headlines were kept. The read model links re-issues in log order;
        `supersedes` and `superseded_by` are set only where the link was stated when the release was
        stored (by a tracker that linked at ingest, or carried over from an export), and then stand."""

        class_version = 3
        release_id: str
        file: str
        published: date
        published_from: str
        text: str
        supersedes: str | None
        superseded_by: str | None
        headline: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            """Releases stored before re-issues were detected supersede nothing."""
            state["supersedes"] = state["superseded_by"] = None

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            """Releases stored before headlines were kept have none (empty). The read model reads it from the
            text when it records the release: an upcast stays a pure function of the stored state, whatever
            today's sentence splitter does."""
            state["headline"] = ""

    @event(Ingested)
    def __init__(self, release_id: str, file: str, published: date, published_from: str, text: str,
                 headline: str, supersedes: str | None = None, superseded_by: str | None = None):
        self.release_id = release_id
        self.file = file
        self.published = published
        self.published_from = published_from
        self.text = text
        self.supersedes = supersedes
        self.superseded_by = superseded_by
        self.headline = headline
        self.facts: list[Fact] = []

    class FactRecorded(Aggregate.Event):
        """One fact read from the release; its position in the release is its version less one."""

        fact: Fact

    @event(FactRecorded)
    def record(self, fact: Fact) -> None:
        self.facts.append(fact)


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
