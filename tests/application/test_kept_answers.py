"""The answers of today the read model keeps are read back only while the log and the day they were kept for hold."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from support import rows, tamper_read_model

from cli import cli
from projections.history import TimeView
from tracker import open_tracker
from tracker.adapters.read_model import ANSWER_STAMPS, ANSWERS
from tracker.services.kept import KeptRows


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


def test_an_answer_kept_on_an_earlier_day_is_brought_up_to_today_and_kept_for_today(seeds, db):
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


def test_a_kept_answer_is_decoded_row_by_row_as_it_is_read(seeds, db):
    tracker(db, "ingest", str(seeds))
    book = open_tracker(db)
    computed = book.ledger()
    kept = book.ledger()
    assert isinstance(kept.lines, KeptRows)
    assert len(kept.lines) == len(computed.lines)
    assert kept.lines._decoded.count(None) == len(kept.lines)  # counted, nothing decoded yet
    assert kept.lines[-1] == computed.lines[-1]
    assert kept.lines._decoded.count(None) == len(kept.lines) - 1
    assert kept.lines[1:3] == computed.lines[1:3]
    assert kept == computed
    assert kept.model_dump_json() == computed.model_dump_json()


def test_a_kept_report_reads_its_rows_as_they_are_used_and_writes_them_whole(seeds, db):
    tracker(db, "ingest", str(seeds))
    book = open_tracker(db)
    computed = book.receivables(TimeView())
    kept = book.receivables(TimeView())
    assert isinstance(kept.receivables, KeptRows) and isinstance(kept.contingent, KeptRows)
    assert kept.totals == computed.totals and list(kept.contingent) == list(computed.contingent)
    assert kept.model_dump_json() == computed.model_dump_json()


def test_an_answer_kept_by_another_version_of_the_tracker_is_computed_again(seeds, db):
    tracker(db, "ingest", str(seeds))
    kept = tracker(db, "compounds", "--format", "json")
    tamper_read_model(db, f"UPDATE {ANSWERS} SET body = '{{}}' WHERE kind = 'compounds'")
    tamper_read_model(db, f"UPDATE {ANSWER_STAMPS} SET made_by = '0.0.0-older'")
    assert tracker(db, "compounds", "--format", "json") == kept
    assert rows(db, f"SELECT made_by FROM {ANSWER_STAMPS} WHERE kind = 'compounds'") != [("0.0.0-older",)]


def test_a_kept_answer_is_read_from_the_store_a_page_at_a_time_and_holds_when_the_log_moves(seeds, db, monkeypatch):
    import tracker.services.kept as kept_module

    monkeypatch.setattr(kept_module, "PAGE", 1)
    tracker(db, "ingest", str(seeds))
    book = open_tracker(db)
    book.ledger()  # computes and keeps it
    expected = list(book.ledger().lines)  # read whole
    held = book.ledger().lines
    pages = held._bodies._pages
    assert len(held) == len(expected) and pages == {}  # counted, no row read yet
    assert len(held) > 1 and held[1] == expected[1] and list(pages) == [1]
    tracker(db, "record", "invoice", "L-ba54e7c8", "--amount", "5000000", "--on", "2013-10-01", "--reason", "invoice")
    assert list(book.ledger().lines) != expected  # the log moved: the ledger is kept again, for the new position
    assert list(held) == expected  # what was held stands as it was when asked
    report = book.receivables(TimeView())
    assert report.model_dump_json() == book.receivables(TimeView(as_of=date.today(), occurred_by=date(9999, 12, 31))
                                                        ).model_dump_json()


def test_an_answer_kept_for_the_default_view_is_read_as_of_today_and_back_while_nothing_is_dated_later(seeds, db,
                                                                                                        monkeypatch):
    from tracker.services.queries import Queries

    opened = open_tracker(db)
    opened.ingest([seeds])
    kept = opened.compounds(TimeView())
    monkeypatch.setattr(Queries, "statuses", lambda *args: pytest.fail("the compound list was computed again"))
    assert list(opened.compounds(TimeView(as_of=date.today()))) == list(kept)
    assert list(opened.compounds(TimeView())) == list(kept)


def test_a_fact_dated_after_today_keeps_the_view_as_of_today_apart_from_the_whole_record(seeds, db, monkeypatch):
    import tracker.services.kept as kept

    opened = open_tracker(db)
    opened.ingest([seeds])
    last = max(date.fromisoformat(record["reported_on"]) for record in opened.events())
    earlier = last - timedelta(days=1)

    class Earlier(date):
        """A clock on the day before the last release: that release is dated after "today"."""

        @classmethod
        def today(cls):
            return earlier

    monkeypatch.setattr(kept, "date", Earlier)
    whole, that_day = opened.events(TimeView()), opened.events(TimeView(as_of=earlier))
    assert len(that_day) < len(whole)
    assert opened.events(TimeView()) == whole
    assert opened.events(TimeView(as_of=earlier)) == that_day


def test_rows_read_through_once_are_decoded_each_time_and_never_held():
    bodies = ['{"id": "a.0"}', '{"id": "b.1"}']
    held, passing = KeptRows(dict, bodies), KeptRows(dict, bodies, holds=False)
    assert list(held) == list(passing) == [{"id": "a.0"}, {"id": "b.1"}]
    assert held[0] is held[0]
    assert passing[0] is not passing[0]


def test_every_record_of_today_is_read_back_as_it_was_kept(seeds, db):
    opened = open_tracker(db)
    opened.ingest([seeds])
    kept = opened.events()
    again = opened.events()
    assert not isinstance(again, list)  # read from the kept rows, a record decoded as it is read
    assert list(again) == list(kept) == list(opened.events(TimeView(as_of=date.today(), occurred_by=date(9999, 12, 31))))
    assert again[-1] == list(kept)[-1] and again[1:3] == list(kept)[1:3]
