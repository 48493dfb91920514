"""`tracker ingest` and the errors users meet first, through the command line."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from support import stored_event_count

from cli import cli


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def test_ingesting_the_seeds_twice_leaves_the_event_count_unchanged(seeds, db):
    first = _run(db, "ingest", str(seeds))
    count = len(_run(db, "events", "--format", "jsonl").output.splitlines())
    second = _run(db, "ingest", str(seeds))
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert first.output.splitlines()[-1].startswith("5 releases ingested, 0 already present, ")
    assert second.output.splitlines() == [
        "already ingested: 000_241e5f31572fbd85.txt (release 832bafa56f4cb993); nothing added",
        "already ingested: 001_d540d13a60538946.txt (release d072cf94f028f03b); nothing added",
        "already ingested: 002_216599dac546bf8a.txt (release b7a64debc339d7ae); nothing added",
        "already ingested: 003_22ac81d00fa8cfab.txt (release bd536294907fa966); nothing added",
        "already ingested: 004_83069fae5d26605a.txt (release c974ba419839aefa); nothing added",
        "0 releases ingested, 5 already present, 0 new events",
    ]
    assert len(_run(db, "events", "--format", "jsonl").output.splitlines()) == count > 0


def test_each_ingested_release_says_where_its_date_came_from(seeds, db):
    result = _run(db, "ingest", str(seeds / "004_83069fae5d26605a.txt"), str(seeds / "003_22ac81d00fa8cfab.txt"))
    lines = result.output.splitlines()
    assert lines[0].startswith("ingested 004_83069fae5d26605a.txt: ")
    assert lines[0].endswith(" events, published 2014-12-19 (from manifest), release c974ba419839aefa")
    assert lines[1].endswith(" events, published 2008-06-03 (from dateline), release bd536294907fa966")


def _refused(tmp_path: Path, db: str, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = _run(db, "ingest", str(path))
    assert result.exit_code == 1
    assert result.output == f"Error: {path}: {message}\n"
    assert stored_event_count(db) == 0


def test_a_release_with_no_findable_date_is_refused_and_nothing_is_written(tmp_path, db):
    _refused(tmp_path, db, "undated.txt", b"Acme today announced that the FDA approved Zentrilumab.\n",
             "no publication date: none in the dateline, none in a manifest; give --published YYYY-MM-DD")


def test_an_empty_file_is_refused_and_nothing_is_written(tmp_path, db):
    _refused(tmp_path, db, "empty.txt", b"", "empty file")


def test_a_binary_file_is_refused_and_nothing_is_written(tmp_path, db):
    _refused(tmp_path, db, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
             "binary file, not a text release")


def test_a_future_publication_date_is_refused(tmp_path, db):
    _refused(tmp_path, db, "future.txt", b"BOSTON, Mass., March 2, 2099 (BUSINESS WIRE) -- Acme today announced.\n",
             "publication date 2099-03-02 is in the future")


def test_published_dates_a_release_that_has_no_dateline(tmp_path, db):
    path = tmp_path / "undated.txt"
    path.write_text("Acme today announced that the FDA approved Zentrilumab.\n")
    result = _run(db, "ingest", "--published", "2021-03-02", str(path))
    assert result.exit_code == 0
    assert "published 2021-03-02 (from user)" in result.output


def test_files_that_are_not_releases_in_a_folder_are_skipped_with_a_warning(seeds, db):
    (seeds / "notes.json").write_text("{}")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(seeds)])
    assert result.exit_code == 0
    assert result.stderr == f"warning: skipped {seeds / 'notes.json'}: not a release file type (.json)\n"


def test_an_unknown_compound_gets_a_suggestion(seeds, db):
    _run(db, "ingest", str(seeds))
    result = _run(db, "status", "kadcila")
    assert (result.exit_code, result.output) == (1, "Error: no compound 'kadcila'; did you mean Kadcyla?\n")


def test_a_date_that_is_not_one_is_a_usage_error(db):
    result = _run(db, "events", "--as-of", "soon")
    assert result.exit_code == 2
    assert "not a date: 'soon' (use YYYY-MM-DD)" in result.output
