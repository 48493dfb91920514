"""An export an auditor can check and read back into a fresh store, giving the same reports byte for byte."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cli import cli

REPORTS = (("events", "--format", "jsonl", "--as-of", "2014-12-31"), ("events", "--format", "jsonl"),
           ("receivables", "--as-of", "2014-12-31"), ("status", "kadcyla", "--as-of", "2013-12-31"),
           ("compounds", "--as-of", "2011-12-31"), ("ledger", "--as-of", "2014-12-31"))


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def exported(seeds, db, tmp_path):
    run(db, "ingest", str(seeds))
    (approval,) = [json.loads(line)["id"] for line in
                   run(db, "events", "--format", "jsonl", "--type", "ApprovalGranted").splitlines()
                   if json.loads(line)["region"] == "US"]
    run(db, "retract", approval, "--reason", "misread", "--by", "auditor")
    run(db, "record", "ApprovalGranted", "--field", "compound=kadcyla", "--field", "region=US", "--field", "agency=FDA",
        "--field", "occurred_on=2013-02-22", "--reported-on", "2013-02-22", "--reason", "FDA letter", "--by", "auditor")
    folder = tmp_path / "export"
    output = run(db, "export", "--as-of", "2014-12-31", "-o", str(folder))
    assert output == f"exported 9 files to {folder} (as of 2014-12-31); check them with: cd {folder} && sha256sum -c SHA256SUMS\n"
    return db, folder


def test_the_export_holds_the_events_the_releases_the_entries_and_their_checksums(exported, seeds):
    db, folder = exported
    files = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert files == ["SHA256SUMS", "entries.jsonl", "events.jsonl", "releases.jsonl",
                     *(f"releases/{p.name}" for p in sorted(seeds.glob("*.txt")))]
    assert (folder / "events.jsonl").read_text(encoding="utf-8") == run(db, "events", "--format", "jsonl", "--as-of", "2014-12-31")
    assert [json.loads(line)["entered_by"] for line in (folder / "entries.jsonl").read_text().splitlines()] == ["auditor", "auditor"]
    assert (folder / "releases" / "002_216599dac546bf8a.txt").read_bytes() == (seeds / "002_216599dac546bf8a.txt").read_bytes()


def test_a_fresh_store_reading_the_export_gives_every_report_byte_for_byte(exported, tmp_path):
    db, folder = exported
    fresh = str(tmp_path / "fresh.db")
    output = run(fresh, "ingest", str(folder))
    assert output.splitlines()[-1].startswith("7 releases ingested, 0 already present, ")
    for report in REPORTS:
        assert run(fresh, *report) == run(db, *report), report


def test_reading_the_export_twice_adds_nothing(exported, tmp_path):
    db, folder = exported
    fresh = str(tmp_path / "fresh.db")
    run(fresh, "ingest", str(folder))
    again = run(fresh, "ingest", str(folder))
    assert again.splitlines()[-1] == "0 releases ingested, 7 already present, 0 new events"


def test_a_tampered_export_is_refused_naming_the_file_and_nothing_is_written(exported, tmp_path):
    db, folder = exported
    release = folder / "releases" / "002_216599dac546bf8a.txt"
    release.write_text(release.read_text().replace("$5 million", "$50 million"))
    fresh = tmp_path / "fresh.db"
    result = CliRunner().invoke(cli, ["--db", str(fresh), "ingest", str(folder)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {release}: does not match its checksum in SHA256SUMS; the export was tampered with\n")
    assert not fresh.exists()


def test_a_file_slipped_into_an_export_is_refused(exported, tmp_path):
    db, folder = exported
    (folder / "releases" / "extra.txt").write_text("BOSTON, March 2, 2021 -- Acme announced nothing.\n")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "fresh.db"), "ingest", str(folder)])
    assert (result.exit_code, result.output) == (
        1, f"Error: {folder / 'releases' / 'extra.txt'}: not listed in SHA256SUMS; the export was tampered with\n")


def test_an_export_into_a_folder_with_files_is_refused(seeds, db, tmp_path):
    run(db, "ingest", str(seeds))
    result = CliRunner().invoke(cli, ["--db", db, "export", "-o", str(seeds)])
    assert (result.exit_code, result.output) == (1, f"Error: {seeds}: exists and is not an empty folder; give a new one\n")
