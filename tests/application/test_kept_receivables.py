"""After an ingest that changes no ledger line (its facts name only compounds without money), the receivables
report kept for today is kept as it is, its rows the same rows; an ingest that can change a line, or a new day
(which ages every open line again), has it computed again from the kept lines, as computed afresh."""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
import stand_in_extractor
from support import write_release

import projections.receivables as receivables_module
import tracker.services.ingest as ingest
from projections.history import TimeView
from tracker import open_tracker
from tracker.adapters.read_model import ANSWER_STAMPS, ANSWERS


@pytest.fixture(autouse=True)
def reading_plain_sentences(monkeypatch):
    monkeypatch.setattr(ingest, "extract", stand_in_extractor.read)


@pytest.fixture
def store(tmp_path) -> str:
    """An SQLite store: its rows' ids tell a row left in place from one written again."""
    return str(tmp_path / "tracker.db")


AFRESH = TimeView(as_of=date.today(), occurred_by=date(9999, 12, 31))
"""The view of today never kept (a view with an `occurred_by` is computed each time)."""

KIND = "receivables by counterparty"

FIRST = [("first", "March 2, 2021",
          "Acme is eligible for a $20 million milestone from Bigco on the approval of Zentrilumab.",
          "Acme earned a $5 million milestone from Bigco on the submission of Zentrilumab."),
         ("second", "April 6, 2021", "Acme earned a $7 million milestone from Megapharm on the approval of Quoximab.",
          "The FDA has approved Tivorafenib.")]
#: Releases whose facts name only tivorafenib and nexolimab, which have no money: no ledger line changes.
NO_MONEY = {
    "an approval of a compound without money": ("third", "May 4, 2021", "The FDA has approved Tivorafenib."),
    "a partnership and a catalyst of a new compound": ("third", "May 4, 2021", "Acme partnered with Bigco on Nexolimab.",
                                                       "An FDA decision on Nexolimab is expected by 2040-06-30."),
}
#: Releases that change a line: a condition met, a new milestone, a compound without money joining one with money.
MONEY = {
    "a milestone's condition met": ("third", "May 4, 2021", "The FDA has approved Zentrilumab."),
    "a new milestone": ("third", "May 4, 2021",
                        "Acme earned a $4 million milestone from Bigco on the submission of Tivorafenib."),
    "an alias joining a compound without money to one with": ("third", "May 4, 2021",
                                                              "Tivorafenib is also known as QX-17.",
                                                              "Quoximab is also known as QX-17."),
}


def _kept(db: str) -> dict[int, tuple[str | None, bytes, str]]:
    """Every row of the kept report by its row id: (key, place, body)."""
    with sqlite3.connect(db) as connection:
        return {rowid: (key, at, body) for rowid, key, at, body in connection.execute(
            f"SELECT rowid, row_key, place, body FROM {ANSWERS} WHERE kind = ?", [KIND])}


def _ingested(tmp_path, store):
    tracker = open_tracker(store)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path / "first", name, day, *sentences)])
    return tracker


def _reports_computed(monkeypatch) -> list[object]:
    computed: list[object] = []
    report = receivables_module.receivables
    monkeypatch.setattr(receivables_module, "receivables", lambda *args: computed.append(args) or report(*args))
    return computed


@pytest.mark.parametrize("later", sorted(NO_MONEY))
def test_an_ingest_changing_no_ledger_line_keeps_the_receivables_report_as_its_same_rows(
        tmp_path, store, monkeypatch, later):
    tracker = _ingested(tmp_path, store)
    before = tracker.receivables().model_dump_json()
    rows_before = _kept(store)
    name, day, *sentences = NO_MONEY[later]
    tracker.ingest([write_release(tmp_path / "later", name, day, *sentences)])

    computed = _reports_computed(monkeypatch)
    assert tracker.receivables().model_dump_json() == before
    assert not computed
    assert _kept(store) == rows_before
    assert tracker.receivables(AFRESH).model_dump_json() == before
    assert tracker.verify().intact


@pytest.mark.parametrize("later", sorted(MONEY))
def test_an_ingest_that_can_change_a_ledger_line_has_the_receivables_report_computed_again(
        tmp_path, store, monkeypatch, later):
    tracker = _ingested(tmp_path, store)
    before = tracker.receivables().model_dump_json()
    name, day, *sentences = MONEY[later]
    tracker.ingest([write_release(tmp_path / "later", name, day, *sentences)])

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables().model_dump_json()
    assert len(computed) == 1
    assert now == tracker.receivables(AFRESH).model_dump_json()
    if later != "an alias joining a compound without money to one with":  # joined, the same lines
        assert now != before
    assert tracker.verify().intact


def test_a_receivables_report_kept_on_an_earlier_day_is_aged_again(tmp_path, store, monkeypatch):
    tracker = _ingested(tmp_path, store)
    tracker.receivables()
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    with sqlite3.connect(store) as connection:
        connection.execute(f"UPDATE {ANSWER_STAMPS} SET horizon = ? WHERE kind = ?", [yesterday, KIND])
    connection.close()

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables()
    assert len(computed) == 1
    assert now.as_of == date.today()
    assert now.model_dump_json() == tracker.receivables(AFRESH).model_dump_json()
