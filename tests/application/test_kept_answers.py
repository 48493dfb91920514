"""The answers of today the read model keeps are read back only while the log and the day they were kept for hold."""
from __future__ import annotations

from datetime import date, timedelta

from click.testing import CliRunner
from support import rows, tamper_read_model

from cli import cli
from tracker.adapters.read_model import ANSWER_STAMPS


def tracker(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def afresh(db: str, *args: str) -> str:
    """The same question of today, never kept (a view with an `--occurred-by` is computed each time)."""
    return tracker(db, *args, "--as-of", date.today().isoformat(), "--occurred-by", "9999-12-31")


def test_an_entry_recorded_after_the_ledger_was_kept_is_in_the_next_ledger(seeds, db):
    tracker(db, "ingest", str(seeds))
    before = tracker(db, "ledger", "--format", "json")
    tracker(db, "record", "invoice", "L-ba54e7c8", "--amount", "5000000", "--on", "2013-10-01", "--reason", "invoice")
    after = tracker(db, "ledger", "--format", "json")
    assert after != before
    assert after == afresh(db, "ledger", "--format", "json")
    assert tracker(db, "receivables", "--format", "json") == afresh(db, "receivables", "--format", "json")


def test_an_answer_kept_on_an_earlier_day_is_computed_again_and_kept_for_today(seeds, db):
    tracker(db, "ingest", str(seeds))
    kept = tracker(db, "compounds", "--format", "json")
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    tamper_read_model(db, f"UPDATE {ANSWER_STAMPS} SET horizon = '{yesterday}', as_of = '{yesterday}'")
    assert tracker(db, "compounds", "--format", "json") == kept
    assert rows(db, f"SELECT horizon FROM {ANSWER_STAMPS} WHERE kind = 'compounds'") == [(date.today().isoformat(),)]


def test_one_compounds_ledger_lines_are_read_from_the_kept_ledger_alone(seeds, db):
    tracker(db, "ingest", str(seeds))
    tracker(db, "ledger")
    assert tracker(db, "ledger", "--compound", "T-DM1", "--format", "json") == \
        afresh(db, "ledger", "--compound", "T-DM1", "--format", "json")
