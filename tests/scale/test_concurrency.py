"""Four `tracker ingest` processes at once, on overlapping folders, into one store (SQLite or PostgreSQL)."""
from __future__ import annotations

import subprocess

import pytest
from scale_support import ingest_command, split
from support import events_per_aggregate, read_model_rows

from tracker.application import Tracker

pytestmark = pytest.mark.slow


def test_four_processes_ingesting_overlapping_folders_store_each_release_and_fact_exactly_once(generated, tmp_path, db,
                                                                                             new_store):
    source = generated(24)
    # Four folders of 12 releases each, every release in two of them.
    folders = split(source, tmp_path / "parts", [range(start, start + 12) for start in (0, 6, 12, 18)])
    reference = new_store()
    clean = Tracker(reference)
    clean.ingest([source])
    expected_events, expected_rows = events_per_aggregate(reference), read_model_rows(reference)
    clean.close()

    processes = [subprocess.Popen(ingest_command(db, folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for folder in folders]
    outcomes = [(process.wait(timeout=300), *process.communicate()) for process in processes]

    assert [(code, err) for code, _, err in outcomes] == [(0, "")] * 4
    summaries = [out.splitlines()[-1] for _, out, _ in outcomes]
    stored = sum(int(summary.split(" releases ingested")[0]) for summary in summaries)
    present = sum(int(summary.split(", ")[1].split(" already")[0]) for summary in summaries)
    assert (stored, present) == (24, 24)
    assert events_per_aggregate(db) == expected_events
    tracker = Tracker(db)
    assert tracker.verify().intact
    assert tracker.verify().events == sum(count for count, _ in expected_events.values())
    tracker.catch_up()
    assert read_model_rows(db) == expected_rows
    tracker.close()
