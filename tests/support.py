"""Plain-SQL access to a store, on SQLite or PostgreSQL: to check what was written, and to tamper."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import projections.history as history_module
import tracker.services.kept as kept
from projections.history import TimeView
from tracker.adapters.read_model import FACTS, READ_MODEL, RELEASES


def _is_postgres(db: str) -> bool:
    return db.startswith("postgresql://")


#: The `eventsourcing` events table: named after the application on PostgreSQL.
PG_EVENTS = "tracker_events"


def stored_event_count(db: str) -> int:
    """How many events the store holds, read with plain SQL (0 when it was never created)."""
    if _is_postgres(db):
        import psycopg

        with psycopg.connect(db) as connection:
            exists = connection.execute(f"SELECT to_regclass('public.{PG_EVENTS}')").fetchone()[0]
            return connection.execute(f"SELECT count(*) FROM {PG_EVENTS}").fetchone()[0] if exists else 0
    if not Path(db).exists():
        return 0
    with sqlite3.connect(db) as connection:
        exists = connection.execute("SELECT name FROM sqlite_master WHERE name = 'stored_events'").fetchone()
        return connection.execute("SELECT count(*) FROM stored_events").fetchone()[0] if exists else 0


def _run(db: str, sqlite_statements: list[str], postgres_statements: list[str]) -> None:
    if _is_postgres(db):
        import psycopg

        with psycopg.connect(db) as connection:
            for statement in postgres_statements:
                connection.execute(statement.replace("stored_events", PG_EVENTS))
        return
    with sqlite3.connect(db) as connection:
        for statement in sqlite_statements:
            connection.execute(statement)


def edit_payload(db: str, position: int, old: str, new: str) -> None:
    """Change words inside the stored state of the event at `position` in the log."""
    _run(db, [f"UPDATE stored_events SET state = CAST(REPLACE(CAST(state AS TEXT), '{old}', '{new}') AS BLOB) "
              f"WHERE rowid = {position}"],
         [f"UPDATE stored_events SET state = convert_to(replace(convert_from(state, 'UTF8'), '{old}', '{new}'), 'UTF8') "
          f"WHERE notification_id = {position}"])


def delete_event(db: str, position: int) -> None:
    _run(db, [f"DELETE FROM stored_events WHERE rowid = {position}"],
         [f"DELETE FROM stored_events WHERE notification_id = {position}"])


def swap_events(db: str, first: int, second: int) -> None:
    """Exchange the places of two events in the log."""
    _run(db, [f"CREATE TEMP TABLE pair AS SELECT rowid AS r, * FROM stored_events WHERE rowid IN ({first}, {second})",
              f"DELETE FROM stored_events WHERE rowid IN ({first}, {second})",
              "INSERT INTO stored_events (rowid, originator_id, originator_version, topic, state) "
              f"SELECT {first + second} - r, originator_id, originator_version, topic, state FROM pair"],
         [f"UPDATE stored_events SET notification_id = -notification_id WHERE notification_id IN ({first}, {second})",
          f"UPDATE stored_events SET notification_id = {first + second} + notification_id WHERE notification_id < 0"])


def copy_event(db: str, position: int, new_position: int) -> None:
    """Insert a copy of an event (as a new version of its aggregate) at `new_position`."""
    _run(db, ["INSERT INTO stored_events (rowid, originator_id, originator_version, topic, state) "
              f"SELECT {new_position}, originator_id, originator_version + 1000, topic, state FROM stored_events "
              f"WHERE rowid = {position}"],
         ["INSERT INTO stored_events (notification_id, originator_id, originator_version, topic, state) "
          f"SELECT {new_position}, originator_id, originator_version + 1000, topic, state FROM stored_events "
          f"WHERE notification_id = {position}"])


def rows(db: str, sql: str) -> list[tuple]:
    if _is_postgres(db):
        import psycopg

        with psycopg.connect(db) as connection:
            return [tuple(row) for row in connection.execute(sql.replace("stored_events", PG_EVENTS)).fetchall()]
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def events_per_aggregate(db: str) -> dict[str, tuple[int, int]]:
    """Each stored aggregate (release or entry) by id: how many events it has and its highest version."""
    return {str(originator).replace("-", ""): (count, top) for originator, count, top in rows(
        db, "SELECT originator_id, count(*), max(originator_version) FROM stored_events GROUP BY originator_id")}


def read_model_rows(db: str) -> list[tuple[str, str]]:
    """Every (event id, type) row of the read model, in event id order."""
    return rows(db, f"SELECT event_id, type FROM {FACTS} ORDER BY event_id")


def forget_read_model(db: str) -> None:
    """Empty the read model and its tracking record, as a store from an older read-model shape would be."""
    statements = [f"DELETE FROM {FACTS}", f"DELETE FROM {RELEASES}"]
    _run(db, [*statements, f"DELETE FROM tracking WHERE application_name = '{READ_MODEL}'"],
         [*statements, f"DELETE FROM tracker_tracking WHERE application_name = '{READ_MODEL}'"])


def tamper_read_model(db: str, statement: str) -> None:
    """Run one statement on the read model's tables, the same on SQLite and PostgreSQL."""
    _run(db, [statement], [statement])


def copy_sqlite_store(source: str, target: str | Path) -> None:
    """A copy of an SQLite store with everything committed to it, through SQLite's backup: a copy of the file
    alone misses what still stands in its write-ahead log while a connection to it is open."""
    from contextlib import closing

    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(str(target))) as copy:
        origin.backup(copy)


def write_release(folder: Path, name: str, day: str, *sentences: str) -> Path:
    """A release of Acme's named `name`, dated `day` ("March 2, 2021") in its dateline, saying `sentences`, written
    into `folder` (made when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"Acme News {name}\n\nBOSTON, {day} -- {' '.join(sentences)}\n")
    return path


class _Day(date):
    """A day whose `today` is another day (set by `standing_on`)."""

    stands_on = date.today()

    @classmethod
    def today(cls) -> date:
        return cls.stands_on


def standing_on(monkeypatch, day: date) -> None:
    """Queries made as if today were `day`: the kept answers' stamps and the views' horizons stand on it."""
    _Day.stands_on = day
    monkeypatch.setattr(kept, "date", _Day)
    monkeypatch.setattr(history_module, "date", _Day)


def afresh_on(day: date) -> TimeView:
    """The view of `day` never kept (a view with an `occurred_by` is computed each time)."""
    return TimeView(as_of=day, occurred_by=date(9999, 12, 31))


AFRESH = afresh_on(date.today())
"""The view of today never kept."""
