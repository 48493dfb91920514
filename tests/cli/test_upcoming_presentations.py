"""A presentation still to come, through the command line: exported with its expected_by, on the calendar until
a presentation made at its meeting answers it, as of any day."""
from __future__ import annotations

import json

from click.testing import CliRunner
from support import write_release

from cli import cli


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def _presentations(db: str, *args: str) -> list[dict]:
    lines = _run(db, "events", "--format", "jsonl", *args).output.splitlines()
    return [record for record in map(json.loads, lines) if record["type"] == "DataPresented"]


def _calendar(db: str, day: str) -> list[tuple[str, str, str | None]]:
    result = _run(db, "calendar", "--as-of", day, "--format", "json")
    return [(entry["kind"], entry["what"], entry["expected_by"]) for entry in json.loads(result.output)]


def test_an_upcoming_presentation_is_exported_with_expected_by_and_listed_until_it_is_made(tmp_path, db):
    releases = tmp_path / "releases"
    write_release(releases, "ahead", "April 14, 2021",
                  "Acme will present new data from the RIVET trial of zentrilumab at the ASCO Annual Meeting, June 4-8, 2021.")
    write_release(releases, "made", "June 7, 2021",
                  "Data from the RIVET trial of zentrilumab were presented at the ASCO Annual Meeting on June 6, 2021.")
    assert _run(db, "ingest", str(releases)).exit_code == 0
    upcoming, made = _presentations(db)
    assert (upcoming["conference"], upcoming["occurred_on"], upcoming["expected_by"]) == ("ASCO 2021", None, "2021-06-08")
    assert (made["occurred_on"], "expected_by" in made) == ("2021-06-06", False)
    assert _calendar(db, "2021-05-01") == [("presentation", "RIVET data at ASCO 2021", "2021-06-08")]
    assert _calendar(db, "2021-06-07") == []


def test_an_upcoming_presentation_no_release_answers_leaves_the_calendar_after_its_day(tmp_path, db):
    releases = tmp_path / "releases"
    write_release(releases, "ahead", "April 14, 2021",
                  "Acme will present zentrilumab data at the ASCO Annual Meeting, June 4-8, 2021.")
    assert _run(db, "ingest", str(releases)).exit_code == 0
    assert _calendar(db, "2021-06-08") == [("presentation", "data at ASCO 2021", "2021-06-08")]
    assert _calendar(db, "2021-06-09") == []
