"""A kept answer brought up to date after an ingest has only the rows of the name groups the new facts touch
written again: the other rows stay in the store as they were (the same rows, not copies), and the answer, read in
the order of the rows' places, is the answer computed afresh."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from support import AFRESH, rows, standing_on, write_release

import tracker.services.kept as kept
from projections.history import TimeView
from projections.ledger import lapses_between
from tracker import open_tracker
from tracker.adapters.read_model import ANSWERS, place
from tracker.services.money import Money

pytestmark = pytest.mark.usefixtures("reading_plain_sentences")


@pytest.fixture
def store(tmp_path) -> str:
    """An SQLite store: its rows' ids tell a row left in place from one written again."""
    return str(tmp_path / "tracker.db")



FIRST = [("first", "March 2, 2021", "The FDA has approved Zentrilumab.", "The FDA has approved Brovatinib.",
          "An FDA decision on Quoximab is expected by 2040-06-30.",
          "Acme is eligible for a $20 million milestone from Bigco on the approval of Zentrilumab.",
          "Acme is eligible for a $9 million milestone from Megapharm on the approval of Brovatinib."),
         ("second", "April 6, 2021", "The FDA has approved Quoximab.", "The FDA has approved an undisclosed product.",
          "An FDA decision on Tivorafenib is expected by 2040-03-31.",
          "Acme is eligible for a $7 million milestone from Megapharm on the approval of Quoximab.")]
#: A release about brovatinib alone: a record, a status, a catalyst and a ledger line of it change.
BROVATINIB = ("third", "May 4, 2021", "An FDA decision on Brovatinib is expected by 2039-12-31.",
              "Acme is eligible for a $5 million milestone from Megapharm on the approval of Brovatinib.")

KINDS = {"records": lambda tracker, view: list(tracker.events(view)),
         "compounds": lambda tracker, view: [s.model_dump_json() for s in tracker.compounds(view)],
         "calendar": lambda tracker, view: [e.model_dump_json() for e in tracker.calendar(view)],
         "ledger": lambda tracker, view: [line.model_dump_json() for line in tracker.ledger(view).lines]}


def _kept(db: str, kind: str) -> dict[int, tuple[str | None, bytes, str]]:
    """Every row of the kept answer of `kind` by its row id: (key, place, body)."""
    with sqlite3.connect(db) as connection:
        return {rowid: (key, at, body) for rowid, key, at, body in connection.execute(
            f"SELECT rowid, row_key, place, body FROM {ANSWERS} WHERE kind = ?", [kind])}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_ingest_has_only_the_rows_of_the_groups_it_touches_written_again(tmp_path, store, kind):
    tracker = open_tracker(store)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    answer = KINDS[kind]
    before = answer(tracker, TimeView())
    kept_before = _kept(store, kind)
    tracker.ingest([write_release(tmp_path / "later", *BROVATINIB)])

    after = answer(tracker, TimeView())
    assert after == answer(tracker, AFRESH) != before
    kept_after = _kept(store, kind)
    left = {rowid: row for rowid, row in kept_before.items() if row[0] != "brovatinib"}
    assert left and all(kept_after.get(rowid) == row for rowid, row in left.items())  # not one lost nor copied
    written = dict(kept_after.items() - kept_before.items())  # (a row id may be taken again: its row is not)
    assert written and {key for key, _, _ in written.values()} == {"brovatinib"}
    assert len(kept_after) == len(left) + len(written)  # no row of brovatinib's left behind


def test_a_fact_about_no_compound_has_only_the_records_of_no_compound_written_again(tmp_path, store):
    tracker = open_tracker(store)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    tracker.events()
    kept_before = _kept(store, "records")
    tracker.ingest([write_release(tmp_path / "later", "third", "May 4, 2021", "The FDA has approved an undisclosed product.")])

    assert list(tracker.events()) == list(tracker.events(AFRESH))
    kept_after = _kept(store, "records")
    assert {rowid: row for rowid, row in kept_before.items() if row[0] is not None}.items() <= kept_after.items()
    assert {row[0] for _, row in (kept_after.items() - kept_before.items())} == {None}
    assert sum(row[0] is None for row in kept_after.values()) == 2


def test_an_answer_replaced_meanwhile_by_another_process_is_not_amended(tmp_path, store):
    tracker = open_tracker(store)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    tracker.compounds()
    read_model = tracker._services.store.read_model
    earlier = read_model.stamp_of("compounds")
    kept_before = _kept(store, "compounds")
    later = type(earlier)(earlier.position + 1, earlier.as_of, earlier.horizon, earlier.threshold, earlier.made_by)
    assert read_model.amend("compounds", later, later, None, []) is False  # kept for `earlier`, not `later`
    assert _kept(store, "compounds") == kept_before and read_model.stamp_of("compounds") == earlier


def test_rows_read_a_page_at_a_time_are_every_row_in_order_however_they_are_read(tmp_path, store, monkeypatch):
    monkeypatch.setattr(kept, "PAGE", 2)
    tracker = open_tracker(store)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    expected = list(tracker.events(AFRESH))
    tracker.events()
    assert list(tracker.events()) == expected  # page after page, each after the last row of the one before
    records = tracker.events()
    assert [records[i] for i in reversed(range(len(records)))] == expected[::-1]  # each page by its offset


def test_the_place_of_a_sort_key_orders_as_the_key_orders():
    keys = [("", date.max, "L-2"), ("a", date(2021, 3, 2), "L-1"), ("a", date(2021, 3, 2), "L-10"),
            ("a\x00b", date.min, ""), ("a\x00", date.min, ""), ("ab", date.min, ""), ("é", date.min, ""),
            ("z", date.min, "\U0001F600"), ("z", date.min, "\uffff"), ("a", date(2021, 3, 2), "L-1\x00")]
    numbers = [(-(2**40),), (-1,), (0,), (3,), (2**40,), (3, 1), (None,)]
    assert sorted(keys, key=place) == sorted(keys)
    assert sorted(numbers, key=place) == [(None,), *sorted(numbers[:-1])]
    assert len({place(key) for key in keys}) == len(keys)


def test_the_store_reads_rows_in_the_order_of_their_places(store):
    tracker = open_tracker(store)
    tracker.compounds()  # the store's tables made
    names = ["b", "a\x00", "a", "ab", "é", "A"]
    read_model = tracker._services.store.read_model
    read_model.keep("test", read_model.stamp_of("compounds"), [(None, place([name]), name) for name in names])
    assert [body for (body,) in rows(store, f"SELECT body FROM {ANSWERS} WHERE kind = 'test' ORDER BY place")] \
        == sorted(names)


#: Zentrilumab's line lapses on 2025-06-30 (a year after it was expected), brovatinib's in 2040, quoximab's never.
LAPSING = [("first", "March 2, 2021",
            "Acme is eligible for a $20 million milestone from Bigco on the approval of Zentrilumab by 2024-06-30.",
            "Acme is eligible for a $9 million milestone from Megapharm on the approval of Brovatinib by 2039-12-31.",
            "Acme is eligible for a $7 million milestone from Megapharm on the approval of Quoximab.")]


def _kept_on(tmp_path, store, monkeypatch, day: date, releases=LAPSING):
    tracker = open_tracker(store)
    for name, released, *sentences in releases:
        tracker.ingest([write_release(tmp_path, name, released, *sentences)])
    with monkeypatch.context() as patched:
        standing_on(patched, day)
        kept_then = [line.model_dump_json() for line in tracker.ledger().lines]
    return tracker, kept_then


def _whole_ledgers_computed(monkeypatch) -> list[object]:
    computed: list[object] = []
    lines = Money.lines
    monkeypatch.setattr(Money, "lines", lambda self, *args: computed.append(args) or lines(self, *args))
    return computed


def test_a_ledger_kept_on_an_earlier_day_has_only_the_groups_of_the_lines_lapsing_since_computed_again(
        tmp_path, store, monkeypatch):
    tracker, kept_then = _kept_on(tmp_path, store, monkeypatch, date(2025, 1, 1))
    kept_before = _kept(store, "ledger")
    computed = _whole_ledgers_computed(monkeypatch)

    now = [line.model_dump_json() for line in tracker.ledger().lines]
    assert now == [line.model_dump_json() for line in tracker.ledger(AFRESH).lines] != kept_then
    assert len(computed) == 1  # the ledger afresh only
    assert {line.compound: line.status for line in tracker.ledger().lines} == {
        "brovatinib": "contingent", "quoximab": "contingent", "zentrilumab": "lapsed"}
    kept_after = _kept(store, "ledger")
    assert {row[0] for _, row in (kept_after.items() - kept_before.items())} == {"zentrilumab"}
    assert {rowid: row for rowid, row in kept_before.items() if row[0] != "zentrilumab"}.items() <= kept_after.items()


def test_a_ledger_kept_on_an_earlier_day_with_no_line_lapsing_since_has_no_row_written_again(tmp_path, store, monkeypatch):
    tracker, kept_then = _kept_on(tmp_path, store, monkeypatch, date(2025, 7, 1))  # zentrilumab's lapsed already
    kept_before = _kept(store, "ledger")
    computed = _whole_ledgers_computed(monkeypatch)
    assert [line.model_dump_json() for line in tracker.ledger().lines] == kept_then
    assert _kept(store, "ledger") == kept_before
    assert [line.model_dump_json() for line in tracker.ledger(AFRESH).lines] == kept_then
    assert len(computed) == 1  # the ledger afresh only


def test_a_line_of_no_compound_lapsing_since_the_ledger_was_kept_has_it_computed_afresh(tmp_path, store, monkeypatch):
    releases = [(*LAPSING[0], "Acme is eligible for a $3 million milestone from Bigco on the approval of an "
                              "undisclosed product by 2024-09-30.")]
    tracker, _ = _kept_on(tmp_path, store, monkeypatch, date(2025, 1, 1), releases)
    computed = _whole_ledgers_computed(monkeypatch)
    now = [line.model_dump_json() for line in tracker.ledger().lines]
    assert now == [line.model_dump_json() for line in tracker.ledger(AFRESH).lines]
    assert len(computed) == 2  # the kept ledger computed afresh, then the ledger afresh
    assert {line.compound: line.status for line in tracker.ledger().lines}[None] == "lapsed"


def test_a_line_of_the_seeds_differs_from_one_day_to_another_only_when_it_lapses_between_them(store, monkeypatch, seeds):
    monkeypatch.undo()  # the real extractor
    tracker = open_tracker(store)
    tracker.ingest(sorted(seeds.glob("*.txt")), manifest=seeds / "manifest.csv")
    money = tracker._services.money
    days = [date(year, month, 1) for year in range(2008, 2030) for month in (1, 7)]
    ledgers = {day: {line.id: line for line in money.lines(TimeView(), day)} for day in days}
    changed = 0
    for since, until in zip(days, days[1:]):
        assert ledgers[since].keys() == ledgers[until].keys()
        for line_id, line in ledgers[since].items():
            if line != ledgers[until][line_id]:
                changed += 1
                assert lapses_between(line.expected_by, since, until), line_id
    assert changed  # some line of the seeds lapses over those days
