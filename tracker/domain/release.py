"""A release in the event store: what was read from it, recorded once.

Each release is one aggregate whose id derives from its content, so a second
ingest of the same words collides with the first and adds nothing. Its first
event keeps the text and publication date; each fact read from it follows as
its own event. All are saved in one transaction: a release is stored whole or
not at all. A release re-issued with corrections names the one it supersedes.
"""
from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from tracker.domain.facts import Fact
from tracker.domain.release_record import ReleaseRecord, release_uuid

__all__ = ["Release", "ReleaseRecord", "release_uuid"]


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
