"""The event store and its read model, opened on one database, with the library's errors translated.

Every service works through a `Store`: it opens the `eventsourcing` application
and the read model on first use (so that a failing read writes nothing), saves
aggregates and events in one transaction each, and keeps the read model caught
up. A moment's contention with another process (a lock held, tables being
created, a deadlock the database broke) is retried with a jittered pause until
the lock timeout; anything else becomes a one-line `StoreError` naming the
database.
"""
from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property, wraps
from typing import Any, TypeVar, cast

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, JSONTranscoder, PersistenceError

from tracker.adapters.catchup import FactsProjection
from tracker.adapters.chain import GENESIS
from tracker.adapters.read_model import FactsView, SQLiteFactsView
from tracker.adapters.store import (
    SCHEMA_VERSION,
    describe,
    is_postgres,
    lock_timeout,
    missing_store,
    register_domain_transcodings,
    store_exists,
    store_settings,
)
from tracker.errors import StoreError

T = TypeVar("T")


class EventStore(Application):
    """The `eventsourcing` application holding every release and every entry."""

    name = "tracker"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)


class Store:
    """One database: its events, its read model, and the errors a user can act on.

    With `create=False` a database that does not exist yet is refused when first used, and none is created."""

    def __init__(self, db: str, create: bool = True):
        self.db = db
        self.create = create

    def describe(self) -> str:
        return describe(self.db)

    def exists(self) -> bool:
        return store_exists(self.db)

    @cached_property
    def _opened(self) -> tuple[EventStore, FactsProjection]:
        """Opened (and created) on first use. A store marked by a newer schema than this tracker's is refused
        rather than misread."""
        if not self.create and not self.exists():
            raise missing_store(self.db)
        settings = store_settings(self.db)

        def open_both(create: bool) -> tuple[EventStore, FactsProjection]:
            events = EventStore(env={**settings, "CREATE_TABLE": "y" if create else "n"})
            try:
                view = events.factory.tracking_recorder(self._view_class())  # type: ignore[arg-type]
                return events, FactsProjection(events, view)  # type: ignore[arg-type]
            except BaseException:
                events.close()
                raise

        def open_and_claim() -> tuple[EventStore, FactsProjection, int]:
            """On PostgreSQL, tables are created only when missing: `CREATE INDEX IF NOT EXISTS` locks its table
            before it finds the index there, so it would wait for any writer, and queries would too."""
            events, projection = open_both(create=not is_postgres(self.db))
            if is_postgres(self.db):
                from tracker.adapters.postgres import has_tables

                if not has_tables(events, projection.view):
                    events.close()
                    events, projection = open_both(create=True)
            try:
                return events, projection, projection.view.claim_schema(SCHEMA_VERSION)
            except BaseException:
                events.close()
                raise

        events, projection, written_by = self.retrying(open_and_claim, "cannot open the event store", OSError)
        if written_by > SCHEMA_VERSION:
            events.close()
            raise StoreError(f"{self.describe()}: written by a newer version of the tracker (schema {written_by}; "
                             f"this one reads up to {SCHEMA_VERSION}); upgrade milestone-tracker")
        return events, projection

    def _view_class(self) -> type[FactsView]:
        """The read model's recorder for the database; PostgreSQL's is imported only when used."""
        if is_postgres(self.db):
            from tracker.adapters.postgres import PostgresFactsView

            return PostgresFactsView
        return SQLiteFactsView

    @property
    def events(self) -> EventStore:
        return self._opened[0]

    @property
    def projection(self) -> FactsProjection:
        return self._opened[1]

    @property
    def read_model(self) -> FactsView:
        """The read model's tables, as of the last catch-up; a failing read is a one-line `StoreError`."""
        return cast(FactsView, _Translated(self._opened[1].view, self))

    def close(self) -> None:
        if "_opened" in self.__dict__:
            self.events.close()

    # ---- writing ----

    def save(self, *objects: Any, what: str) -> bool:
        """Save aggregates or events in one transaction; False when they were stored already (ids are
        derived from content, so a collision means the same thing twice)."""
        try:
            self.events.save(*objects)
        except IntegrityError:
            return False
        except PersistenceError as error:
            raise self.failure(f"cannot write {what}", error) from None
        return True

    # ---- the read model ----

    def catch_up(self) -> int:
        """Bring the read model up to date with the log; returns how many events it applied."""
        return self.retrying(self.projection.catch_up, "cannot update the read model")

    def rebuild(self, progress: Callable[[int], Any] | None = None) -> int:
        """Rebuild the read model from the whole log; returns how many events it applied."""
        try:
            return self.projection.rebuild(progress)
        except PersistenceError as error:
            raise self.failure("cannot rebuild the read model", error) from None

    # ---- reading the log ----

    def stored_events(self, topics: Sequence[str] = ()) -> Iterator[Any]:
        """The stored domain events in log order, page by page, optionally of some topics only."""
        return (event for _, event in self.logged_events(topics))

    def logged_events(self, topics: Sequence[str] = ()) -> Iterator[tuple[int, Any]]:
        """Each stored domain event with its position in the log, in log order, page by page."""
        start = 0
        try:
            while True:
                page = self.events.recorder.select_notifications(start, 2000, topics=topics, inclusive_of_start=False)
                yield from ((n.id, self.events.mapper.to_domain_event(n)) for n in page)
                if len(page) < 2000:
                    return
                start = page[-1].id
        except PersistenceError as error:
            raise self.failure("cannot read the event store", error) from None

    def chain_head(self, up_to: int) -> str:
        """The hash chain's link at the event in position `up_to` of the log (GENESIS before the first)."""
        recorder: Any = self.events.recorder  # one of the chained recorders (tracker.adapters.chain, postgres)
        links = self.retrying(lambda: recorder.chain(up_to - 1, 1), "cannot read the event store")
        return links[0][1] if links and links[0][0] == up_to else GENESIS

    def has_aggregate(self, originator_id: Any) -> bool:
        return self.retrying(lambda: bool(self.events.recorder.select_events(originator_id, limit=1)),
                             "cannot read the event store")

    def aggregate(self, originator_id: Any) -> Any:
        return self.retrying(lambda: self.events.repository.get(originator_id), "cannot read the event store")

    # ---- contention ----

    def retrying(self, action: Callable[[], T], doing: str, *also: type[BaseException]) -> T:
        """`action()`, tried again after a jittered pause while another process holds the database,
        until the lock timeout; any other failure is a one-line `StoreError`."""
        deadline, pause = time.monotonic() + lock_timeout(), 0.02
        failures: tuple[type[BaseException], ...] = (PersistenceError, sqlite3.Error, *also)
        while True:
            try:
                return action()
            except failures as error:
                if not (self._contended(error) and time.monotonic() < deadline):
                    raise self.failure(doing, error) from None
                time.sleep(pause * random.uniform(0.5, 1.5))
                pause = min(pause * 2, 1.0)

    def failure(self, doing: str, error: BaseException) -> StoreError:
        """The one line a user reads for `error`, naming the database and what was being done. A PostgreSQL
        connection pool that gave up says only that it got no connection: the cause is found by connecting."""
        why = None
        if is_postgres(self.db):
            from tracker.adapters.postgres import connection_problem

            why = connection_problem(error, store_settings(self.db))
        return StoreError(f"{self.describe()}: {doing}: {why or one_line(error)}")

    def _contended(self, error: BaseException) -> bool:
        """Is `error` another process holding the store, or creating its tables, at the same moment?"""
        if isinstance(error, IntegrityError):
            return True  # two processes created the same table at once
        cause = error.__cause__ or error
        if isinstance(cause, sqlite3.Error):
            return getattr(cause, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
        if is_postgres(self.db):
            from tracker.adapters.postgres import contended

            return contended(cause)
        return False


class _Translated:
    """A read model whose methods turn the library's errors into the store's one-line errors (and wait out
    a moment's contention), whatever methods it has."""

    def __init__(self, view: FactsView, store: Store):
        self._view = view
        self._store = store

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._view, name)
        if not callable(attribute):
            return attribute

        @wraps(attribute)
        def translated(*args: Any, **kwargs: Any) -> Any:
            return self._store.retrying(lambda: attribute(*args, **kwargs), "cannot read the read model")

        return translated


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
