"""The three time axes: ingestion order does not matter; --recorded-by reproduces an old report after corrections."""
from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"
DAYS = ("2008-12-31", "2011-04-30", "2011-12-31", "2013-09-30", "2014-12-31")


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _ingest_one_by_one(db: str, seeds: Path, newest_first: bool) -> None:
    published = {line.split(",")[0]: line.split(",")[1] for line in (seeds / "manifest.csv").read_text().splitlines()[1:]}
    for release in sorted(seeds.glob("*.txt"), key=lambda p: published[p.name], reverse=newest_first):
        run(db, "ingest", str(release))


def _events_without_record_times(db: str, as_of: str) -> list[dict]:
    records = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--as-of", as_of).splitlines()]
    for record in records:
        del record["recorded_at"]
    return records


def test_seeds_ingested_newest_first_answer_as_of_questions_as_oldest_first_does(seeds, tmp_path):
    oldest_first, newest_first = str(tmp_path / "old-first.db"), str(tmp_path / "new-first.db")
    _ingest_one_by_one(oldest_first, seeds, newest_first=False)
    _ingest_one_by_one(newest_first, seeds, newest_first=True)
    for day in DAYS:
        assert _events_without_record_times(oldest_first, day) == _events_without_record_times(newest_first, day)
        assert run(oldest_first, "status", "kadcyla", "--as-of", day) == run(newest_first, "status", "kadcyla", "--as-of", day)
        assert run(oldest_first, "compounds", "--as-of", day) == run(newest_first, "compounds", "--as-of", day)
    assert _events_without_record_times(oldest_first, "2014-12-31")


@pytest.fixture
def store(seeds, db) -> str:
    run(db, "ingest", str(seeds))
    return db


def _japan_approval(db: str) -> str:
    (record,) = [json.loads(line) for line in run(db, "events", "--format", "jsonl", "--type", "ApprovalGranted").splitlines()
                 if json.loads(line)["region"] == "JP"]
    return record["id"]


def test_recorded_by_before_a_retraction_and_a_later_ingest_reproduces_the_report_as_it_was(store, tmp_path):
    status_then, events_then = run(store, "status", "kadcyla"), run(store, "events", "--format", "jsonl")
    then = datetime.now(UTC).isoformat()
    approval = _japan_approval(store)
    run(store, "retract", approval, "--reason", "misread", "--by", "auditor")
    shutil.copy(FIXTURES / "later.txt", tmp_path / "later.txt")
    run(store, "ingest", str(tmp_path / "later.txt"))
    assert run(store, "status", "kadcyla", "--recorded-by", then) == status_then
    assert run(store, "events", "--format", "jsonl", "--recorded-by", then) == events_then
    assert "  JP  approved (MHLW, reported 2013-09-20, date not stated)" in status_then


def test_recorded_by_after_a_retraction_leaves_the_retracted_event_out(store):
    approval = _japan_approval(store)
    run(store, "retract", approval, "--reason", "misread", "--by", "auditor")
    now = datetime.now(UTC).isoformat()
    ids = [json.loads(line)["id"] for line in run(store, "events", "--format", "jsonl", "--recorded-by", now).splitlines()]
    assert approval not in ids
    assert "JP  approved" not in run(store, "status", "kadcyla", "--recorded-by", now)
