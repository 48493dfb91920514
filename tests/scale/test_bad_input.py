"""Bad input and unusable stores: a one-line error naming the file, a non-zero exit, and nothing written."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import stored_event_count

import tracker.adapters.event_store as event_store
from cli import cli
from tracker.adapters.store import SCHEMA_VERSION
from tracker.application import Tracker
from tracker.reading.releases import read_release
from tracker.services.ingest import Ingest

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


def _names_one_a_line(folder: Path, names: list[bytes], content: bytes) -> None:
    for name in names:
        with open(os.path.join(os.fsencode(folder), name), "wb") as out:
            out.write(content)


def test_a_file_name_that_is_not_utf8_is_shown_escaped_and_kept_so(seeds, tmp_path, db):
    folder = tmp_path / "latin1"
    folder.mkdir()
    _names_one_a_line(folder, [b"communiqu\xe9.txt"], (seeds / "003_22ac81d00fa8cfab.txt").read_bytes())
    result = _run(db, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("ingested communiqu\\xe9.txt: ")
    files = {json.loads(line)["source"]["file"] for line in _run(db, "events", "--format", "jsonl").output.splitlines()}
    assert files == {"communiqu\\xe9.txt"}


def test_a_bad_file_whose_name_is_not_utf8_is_refused_in_one_line(tmp_path, db):
    _names_one_a_line(tmp_path, [b"vide\xe9.txt"], b"")
    result = _run(db, "ingest", str(tmp_path))
    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path}/vide\\xe9.txt: empty file\n")


def test_a_file_name_with_a_newline_stays_on_one_line_and_its_export_reads_back(seeds, tmp_path, db):
    folder = tmp_path / "odd"
    folder.mkdir()
    _names_one_a_line(folder, [b"two\nlines.txt", b"tab\there.txt"], (seeds / "003_22ac81d00fa8cfab.txt").read_bytes())
    (folder / "tab\there.txt").write_bytes((seeds / "004_83069fae5d26605a.txt").read_bytes())
    result = _run(db, "ingest", "--published", "2014-12-19", str(folder))
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines()[:2]] == [
        "ingested tab\\there.txt", "ingested two\\nlines.txt"]
    assert _run(db, "export", "-o", str(tmp_path / "export")).exit_code == 0
    fresh = str(tmp_path / "fresh.db")
    assert _run(fresh, "ingest", str(tmp_path / "export")).exit_code == 0
    assert _run(fresh, "events", "--format", "jsonl").output == _run(db, "events", "--format", "jsonl").output


def test_a_store_holding_a_file_name_with_a_newline_still_exports_readably(seeds, tmp_path, db):
    """What an older tracker stored for such a file: its name as it was, newline and all."""
    tracker = Tracker(db)
    document = read_release(seeds / "003_22ac81d00fa8cfab.txt")
    Ingest(tracker._store).ingest_document(replace(document, file="two\nlines.txt"), [])
    tracker.close()
    assert _run(db, "export", "-o", str(tmp_path / "export")).exit_code == 0
    assert (tmp_path / "export" / "releases" / "two\\nlines.txt").is_file()
    result = _run(str(tmp_path / "fresh.db"), "ingest", str(tmp_path / "export"))
    assert (result.exit_code, result.output.splitlines()[0].split(":")[0]) == (0, "ingested two\\nlines.txt")


def test_five_thousand_empty_files_are_named_ten_at_most_and_the_rest_counted(tmp_path, db):
    for number in range(5000):
        (tmp_path / f"empty-{number:04}.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n")
    result = _run(db, "ingest", str(tmp_path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {tmp_path / 'blank.txt'}: empty file (only white space)",
        *(f"{tmp_path / f'empty-{number:04}.txt'}: empty file" for number in range(9)),
        "... and 4,991 more: empty file (4,991)",
    ]
    assert stored_event_count(db) == 0


def test_files_that_are_not_releases_are_named_ten_at_most_and_the_rest_counted(seeds, db):
    for number in range(25):
        (seeds / f"data-{number:02}.json").write_text("{}")
    (seeds / "notes").write_text("")
    result = _run(db, "ingest", str(seeds))
    assert result.exit_code == 0
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        *(f"warning: skipped {seeds / f'data-{number:02}.json'}: not a release file type (.json)" for number in range(10)),
        "warning: skipped 16 more: not a release file type (.json) (15), not a release file type (no extension) (1)",
    ]
