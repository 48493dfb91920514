"""Regulatory status by region: restatements confirm, never move; undated steps say so; declines and new cycles."""
from datetime import date

from builders import recorded

from projections.history import TimeView
from projections.regulatory import region_statuses
from tracker.domain import facts as f

FEB, SEPT, NOV = date(2013, 2, 22), date(2013, 9, 30), date(2013, 11, 20)


def _regions(*history, as_of: date = date(2099, 1, 1)):
    selected = TimeView(as_of=as_of).select(tuple(history))
    return {r.region: r for r in region_statuses(list(selected))}


def test_a_restatement_confirms_the_first_report_and_never_moves_its_date_or_source():
    first = recorded(f.ApprovalGranted, FEB, region="US", agency="FDA", occurred_on="2013-02-22", indication="HER3+ GC")
    restated = recorded(f.ApprovalGranted, NOV, region="US", agency="FDA", occurred_on="2013-11-20")
    us = _regions(restated, first)["US"]
    assert (us.status, us.occurred_on, us.when, us.reported_on, us.sources) == (
        "approved", "2013-02-22", "2013-02-22", FEB, [first.id, restated.id])
    assert us.history == []


def test_a_vaguer_restatement_never_replaces_a_precise_date():
    first = recorded(f.ApprovalGranted, FEB, region="US", agency="FDA", occurred_on="2013-02-22")
    vague = recorded(f.ApprovalGranted, SEPT, region="US", agency="FDA", occurred_on="2013")
    assert _regions(vague, first)["US"].when == "2013-02-22"


def test_a_later_precise_date_within_the_first_reports_window_makes_it_more_precise():
    vague = recorded(f.ApprovalGranted, SEPT, region="US", agency="FDA", occurred_on="2013")
    precise = recorded(f.ApprovalGranted, NOV, region="US", agency="FDA", occurred_on="2013-02-22")
    us = _regions(vague, precise)["US"]
    assert (us.when, us.reported_on, us.sources) == ("2013-02-22", SEPT, [vague.id, precise.id])


def test_a_restatements_own_day_is_no_date_for_an_event_reported_earlier():
    undated = recorded(f.ApprovalGranted, SEPT, region="JP", agency="MHLW")
    restated = recorded(f.ApprovalGranted, NOV, region="JP", agency="MHLW", occurred_on="2013-11-20")
    jp = _regions(undated, restated)["JP"]
    assert (jp.occurred_on, jp.when) == (None, "reported 2013-09-30, date not stated")


def test_an_approval_the_text_gives_no_date_for_is_reported_with_date_not_stated():
    background = recorded(f.ApprovalGranted, date(2012, 10, 31), region="US", agency="FDA")
    us = _regions(background)["US"]
    assert (us.occurred_on, us.when) == (None, "reported 2012-10-31, date not stated")


def test_a_conditional_approval_keeps_its_form_and_every_indication_through_undated_restatements():
    hl = recorded(f.ApprovalGranted, NOV, region="EU", agency="EC", occurred_on="2013-11-20",
                  approval_type="conditional", indication="relapsed or refractory CD30-positive Hodgkin lymphoma")
    salcl = recorded(f.ApprovalGranted, NOV, region="EU", agency="EC", occurred_on="2013-11-20",
                     approval_type="conditional", indication="relapsed or refractory sALCL")
    restated = recorded(f.ApprovalGranted, date(2014, 6, 2), region="EU", agency="EC")
    eu = _regions(hl, salcl, restated)["EU"]
    assert (eu.state, eu.approval_type, eu.when, eu.indications) == (
        "approved, conditional", "conditional", "2013-11-20",
        ["relapsed or refractory CD30-positive Hodgkin lymphoma", "relapsed or refractory sALCL"])


def test_submission_acceptance_opinion_and_decision_move_the_region_on_and_keep_each_step():
    steps = (
        recorded(f.RegulatorySubmission, date(2013, 1, 28), region="EU", agency="EMA", application="MAA",
                 occurred_on="2013-01-28"),
        recorded(f.RegulatorySubmission, date(2013, 3, 20), region="EU", agency="EMA", application="MAA",
                 status="accepted", occurred_on="2013-03-20"),
        recorded(f.RegulatoryOpinionIssued, SEPT, region="EU", agency="CHMP", opinion="positive", occurred_on="2013-09-30"),
        recorded(f.ApprovalGranted, NOV, region="EU", agency="EC", occurred_on="2013-11-20"),
    )
    assert [(r.state, r.when) for r in (_regions(*steps, as_of=day)["EU"] for day in (date(2013, 2, 1), date(2013, 4, 1), SEPT, NOV))] == [
        ("submitted", "2013-01-28"), ("accepted", "2013-03-20"), ("positive opinion", "2013-09-30"), ("approved", "2013-11-20")]
    assert _regions(*steps)["EU"].history == ["2013-01-28 EMA MAA submitted", "2013-03-20 EMA MAA accepted",
                                              "2013-09-30 CHMP positive opinion"]


def test_a_complete_response_letter_declines_the_application_with_its_form_and_date():
    accepted = recorded(f.RegulatorySubmission, date(2013, 5, 6), region="US", agency="FDA", application="NDA",
                        status="accepted")
    crl = recorded(f.ApprovalDeclined, date(2014, 3, 17), region="US", agency="FDA", form="complete_response",
                   application="NDA", occurred_on="2014-03-17")
    us = _regions(accepted, crl)["US"]
    assert (us.status, us.form, us.state, us.when, us.sources) == (
        "declined", "complete_response", "declined: complete response letter", "2014-03-17", [crl.id])


def test_a_resubmission_after_a_decline_starts_the_region_again_but_background_does_not():
    crl = recorded(f.ApprovalDeclined, date(2014, 3, 17), region="US", agency="FDA", form="complete_response",
                   occurred_on="2014-03-17")
    background = recorded(f.RegulatorySubmission, date(2014, 4, 1), region="US", agency="FDA", occurred_on="2013-05")
    resubmitted = recorded(f.RegulatorySubmission, date(2014, 9, 1), region="US", agency="FDA", occurred_on="2014-09-01")
    assert _regions(crl, background)["US"].state == "declined: complete response letter"
    assert _regions(crl, background, resubmitted)["US"].state == "submitted"


def test_a_decline_of_a_later_application_leaves_an_approved_region_approved():
    approved = recorded(f.ApprovalGranted, FEB, region="US", agency="FDA", occurred_on="2013-02-22")
    crl = recorded(f.ApprovalDeclined, date(2014, 3, 17), region="US", agency="FDA", form="complete_response",
                   application="sBLA", occurred_on="2014-03-17")
    us = _regions(approved, crl)["US"]
    assert (us.state, us.history) == ("approved", ["2014-03-17 FDA complete response letter"])
