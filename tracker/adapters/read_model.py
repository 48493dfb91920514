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
import sqlite3
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import date, datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.sqlite import SQLiteTrackingRecorder

from tracker.domain.facts import EVERY_VIEW_FACT_TYPES
from tracker.domain.release_record import ReleaseRecord

#: The read model's tables carry their shape's version, and so does its tracking record: a tracker that
#: changes the shape (or what a row holds) starts new tables empty and fills them from the events the first
#: time it opens an older store, instead of misreading the old ones. v3: releases carry the position of
#: their event in the log, and re-issue links derived in log order (see `tracker.adapters.catchup`).
VERSION = 3
READ_MODEL = f"facts_v{VERSION}"
FACTS = READ_MODEL
RELEASES = f"releases_v{VERSION}"

#: The facts table's indexes (name: column), each what some query looks facts up by; `reported` answers whether
#: anything is dated after a day (`published_between`), which the kept answers' stamps ask.
_FACT_INDEXES = {"compound": "compound_key", "alias": "alias_key", "retracts": "retracts", "type": "type",
                 "release": "release_uuid", "reported": "reported_on"}

COLUMNS = ("notification_id", "event_id", "type", "compound_key", "alias_key", "retracts", "reported_on",
           "occurred_by", "recorded_at", "confidence", "release_uuid", "position", "entered_by", "reason", "fact")
#: Whole-store answers of the default view (every compound's status, every ledger line), kept with the view they
#: answer (`Stamp`) so that a query reads them instead of recomputing them (`tracker.services.kept`). A row's
#: key is the compound name key of a list's row, or the part of a document a row belongs to; its place
#: (`place`, bytes) is where it stands in the answer, read in place order. v2: `row_key`; v3: `made_by`;
#: v4: a receivables report's totals and notes a row each; v5: a row's place instead of its number, so that an
#: answer brought up to date has only the rows of the name groups that changed written again (`amend`).
ANSWERS = "answers_v5"
ANSWER_STAMPS = "answer_stamps_v5"
#: A kept answer's row: its key (a compound name key, a document's part, or none), its place, its JSON body.
KeptRow = tuple[str | None, bytes, str]


def place(parts: Iterable[Any]) -> bytes:
    """A row's place in its answer: the parts of its sort key (text, whole numbers, days, none) as bytes that
    compare, byte by byte, as the parts compare in Python, so that the store reads rows back in the answer's order
    and a row made again takes its place among those kept. Each part is tagged with its type and text ends
    with two zero bytes (a zero byte in it is written as zero, 0xFF), so no part's bytes are the start of
    another's."""
    out = bytearray()
    for part in parts:
        if isinstance(part, date):
            part = part.isoformat()  # ISO days compare as the days do
        if part is None:
            out += b"\x00"
        elif isinstance(part, int):
            out += b"\x01" + (part + (1 << 63)).to_bytes(8, "big")
        elif isinstance(part, str):
            out += b"\x02" + part.encode().replace(b"\x00", b"\x00\xff") + b"\x00\x00"
        else:
            raise TypeError(f"a kept row's place has no bytes for {part!r}")
    return bytes(out)

RELEASE_COLUMNS = ("notification_id", "release_uuid", "release_id", "file", "published", "published_from",
                   "recorded_at", "supersedes", "superseded_by", "headline")


@dataclass(frozen=True, slots=True)  # a query may hold a page of the whole store's
class FactRow:
    """A recorded fact (read from a release, or entered by a person) as the read model holds it."""

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


@dataclass(frozen=True)
class ReleaseRow:
    """A stored release as the read model holds it: where its event is in the log, and its re-issue links."""

    notification_id: int
    release_uuid: str
    release_id: str
    file: str
    published: str
    published_from: str
    recorded_at: str
    supersedes: str | None
    superseded_by: str | None
    headline: str

    @classmethod
    def of(cls, notification_id: int, release_uuid: str, record: ReleaseRecord) -> ReleaseRow:
        return cls(notification_id, release_uuid, record.id, record.file, record.published.isoformat(),
                   record.published_from, record.recorded_at.isoformat(), record.supersedes, record.superseded_by,
                   record.headline)

    @property
    def record(self) -> ReleaseRecord:
        return ReleaseRecord(self.release_id, self.file, date.fromisoformat(self.published), self.published_from,
                             datetime.fromisoformat(self.recorded_at), self.supersedes, self.superseded_by,
                             self.headline)


#: A row's values in its table's column order: its fields are plain values, so no deep copy (`astuple`) is needed.
_FACT_VALUES = attrgetter(*COLUMNS)
_RELEASE_VALUES = attrgetter(*RELEASE_COLUMNS)


@dataclass(frozen=True)
class Stamp:
    """The view a kept answer is of: a view of today (`as_of` today's ISO day, or "" for no as-of) at the read
    model's `position`, standing on `horizon` (ISO day), with the review `threshold`, as computed by the tracker
    `made_by` (its version: another version may compute another answer)."""

    position: int
    as_of: str
    horizon: str
    threshold: float
    made_by: str


class KeptSnapshot:
    """The rows of one kept answer as they stood when it was opened, read a range at a time (by index in place
    order) as they are used: what the caller holds never changes under it when the log moves.

    This one holds rows read whole (PostgreSQL, an in-memory store); SQLite's reads pages from a read
    transaction of its own (`_SQLiteSnapshot`)."""

    def __init__(self, rows: list[KeptRow]):
        self._rows = rows

    def count(self, key: str | None = None) -> int:
        """How many rows it has (of them, those whose key is `key`, when given)."""
        return len(self._rows) if key is None else sum(1 for row_key, _, _ in self._rows if row_key == key)

    def bodies(self, start: int, stop: int) -> list[str]:
        """The JSON bodies of the rows from index `start` up to, not including, `stop`, in place order."""
        return [body for _, _, body in self._rows[start:stop]]


class _SQLiteSnapshot(KeptSnapshot):
    """A kept answer read from an SQLite read transaction on a connection of its own: its count from the index,
    its rows a range at a time, each range after the place of the last row of the one before when that one was
    read (rows are read in order: no row is stepped over again), else by offset. In WAL mode the transaction
    sees the answer as it stood when opened while other connections write; it ends when every row has been
    read, or when the snapshot is let go."""

    def __init__(self, connection: sqlite3.Connection, kind: str, total: int):
        super().__init__([])
        self._connection = connection
        self._kind = kind
        self._total = total
        self._unread = total
        self._place_before: dict[int, bytes] = {}
        self._closed = weakref.finalize(self, connection.close)

    def count(self, key: str | None = None) -> int:
        if key is None:
            return self._total
        return self._connection.execute(f"SELECT COUNT(*) FROM {ANSWERS} WHERE kind = ? AND row_key = ?",
                                        [self._kind, key]).fetchone()[0]

    def bodies(self, start: int, stop: int) -> list[str]:
        after = self._place_before.get(start)
        if after is not None:
            found = self._connection.execute(f"SELECT place, body FROM {ANSWERS} WHERE kind = ? AND place > ? "
                                             "ORDER BY place LIMIT ?", [self._kind, after, stop - start])
        else:
            found = self._connection.execute(f"SELECT place, body FROM {ANSWERS} WHERE kind = ? ORDER BY place "
                                             "LIMIT ? OFFSET ?", [self._kind, stop - start, start])
        rows = found.fetchall()
        if rows:
            self._place_before[start + len(rows)] = rows[-1][0]
        self._unread -= len(rows)
        if self._unread <= 0:
            self._closed()  # every row read: the transaction ends, the connection closes
        return [body for _, body in rows]


class _Replaced(Exception):
    """The kept answer to amend is no longer the one it was read as: its transaction rolls back."""


class FactsView:
    """What the catch-up writes and the queries read, whatever the database.

    Mixed into the library's tracking recorder of each database, which brings the datastore and the
    tracking table."""

    placeholder = "?"
    #: The column type of bytes compared byte by byte (a kept row's place).
    _bytes = "BLOB"
    if TYPE_CHECKING:
        datastore: Any

        def _insert_tracking(self, cursor: Any, tracking: Tracking) -> None: ...

        def max_tracking_id(self, application_name: str) -> int | None: ...

    def _schema_statements(self) -> list[str]:
        number, real = self._types()
        return [
            f"CREATE TABLE IF NOT EXISTS {FACTS} ("
            f"notification_id {number} PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, "
            "compound_key TEXT, alias_key TEXT, retracts TEXT, reported_on TEXT NOT NULL, occurred_by TEXT NOT NULL, "
            f"recorded_at TEXT NOT NULL, confidence {real} NOT NULL, release_uuid TEXT, position {number} NOT NULL, "
            "entered_by TEXT, reason TEXT, fact TEXT NOT NULL)",
            *self._fact_index_statements(),
            "CREATE TABLE IF NOT EXISTS tracker_schema (id INTEGER PRIMARY KEY, version INTEGER NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {RELEASES} (notification_id {number} PRIMARY KEY, "
            "release_uuid TEXT NOT NULL UNIQUE, release_id TEXT NOT NULL, file TEXT NOT NULL, published TEXT NOT NULL, "
            "published_from TEXT NOT NULL, recorded_at TEXT NOT NULL, supersedes TEXT, superseded_by TEXT, "
            "headline TEXT NOT NULL)",
            f"CREATE INDEX IF NOT EXISTS {RELEASES}_headline ON {RELEASES} (headline)",
            # re-issue links, read with every release a query reads (`re_issues_of`)
            f"CREATE INDEX IF NOT EXISTS {RELEASES}_supersedes ON {RELEASES} (supersedes)",
            f"CREATE INDEX IF NOT EXISTS {RELEASES}_release_id ON {RELEASES} (release_id)",
            f"CREATE INDEX IF NOT EXISTS {RELEASES}_published ON {RELEASES} (published)",
            f"CREATE TABLE IF NOT EXISTS {ANSWER_STAMPS} (kind TEXT PRIMARY KEY, position {number} NOT NULL, "
            f"as_of TEXT NOT NULL, horizon TEXT NOT NULL, threshold {real} NOT NULL, made_by TEXT NOT NULL)",
            f"CREATE TABLE IF NOT EXISTS {ANSWERS} (kind TEXT NOT NULL, place {self._bytes} NOT NULL, row_key TEXT, "
            "body TEXT NOT NULL, PRIMARY KEY (kind, place))",
            f"CREATE INDEX IF NOT EXISTS {ANSWERS}_key ON {ANSWERS} (kind, row_key)",
        ]

    @staticmethod
    def _fact_index_statements() -> list[str]:
        """The indexes of the facts table: what queries look facts up by. Nothing the catch-up itself reads."""
        return [
            f"CREATE INDEX IF NOT EXISTS {FACTS}_{name} ON {FACTS} ({column})"
            for name, column in _FACT_INDEXES.items()]

    def drop_fact_indexes(self) -> None:
        """Drop the facts table's indexes, for a rebuild to write its rows without keeping them up to date row by
        row (`create_fact_indexes` builds each once after, from the sorted rows: several times faster)."""
        with self._writing() as cursor:
            for name in _FACT_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {FACTS}_{name}")

    def create_fact_indexes(self) -> None:
        with self._writing() as cursor:
            for statement in self._fact_index_statements():
                cursor.execute(statement)

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """The writes made inside (a rebuild's) tuned for many rows in large transactions, each still atomic
        with its tracking record; as they were after. Nothing to tune on PostgreSQL."""
        yield

    def _writing(self) -> Any:
        """A transaction to write in, committed at its end (rolled back on an error)."""
        return self.datastore.transaction(commit=True)

    def _types(self) -> tuple[str, str]:
        raise NotImplementedError

    # ---- writing ----

    def write(self, facts: Sequence[FactRow], releases: Sequence[ReleaseRow], tracking: Tracking) -> None:
        """Rows and the tracking record of the last event they apply, in one transaction."""
        with self._writing() as cursor:
            self._write(cursor, facts, releases, tracking)

    def _write(self, cursor: Any, facts: Sequence[FactRow], releases: Sequence[ReleaseRow], tracking: Tracking) -> None:
        p = self.placeholder
        if releases:
            cursor.executemany(f"INSERT INTO {RELEASES} VALUES ({', '.join([p] * len(RELEASE_COLUMNS))})",
                               map(_RELEASE_VALUES, releases))
        if facts:
            cursor.executemany(f"INSERT INTO {FACTS} VALUES ({', '.join([p] * len(COLUMNS))})",
                               map(_FACT_VALUES, facts))
        self._insert_tracking(cursor, tracking)

    def claim_schema(self, version: int) -> int:
        """Mark the store as written by schema `version` unless marked already; returns the mark.
        Read first: a store already marked is not written to, so that opening it never waits for a writer."""
        marked = self._select("SELECT version FROM tracker_schema WHERE id = 1")
        if marked:
            return marked[0][0]
        self._execute(f"INSERT INTO tracker_schema VALUES (1, {self.placeholder}) ON CONFLICT DO NOTHING", (version,))
        return self._select("SELECT version FROM tracker_schema WHERE id = 1")[0][0]

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            cursor.execute(sql, list(params))

    def keep(self, kind: str, stamp: Stamp, rows: Sequence[KeptRow]) -> None:
        """Replace the kept answer of `kind` by `rows` ((key, place, JSON body); places unique), stamped,
        in one transaction. When another process keeps one at the same moment (on PostgreSQL its rows then
        collide with these), its answer stays: both are right for their stamps, and a stale one is never read."""
        p = self.placeholder
        try:
            with self.datastore.transaction(commit=True) as cursor:
                cursor.execute(f"DELETE FROM {ANSWER_STAMPS} WHERE kind = {p}", [kind])
                cursor.execute(f"DELETE FROM {ANSWERS} WHERE kind = {p}", [kind])
                cursor.execute(f"INSERT INTO {ANSWER_STAMPS} VALUES ({p}, {p}, {p}, {p}, {p}, {p})", [kind, *astuple(stamp)])
                self._insert_kept(cursor, kind, rows)
        except IntegrityError:
            return

    def amend(self, kind: str, earlier: Stamp, stamp: Stamp, remade: set[str | None] | None,
              rows: Sequence[KeptRow]) -> bool:
        """Bring the kept answer of `kind`, stamped `earlier`, up to `stamp`: its rows whose key is one of `remade`
        (every row, when None) replaced by `rows`, the others left as they are, in one transaction. False (and
        nothing written) when the answer kept is no longer the one stamped `earlier` (another process replaced it
        meanwhile)."""
        p = self.placeholder
        try:
            with self.datastore.transaction(commit=True) as cursor:
                cursor.execute(f"UPDATE {ANSWER_STAMPS} SET position = {p}, as_of = {p}, horizon = {p}, threshold = {p}, "
                               f"made_by = {p} WHERE kind = {p} AND position = {p} AND as_of = {p} AND horizon = {p} "
                               f"AND threshold = {p} AND made_by = {p}", [*astuple(stamp), kind, *astuple(earlier)])
                if self._rows_changed(cursor) != 1:
                    raise _Replaced
                if remade is None:
                    cursor.execute(f"DELETE FROM {ANSWERS} WHERE kind = {p}", [kind])
                else:
                    keys = [key for key in remade if key is not None]
                    if keys:
                        cursor.execute(f"DELETE FROM {ANSWERS} WHERE kind = {p} AND row_key {self._one_of()}",
                                       [kind, self._list(keys)])
                    if None in remade:
                        cursor.execute(f"DELETE FROM {ANSWERS} WHERE kind = {p} AND row_key IS NULL", [kind])
                self._insert_kept(cursor, kind, rows)
        except (_Replaced, IntegrityError):
            return False
        return True

    @staticmethod
    def _rows_changed(cursor: Any) -> int:
        """How many rows the cursor's last statement changed."""
        return cursor.rowcount

    def _insert_kept(self, cursor: Any, kind: str, rows: Sequence[KeptRow]) -> None:
        if rows:
            p = self.placeholder
            cursor.executemany(f"INSERT INTO {ANSWERS} VALUES ({p}, {p}, {p}, {p})",
                               [(kind, place, key, body) for key, place, body in rows])

    # ---- reading ----

    def position(self) -> int:
        """The last notification the read model has applied."""
        return self.max_tracking_id(READ_MODEL) or 0

    def stamp_of(self, kind: str) -> Stamp | None:
        """The view the kept answer of `kind` is of, if one is kept."""
        rows = self._select(f"SELECT position, as_of, horizon, threshold, made_by FROM {ANSWER_STAMPS} "
                            f"WHERE kind = {self.placeholder}",
                            [kind])
        return Stamp(*rows[0]) if rows else None

    def kept(self, kind: str, stamp: Stamp, keys: Iterable[str] | None = None) -> list[KeptRow] | None:
        """The (key, place, JSON body) rows of the kept answer of `kind`, in place order, if it is of the view
        `stamp` (else None); only those whose key is one of `keys`, when given. The stamp and the rows are read in
        one transaction."""
        p = self.placeholder
        where, params = (f"AND a.row_key {self._one_of()}", [self._list(keys)]) if keys is not None else ("", [])
        rows = self._select(
            f"SELECT s.position, s.as_of, s.horizon, s.threshold, s.made_by, a.row_key, a.place, a.body "
            f"FROM {ANSWER_STAMPS} s LEFT JOIN {ANSWERS} a ON a.kind = s.kind {where} WHERE s.kind = {p} "
            "ORDER BY a.place", [*params, kind])
        if not rows or Stamp(*rows[0][:5]) != stamp:
            return None
        return [(row[5], bytes(row[6]), row[7]) for row in rows if row[7] is not None]

    def holds_kept(self, kind: str, stamp: Stamp, key: str | None) -> bool:
        """Whether the kept answer of `kind`, if it is of the view `stamp`, has a row whose key is `key`."""
        p = self.placeholder
        matching = f"a.row_key = {p}" if key is not None else "a.row_key IS NULL"
        found = self._select(
            f"SELECT s.position, s.as_of, s.horizon, s.threshold, s.made_by, EXISTS (SELECT 1 FROM {ANSWERS} a "
            f"WHERE a.kind = s.kind AND {matching}) FROM {ANSWER_STAMPS} s WHERE s.kind = {p}",
            [*([key] if key is not None else []), kind])
        return bool(found) and Stamp(*found[0][:5]) == stamp and bool(found[0][5])

    def kept_snapshot(self, kind: str, stamp: Stamp) -> KeptSnapshot | None:
        """The kept answer of `kind`, if it is of the view `stamp` (else None), to be read as it is used."""
        rows = self.kept(kind, stamp)
        return None if rows is None else KeptSnapshot(rows)

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        raise NotImplementedError

    def facts(self, where: str = "", params: Sequence[Any] = (), limit: int | None = None) -> list[FactRow]:
        sql = f"SELECT {', '.join(COLUMNS)} FROM {FACTS} {where} ORDER BY notification_id"
        sql += f" LIMIT {int(limit)}" if limit is not None else ""
        return [FactRow(*row) for row in self._select(sql, params)]

    def facts_about(self, keys: Iterable[str], no_compound: bool = False) -> list[FactRow]:
        """The facts naming one of `keys`, the alias facts linking them, every corporate affiliation,
        and retractions of any of these; with `no_compound`, every fact about no compound besides."""
        return self.facts_related(keys, (), no_compound)

    def facts_related(self, keys: Iterable[str], release_uuids: Iterable[str], no_compound: bool = False) -> list[FactRow]:
        """The facts naming one of `keys` or read from one of the releases (or, with `no_compound`, naming no
        compound), the alias facts linking the names, every corporate affiliation and review decision, and
        retractions of any of these."""
        keys, one_of = list(keys), self._one_of()
        rows = self.facts(f"WHERE compound_key {one_of} OR alias_key {one_of} OR release_uuid {one_of} "
                          f"OR type {one_of}{' OR compound_key IS NULL' if no_compound else ''}",
                          [self._list(keys), self._list(keys), self._list(release_uuids), self._list(EVERY_VIEW_FACT_TYPES)])
        seen = {row.notification_id for row in rows}
        retractions = self.facts(f"WHERE retracts {one_of}", [self._list(row.event_id for row in rows)])
        return sorted(rows + [r for r in retractions if r.notification_id not in seen], key=lambda r: r.notification_id)

    def facts_with_ids(self, event_ids: Iterable[str]) -> list[FactRow]:
        return self.facts(f"WHERE event_id {self._one_of()}", [self._list(event_ids)])

    def facts_of_types(self, types: Iterable[str], keys: Iterable[str] | None = None) -> list[FactRow]:
        """The facts of these types; with `keys`, only those naming one of them."""
        if keys is None:
            return self.facts(f"WHERE type {self._one_of()}", [self._list(types)])
        return self.facts(f"WHERE type {self._one_of()} AND compound_key {self._one_of()}",
                          [self._list(types), self._list(keys)])

    def facts_after(self, notification_id: int, limit: int) -> list[FactRow]:
        """A page of every fact row, in log order, from after `notification_id` (for `verify`)."""
        return self.facts(f"WHERE notification_id > {self.placeholder}", [notification_id], limit)

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
            f"SELECT compound_key, alias_key FROM {FACTS} WHERE compound_key {one_of} AND alias_key IS NOT NULL "
            f"UNION SELECT compound_key, alias_key FROM {FACTS} WHERE alias_key {one_of}",
            [self._list(keys), self._list(keys)])]

    def changes_after(self, notification_id: int) -> tuple[list[tuple[str, str | None, str | None]], list[str]]:
        """What the log applied after `notification_id` touches: (type, compound key, alias key) of each fact, and
        the release ids the releases stored since re-issue."""
        p = self.placeholder
        facts = [(kind, compound, alias) for kind, compound, alias in self._select(
            f"SELECT type, compound_key, alias_key FROM {FACTS} WHERE notification_id > {p}", [notification_id])]
        reissued = [row[0] for row in self._select(
            f"SELECT supersedes FROM {RELEASES} WHERE notification_id > {p} AND supersedes IS NOT NULL", [notification_id])]
        return facts, reissued

    def fact_count(self) -> int:
        """How many facts the read model holds."""
        return self._select(f"SELECT COUNT(*) FROM {FACTS}", [])[0][0]

    def published_between(self, after: str, until: str) -> bool:
        """Whether any fact was reported, or any release published, after the ISO day `after` and by `until`."""
        p = self.placeholder
        return bool(self._select(f"SELECT 1 FROM {FACTS} WHERE reported_on > {p} AND reported_on <= {p} LIMIT 1",
                                 [after, until])
                    or self._select(f"SELECT 1 FROM {RELEASES} WHERE published > {p} AND published <= {p} LIMIT 1",
                                    [after, until]))

    def keys_of_releases(self, release_uuids: Iterable[str]) -> set[str]:
        """The compound name keys the facts of these releases name."""
        return {row[0] for row in self._select(
            f"SELECT DISTINCT compound_key FROM {FACTS} WHERE release_uuid {self._one_of()} AND compound_key IS NOT NULL",
            [self._list(release_uuids)])}

    def hold_facts_about_no_compound(self, release_uuids: Iterable[str], types: Iterable[str] | None = None) -> bool:
        """Whether any fact of these releases (of these types) is about no compound (an undisclosed product, an
        affiliation)."""
        sql = f"SELECT 1 FROM {FACTS} WHERE release_uuid {self._one_of()} AND compound_key IS NULL"
        params = [self._list(release_uuids)]
        if types is not None:
            sql, params = f"{sql} AND type {self._one_of()}", [*params, self._list(types)]
        return bool(self._select(f"{sql} LIMIT 1", params))

    def name_keys(self) -> list[tuple[str, int]]:
        """Every compound name key facts name, with how many name it."""
        return [(key, count) for key, count in self._select(
            f"SELECT compound_key, COUNT(*) FROM {FACTS} WHERE compound_key IS NOT NULL GROUP BY compound_key "
            "ORDER BY compound_key")]

    def every_alias_edge(self) -> list[tuple[str, str]]:
        """(compound, alias) name keys of every alias fact."""
        return [(a, b) for a, b in self._select(
            f"SELECT DISTINCT compound_key, alias_key FROM {FACTS} WHERE alias_key IS NOT NULL AND compound_key IS NOT NULL "
            "ORDER BY compound_key, alias_key")]

    def release_rows(self, where: str, params: Sequence[Any], limit: int | None = None) -> list[ReleaseRow]:
        sql = f"SELECT {', '.join(RELEASE_COLUMNS)} FROM {RELEASES} {where} ORDER BY notification_id"
        sql += f" LIMIT {int(limit)}" if limit is not None else ""
        return [ReleaseRow(*row) for row in self._select(sql, params)]

    def release_rows_after(self, notification_id: int, limit: int) -> list[ReleaseRow]:
        """A page of every release row, in log order, from after `notification_id` (for `verify`)."""
        return self.release_rows(f"WHERE notification_id > {self.placeholder}", [notification_id], limit)

    def releases_headlined(self, headlines: Iterable[str]) -> list[ReleaseRow]:
        """The releases whose folded headline is one of `headlines`, in log order."""
        return self.release_rows(f"WHERE headline {self._one_of()}", [self._list(headlines)])

    def release_rows_of(self, uuids: Iterable[str]) -> list[ReleaseRow]:
        """The releases whose store ids (hex) are `uuids`, in log order."""
        return self.release_rows(f"WHERE release_uuid {self._one_of()}", [self._list(uuids)])

    def re_issues_of(self, releases: Iterable[ReleaseRecord]) -> list[ReleaseRow]:
        """The releases that re-issue one of `releases`: those that say they supersede one, and those one says
        it is superseded by."""
        releases = list(releases)
        one_of = self._one_of()
        return self.release_rows(f"WHERE supersedes {one_of} OR release_id {one_of}",
                                 [self._list(r.id for r in releases),
                                  self._list(r.superseded_by for r in releases if r.superseded_by)])

    def releases(self, uuids: Iterable[str]) -> dict[str, ReleaseRecord]:
        """The releases whose store ids (hex) are `uuids`, by store id."""
        return {row.release_uuid: row.record for row in self.release_rows_of(uuids)}

    def name_spellings(self) -> list[str]:
        """Every compound name and alias recorded, as written."""
        return [row[0] for row in self._select(
            f"SELECT DISTINCT json_extract(fact, '$.compound') FROM {FACTS} WHERE compound_key IS NOT NULL "
            f"UNION SELECT DISTINCT json_extract(fact, '$.alias') FROM {FACTS} WHERE alias_key IS NOT NULL")]

    def clear(self) -> None:
        """Forget every row and the tracking position, for a rebuild."""
        raise NotImplementedError


#: What a bulk load sets on its connection (restored after): commits that do not wait for the disk to sync,
#: which in WAL mode loses no consistency (a power cut may undo the last transactions, each whole, rows and
#: tracking record together, and the next catch-up applies them again), and a page cache of 64 MiB.
_BULK_PRAGMAS = {"synchronous": "NORMAL", "cache_size": "-65536"}


class SQLiteFactsView(FactsView, SQLiteTrackingRecorder):
    _bulk: Any = None
    """The connection a bulk load writes on, held for the whole load (its settings are the connection's)."""

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        if self.datastore.pool.is_sqlite_memory_mode or self._bulk is not None:
            yield  # an in-memory store has no disk to wait for (and its readers wait for the writer)
            return
        with self.datastore.get_connection(commit=True) as connection:
            cursor = connection.cursor()
            saved = {}
            for name, value in _BULK_PRAGMAS.items():
                cursor.execute(f"PRAGMA {name}")
                saved[name] = cursor.fetchone()[0]
                cursor.execute(f"PRAGMA {name} = {value}")
            self._bulk = connection
            try:
                yield
            finally:
                self._bulk = None
                for name, value in saved.items():
                    cursor.execute(f"PRAGMA {name} = {value}")

    def _writing(self) -> Any:
        if self._bulk is None:
            return super()._writing()
        return self._bulk.transaction(commit=True)

    def _one_of(self) -> str:
        return "IN (SELECT value FROM json_each(?))"

    def _list(self, values: Iterable[str]) -> Any:
        return json.dumps(list(values))

    def construct_create_table_statements(self) -> list[str]:
        return [*super().construct_create_table_statements(), *self._schema_statements()]

    def _types(self) -> tuple[str, str]:
        return "INTEGER", "REAL"

    @staticmethod
    def _rows_changed(cursor: Any) -> int:
        return cursor.sqlite_cursor.rowcount  # the library's cursor wraps the driver's, which counts them

    def kept_snapshot(self, kind: str, stamp: Stamp) -> KeptSnapshot | None:
        """Read from a read transaction of its own (in WAL mode, a file's): the stamp checked and the rows
        counted now, the rows read as they are used, so that what the answer costs as returned does not grow
        with it."""
        pool = self.datastore.pool
        if pool.is_sqlite_memory_mode or not pool.is_journal_mode_wal:
            return super().kept_snapshot(kind, stamp)
        connection = sqlite3.connect(pool.db_name, uri=True, check_same_thread=False, isolation_level=None,
                                     timeout=pool.lock_timeout or 5)
        try:
            connection.execute("BEGIN")
            found = connection.execute(f"SELECT position, as_of, horizon, threshold, made_by FROM {ANSWER_STAMPS} "
                                       "WHERE kind = ?", [kind]).fetchone()
            if found is None or Stamp(*found) != stamp:
                connection.close()
                return None
            total = connection.execute(f"SELECT COUNT(*) FROM {ANSWERS} WHERE kind = ?", [kind]).fetchone()[0]
        except BaseException:
            connection.close()
            raise
        if not total:
            connection.close()
            return KeptSnapshot([])
        return _SQLiteSnapshot(connection, kind, total)

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.datastore.transaction(commit=False) as cursor:
            cursor.execute(sql, list(params))
            return [tuple(row) for row in cursor.fetchall()]

    def clear(self) -> None:
        with self._writing() as cursor:
            cursor.execute(f"DELETE FROM {FACTS}")
            cursor.execute(f"DELETE FROM {RELEASES}")
            cursor.execute(f"DELETE FROM {ANSWERS}")
            cursor.execute(f"DELETE FROM {ANSWER_STAMPS}")
            cursor.execute("DELETE FROM tracking WHERE application_name = ?", [READ_MODEL])
