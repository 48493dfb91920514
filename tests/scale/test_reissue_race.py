"""Two processes storing a release and its corrected re-issue at the same moment (SQLite or PostgreSQL).

Each `tracker ingest` runs in a child process whose save waits at a barrier until the other has read
and extracted its release too: both have done everything that comes before storing, the interleaving
under which a check made at ingest misses the other release. Whatever order the two saves then land
in, the answer must be the one of ingesting them one after the other.
"""
from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.adapters.event_store import Store

pytestmark = pytest.mark.slow

RUNS = 20
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audit"
VIEWS = ("2021-03-02", "2021-03-03", "2021-12-31")


def _ingest_at_the_same_moment(db: str, release: str, barrier) -> None:
    save = Store.save

    def save_with_the_other(self, *objects, what):
        barrier.wait(timeout=60)
        return save(self, *objects, what=what)

    Store.save = save_with_the_other  # in this child process only
    cli(["--db", db, "ingest", release], prog_name="tracker")


def _answers(db: str) -> list[str]:
    """The events in view on each day, without their record times (which differ from store to store)."""
    outputs = []
    for day in VIEWS:
        result = CliRunner().invoke(cli, ["--db", db, "events", "--format", "jsonl", "--as-of", day])
        assert result.exit_code == 0, result.output
        outputs.append("\n".join(line.split(', "recorded_at"')[0] for line in result.output.splitlines()))
    return outputs


def test_a_release_and_its_re_issue_stored_at_the_same_moment_give_the_sequential_answer_every_time(
        tmp_path, new_store):
    releases = [str(shutil.copy(FIXTURES / name, tmp_path / name)) for name in ("approval.txt", "approval-corrected.txt")]
    sequential = new_store()
    for release in releases:
        assert CliRunner().invoke(cli, ["--db", sequential, "ingest", release]).exit_code == 0
    expected = _answers(sequential)
    assert [len(day.splitlines()) for day in expected] == [2, 2, 2]  # one release's facts a day, never both

    fork = multiprocessing.get_context("fork")
    for _ in range(RUNS):
        db = new_store()
        nothing_yet = tmp_path / "no-releases-yet"
        nothing_yet.mkdir(exist_ok=True)
        assert CliRunner().invoke(cli, ["--db", db, "ingest", str(nothing_yet)]).exit_code == 0  # tables exist before
        barrier = fork.Barrier(2)
        children = [fork.Process(target=_ingest_at_the_same_moment, args=(db, release, barrier))
                    for release in releases]
        for child in children:
            child.start()
        for child in children:
            child.join(120)
        assert [child.exitcode for child in children] == [0, 0]
        assert _answers(db) == expected
