"""Bad input and unusable stores: a one-line error naming the file, a non-zero exit, and nothing written."""
from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import stored_event_count

import tracker.adapters.event_store as event_store
from cli import cli
from tracker.adapters.store import SCHEMA_VERSION

UNDATED = "Acme today announced that the FDA has approved Zentrilumab for the treatment of gout.\n"


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _releases(generated, tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "releases"
    shutil.copytree(generated(count), folder)
    return folder


def test_a_folder_mixing_releases_with_bad_files_writes_nothing_and_names_each_bad_file(generated, tmp_path, db):
    folder = _releases(generated, tmp_path)
    (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "undated.txt").write_text(UNDATED)
    (folder / "notes.json").write_text("{}")
    result = _run(db, "ingest", str(folder))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {folder / 'scan.txt'}: binary file, not a text release",
        f"{folder / 'undated.txt'}: no publication date: none in the dateline, none in a manifest; "
        "give --published YYYY-MM-DD",
    ]
    assert stored_event_count(db) == 0


def test_a_manifest_with_a_date_that_is_not_one_is_refused_naming_its_line(tmp_path, db):
    (tmp_path / "undated.txt").write_text(UNDATED)
    (tmp_path / "manifest.csv").write_text("file,published\nundated.txt,2021-02-30\n")
    result = _run(db, "ingest", str(tmp_path / "undated.txt"))
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path / 'manifest.csv'}:2: '2021-02-30' is not a date (YYYY-MM-DD) for undated.txt\n")
    assert stored_event_count(db) == 0


def test_a_manifest_without_the_columns_it_needs_is_refused(tmp_path, db):
    (tmp_path / "undated.txt").write_text(UNDATED)
    (tmp_path / "manifest.csv").write_text("name;day\nundated.txt;2021-02-03\n")
    result = _run(db, "ingest", str(tmp_path))
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path / 'manifest.csv'}:1: needs a 'file' column and a 'published' column\n")
    assert stored_event_count(db) == 0


def test_a_future_publication_date_from_the_manifest_is_refused(tmp_path, db):
    (tmp_path / "undated.txt").write_text(UNDATED)
    (tmp_path / "manifest.csv").write_text("file,published\nundated.txt,2099-01-31\n")
    result = _run(db, "ingest", str(tmp_path))
    assert (result.exit_code, result.output) == (
        1, f"Error: {tmp_path / 'undated.txt'}: publication date 2099-01-31 is in the future\n")
    assert stored_event_count(db) == 0


def _hold_write_lock(db: str):
    """Another connection holding the store's write lock: an open exclusive transaction."""
    if db.startswith("postgresql://"):
        import psycopg

        connection = psycopg.connect(db)
        connection.execute("LOCK TABLE tracker_events IN EXCLUSIVE MODE")
        return connection
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    return connection


def test_a_store_locked_by_another_connection_is_refused_after_the_lock_timeout(seeds, db, monkeypatch):
    assert _run(db, "ingest", str(seeds / "003_22ac81d00fa8cfab.txt")).exit_code == 0
    before = stored_event_count(db)
    monkeypatch.setenv("TRACKER_LOCK_TIMEOUT", "1")
    holder = _hold_write_lock(db)
    try:
        result = _run(db, "ingest", str(seeds))
    finally:
        holder.close()
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith(f"Error: {db}: ")
    assert "lock" in result.output
    assert stored_event_count(db) == before


def test_a_query_answers_at_once_while_another_connection_holds_the_write_lock(seeds, db):
    """Readers read while a writer writes (SQLite's WAL, PostgreSQL's MVCC): a query whose read model is
    current writes nothing, so it never waits for the lock (30 s by default)."""
    assert _run(db, "ingest", str(seeds)).exit_code == 0
    before = _run(db, "status", "kadcyla")
    holder = _hold_write_lock(db)
    try:
        started = time.monotonic()
        during = _run(db, "status", "kadcyla")
        waited = time.monotonic() - started
    finally:
        holder.close()
    assert (during.exit_code, during.output) == (0, before.output)
    assert waited < 5


def test_a_lock_timeout_that_is_not_a_whole_number_of_seconds_is_refused(seeds, db, monkeypatch):
    monkeypatch.setenv("TRACKER_LOCK_TIMEOUT", "0.5")
    result = _run(db, "ingest", str(seeds))
    assert (result.exit_code, result.output) == (
        1, "Error: TRACKER_LOCK_TIMEOUT='0.5': give a whole number of seconds, 1 or more\n")
    assert stored_event_count(db) == 0


def test_a_read_only_store_is_refused_in_one_line_and_left_as_it_was(seeds, db, monkeypatch):
    """Tests run as root, which writes through file permissions, so read-only is made at the database's own level:
    SQLite opens the file through a `mode=ro` URI (what it does by itself for a file it may not write), and a
    PostgreSQL database is set to read-only transactions (as on a standby server)."""
    assert _run(db, "ingest", str(seeds / "003_22ac81d00fa8cfab.txt")).exit_code == 0
    before = stored_event_count(db)
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as connection:
            connection.execute(f"ALTER DATABASE {db.rsplit('/', 1)[1]} SET default_transaction_read_only = on")
    else:
        settings = event_store.store_settings
        monkeypatch.setattr(event_store, "store_settings",
                            lambda path: {**settings(path), "SQLITE_DBNAME": f"file:{path}?mode=ro"})
    result = _run(db, "ingest", str(seeds))
    assert result.exit_code == 1
    assert len(result.output.splitlines()) == 1
    assert result.output.startswith((f"Error: {db}: cannot open the event store: ",  # PostgreSQL: creating the tables
                                     f"Error: {db}: cannot write 000_241e5f31572fbd85.txt: "))  # SQLite: the first write
    assert "read-only" in result.output or "readonly" in result.output
    assert stored_event_count(db) == before


@pytest.mark.parametrize("command", [["status", "kadcyla"], ["ingest", "SEEDS"]])
def test_a_store_written_by_a_newer_tracker_is_refused_and_left_as_it_was(seeds, db, command):
    assert _run(db, "ingest", str(seeds / "002_216599dac546bf8a.txt")).exit_code == 0
    before = stored_event_count(db)
    newer = SCHEMA_VERSION + 1
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as connection:
            connection.execute("UPDATE tracker_schema SET version = %s", (newer,))
    else:
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE tracker_schema SET version = ?", (newer,))
    result = _run(db, *[str(seeds) if word == "SEEDS" else word for word in command])
    assert (result.exit_code, result.output) == (
        1, f"Error: {db}: written by a newer version of the tracker (schema {newer}; this one reads up to "
           f"{SCHEMA_VERSION}); upgrade milestone-tracker\n")
    assert stored_event_count(db) == before
