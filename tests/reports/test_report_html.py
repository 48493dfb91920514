"""`tracker report`: one self-contained HTML page whose every figure links to its events."""
from __future__ import annotations

import gc
import os
import re
import stat
import threading
from datetime import date

from bs4 import BeautifulSoup
from click.testing import CliRunner

from cli import cli
from projections.history import TimeView
from tracker.presentation import report_page
from tracker.presentation.report_page import LOG_LIMIT, render_html

SEPT_30 = TimeView(as_of=date(2013, 9, 30))


def _run(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, *args])


def test_report_writes_the_page_and_says_where_and_as_of_when(seeded, tmp_path):
    path = tmp_path / "report.html"
    result = _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(path))
    assert (result.exit_code, result.output) == (0, f"wrote {path}: the report as of 2013-09-30\n")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_the_page_written_to_its_file_is_the_page_rendered_byte_for_byte(seeded, tracker, tmp_path):
    path = tmp_path / "report.html"
    _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(path))
    assert path.read_bytes() == render_html(tracker.report(SEPT_30)).encode("utf-8")


def test_a_report_that_fails_halfway_leaves_the_last_page_whole_and_nothing_beside_it(seeded, tmp_path, monkeypatch):
    path = tmp_path / "report.html"
    path.write_text("the last page", encoding="utf-8")

    def half_a_page(report, out, log_limit):
        out.write("<!DOCTYPE html>")
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(report_page, "write_html", half_a_page)
    result = _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(path))
    assert isinstance(result.exception, RuntimeError)
    assert path.read_text(encoding="utf-8") == "the last page"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_report_to_a_device_or_a_pipe_is_written_into_it_not_put_in_its_place(seeded, tmp_path):
    # a page put in place of /dev/null would replace the device with a file; a named pipe stands in for it here
    pipe = tmp_path / "page.pipe"
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(pipe))
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert read[0].startswith(b"<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.pipe"]


def test_a_report_to_a_link_replaces_the_file_it_points_to_and_keeps_the_link(seeded, tmp_path):
    (tmp_path / "pages").mkdir()
    page = tmp_path / "pages" / "report.html"
    page.write_text("the last page", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(page)
    assert _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(link)).exit_code == 0
    assert link.is_symlink()
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_report_leaves_the_cycle_collector_as_it_found_it(seeded, tmp_path):
    assert gc.isenabled()
    _run(seeded, "report", "--as-of", "2013-09-30", "-o", str(tmp_path / "report.html"))
    assert gc.isenabled()


def test_report_to_a_dash_prints_the_page_on_stdout(seeded, tracker):
    result = _run(seeded, "report", "--as-of", "2013-09-30", "-o", "-")
    assert (result.exit_code, result.output) == (0, render_html(tracker.report(SEPT_30)))


def test_the_page_needs_nothing_from_the_network(tracker):
    page = BeautifulSoup(render_html(tracker.report(SEPT_30)), "html.parser")
    assert page.find_all(["script", "link", "img", "iframe"]) == []
    references = [value for tag in page.find_all(True) for name, value in tag.attrs.items()
                  if name in ("href", "xlink:href", "src")]
    assert references and all(ref.startswith("#") for ref in references)
    # three timelines, each drawn for a desk and for a phone, and the aging chart of the one currency owed
    assert [len(page.select(selector)) for selector in (".timeline svg.wide", ".timeline svg.narrow", ".aging svg")] == [3, 3, 1]


def test_every_link_in_the_page_and_its_charts_lands_on_an_element_of_the_page(tracker):
    page = BeautifulSoup(render_html(tracker.report(SEPT_30)), "html.parser")
    ids = {tag["id"] for tag in page.find_all(id=True)}
    targets = {value[1:] for tag in page.find_all(True) for name, value in tag.attrs.items()
               if name == "href" and value.startswith("#")}
    assert targets - ids == set()
    chart_links = {a["href"] for svg in page.find_all("svg") for a in svg.find_all("a")}
    assert {"#ev-b7a64debc339d7ae.4", "#ev-b7a64debc339d7ae.6", "#ev-b7a64debc339d7ae.5"} <= chart_links


def test_each_regulatory_figure_links_to_the_event_and_sentence_it_was_read_from(tracker):
    page = BeautifulSoup(render_html(tracker.report(SEPT_30)), "html.parser")
    japan = page.select_one('#regulatory-matrix td[data-region="JP"] a')
    assert (japan.get_text(), japan["href"]) == ("approved", "#ev-b7a64debc339d7ae.4")
    entry = page.find(id="ev-b7a64debc339d7ae.4")
    assert entry.blockquote.get_text() == ("The Japanese Ministry of Health, Labor and Welfare (MHLW) has approved "
                                          "Kadcyla for the treatment of inoperable or recurrent HER2-positive breast "
                                          "cancer based on results from a Japanese Phase II trial and the EMILIA "
                                          "Phase III trial.")
    assert " ".join(entry.select_one("span.note").get_text().split()) == "002_216599dac546bf8a.txt, line 15"


def test_text_from_the_record_is_shown_as_text_never_as_markup(writable):
    writable.retract("b7a64debc339d7ae.6", entered_by="<b>auditor</b>", reason="<script>alert(1)</script>",
                    reported_on=date(2013, 9, 25))
    html = render_html(writable.report(SEPT_30))
    assert "<script>" not in html
    assert "entered by &lt;b&gt;auditor&lt;/b&gt;: &lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_same_view_gives_the_same_page_byte_for_byte(tracker):
    assert render_html(tracker.report(SEPT_30)) == render_html(tracker.report(SEPT_30))


def test_the_charts_keep_their_text_as_text(tracker):
    html = render_html(tracker.report(SEPT_30))
    assert re.search(r"<text[^>]*>today \(2013-09-30\)</text>", html)
    assert re.search(r"<text[^>]*>USD 5M triggered by JP approval \(reported 2013-09-20\)</text>", html)
    assert re.search(r"<text[^>]*>days past due</text>", html)


def test_report_lists_every_event_in_the_log_with_whole_log_however_many(seeded, tmp_path, monkeypatch):
    monkeypatch.setattr(report_page, "LOG_LIMIT", 5)
    for flags, rows in (((), 12), (("--whole-log",), 22)):
        path = tmp_path / "report.html"
        _run(seeded, "report", "--as-of", "2013-09-30", *flags, "-o", str(path))
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert len(page.select("#event-log tbody tr")) == rows


def test_the_help_of_whole_log_names_the_log_limit():
    assert f"above {LOG_LIMIT:,} it" in " ".join(_run("unused.db", "report", "--help").output.split())
