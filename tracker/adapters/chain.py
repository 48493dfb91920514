"""Tamper evidence: every stored event chained to the one before it by a hash.

The recorders below write, in the same transaction as the events and under the
same write lock, one row per event in `event_chain`: the SHA-256 of the
previous link and of the event's identity, topic and stored state. `verify`
walks the log in order and names the first event that was altered, removed,
inserted or reordered by anyone writing to the database behind the tracker's
back. (Someone who rewrites both tables consistently is caught only by
comparing the head hash with one kept elsewhere; `verify` prints it.)
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteCursor

GENESIS = "0" * 64
CHAIN_TABLE = "event_chain"


def link(previous: str, event: StoredEvent) -> str:
    """The chain hash of `event` following a link whose hash is `previous`."""
    digest = hashlib.sha256()
    for part in (previous, str(event.originator_id).replace("-", ""), str(event.originator_version), event.topic):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    state = event.state
    digest.update(state if isinstance(state, (bytes, bytearray, memoryview)) else str(state).encode("utf-8"))
    return digest.hexdigest()


class ChainedSQLiteRecorder(SQLiteApplicationRecorder):
    """The SQLite application recorder, writing the hash chain with the events."""

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(),
                f"CREATE TABLE IF NOT EXISTS {CHAIN_TABLE} (notification_id INTEGER PRIMARY KEY, hash TEXT NOT NULL)"]

    def _insert_events(self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int] | None:
        ids = super()._insert_events(c, stored_events, **kwargs)
        if ids:
            c.execute(f"SELECT hash FROM {CHAIN_TABLE} WHERE notification_id < ? ORDER BY notification_id DESC LIMIT 1",
                      (ids[0],))
            row = c.fetchone()
            previous = row[0] if row else GENESIS
            links = []
            for notification_id, event in zip(ids, stored_events):
                previous = link(previous, event)
                links.append((notification_id, previous))
            c.executemany(f"INSERT INTO {CHAIN_TABLE} VALUES (?, ?)", links)
        return ids

    def chain(self, after: int, limit: int) -> list[tuple[int, str]]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT notification_id, hash FROM {CHAIN_TABLE} WHERE notification_id > ? "
                      "ORDER BY notification_id LIMIT ?", (after, limit))
            return [(row[0], row[1]) for row in c.fetchall()]


@dataclass(frozen=True)
class Breach:
    """The first place where the log and its chain disagree."""

    notification_id: int
    originator_id: str | None
    originator_version: int | None
    problem: str


@dataclass(frozen=True)
class Verification:
    events: int
    head: str
    breach: Breach | None

    @property
    def intact(self) -> bool:
        return self.breach is None


def _pages(recorder: ApplicationRecorder, size: int = 2000) -> Iterator[Any]:
    start = 0
    while True:
        page = recorder.select_notifications(start, size, inclusive_of_start=False)
        yield from page
        if len(page) < size:
            return
        start = page[-1].id


def _chain_pages(recorder: Any, size: int = 2000) -> Iterator[tuple[int, str]]:
    after = 0
    while True:
        page = recorder.chain(after, size)
        yield from page
        if len(page) < size:
            return
        after = page[-1][0]


def verify(recorder: Any) -> Verification:
    """Walk the log and its chain together; stop at the first disagreement."""
    previous = GENESIS
    count = 0
    links = _chain_pages(recorder)
    pending = next(links, None)
    for event in _pages(recorder):
        identity = (str(event.originator_id), event.originator_version)
        if pending is not None and pending[0] < event.id:
            return Verification(count, previous, Breach(pending[0], None, None,
                                                        "removed: the chain records an event that is no longer in the log"))
        if pending is None or pending[0] > event.id:
            return Verification(count, previous, Breach(event.id, *identity,
                                                        "inserted: the event is in the log but not in the chain"))
        expected = link(previous, event)
        if pending[1] != expected:
            return Verification(count, previous, Breach(event.id, *identity,
                                                        "altered or reordered: its content or place does not match the chain"))
        previous = pending[1]
        count += 1
        pending = next(links, None)
    if pending is not None:
        return Verification(count, previous, Breach(pending[0], None, None,
                                                    "removed: the chain records an event that is no longer in the log"))
    return Verification(count, previous, None)
