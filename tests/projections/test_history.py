from datetime import UTC, date, datetime

from builders import recorded

from projections.history import RecordedFact, TimeView
from tracker.domain.facts import ApprovalGranted, EventRetracted, FactReviewed, TrialStarted


def _retraction(target: RecordedFact, on: date, at: datetime) -> RecordedFact:
    return RecordedFact(id="entry.1", fact=EventRetracted(retracts=target.id, reason="misread"),
                        reported_on=on, recorded_at=at, entered_by="auditor", reason="misread")


def test_as_of_sees_what_was_published_by_that_day_whenever_it_was_ingested():
    early = recorded(TrialStarted, date(2008, 6, 3), recorded_at=datetime(2026, 5, 1, tzinfo=UTC), phase="II")
    late = recorded(ApprovalGranted, date(2013, 9, 20), recorded_at=datetime(2026, 1, 1, tzinfo=UTC), region="JP")
    assert TimeView(as_of=date(2008, 12, 31)).select((late, early)) == (early,)
    assert TimeView(as_of=date(2013, 12, 31)).select((late, early)) == (early, late)


def test_occurred_by_counts_a_partial_date_from_its_last_day():
    started = recorded(TrialStarted, date(2011, 4, 7), occurred_on="2010-H2", phase="II")
    assert TimeView(occurred_by=date(2010, 12, 30)).select((started,)) == ()
    assert TimeView(occurred_by=date(2010, 12, 31)).select((started,)) == (started,)


def test_occurred_by_falls_back_to_the_publication_date():
    approval = recorded(ApprovalGranted, date(2013, 9, 20), region="JP")
    assert TimeView(occurred_by=date(2013, 9, 19)).select((approval,)) == ()


def test_recorded_by_reproduces_what_the_store_held_at_an_instant():
    stored = recorded(ApprovalGranted, date(2013, 9, 20), recorded_at=datetime(2026, 3, 1, tzinfo=UTC), region="JP")
    assert TimeView(recorded_by=datetime(2026, 2, 28, tzinfo=UTC)).select((stored,)) == ()


def test_facts_under_the_review_threshold_stay_out():
    doubtful = recorded(TrialStarted, date(2011, 4, 7), phase="II", confidence=0.3)
    assert TimeView().select((doubtful,)) == ()


def test_a_retraction_reaches_every_as_of_view_recorded_after_it_however_far_back():
    approval = recorded(ApprovalGranted, date(2013, 9, 20), region="JP")
    retraction = _retraction(approval, date(2026, 3, 1), datetime(2026, 3, 1, 12, tzinfo=UTC))
    history = (approval, retraction)
    assert TimeView(as_of=date(2013, 12, 31)).select(history) == ()
    assert TimeView(as_of=date(2026, 2, 28)).select(history) == ()
    assert TimeView(occurred_by=date(2013, 12, 31)).select(history) == ()
    assert TimeView(as_of=date(2026, 3, 1)).select(history) == (retraction,)


def test_a_view_recorded_before_the_retraction_reproduces_the_old_belief_exactly():
    approval = recorded(ApprovalGranted, date(2013, 9, 20), region="JP")
    retraction = _retraction(approval, date(2026, 3, 1), datetime(2026, 3, 1, 12, tzinfo=UTC))
    history = (approval, retraction)
    before = datetime(2026, 3, 1, 11, tzinfo=UTC)
    assert TimeView(as_of=date(2013, 12, 31), recorded_by=before).select(history) == (approval,)
    assert TimeView(recorded_by=before).select(history) == (approval,)
    assert TimeView(as_of=date(2013, 12, 31), recorded_by=datetime(2026, 3, 1, 12, tzinfo=UTC)).select(history) == ()


def _decision(target: RecordedFact, decision: str, at: datetime) -> RecordedFact:
    return RecordedFact(id=f"entry.{decision}", fact=FactReviewed(reviews=target.id, decision=decision),
                        reported_on=at.date(), recorded_at=at, entered_by="analyst", reason="read again")


def test_a_review_decision_reaches_the_past_the_same_way():
    doubtful = recorded(TrialStarted, date(2011, 4, 7), phase="II", confidence=0.3)
    accepted = _decision(doubtful, "accepted", datetime(2026, 3, 1, 12, tzinfo=UTC))
    history = (doubtful, accepted)
    assert TimeView(as_of=date(2011, 12, 31)).select(history) == (doubtful,)
    assert TimeView(as_of=date(2011, 12, 31), recorded_by=datetime(2026, 3, 1, 11, tzinfo=UTC)).select(history) == ()


def test_of_two_review_decisions_the_one_recorded_later_stands():
    doubtful = recorded(TrialStarted, date(2011, 4, 7), phase="II", confidence=0.3)
    accepted = _decision(doubtful, "accepted", datetime(2026, 3, 1, tzinfo=UTC))
    rejected = _decision(doubtful, "rejected", datetime(2026, 3, 2, tzinfo=UTC))
    assert TimeView(as_of=date(2011, 12, 31)).select((rejected, accepted, doubtful)) == ()
    assert TimeView(as_of=date(2011, 12, 31), recorded_by=datetime(2026, 3, 1, 12, tzinfo=UTC)).select(
        (rejected, accepted, doubtful)) == (doubtful,)
