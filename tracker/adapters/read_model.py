"""The read model's tables, in the same database as the events.

One row per recorded fact, with the columns queries filter on (compound name
key, alias key, retracted event, dates) and the fact itself as JSON. Rows are
written together with the `eventsourcing` tracking record of the last event
applied, in one transaction, so each event is applied exactly once even when
several processes catch up at the same time: the loser's transaction fails on
the tracking record and rolls back.

The same interface is implemented on SQLite and PostgreSQL; only the SQL
dialect differs.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from tracker.domain.facts import EVERY_VIEW_FACT_TYPES
from tracker.domain.release import ReleaseRecord

#: The read model's tables carry their shape's version, and so does its tracking record: a tracker that
#: changes the shape starts new tables empty and fills them from the events the first time it opens an
#: older store, instead of misreading the old ones.
READ_MODEL = "facts_v2"

COLUMNS = ("notification_id", "event_id", "type", "compound_key", "alias_key", "retracts", "reported_on",
           "occurred_by", "recorded_at", "confidence", "release_uuid", "position", "entered_by", "reason", "fact")
RELEASE_COLUMNS = ("release_uuid", "release_id", "file", "published", "published_from", "recorded_at", "supersedes",
                   "superseded_by", "headline")


@dataclass(frozen=True)
class FactRow:
    notification_id: int
    event_id: str
    type: str
    compound_key: str | None
    alias_key: str | None
    retracts: str | None
    reported_on: str
    occurred_by: str
    recorded_at: str
    confidence: float
    release_uuid: str | None
    position: int
    entered_by: str | None
    reason: str | None
    fact: str


class FactsView:
    """What the catch-up writes and the queries read, whatever the database.

    Mixed into the library's tracking recorder of each database, which brings the datastore and the
    tracking table."""

    placeholder = "?"
    if TYPE_CHECKING:
        datastore: Any

        def _insert_tracking(self, cursor: Any, tracking: Tracking) -> None: ...

        def max_tracking_id(self, application_name: str) -> int | None: ...

    def _schema_statements(self) -> list[str]:
        number, real = self._types()
        return [
            "CREATE TABLE IF NOT EXISTS facts_v2 ("
            f"notification_id {number} PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
            "compound_key TEXT, alias_key TEXT, retracts TEXT, reported_on TEXT NOT NULL, occurred_by TEXT NOT NULL, "
            f"recorded_at TEXT NOT NULL, confidence {real} NOT NULL, release_uuid TEXT, position {number} NOT NULL, "
            "entered_by TEXT, reason TEXT, fact TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS facts_v2_compound ON facts_v2 (compound_key)",
            "CREATE INDEX IF NOT EXISTS facts_v2_alias ON facts_v2 (alias_key)",
            "CREATE INDEX IF NOT EXISTS facts_v2_retracts ON facts_v2 (retracts)",
            "CREATE INDEX IF NOT EXISTS facts_v2_type ON facts_v2 (type)",
            "CREATE INDEX IF NOT EXISTS facts_v2_release ON facts_v2 (release_uuid)",
            "CREATE TABLE IF NOT EXISTS tracker_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS releases_v2 (release_uuid TEXT PRIMARY KEY, release_id TEXT NOT NULL, "
            "file TEXT NOT NULL, published TEXT NOT NULL, published_from TEXT NOT NULL, recorded_at TEXT NOT NULL, "
            "supersedes TEXT, superseded_by TEXT, headline TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS releases_v2_headline ON releases_v2 (headline)",
        ]

    def _types(self) -> tuple[str, str]:
        raise NotImplementedError

    # ---- writing ----

    def write(self, facts: Sequence[FactRow], releases: dict[str, ReleaseRecord], tracking: Tracking) -> None:
        """Rows (releases by store id) and the tracking record of the last event they apply, in one transaction."""
        with self.datastore.transaction(commit=True) as cursor:
            self._write(cursor, facts, releases, tracking)

    def _write(self, cursor: Any, facts: Sequence[FactRow], releases: dict[str, ReleaseRecord], tracking: Tracking) -> None:
        p = self.placeholder
        if releases:
            cursor.executemany(f"INSERT INTO releases_v2 VALUES ({', '.join([p] * len(RELEASE_COLUMNS))})",
                               [_release_row(uuid, r) for uuid, r in releases.items()])
        if facts:
            cursor.executemany(f"INSERT INTO facts_v2 VALUES ({', '.join([p] * len(COLUMNS))})",
                               [tuple(vars(f).values()) for f in facts])
        self._insert_tracking(cursor, tracking)

    def claim_schema(self, version: int) -> int:
        """Mark the store as written by schema `version` unless marked already; returns the mark."""
        self._execute(f"INSERT INTO tracker_schema VALUES (1, {self.placeholder}) ON CONFLICT DO NOTHING", (version,))
        return self._select("SELECT version FROM tracker_schema WHERE id = 1")[0][0]

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            cursor.execute(sql, list(params))

    # ---- reading ----

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def facts(self, where: str = "", params: Sequence[Any] = ()) -> list[FactRow]:
        sql = f"SELECT {', '.join(COLUMNS)} FROM facts_v2 {where} ORDER BY notification_id"
        return [FactRow(*row) for row in self._select(sql, params)]

    def facts_about(self, keys: Iterable[str]) -> list[FactRow]:
        """The facts naming one of `keys`, the alias facts linking them, every corporate affiliation,
        and retractions of any of these."""
        return self.facts_related(keys, ())

    def facts_related(self, keys: Iterable[str], release_uuids: Iterable[str]) -> list[FactRow]:
        """The facts naming one of `keys` or read from one of the releases, the alias facts linking
        the names, every corporate affiliation and review decision, and retractions of any of these."""
        keys, one_of = list(keys), self._one_of()
        rows = self.facts(f"WHERE compound_key {one_of} OR alias_key {one_of} OR release_uuid {one_of} "
                          f"OR type {one_of}",
                          [self._list(keys), self._list(keys), self._list(release_uuids), self._list(EVERY_VIEW_FACT_TYPES)])
        seen = {row.notification_id for row in rows}
        retractions = self.facts(f"WHERE retracts {one_of}", [self._list(row.event_id for row in rows)])
        return sorted(rows + [r for r in retractions if r.notification_id not in seen], key=lambda r: r.notification_id)

    def facts_of_types(self, types: Iterable[str]) -> list[FactRow]:
        return self.facts(f"WHERE type {self._one_of()}", [self._list(types)])

    def _one_of(self) -> str:
        """A condition "is one of the values of a list parameter": one parameter, however long the list."""
        raise NotImplementedError

    def _list(self, values: Iterable[str]) -> Any:
        """The parameter `_one_of` takes."""
        raise NotImplementedError

    def alias_edges(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        """(compound, alias) name keys of the alias facts touching `keys`: two index searches, not a scan."""
        keys, one_of = list(keys), self._one_of()
        return [(a, b) for a, b in self._select(
            f"SELECT compound_key, alias_key FROM facts_v2 WHERE compound_key {one_of} AND alias_key IS NOT NULL "
            f"UNION SELECT compound_key, alias_key FROM facts_v2 WHERE alias_key {one_of}",
            [self._list(keys), self._list(keys)])]

    def releases_headlined(self, headline: str) -> list[ReleaseRecord]:
        sql = f"SELECT {', '.join(RELEASE_COLUMNS)} FROM releases_v2 WHERE headline = {self.placeholder}"
        return [_release_record(row) for row in self._select(sql, [headline])]

    def releases(self, uuids: Iterable[str]) -> dict[str, ReleaseRecord]:
        """The releases whose store ids (hex) are `uuids`, by store id."""
        sql = f"SELECT {', '.join(RELEASE_COLUMNS)} FROM releases_v2 WHERE release_uuid {self._one_of()}"
        return {row[0]: _release_record(row) for row in self._select(sql, [self._list(uuids)])}

    def name_spellings(self) -> list[str]:
        """Every compound name and alias recorded, as written."""
        return [row[0] for row in self._select(
            "SELECT DISTINCT json_extract(fact, '$.compound') FROM facts_v2 WHERE compound_key IS NOT NULL "
            "UNION SELECT DISTINCT json_extract(fact, '$.alias') FROM facts_v2 WHERE alias_key IS NOT NULL")]

    def clear(self) -> None:
        """Forget every row and the tracking position, for a rebuild."""
        raise NotImplementedError


def _release_row(uuid: str, release: ReleaseRecord) -> tuple:
    return (uuid, release.id, release.file, release.published.isoformat(), release.published_from,
            release.recorded_at.isoformat(), release.supersedes, release.superseded_by, release.headline)


def _release_record(row: Sequence[Any]) -> ReleaseRecord:
    _, release_id, file, published, published_from, recorded_at, supersedes, superseded_by, headline = row
    return ReleaseRecord(release_id, file, date.fromisoformat(published), published_from,
                         datetime.fromisoformat(recorded_at), supersedes, superseded_by, headline)


class SQLiteFactsView(FactsView, SQLiteTrackingRecorder):
    def _one_of(self) -> str:
        return "IN (SELECT value FROM json_each(?))"

    def _list(self, values: Iterable[str]) -> Any:
        return json.dumps(list(values))

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), *self._schema_statements()]

    def _types(self) -> tuple[str, str]:
        return "INTEGER", "REAL"

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(sql, list(params))
            return [tuple(row) for row in cursor.fetchall()]

    def clear(self) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            cursor.execute("DELETE FROM facts_v2")
            cursor.execute("DELETE FROM releases_v2")
            cursor.execute("DELETE FROM tracking WHERE application_name = ?", [READ_MODEL])
