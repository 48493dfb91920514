"""The report page says what its marks are, what an empty part means, and what to do with an empty store."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

from bs4 import BeautifulSoup
from click.testing import CliRunner

from cli import cli
from projections.history import TimeView
from tracker.presentation.charts import aging_svg
from tracker.presentation.report_page import render_html

SEPT_30 = TimeView(as_of=date(2013, 9, 30))


def _page(report) -> BeautifulSoup:
    return BeautifulSoup(render_html(report), "html.parser")


def _words(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def test_the_page_is_a_banner_and_a_main_landmark_with_nothing_outside_them(tracker):
    body = _page(tracker.report(SEPT_30)).body
    assert [child.name for child in body.find_all(recursive=False)] == ["header", "main"]
    assert [nav["aria-label"] for nav in body.header.find_all("nav")] == ["Sections"]
    assert [section["id"] for section in body.main.find_all("section", recursive=False)] == [
        "pipeline", "timelines", "catalysts", "receivables", "event-log"]


def test_every_mark_of_a_timeline_links_to_its_event_and_says_what_it_is_in_both_drawings(tracker):
    report = tracker.report(SEPT_30)
    page = _page(report)
    (kadcyla,) = [t for t in report.timelines if t.compound == "trastuzumab emtansine"]
    chart = page.select_one('.chart.timeline[data-compound="trastuzumab emtansine"]')
    for drawing in chart.find_all("svg"):
        marks = [(a["href"], a.title.get_text()) for a in drawing.find_all("a")]
        assert len(marks) == len(kadcyla.items) == 10
        assert marks[-2:] == [
            ("#ev-b7a64debc339d7ae.5", "Milestones: USD 5M triggered by JP approval (reported 2013-09-20). Event b7a64debc339d7ae.5"),
            ("#ev-b7a64debc339d7ae.3", "Milestones: USD 5M expected on EC approval (by 2013-12-31). Event b7a64debc339d7ae.3")]
    assert [svg["class"] for svg in chart.find_all("svg")] == [["wide"], ["narrow"]]
    assert [svg["width"] for svg in chart.find_all("svg")] == ["880", "360"]


def test_a_row_per_trial_is_named_above_its_marks(tracker):
    chart = _page(tracker.report(SEPT_30)).select_one('.chart.timeline[data-compound="trastuzumab emtansine"] svg')
    lane_titles = [t.get_text() for t in chart.find_all("text", attrs={"font-weight": "600"})]
    assert lane_titles == ["Phase II trial in HER2-positive metastatic breast cancer",
                           "Phase II trial in neoadjuvant/adjuvant HER2-positive breast cancer",
                           "Phase II trial in first-line HER2-positive metastatic breast cancer",
                           "EU regulatory", "JP regulatory", "US regulatory", "Data presented", "Milestones"]


def test_a_story_long_over_by_the_report_day_keeps_its_own_years_and_says_where_today_lies(tracker):
    chart = _page(tracker.report(TimeView(as_of=date(2030, 1, 1)))).select_one(
        '.chart.timeline[data-compound="trastuzumab emtansine"] svg.wide')
    ticks = [t.get_text() for t in chart.find_all("text", attrs={"y": "14"})]
    assert (ticks[0], ticks[-1], [t for t in ticks if t.isdigit()]) == (
        "2008", "2016", ["2008", "2009", "2010", "2011", "2012", "2013", "2014", "2015", "2016"])
    assert [t.get_text() for t in chart.find_all("text", class_="today")] == ["today (2030-01-01) \u2192"]
    assert chart.find("line", class_="today") is None


def test_an_aging_chart_has_round_distinct_ticks_and_a_segment_per_line_linked_to_its_event(tracker):
    receivables = tracker.report(SEPT_30).receivables
    chart = BeautifulSoup(aging_svg(receivables, "USD"), "html.parser")
    assert [t.get_text() for t in chart.find_all("text", attrs={"text-anchor": "end"})] == ["0", "2M", "4M", "6M"]
    assert [(a["href"], a.title.get_text()) for a in chart.find_all("a")] == [
        ("#ev-b7a64debc339d7ae.5",
         "Roche: L-2c055e56, USD 5,000,000 outstanding, current. Event b7a64debc339d7ae.5")]


def test_nothing_outstanding_is_said_in_a_sentence_not_drawn_as_an_empty_chart(tracker):
    page = _page(tracker.report(TimeView(as_of=date(2011, 12, 31))))
    receivables = page.find(id="receivables")
    assert receivables.select(".chart, svg") == []
    assert "Nothing outstanding on 2011-12-31: no milestone or royalty earned and still unpaid." in _words(receivables)


def test_an_overdue_catalyst_says_so_in_words_in_the_table_and_on_its_timeline(tracker):
    report = tracker.report(SEPT_30)
    (entry,) = report.calendar
    kadcyla = next(t for t in report.timelines if t.compound == "trastuzumab emtansine")
    late_item = next(i for i in kadcyla.items if i.sources == [entry.event])
    late_item.overdue = True
    report.calendar = [entry.model_copy(update={"overdue": True})]
    page = _page(report)
    catalysts = page.find(id="catalysts")
    assert _words(catalysts.find("p")) == (
        "1 overdue: its window closed before 2013-09-30 with nothing in view answering it.")
    assert _words(catalysts.select_one("tbody tr.overdue td")) == "2013-12-31 overdue"
    titles = [a.title.get_text() for a in page.select('.chart.timeline[data-compound="trastuzumab emtansine"] svg.wide a')]
    assert "EU regulatory: EC decision expected (by 2013-12-31, overdue). Event b7a64debc339d7ae.2" in titles


def test_the_report_of_an_empty_store_says_how_to_fill_it(tmp_path):
    path, nothing_yet = tmp_path / "report.html", tmp_path / "no-releases-yet"
    nothing_yet.mkdir()
    assert CliRunner().invoke(cli, ["--db", str(tmp_path / "empty.db"), "ingest", str(nothing_yet)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "empty.db"), "report", "-o", str(path)])
    assert result.exit_code == 0, result.output
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    nothing = page.main.find(id="nothing")
    assert [child.name for child in page.main.find_all(recursive=False)] == ["section"]
    assert _words(nothing.find("p")) == (
        "This store holds no events yet: no press release has been read into it. Read releases into it, "
        "then write the report again:")
    assert nothing.pre.get_text() == "tracker ingest RELEASES/\ntracker report -o report.html"


def test_a_view_before_every_event_says_how_many_the_store_holds_and_how_to_see_them(tracker):
    nothing = _page(tracker.report(TimeView(as_of=date(2000, 1, 1)))).find(id="nothing")
    assert [_words(p) for p in nothing.find_all("p")] == [
        "The store holds 26 events, and none is in this view: none was public by 2000-01-01.",
        "Write the report of a later day, tracker report --as-of YYYY-MM-DD , or of today, tracker report ."]


def test_writing_a_report_loads_no_plotting_library():
    code = ("import sys, cli; from tracker.presentation import report_page; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'numpy', 'PIL')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"


def test_a_page_over_its_log_limit_says_how_many_events_it_left_out_and_how_to_list_them(tracker):
    page = BeautifulSoup(render_html(tracker.report(SEPT_30), log_limit=5), "html.parser")
    log = page.find(id="event-log")
    assert len(log.select("tbody tr")) == 12
    assert _words(log.find(id="event-log-left-out")) == (
        "The 12 events the figures above are read from, by publication date and position in their release, with the "
        "sentence each was read from. The other 10 events in view are left out of this page, which lists every event "
        "only when there are at most 5: 5 PartnershipRecorded, 3 DevelopmentStatusReported, 2 CompoundAliasRecorded. "
        "tracker events --as-of 2013-09-30 --format csv > events.csv exports every one; "
        "tracker report --as-of 2013-09-30 --whole-log -o report.html writes them all into the page.")


def test_every_link_of_a_page_over_its_log_limit_still_lands_on_its_event(tracker):
    page = BeautifulSoup(render_html(tracker.report(SEPT_30), log_limit=5), "html.parser")
    ids = {tag["id"] for tag in page.find_all(id=True)}
    targets = {a["href"][1:] for a in page.find_all("a") if a["href"].startswith("#")}
    assert any(target.startswith("ev-") for target in targets) and targets - ids == set()


def test_a_page_within_its_log_limit_lists_every_event_and_says_so(tracker):
    log = _page(tracker.report(SEPT_30)).find(id="event-log")
    assert len(log.select("tbody tr")) == 22 and log.find(id="event-log-left-out") is None
    assert _words(log.find("p")).startswith("Every event in view")
