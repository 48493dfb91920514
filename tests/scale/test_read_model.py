"""The read model: kept in the store's database, rebuilt from the events, read a compound at a time."""
from __future__ import annotations

from click.testing import CliRunner
from support import forget_read_model

from cli import cli
from tracker import open_tracker


def _run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def _reports(db: str) -> list[str]:
    return [_run(db, "events", "--format", "jsonl"), _run(db, "status", "kadcyla", "--as-of", "2014-12-31"),
            _run(db, "receivables", "--as-of", "2013-09-30"), _run(db, "compounds")]


def test_a_rebuild_from_the_events_gives_the_same_answers(seeds, db):
    _run(db, "ingest", str(seeds))
    before = _reports(db)
    assert _run(db, "rebuild").startswith("rebuilt the read model from ")
    assert _reports(db) == before


def test_a_read_model_lost_behind_the_trackers_back_is_refilled_from_the_events(seeds, db):
    _run(db, "ingest", str(seeds))
    before = _reports(db)
    forget_read_model(db)
    assert _reports(db) == before


def test_a_status_query_reads_only_the_facts_of_the_compounds_names(seeds, db):
    _run(db, "ingest", str(seeds))
    tracker = open_tracker(db)
    everything = tracker.history()
    kadcyla = tracker.history_of("KADCYLA")
    compounds = {r.fact.compound for r in kadcyla if r.fact.compound}
    assert compounds == {"trastuzumab emtansine", "T-DM1"}
    assert {r.type for r in kadcyla if r.fact.compound is None} == {"PartyAffiliationRecorded"}
    assert len(kadcyla) < len(everything)
