"""Keeping the read model up to date with the event log, incrementally, and checking it against the log.

The `eventsourcing` runner cannot subscribe to SQLite, so the projection
pulls: it reads the notifications after the last one tracked, turns each into
rows, and writes a batch of rows with the tracking record of its last
notification in one transaction. A query first catches up (nothing to do when
the model is current), then reads only the rows it needs.

Re-issues are linked here, not when a release is stored: each release is
matched (`tracker.reissue`) against the releases before it in the log. The
catch-up applies the log exactly once and in order, so two processes storing a
release and its re-issue at the same moment get the answer of storing them one
after the other, whatever the interleaving, and `rebuild` relinks a store
written before. A link a release's event states (written by a tracker that
linked at ingest, or carried over from an export) is kept as it is.
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, PersistenceError, Tracking

from projections.history import RecordedFact
from projections.names import name_key
from tracker.adapters.chain import Breach
from tracker.adapters.read_model import FACTS, READ_MODEL, RELEASES, FactRow, FactsView, ReleaseRow
from tracker.collector import cycle_collection_paused
from tracker.domain.facts import CompoundAliasRecorded, EventRetracted, Fact, fact_from_json
from tracker.domain.release_record import ReleaseRecord

if TYPE_CHECKING:  # the aggregates and the re-issue check load when there is something to apply, not for a query
    from tracker.domain.release import Release
    from tracker.reissue import Issue

BATCH = 2000
#: A rebuild's pages: fewer, larger transactions (each still its rows with their tracking record).
REBUILD_BATCH = 10_000


def entry_id(uuid: UUID) -> str:
    """The event id of a person's entry: short enough to type, long enough to stay unique."""
    return f"entry.{uuid.hex[:16]}"


class ReadModelConflict(PersistenceError):
    """The read model holds rows for events it has not applied: written there behind the tracker's back."""


class EarlierReleases(Protocol):
    """The releases applied before a page of the log: the read model's tables, or a check's memory of its walk."""

    def release_rows_of(self, uuids: Iterable[str]) -> list[ReleaseRow]: ...

    def releases_headlined(self, headlines: Iterable[str]) -> list[ReleaseRow]: ...


def rows_of(page: Sequence[tuple[int, Any]], earlier: EarlierReleases) -> tuple[list[ReleaseRow], list[FactRow]]:
    """The rows a page of the log gives (notification ids and domain events, in log order), the releases
    before it being in `earlier`: a release row for each release, a fact row for each fact and entry."""
    from tracker.domain.entry import Entry
    from tracker.domain.release import Release

    records = {notification_id: _record(event) for notification_id, event in page
               if isinstance(event, Release.Ingested)}
    issues: dict[str, list[Issue]] = defaultdict(list)
    headlines = {record.headline for record in records.values() if record.headline}
    for row in earlier.releases_headlined(headlines) if headlines else ():
        issues[row.headline].append(_issue(row.record))
    # by store id as the events carry it: its hex (the rows' form) is worked out once a release, not once a fact
    releases: dict[UUID, ReleaseRow] = {}
    read_from = {event.originator_id for _, event in page if isinstance(event, Release.FactRecorded)}
    missing = read_from - {event.originator_id for _, event in page if isinstance(event, Release.Ingested)}
    releases.update((UUID(row.release_uuid), row) for row in earlier.release_rows_of(u.hex for u in missing) if missing)
    release_rows, fact_rows = [], []
    key_of = functools.cache(name_key)  # a page's facts name the same few compounds again and again
    for notification_id, event in page:
        if isinstance(event, Release.FactRecorded):
            release = releases[event.originator_id]
            position = event.originator_version - 1
            fact_rows.append(_fact_row(notification_id, f"{release.release_id}.{position}", event.fact,
                                       release.published, event.timestamp, release.release_uuid, position, None, None,
                                       key_of))
        elif isinstance(event, Release.Ingested):
            record = _linked(records[notification_id], issues[records[notification_id].headline])
            issues[record.headline].append(_issue(record))
            row = releases[event.originator_id] = ReleaseRow.of(notification_id, event.originator_id.hex, record)
            release_rows.append(row)
        elif isinstance(event, Entry.Made):
            fact_rows.append(_fact_row(notification_id, entry_id(event.originator_id), event.fact,
                                       event.reported_on.isoformat(), event.timestamp, None, 0, event.entered_by,
                                       event.reason, key_of))
    return release_rows, fact_rows


def _record(event: Release.Ingested) -> ReleaseRecord:
    from tracker.reissue import headline

    record = ReleaseRecord.of(event)
    if not record.headline:
        record = replace(record, headline=headline(event.text))  # stored before headlines were kept
    return record


def _issue(record: ReleaseRecord) -> Issue:
    from tracker.reissue import Issue

    return Issue(record.id, record.headline, record.published)


def _linked(record: ReleaseRecord, before: list[Issue]) -> ReleaseRecord:
    """The release with the re-issue link its event states, or else the one found among the releases before it."""
    if record.supersedes or record.superseded_by:
        return record
    from tracker.reissue import reissue

    link = reissue(_issue(record), before)
    return replace(record, supersedes=link.supersedes, superseded_by=link.superseded_by)


class FactsProjection:
    """Applies the log to a `FactsView`, each event exactly once."""

    def __init__(self, app: Application, view: FactsView):
        self.app = app
        self.view = view

    @property
    def position(self) -> int:
        return self.view.max_tracking_id(READ_MODEL) or 0

    def catch_up(self, progress: Callable[[int], object] | None = None, batch: int = BATCH) -> int:
        """Apply every event after the tracked position, `batch` notifications a transaction; returns how many
        notifications were applied."""
        applied = 0
        while True:
            position = self.position
            page = self.app.recorder.select_notifications(position, batch, inclusive_of_start=False)
            if not page:
                return applied
            releases, facts = rows_of([(n.id, self.app.mapper.to_domain_event(n)) for n in page], self.view)
            try:
                self.view.write(facts, releases, Tracking(READ_MODEL, page[-1].id))
            except IntegrityError:
                if self.position == position:
                    raise ReadModelConflict("it holds rows for events it has not applied, written behind the "
                                            "tracker's back; run `tracker verify`, then `tracker rebuild`") from None
                continue  # another process applied these notifications first: start again from its position
            applied += len(page)
            if progress:
                progress(applied)

    def rebuild(self, progress: Callable[[int], object] | None = None) -> int:
        """Empty the read model and apply the whole log again, the facts' indexes built once at the end rather
        than kept up to date row by row (a rebuild stopped midway has them made again when the store next opens),
        as a bulk load (`FactsView.bulk_load`) in pages of `REBUILD_BATCH`, the cycle collector paused."""
        with self.view.bulk_load(), cycle_collection_paused():
            self.view.clear()
            self.view.drop_fact_indexes()
            try:
                return self.catch_up(progress, REBUILD_BATCH)
            finally:
                self.view.create_fact_indexes()

    def check(self) -> tuple[int, Breach | None]:
        """Recompute the read model from the log, up to the tracked position, and compare it with the
        tables row by row in log order. Returns how many events agree before the first row that
        differs, is missing or comes from no event, and that breach (None when they all agree)."""
        position = self.position
        memory = _Remembered()
        stored = {RELEASES: _Peek(_paged(self.view.release_rows_after)), FACTS: _Peek(_paged(self.view.facts_after))}
        agreed = 0
        for page in _log_pages(self.app, position):
            events = [(n.id, self.app.mapper.to_domain_event(n)) for n in page]
            releases, facts = rows_of(events, memory)
            memory.remember(releases)
            expected: dict[int, tuple[str, Any]] = {r.notification_id: (RELEASES, r) for r in releases}
            expected.update((f.notification_id, (FACTS, f)) for f in facts)
            for notification_id, event in events:
                for table, rows in stored.items():
                    head = rows.peek()
                    if head is not None and head.notification_id < notification_id:
                        return agreed, _extra(table, head)
                if notification_id in expected:
                    table, row = expected[notification_id]
                    breach = _compare(table, row, stored[table], event)
                    if breach:
                        return agreed, breach
                agreed += 1
        for table, rows in stored.items():
            head = rows.peek()
            if head is not None:
                return agreed, _extra(table, head)
        return agreed, None


def _log_pages(app: Application, up_to: int) -> Iterator[list[Any]]:
    start = 0
    while start < up_to:
        page = [n for n in app.recorder.select_notifications(start, BATCH, inclusive_of_start=False) if n.id <= up_to]
        if not page:
            return
        yield page
        start = page[-1].id


Row = TypeVar("Row", FactRow, ReleaseRow)


def _paged(fetch: Callable[[int, int], list[Row]]) -> Iterator[Row]:
    after = None
    while True:
        page = fetch(-(2**62) if after is None else after, BATCH)
        yield from page
        if len(page) < BATCH:
            return
        after = page[-1].notification_id


class _Peek:
    def __init__(self, rows: Iterator[Any]):
        self._rows = rows
        self._head = next(rows, None)

    def peek(self) -> Any:
        return self._head

    def advance(self) -> None:
        self._head = next(self._rows, None)


class _Remembered:
    """The releases a check has walked past, standing in for the read model's tables it is checking."""

    def __init__(self) -> None:
        self._by_uuid: dict[str, ReleaseRow] = {}
        self._by_headline: dict[str, list[ReleaseRow]] = defaultdict(list)

    def remember(self, rows: Iterable[ReleaseRow]) -> None:
        for row in rows:
            self._by_uuid[row.release_uuid] = row
            self._by_headline[row.headline].append(row)

    def release_rows_of(self, uuids: Iterable[str]) -> list[ReleaseRow]:
        return [self._by_uuid[uuid] for uuid in uuids if uuid in self._by_uuid]

    def releases_headlined(self, headlines: Iterable[str]) -> list[ReleaseRow]:
        return sorted((row for h in headlines for row in self._by_headline.get(h, ())), key=lambda r: r.notification_id)


def _compare(table: str, expected: Any, rows: _Peek, event: Any) -> Breach | None:
    stored = rows.peek()
    where = (expected.notification_id, event.originator_id.hex, event.originator_version)
    if stored is None or stored.notification_id != expected.notification_id:
        return Breach(*where, f"its row is missing from the read model ({table})")
    rows.advance()
    if stored == expected:
        return None
    name, there, here = _first_difference(stored, expected)
    return Breach(*where, f"the read model disagrees with it: {table}.{name} is {_shown(there)} there, "
                          f"{_shown(here)} in the log")


def _first_difference(stored: Any, expected: Any) -> tuple[str, Any, Any]:
    """The first column that differs; in a fact's JSON, the first field."""
    for column in fields(expected):
        there, here = getattr(stored, column.name), getattr(expected, column.name)
        if there == here:
            continue
        if column.name == "fact":
            try:
                there_fields = json.loads(there)
            except ValueError:
                return column.name, there, here
            here_fields = json.loads(here)
            for key in sorted(set(there_fields) | set(here_fields)):
                if there_fields.get(key) != here_fields.get(key):
                    return f"fact.{key}", there_fields.get(key), here_fields.get(key)
        return column.name, there, here
    raise AssertionError("rows differ in no column")


def _extra(table: str, row: Any) -> Breach:
    name = row.event_id if isinstance(row, FactRow) else row.release_id
    return Breach(row.notification_id, None, None,
                  f"the read model's row #{row.notification_id} in {table} ({name}) comes from no event in the log")


def _shown(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _fact_row(notification_id: int, event_id: str, fact, reported_on: str, recorded_at: datetime,
              release_uuid: str | None, position: int, entered_by: str | None, reason: str | None,
              key_of: Callable[[str], str] = name_key) -> FactRow:
    """The row of a fact reported on the ISO day `reported_on`; `key_of` gives a name's key (`name_key`)."""
    compound = fact.compound
    return FactRow(  # positionally, in the columns' order: a hundred thousand rows a rebuild
        notification_id, event_id, fact.type,
        key_of(compound) if compound else None,
        key_of(fact.alias) if isinstance(fact, CompoundAliasRecorded) else None,
        fact.retracts if isinstance(fact, EventRetracted) else None,
        reported_on,
        fact.occurred_on.last_day.isoformat() if fact.occurred_on else reported_on,
        recorded_at.isoformat(), fact.confidence, release_uuid, position, entered_by, reason,
        fact.model_dump_json(),
    )


def recorded_facts(rows: list[FactRow], releases: dict[str, ReleaseRecord]) -> tuple[RecordedFact, ...]:
    """Rows of the read model back as the `RecordedFact`s projections take; `releases` by store id. The facts of
    one release share its day and instant (one object each, not one a fact)."""
    day, instant = functools.cache(date.fromisoformat), functools.cache(datetime.fromisoformat)
    quotes: dict[str, str] = {}

    def read(text: str) -> Fact:
        """The fact, its quote the one string of the facts read from the same sentence before it."""
        fact = fact_from_json(text)
        quote = quotes.setdefault(fact.quote, fact.quote)
        if quote is not fact.quote:
            fact.__dict__["quote"] = quote  # the same text: facts are frozen, nothing else holds the other
        return fact

    return tuple(RecordedFact(
        id=row.event_id, fact=read(row.fact), reported_on=day(row.reported_on),
        recorded_at=instant(row.recorded_at), position=row.position,
        release=releases[row.release_uuid] if row.release_uuid else None,
        entered_by=row.entered_by, reason=row.reason) for row in rows)
