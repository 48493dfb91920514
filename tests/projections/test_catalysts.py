"""Expected catalysts: closed by the event that answers them, overdue when their window passes unanswered."""
from datetime import date

from builders import recorded

from projections.catalysts import expected_catalysts
from projections.history import TimeView
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
