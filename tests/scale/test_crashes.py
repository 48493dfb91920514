"""`tracker ingest` killed (SIGKILL) at random moments: no partial release is ever stored, and a re-run completes it.

The ingest runs as the CLI does, in a process forked from the test (so that it
starts in milliseconds rather than after a second of imports), and is killed
at a random moment between its start and the time a whole ingest takes.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

import pytest
from support import events_per_aggregate, read_model_rows, stored_event_count

from cli import cli
from tracker.application import Tracker

pytestmark = pytest.mark.slow

KILLS = 50


def _ingest(db: str, folder: str) -> None:
    cli(["--db", db, "ingest", folder], prog_name="tracker")


def _run_ingest(db: str, folder: str, kill_after: float | None = None) -> int | None:
    """Run the ingest in a child process, killed after `kill_after` seconds when given; its exit code."""
    child = multiprocessing.get_context("fork").Process(target=_ingest, args=(db, folder))
    child.start()
    if kill_after is not None:
        child.join(kill_after)
        if child.exitcode is None:
            os.kill(child.pid, signal.SIGKILL)
    child.join()
    return child.exitcode


def test_an_ingest_killed_at_random_moments_stores_only_whole_releases_and_a_rerun_completes_it(generated, new_store):
    folder = str(generated(10))
    reference = new_store()
    started = time.perf_counter()
    assert _run_ingest(reference, folder) == 0
    whole_ingest = time.perf_counter() - started
    expected, expected_rows = events_per_aggregate(reference), read_model_rows(reference)
    rng = random.Random(20240501)
    killed_midway = 0

    for _ in range(KILLS):
        db = new_store()
        assert _run_ingest(db, folder, kill_after=rng.uniform(0, whole_ingest)) in (0, -signal.SIGKILL)
        stored = events_per_aggregate(db) if stored_event_count(db) else {}
        assert {release: expected[release] for release in stored} == stored  # each release whole, or absent
        killed_midway += 0 < len(stored) < len(expected)
        tracker = Tracker(db)
        assert tracker.verify().intact
        tracker.ingest([folder])
        assert events_per_aggregate(db) == expected
        tracker.catch_up()
        tracker.close()
        assert read_model_rows(db) == expected_rows

    assert killed_midway >= 10  # the kills did land while releases were being written
