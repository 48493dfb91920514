"""Expected catalysts: closed by the event that answers them, overdue when their window passes unanswered."""
from datetime import date

from builders import recorded

from projections.calendar import catalyst_calendar, entry_restated_on
from projections.catalysts import expected_catalysts
from projections.history import TimeView
from projections.names import NameBook
from projections.records import event_records
from projections.status import compound_status, restated_on
from tracker.domain import facts as f

PLANNED, SUBMITTED, ACCEPTED = date(2011, 6, 15), date(2013, 1, 28), date(2013, 3, 20)
MAA = recorded(f.SubmissionExpected, PLANNED, region="EU", agency="EMA", application="MAA",
               expected_by=date(2012, 12, 31))


def _expected(*history, on: date):
    return [(c.kind, c.what, c.expected_by, c.overdue)
            for c in expected_catalysts(list(TimeView(as_of=on).select(tuple(history))), on)]


def test_an_expected_submission_is_open_then_overdue_then_closed_by_the_submission():
    submitted = recorded(f.RegulatorySubmission, SUBMITTED, region="EU", agency="EMA", application="MAA")
    assert _expected(MAA, submitted, on=date(2012, 12, 31)) == [("submission", "MAA to EMA", date(2012, 12, 31), False)]
    assert _expected(MAA, submitted, on=date(2013, 1, 1)) == [("submission", "MAA to EMA", date(2012, 12, 31), True)]
    assert _expected(MAA, submitted, on=SUBMITTED) == []


def test_an_acceptance_an_opinion_or_a_decision_each_answer_an_expected_submission():
    for answer in (recorded(f.RegulatorySubmission, ACCEPTED, region="EU", agency="EMA", status="accepted"),
                   recorded(f.RegulatoryOpinionIssued, ACCEPTED, region="EU", agency="CHMP", opinion="positive"),
                   recorded(f.ApprovalGranted, ACCEPTED, region="EU", agency="EC")):
        assert _expected(MAA, answer, on=ACCEPTED) == []


def test_a_submission_elsewhere_or_of_another_application_answers_nothing():
    us = recorded(f.RegulatorySubmission, SUBMITTED, region="US", agency="FDA", application="BLA")
    other = recorded(f.RegulatorySubmission, SUBMITTED, region="EU", agency="EMA", application="Type II variation")
    assert len(_expected(MAA, us, other, on=SUBMITTED)) == 1


def test_a_step_known_to_have_come_before_the_expectation_does_not_answer_it():
    earlier = recorded(f.RegulatorySubmission, SUBMITTED, region="EU", agency="EMA", occurred_on="2010-03")
    assert len(_expected(MAA, earlier, on=SUBMITTED)) == 1


def test_an_expected_decision_is_closed_by_an_approval_or_a_refusal_in_its_region():
    expected = recorded(f.RegulatoryDecisionExpected, date(2013, 5, 6), region="US", agency="FDA",
                        expected_by=date(2014, 3, 15))
    crl = recorded(f.ApprovalDeclined, date(2014, 3, 17), region="US", agency="FDA", form="complete_response")
    assert _expected(expected, crl, on=date(2014, 3, 16)) == [("decision", "FDA decision (US)", date(2014, 3, 15), True)]
    assert _expected(expected, crl, on=date(2014, 3, 17)) == []
    opinion = recorded(f.RegulatoryOpinionIssued, date(2014, 1, 1), region="US", agency="FDA", opinion="positive")
    assert len(_expected(expected, opinion, on=date(2014, 1, 2))) == 1


def test_an_expected_readout_is_closed_by_its_trials_top_line_results():
    expected = recorded(f.ReadoutExpected, PLANNED, trial="HERALD", phase="II", expected_by=date(2011, 12, 31))
    other = recorded(f.TopLineReported, date(2011, 11, 10), trial="ORION", phase="II", outcome="positive")
    readout = recorded(f.TopLineReported, date(2011, 11, 10), trial="herald", phase="II", outcome="positive")
    assert len(_expected(expected, other, on=date(2011, 11, 10))) == 1
    assert _expected(expected, other, readout, on=date(2011, 11, 10)) == []


def test_an_unnamed_trials_readout_is_closed_by_a_readout_of_its_phase():
    expected = recorded(f.ReadoutExpected, date(2008, 6, 3), phase="II", expected_by=date(2008, 12, 31))
    phase_three = recorded(f.TopLineReported, date(2011, 4, 7), phase="III", outcome="positive")
    phase_two = recorded(f.TopLineReported, date(2011, 4, 7), phase="II", outcome="positive")
    assert _expected(expected, phase_three, on=date(2011, 4, 7)) == [("readout", "trial data", date(2008, 12, 31), True)]
    assert _expected(expected, phase_three, phase_two, on=date(2011, 4, 7)) == []


def test_new_guidance_for_the_same_catalyst_replaces_the_old_which_stays_in_its_history():
    slipped = recorded(f.SubmissionExpected, date(2012, 11, 5), region="EU", agency="EMA", application="MAA",
                       expected_by=date(2013, 3, 31))
    (catalyst,) = expected_catalysts(list(TimeView(as_of=date(2013, 1, 15)).select((MAA, slipped))), date(2013, 1, 15))
    assert (catalyst.expected_by, catalyst.overdue, catalyst.sources, catalyst.history) == (
        date(2013, 3, 31), False, [slipped.id, MAA.id], ["announced 2011-06-15, expected by 2012-12-31"])


def test_an_expectation_made_after_the_last_one_was_answered_is_a_catalyst_of_its_own():
    readout = recorded(f.TopLineReported, date(2011, 11, 10), trial="HERALD", outcome="positive")
    first = recorded(f.ReadoutExpected, PLANNED, trial="HERALD", expected_by=date(2011, 12, 31))
    final = recorded(f.ReadoutExpected, date(2012, 2, 1), trial="HERALD", expected_by=date(2012, 12, 31))
    assert _expected(first, readout, final, on=date(2012, 2, 1)) == [("readout", "HERALD data", date(2012, 12, 31), False)]


def test_a_presentation_still_to_come_is_a_catalyst_until_a_presentation_made_at_its_meeting_answers_it():
    upcoming = recorded(f.DataPresented, date(2021, 4, 14), conference="ASCO 2021", trial="RIVET",
                        expected_by=date(2021, 6, 8))
    elsewhere = recorded(f.DataPresented, date(2021, 5, 20), conference="AACR 2021", occurred_on="2021-05-18")
    made = recorded(f.DataPresented, date(2021, 6, 5), conference="ASCO 2021", trial="RIVET", occurred_on="2021-06-05")
    assert _expected(upcoming, elsewhere, on=date(2021, 5, 20)) == [
        ("presentation", "RIVET data at ASCO 2021", date(2021, 6, 8), False)]
    assert _expected(upcoming, elsewhere, made, on=date(2021, 6, 5)) == []


def test_a_presentation_still_to_come_leaves_the_list_once_its_day_has_passed_never_overdue():
    upcoming = recorded(f.DataPresented, date(2021, 4, 14), conference="ESMO 2021", abstract="1207",
                        expected_by=date(2021, 9, 21))
    assert _expected(upcoming, on=date(2021, 9, 21)) == [
        ("presentation", "data at ESMO 2021, abstract 1207", date(2021, 9, 21), False)]
    assert _expected(upcoming, on=date(2021, 9, 22)) == []


def test_a_presentation_of_another_abstract_at_the_same_meeting_answers_nothing():
    upcoming = recorded(f.DataPresented, date(2021, 4, 14), conference="ESMO 2021", abstract="1207",
                        expected_by=date(2021, 9, 21))
    other = recorded(f.DataPresented, date(2021, 9, 20), conference="ESMO 2021", abstract="2293")
    assert len(_expected(upcoming, other, on=date(2021, 9, 20))) == 1


def test_a_status_or_calendar_restated_after_a_presentations_day_is_the_one_computed_that_day():
    history = (recorded(f.DataPresented, date(2021, 4, 14), compound="velotamab", conference="ASCO 2021",
                        expected_by=date(2021, 6, 8)),
               recorded(f.ReadoutExpected, date(2021, 4, 14), compound="velotamab", trial="RIVET",
                        expected_by=date(2021, 6, 1)))
    names = NameBook.from_history(history)

    def status(day: date):
        return compound_status(TimeView(as_of=day).select(history), names, "velotamab", day)

    def calendar(day: date):
        return catalyst_calendar([status(day)], event_records(history, names))

    before, after = date(2021, 6, 8), date(2021, 6, 9)
    assert [c.kind for c in status(before).expected] == ["readout", "presentation"]
    assert restated_on(status(before), after) == status(after)
    assert [c.kind for c in status(after).expected] == ["readout"]
    restated = [entry_restated_on(entry, after) for entry in calendar(before)]
    assert [entry for entry in restated if entry is not None] == calendar(after)
