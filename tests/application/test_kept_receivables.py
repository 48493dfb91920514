"""After an ingest that changes no ledger line (its facts name only compounds without money), the receivables
report kept for today is kept as it is, its rows the same rows; an ingest that can change a line
has it computed again from the kept lines, as computed afresh; on a new day its receivables are aged again from
their rows when no line changed (none lapsed, none changed aging bucket), its other rows kept."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from support import AFRESH, afresh_on, standing_on, write_release

import projections.receivables as receivables_module
from tracker import open_tracker
from tracker.adapters.read_model import ANSWERS

pytestmark = pytest.mark.usefixtures("reading_plain_sentences")


@pytest.fixture
def store(tmp_path) -> str:
    """An SQLite store: its rows' ids tell a row left in place from one written again."""
    return str(tmp_path / "tracker.db")



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




#: Zentrilumab's submission milestone earned on March 2, 2021 is due 30 days later (April 1): 61 days past due on
#: June 1 (61-90), 75 on June 15, 91 on July 1 (91-120). Quoximab's milestone in the lapsing test, expected by
#: 2020-06-01, lapses a year after (on June 2, 2021 it has).
DAYS = [("first", "March 2, 2021",
         "Acme earned a $5 million milestone from Bigco on the submission of Zentrilumab.",
         "Acme is eligible for a $20 million milestone from Bigco on the approval of Zentrilumab.")]


def _kept_on(tmp_path, store, monkeypatch, day: date, releases=DAYS):
    tracker = open_tracker(store)
    for name, released, *sentences in releases:
        tracker.ingest([write_release(tmp_path / "days", name, released, *sentences)])
    standing_on(monkeypatch, day)
    tracker.receivables()
    return tracker


def test_a_receivables_report_kept_on_an_earlier_day_is_aged_again_where_only_its_days_change(
        tmp_path, store, monkeypatch):
    tracker = _kept_on(tmp_path, store, monkeypatch, date(2021, 6, 1))
    rows_before = _kept(store)
    standing_on(monkeypatch, date(2021, 6, 15))

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables()
    assert not computed
    assert now.as_of == date(2021, 6, 15)
    assert [r.days_past_due for r in now.receivables] == [75]
    assert now.model_dump_json() == tracker.receivables(afresh_on(date(2021, 6, 15))).model_dump_json()
    rows_after = _kept(store)
    written = {row[0] for row in rows_after.values() if row not in rows_before.values()}
    assert written == {None, "receivables"}  # the head and the receivables, the contingent lines and totals kept
    assert {rowid: row for rowid, row in rows_before.items() if row[0] not in written}.items() <= rows_after.items()


def test_a_receivable_changing_aging_bucket_on_a_new_day_has_the_report_computed_again(tmp_path, store, monkeypatch):
    tracker = _kept_on(tmp_path, store, monkeypatch, date(2021, 6, 1))
    standing_on(monkeypatch, date(2021, 7, 1))

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables()
    assert len(computed) == 1
    assert [r.bucket for r in now.receivables] == ["91-120"]
    assert now.model_dump_json() == tracker.receivables(afresh_on(date(2021, 7, 1))).model_dump_json()


def test_a_line_lapsing_on_a_new_day_has_the_report_computed_again(tmp_path, store, monkeypatch):
    releases = [(*DAYS[0], "Acme is eligible for a $7 million milestone from Megapharm on the approval of Quoximab "
                           "by 2020-06-01.")]
    tracker = _kept_on(tmp_path, store, monkeypatch, date(2021, 6, 1), releases)
    assert len(tracker.receivables().contingent) == 2
    standing_on(monkeypatch, date(2021, 6, 3))

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables()
    assert len(computed) == 1
    assert [c.compound for c in now.contingent] == ["zentrilumab"]
    assert now.model_dump_json() == tracker.receivables(afresh_on(date(2021, 6, 3))).model_dump_json()


def test_a_receivables_report_of_a_new_day_after_money_came_in_is_computed_again(tmp_path, store, monkeypatch):
    tracker = _kept_on(tmp_path, store, monkeypatch, date(2021, 6, 1))
    tracker.ingest([write_release(tmp_path / "later", "third", "May 4, 2021", "The FDA has approved Zentrilumab.")])
    standing_on(monkeypatch, date(2021, 6, 2))

    computed = _reports_computed(monkeypatch)
    now = tracker.receivables()
    assert len(computed) == 1
    assert now.model_dump_json() == tracker.receivables(afresh_on(date(2021, 6, 2))).model_dump_json()
