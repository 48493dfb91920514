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
import subprocess
import time

import pytest
from scale_support import ingest_command
from support import events_per_aggregate, read_model_rows, stored_event_count

from cli import cli
from tracker.application import Tracker
from tracker.services.ingest import PARALLEL_FROM

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


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, read from /proc."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def _running(pid: int) -> bool:
    """Whether `pid` still runs (a zombie nobody reaped has ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc") or (os.cpu_count() or 1) < 2,
                    reason="needs Linux's /proc and two CPUs (extraction runs in workers from 2 CPUs on)")
def test_the_extraction_workers_of_a_killed_ingest_end_with_it(generated, db):
    """A real `tracker ingest` of enough releases to extract them in worker processes, SIGKILLed once its
    workers and the multiprocessing resource tracker run: none of them may outlive it."""
    ingest = subprocess.Popen(ingest_command(db, generated(PARALLEL_FROM + 20)), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(children := _children(ingest.pid)) < 3 and time.monotonic() < deadline:  # two workers and the tracker
        time.sleep(0.05)
    assert len(children) >= 3, "the ingest never started its extraction workers"
    time.sleep(0.5)  # the workers are extracting
    ingest.kill()
    ingest.wait()
    deadline = time.monotonic() + 10
    while any(_running(child) for child in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [child for child in children if _running(child)] == []
