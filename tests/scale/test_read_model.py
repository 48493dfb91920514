"""The read model: kept in the store's database, rebuilt from the events, read a compound at a time."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from support import forget_read_model, rows

from cli import cli
from tracker import open_tracker
from tracker.adapters.catchup import FactsProjection
from tracker.adapters.event_store import Store
from tracker.adapters.read_model import FACTS, FactsView
from tracker.services.history import History


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


def _fact_indexes(db: str) -> set[str]:
    if db.startswith("postgresql://"):
        return {row[0] for row in rows(db, f"SELECT indexname FROM pg_indexes WHERE tablename = '{FACTS}'")}
    return {row[0] for row in rows(db, f"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{FACTS}'")}


def test_a_rebuild_builds_the_facts_indexes_again_once_its_rows_are_written(seeds, db):
    _run(db, "ingest", str(seeds))
    indexes = _fact_indexes(db)
    assert {f"{FACTS}_compound", f"{FACTS}_reported"} <= indexes
    open_tracker(db).rebuild()
    assert _fact_indexes(db) == indexes


def test_a_rebuild_stopped_midway_leaves_the_facts_indexes_in_place(seeds, db, monkeypatch):
    _run(db, "ingest", str(seeds))
    indexes = _fact_indexes(db)

    def stopped(self, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(FactsProjection, "catch_up", stopped)
    with pytest.raises(KeyboardInterrupt):
        open_tracker(db).rebuild()
    assert _fact_indexes(db) == indexes


def test_a_rebuild_stopped_after_a_page_leaves_rows_agreeing_with_their_tracking_and_the_next_query_finishes_it(
        seeds, db, monkeypatch):
    _run(db, "ingest", str(seeds))
    before = _reports(db)
    monkeypatch.setattr("tracker.adapters.catchup.REBUILD_BATCH", 7)
    write = FactsView.write
    pages = []

    def stopped_after_one_page(self, *args, **kwargs):
        if pages:
            raise KeyboardInterrupt
        pages.append(write(self, *args, **kwargs))

    monkeypatch.setattr(FactsView, "write", stopped_after_one_page)
    with pytest.raises(KeyboardInterrupt):
        open_tracker(db).rebuild()
    monkeypatch.undo()
    assert rows(db, f"SELECT MAX(notification_id) FROM {FACTS}")[0][0] <= 7
    assert Store(db).projection.check()[1] is None
    assert _reports(db) == before


def test_a_rebuild_leaves_the_connections_settings_as_they_were(seeds, db):
    if db.startswith("postgresql://"):
        pytest.skip("a bulk load tunes nothing on PostgreSQL")
    _run(db, "ingest", str(seeds))
    store = Store(db)
    view = store.projection.view

    def settings() -> list[tuple]:
        return [view._select(f"PRAGMA {name}")[0] for name in ("synchronous", "cache_size")]

    before = settings()
    assert store.rebuild() > 0
    assert settings() == before


def test_a_read_model_lost_behind_the_trackers_back_is_refilled_from_the_events(seeds, db):
    _run(db, "ingest", str(seeds))
    before = _reports(db)
    forget_read_model(db)
    assert _reports(db) == before


def test_a_status_query_reads_only_the_facts_of_the_compounds_names(seeds, db):
    _run(db, "ingest", str(seeds))
    tracker = open_tracker(db)
    everything = tracker.history()
    kadcyla = History(Store(db)).of_compound("KADCYLA")
    compounds = {r.fact.compound for r in kadcyla if r.fact.compound}
    assert compounds == {"trastuzumab emtansine", "T-DM1"}
    assert {r.type for r in kadcyla if r.fact.compound is None} == {"PartyAffiliationRecorded"}
    assert len(kadcyla) < len(everything)


def test_a_large_batch_read_in_parallel_gives_the_events_of_one_read_in_turn(seeds, tmp_path, monkeypatch):
    """Extraction runs in a process per CPU from `PARALLEL_FROM` releases on; lowered here to use the seeds.
    Reading is the same on either backend, so SQLite files serve for both stores."""
    import tracker.services.ingest as ingest

    def events_without_record_times(db: str) -> list[str]:
        return [line.split(', "recorded_at"')[0] for line in _run(db, "events", "--format", "jsonl").splitlines()]

    in_turn, parallel = str(tmp_path / "in-turn.db"), str(tmp_path / "parallel.db")
    _run(in_turn, "ingest", str(seeds))
    monkeypatch.setattr(ingest, "PARALLEL_FROM", 2)
    monkeypatch.setattr(ingest.os, "cpu_count", lambda: 2)
    _run(parallel, "ingest", str(seeds))
    assert events_without_record_times(parallel) == events_without_record_times(in_turn)
