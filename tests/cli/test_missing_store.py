"""A store that does not exist is refused by every command that only reads, in one line, and no file is left behind.

Only `ingest` and the commands that record something a person states create a store (hledger refuses a
missing journal the same way). PostgreSQL answers for its own databases, so this is SQLite's case.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import REPO, run

pytestmark = pytest.mark.skipif(bool(os.environ.get("TRACKER_TEST_POSTGRES")), reason="a missing file is SQLite's case")

READS = [
    ["status", "kadcyla"], ["events"], ["compounds"], ["ledger"], ["receivables"], ["calendar"],
    ["calendar", "--format", "ics"], ["explain", "kadcyla"], ["diff", "2011-01-01", "2013-12-31"], ["replay"],
    ["verify"], ["review", "list"], ["review", "show", "b7a64debc339d7ae.1"], ["rebuild"],
    ["report", "-o", "report.html"], ["export", "-o", "audit/"],
    ["retract", "b7a64debc339d7ae.1", "--reason", "x"], ["review", "accept", "b7a64debc339d7ae.1", "--reason", "x"],
    ["record", "invoice", "L-ba54e7c8", "--amount", "1", "--reason", "x"],
    ["record", "net-sales", "Kadcyla", "--period", "2015-Q1", "--amount", "1", "--currency", "USD", "--reason", "x"],
]


@pytest.mark.parametrize("args", READS, ids=[" ".join(a[:2]) for a in READS])
def test_a_command_that_reads_refuses_a_missing_store_in_one_line_and_leaves_no_file(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = run("missing.db", *args)
    assert (result.exit_code, result.output) == (1, (
        "Error: no store at missing.db; create one with `tracker --db missing.db ingest RELEASES`, "
        "or give --db (or TRACKER_DB) the path of an existing one\n"))
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_default_store_is_named_when_it_is_missing(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status", "kadcyla"], env={"TRACKER_DB": None})
    assert result.exit_code == 1
    assert result.output.startswith("Error: no store at tracker.db; create one with `tracker --db tracker.db ingest")
    assert not (tmp_path / "tracker.db").exists()


def test_a_path_with_spaces_is_quoted_in_the_command_to_create_it(tmp_path):
    db = str(tmp_path / "my store.db")
    assert f"`tracker --db '{db}' ingest RELEASES`" in run(db, "events").output


@pytest.mark.parametrize("args", [
    ["ingest", str(REPO / "seeds" / "003_22ac81d00fa8cfab.txt")],
    ["terms", "load", str(REPO / "examples" / "terms.toml"), "--reason", "the licence"],
    ["record", "ApprovalGranted", "--field", "compound=Zentrilumab", "--field", "region=US", "--field", "agency=FDA",
     "--reason", "FDA letter"],
], ids=["ingest", "terms load", "record a fact"])
def test_ingest_and_what_a_person_records_create_the_store(tmp_path, args):
    db = tmp_path / "new.db"
    result = run(str(db), *args)
    assert result.exit_code == 0, result.output
    assert db.exists()
    assert run(str(db), "verify").stdout.startswith("intact: ")


def test_an_existing_store_is_read_as_before(seeds_store):
    assert Path(seeds_store).exists()
    assert run(seeds_store, "status", "kadcyla").exit_code == 0
