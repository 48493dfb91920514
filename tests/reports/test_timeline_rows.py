"""`projections.report.timeline`: a row per trial, marks that say what they are, an axis that fits the story."""
from __future__ import annotations

from datetime import date
from itertools import count

from projections.report import timeline

_ids = count(1)


def _record(kind: str, reported_on: str, **fields) -> dict:
    """An EVENTS.md record of compound X, as the API gives them."""
    return {"id": f"r.{next(_ids)}", "type": kind, "compound": "X", "reported_on": reported_on, "occurred_on": None,
            **fields}


def _rows(records, today=date(2013, 9, 30), overdue=()) -> list[tuple[str, str]]:
    return [(item.lane, item.label) for item in timeline("X", records, today, overdue).items]


def test_unnamed_trials_with_no_indication_stated_are_each_a_row_of_their_own_told_apart_by_a_count():
    records = [_record("ReadoutExpected", "2008-06-03", phase="II", expected_by="2008-12-31"),
               _record("TrialStarted", "2011-04-07", phase="II", occurred_on="2010-H2"),
               _record("TopLineReported", "2011-04-07", phase="II", outcome="positive", endpoint="PFS",
                       occurred_on="2011-04-07")]
    assert _rows(records) == [("Phase II trial (1 of 3)", "data expected"),
                              ("Phase II trial (2 of 3)", "started"),
                              ("Phase II trial (3 of 3)", "positive PFS")]


def test_a_named_trial_is_one_row_whatever_the_case_of_its_name_and_an_unnamed_one_is_known_by_phase_and_indication():
    records = [_record("TrialStarted", "2010-01-05", trial="EMILIA", phase="III"),
               _record("TopLineReported", "2012-06-01", trial="Emilia", outcome="positive", endpoint="OS"),
               _record("TrialStarted", "2010-03-01", phase="II", indication="gastric cancer"),
               _record("TopLineReported", "2012-09-01", phase="II", indication="Gastric cancer", outcome="negative"),
               _record("TopLineReported", "2012-10-01", phase="III", indication="gastric cancer", outcome="positive")]
    assert _rows(records) == [("EMILIA", "started"), ("EMILIA", "positive OS"),
                              ("Phase II trial in gastric cancer", "started"),
                              ("Phase II trial in gastric cancer", "negative"),
                              ("Phase III trial in gastric cancer", "positive")]


def test_rows_come_trials_first_by_their_first_day_then_regions_then_presentations_then_milestones():
    records = [_record("MilestoneTriggered", "2013-09-20", amount="5000000", currency="USD", trigger="JP approval"),
               _record("DataPresented", "2008-06-03", conference="ASCO 2008", abstract="1028"),
               _record("ApprovalGranted", "2013-09-20", agency="MHLW", region="JP"),
               _record("ApprovalDeclined", "2012-02-01", agency="FDA", region="US", form="complete_response"),
               _record("SubmissionExpected", "2014-12-19", expected_by="2015-12-31"),
               _record("TopLineReported", "2012-01-01", trial="MARIANNE", outcome="non_inferior", endpoint="PFS"),
               _record("TrialStarted", "2009-01-01", trial="EMILIA")]
    assert timeline("X", records, date(2015, 1, 1)).lanes == [
        "EMILIA", "MARIANNE", "JP regulatory", "US regulatory", "Regulatory (region not stated)", "Data presented",
        "Milestones"]
    assert _rows(records)[3] == ("US regulatory", "FDA complete response")


def test_milestone_marks_say_which_milestone_they_are():
    records = [_record("MilestoneTriggered", "2013-09-20", amount="5000000", currency="USD", trigger="JP approval"),
               _record("MilestoneAnticipated", "2013-09-20", amount="5000000", currency="USD", condition="EC approval",
                       expected_by="2013-12-31"),
               _record("MilestoneAnticipated", "2013-09-20", amount="2500000", currency="EUR", expected_by="2014-06-30"),
               _record("MilestoneReceived", "2013-11-02", amount="5000000", currency="USD", payer="Roche"),
               _record("MilestoneTriggered", "2013-12-02", amount=None, trigger="first patient dosed")]
    assert [label for _, label in _rows(records)] == [
        "USD 5M triggered by JP approval", "USD 5M expected on EC approval", "EUR 2.5M expected",
        "USD 5M received from Roche", "payment triggered by first patient dosed"]


def test_the_axis_spans_whole_years_around_the_items_and_the_report_day_when_it_is_near():
    records = [_record("DataPresented", "2008-06-03", conference="ASCO 2008"),
               _record("ReadoutExpected", "2014-12-19", trial="GATSBY", expected_by="2015-12-31")]
    on_the_axis = timeline("X", records, date(2013, 9, 30))
    assert (on_the_axis.axis_start, on_the_axis.axis_end) == (date(2008, 1, 1), date(2016, 1, 1))
    a_year_later = timeline("X", records, date(2017, 3, 1))
    assert (a_year_later.axis_start, a_year_later.axis_end) == (date(2008, 1, 1), date(2018, 1, 1))
    long_after = timeline("X", records, date(2026, 12, 1))
    assert (long_after.axis_start, long_after.axis_end) == (date(2008, 1, 1), date(2016, 1, 1))


def test_a_single_mark_gets_its_own_year_not_the_years_to_a_distant_report_day():
    single = timeline("X", [_record("DataPresented", "2011-05-26", presented_on="2011-06-05")], date(2013, 9, 30))
    assert (single.axis_start, single.axis_end) == (date(2011, 1, 1), date(2012, 1, 1))


def test_an_expectation_announcing_an_overdue_catalyst_is_marked_overdue():
    late = _record("RegulatoryDecisionExpected", "2013-09-20", agency="EC", region="EU", expected_by="2013-12-31")
    other = _record("ReadoutExpected", "2013-09-20", trial="GATSBY", expected_by="2013-12-31")
    items = timeline("X", [late, other], date(2014, 6, 30), overdue={late["id"]}).items
    assert [(item.label, item.overdue) for item in items] == [("data expected", False), ("EC decision expected", True)]
