"""Every query's exact output on a fixed store of facts, kept as golden files: speed work changes no answer.

The store is an export folder (`tests/fixtures/golden/store`: the five seeds, 150 releases of
`benchmarks/corpus.py --seed 7`, terms, invoices, a payment, a write-off, a retraction and an entered
approval), imported as stored: its facts are never re-extracted, so extraction changes do not move these
answers. Each case is a command line; its stdout is kept in `tests/fixtures/golden/NAME.txt`.

Regenerate them, in a commit that changes answers on purpose, with

    UPDATE_GOLDEN=1 python -m pytest tests/golden
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from click.testing import CliRunner

from cli import cli
from tracker.application import TimeView, Tracker
from tracker.services import history

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden"
STORE = GOLDEN / "store"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
POSTGRES = os.environ.get("TRACKER_TEST_POSTGRES")


def _before_retraction() -> str:
    """An instant just before the store's retraction was recorded: the view that still shows the retracted event."""
    for line in (STORE / "entries.jsonl").read_text().splitlines():
        entry = json.loads(line)
        if entry["fact"]["type"] == "EventRetracted":
            return (datetime.fromisoformat(entry["recorded_at"]) - timedelta(seconds=1)).isoformat()
    raise AssertionError("the golden store holds no retraction")


DAYS = ("2011-12-31", "2013-09-30", "2014-12-31", "2018-06-30", "2030-12-31")
COMPOUNDS = ("kadcyla", "SAR3419", "GLBD-3936", "brimcuparib")

CASES: dict[str, list[str]] = {}
for day in DAYS:
    CASES[f"compounds-{day}"] = ["compounds", "--as-of", day, "--format", "json"]
    CASES[f"ledger-{day}"] = ["ledger", "--as-of", day, "--format", "json"]
    CASES[f"receivables-{day}"] = ["receivables", "--as-of", day, "--format", "json"]
    CASES[f"calendar-{day}"] = ["calendar", "--as-of", day, "--format", "json"]
    for name in COMPOUNDS:
        CASES[f"status-{name}-{day}"] = ["status", name, "--as-of", day, "--format", "json"]
        CASES[f"events-{name}-{day}"] = ["events", "--compound", name, "--as-of", day, "--format", "json"]
CASES.update({
    "compounds-table": ["compounds", "--as-of", "2030-12-31"],
    "status-kadcyla-table": ["status", "kadcyla", "--as-of", "2014-12-31"],
    "events-kadcyla-table": ["events", "--compound", "T-DM1", "--as-of", "2014-12-31"],
    "events-approvals-kadcyla": ["events", "--compound", "T-DM1", "--type", "ApprovalGranted", "--as-of", "2013-12-31",
                                 "--format", "jsonl"],
    "events-2013": ["events", "--as-of", "2013-12-31", "--format", "jsonl"],
    "events-occurred-2013": ["events", "--occurred-by", "2013-06-30", "--as-of", "2030-12-31", "--format", "csv"],
    "ledger-table": ["ledger", "--as-of", "2030-12-31"],
    "ledger-kadcyla": ["ledger", "--compound", "kadcyla", "--as-of", "2014-12-31", "--format", "json"],
    "ledger-csv": ["ledger", "--as-of", "2030-12-31", "--format", "csv"],
    "receivables-table": ["receivables", "--as-of", "2030-12-31"],
    "receivables-by-compound": ["receivables", "--as-of", "2030-12-31", "--by", "compound", "--format", "csv"],
    "receivables-by-agreement": ["receivables", "--as-of", "2014-12-31", "--by", "agreement", "--format", "json"],
    "receivables-payee": ["receivables", "--as-of", "2014-12-31", "--payee", "ImmunoGen", "--format", "json"],
    "calendar-table": ["calendar", "--as-of", "2018-06-30"],
    "calendar-window": ["calendar", "--as-of", "2014-12-31", "--from", "2015-01-01", "--to", "2025-12-31",
                        "--format", "json"],
    "calendar-kadcyla": ["calendar", "--compound", "kadcyla", "--as-of", "2013-09-30", "--format", "json"],
})
#: The same questions as held before the retraction was recorded (the retracted readout still in view).
for name, args in [("status-kadcyla", ["status", "kadcyla"]), ("events-kadcyla", ["events", "--compound", "kadcyla"]),
                   ("ledger", ["ledger"]), ("receivables", ["receivables"]), ("compounds", ["compounds"]),
                   ("calendar", ["calendar"])]:
    CASES[f"{name}-before-retraction"] = [*args, "--as-of", "2030-12-31", "--recorded-by", "BEFORE_RETRACTION",
                                          "--format", "json"]

#: Queries whose default view (today) must answer as the same query as of today.
TODAY_QUERIES = (["compounds"], ["status", "kadcyla"], ["events", "--compound", "brimcuparib"], ["ledger"],
                 ["receivables"], ["receivables", "--by", "compound"], ["calendar"],
                 ["calendar", "--from", "2015-01-01", "--to", "2030-12-31"])


@pytest.fixture(scope="module")
def golden_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The golden store, imported once for the module: an SQLite file, or with `TRACKER_TEST_POSTGRES` (as
    `scripts/test-postgres` sets it) a PostgreSQL database of its own, dropped afterwards."""
    if not POSTGRES:
        db = str(tmp_path_factory.mktemp("golden") / "tracker.db")
        assert run(db, "ingest", str(STORE)).exit_code == 0
        yield db
        return
    import psycopg

    name = f"tracker_golden_{uuid4().hex[:12]}"
    with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name}")
    assert run(f"{POSTGRES}{name}", "ingest", str(STORE)).exit_code == 0
    yield f"{POSTGRES}{name}"
    with psycopg.connect(f"{POSTGRES}postgres", autocommit=True) as server:
        server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run(db: str, *args: str):
    args = tuple(_before_retraction() if a == "BEFORE_RETRACTION" else a for a in args)
    return CliRunner().invoke(cli, ["--db", db, *args], env={"NO_COLOR": None, "FORCE_COLOR": None, "COLUMNS": "200"})


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_query_gives_its_golden_output_on_the_fixed_store(golden_db: str, name: str) -> None:
    result = run(golden_db, *CASES[name])
    assert result.exit_code == 0, result.output
    golden = GOLDEN / f"{name}.txt"
    if UPDATE:
        golden.write_text(result.stdout)
    assert result.stdout == golden.read_text()


@pytest.mark.parametrize("args", TODAY_QUERIES, ids=" ".join)
def test_a_query_of_today_answers_as_computed_afresh_when_computed_and_when_kept(golden_db: str,
                                                                                 args: list[str]) -> None:
    """The first query of today computes the answer and keeps it in the read model, the second reads it back;
    with an `--occurred-by` far ahead too, the same question is never kept, so it is computed afresh each time."""
    computed = run(golden_db, *args, "--format", "json")
    kept = run(golden_db, *args, "--format", "json")
    afresh = run(golden_db, *args, "--as-of", date.today().isoformat(), "--occurred-by", "9999-12-31",
                 "--format", "json")
    assert computed.exit_code == kept.exit_code == afresh.exit_code == 0
    assert computed.stdout == kept.stdout == afresh.stdout


def test_the_default_view_of_the_api_is_kept_and_read_back_unchanged(golden_db: str) -> None:
    tracker = Tracker(golden_db)
    afresh = TimeView(as_of=date.today(), occurred_by=date(9999, 12, 31))
    for ask in (tracker.compounds, tracker.ledger, tracker.receivables, tracker.calendar):
        assert ask(TimeView()) == ask(TimeView()) == ask(afresh)
    tracker.close()


@pytest.mark.parametrize("day", DAYS)
def test_every_compound_read_a_name_group_at_a_time_gives_the_golden_list(golden_db: str, day: str, monkeypatch) -> None:
    """The compound list is computed a batch of name groups at a time: with a batch a group, it is the same."""
    monkeypatch.setattr(history, "_BATCH", 1)
    result = run(golden_db, *CASES[f"compounds-{day}"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (GOLDEN / f"compounds-{day}.txt").read_text()
