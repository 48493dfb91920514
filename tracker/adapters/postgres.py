"""What only a PostgreSQL store needs: the hash-chained recorder and the read model's tables there.

Kept apart so that a command on an SQLite store never imports the PostgreSQL
driver (a tenth of a second at every start).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import psycopg
from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder, PostgresTrackingRecorder
from psycopg import errors
from psycopg.sql import SQL, Identifier
from psycopg_pool import PoolTimeout

from tracker.adapters import chain as integrity
from tracker.adapters.read_model import ANSWER_STAMPS, ANSWERS, FACTS, READ_MODEL, RELEASES, FactsView

#: Serialises creating the tracker's tables and indexes across processes (an advisory lock's key).
SCHEMA_LOCK = SQL("SELECT pg_advisory_xact_lock(7306813210)").format()


def connection_problem(error: BaseException, settings: dict[str, str]) -> str | None:
    """Why no connection could be had, when `error` is the pool giving up ("couldn't get a connection after
    5.00 sec", whatever the cause): a direct connection with the same settings names it. None for any
    other error, or when connecting works again."""
    if not any(isinstance(cause, PoolTimeout) for cause in _causes(error)):
        return None
    host, port, user = settings["POSTGRES_HOST"], settings["POSTGRES_PORT"], settings["POSTGRES_USER"]
    name, timeout = settings["POSTGRES_DBNAME"], settings["POSTGRES_CONNECT_TIMEOUT"]
    try:
        psycopg.connect(host=host, port=port, user=user, password=settings["POSTGRES_PASSWORD"], dbname=name,
                        connect_timeout=int(timeout)).close()
    except psycopg.Error as failure:
        message = " ".join(str(failure).split())
    else:
        return None
    if "password authentication failed" in message or "no password supplied" in message:
        return f"the server refused user {user!r} with the password given (wrong password, or no such user)"
    if "failed to resolve host" in message or "could not translate host name" in message:
        return f"unknown host {host!r}: no address found for it"
    if re.search(r'database ".*" does not exist', message):
        return f"no database {name!r} on {host}:{port}; create it first (createdb {name})"
    if "Connection refused" in message:
        return f"nothing accepts connections on {host}:{port}: is the PostgreSQL server running, on that port?"
    if "timeout expired" in message:
        return f"no answer from {host}:{port} within {timeout} s"
    return message.removeprefix("connection failed: ")


def _causes(error: BaseException | None) -> Iterator[BaseException]:
    while error is not None:
        yield error
        error = error.__cause__ or error.__context__


def contended(error: BaseException) -> bool:
    """Is `error` PostgreSQL giving up on one of several processes at the same moment? Worth a retry."""
    if isinstance(error, errors.InternalError) and "concurrently updated" in str(error):
        return True  # two processes created the same index at once
    return isinstance(error, (errors.DeadlockDetected, errors.SerializationFailure, errors.LockNotAvailable))


class ChainedPostgresRecorder(PostgresApplicationRecorder):
    """The PostgreSQL application recorder, writing the hash chain under the insert's table lock."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # Creating the tables waits for another connection's lock no longer than writing does (TRACKER_LOCK_TIMEOUT).
        self.sql_create_statements.insert(0, SQL("SET LOCAL lock_timeout = '{0}s'").format(self.datastore.lock_timeout))
        self.sql_create_statements.insert(1, SCHEMA_LOCK)
        self.sql_create_statements.append(
            SQL("CREATE TABLE IF NOT EXISTS {0}.{1} (notification_id BIGINT PRIMARY KEY, hash TEXT NOT NULL)")
            .format(Identifier(self.datastore.schema), Identifier(integrity.CHAIN_TABLE)))

    def _fetch_ids_after_insert_events(self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any):
        ids = super()._fetch_ids_after_insert_events(curs, stored_events, **kwargs)
        if not ids:
            return ids
        table = SQL("{0}.{1}").format(Identifier(self.datastore.schema), Identifier(integrity.CHAIN_TABLE))
        try:
            curs.execute(SQL("SELECT hash FROM {0} WHERE notification_id < %s ORDER BY notification_id DESC LIMIT 1")
                         .format(table), (ids[0],))
            row = curs.fetchone()
            previous = row["hash"] if row else integrity.GENESIS
            for notification_id, event in zip(ids, stored_events):
                previous = integrity.link(previous, event)
                curs.execute(SQL("INSERT INTO {0} VALUES (%s, %s)").format(table), (notification_id, previous))
        except Exception:
            # The library's insert catches what is raised here and commits a healthy transaction before
            # re-raising; a failed statement makes PostgreSQL roll the whole insert back instead.
            curs.execute("SELECT 'milestone-tracker: hash chain not written'::integer")
            raise
        return ids

    def chain(self, after: int, limit: int) -> list[tuple[int, str]]:
        with self.datastore.get_connection() as conn, conn.cursor() as curs:
            curs.execute(SQL("SELECT notification_id, hash FROM {0}.{1} WHERE notification_id > %s "
                             "ORDER BY notification_id LIMIT %s").format(
                Identifier(self.datastore.schema), Identifier(integrity.CHAIN_TABLE)), (after, limit))
            return [(row["notification_id"], row["hash"]) for row in curs.fetchall()]


def has_tables(events: Any, view: Any) -> bool:
    """Whether every table of the store (the events, their chain, the read model and its tracking) exists."""
    tables = [events.recorder.events_table_name, integrity.CHAIN_TABLE, view.tracking_table_name, FACTS, RELEASES,
              "tracker_schema", ANSWERS, ANSWER_STAMPS]
    (found,) = view._select("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = %s AND tablename = ANY(%s)",
                            [view.datastore.schema, tables])[0]
    return found == len(tables)


class PostgresFactsView(FactsView, PostgresTrackingRecorder):
    placeholder = "%s"
    _bytes = "BYTEA"

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # Creating the tables waits for another connection's lock no longer than writing does (TRACKER_LOCK_TIMEOUT).
        self.sql_create_statements.insert(0, SQL("SET LOCAL lock_timeout = '{0}s'").format(self.datastore.lock_timeout))
        self.sql_create_statements.insert(1, SCHEMA_LOCK)
        self.sql_create_statements.extend(SQL(statement).format() for statement in self._schema_statements())

    def _types(self) -> tuple[str, str]:
        return "BIGINT", "DOUBLE PRECISION"

    def _one_of(self) -> str:
        return "= ANY(%s)"

    def _list(self, values: Iterable[str]) -> Any:
        return list(values)

    def _select(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        sql = sql.replace("json_extract(fact, '$.compound')", "(fact::json ->> 'compound')")
        sql = sql.replace("json_extract(fact, '$.alias')", "(fact::json ->> 'alias')")
        with self.datastore.get_connection() as connection, connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            return [tuple(row.values()) for row in cursor.fetchall()]

    def clear(self) -> None:
        with self.datastore.transaction(commit=True) as cursor:
            cursor.execute(f"DELETE FROM {FACTS}")
            cursor.execute(f"DELETE FROM {RELEASES}")
            cursor.execute(f"DELETE FROM {ANSWERS}")
            cursor.execute(f"DELETE FROM {ANSWER_STAMPS}")
            cursor.execute(SQL("DELETE FROM {0}.{1} WHERE application_name = %s").format(
                Identifier(self.datastore.schema), Identifier(self.tracking_table_name)), [READ_MODEL])
