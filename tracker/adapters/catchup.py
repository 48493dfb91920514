"""Keeping the read model up to date with the event log, incrementally.

The `eventsourcing` runner cannot subscribe to SQLite, so the projection
pulls: it reads the notifications after the last one tracked, turns each into
rows, and writes a batch of rows with the tracking record of its last
notification in one transaction. A query first catches up (nothing to do when
the model is current), then reads only the rows it needs.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking

from projections.history import RecordedFact
from projections.names import name_key
from tracker.adapters.read_model import READ_MODEL, FactRow, FactsView
from tracker.domain.entry import Entry
from tracker.domain.facts import CompoundAliasRecorded, EventRetracted, fact_from_json
from tracker.domain.release import Release, ReleaseRecord
from tracker.reissue import headline

BATCH = 2000


def entry_id(uuid: UUID) -> str:
    """The event id of a person's entry: short enough to type, long enough to stay unique."""
    return f"entry.{uuid.hex[:16]}"


class FactsProjection:
    """Applies the log to a `FactsView`, each event exactly once."""

    def __init__(self, app: Application, view: FactsView):
        self.app = app
        self.view = view
        self._releases: dict[str, ReleaseRecord] = {}
        """Releases by store id (hex), for the facts that follow them in the log."""

    @property
    def position(self) -> int:
        return self.view.max_tracking_id(READ_MODEL) or 0

    def catch_up(self, progress: Callable[[int], object] | None = None) -> int:
        """Apply every event after the tracked position; returns how many notifications were applied."""
        applied = 0
        while True:
            position = self.position
            page = self.app.recorder.select_notifications(position, BATCH, inclusive_of_start=False)
            if not page:
                return applied
            facts: list[FactRow] = []
            releases: dict[str, ReleaseRecord] = {}
            for notification in page:
                event = self.app.mapper.to_domain_event(notification)
                self._rows(notification.id, event, facts, releases)
            try:
                self.view.write(facts, releases, Tracking(READ_MODEL, page[-1].id))
            except IntegrityError:
                # Another process applied these notifications first: start again from its position.
                self._releases = {k: v for k, v in self._releases.items() if k not in releases}
                continue
            applied += len(page)
            if progress:
                progress(applied)

    def rebuild(self, progress: Callable[[int], object] | None = None) -> int:
        self.view.clear()
        self._releases.clear()
        return self.catch_up(progress)

    def _rows(self, notification_id: int, event: object, facts: list[FactRow], releases: dict[str, ReleaseRecord]) -> None:
        if isinstance(event, Release.Ingested):
            record = ReleaseRecord.of(event)
            if not record.headline:
                record = replace(record, headline=headline(event.text))  # stored before headlines were kept
            self._releases[event.originator_id.hex] = releases[event.originator_id.hex] = record
        elif isinstance(event, Release.FactRecorded):
            uuid = event.originator_id.hex
            release = self._release(uuid)
            position = event.originator_version - 1
            facts.append(_fact_row(notification_id, f"{release.id}.{position}", event.fact, release.published,
                                   event.timestamp, uuid, position, None, None))
        elif isinstance(event, Entry.Made):
            facts.append(_fact_row(notification_id, entry_id(event.originator_id), event.fact, event.reported_on,
                                   event.timestamp, None, 0, event.entered_by, event.reason))

    def _release(self, uuid: str) -> ReleaseRecord:
        if uuid not in self._releases:
            self._releases.update(self.view.releases([uuid]))
        return self._releases[uuid]


def _fact_row(notification_id: int, event_id: str, fact, reported_on: date, recorded_at: datetime,
              release_uuid: str | None, position: int, entered_by: str | None, reason: str | None) -> FactRow:
    occurred_by = fact.occurred_on.last_day if fact.occurred_on else reported_on
    return FactRow(
        notification_id=notification_id,
        event_id=event_id,
        type=fact.type,
        compound_key=name_key(fact.compound) if fact.compound else None,
        alias_key=name_key(fact.alias) if isinstance(fact, CompoundAliasRecorded) else None,
        retracts=fact.retracts if isinstance(fact, EventRetracted) else None,
        reported_on=reported_on.isoformat(),
        occurred_by=occurred_by.isoformat(),
        recorded_at=recorded_at.isoformat(),
        confidence=fact.confidence,
        release_uuid=release_uuid,
        position=position,
        entered_by=entered_by,
        reason=reason,
        fact=fact.model_dump_json(),
    )


def recorded_facts(rows: list[FactRow], releases: dict[str, ReleaseRecord]) -> tuple[RecordedFact, ...]:
    """Rows of the read model back as the `RecordedFact`s projections take; `releases` by store id."""
    return tuple(RecordedFact(
        id=row.event_id, fact=fact_from_json(row.fact), reported_on=date.fromisoformat(row.reported_on),
        recorded_at=datetime.fromisoformat(row.recorded_at), position=row.position,
        release=releases[row.release_uuid] if row.release_uuid else None,
        entered_by=row.entered_by, reason=row.reason) for row in rows)
