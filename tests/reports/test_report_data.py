"""`Tracker.report`: what the report of a day holds, as plain data, every figure with its events."""
from __future__ import annotations

from datetime import date

from projections.history import TimeView
from projections.report import cited, event_log
from tracker import open_tracker

SEPT_30 = TimeView(as_of=date(2013, 9, 30))


def test_the_pipeline_has_a_row_per_indication_or_the_highest_phase_where_none_is_stated(tracker):
    report = tracker.report(SEPT_30)
    assert [(r.compound, r.by_indication, r.indication, r.phase, r.sources) for r in report.pipeline] == [
        ("lorvotuzumab mertansine", False, None, "I", ["d072cf94f028f03b.2"]),
        ("SAR3419", False, None, "I/II", ["d072cf94f028f03b.1"]),
        ("trastuzumab emtansine", True, "HER2-positive metastatic breast cancer", "approved", ["b7a64debc339d7ae.4"]),
    ]


def test_the_regulatory_matrix_has_a_column_per_region_with_a_status(tracker):
    report = tracker.report(SEPT_30)
    (kadcyla,) = [s for s in report.compounds if s.regulatory]
    assert report.regions == ["EU", "JP", "US"]
    assert {region: (step.status, step.occurred_on, step.when, step.sources)
            for region, step in report.regulatory(kadcyla).items()} == {
        "EU": ("opinion", None, "reported 2013-09-20, date not stated", ["b7a64debc339d7ae.1"]),
        "JP": ("approved", None, "reported 2013-09-20, date not stated", ["b7a64debc339d7ae.4"]),
        "US": ("approved", "2013", "2013", ["b7a64debc339d7ae.6"]),
    }


def test_the_timeline_draws_imprecise_dates_and_expectations_as_windows_and_says_which_dates_are_release_days(tracker):
    (kadcyla,) = [t for t in tracker.report(SEPT_30).timelines if t.compound == "trastuzumab emtansine"]
    mbc, adjuvant, first_line = ("Phase II trial in HER2-positive metastatic breast cancer",
                                 "Phase II trial in neoadjuvant/adjuvant HER2-positive breast cancer",
                                 "Phase II trial in first-line HER2-positive metastatic breast cancer")
    assert [(i.lane, i.kind, i.label, i.when, i.start, i.end, i.expected) for i in kadcyla.items] == [
        (mbc, "expected", "data expected", "by 2008-12-31", date(2008, 6, 3), date(2008, 12, 31), True),
        (adjuvant, "started", "started", "2010-H2", date(2010, 7, 1), date(2010, 12, 31), False),
        (first_line, "readout", "positive PFS", "2011-04-07", date(2011, 4, 7), date(2011, 4, 7), False),
        ("EU regulatory", "opinion", "CHMP positive opinion", "reported 2013-09-20", date(2013, 9, 20), date(2013, 9, 20), False),
        ("EU regulatory", "expected", "EC decision expected", "by 2013-12-31", date(2013, 9, 20), date(2013, 12, 31), True),
        ("JP regulatory", "approval", "MHLW approval", "reported 2013-09-20", date(2013, 9, 20), date(2013, 9, 20), False),
        ("US regulatory", "approval", "FDA approval", "2013", date(2013, 1, 1), date(2013, 12, 31), False),
        ("Data presented", "presented", "ASCO 2008 #1028", "reported 2008-06-03", date(2008, 6, 3), date(2008, 6, 3), False),
        ("Milestones", "milestone", "USD 5M triggered by JP approval", "reported 2013-09-20", date(2013, 9, 20), date(2013, 9, 20), False),
        ("Milestones", "expected", "USD 5M expected on EC approval", "by 2013-12-31", date(2013, 9, 20), date(2013, 12, 31), True),
    ]
    assert kadcyla.lanes == [mbc, adjuvant, first_line, "EU regulatory", "JP regulatory", "US regulatory",
                             "Data presented", "Milestones"]


def test_each_timeline_has_an_axis_of_whole_years_around_its_own_story(tracker):
    axes = {t.compound: (t.axis_start, t.axis_end) for t in tracker.report(SEPT_30).timelines}
    assert axes == {"lorvotuzumab mertansine": (date(2011, 1, 1), date(2012, 1, 1)),
                    "SAR3419": (date(2011, 1, 1), date(2012, 1, 1)),
                    "trastuzumab emtansine": (date(2008, 1, 1), date(2014, 1, 1))}
    (kadcyla,) = [t for t in tracker.report(TimeView(as_of=date(2026, 12, 1))).timelines
                  if t.compound == "trastuzumab emtansine"]
    assert (kadcyla.axis_start, kadcyla.axis_end) == (date(2008, 1, 1), date(2016, 1, 1))


def test_the_receivables_are_aged_to_the_day_of_the_report(tracker):
    receivables = tracker.report(SEPT_30).receivables
    assert [(r.source_event, r.outstanding, r.due_on, r.bucket) for r in receivables.receivables] == [
        ("b7a64debc339d7ae.5", 5000000, date(2013, 10, 20), "current")]
    assert [(c.source_event, c.amount, c.expected_by) for c in receivables.contingent] == [
        ("b7a64debc339d7ae.3", 5000000, date(2013, 12, 31))]
    later = tracker.report(TimeView(as_of=date(2014, 6, 30))).receivables
    assert [(r.days_past_due, r.bucket) for r in later.receivables] == [(253, ">120")]


def test_the_report_of_a_past_day_holds_only_what_was_public_that_day(tracker):
    report = tracker.report(TimeView(as_of=date(2011, 12, 31)))
    assert (report.as_of, report.view) == (date(2011, 12, 31), {"as_of": "2011-12-31"})
    assert max(e["reported_on"] for e in report.events) == "2011-05-26"
    assert (report.regions, report.calendar, report.receivables.receivables) == ([], [], [])
    assert [(r.compound, r.phase) for r in report.pipeline] == [
        ("lorvotuzumab mertansine", "I"), ("SAR3419", "I/II"), ("trastuzumab emtansine", "III")]


def test_today_in_a_report_is_the_horizon_of_its_view(tracker):
    report = tracker.report(TimeView(as_of=date(2014, 1, 31), occurred_by=date(2013, 6, 30)))
    assert (report.as_of, report.view) == (date(2013, 6, 30), {"as_of": "2014-01-31", "occurred_by": "2013-06-30"})


def test_a_report_counts_the_events_in_the_store_so_an_empty_view_can_be_told_from_an_empty_store(tracker, tmp_path):
    before_any = tracker.report(TimeView(as_of=date(2000, 1, 1)))
    assert (before_any.events, before_any.stored_events) == ([], 26)
    empty = open_tracker(str(tmp_path / "empty.db")).report(SEPT_30)
    assert (empty.events, empty.compounds, empty.stored_events) == ([], [], 0)


def test_an_expectation_whose_window_closed_unanswered_is_overdue_in_the_report(tracker):
    report = tracker.report(TimeView(as_of=date(2014, 6, 30)))
    assert [(e.what, e.expected_by, e.overdue) for e in report.calendar if e.kind == "decision"] == [
        ("EC decision (EU)", date(2013, 12, 31), True)]
    (kadcyla,) = [t for t in report.timelines if t.compound == "trastuzumab emtansine"]
    assert [(i.label, i.overdue) for i in kadcyla.items if i.expected and i.lane == "EU regulatory"] == [
        ("EC decision expected", True)]
    assert [(i.label, i.overdue) for i in kadcyla.items if i.expected and i.lane.startswith("Phase II trial")] == [
        ("data expected", False)]  # answered, late, by the 2011 Phase II readout


def test_the_event_log_lists_every_event_in_view_while_there_are_at_most_its_limit(tracker):
    report = tracker.report(SEPT_30)
    assert len(report.events) == 22
    for limit in (22, None):
        assert event_log(report, limit) == (list(report.events), {})


def test_over_its_limit_the_event_log_lists_the_events_a_figure_cites_and_counts_the_others_by_type(tracker):
    report = tracker.report(SEPT_30)
    log = event_log(report, 21)
    assert [r["id"] for r in log.records] == [r["id"] for r in report.events if r["id"] in cited(report)]
    assert len(log.records) == 12
    assert log.left_out == {"PartnershipRecorded": 5, "DevelopmentStatusReported": 3, "CompoundAliasRecorded": 2}


def test_a_figure_cites_the_events_of_its_pipeline_regulatory_steps_timelines_catalysts_and_ledger_lines(tracker):
    report = tracker.report(SEPT_30)
    assert {"b7a64debc339d7ae.4", "d072cf94f028f03b.2", report.receivables.receivables[0].source_event,
            report.calendar[0].sources[0]} <= cited(report)
    assert not {r["id"] for r in report.events if r["type"] == "PartnershipRecorded"} & cited(report)
