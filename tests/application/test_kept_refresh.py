"""After an ingest, the compound list, the calendar and the records kept for today are brought up to date by
computing again only the name groups the new facts touch (and, for the records, the facts about no compound);
facts that can change any compound's status (an affiliation, say) or any record (a review decision) have them
computed afresh."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from support import AFRESH, tamper_read_model, write_release

from projections.history import TimeView
from projections.status import restated_on
from tracker import open_tracker
from tracker.adapters.read_model import ANSWER_STAMPS
from tracker.services.queries import Queries

pytestmark = pytest.mark.usefixtures("reading_plain_sentences")


FIRST = [("first", "March 2, 2021", "The FDA has approved Zentrilumab.", "The FDA has approved Brovatinib."),
         ("second", "April 6, 2021", "The FDA has approved Quoximab.",
          "An FDA decision on Tivorafenib is expected by 2040-06-30.", "An FDA decision on Ozrelimab is expected by 2040-03-31.")]
LATER = {
    "a new compound and a known one": [("third", "May 4, 2021", "The FDA has approved Zentrilumab.",
                                        "The FDA has approved Tivorafenib.",
                                        "An FDA decision on Zentrilumab is expected by 2040-01-31.")],
    "an alias joining two compounds": [("third", "May 4, 2021", "Brovatinib is also known as QX-17.",
                                        "Quoximab is also known as QX-17.")],
    "a correction dropping a compound": [("first", "March 3, 2021", "The FDA has approved Brovatinib.")],
}


def _json(statuses) -> list[str]:
    return [status.model_dump_json() for status in statuses]




@pytest.mark.parametrize("later", sorted(LATER))
def test_the_kept_list_is_brought_up_to_date_from_the_groups_the_new_facts_touch(tmp_path, db, monkeypatch, later):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    before = _json(tracker.compounds())
    tracker.calendar()
    for name, day, *sentences in LATER[later]:
        tracker.ingest([write_release(tmp_path / "later", name, day, *sentences)])

    with monkeypatch.context() as patched:
        patched.setattr(Queries, "statuses", lambda *args: pytest.fail("the whole list was computed again"))
        patched.setattr(Queries, "whole_calendar", lambda *args: pytest.fail("the whole calendar was made again"))
        refreshed, calendar = _json(tracker.compounds()), _json(tracker.calendar())
    assert refreshed != before
    assert refreshed == _json(tracker.compounds(AFRESH))
    assert calendar == _json(tracker.calendar(AFRESH))


def test_an_affiliation_has_the_statuses_of_the_compounds_partnered_through_it_computed_again(tmp_path, db, monkeypatch):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    tracker.ingest([write_release(tmp_path, "deals", "April 9, 2021", "Acme partnered with Genentech on Zentrilumab.",
                             "Acme partnered with Subco on Brovatinib.", "Acme partnered with Bigco on Quoximab.",
                             "Subco is a member of the Genentech Group.")])
    tracker.compounds(), tracker.calendar()
    tracker.ingest([write_release(tmp_path, "third", "May 4, 2021", "Genentech is a member of the Roche Group.")])
    with monkeypatch.context() as patched:
        patched.setattr(Queries, "statuses", lambda *args: pytest.fail("the whole list was computed again"))
        patched.setattr(Queries, "whole_calendar", lambda *args: pytest.fail("the whole calendar was made again"))
        refreshed, calendar = tracker.compounds(), _json(tracker.calendar())
    assert _json(refreshed) == _json(tracker.compounds(AFRESH))
    assert calendar == _json(tracker.calendar(AFRESH))
    partners = {status.name: [partner.name for partner in status.partners] for status in refreshed}
    assert partners == {"zentrilumab": ["Roche"], "brovatinib": ["Roche"], "quoximab": ["Bigco"],
                        "tivorafenib": [], "ozrelimab": []}


def test_a_status_restated_on_another_day_is_the_status_computed_on_that_day(tmp_path, db):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    queries = tracker._services.queries
    days = [date(2021, 5, 1), date(2040, 4, 30), date(2041, 1, 1)]
    statuses = {day: queries.statuses(TimeView(), day) for day in days}
    assert any(c.overdue for s in statuses[days[-1]] for c in s.expected)  # the days take catalysts past due
    for earlier, later in zip(days, days[1:]):
        assert [restated_on(s, later) for s in statuses[earlier]] == statuses[later]


def test_the_kept_list_of_yesterday_is_restated_on_today_when_nothing_was_published_since(tmp_path, db, monkeypatch):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    for view in (TimeView(), TimeView(as_of=date.today())):  # one answer while nothing is dated after today
        tracker.compounds(view), tracker.calendar(view), tracker.events(view)
        tamper_read_model(db, f"UPDATE {ANSWER_STAMPS} SET horizon = '{yesterday}'")
        with monkeypatch.context() as patched:
            patched.setattr(Queries, "statuses", lambda *args: pytest.fail("the whole list was computed again"))
            patched.setattr(Queries, "whole_calendar", lambda *args: pytest.fail("the whole calendar was made again"))
            patched.setattr(Queries, "placed_records", lambda *args: pytest.fail("every record was made again"))
            restated, calendar, records = _json(tracker.compounds(view)), _json(tracker.calendar(view)), tracker.events(view)
        assert restated == _json(tracker.compounds(AFRESH))
        assert calendar == _json(tracker.calendar(AFRESH))
        assert records == tracker.events(AFRESH)


def test_a_list_as_of_yesterday_is_computed_afresh_when_something_was_published_today(tmp_path, db, monkeypatch):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    today = TimeView(as_of=date.today())
    tracker.compounds(today)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    tamper_read_model(db, f"UPDATE {ANSWER_STAMPS} SET horizon = '{yesterday}', as_of = '{yesterday}'")
    tracker.ingest([write_release(tmp_path, "today", date.today().strftime("%B %-d, %Y"), "The FDA has approved Ozrelimab.")])
    computed = []
    statuses = Queries.statuses
    monkeypatch.setattr(Queries, "statuses", lambda self, *args: computed.append(args) or statuses(self, *args))
    assert _json(tracker.compounds(today)) == _json(tracker.compounds(AFRESH))
    assert len(computed) == 2  # the kept list computed afresh, then the list afresh


def _ingested(tmp_path, db):
    tracker = open_tracker(db)
    for name, day, *sentences in FIRST:
        tracker.ingest([write_release(tmp_path, name, day, *sentences)])
    return tracker


@pytest.mark.parametrize("later", sorted(LATER))
def test_the_kept_records_are_brought_up_to_date_from_the_groups_the_new_facts_touch(tmp_path, db, monkeypatch, later):
    tracker = _ingested(tmp_path, db)
    before = tracker.events()
    for name, day, *sentences in LATER[later]:
        tracker.ingest([write_release(tmp_path / "later", name, day, *sentences)])

    with monkeypatch.context() as patched:
        patched.setattr(Queries, "placed_records", lambda *args: pytest.fail("every record was made again"))
        refreshed = tracker.events()
    assert refreshed != before
    assert refreshed == tracker.events(AFRESH)
    assert [r["id"] for r in refreshed] == [r["id"] for r in tracker.events(AFRESH)]  # in export order


@pytest.mark.parametrize("sentence", ["The FDA has approved an undisclosed product.",
                                      "Genentech is a member of the Roche Group."])
def test_a_fact_about_no_compound_has_the_records_of_no_compound_made_again(tmp_path, db, monkeypatch, sentence):
    tracker = _ingested(tmp_path, db)
    tracker.ingest([write_release(tmp_path, "third", "May 4, 2021", "The FDA has approved an undisclosed product.")])
    tracker.events()
    tracker.ingest([write_release(tmp_path, "fourth", "June 1, 2021", sentence, "The FDA has approved Quoximab.")])
    with monkeypatch.context() as patched:
        patched.setattr(Queries, "placed_records", lambda *args: pytest.fail("every record was made again"))
        refreshed = tracker.events()
    assert refreshed == tracker.events(AFRESH)
    assert sum(r["compound"] is None for r in refreshed) == 2


def test_a_review_decision_has_every_record_made_afresh(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    before = tracker.events()
    tracker.review(before[0]["id"], "rejected", "analyst", "not what the release says")
    made = []
    placed = Queries.placed_records
    monkeypatch.setattr(Queries, "placed_records", lambda self, *args: made.append(args) or placed(self, *args))
    refreshed = tracker.events()
    assert refreshed == tracker.events(AFRESH) != before
    assert len(made) == 2  # the kept records, then the records afresh


def test_the_report_reads_the_kept_records_not_the_whole_history(tmp_path, db, monkeypatch):
    tracker = _ingested(tmp_path, db)
    expected = tracker.report(AFRESH)
    tracker.report()
    with monkeypatch.context() as patched:
        patched.setattr(Queries, "placed_records", lambda *args: pytest.fail("every record was made again"))
        patched.setattr(type(tracker._services.queries.history), "all",
                        lambda *args: pytest.fail("the whole history was read"))
        report = tracker.report()
    assert report.events == expected.events
    assert report.stored_events == expected.stored_events == len(expected.events)


def test_a_correction_of_a_release_with_a_fact_about_no_compound_has_the_records_of_no_compound_made_again(
        tmp_path, db, monkeypatch):
    tracker = open_tracker(db)
    tracker.ingest([write_release(tmp_path, "first", "March 2, 2021", "The FDA has approved an undisclosed product.",
                             "The FDA has approved Brovatinib.")])
    assert any(r["compound"] is None for r in tracker.events())
    tracker.ingest([write_release(tmp_path / "later", "first", "March 3, 2021", "The FDA has approved Brovatinib.")])
    with monkeypatch.context() as patched:
        patched.setattr(Queries, "placed_records", lambda *args: pytest.fail("every record was made again"))
        refreshed = tracker.events()
    assert refreshed == tracker.events(AFRESH)
    assert [r["compound"] for r in refreshed] == ["brovatinib"]
